// Issue 17: the hub's SMS gateway drains sms_outbox. The embedded default appends to a 0600
// file in the data folder; the HTTP gateway POSTs the configured template to a URL (here a
// QTcpServer in the test) and retries a failing answer with backoff on the hub's clock; each
// message keeps its status; the applicant is texted at acceptance, rejection and correction;
// no log line ever holds a whole phone number.

#include "DeliveryHelpers.h"
#include "HubTestClient.h"
#include "InProcessHub.h"

#include <security/Secrets.h>
#include <storage/Database.h>

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <DemoSeed.h>
#include <cases/CaseService.h>
#include <delivery/DeliveryService.h>
#include <sms/SmsService.h>
#include <sys/stat.h>

using namespace Tongban;

namespace {

const QString Password = QString::fromUtf8(Hub::DemoPassword);
const QString Phone = QStringLiteral("13912345678");
const QString Masked = QStringLiteral("139****5678");
const QByteArray Pdf = QByteArrayLiteral("%PDF-1.4\n% notice\n%%EOF\n");

QStringList g_log;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log.append(message);
    if (g_previous)
        g_previous(type, context, message);
}

/// A tiny SMS operator: answers each POST with the next canned answer, records the bodies.
class FakeOperator : public QObject
{
public:
    QList<QByteArray> bodies;
    QList<QPair<int, QByteArray>> answers; ///< status and body, one per request; then 200

    bool start() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString url() const
    {
        return QStringLiteral("http://127.0.0.1:%1/sms/send").arg(m_server.serverPort());
    }

    FakeOperator()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto *buffer = new QByteArray;
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QObject::destroyed, [buffer]() { delete buffer; });
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer]() {
                    buffer->append(socket->readAll());
                    const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
                    if (headEnd < 0)
                        return;
                    const QByteArray head = buffer->left(headEnd).toLower();
                    const qsizetype at = head.indexOf("content-length:");
                    const int length = at < 0
                        ? 0
                        : head.mid(at + 15, head.indexOf("\r\n", at) - at - 15).trimmed().toInt();
                    if (buffer->size() < headEnd + 4 + length)
                        return;
                    bodies.append(buffer->mid(headEnd + 4, length));
                    buffer->clear();
                    const auto answer = answers.isEmpty() ? qMakePair(200, QByteArrayLiteral("{}"))
                                                          : answers.takeFirst();
                    socket->write(QByteArray("HTTP/1.1 " + QByteArray::number(answer.first)
                        + " X\r\nContent-Type: application/json\r\nContent-Length: "
                        + QByteArray::number(answer.second.size()) + "\r\nConnection: close\r\n\r\n"
                        + answer.second));
                    socket->disconnectFromHost();
                });
            }
        });
    }

private:
    QTcpServer m_server;
};

} // namespace

class TestHubSms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void theFileGatewayAppendsToAPrivateFile();
    void theHttpGatewayRetriesAFailingAnswerWithBackoff();
    void aRefusalIsNotRetriedAndRetriesEnd();
    void theApplicantIsTextedAtAcceptanceRejectionAndCorrection();

private:
    void startHub(const QString &gatewayUrl = {});
    Hub::SmsRecord record(qint64 id);
    /// Drains and waits until the gateway has answered everything due.
    void drain();

    std::unique_ptr<InProcessHub> m_platform;
};

void TestHubSms::init()
{
    g_log.clear();
    g_previous = qInstallMessageHandler(capture);
}

void TestHubSms::cleanup()
{
    m_platform.reset();
    qInstallMessageHandler(g_previous);
    // THEN (every test) no log line held a whole phone number
    for (const QString &line : std::as_const(g_log)) {
        QVERIFY2(!line.contains(Phone) && !line.contains(QStringLiteral("13800000000")),
            qPrintable(line));
    }
}

