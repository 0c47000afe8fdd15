// The application window's inbox of requests for correction (issue 17, 000 第二十条): a case
// transmitted by a real workstation, the home department's request arriving on the events
// feed, kept in the workstation's SQLite, issued as a one-time notice in the catalogue's words,
// the case reopened for exactly the listed materials, and a page captured then sent to the
// same platform case through the correction-pages route (never as a new case).
// A real workstation database and tongban-hub in-process over HTTP on 127.0.0.1.

#include "AfterWindow.h"
#include "CheckedDraft.h"

#include <intake/CaseManifest.h>
#include <intake/IntakeStore.h>
#include <notices/NoticeStore.h>
#include <platform/AfterWindowClient.h>
#include <platform/ApiClient.h>
#include <platform/CatalogSync.h>
#include <platform/Outbox.h>
#include <platform/RequestQueue.h>
#include <platform/ResultFeed.h>
#include <platform/Session.h>
#include <platform/TokenStore.h>

#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <common/CorrectionInbox.h>
#include <common/NoticeAtAnyHall.h>
#include <common/Workstation.h>

using namespace Tongban;
using namespace AfterWindow;

namespace {
const QString Item = QStringLiteral("41040201012001000");
const QString Clerk = QStringLiteral("xh-tb-03-wangli");
const QString CatalogueReason = QStringLiteral("租赁合同已到期或租赁期限不明确");

class MemoryTokenStore : public Platform::TokenStore
{
public:
    QHash<QString, QByteArray> secrets;
    void save(const QString &key, const QByteArray &secret,
        std::function<void(Core::Status)> done) override
    {
        secrets.insert(key, secret);
        done({});
    }
    void load(const QString &key, std::function<void(Core::Result<QByteArray>)> done) override
    {
        if (!secrets.contains(key))
            return done(Core::Error { 1, QStringLiteral("none"), key });
        done(secrets.value(key));
    }
    void remove(const QString &key, std::function<void(Core::Status)> done) override
    {
        secrets.remove(key);
        done({});
    }
};

int count(Hub::Hub &hub, const QString &sql)
{
    QSqlQuery query(hub.database().connection());
    return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
}
} // namespace

class TestCorrectionInbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void requestIsKeptNoticedAndAnsweredOnTheSameCase();
    void ratingWaitsForThePlatformCaseThenReachesIt();

private:
    QString transmitCase(App::Workstation &station, Platform::Outbox &outbox);

    InProcessHub m_platform;
    QTemporaryDir m_dataDir;
};

void TestCorrectionInbox::initTestCase()
{
    qRegisterMetaType<Core::Error>();
    const QString started = m_platform.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QSettings conf(m_dataDir.filePath(QStringLiteral("tongban.conf")), QSettings::IniFormat);
    conf.setValue(QStringLiteral("window/id"), AppWindow);
    conf.setValue(QStringLiteral("window/code"), QStringLiteral("TB03"));
    conf.setValue(QStringLiteral("window/name"), QStringLiteral("新华区通办窗口3"));
    conf.setValue(QStringLiteral("window/region"), QStringLiteral("410402"));
    conf.setValue(QStringLiteral("platform/url"), m_platform.base);
    conf.sync();
}

QString TestCorrectionInbox::transmitCase(App::Workstation &station, Platform::Outbox &outbox)
{
    auto checked = Testing::checkedCompleteDraft(station, Item, Clerk);
    if (!checked)
        return {};
    Intake::IntakeStore &intake = station.intake();
    Intake::CaseDraft &draft = checked->draft;
    const Intake::Assessment &a = checked->assessment;
    const QJsonObject &body = checked->body;
    if (!intake.transmit(draft, body, a.paperToMail(), Core::DueDate { QDate(2026, 11, 25), false },
            [&outbox](const QJsonObject &b) { return outbox.enqueueWithin(b); }))
        return {};
    outbox.announce(draft.caseId);
    return draft.caseId;
}

