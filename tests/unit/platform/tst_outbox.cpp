// Outbox against the real tongban-hub as a child process (issue 5): a 3-page case gets its
// case number; the outbox destroyed mid-upload and recreated from the same SQLite file
// resumes from the server's offset; connections cut after the hub committed and before
// the client read the answer never give two cases (50 trials, TONGBAN_CUT_TRIALS in the
// soak test); backoff is capped and seeded; the optional upload cap setting is read.
#include "CuttingProxy.h"
#include "HubProcess.h"
#include "TestSupport.h"

#include <core/Clock.h>
#include <platform/ApiClient.h>
#include <platform/ApiParsing.h>
#include <platform/Outbox.h>
#include <platform/PlatformErrors.h>
#include <storage/Database.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
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

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// A POST /cases body with one material whose pages are \a files (also put in \a store).
QJsonObject caseBody(const QString &clientCaseId, const QList<QByteArray> &files,
    QHash<QString, QByteArray> *store, QStringList *pageIds = nullptr)
{
    QJsonArray pages;
    for (const QByteArray &file : files) {
        const QJsonObject page = ::Tongban::TestSupport::samplePage(uuid(), file);
        store->insert(page.value(QStringLiteral("sha256")).toString(), file);
        if (pageIds)
            pageIds->append(page.value(QStringLiteral("clientPageId")).toString());
        pages.append(page);
    }
    return ::Tongban::TestSupport::sampleCaseBody(clientCaseId, pages);
}

const QRegularExpression kCaseNumber(QStringLiteral("^\\d{6}-\\d{8}-\\d{6}$"));

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void backoffIsCappedAndSeeded();
    void bandwidthLimitSetting();
    void enqueueIsOneTransactionAndIdempotent();
    void threePageCaseGetsCaseNumber();
    void refusedCaseIsKeptAsFailedWithItsError();
    void submitWithPagesMissingUploadsThemAgain();
    void destroyedMidUploadResumesFromServerOffset();
    void uploadRefusedAtOnceStartsNoOtherPage();
    void connectionCutAfterCommitNeverDuplicatesCase();

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
    QJsonObject getCase(const QString &caseId);

    QTemporaryDir m_dir;
    QProcess m_hub;
    QString m_hubDataDir;
    QString m_base;
    std::unique_ptr<ApiClient> m_api;
    Core::SystemClock m_clock;
    QHash<QString, QByteArray> m_files; // sha256 -> content
};

void TestOutbox::initTestCase()
{
    qRegisterMetaType<Core::Error>();
    QVERIFY(m_dir.isValid());
    m_hubDataDir = m_dir.filePath(QStringLiteral("hub"));
    m_hub.setStandardErrorFile(QProcess::nullDevice());
    m_hub.start(QStringLiteral(TONGBAN_HUB),
        { QStringLiteral("--data-dir"), m_hubDataDir, QStringLiteral("--listen"),
            QStringLiteral("127.0.0.1:0"), QStringLiteral("--pbkdf2-iterations"),
            QStringLiteral("1000"), QStringLiteral("--seed-demo") });
    QVERIFY(m_hub.waitForStarted(10000));
    while (!m_hub.canReadLine())
        QVERIFY(m_hub.waitForReadyRead(10000));
    const QString line = QString::fromUtf8(m_hub.readLine()).trimmed();
    QVERIFY2(line.startsWith(QLatin1String("listening on ")), qPrintable(line));
    m_base = line.mid(QStringLiteral("listening on ").size());

    m_api = std::make_unique<ApiClient>(QUrl(m_base));
    ApiRequest login;
    login.method = "POST";
    login.path = QStringLiteral("/session");
    login.authenticated = false;
    login.body = QJsonDocument(
        QJsonObject { { QStringLiteral("account"), QStringLiteral("xh-tb-03-wangli") },
            { QStringLiteral("password"), QStringLiteral("Tongban@2026") },
            { QStringLiteral("windowId"), QStringLiteral("410402-tb-03") } })
                     .toJson(QJsonDocument::Compact);
    const auto answer
        = await<Core::Result<ApiResponse>>([&](auto done) { m_api->send(login, done); });
    QVERIFY(answer.has_value() && answer->ok());
    QCOMPARE((*answer)->status, 200);
    const auto tokens = parseSession((*answer)->body);
    QVERIFY(tokens.ok());
    m_api->setBearerToken(tokens->accessToken);
}