void TestHubSms::startHub(const QString &gatewayUrl)
{
    m_platform = std::make_unique<InProcessHub>();
    const QString started = m_platform->start([&](Hub::HubConfig &config) {
        config.sms.httpUrl = gatewayUrl;
        config.sms.retryBaseMs = 60 * 1000;
        config.sms.maxAttempts = 3;
        config.sms.drainMs = 3600 * 1000; // the test drains by hand
    });
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

Hub::SmsRecord TestHubSms::record(qint64 id)
{
    for (const Hub::SmsRecord &sms :
        Hub::SmsService::list(m_platform->hub->database(), m_platform->hub->secrets()))
        if (sms.id == id)
            return sms;
    return {};
}

void TestHubSms::drain()
{
    Hub::SmsService &sms = m_platform->hub->sms();
    QSignalSpy idle(&sms, &Hub::SmsService::idle);
    sms.drain();
    QVERIFY(idle.count() > 0 || idle.wait(10000));
}

void TestHubSms::theFileGatewayAppendsToAPrivateFile()
{
    // GIVEN a hub with the embedded default gateway and three messages: one with a phone,
    // one without, one inserted the way CallService queues a missed-call reminder
    startHub();
    Storage::Database &db = m_platform->hub->database();
    const auto withPhone
        = Hub::SmsService::enqueue(db, *m_platform->clock, m_platform->hub->secrets(),
            { QStringLiteral("410402-tb-03"), Phone, QStringLiteral("您好"), QStringLiteral("test"),
                {} });
    const auto withoutPhone
        = Hub::SmsService::enqueue(db, *m_platform->clock, m_platform->hub->secrets(),
            { QStringLiteral("410402-tb-03"), {}, QStringLiteral("无号码"), QStringLiteral("test"),
                {} });
    QVERIFY(withPhone && withoutPhone);
    QSqlQuery legacy(db.connection());
    QVERIFY(legacy.exec(QStringLiteral(
        "INSERT INTO sms_outbox (window_id, phone, text, call_id, state, created_at)"
        " VALUES ('410402-tb-01', '13800000401', '未接来电', 'call-1', 'queued', 0)")));
    const qint64 legacyId = legacy.lastInsertId().toLongLong();

    // WHEN the outbox is drained
    drain();

    // THEN both messages with a phone are sent, one JSON line each, in a 0600 file
    QCOMPARE(record(*withPhone).state, QStringLiteral("sent"));
    QCOMPARE(record(*withPhone).attempts, 1);
    QVERIFY(record(*withPhone).sentAt.isValid());
    QCOMPARE(record(legacyId).state, QStringLiteral("sent"));
    QCOMPARE(record(legacyId).purpose, QStringLiteral("missed_call"));
    // AND the message without a phone stays no_phone, never sent
    QCOMPARE(record(*withoutPhone).state, QStringLiteral("no_phone"));
    QCOMPARE(record(*withoutPhone).attempts, 0);
    QFile file(m_platform->dir->filePath(QStringLiteral("sms-sent.jsonl")));
    QVERIFY(file.exists());
    struct stat status
    {
    };
    QCOMPARE(::stat(QFile::encodeName(file.fileName()).constData(), &status), 0);
    QCOMPARE(status.st_mode & 0777, 0600u); // nothing for group or others
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
    // AND the number is sealed in it (no plain number at rest), shown masked beside
    const QString sealedTo = first.value(QStringLiteral("to")).toString();
    QVERIFY2(!sealedTo.contains(Phone), qPrintable(sealedTo));
    QCOMPARE(m_platform->hub->secrets().open(sealedTo).value(), Phone);
    QCOMPARE(first.value(QStringLiteral("toMasked")).toString(), Masked);
    QCOMPARE(first.value(QStringLiteral("text")).toString(), QStringLiteral("您好"));
    // AND the log names the number masked only
    QVERIFY(g_log.join(QLatin1Char('\n')).contains(Masked));

    // WHEN drained again THEN nothing is sent twice
    drain();
    file.seek(0);
    QCOMPARE(file.readAll().trimmed().split('\n').size(), 2);
}

void TestHubSms::theHttpGatewayRetriesAFailingAnswerWithBackoff()
{
    // GIVEN an operator that first answers 503, then 200 "delivered"
    FakeOperator smsOperator;
    QVERIFY(smsOperator.start());
    smsOperator.answers = { { 503, QByteArrayLiteral("{\"error\":\"busy\"}") },
        { 200, QByteArrayLiteral("{\"id\":\"gw-7\",\"status\":\"delivered\"}") } };
    startHub(smsOperator.url());
    const auto id = Hub::SmsService::enqueue(m_platform->hub->database(), *m_platform->clock,
        m_platform->hub->secrets(),
        { QStringLiteral("410402-tb-03"), Phone, QStringLiteral("办件\"已受理\""),
            QStringLiteral("acceptance"), QStringLiteral("case-1") });
    QVERIFY(id);

    // WHEN the outbox is drained
    drain();
    // THEN the template was POSTed with the values, JSON-escaped
    QCOMPARE(smsOperator.bodies.size(), 1);
    const QJsonObject sent = QJsonDocument::fromJson(smsOperator.bodies.first()).object();
    QCOMPARE(sent.value(QStringLiteral("to")).toString(), Phone);
    QCOMPARE(sent.value(QStringLiteral("text")).toString(), QStringLiteral("办件\"已受理\""));
    QCOMPARE(sent.value(QStringLiteral("ref")).toString(), QString::number(*id));
    QCOMPARE(sent.value(QStringLiteral("purpose")).toString(), QStringLiteral("acceptance"));
    // AND the 503 leaves it queued, one attempt counted, the next one a minute later
    Hub::SmsRecord after = record(*id);
    QCOMPARE(after.state, QStringLiteral("queued"));
    QCOMPARE(after.attempts, 1);
    QCOMPARE(after.nextAttemptAt, m_platform->clock->now().addSecs(60));
    QVERIFY(after.lastError.contains(QStringLiteral("503")));

    // WHEN drained again before the backoff is over THEN nothing is sent
    m_platform->clock->advanceSecs(59);
    drain();
    QCOMPARE(smsOperator.bodies.size(), 1);

    // WHEN the backoff is over THEN the retry goes out and the message is delivered
    m_platform->clock->advanceSecs(1);
    drain();
    QCOMPARE(smsOperator.bodies.size(), 2);
    after = record(*id);
    QCOMPARE(after.state, QStringLiteral("delivered"));
    QCOMPARE(after.attempts, 2);
    QCOMPARE(after.reference, QStringLiteral("gw-7"));
    QVERIFY(g_log.join(QLatin1Char('\n')).contains(Masked));
}

void TestHubSms::aRefusalIsNotRetriedAndRetriesEnd()
{
    // GIVEN an operator that refuses the first message (400) and fails the second three times
    FakeOperator smsOperator;
    QVERIFY(smsOperator.start());
    smsOperator.answers = { { 400, QByteArrayLiteral("{\"to\":\"13912345678\"}") }, { 500, {} },
        { 500, {} }, { 500, {} } };
    startHub(smsOperator.url());
    Storage::Database &db = m_platform->hub->database();
    const auto refused = Hub::SmsService::enqueue(db, *m_platform->clock,
        m_platform->hub->secrets(),
        { QStringLiteral("410402-tb-03"), Phone, QStringLiteral("一"), QStringLiteral("t"), {} });
    QVERIFY(refused);
    drain();
    // THEN the refused one is failed after one attempt
    QCOMPARE(record(*refused).state, QStringLiteral("failed"));
    QCOMPARE(record(*refused).attempts, 1);
    // AND its answer, which echoes the number, is not kept
    QVERIFY(!record(*refused).lastError.contains(Phone));

    const auto flaky = Hub::SmsService::enqueue(db, *m_platform->clock, m_platform->hub->secrets(),
        { QStringLiteral("410402-tb-03"), Phone, QStringLiteral("二"), QStringLiteral("t"), {} });
    QVERIFY(flaky);
    drain(); // attempt 1, retry after 60 s
    m_platform->clock->advanceSecs(60);
    drain(); // attempt 2, retry after 120 s
    QCOMPARE(record(*flaky).state, QStringLiteral("queued"));
    QCOMPARE(record(*flaky).nextAttemptAt, m_platform->clock->now().addSecs(120));
    m_platform->clock->advanceSecs(120);
    drain(); // attempt 3 = maxAttempts
    QCOMPARE(record(*flaky).state, QStringLiteral("failed"));
    QCOMPARE(record(*flaky).attempts, 3);
    m_platform->clock->advanceDays(1);
    drain();
    QCOMPARE(smsOperator.bodies.size(), 4); // 1 refused + 3 attempts, nothing after
}

void TestHubSms::theApplicantIsTextedAtAcceptanceRejectionAndCorrection()
{
    // GIVEN two cases transmitted with the applicant's phone
    startHub();
    HubTestClient window(m_platform->base);
    QCOMPARE(
        window.login(QStringLiteral("xh-tb-03-wangli"), Password, QStringLiteral("410402-tb-03"))
            .status,
        200);
    const QString first = DeliveryHelpers::submitCase(window, QStringLiteral("41040201012001000"),
        QStringLiteral("2026-11-24T09:00:00+08:00"), Phone);
    const QString second = DeliveryHelpers::submitCase(window, QStringLiteral("41040201012001000"),
        QStringLiteral("2026-11-24T09:05:00+08:00"), Phone);
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    // WHEN the home department accepts one and rejects the other, and asks for a correction
    QVERIFY(m_platform->hub->cases().decide(
        first, QStringLiteral("accepted"), {}, Pdf, QStringLiteral("xh-scjg-chenjing")));
    QVERIFY(m_platform->hub->cases().decide(second, QStringLiteral("rejected"),
        QStringLiteral("不属于本部门职责"), Pdf, QStringLiteral("xh-scjg-chenjing")));
    QVERIFY(Hub::DeliveryService::notifyApplicant(m_platform->hub->database(), *m_platform->clock,
        m_platform->hub->secrets(), second, QStringLiteral("correction")));

    // THEN three SMS to the applicant are queued, with the case and the purpose
    QStringList purposes;
    for (const Hub::SmsRecord &sms :
        Hub::SmsService::list(m_platform->hub->database(), m_platform->hub->secrets())) {
        if (sms.phone != Phone)
            continue;
        purposes << sms.purpose;
        QCOMPARE(sms.state, QStringLiteral("queued"));
        QCOMPARE(sms.windowId, QStringLiteral("410402-tb-03"));
        QCOMPARE(sms.caseId, sms.purpose == QLatin1String("acceptance") ? first : second);
        QVERIFY2(sms.text.contains(QStringLiteral("410402-20261124-")), qPrintable(sms.text));
    }
    QCOMPARE(purposes,
        (QStringList { QStringLiteral("acceptance"), QStringLiteral("rejection"),
            QStringLiteral("correction") }));
    // AND the gateway sends them
    drain();
    for (const Hub::SmsRecord &sms :
        Hub::SmsService::list(m_platform->hub->database(), m_platform->hub->secrets()))
        QVERIFY(sms.phone != Phone || sms.state == QLatin1String("sent"));
    // AND no file of the data folder holds the applicant's number in plain text (issue 17):
    // not the database, its journal, nor the file gateway's sms-sent.jsonl
    QVERIFY(QFile::exists(m_platform->dir->filePath(QStringLiteral("sms-sent.jsonl"))));
    QDirIterator files(
        m_platform->dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int scanned = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(Phone.toLatin1()), qPrintable(file.fileName()));
        QVERIFY2(!bytes.contains(Phone.toUtf8().toBase64()), qPrintable(file.fileName()));
        ++scanned;
    }
    QVERIFY(scanned >= 2);
}

QTEST_GUILESS_MAIN(TestHubSms)
#include "tst_hubsms.moc"
