// RequestQueue (issue 5): mailings (§8) and guide error reports (§9) kept in SQLite until
// the platform answered, retried with the very same body (client id included) after a lost
// answer, never retried after a refusal; and against the real tongban-hub, a connection
// cut after the hub committed never creates a second mailing or report.
#include "CuttingProxy.h"
#include "FakeHttpServer.h"
#include "HubChild.h"
#include "TestSupport.h"

#include <platform/ApiParsing.h>
#include <platform/PlatformErrors.h>
#include <platform/PlatformSchema.h>
#include <platform/RequestQueue.h>
#include <platform/RetryQueue.h>
#include <storage/Database.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

#include <memory>

using namespace Tongban;
using namespace Tongban::Platform;
using namespace Tongban::Platform::Testing;

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

MailingRecord sampleMailing(const QString &caseId)
{
    MailingRecord mailing;
    mailing.clientMailingId = uuid();
    mailing.caseId = caseId;
    mailing.carrier = QStringLiteral("EMS");
    mailing.waybill = QStringLiteral("1234567890123");
    mailing.sentAt = QDateTime(QDate(2026, 11, 25), QTime(10, 0), QTimeZone(8 * 3600));
    mailing.materials = { QStringLiteral("application") };
    return mailing;
}

GuideReport sampleReport()
{
    GuideReport report;
    report.clientReportId = uuid();
    report.itemCode = QStringLiteral("41040201012001000");
    report.materialId = QStringLiteral("application");
    report.kind = QStringLiteral("review_point_mismatch");
    report.text = QStringLiteral("审查要点与窗口实际要求不一致");
    return report;
}

/// Forwards to the real transport and records each answer's HTTP status.
class StatusRecorder : public Transport
{
public:
    explicit StatusRecorder(Transport &inner)
        : m_inner(inner)
    { }
    QList<int> statuses; // 0 = no HTTP answer
    QList<QByteArray> bodies;
    void send(const ApiRequest &request, ResponseCallback callback) override
    {
        bodies.append(request.body);
        m_inner.send(request, [this, callback](Core::Result<ApiResponse> response) {
            statuses.append(response ? response->status : 0);
            callback(std::move(response));
        });
    }
    QUrl resolve(const ApiRequest &request) const override { return m_inner.resolve(request); }

private:
    Transport &m_inner;
};

} // namespace

class TestRequestQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void requestsFollowTheContract();
    void enqueueIsIdempotentByClientId();
    void lostAnswerIsRetriedWithTheSameBody();
    void refusalIsKeptAsFailedAndNotRetried();
    void queueSurvivesARestart();
    void hubMailingIdempotentAfterLostAnswer();
    void hubGuideReportIdempotentAfterLostAnswer();
    void oneRetryQueueUnderTheOutboxAndTheRequests();

private:
    bool hubHasEndpoints(Transport &transport, QString *why);
    void hubIdempotentAfterLostAnswer(bool mailing);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Storage::Database> m_db;
    Core::ManualClock m_clock { QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC) };
};

void TestRequestQueue::initTestCase()
{
    qRegisterMetaType<Core::Error>();
}

void TestRequestQueue::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = Storage::Database::open(
        m_dir->filePath(QStringLiteral("workstation.sqlite")), { platformSchema() });
    QVERIFY(db.ok());
    m_db = std::move(*db);
}