void TestOutbox::cleanupTestCase()
{
    m_hub.terminate();
    if (!m_hub.waitForFinished(5000))
        m_hub.kill();
    m_hub.waitForFinished(5000);
}

std::unique_ptr<Storage::Database> TestOutbox::openDb(const QString &name)
{
    auto db = Storage::Database::open(m_dir.filePath(name), { Outbox::schema() });
    if (!db) {
        qWarning() << db.error().toString();
        return nullptr;
    }
    return std::move(*db);
}

QJsonObject TestOutbox::getCase(const QString &caseId)
{
    ApiRequest get;
    get.path = QString(QStringLiteral("/cases/") + caseId);
    const auto answer
        = await<Core::Result<ApiResponse>>([&](auto done) { m_api->send(get, done); });
    if (!answer || !answer->ok() || (*answer)->status != 200)
        return {};
    return QJsonDocument::fromJson((*answer)->body).object();
}

void TestOutbox::backoffIsCappedAndSeeded()
{
    QCOMPARE(Outbox::backoffMs(1, 0.0), qint64(500));
    QVERIFY(Outbox::backoffMs(1, 0.999) < 1000);
    QCOMPARE(Outbox::backoffMs(3, 0.0), qint64(2000));
    for (int attempts = 1; attempts < 40; ++attempts)
        QVERIFY(Outbox::backoffMs(attempts, 0.999999) <= Outbox::kMaxBackoffMs);
    QCOMPARE(Outbox::backoffMs(30, 0.0), Outbox::kMaxBackoffMs / 2);

    // GIVEN an outbox in front of a closed port, with a manual clock and a fixed seed
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    ApiClient api(QUrl(QString(QStringLiteral("http://127.0.0.1:") + QString::number(port))));
    const auto runDelays = [&](const QString &file) {
        QList<qint64> delays;
        auto db = openDb(file);
        if (!db)
            return delays;
        Core::ManualClock clock(QDateTime(QDate(2026, 11, 24), QTime(1, 0), Qt::UTC));
        Outbox outbox(*db, api, clock, content());
        outbox.setJitterSeed(42);
        QHash<QString, QByteArray> files;
        if (!outbox.enqueue(caseBody(QStringLiteral("backoff-case"), { pageBytes(10, 1) }, &files)))
            return delays;
        QDateTime next;
        connect(&outbox, &Outbox::caseError, &outbox,
            [&](const QString &, const Core::Error &error, const QDateTime &at) {
                QCOMPARE(error.code, int(NetworkUnavailable));
                next = at;
            });
        for (int i = 0; i < 14; ++i) {
            next = QDateTime();
            outbox.start();
            if (!spinUntil([&] { return next.isValid(); }, 5000))
                break;
            delays.append(clock.now().msecsTo(next));
            clock.set(next);
        }
        const QJsonObject status = outbox.status();
        const QJsonObject one = status.value(QStringLiteral("cases")).toArray().at(0).toObject();
        if (one.value(QStringLiteral("attempts")).toInt() != delays.size()
            || one.value(QStringLiteral("state")).toString() != QLatin1String("pending")
            || one.value(QStringLiteral("lastError")).toString().isEmpty())
            delays.clear();
        return delays;
    };
    const QList<qint64> first = runDelays(QStringLiteral("backoff1.db"));
    const QList<qint64> second = runDelays(QStringLiteral("backoff2.db"));
    QCOMPARE(first.size(), 14);
    QCOMPARE(first, second); // same seed, same jitter
    for (int i = 0; i < first.size(); ++i) {
        QVERIFY(first.at(i) <= Outbox::kMaxBackoffMs);
        QVERIFY(first.at(i) >= Outbox::backoffMs(i + 1, 0.0));
    }
    QVERIFY(first.last() >= Outbox::kMaxBackoffMs / 2);
}

