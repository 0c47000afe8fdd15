// CatalogSync (issue 5): the catalogue and the calendar from the real tongban-hub (200,
// then 304 with If-None-Match, then a new catalogue after the hub is restarted with
// another one); a broken catalogue or calendar (served by a fake, since the hub refuses
// to serve an invalid one) is refused, the one in force stays, and catalog_invalid is
// reported through the request queue, once per document.
#include "FakeHttpServer.h"
#include "HubChild.h"
#include "TestSupport.h"

#include <catalog/CatalogStore.h>
#include <platform/CatalogSync.h>
#include <platform/PlatformErrors.h>
#include <platform/PlatformSchema.h>
#include <platform/RequestQueue.h>
#include <storage/Database.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Tongban;
using namespace Tongban::Platform;
using namespace Tongban::Platform::Testing;

namespace {

/// Records the headers of every request before passing it on.
class RecordingTransport : public Transport
{
public:
    explicit RecordingTransport(Transport &inner)
        : m_inner(inner)
    { }
    QList<ApiRequest> sent;
    void send(const ApiRequest &request, ResponseCallback callback) override
    {
        sent.append(request);
        m_inner.send(request, std::move(callback));
    }
    QUrl resolve(const ApiRequest &request) const override { return m_inner.resolve(request); }
    QByteArray lastIfNoneMatch() const
    {
        for (const auto &[name, value] : sent.last().headers) {
            if (name.compare("If-None-Match", Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }

private:
    Transport &m_inner;
};

QByteArray sampleCatalogue()
{
    QFile file(QStringLiteral(TONGBAN_SAMPLE_CATALOG));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The sample with another version label and item 0 renamed: a valid new catalogue.
QByteArray nextCatalogue(QString *changedItemCode)
{
    QJsonObject catalogue = QJsonDocument::fromJson(sampleCatalogue()).object();
    catalogue.insert(QStringLiteral("catalogVersion"), QStringLiteral("2026.11.2"));
    QJsonArray items = catalogue.value(QStringLiteral("items")).toArray();
    QJsonObject first = items.at(0).toObject();
    *changedItemCode = first.value(QStringLiteral("itemCode")).toString();
    first.insert(QStringLiteral("name"),
        QString(first.value(QStringLiteral("name")).toString() + QStringLiteral("（试行）")));
    items.replace(0, first);
    catalogue.insert(QStringLiteral("items"), items);
    return QJsonDocument(catalogue).toJson();
}

/// The sample with a material list that is not a list: must be refused.
QByteArray brokenCatalogue()
{
    QJsonObject catalogue = QJsonDocument::fromJson(sampleCatalogue()).object();
    catalogue.insert(QStringLiteral("catalogVersion"), QStringLiteral("2026.11.9"));
    QJsonArray items = catalogue.value(QStringLiteral("items")).toArray();
    QJsonObject first = items.at(0).toObject();
    first.insert(QStringLiteral("materials"), QStringLiteral("not a list"));
    items.replace(0, first);
    catalogue.insert(QStringLiteral("items"), items);
    return QJsonDocument(catalogue).toJson();
}

FakeResponse withEtag(const QByteArray &body, const QByteArray &etag)
{
    FakeResponse response;
    response.body = body;
    response.headers.append(
        qMakePair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
    response.headers.append(qMakePair(QByteArray("ETag"), etag));
    return response;
}

} // namespace

class TestCatalogSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void catalogue200Then304ThenNewVersionFromHub();
    void brokenCatalogueIsRefusedAndTheCurrentOneStays();
    void calendarFromHub200Then304();
    void brokenCalendarIsRefused();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Storage::Database> m_db;
    Core::SystemClock m_clock;
};

void TestCatalogSync::initTestCase()
{
    qRegisterMetaType<Core::Error>();
    QVERIFY(!sampleCatalogue().isEmpty());
}

void TestCatalogSync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = Storage::Database::open(m_dir->filePath(QStringLiteral("workstation.sqlite")),
        { Catalog::CatalogStore::schema(), platformSchema() });
    QVERIFY2(db.ok(), qPrintable(db ? QString() : db.error().toString()));
    m_db = std::move(*db);
}

void TestCatalogSync::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestCatalogSync::catalogue200Then304ThenNewVersionFromHub()
{
    // GIVEN the hub serving the sample catalogue and a signed-in workstation without one
    HubChild hub(QStringLiteral(TONGBAN_HUB), m_dir->filePath(QStringLiteral("hub")));
    QVERIFY(!hub.start().isEmpty());
    ApiClient api { QUrl(hub.base()) };
    MemoryTokenStore store;
    Session session(api, store);
    QVERIFY(signIn(session));
    RecordingTransport transport(session);
    Catalog::CatalogStore catalogs(*m_db, m_clock);
    CatalogSync sync(*m_db, catalogs, transport, m_clock);
    QSignalSpy updated(&sync, &CatalogSync::catalogUpdated);

    // WHEN it syncs
    auto first = await<Core::Result<CatalogSync::CatalogReport>>(
        [&](auto done) { sync.syncCatalog(done); });
    // THEN 200: imported and in force, ETag kept
    QVERIFY(first && first->ok());
    QCOMPARE((*first)->outcome, CatalogSync::Outcome::Updated);
    QCOMPARE((*first)->catalogVersion, QStringLiteral("2026.11.1"));
    QVERIFY(transport.lastIfNoneMatch().isEmpty());
    QCOMPARE(catalogs.activeVersion()->catalogVersion, QStringLiteral("2026.11.1"));
    QCOMPARE(sync.etag(QStringLiteral("catalog")),
        QByteArray('"' + sha256Hex(sampleCatalogue()).toLatin1() + '"'));
    QCOMPARE(updated.size(), 1);

    // WHEN it syncs again
    auto second = await<Core::Result<CatalogSync::CatalogReport>>(
        [&](auto done) { sync.syncCatalog(done); });
    // THEN If-None-Match was sent, 304, nothing imported
    QVERIFY(second && second->ok());
    QCOMPARE((*second)->outcome, CatalogSync::Outcome::NotModified);
    QCOMPARE(transport.lastIfNoneMatch(), sync.etag(QStringLiteral("catalog")));
    QCOMPARE(catalogs.versions().size(), 1);
    QCOMPARE(updated.size(), 1);

    // WHEN the platform publishes a new catalogue (hub restarted with it)
    QString changedCode;
    const QByteArray next = nextCatalogue(&changedCode);
    const QString nextPath = m_dir->filePath(QStringLiteral("next.json"));
    {
        QFile file(nextPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(next);
    }
    hub.kill();
    QVERIFY(!hub.start({ QStringLiteral("--catalog"), nextPath }).isEmpty());
    auto third = await<Core::Result<CatalogSync::CatalogReport>>(
        [&](auto done) { sync.syncCatalog(done); });

    // THEN 200: the new version is in force, the changed guide named
    QVERIFY(third && third->ok());
    QCOMPARE((*third)->outcome, CatalogSync::Outcome::Updated);
    QCOMPARE((*third)->catalogVersion, QStringLiteral("2026.11.2"));
    QCOMPARE((*third)->changedItems, QStringList { changedCode });
    QCOMPARE(catalogs.activeVersion()->catalogVersion, QStringLiteral("2026.11.2"));
    QCOMPARE(catalogs.versions().size(), 2);
    QCOMPARE(
        sync.etag(QStringLiteral("catalog")), QByteArray('"' + sha256Hex(next).toLatin1() + '"'));
}

void TestCatalogSync::brokenCatalogueIsRefusedAndTheCurrentOneStays()
{
    // GIVEN a platform (fake) that first serves a valid catalogue, then a broken one
    QByteArray body = sampleCatalogue();
    QByteArray etag = "\"v1\"";
    FakeHttpServer server([&](const FakeRequest &request) {
        if (request.path == "/api/v1/guide-reports")
            return FakeResponse::json(
                201, QJsonObject { { QStringLiteral("reportId"), QStringLiteral("gr-1") } });
        if (request.headers.value("if-none-match") == etag)
            return FakeResponse::status_(304);
        return withEtag(body, etag);
    });
    ApiClient api(server.baseUrl());
    Catalog::CatalogStore catalogs(*m_db, m_clock);
    Core::ManualClock queueClock(QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC));
    RequestQueue queue(*m_db, api, queueClock);
    CatalogSync sync(*m_db, catalogs, api, m_clock);
    sync.setRequestQueue(&queue);
    QSignalSpy failed(&sync, &CatalogSync::syncFailed);
    auto first = await<Core::Result<CatalogSync::CatalogReport>>(
        [&](auto done) { sync.syncCatalog(done); });
    QVERIFY(first && first->ok());
    const qint64 inForce = catalogs.activeVersion()->id;

    // WHEN the platform serves a broken catalogue
    body = brokenCatalogue();
    etag = "\"v2\"";
    auto refused = await<Core::Result<CatalogSync::CatalogReport>>(
        [&](auto done) { sync.syncCatalog(done); });

    // THEN it is refused with a clear error listing the problem, the old one stays in force
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code, int(CatalogInvalid));
    QVERIFY(!refused->error().message.isEmpty());
    QVERIFY2(refused->error().detail.contains(QStringLiteral("/items/0/materials")),
        qPrintable(refused->error().detail));
    QCOMPARE(catalogs.activeVersion()->id, inForce);
    QCOMPARE(catalogs.activeVersion()->catalogVersion, QStringLiteral("2026.11.1"));
    QCOMPARE(catalogs.versions().size(), 1);
    QCOMPARE(sync.etag(QStringLiteral("catalog")), QByteArray("\"v1\""));
    QCOMPARE(failed.size(), 1);

    // AND the platform is told once (catalog_invalid), even when the same document comes again
    auto again = await<Core::Result<CatalogSync::CatalogReport>>(
        [&](auto done) { sync.syncCatalog(done); });
    QVERIFY(again && !again->ok());
    const QJsonObject status = queue.status();
    QCOMPARE(status.value(QStringLiteral("requests")).toArray().size(), 1);
    QCOMPARE(status.value(QStringLiteral("requests"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("kind"))
                 .toString(),
        QStringLiteral("guide_report"));
    QSignalSpy reported(&queue, &RequestQueue::requestDone);
    queue.start();
    QVERIFY(spinUntil([&] { return reported.size() == 1; }));
    const FakeRequest report = [&] {
        for (const FakeRequest &r : server.requests) {
            if (r.path == "/api/v1/guide-reports")
                return r;
        }
        return FakeRequest();
    }();
    const QJsonObject reportBody = QJsonDocument::fromJson(report.body).object();
    QCOMPARE(
        reportBody.value(QStringLiteral("kind")).toString(), QStringLiteral("catalog_invalid"));
    QVERIFY(reportBody.value(QStringLiteral("text")).toString().contains(sha256Hex(body)));
    QVERIFY(!reportBody.value(QStringLiteral("clientReportId")).toString().isEmpty());

    // AND garbage instead of JSON is refused the same way
    body = QByteArray("<html>proxy error</html>");
    etag = "\"v3\"";
    auto garbage = await<Core::Result<CatalogSync::CatalogReport>>(
        [&](auto done) { sync.syncCatalog(done); });
    QVERIFY(garbage && !garbage->ok());
    QCOMPARE(garbage->error().code, int(CatalogInvalid));
    QCOMPARE(catalogs.activeVersion()->id, inForce);
}

void TestCatalogSync::calendarFromHub200Then304()
{
    HubChild hub(QStringLiteral(TONGBAN_HUB), m_dir->filePath(QStringLiteral("hub")));
    QVERIFY(!hub.start().isEmpty());
    ApiClient api { QUrl(hub.base()) };
    MemoryTokenStore store;
    Session session(api, store);
    QVERIFY(signIn(session));
    RecordingTransport transport(session);
    Catalog::CatalogStore catalogs(*m_db, m_clock);
    CatalogSync sync(*m_db, catalogs, transport, m_clock);
    QVERIFY(!CatalogSync::storedCalendarDocument(*m_db).ok());

    auto first = await<Core::Result<CatalogSync::CalendarReport>>(
        [&](auto done) { sync.syncCalendar(done); });
    QVERIFY(first && first->ok());
    QCOMPARE((*first)->outcome, CatalogSync::Outcome::Updated);
    QVERIFY((*first)->years.contains(2026));
    QVERIFY(CatalogSync::storedCalendarDocument(*m_db).ok());
    QVERIFY(!sync.etag(QStringLiteral("calendar")).isEmpty());

    auto second = await<Core::Result<CatalogSync::CalendarReport>>(
        [&](auto done) { sync.syncCalendar(done); });
    QVERIFY(second && second->ok());
    QCOMPARE((*second)->outcome, CatalogSync::Outcome::NotModified);
    QCOMPARE(transport.lastIfNoneMatch(), sync.etag(QStringLiteral("calendar")));
    QVERIFY((*second)->years.contains(2026));

    // The calendar in use knows 2026-10-01 (国庆节) is not a working day.
    const Core::WorkCalendar calendar = sync.calendar();
    QVERIFY(calendar.coversYear(2026));
    QCOMPARE(calendar.isWorkingDay(QDate(2026, 10, 1)).valueOr(true), false);
}

void TestCatalogSync::brokenCalendarIsRefused()
{
    QByteArray body = "{\"format\":\"tongban-working-days\",\"formatVersion\":1,\"years\":"
                      "[{\"year\":2027,\"holidays\":[{\"name\":\"x\",\"from\":\"2027-13-01\"}]}]}";
    FakeHttpServer server([&](const FakeRequest &) { return withEtag(body, "\"c1\""); });
    ApiClient api(server.baseUrl());
    Catalog::CatalogStore catalogs(*m_db, m_clock);
    CatalogSync sync(*m_db, catalogs, api, m_clock);
    auto refused = await<Core::Result<CatalogSync::CalendarReport>>(
        [&](auto done) { sync.syncCalendar(done); });
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code, int(InvalidResponse));
    QVERIFY(!refused->error().message.isEmpty());
    QVERIFY(!CatalogSync::storedCalendarDocument(*m_db).ok());
    QVERIFY(sync.etag(QStringLiteral("calendar")).isEmpty());
    // The embedded calendar is still the one in use.
    QCOMPARE(sync.calendar().years(), Core::WorkCalendar::embedded().years());
}

QTEST_GUILESS_MAIN(TestCatalogSync)
#include "tst_catalogsync.moc"