void TestRequestQueue::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestRequestQueue::requestsFollowTheContract()
{
    const MailingRecord mailing = sampleMailing(QStringLiteral("case/1"));
    const auto request = RequestQueue::mailingRequest(mailing);
    QVERIFY(!request.ok()); // a '/' in a platform id is refused, never put in a path
    const auto ok = RequestQueue::mailingRequest(sampleMailing(QStringLiteral("c-42")));
    QVERIFY(ok.ok());
    QCOMPARE(ok->method, QByteArray("POST"));
    QCOMPARE(ok->path, QStringLiteral("/cases/c-42/mailings"));
    const QJsonObject body = QJsonDocument::fromJson(ok->body).object();
    QVERIFY(!body.value(QStringLiteral("clientMailingId")).toString().isEmpty());
    QCOMPARE(body.value(QStringLiteral("carrier")).toString(), QStringLiteral("EMS"));
    QCOMPARE(body.value(QStringLiteral("waybill")).toString(), QStringLiteral("1234567890123"));
    QCOMPARE(body.value(QStringLiteral("sentAt")).toString(),
        QStringLiteral("2026-11-25T10:00:00+08:00"));
    QCOMPARE(body.value(QStringLiteral("materials")).toArray(),
        QJsonArray { QStringLiteral("application") });

    MailingRecord noWaybill = sampleMailing(QStringLiteral("c-42"));
    noWaybill.waybill.clear();
    QCOMPARE(RequestQueue::mailingRequest(noWaybill).error().code, int(InvalidArgument));

    const auto report = RequestQueue::guideReportRequest(sampleReport());
    QVERIFY(report.ok());
    QCOMPARE(report->path, QStringLiteral("/guide-reports"));
    const QJsonObject reportBody = QJsonDocument::fromJson(report->body).object();
    QCOMPARE(reportBody.value(QStringLiteral("kind")).toString(),
        QStringLiteral("review_point_mismatch"));
    QCOMPARE(
        reportBody.value(QStringLiteral("materialId")).toString(), QStringLiteral("application"));
    QVERIFY(!reportBody.contains(QStringLiteral("caseId")));
    GuideReport unknownKind = sampleReport();
    unknownKind.kind = QStringLiteral("complaint");
    QCOMPARE(RequestQueue::guideReportRequest(unknownKind).error().code, int(InvalidArgument));
}

void TestRequestQueue::enqueueIsIdempotentByClientId()
{
    FakeHttpServer server([](const FakeRequest &) { return FakeResponse::status_(500); });
    ApiClient api(server.baseUrl());
    RequestQueue queue(*m_db, api, m_clock);
    MailingRecord mailing = sampleMailing(QStringLiteral("c-1"));
    QVERIFY(queue.enqueueMailing(mailing).ok());
    QVERIFY(queue.enqueueMailing(mailing).ok()); // the same again: nothing new
    QCOMPARE(queue.status().value(QStringLiteral("requests")).toArray().size(), 1);
    mailing.waybill = QStringLiteral("9999999999999");
    QCOMPARE(queue.enqueueMailing(mailing).error().code, int(InvalidArgument));
    QCOMPARE(queue.status().value(QStringLiteral("requests")).toArray().size(), 1);
}

void TestRequestQueue::lostAnswerIsRetriedWithTheSameBody()
{
    // GIVEN a platform whose first answer is lost (connection dropped), then answers 201
    bool dropping = true; // also any resend Qt makes by itself
    FakeHttpServer server([&](const FakeRequest &request) {
        if (dropping) {
            FakeResponse lost;
            lost.dropConnection = true;
            return lost;
        }
        return FakeResponse::json(request.path.endsWith("/mailings") ? 201 : 200,
            request.path.endsWith("/mailings")
                ? QJsonObject { { QStringLiteral("mailingId"), QStringLiteral("m-7") } }
                : QJsonObject { { QStringLiteral("reportId"), QStringLiteral("r-7") } });
    });
    ApiClient api(server.baseUrl());
    RequestQueue queue(*m_db, api, m_clock);
    queue.setJitterSeed(1);
    const MailingRecord mailing = sampleMailing(QStringLiteral("c-1"));
    QVERIFY(queue.enqueueMailing(mailing).ok());
    QSignalSpy errors(&queue, &RequestQueue::requestError);
    QSignalSpy done(&queue, &RequestQueue::requestDone);

    // WHEN the queue runs
    queue.start();
    QVERIFY(spinUntil([&] { return !errors.isEmpty(); }));

    // THEN the failure is retryable and scheduled with backoff (within the contract's cap)
    const auto error = errors.first().at(1).value<Core::Error>();
    QCOMPARE(error.code, int(NetworkUnavailable));
    const QDateTime next = errors.first().at(2).toDateTime();
    QVERIFY(next.isValid());
    QVERIFY(m_clock.now().msecsTo(next) >= 500 && m_clock.now().msecsTo(next) <= 1000);
    QCOMPARE(queue.state(mailing.clientMailingId), QStringLiteral("pending"));

    // WHEN the time comes
    dropping = false;
    m_clock.set(next);
    queue.flush();
    QVERIFY(spinUntil([&] { return done.size() == 1; }));

    // THEN the very same body was sent again and the server's id is kept
    QVERIFY(server.requests.size() >= 2);
    QCOMPARE(server.requests.last().body, server.requests.first().body);
    QCOMPARE(queue.serverId(mailing.clientMailingId), QStringLiteral("m-7"));
    QCOMPARE(queue.state(mailing.clientMailingId), QStringLiteral("done"));
    QCOMPARE(done.first().at(1).toString(), QStringLiteral("mailing"));
}