void TestOutbox::bandwidthLimitSetting()
{
    // GIVEN workstation settings with and without platform/uploadLimitKbps
    const QString file = m_dir.filePath(QStringLiteral("tongban.conf"));
    QSettings settings(file, QSettings::IniFormat);
    // THEN absent, zero, negative or not a number is no cap, kilobits become bytes
    QCOMPARE(Outbox::bandwidthLimitFromSettings(settings), qint64(0));
    settings.setValue(QStringLiteral("platform/uploadLimitKbps"), 20000);
    QCOMPARE(Outbox::bandwidthLimitFromSettings(settings), qint64(2500000));
    settings.setValue(QStringLiteral("platform/uploadLimitKbps"), QStringLiteral("100000"));
    QCOMPARE(Outbox::bandwidthLimitFromSettings(settings), qint64(12500000));
    settings.setValue(QStringLiteral("platform/uploadLimitKbps"), 0);
    QCOMPARE(Outbox::bandwidthLimitFromSettings(settings), qint64(0));
    settings.setValue(QStringLiteral("platform/uploadLimitKbps"), -5);
    QCOMPARE(Outbox::bandwidthLimitFromSettings(settings), qint64(0));
    settings.setValue(QStringLiteral("platform/uploadLimitKbps"), QStringLiteral("fast"));
    QCOMPARE(Outbox::bandwidthLimitFromSettings(settings), qint64(0));
}

void TestOutbox::enqueueIsOneTransactionAndIdempotent()
{
    auto db = openDb(QStringLiteral("enqueue.db"));
    QVERIFY(db);
    ApiClient api(QUrl(QStringLiteral("http://127.0.0.1:9")));
    Outbox outbox(*db, api, m_clock, content());
    QHash<QString, QByteArray> files;
    const QJsonObject body
        = caseBody(QStringLiteral("enq-1"), { pageBytes(100, 1), pageBytes(200, 2) }, &files);
    QVERIFY(outbox.enqueue(body).ok());
    QVERIFY(outbox.enqueue(body).ok()); // a repeat is a no-op
    QJsonObject other = body;
    other.insert(QStringLiteral("provisionalNumber"), QStringLiteral("other"));
    QCOMPARE(outbox.enqueue(other).error().code, int(Platform::InvalidArgument));

    // A page without its hash refuses the whole case: nothing is kept.
    QJsonObject broken = caseBody(QStringLiteral("enq-2"), { pageBytes(10, 3) }, &files);
    QJsonArray materials = broken.value(QStringLiteral("materials")).toArray();
    QJsonObject material = materials.at(0).toObject();
    QJsonArray pages = material.value(QStringLiteral("pages")).toArray();
    QJsonObject page = pages.at(0).toObject();
    page.remove(QStringLiteral("sha256"));
    pages.replace(0, page);
    material.insert(QStringLiteral("pages"), pages);
    materials.replace(0, material);
    broken.insert(QStringLiteral("materials"), materials);
    QVERIFY(!outbox.enqueue(broken).ok());

    const QJsonObject status = outbox.status();
    QCOMPARE(status.value(QStringLiteral("counts")).toObject().value(QStringLiteral("pending")),
        QJsonValue(1));
    const QJsonArray cases = status.value(QStringLiteral("cases")).toArray();
    QCOMPARE(cases.size(), 1);
    QCOMPARE(cases.at(0).toObject().value(QStringLiteral("pagesTotal")).toInt(), 2);
}