void TestCorrectionInbox::requestIsKeptNoticedAndAnsweredOnTheSameCase()
{
    // GIVEN the window 410402-tb-03 signed in, with its events feed following the inbox
    auto opened = App::Workstation::open(m_dataDir.path());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    std::unique_ptr<App::Workstation> station = std::move(opened).value();
    Platform::ApiClient api { QUrl(m_platform.base) };
    MemoryTokenStore tokens;
    Platform::Session session(api, tokens);
    std::optional<Core::Result<Platform::ClerkInfo>> signedIn;
    session.login(Clerk, Password, AppWindow,
        [&](Core::Result<Platform::ClerkInfo> clerk) { signedIn.emplace(clerk); });
    QTRY_VERIFY_WITH_TIMEOUT(signedIn.has_value(), 15000);
    QVERIFY(signedIn->ok());
    Platform::ResultFeed feed(station->database(), session);
    App::CorrectionInbox::follow(feed, *station);
    feed.start();

    // AND a case of this window transmitted and acknowledged
    Platform::Outbox outbox(station->database(), session, station->clock(),
        [&](const QString &sha256) { return station->pages().readContent(sha256); });
    const QString localId = transmitCase(*station, outbox);
    QVERIFY(!localId.isEmpty());
    QSignalSpy acknowledged(&outbox, &Platform::Outbox::caseAcknowledged);
    outbox.flush();
    QTRY_COMPARE_WITH_TIMEOUT(acknowledged.size(), 1, 30000);
    outbox.stop();
    QSqlQuery server(station->database().connection());
    QVERIFY(server.exec(QStringLiteral("SELECT server_case_id, case_number FROM outbox_cases")));
    QVERIFY(server.next());
    const QString caseId = server.value(0).toString();
    const QString caseNumber = server.value(1).toString();
    server.finish();
    QVERIFY(!caseId.isEmpty());
    const int casesOnHub = count(*m_platform.hub, QStringLiteral("SELECT COUNT(*) FROM hub_cases"));

    // WHEN the home department asks for correction of the lease contract
    HubTestClient department(m_platform.base);
    QCOMPARE(department.login(Department, Password).status, 200);
    const QString due
        = Core::chinaStandardDate(m_platform.clock->now()).addDays(10).toString(Qt::ISODate);
    const Reply asked = department.postJson(
        QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/correction-request")),
        QJsonObject { { QStringLiteral("deficiencies"),
                          QJsonArray { QJsonObject {
                              { QStringLiteral("materialId"), QStringLiteral("premises") },
                              { QStringLiteral("code"), QStringLiteral("term-expired") } } } },
            { QStringLiteral("ways"), QJsonArray { QStringLiteral("window") } },
            { QStringLiteral("due"), due } });
    QCOMPARE(asked.status, 201);
    const QString requestId = asked.json().value(QStringLiteral("requestId")).toString();

    // THEN the window keeps it in its own database, for its local case, as Today lists it
    App::CorrectionInbox inbox(*station);
    QTRY_COMPARE_WITH_TIMEOUT(inbox.open().size(), 1, 15000);
    App::CorrectionRequest request = inbox.open().first();
    QCOMPARE(request.requestId, requestId);
    QCOMPARE(request.caseId, caseId);
    QCOMPARE(request.clientCaseId, localId);
    QCOMPARE(request.state, QStringLiteral("open"));
    QCOMPARE(request.due.toString(Qt::ISODate), due);
    QCOMPARE(request.materialIds(), QStringList { QStringLiteral("premises") });
    QVERIFY(App::CorrectionInbox::todayLine(request).contains(caseNumber));
    QVERIFY(App::CorrectionInbox::todayLine(request).contains(due));
    // AND the same event again (a replay after a reconnect) is kept once
    QVERIFY(inbox.receive(asked.json()));
    QCOMPARE(inbox.open().size(), 1);
    // AND it is in the workstation's SQLite file: another connection to it reads it
    {
        const QString name = QStringLiteral("inbox-reader");
        {
            QSqlDatabase reader = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            reader.setDatabaseName(m_dataDir.filePath(QStringLiteral("workstation.sqlite")));
            QVERIFY(reader.open());
            QSqlQuery stored(reader);
            QVERIFY(stored.exec(
                QStringLiteral(
                    "SELECT state, due FROM window_correction_requests WHERE request_id = '")
                + requestId + QStringLiteral("'")));
            QVERIFY(stored.next());
            QCOMPARE(stored.value(0).toString(), QStringLiteral("open"));
            QCOMPARE(stored.value(1).toString(), due);
        }
        QSqlDatabase::removeDatabase(name);
    }

    // WHEN the clerk issues it as a one-time notice (serials from the window's block)
    HubTestClient reserve(m_platform.base);
    reserve.token = session.accessToken();
    const Reply block
        = reserve.postJson(QStringLiteral("/api/v1/windows/410402-tb-03/serial-blocks"), {});
    QCOMPARE(block.status, 201);
    const Core::Status added = station->notices().addSerialBlock(
        { AppWindow, block.json().value(QStringLiteral("serialPrefix")).toString(),
            block.json().value(QStringLiteral("first")).toInteger(),
            block.json().value(QStringLiteral("last")).toInteger() });
    QVERIFY2(added, qPrintable(added.ok() ? QString() : added.error().toString()));
    Platform::RequestQueue requests(station->database(), session, station->clock());
    const auto issued = inbox.issueNotice(
        requestId, Clerk, QString(m_platform.base + QStringLiteral("/n/")), &requests);
    QVERIFY2(issued, qPrintable(issued ? QString() : issued.error().toString()));
    // THEN it is a one-time notice of this case listing the deficiency in the catalogue's words
    QCOMPARE(issued->kind, Notices::NoticeKind::OneTimeNotice);
    QCOMPARE(issued->caseId, localId);
    QVERIFY(issued->serial.contains(QStringLiteral("-GZ-")));
    const auto content = station->notices().content(issued->id);
    QVERIFY(content);
    QCOMPARE(content->deficiencies.size(), 1);
    QCOMPARE(content->deficiencies.first().reason, CatalogueReason);
    QVERIFY(!content->deficiencies.first().correction.isEmpty());
    QCOMPARE(content->correctionDue.toString(Qt::ISODate), due);
    QCOMPARE(content->caseNumber, caseNumber);
    // AND the local case waits with exactly the listed material open
    Intake::CaseDraft waiting = *station->intake().load(localId);
    QCOMPARE(waiting.state, Intake::CaseDraft::State::AwaitingCorrection);
    QCOMPARE(waiting.openMaterials, QStringList { QStringLiteral("premises") });
    QCOMPARE(inbox.request(requestId)->state, QStringLiteral("noticed"));
    QCOMPARE(inbox.request(requestId)->noticeSerial, issued->serial);
    // AND issuing it twice is refused (one-time: never a second list)
    const auto twice = inbox.issueNotice(requestId, Clerk, {}, &requests);
    QVERIFY(!twice);
    QCOMPARE(twice.error().code, int(App::CorrectionWrongState));
    // AND the notice reaches the platform under its serial, as this window's own notices do
    QTRY_COMPARE_WITH_TIMEOUT(requests.state(issued->serial), QStringLiteral("done"), 15000);
    QCOMPARE(requests.serverId(issued->serial), issued->serial);
    requests.stop();

    // WHEN the applicant goes to a hall of another district, a workstation with its own data
    // folder, whose clerk types the notice's serial
    QTemporaryDir otherDir;
    {
        QSettings other(otherDir.filePath(QStringLiteral("tongban.conf")), QSettings::IniFormat);
        other.setValue(QStringLiteral("window/id"), QStringLiteral("410403-tb-02"));
        other.setValue(QStringLiteral("window/name"), QStringLiteral("卫东区通办窗口2"));
        other.setValue(QStringLiteral("window/region"), QStringLiteral("410403"));
        other.setValue(QStringLiteral("platform/url"), m_platform.base);
    }
    auto otherOpened = App::Workstation::open(otherDir.path());
    QVERIFY(otherOpened);
    std::unique_ptr<App::Workstation> otherHall = std::move(otherOpened).value();
    QVERIFY(otherHall->dataDirectory() != station->dataDirectory());
    HubTestClient otherLogin(m_platform.base);
    QCOMPARE(
        otherLogin
            .login(QStringLiteral("wd-tb-02-zhaomin"), Password, QStringLiteral("410403-tb-02"))
            .status,
        200);
    Platform::ApiClient otherApi { QUrl(m_platform.base) };
    otherApi.setBearerToken(otherLogin.token);
    std::optional<Core::Result<QList<Platform::PlatformNotice>>> found;
    Platform::AfterWindowClient(otherApi).findNotices(Platform::NoticeKey::Serial, issued->serial,
        [&](Core::Result<QList<Platform::PlatformNotice>> notices) { found = notices; });
    QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), 15000);
    QVERIFY2(found->ok(), qPrintable(found->ok() ? QString() : found->error().toString()));
    // THEN it finds this window's notice for the platform's case, listing the department's
    // material under the case's catalogue version
    QCOMPARE(found->value().size(), 1);
    const Platform::PlatformNotice notice = found->value().first();
    QCOMPARE(notice.serial, issued->serial);
    QCOMPARE(notice.windowId, AppWindow);
    QCOMPARE(notice.caseId, caseId);
    QCOMPARE(notice.clientCaseId, localId);
    QCOMPARE(notice.catalogVersion, waiting.catalogVersion);
    QCOMPARE(notice.materialIds(), QStringList { QStringLiteral("premises") });
    QCOMPARE(notice.correctionDue.toString(Qt::ISODate), due);
    QCOMPARE(notice.deficiencies.first().reason, CatalogueReason);
    // AND the other hall opens its correction visit with only that material open
    const auto otherVisit = App::openNoticeFromAnotherHall(
        *otherHall, notice, QStringLiteral("wd-tb-02-zhaomin"), waiting.applicant.idNumber);
    QVERIFY2(otherVisit, qPrintable(otherVisit ? QString() : otherVisit.error().toString()));
    QCOMPARE(otherVisit->openMaterials, QStringList { QStringLiteral("premises") });

    // WHEN the applicant comes back and the clerk reopens the case
    auto visit = inbox.reopen(requestId);
    QVERIFY2(visit, qPrintable(visit ? QString() : visit.error().toString()));
    Intake::CaseDraft draft = *visit;
    QCOMPARE(draft.state, Intake::CaseDraft::State::Open);
    QCOMPARE(draft.submission, 2);
    // THEN a material the department did not list cannot change
    Intake::CaseDraft changed = draft;
    changed.materialState(QStringLiteral("photo")).originalVerified = false;
    const Core::Status refused = station->intake().save(changed);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, int(Intake::Locked));
    // AND a new page of the lease contract is captured
    const auto page = station->intake().addPage(draft, QStringLiteral("premises"),
        QByteArrayLiteral("renewed lease ").repeated(200), QStringLiteral("image/jpeg"));
    QVERIFY2(page, qPrintable(page ? QString() : page.error().toString()));

    // WHEN the window sends the correction
    std::optional<Core::Status> sent;
    // (through a short-lived inbox, as the case screen does: the answer comes after it is gone)
    App::CorrectionInbox(*station).sendPages(
        requestId, session, [&](Core::Status status) { sent = status; });
    QTRY_VERIFY_WITH_TIMEOUT(sent.has_value(), 30000);
    QVERIFY2(*sent, qPrintable(sent->ok() ? QString() : sent->error().toString()));
    // THEN the page is on the platform under the same case, no new case was made
    QCOMPARE(count(*m_platform.hub, QStringLiteral("SELECT COUNT(*) FROM hub_cases")), casesOnHub);
    QList<QJsonObject> corrected; // to the home windows of 410402
    QSqlQuery events(m_platform.hub->database().connection());
    QVERIFY(
        events.exec(QStringLiteral("SELECT data FROM hub_events WHERE type = 'case.corrected'")));
    while (events.next())
        corrected << QJsonDocument::fromJson(events.value(0).toString().toUtf8()).object();
    QVERIFY(!corrected.isEmpty());
    QCOMPARE(corrected.first().value(QStringLiteral("caseId")).toString(), caseId);
    QCOMPARE(corrected.first().value(QStringLiteral("requestId")).toString(), requestId);
    QCOMPARE(count(*m_platform.hub,
                 QStringLiteral("SELECT COUNT(*) FROM hub_pages p JOIN hub_correction_pages c"
                                " ON c.client_page_id = p.client_page_id WHERE p.case_id = '")
                     + caseId + QStringLiteral("' AND p.client_page_id = '") + page->id
                     + QStringLiteral("' AND c.request_id = '") + requestId + QStringLiteral("'")),
        1);
    // AND only the new page went: the pages transmitted with the case were not declared again
    QCOMPARE(count(*m_platform.hub,
                 QStringLiteral("SELECT COUNT(*) FROM hub_correction_pages WHERE request_id = '")
                     + requestId + QStringLiteral("'")),
        1);
    const Reply state = department.send("GET",
        QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/correction-request")));
    QCOMPARE(state.json().value(QStringLiteral("state")).toString(), QStringLiteral("answered"));
    // AND the window's request is answered, off Today, and the case is complete again
    QCOMPARE(inbox.request(requestId)->state, QStringLiteral("answered"));
    QVERIFY(inbox.open().isEmpty());
    QCOMPARE(station->intake().load(localId)->state, Intake::CaseDraft::State::Complete);
    // AND sending again is refused, nothing is sent twice
    std::optional<Core::Status> again;
    inbox.sendPages(requestId, session, [&](Core::Status status) { again = status; });
    QVERIFY(again.has_value() && !again->ok());
    feed.stop();
}