void TestRequestQueue::refusalIsKeptAsFailedAndNotRetried()
{
    FakeHttpServer server([](const FakeRequest &request) {
        if (request.path.endsWith("/mailings"))
            return FakeResponse::error(422, "validation_failed", QStringLiteral("waybill"));
        return FakeResponse::error(409, "idempotency_conflict");
    });
    ApiClient api(server.baseUrl());
    RequestQueue queue(*m_db, api, m_clock);
    const MailingRecord mailing = sampleMailing(QStringLiteral("c-1"));
    const GuideReport report = sampleReport();
    QVERIFY(queue.enqueueMailing(mailing).ok());
    QVERIFY(queue.enqueueGuideReport(report).ok());
    QSignalSpy errors(&queue, &RequestQueue::requestError);
    QSignalSpy idle(&queue, &RequestQueue::idle);
    queue.start();
    QVERIFY(spinUntil([&] { return errors.size() == 2 && !idle.isEmpty(); }));
    QVERIFY(!errors.at(0).at(2).toDateTime().isValid());
    QVERIFY(!errors.at(1).at(2).toDateTime().isValid());
    QCOMPARE(queue.state(mailing.clientMailingId), QStringLiteral("failed"));
    QCOMPARE(queue.state(report.clientReportId), QStringLiteral("failed"));
    const QJsonObject first
        = queue.status().value(QStringLiteral("requests")).toArray().at(0).toObject();
    QVERIFY(first.value(QStringLiteral("lastError")).toString().contains(u"validation_failed"));
    // Not retried by itself, not even on flush.
    const qsizetype sent = server.requests.size();
    queue.flush();
    QVERIFY(spinUntil([&] { return idle.size() >= 2; }));
    QCOMPARE(server.requests.size(), sent);
}

void TestRequestQueue::queueSurvivesARestart()
{
    FakeHttpServer server([](const FakeRequest &) {
        return FakeResponse::json(
            201, QJsonObject { { QStringLiteral("reportId"), QStringLiteral("r-1") } });
    });
    ApiClient api(server.baseUrl());
    const GuideReport report = sampleReport();
    {
        RequestQueue queue(*m_db, api, m_clock);
        QVERIFY(queue.enqueueGuideReport(report).ok());
    }
    m_db.reset();
    auto db = Storage::Database::open(
        m_dir->filePath(QStringLiteral("workstation.sqlite")), { platformSchema() });
    QVERIFY(db.ok());
    m_db = std::move(*db);
    RequestQueue queue(*m_db, api, m_clock);
    QSignalSpy done(&queue, &RequestQueue::requestDone);
    queue.start();
    QVERIFY(spinUntil([&] { return done.size() == 1; }));
    QCOMPARE(queue.serverId(report.clientReportId), QStringLiteral("r-1"));
    QCOMPARE(server.requests.size(), 1);
}

bool TestRequestQueue::hubHasEndpoints(Transport &transport, QString *why)
{
    // An empty report: a hub with the endpoint refuses it (400/422); one without says 404.
    ApiRequest probe;
    probe.method = "POST";
    probe.path = QStringLiteral("/guide-reports");
    probe.body = "{}";
    const auto answer
        = await<Core::Result<ApiResponse>>([&](auto done) { transport.send(probe, done); });
    if (!answer || !answer->ok()) {
        *why = QStringLiteral("no answer from the hub");
        return false;
    }
    if ((*answer)->status == 404) {
        *why = QString(QStringLiteral("tongban-hub answers POST /api/v1/guide-reports with 404 (")
            + QString::fromUtf8((*answer)->body.left(200))
            + QStringLiteral("): contract §8/§9 endpoints not implemented in this hub build"));
        return false;
    }
    return true;
}