void TestOutbox::threePageCaseGetsCaseNumber()
{
    auto db = openDb(QStringLiteral("three.db"));
    QVERIFY(db);
    Outbox outbox(*db, *m_api, m_clock, content());
    outbox.setChunkSizeBytes(64 * 1024);
    QSignalSpy acknowledged(&outbox, &Outbox::caseAcknowledged);
    QSignalSpy uploaded(&outbox, &Outbox::pageUploaded);
    QSignalSpy errors(&outbox, &Outbox::caseError);
    const QString id = uuid();
    QVERIFY(
        outbox
            .enqueue(caseBody(id,
                { pageBytes(150 * 1024, 1), pageBytes(90 * 1024, 2), pageBytes(200 * 1024 + 7, 3) },
                &m_files))
            .ok());
    outbox.start();
    QVERIFY(spinUntil([&] { return acknowledged.size() == 1 || !errors.isEmpty(); }, 20000));
    QVERIFY2(errors.isEmpty(),
        errors.isEmpty() ? "" : qPrintable(errors.first().at(1).value<Core::Error>().toString()));
    QCOMPARE(uploaded.size(), 3);
    const QString caseNumber = acknowledged.first().at(1).toString();
    QVERIFY2(kCaseNumber.match(caseNumber).hasMatch(), qPrintable(caseNumber));

    const QJsonObject status = outbox.status();
    QCOMPARE(
        status.value(QStringLiteral("counts")).toObject().value(QStringLiteral("acknowledged")),
        QJsonValue(1));
    const QJsonObject one = status.value(QStringLiteral("cases")).toArray().at(0).toObject();
    QCOMPARE(one.value(QStringLiteral("caseNumber")).toString(), caseNumber);
    QCOMPARE(one.value(QStringLiteral("pagesUploaded")).toInt(), 3);
    const QJsonObject onHub = getCase(one.value(QStringLiteral("caseId")).toString());
    QCOMPARE(onHub.value(QStringLiteral("caseNumber")).toString(), caseNumber);

    // flush on an empty outbox does nothing and says so
    QSignalSpy idle(&outbox, &Outbox::idle);
    outbox.flush();
    QVERIFY(idle.wait(5000));
    QCOMPARE(acknowledged.size(), 1);
}

