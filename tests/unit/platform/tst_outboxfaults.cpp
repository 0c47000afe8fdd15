// Outbox faults against the real tongban-hub as a child process (issue 5):
// - cases waiting out their backoff after a network failure go as soon as the platform
//   answers again (not each after its own backoff);
// - the hub killed with SIGKILL at random moments while the outbox transmits a multi-page
//   case, restarted on the same data directory and port: the outbox resumes from the
//   server's offsets (each page re-sends at most one chunk), the case is acknowledged once
//   and the files on the hub have the declared hashes (TONGBAN_HUB_KILLS trials, 10 by
//   default);
// - over TLS with the test CA (data/ca.pem, server.pem for 127.0.0.1) a case uploads; with an
//   unknown CA, or another CA configured, it is refused with a clear error, nothing is
//   marked uploaded and nothing reaches the hub.
#include "HubProcess.h"
#include "TestSupport.h"

#include <core/Clock.h>
#include <core/Hash.h>
#include <platform/ApiClient.h>
#include <platform/Outbox.h>
#include <platform/PlatformErrors.h>
#include <storage/Database.h>

#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <SampleCase.h>
#include <memory>

using namespace Tongban;
using namespace Tongban::Platform;
using namespace Tongban::Platform::Testing;

namespace {

/// Sends through the hub's client once connected, until then through one that cannot connect.
class SwitchableTransport : public Transport
{
public:
    SwitchableTransport(Transport &down, Transport &up)
        : m_down(down)
        , m_up(up)
    { }
    bool connected = false;
    void send(const ApiRequest &request, ResponseCallback callback) override
    {
        (connected ? m_up : m_down).send(request, std::move(callback));
    }
    QUrl resolve(const ApiRequest &request) const override
    {
        return (connected ? m_up : m_down).resolve(request);
    }

private:
    Transport &m_down;
    Transport &m_up;
};

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString dataFile(const char *name)
{
    return QString(QStringLiteral(TONGBAN_PLATFORM_TEST_DATA "/") + QLatin1String(name));
}

/// What the hub holds for one client case id, read from its database (read-only).
struct HubCase
{
    int rows = 0;
    QString caseNumber;
    QString status;
    int pages = 0;
    int pagesWithMatchingFile = 0;
    QHash<QString, qint64> uploadLengths; // upload URL path -> length
};

HubCase readHubCase(const QString &dataDir, const QString &clientCaseId)
{
    HubCase out;
    const QString connection = QStringLiteral("hub-read-faults");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(dataDir + QStringLiteral("/hub.db"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                "SELECT id, case_number, status FROM hub_cases WHERE client_case_id = ?"));
            q.addBindValue(clientCaseId);
            QString caseId;
            if (q.exec()) {
                while (q.next()) {
                    ++out.rows;
                    caseId = q.value(0).toString();
                    out.caseNumber = q.value(1).toString();
                    out.status = q.value(2).toString();
                }
            }
            // Every declared page has one complete upload whose file has the declared hash.
            q.prepare(QStringLiteral(
                "SELECT p.sha256, u.id, u.length, u.state FROM hub_pages p LEFT JOIN hub_uploads"
                " u ON u.client_page_id = p.client_page_id WHERE p.case_id = ?"));
            q.addBindValue(caseId);
            if (q.exec()) {
                while (q.next()) {
                    ++out.pages;
                    const QString id = q.value(1).toString();
                    out.uploadLengths.insert(
                        QString(QStringLiteral("/api/v1/uploads/") + id), q.value(2).toLongLong());
                    QFile file(dataDir + QStringLiteral("/files/uploads/") + id);
                    if (q.value(3).toString() == QLatin1String("complete")
                        && file.open(QIODevice::ReadOnly)
                        && Core::sha256Hex(file.readAll()) == q.value(0).toString())
                        ++out.pagesWithMatchingFile;
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return out;
}

} // namespace

class TestOutboxFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hubKilledMidUploadResumesAndAcknowledgesOnce();
    void waitingCasesGoOnceThePlatformAnswersAgain();
    void tlsWithTestCaUploadsCase();
    void tlsWithUnknownCaIsRefused_data();
    void tlsWithUnknownCaIsRefused();

private:
    std::unique_ptr<Storage::Database> openDb(const QString &name);
    PageContentSource content()
    {
        return [this](const QString &sha) -> Core::Result<QByteArray> {
            if (!m_files.contains(sha))
                return Core::Error { Platform::InvalidArgument, QStringLiteral("no page"), sha };
            return m_files.value(sha);
        };
    }
    QJsonObject caseBody(
        const QString &clientCaseId, const QList<QByteArray> &files, QStringList *pageIds);

    QTemporaryDir m_dir;
    Core::SystemClock m_clock;
    QHash<QString, QByteArray> m_files; // sha256 -> content
};

void TestOutboxFaults::initTestCase()
{
    qRegisterMetaType<Core::Error>();
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<Storage::Database> TestOutboxFaults::openDb(const QString &name)
{
    auto db = Storage::Database::open(m_dir.filePath(name), { Outbox::schema() });
    if (!db) {
        qWarning() << db.error().toString();
        return nullptr;
    }
    return std::move(*db);
}

QJsonObject TestOutboxFaults::caseBody(
    const QString &clientCaseId, const QList<QByteArray> &files, QStringList *pageIds)
{
    QJsonArray pages;
    for (const QByteArray &file : files) {
        const QJsonObject page = ::Tongban::TestSupport::samplePage(uuid(), file);
        m_files.insert(page.value(QStringLiteral("sha256")).toString(), file);
        if (pageIds)
            pageIds->append(page.value(QStringLiteral("clientPageId")).toString());
        pages.append(page);
    }
    return ::Tongban::TestSupport::sampleCaseBody(clientCaseId, pages);
}

void TestOutboxFaults::hubKilledMidUploadResumesAndAcknowledgesOnce()
{
    bool set = false;
    const int fromEnvironment = qEnvironmentVariableIntValue("TONGBAN_HUB_KILLS", &set);
    const int trials = set ? fromEnvironment : 10;
    QVERIFY2(trials > 0, "TONGBAN_HUB_KILLS must be a positive number");
    const qint64 chunk = 64 * 1024;
    quint32 seed = 0;
    if (!qEnvironmentVariableIsEmpty("TONGBAN_HUB_KILL_SEED"))
        seed = quint32(qEnvironmentVariableIntValue("TONGBAN_HUB_KILL_SEED"));
    else
        seed = QRandomGenerator::global()->generate();
    qInfo("hub kills: %d trials, seed %u (TONGBAN_HUB_KILL_SEED to repeat)", trials, seed);
    QRandomGenerator random(seed);

    // GIVEN a hub child process and an outbox that sends through a recording transport
    HubProcess hub(QStringLiteral(TONGBAN_HUB), m_dir.filePath(QStringLiteral("hub-kill")));
    const QString base = hub.start();
    QVERIFY(!base.isEmpty());
    ApiClient api { QUrl(base) };
    QVERIFY(signInDemoClerk(api));
    CountingTransport counting(api);
    auto db = openDb(QStringLiteral("kill.db"));
    QVERIFY(db);
    Outbox outbox(*db, counting, m_clock, content());
    outbox.setChunkSizeBytes(chunk);
    QHash<QString, QStringList> acknowledged; // clientCaseId -> case numbers, in order
    int errors = 0;
    connect(&outbox, &Outbox::caseAcknowledged, &outbox,
        [&](const QString &id, const QString &number) { acknowledged[id].append(number); });
    connect(&outbox, &Outbox::caseError, &outbox,
        [&](const QString &, const Core::Error &error, const QDateTime &next) {
            ++errors;
            QVERIFY2(next.isValid(), qPrintable(error.toString())); // retried, never given up
            QTimer::singleShot(100, &outbox, &Outbox::flush); // rather than after the backoff
        });
    outbox.start();

    int kills = 0;
    for (int trial = 0; trial < trials; ++trial) {
        const QList<QByteArray> files
            = { pageBytes(int(3 * chunk + random.bounded(chunk)), 3 * trial),
                  pageBytes(int(2 * chunk + random.bounded(chunk)), 3 * trial + 1),
                  pageBytes(int(4 * chunk + random.bounded(chunk)), 3 * trial + 2) };
        const QString id
            = QString(QStringLiteral("kill-") + QString::number(trial) + u'-' + uuid());
        counting.patches.clear();
        counting.patchBytes = 0;
        counting.requests = 0;
        // WHEN the hub is killed a random 0-20 ms after a random request of the case (at least
        // 14 requests: POST /cases, per page a creation carrying the first chunk and PATCHes,
        // the last answered after the hub's whole-file check, no confirming HEAD; then
        // submit), and restarted 50-300 ms later on the same data directory and port
        const int killAt = 1 + int(random.bounded(14));
        const int killDelayMs = int(random.bounded(21));
        const int downMs = 50 + int(random.bounded(251));
        bool killed = false;
        bool restarted = false;
        counting.onSend = [&](const ApiRequest &) {
            if (killed || counting.requests != killAt)
                return;
            killed = true;
            QTimer::singleShot(killDelayMs, &outbox, [&] {
                hub.kill();
                ++kills;
                QTimer::singleShot(downMs, &outbox, [&] {
                    const QString again = hub.start();
                    QVERIFY2(again == base, qPrintable(again));
                    restarted = true;
                });
            });
        };
        QVERIFY(outbox.enqueue(caseBody(id, files, nullptr)).ok());
        QVERIFY2(
            spinUntil([&] { return acknowledged.contains(id) && (!killed || restarted); }, 60000),
            qPrintable(id));
        counting.onSend = nullptr;
        QTest::qWait(50); // a second acknowledgement would come now

        // THEN the case was acknowledged once, with the number the hub holds
        QCOMPARE(acknowledged.value(id).size(), 1);
        const HubCase onHub = readHubCase(hub.dataDir(), id);
        QCOMPARE(onHub.rows, 1);
        QCOMPARE(onHub.caseNumber, acknowledged.value(id).first());
        QCOMPARE(onHub.status, QStringLiteral("submitted"));
        // AND every page is on the hub, whole, with its declared hash
        QCOMPARE(onHub.pages, int(files.size()));
        QCOMPARE(onHub.pagesWithMatchingFile, int(files.size()));
        // AND each page re-sent at most one chunk (the one the kill interrupted)
        QHash<QString, qint64> sentPerUpload;
        for (const auto &p : std::as_const(counting.patches))
            sentPerUpload[QUrl(p.url).path()] += p.bytes;
        qint64 total = 0;
        for (const QByteArray &f : files)
            total += f.size();
        QCOMPARE(sentPerUpload.size(), int(files.size())); // never re-created
        for (auto it = sentPerUpload.cbegin(); it != sentPerUpload.cend(); ++it) {
            QVERIFY2(onHub.uploadLengths.contains(it.key()), qPrintable(it.key()));
            const qint64 length = onHub.uploadLengths.value(it.key());
            QVERIFY2(it.value() <= length + chunk,
                qPrintable(QStringLiteral("%1: %2 bytes sent for %3")
                               .arg(it.key())
                               .arg(it.value())
                               .arg(length)));
        }
        qInfo("trial %d: killed after request %d (+%d ms), down %d ms; %lld PATCH bytes for "
              "%lld bytes of pages",
            trial, killAt, killDelayMs, downMs, counting.patchBytes, total);
        // one kill: at most one chunk for each page that was in flight
        QVERIFY(counting.patchBytes <= total + Outbox::kParallelUploads * chunk);
    }
    qInfo("hub kills: %d trials, %d kills, %d outbox retries", trials, kills, errors);
    QCOMPARE(kills, trials);
    QVERIFY(errors >= 1);
    const QJsonObject counts = outbox.status().value(QStringLiteral("counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("acknowledged")).toInt(), trials);
    QCOMPARE(counts.value(QStringLiteral("failed")).toInt(), 0);
}

void TestOutboxFaults::waitingCasesGoOnceThePlatformAnswersAgain()
{
    // GIVEN two cases that failed while the platform was unreachable, both waiting out a
    // backoff, with a manual clock that does not move
    HubProcess hub(QStringLiteral(TONGBAN_HUB), m_dir.filePath(QStringLiteral("hub-outage")));
    const QString base = hub.start();
    QVERIFY(!base.isEmpty());
    ApiClient up { QUrl(base) };
    QVERIFY(signInDemoClerk(up));
    ApiClient down { QUrl(QStringLiteral("http://127.0.0.1:9")) }; // discard port: refused
    SwitchableTransport transport(down, up);
    auto db = openDb(QStringLiteral("outage.db"));
    QVERIFY(db);
    Core::ManualClock clock(QDateTime::currentDateTimeUtc());
    Outbox outbox(*db, transport, clock, content());
    outbox.setUploadEndpoint(up.apiUrl(QStringLiteral("/uploads")));
    QSignalSpy errors(&outbox, &Outbox::caseError);
    QSignalSpy acknowledged(&outbox, &Outbox::caseAcknowledged);
    const QString first = QStringLiteral("outage-first-") + uuid();
    const QString second = QStringLiteral("outage-second-") + uuid();
    QVERIFY(outbox.enqueue(caseBody(first, { pageBytes(3000, 61) }, nullptr)).ok());
    QVERIFY(outbox.enqueue(caseBody(second, { pageBytes(4000, 62) }, nullptr)).ok());
    outbox.start();
    QVERIFY(spinUntil([&] { return errors.size() == 2; }, 15000));
    QVERIFY(errors.at(0).at(2).toDateTime().isValid()); // both retried later
    QCOMPARE(errors.at(0).at(1).value<Core::Error>().code, int(NetworkUnavailable));
    outbox.stop();
    // AND the first due now, the second an hour from now
    QSqlQuery q(db->connection());
    QVERIFY(q.exec(QString(QStringLiteral("UPDATE outbox_cases SET next_attempt_at = 0 WHERE "
                                          "client_case_id = '")
        + first + QStringLiteral("'"))));
    QVERIFY(q.exec(QString(QStringLiteral("UPDATE outbox_cases SET next_attempt_at = ")
        + QString::number(clock.now().toMSecsSinceEpoch() + 3600 * 1000)
        + QStringLiteral(" WHERE client_case_id = '") + second + QStringLiteral("'"))));
    // WHEN the platform is reachable again and the first case's retry gets an answer
    transport.connected = true;
    outbox.start();
    // THEN the second goes at once too, without waiting out its backoff
    QVERIFY(spinUntil([&] { return acknowledged.size() == 2; }, 20000));
    QCOMPARE(acknowledged.at(0).at(0).toString(), first);
    QCOMPARE(acknowledged.at(1).at(0).toString(), second);
    QCOMPARE(errors.size(), 2); // no failure after the platform came back
}

void TestOutboxFaults::tlsWithTestCaUploadsCase()
{
    // GIVEN the hub over TLS with the test server certificate (for 127.0.0.1)
    HubProcess hub(QStringLiteral(TONGBAN_HUB), m_dir.filePath(QStringLiteral("hub-tls")));
    hub.setTls(dataFile("server.pem"), dataFile("server.key"));
    const QString base = hub.start();
    QVERIFY2(base.startsWith(QLatin1String("https://127.0.0.1:")), qPrintable(base));
    // AND a client that trusts the test CA
    ApiClient api { QUrl(base) };
    QVERIFY(api.addCaCertificateFile(dataFile("ca.pem")).ok());
    QVERIFY(signInDemoClerk(api));
    auto db = openDb(QStringLiteral("tls.db"));
    QVERIFY(db);
    Outbox outbox(*db, api, m_clock, content());
    outbox.setChunkSizeBytes(64 * 1024);
    QSignalSpy acknowledged(&outbox, &Outbox::caseAcknowledged);
    QSignalSpy errors(&outbox, &Outbox::caseError);
    const QString id = uuid();
    QVERIFY(
        outbox
            .enqueue(caseBody(id, { pageBytes(150 * 1024, 41), pageBytes(70 * 1024, 42) }, nullptr))
            .ok());
    // WHEN the outbox runs
    outbox.start();
    QVERIFY(spinUntil([&] { return !acknowledged.isEmpty() || !errors.isEmpty(); }, 30000));
    // THEN the case is acknowledged over TLS with the number the hub holds, pages whole
    QVERIFY2(errors.isEmpty(),
        errors.isEmpty() ? "" : qPrintable(errors.first().at(1).value<Core::Error>().toString()));
    const HubCase onHub = readHubCase(hub.dataDir(), id);
    QCOMPARE(onHub.rows, 1);
    QCOMPARE(onHub.caseNumber, acknowledged.first().at(1).toString());
    QCOMPARE(onHub.pagesWithMatchingFile, 2);
}

void TestOutboxFaults::tlsWithUnknownCaIsRefused_data()
{
    QTest::addColumn<QString>("caFile");
    QTest::newRow("system CAs only") << QString();
    QTest::newRow("another CA configured") << dataFile("other-ca.pem");
}

void TestOutboxFaults::tlsWithUnknownCaIsRefused()
{
    QFETCH(QString, caFile);
    // GIVEN the hub over TLS with a certificate from the test CA
    HubProcess hub(QStringLiteral(TONGBAN_HUB), m_dir.filePath(QStringLiteral("hub-tls-unknown")));
    hub.setTls(dataFile("server.pem"), dataFile("server.key"));
    const QString base = hub.start();
    QVERIFY2(base.startsWith(QLatin1String("https://")), qPrintable(base));
    // AND a client that does not trust that CA
    ApiClient api { QUrl(base) };
    if (!caFile.isEmpty())
        QVERIFY(api.addCaCertificateFile(caFile).ok());
    api.setBearerToken(QByteArrayLiteral("not-needed-nothing-gets-through"));
    auto db = openDb(QString(
        QStringLiteral("tls-unknown-") + QString::number(caFile.size()) + QStringLiteral(".db")));
    QVERIFY(db);
    Outbox outbox(*db, api, m_clock, content());
    QSignalSpy errors(&outbox, &Outbox::caseError);
    QSignalSpy uploaded(&outbox, &Outbox::pageUploaded);
    QSignalSpy idle(&outbox, &Outbox::idle);
    const QString id = uuid();
    QVERIFY(outbox.enqueue(caseBody(id, { pageBytes(20 * 1024, 51) }, nullptr)).ok());
    // WHEN the outbox runs
    outbox.start();
    QVERIFY(spinUntil([&] { return !errors.isEmpty() && !idle.isEmpty(); }, 30000));
    // THEN it is refused as a TLS failure the clerk can read, and not retried by itself
    const Core::Error error = errors.first().at(1).value<Core::Error>();
    QCOMPARE(error.code, int(TlsFailure));
    QVERIFY2(error.message.contains(QLatin1String("certificate")), qPrintable(error.message));
    QVERIFY(!errors.first().at(2).toDateTime().isValid());
    // AND nothing is marked uploaded, the case keeps its error
    QCOMPARE(uploaded.size(), 0);
    const QJsonObject one
        = outbox.status().value(QStringLiteral("cases")).toArray().at(0).toObject();
    QCOMPARE(one.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(one.value(QStringLiteral("pagesUploaded")).toInt(), 0);
    QCOMPARE(one.value(QStringLiteral("caseNumber")).toString(), QString());
    QVERIFY(!one.value(QStringLiteral("lastError")).toString().isEmpty());
    // AND nothing reached the hub
    QCOMPARE(readHubCase(hub.dataDir(), id).rows, 0);
}

QTEST_GUILESS_MAIN(TestOutboxFaults)
#include "tst_outboxfaults.moc"