void TestRequestQueue::hubIdempotentAfterLostAnswer(bool mailing)
{
    // GIVEN the hub behind a proxy that can cut an answer after the hub committed
    HubChild hub(QStringLiteral(TONGBAN_HUB), m_dir->filePath(QStringLiteral("hub")));
    QVERIFY(!hub.start().isEmpty());
    ApiClient direct { QUrl(hub.base()) };
    MemoryTokenStore store;
    Session session(direct, store);
    QVERIFY(signIn(session));
    QString why;
    if (!hubHasEndpoints(session, &why))
        QSKIP(qPrintable(why));
    CuttingProxy proxy(quint16(QUrl(hub.base()).port()));
    ApiClient viaProxy(
        QUrl(QString(QStringLiteral("http://127.0.0.1:") + QString::number(proxy.port()))));
    viaProxy.setBearerToken(session.accessToken());
    StatusRecorder recorder(viaProxy);
    RequestQueue queue(*m_db, recorder, m_clock);

    QString caseId;
    QString clientId;
    if (mailing) {
        const QStringList cases
            = submitCases(session, m_dir->filePath(QStringLiteral("outbox.db")), 1);
        QCOMPARE(cases.size(), 1);
        caseId = cases.first();
        const MailingRecord record = sampleMailing(caseId);
        clientId = record.clientMailingId;
        QVERIFY(queue.enqueueMailing(record).ok());
    } else {
        const GuideReport report = sampleReport();
        clientId = report.clientReportId;
        QVERIFY(queue.enqueueGuideReport(report).ok());
    }
    QSignalSpy errors(&queue, &RequestQueue::requestError);
    QSignalSpy done(&queue, &RequestQueue::requestDone);

    // WHEN the first answer is lost after the hub committed
    proxy.arm(clientId.toUtf8());
    queue.start();
    QVERIFY(spinUntil([&] { return !errors.isEmpty(); }, 30000));
    QVERIFY(proxy.cuts >= 1);
    QCOMPARE(errors.first().at(1).value<Core::Error>().code, int(NetworkUnavailable));
    proxy.disarm();
    m_clock.set(errors.last().at(2).toDateTime());
    queue.flush();

    // THEN the retry is recognised as a repeat (200, not 201) and kept as done
    QVERIFY(spinUntil([&] { return done.size() == 1; }, 30000));
    QCOMPARE(recorder.statuses.last(), 200);
    for (const QByteArray &body : recorder.bodies)
        QCOMPARE(body, recorder.bodies.first());
    QVERIFY(!queue.serverId(clientId).isEmpty());

    if (mailing) {
        // AND the case has exactly one mailing
        ApiRequest list;
        list.path = QString(QStringLiteral("/cases/") + caseId + QStringLiteral("/mailings"));
        const auto answer
            = await<Core::Result<ApiResponse>>([&](auto cb) { session.send(list, cb); });
        QVERIFY(answer && answer->ok());
        QCOMPARE((*answer)->status, 200);
        const QJsonObject object = QJsonDocument::fromJson((*answer)->body).object();
        QJsonArray mailings = object.value(QStringLiteral("mailings")).toArray();
        QCOMPARE(mailings.size(), 1);
        QCOMPARE(mailings.at(0).toObject().value(QStringLiteral("mailingId")).toString(),
            queue.serverId(clientId));
    }
}

void TestRequestQueue::hubMailingIdempotentAfterLostAnswer()
{
    hubIdempotentAfterLostAnswer(true);
}

void TestRequestQueue::hubGuideReportIdempotentAfterLostAnswer()
{
    hubIdempotentAfterLostAnswer(false);
}