void TestOutbox::refusedCaseIsKeptAsFailedWithItsError()
{
    auto db = openDb(QStringLiteral("refused.db"));
    QVERIFY(db);
    Outbox outbox(*db, *m_api, m_clock, content());
    QSignalSpy errors(&outbox, &Outbox::caseError);
    QSignalSpy idle(&outbox, &Outbox::idle);
    QJsonObject body = caseBody(uuid(), { pageBytes(1000, 5) }, &m_files);
    body.insert(QStringLiteral("itemCode"), QStringLiteral("99999999999999999"));
    QVERIFY(outbox.enqueue(body).ok());
    outbox.start();
    QVERIFY(spinUntil([&] { return !errors.isEmpty() && !idle.isEmpty(); }, 10000));
    QVERIFY(!errors.first().at(2).toDateTime().isValid()); // not retried: a 4xx
    const QJsonObject one
        = outbox.status().value(QStringLiteral("cases")).toArray().at(0).toObject();
    QCOMPARE(one.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QVERIFY2(one.value(QStringLiteral("lastError")).toString().contains(QLatin1String("http=4")),
        qPrintable(one.value(QStringLiteral("lastError")).toString()));
    // flush does not send a refused case again
    outbox.flush();
    QVERIFY(idle.wait(5000));
    QCOMPARE(errors.size(), 1);
    // the clerk's retry sends it again, once, from the step it failed in
    const QString id = body.value(QStringLiteral("clientCaseId")).toString();
    QSignalSpy states(&outbox, &Outbox::caseStateChanged);
    QVERIFY(outbox.retry(id).ok());
    QCOMPARE(states.first().at(1).toString(), QStringLiteral("pending"));
    QVERIFY(spinUntil([&] { return errors.size() == 2; }, 10000));
    QCOMPARE(outbox.status()
                 .value(QStringLiteral("cases"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("state")),
        QStringLiteral("failed"));
    // a case that has not failed cannot be retried
    QVERIFY(!outbox.retry(uuid()).ok());
}

void TestOutbox::submitWithPagesMissingUploadsThemAgain()
{
    // GIVEN a case created on the hub whose outbox row (wrongly) says "submitting"
    const QString id = uuid();
    const QJsonObject body = caseBody(id, { pageBytes(3000, 21), pageBytes(5000, 22) }, &m_files);
    ApiRequest create;
    create.method = "POST";
    create.path = QStringLiteral("/cases");
    create.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const auto created
        = await<Core::Result<ApiResponse>>([&](auto done) { m_api->send(create, done); });
    QVERIFY(created && created->ok() && (*created)->status == 201);
    const QString caseId = QJsonDocument::fromJson((*created)->body)
                               .object()
                               .value(QStringLiteral("caseId"))
                               .toString();
    auto db = openDb(QStringLiteral("missing.db"));
    QVERIFY(db);
    Outbox outbox(*db, *m_api, m_clock, content());
    QVERIFY(outbox.enqueue(body).ok());
    QSqlQuery q(db->connection());
    QVERIFY(q.exec(QString(QStringLiteral("UPDATE outbox_cases SET state = 'submitting',"
                                          " server_case_id = '")
        + caseId + QStringLiteral("'"))));
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox_pages SET state = 'uploaded'")));
    QSignalSpy acknowledged(&outbox, &Outbox::caseAcknowledged);
    QSignalSpy errors(&outbox, &Outbox::caseError);
    connect(&outbox, &Outbox::caseError, &outbox,
        [&] { QTimer::singleShot(5, &outbox, &Outbox::flush); });
    // WHEN it runs, THEN the hub's 409 pages_missing sends the pages, and submit follows
    outbox.start();
    QVERIFY(spinUntil([&] { return !acknowledged.isEmpty(); }, 15000));
    QCOMPARE(errors.size(), 1);
    QVERIFY(
        errors.first().at(1).value<Core::Error>().detail.contains(QLatin1String("pages_missing")));
    const QJsonObject one
        = outbox.status().value(QStringLiteral("cases")).toArray().at(0).toObject();
    QCOMPARE(one.value(QStringLiteral("pagesUploaded")).toInt(), 2);
    QCOMPARE(one.value(QStringLiteral("caseId")).toString(), caseId);
}

void TestOutbox::destroyedMidUploadResumesFromServerOffset()
{
    const qint64 chunk = 64 * 1024;
    const QList<QByteArray> files = { pageBytes(5 * 64 * 1024 + 100, 11),
        pageBytes(4 * 64 * 1024, 12), pageBytes(3 * 64 * 1024 + 1, 13) };
    qint64 total = 0;
    for (const QByteArray &f : files)
        total += f.size();
    const QString id = uuid();
    QStringList pageIds;
    const QJsonObject body = caseBody(id, files, &m_files, &pageIds);
    CountingTransport counting(*m_api);

    // Stops the outbox (destroying it and closing the database) once the condition holds.
    const auto runUntil = [&](const std::function<bool(const QString &, qint64)> &stopWhen,
                              bool enqueue) -> QString {
        auto db = openDb(QStringLiteral("resume.db"));
        if (!db)
            return QStringLiteral("no database");
        auto outbox = std::make_unique<Outbox>(*db, counting, m_clock, content());
        outbox->setChunkSizeBytes(chunk);
        if (enqueue && !outbox->enqueue(body))
            return QStringLiteral("enqueue failed");
        bool stop = false;
        QString acknowledged;
        connect(outbox.get(), &Outbox::pageProgress, outbox.get(),
            [&](const QString &, const QString &page, qint64 offset, qint64) {
                if (stopWhen && stopWhen(page, offset))
                    stop = true;
            });
        connect(outbox.get(), &Outbox::caseAcknowledged, outbox.get(),
            [&](const QString &, const QString &number) { acknowledged = number; });
        outbox->start();
        if (!spinUntil([&] { return stop || !acknowledged.isEmpty(); }, 20000))
            return QStringLiteral("timeout");
        outbox.reset(); // mid-upload: the PATCH in flight is abandoned
        return stop ? QString() : acknowledged;
    };

    // GIVEN an outbox destroyed right after the first chunk of page 1
    QCOMPARE(runUntil([&](const QString &page,
                          qint64 offset) { return page == pageIds.at(0) && offset >= chunk; },
                 true),
        QString());
    const int firstRunPatches = int(counting.patches.size());
    QVERIFY(firstRunPatches >= 1);
    // AND a second one destroyed in the middle of page 2
    QCOMPARE(runUntil([&](const QString &page,
                          qint64 offset) { return page == pageIds.at(1) && offset >= 2 * chunk; },
                 false),
        QString());
    const int secondRunPatches = int(counting.patches.size());
    // WHEN a third outbox on the same file runs to the end
    const QString caseNumber = runUntil({}, false);
    QVERIFY2(kCaseNumber.match(caseNumber).hasMatch(), qPrintable(caseNumber));

    // THEN each restart resumed where the server was: each of the two stops re-sent at most
    // one chunk of each page it interrupted
    qInfo("resume: %lld bytes in %lld PATCHes for %lld bytes of pages", counting.patchBytes,
        qint64(counting.patches.size()), total);
    QVERIFY(counting.patchBytes <= total + 2 * Outbox::kParallelUploads * chunk);
    QSet<QString> urls;
    QHash<QString, int> zeroOffsets;
    for (const auto &p : counting.patches) {
        urls.insert(p.url);
        if (p.offset == 0)
            ++zeroOffsets[p.url];
    }
    QCOMPARE(urls.size(), 3); // never re-created
    for (auto it = zeroOffsets.cbegin(); it != zeroOffsets.cend(); ++it)
        QCOMPARE(it.value(), 1); // never from zero again
    QVERIFY(counting.patches.at(firstRunPatches).offset > 0);
    QVERIFY(counting.patches.at(secondRunPatches).offset > 0);
}

void TestOutbox::uploadRefusedAtOnceStartsNoOtherPage()
{
    // GIVEN a transport that refuses the first upload request before returning (as a transport
    // without a session may), and a case of three pages already created on the hub
    struct Refusing : Transport
    {
        Transport &inner;
        int uploadRequests = 0;
        explicit Refusing(Transport &t)
            : inner(t)
        { }
        void send(const ApiRequest &request, ResponseCallback callback) override
        {
            if (request.url.path().contains(u"/uploads") && ++uploadRequests == 1) {
                callback(Core::Error { NetworkUnavailable, QStringLiteral("refused"), {} });
                return;
            }
            inner.send(request, std::move(callback));
        }
        QUrl resolve(const ApiRequest &request) const override { return inner.resolve(request); }
    } refusing(*m_api);
    auto db = openDb(QStringLiteral("refused-at-once.db"));
    QVERIFY(db);
    Outbox outbox(*db, refusing, m_clock, content());
    outbox.setJitterSeed(3);
    QSignalSpy errors(&outbox, &Outbox::caseError);
    QSignalSpy acknowledged(&outbox, &Outbox::caseAcknowledged);
    QVERIFY(outbox
                .enqueue(caseBody(uuid(),
                    { pageBytes(1000, 31), pageBytes(1000, 32), pageBytes(1000, 33) }, &m_files))
                .ok());
    outbox.start();
    // WHEN the first page's upload is refused at once
    QVERIFY(spinUntil([&] { return !errors.isEmpty(); }, 10000));
    // THEN the attempt ends there: no other page started for it (the retry waits its backoff)
    QTest::qWait(200);
    QCOMPARE(refusing.uploadRequests, 1);
    QVERIFY(acknowledged.isEmpty());
    // AND the retry transmits the case
    outbox.flush();
    QVERIFY(spinUntil([&] { return !acknowledged.isEmpty(); }, 20000));
    QCOMPARE(errors.size(), 1);
}

void TestOutbox::connectionCutAfterCommitNeverDuplicatesCase()
{
    // 50 in the normal suite; the soak test (label soak) sets TONGBAN_CUT_TRIALS=500.
    bool trialsSet = false;
    const int fromEnvironment = qEnvironmentVariableIntValue("TONGBAN_CUT_TRIALS", &trialsSet);
    QVERIFY2(!trialsSet || fromEnvironment > 0, "TONGBAN_CUT_TRIALS must be a positive number");
    const int trials = trialsSet ? fromEnvironment : 50;
    CuttingProxy proxy(quint16(QUrl(m_base).port()));
    QVERIFY(proxy.port() != 0);
    ApiClient viaProxy(
        QUrl(QString(QStringLiteral("http://127.0.0.1:") + QString::number(proxy.port()))));
    viaProxy.setBearerToken(m_api->bearerToken());
    auto db = openDb(QStringLiteral("cut.db"));
    QVERIFY(db);
    Outbox outbox(*db, viaProxy, m_clock, content());
    outbox.setJitterSeed(7);
    QHash<QString, QString> numbers; // clientCaseId -> case number
    int errors = 0;
    connect(&outbox, &Outbox::caseAcknowledged, &outbox,
        [&](const QString &id, const QString &number) { numbers.insert(id, number); });
    connect(&outbox, &Outbox::caseError, &outbox,
        [&](const QString &, const Core::Error &error, const QDateTime &next) {
            ++errors;
            proxy.disarm();
            QVERIFY2(next.isValid(), qPrintable(error.toString())); // retried, never given up
            QTimer::singleShot(5, &outbox, &Outbox::flush); // retry now rather than in 1 s
        });
    outbox.start();
    QStringList ids;
    for (int trial = 0; trial < trials; ++trial) {
        const QString id = QString(QStringLiteral("cut-") + QString::number(trial) + u'-' + uuid());
        ids.append(id);
        proxy.arm(trial % 2 == 0 ? QByteArrayLiteral("POST /api/v1/cases HTTP")
                                 : QByteArrayLiteral("/submit HTTP"));
        QVERIFY(
            outbox.enqueue(caseBody(id, { pageBytes(2048 + trial, 100 + trial) }, &m_files)).ok());
        QVERIFY2(spinUntil([&] { return numbers.contains(id); }, 15000), qPrintable(id));
        QVERIFY(!proxy.armed());
    }
    qInfo("cut trials: %d, requests matched %d, answers withheld %d, outbox retries %d", trials,
        proxy.matched, proxy.cuts, errors);
    QVERIFY(proxy.matched >= trials);
    QVERIFY(proxy.cuts >= trials);
    QVERIFY(errors >= trials); // every trial went through the outbox's own retry

    // THEN the hub holds exactly one case per clientCaseId, each with one case number
    {
        QSqlDatabase hubDb
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("hub-read"));
        hubDb.setDatabaseName(m_hubDataDir + QStringLiteral("/hub.db"));
        hubDb.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(hubDb.open());
        QSqlQuery q(hubDb);
        QVERIFY(q.exec(QStringLiteral(
            "SELECT COUNT(*), COUNT(DISTINCT client_case_id), COUNT(DISTINCT case_number),"
            " SUM(case_number IS NULL) FROM hub_cases WHERE client_case_id LIKE 'cut-%'")));
        QVERIFY(q.next());
        qInfo("hub: %d cases, %d client ids, %d case numbers, %d without number",
            q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt(), q.value(3).toInt());
        QCOMPARE(q.value(0).toInt(), trials);
        QCOMPARE(q.value(1).toInt(), trials);
        QCOMPARE(q.value(2).toInt(), trials);
        QCOMPARE(q.value(3).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral("SELECT client_case_id, case_number FROM hub_cases WHERE "
                                      "client_case_id LIKE 'cut-%'")));
        int same = 0;
        while (q.next())
            same += numbers.value(q.value(0).toString()) == q.value(1).toString() ? 1 : 0;
        QCOMPARE(same, trials);
        q.finish();
        hubDb.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("hub-read"));
    const QJsonObject status = outbox.status();
    QCOMPARE(
        status.value(QStringLiteral("counts")).toObject().value(QStringLiteral("acknowledged")),
        QJsonValue(trials));
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