void TestCorrectionInbox::ratingWaitsForThePlatformCaseThenReachesIt()
{
    // GIVEN the window signed in and a case transmitted but not yet on the platform
    auto opened = App::Workstation::open(m_dataDir.path());
    QVERIFY(opened);
    std::unique_ptr<App::Workstation> station = std::move(opened).value();
    Platform::ApiClient api { QUrl(m_platform.base) };
    MemoryTokenStore tokens;
    Platform::Session session(api, tokens);
    std::optional<Core::Result<Platform::ClerkInfo>> signedIn;
    session.login(Clerk, Password, AppWindow,
        [&](Core::Result<Platform::ClerkInfo> clerk) { signedIn.emplace(clerk); });
    QTRY_VERIFY_WITH_TIMEOUT(signedIn.has_value(), 15000);
    QVERIFY(signedIn->ok());
    Platform::Outbox outbox(station->database(), session, station->clock(),
        [&](const QString &sha256) { return station->pages().readContent(sha256); });
    const QString localId = transmitCase(*station, outbox);
    QVERIFY(!localId.isEmpty());
    Platform::RequestQueue queue(station->database(), session, station->clock());
    QSignalSpy errors(&queue, &Platform::RequestQueue::requestError);
    const QString clientId = QStringLiteral("rating:") + localId;

    // WHEN the applicant gives a 差评 (2) at the window right after the case
    QVERIFY(queue.enqueueRating(localId, 2, QStringLiteral("等候时间太长")));
    // THEN a score outside 1..5 or a second, different rating of the case is refused
    QVERIFY(!queue.enqueueRating(localId, 6, {}));
    QVERIFY(!queue.enqueueRating(localId, 5, {}));
    // AND the same rating again is harmless
    QVERIFY(queue.enqueueRating(localId, 2, QStringLiteral("等候时间太长")));
    // AND while the platform has not created the case, the rating waits (kept, retried)
    queue.flush();
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 10000);
    QCOMPARE(queue.state(clientId), QStringLiteral("pending"));
    QCOMPARE(count(*m_platform.hub, QStringLiteral("SELECT COUNT(*) FROM hub_ratings")), 0);

    // WHEN the case reaches the platform and the queue runs again
    QSignalSpy acknowledged(&outbox, &Platform::Outbox::caseAcknowledged);
    outbox.flush();
    QTRY_COMPARE_WITH_TIMEOUT(acknowledged.size(), 1, 30000);
    outbox.stop();
    queue.flush();
    QTRY_COMPARE_WITH_TIMEOUT(queue.state(clientId), QStringLiteral("done"), 15000);
    // THEN it is stored on the platform for that case and this clerk, and opens a rectification
    QSqlQuery server(station->database().connection());
    server.prepare(
        QStringLiteral("SELECT server_case_id FROM outbox_cases WHERE client_case_id = ?"));
    server.addBindValue(localId);
    QVERIFY(server.exec() && server.next());
    const QString caseId = server.value(0).toString();
    server.finish();
    QCOMPARE(queue.serverId(clientId), caseId);
    QCOMPARE(count(*m_platform.hub,
                 QStringLiteral("SELECT COUNT(*) FROM hub_ratings WHERE score = 2 AND account = '")
                     + Clerk + QStringLiteral("' AND case_id = '") + caseId + QStringLiteral("'")),
        1);
    QCOMPARE(count(*m_platform.hub,
                 QStringLiteral("SELECT COUNT(*) FROM hub_rectifications WHERE case_id = '")
                     + caseId + QStringLiteral("' AND rectified_at IS NULL")),
        1);
    queue.stop();
}

QTEST_MAIN(TestCorrectionInbox)
#include "tst_correctioninbox.moc"