void TestRequestQueue::oneRetryQueueUnderTheOutboxAndTheRequests()
{
    // GIVEN a mailing queued (platform_requests) and a case in the outbox (outbox_cases), each
    // with a RetryQueue over its table, the same jitter seed (issue 17: one retry queue under
    // Outbox and RequestQueue)
    FakeHttpServer server([](const FakeRequest &) { return FakeResponse::status_(500); });
    ApiClient api(server.baseUrl());
    RequestQueue queue(*m_db, api, m_clock); // never started: only its rows are used here
    const MailingRecord mailing = sampleMailing(QStringLiteral("c-1"));
    QVERIFY(queue.enqueueMailing(mailing));
    const QString mailingId = mailing.clientMailingId;
    QSqlQuery insert(m_db->connection());
    QVERIFY(insert.exec(QStringLiteral(
        "INSERT INTO outbox_cases (client_case_id, body, state, enqueued_at, updated_at)"
        " VALUES ('case-a', '{}', 'uploading', 0, 0)")));
    QObject owner;
    int outboxWakes = 0;
    int requestWakes = 0;
    RetryQueue outbox(*m_db, m_clock,
        { QStringLiteral("outbox_cases"), QStringLiteral("client_case_id"),
            { QStringLiteral("pending"), QStringLiteral("uploading"),
                QStringLiteral("submitting") },
            QStringLiteral("failed") },
        &owner, [&] { ++outboxWakes; });
    RetryQueue requests(*m_db, m_clock,
        { QStringLiteral("platform_requests"), QStringLiteral("client_id"),
            { QStringLiteral("pending") }, QStringLiteral("failed") },
        &owner, [&] { ++requestWakes; });
    outbox.setJitterSeed(7);
    requests.setJitterSeed(7);
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    const Core::Error network { NetworkUnavailable, {}, QStringLiteral("refused") };
    const auto column = [&](const QString &sql) {
        QSqlQuery query(m_db->connection());
        return query.exec(sql) && query.next() ? query.value(0) : QVariant();
    };

    // WHEN each fails three times, retried
    QList<qint64> outboxWaits;
    QList<qint64> requestWaits;
    for (int i = 1; i <= 3; ++i) {
        const auto a = outbox.recordFailure(QStringLiteral("case-a"), network, true);
        const auto b = requests.recordFailure(mailingId, network, true);
        QVERIFY(a && b);
        QCOMPARE(a->attempts, i);
        QCOMPARE(b->attempts, i);
        outboxWaits << a->next.toMSecsSinceEpoch() - now;
        requestWaits << b->next.toMSecsSinceEpoch() - now;
    }
    // THEN both wait the same backoff: 1 s doubled per failure, half of it jitter
    QCOMPARE(outboxWaits, requestWaits);
    for (int i = 0; i < 3; ++i) {
        const qint64 base = qint64(1000) << i;
        QVERIFY2(outboxWaits.at(i) >= base / 2 && outboxWaits.at(i) <= base,
            qPrintable(QString::number(outboxWaits.at(i))));
    }
    // AND the rows keep their attempts, due time and error, in their own states
    QCOMPARE(column(QStringLiteral("SELECT attempts FROM outbox_cases")).toInt(), 3);
    QCOMPARE(column(QStringLiteral("SELECT next_attempt_at FROM outbox_cases")).toLongLong(),
        now + outboxWaits.last());
    QCOMPARE(column(QStringLiteral("SELECT state FROM outbox_cases")).toString(),
        QStringLiteral("uploading"));
    QVERIFY(column(QStringLiteral("SELECT last_error FROM platform_requests"))
                .toString()
                .contains(QStringLiteral("refused")));
    QCOMPARE(queue.state(mailingId), QStringLiteral("pending"));

    // WHEN the timer is armed THEN nothing wakes before the row is due
    outbox.armTimer();
    QTest::qWait(50);
    QCOMPARE(outboxWakes, 0);
    // WHEN the platform answers again (only rows waiting beyond now) THEN they are due at once
    QVERIFY(outbox.makeDue(true));
    QCOMPARE(column(QStringLiteral("SELECT next_attempt_at FROM outbox_cases")).toLongLong(), 0);
    outbox.armTimer();
    QTRY_COMPARE(outboxWakes, 1);
    // AND a wake asked for many times before the event loop runs comes once
    requests.scheduleWake();
    requests.scheduleWake();
    QTRY_COMPARE(requestWakes, 1);
    QTest::qWait(20);
    QCOMPARE(requestWakes, 1);

    // WHEN a failure is not retried THEN the row is failed with its error, and a flush does not
    // make it due again
    const auto refused = requests.recordFailure(
        mailingId, Core::Error { InvalidArgument, {}, QStringLiteral("validation_failed") }, false);
    QVERIFY(refused);
    QVERIFY(!refused->next.isValid());
    QCOMPARE(queue.state(mailingId), QStringLiteral("failed"));
    QVERIFY(requests.makeDue());
    QVERIFY(
        column(QStringLiteral("SELECT next_attempt_at FROM platform_requests")).toLongLong() > 0);
}

QTEST_GUILESS_MAIN(TestRequestQueue)
#include "tst_requestqueue.moc"
