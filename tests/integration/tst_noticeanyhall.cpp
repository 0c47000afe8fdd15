// Corrections at any hall (issue 17): a one-time notice issued at one window reaches the
// platform, and a second workstation with its own data folder finds it by identity number,
// QR code text or serial and opens exactly the listed materials under the notice's own
// catalogue version. One real tongban-hub in-process on 127.0.0.1, two Workstations.

#include <intake/Completeness.h>
#include <intake/IntakeStore.h>
#include <notices/NoticeStore.h>
#include <platform/AfterWindowClient.h>
#include <platform/ApiClient.h>
#include <platform/RequestQueue.h>
#include <security/AuditLog.h>

#include <QSettings>
#include <QSqlQuery>
#include <QTest>

#include <AfterWindow.h>
#include <HubTestClient.h>
#include <InProcessHub.h>
#include <common/CorrectionInbox.h>
#include <common/NoticeAtAnyHall.h>
#include <common/Workstation.h>

using namespace Tongban;

namespace {
const QString Password = QString::fromUtf8(Hub::DemoPassword);
const QString IdNumber = QStringLiteral("11010519491231002X");
const QString Item = QStringLiteral("41040201012001000");
} // namespace

class TestNoticeAnyHall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void noticeIssuedAtOneHallIsCorrectedAtAnother();
    void homeDepartmentsRequestIsCorrectedAtAnotherHallOnTheSameCase();

private:
    std::unique_ptr<App::Workstation> openStation(
        const QString &name, const QString &windowId, const QString &region);
    /// A client of the platform signed in as \a account at \a windowId.
    std::unique_ptr<Platform::ApiClient> signedIn(const QString &account, const QString &windowId);

    QTemporaryDir m_dirs;
    std::unique_ptr<InProcessHub> m_platform;
};

void TestNoticeAnyHall::init()
{
    m_platform = std::make_unique<InProcessHub>();
    const QString started = m_platform->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestNoticeAnyHall::cleanup()
{
    m_platform.reset();
}

std::unique_ptr<App::Workstation> TestNoticeAnyHall::openStation(
    const QString &name, const QString &windowId, const QString &region)
{
    const QString dir = m_dirs.filePath(name);
    QDir().mkpath(dir);
    {
        QSettings settings(dir + QStringLiteral("/tongban.conf"), QSettings::IniFormat);
        settings.setValue(QStringLiteral("window/id"), windowId);
        settings.setValue(QStringLiteral("window/name"), name);
        settings.setValue(QStringLiteral("window/region"), region);
        settings.setValue(QStringLiteral("platform/url"), m_platform->base);
    }
    auto opened = App::Workstation::open(
        dir, std::make_unique<Core::ManualClock>(m_platform->clock->now()));
    if (!opened) {
        qWarning() << opened.error().toString();
        return {};
    }
    return std::move(opened).value();
}

std::unique_ptr<Platform::ApiClient> TestNoticeAnyHall::signedIn(
    const QString &account, const QString &windowId)
{
    HubTestClient login(m_platform->base);
    if (login.login(account, Password, windowId).status != 200)
        return {};
    auto client = std::make_unique<Platform::ApiClient>(QUrl(m_platform->base));
    client->setBearerToken(login.token);
    return client;
}

void TestNoticeAnyHall::noticeIssuedAtOneHallIsCorrectedAtAnother()
{
    // GIVEN two workstations with their own data folders: 410402-tb-03 (卫东 is elsewhere) and
    // 410403-tb-02, both on the same platform
    auto first = openStation(
        QStringLiteral("hall-a"), QStringLiteral("410402-tb-03"), QStringLiteral("410402"));
    QVERIFY(first);
    auto second = openStation(
        QStringLiteral("hall-b"), QStringLiteral("410403-tb-02"), QStringLiteral("410403"));
    QVERIFY(second);
    QVERIFY(first->dataDirectory() != second->dataDirectory());
    auto clientA = signedIn(QStringLiteral("xh-tb-03-wangli"), QStringLiteral("410402-tb-03"));
    QVERIFY(clientA);
    auto clientB = signedIn(QStringLiteral("wd-tb-02-zhaomin"), QStringLiteral("410403-tb-02"));
    QVERIFY(clientB);

    // AND at the first hall a case whose lease contract (premises) is missing, with a
    // one-time notice numbered from a block the platform reserved for the window
    const QString version = first->catalogs().activeVersion()->catalogVersion;
    QVERIFY(!version.isEmpty());
    Intake::CaseDraft draft = *first->intake().start(
        Item, version, first->intakeWindow(), QStringLiteral("xh-tb-03-wangli"));
    draft.applicant.name = QStringLiteral("张三");
    draft.applicant.idNumber = IdNumber;
    draft.materialState(QStringLiteral("premises")).absent = true;
    QVERIFY(first->intake().save(draft));
    HubTestClient reserve(m_platform->base);
    reserve.token = clientA->bearerToken(); // the same sign-in (one live session per account)
    const Reply block
        = reserve.postJson(QStringLiteral("/api/v1/windows/410402-tb-03/serial-blocks"), {});
    QCOMPARE(block.status, 201);
    QVERIFY(first->notices().addSerialBlock({ QStringLiteral("410402-tb-03"),
        block.json().value(QStringLiteral("serialPrefix")).toString(),
        block.json().value(QStringLiteral("first")).toInteger(),
        block.json().value(QStringLiteral("last")).toInteger() }));
    const Catalog::Catalog catalog = *first->catalogs().version(version);
    const Intake::Assessment assessment = Intake::assess(*catalog.item(Item), draft);
    Notices::NoticeContent content;
    content.kind = Notices::NoticeKind::OneTimeNotice;
    content.itemCode = Item;
    content.itemName = catalog.item(Item)->name;
    content.applicantName = draft.applicant.name;
    content.lookupBaseUrl = QString(m_platform->base + QStringLiteral("/n/"));
    for (const Intake::MaterialAssessment &m : assessment.materials)
        content.deficiencies.append(m.deficiencies);
    QVERIFY(!content.deficiencies.isEmpty());
    const auto issued = first->notices().issue(content,
        { draft.caseId, QStringLiteral("410402-tb-03"), QStringLiteral("TB03"),
            QStringLiteral("xh-tb-03-wangli") });
    QVERIFY2(issued, qPrintable(issued ? QString() : issued.error().toString()));
    QVERIFY(first->intake().markAwaitingCorrection(draft, { QStringLiteral("premises") }));

    // WHEN the first hall queues the notice for the platform, as issuing it does
    const Platform::NoticeRegistration registration
        = App::noticeRegistration(issued->serial, draft, assessment, QDate(2026, 12, 8));
    QCOMPARE(registration.deficiencies.size(), 1);
    const auto request = Platform::AfterWindowClient::registrationRequest(registration);
    QVERIFY(request);
    Platform::RequestQueue queue(first->database(), *clientA, first->clock());
    QVERIFY(queue.enqueueNotice(issued->serial, *request));
    queue.flush();
    // THEN it is registered under its serial
    QTRY_COMPARE(queue.state(issued->serial), QStringLiteral("done"));
    QCOMPARE(queue.serverId(issued->serial), issued->serial);
    // AND sending it again is harmless
    Platform::AfterWindowClient platformA(*clientA);
    std::optional<Core::Status> registered;
    platformA.registerNotice(registration, [&](Core::Status status) { registered = status; });
    QTRY_VERIFY(registered.has_value());
    QVERIFY2(
        *registered, qPrintable(registered->ok() ? QString() : registered->error().toString()));

    // AND the applicant goes to the second hall; the clerk types the identity number
    Platform::AfterWindowClient platformB(*clientB);
    std::optional<Core::Result<QList<Platform::PlatformNotice>>> found;
    platformB.findNotices(Platform::NoticeKey::IdentityNumber, IdNumber.toLower(),
        [&](Core::Result<QList<Platform::PlatformNotice>> notices) { found = notices; });
    QTRY_VERIFY(found.has_value());
    QVERIFY(found->ok());
    QCOMPARE(found->value().size(), 1);
    const Platform::PlatformNotice notice = found->value().first();
    // THEN it is the first hall's notice, with its catalogue version and listed material
    QCOMPARE(notice.serial, issued->serial);
    QCOMPARE(notice.windowId, QStringLiteral("410402-tb-03"));
    QCOMPARE(notice.catalogVersion, version);
    QCOMPARE(notice.materialIds(), QStringList { QStringLiteral("premises") });
    // AND the QR code text of the printed notice finds the same notice
    const Notices::NoticeContent printed = *first->notices().content(issued->id);
    QVERIFY(printed.qrText.contains(issued->serial));
    std::optional<Core::Result<QList<Platform::PlatformNotice>>> byQr;
    platformB.findNotices(Platform::NoticeKey::QrText, printed.qrText,
        [&](Core::Result<QList<Platform::PlatformNotice>> notices) { byQr = notices; });
    QTRY_VERIFY(byQr.has_value());
    QVERIFY(byQr->ok());
    QCOMPARE(byQr->value().size(), 1);
    QCOMPARE(byQr->value().first().serial, issued->serial);

    // WHEN the second hall opens it
    auto opened = App::openNoticeFromAnotherHall(
        *second, notice, QStringLiteral("wd-tb-02-zhaomin"), IdNumber);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    Intake::CaseDraft visit = *opened;
    // THEN its correction visit opens under the notice's catalogue version, for the
    // applicant, with only the listed material open
    QCOMPARE(visit.catalogVersion, version);
    QCOMPARE(visit.itemCode, Item);
    QCOMPARE(visit.state, Intake::CaseDraft::State::Open);
    QCOMPARE(visit.submission, 2);
    QCOMPARE(visit.openMaterials, QStringList { QStringLiteral("premises") });
    QCOMPARE(visit.applicant.idNumber, IdNumber);
    QCOMPARE(visit.windowId, QStringLiteral("410403-tb-02"));
    // AND a material the notice did not list cannot be changed
    Intake::CaseDraft changed = visit;
    changed.materialState(QStringLiteral("photo")).originalVerified = true;
    const Core::Status refused = second->intake().save(changed);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, int(Intake::Locked));
    // AND the listed one can
    changed = visit;
    changed.materialState(QStringLiteral("premises")).originalVerified = true;
    QVERIFY(second->intake().save(changed));
    // AND the second hall's trail says where the notice came from
    bool traced = false;
    for (const Security::AuditRecord &record : second->audit().recent(1000)) {
        traced = traced
            || (record.action == QLatin1String("case.fromNotice")
                && record.detail.contains(issued->serial));
    }
    QVERIFY(traced);
    // AND the first hall's data folder knows nothing of the visit
    QVERIFY(first->intake().casesIn(Intake::CaseDraft::State::Open).isEmpty());

    // GIVEN a notice under a catalogue version the second hall does not hold
    Platform::PlatformNotice newer = notice;
    newer.catalogVersion = QStringLiteral("2099.1.1");
    // WHEN it is opened THEN it is refused, saying what to do
    const auto missing = App::openNoticeFromAnotherHall(
        *second, newer, QStringLiteral("wd-tb-02-zhaomin"), IdNumber);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, int(App::NoticeCatalogueMissing));
}

void TestNoticeAnyHall::homeDepartmentsRequestIsCorrectedAtAnotherHallOnTheSameCase()
{
    // GIVEN two workstations with their own data folders, 410402-tb-03 and 410403-tb-02, and a
    // case of 410402-tb-03 on the platform, submitted on Monday 2026-11-23
    m_platform->clock->set(AfterWindow::chinaTime(2026, 11, 23, 10, 0));
    auto first = openStation(
        QStringLiteral("hall-a"), QStringLiteral("410402-tb-03"), QStringLiteral("410402"));
    QVERIFY(first);
    auto second = openStation(
        QStringLiteral("hall-b"), QStringLiteral("410403-tb-02"), QStringLiteral("410403"));
    QVERIFY(second);
    auto clientA = signedIn(QStringLiteral("xh-tb-03-wangli"), QStringLiteral("410402-tb-03"));
    QVERIFY(clientA);
    auto clientB = signedIn(QStringLiteral("wd-tb-02-zhaomin"), QStringLiteral("410403-tb-02"));
    QVERIFY(clientB);
    HubTestClient hallA(m_platform->base);
    hallA.token = clientA->bearerToken(); // the same sign-in (one live session per account)
    const QString caseId = AfterWindow::submittedCase(hallA);
    QVERIFY(!caseId.isEmpty());
    const auto pagesOnPlatform = [&] {
        return hallA.send("GET", QString(QStringLiteral("/api/v1/cases/") + caseId))
            .json()
            .value(QStringLiteral("pages"))
            .toArray();
    };
    const qsizetype pagesBefore = pagesOnPlatform().size();
    // AND the home department asks for a correction of the lease contract (premises)
    HubTestClient department(m_platform->base);
    QCOMPARE(department.login(AfterWindow::Department, Password).status, 200);
    const QString requestPath = QString(
        QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/correction-request"));
    const Reply asked = department.postJson(requestPath,
        QJsonObject { { QStringLiteral("deficiencies"),
                          QJsonArray { QJsonObject {
                              { QStringLiteral("materialId"), QStringLiteral("premises") },
                              { QStringLiteral("code"), QStringLiteral("term-expired") } } } },
            { QStringLiteral("ways"), QJsonArray { QStringLiteral("window") } } });
    QCOMPARE(asked.status, 201);
    const QJsonObject requested = asked.json();
    const QString requestId = requested.value(QStringLiteral("requestId")).toString();
    // AND the first hall keeps it and registers its one-time notice for the platform's case
    // through its durable queue, as issuing it does
    App::CorrectionInbox inboxA(*first);
    QVERIFY(inboxA.receive(requested));
    Platform::NoticeRegistration registration;
    registration.serial = QStringLiteral("410402-TB-03-GZ-2026-000301");
    registration.itemCode = requested.value(QStringLiteral("itemCode")).toString();
    registration.catalogVersion = requested.value(QStringLiteral("catalogVersion")).toString();
    registration.applicantIdNumber = IdNumber;
    registration.caseId = caseId;
    registration.correctionDue
        = QDate::fromString(requested.value(QStringLiteral("due")).toString(), Qt::ISODate);
    for (const QJsonValue &value : requested.value(QStringLiteral("deficiencies")).toArray()) {
        const QJsonObject d = value.toObject();
        registration.deficiencies.append({ d.value(QStringLiteral("materialId")).toString(),
            d.value(QStringLiteral("materialName")).toString(),
            d.value(QStringLiteral("code")).toString(),
            d.value(QStringLiteral("reason")).toString(),
            d.value(QStringLiteral("correction")).toString() });
    }
    const auto registering = Platform::AfterWindowClient::registrationRequest(registration);
    QVERIFY(registering);
    Platform::RequestQueue queue(first->database(), *clientA, first->clock());
    QVERIFY(queue.enqueueNotice(registration.serial, *registering));
    queue.flush();
    QTRY_COMPARE(queue.state(registration.serial), QStringLiteral("done"));

    // WHEN the applicant brings the notice to the second hall, which finds it by its serial
    Platform::AfterWindowClient platformB(*clientB);
    std::optional<Core::Result<QList<Platform::PlatformNotice>>> found;
    platformB.findNotices(Platform::NoticeKey::Serial, registration.serial,
        [&](Core::Result<QList<Platform::PlatformNotice>> notices) { found = notices; });
    QTRY_VERIFY(found.has_value());
    QVERIFY(found->ok());
    QCOMPARE(found->value().size(), 1);
    const Platform::PlatformNotice notice = found->value().first();
    QCOMPARE(notice.caseId, caseId);
    QVERIFY(!notice.correctionGrant.isEmpty());
    // AND opens the correction visit and captures the renewed lease contract
    auto opened = App::openNoticeFromAnotherHall(
        *second, notice, QStringLiteral("wd-tb-02-zhaomin"), IdNumber);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    Intake::CaseDraft visit = *opened;
    QCOMPARE(visit.openMaterials, QStringList { QStringLiteral("premises") });
    const auto page = second->intake().addPage(visit, QStringLiteral("premises"),
        QByteArrayLiteral("renewed lease at hall b ").repeated(200), QStringLiteral("image/jpeg"));
    QVERIFY2(page, qPrintable(page ? QString() : page.error().toString()));
    // THEN the visit's pages go to the platform's case, not as a new case (what transmitting
    // the case screen does for it)
    App::CorrectionInbox inboxB(*second);
    const auto pending = inboxB.noticedForCase(visit.caseId);
    QVERIFY(pending.has_value());
    QCOMPARE(pending->caseId, caseId);
    // (and Today does not list another window's case as a request of this window's)
    QVERIFY(inboxB.open().isEmpty());
    QSqlQuery cases(m_platform->hub->database().connection());
    QVERIFY(cases.exec(QStringLiteral("SELECT COUNT(*) FROM hub_cases")) && cases.next());
    const int casesOnHub = cases.value(0).toInt();
    std::optional<Core::Status> sent;
    App::CorrectionInbox(*second).sendPages(
        pending->requestId, *clientB, [&](Core::Status status) { sent = status; });
    QTRY_VERIFY_WITH_TIMEOUT(sent.has_value(), 30000);
    QVERIFY2(*sent, qPrintable(sent->ok() ? QString() : sent->error().toString()));
    // AND the second hall's page is on the same platform case, no case was made
    const QJsonArray pages = pagesOnPlatform();
    QCOMPARE(pages.size(), pagesBefore + 1);
    QCOMPARE(pages.last().toObject().value(QStringLiteral("clientPageId")).toString(), page->id);
    QCOMPARE(pages.last().toObject().value(QStringLiteral("received")).toBool(), true);
    QVERIFY(cases.exec(QStringLiteral("SELECT COUNT(*) FROM hub_cases")) && cases.next());
    QCOMPARE(cases.value(0).toInt(), casesOnHub);
    // AND the home department sees the correction finished, from the second hall
    const Reply state = department.send("GET", requestPath);
    QCOMPARE(state.json().value(QStringLiteral("state")).toString(), QStringLiteral("answered"));
    const QList<QJsonObject> told = AfterWindow::eventsOf(
        *m_platform->hub, QStringLiteral("410402-tb-01"), QStringLiteral("case.corrected"));
    QCOMPARE(told.size(), 1);
    QCOMPARE(told.first().value(QStringLiteral("correctedAt")).toString(),
        QStringLiteral("410403-tb-02"));
    // AND the second hall's visit is complete, its request answered
    QCOMPARE(second->intake().load(visit.caseId)->state, Intake::CaseDraft::State::Complete);
    QCOMPARE(inboxB.request(pending->requestId)->state, QStringLiteral("answered"));
    // AND the first hall, told by the event, takes the request off Today
    const QList<QJsonObject> toFirst = AfterWindow::eventsOf(
        *m_platform->hub, QStringLiteral("410402-tb-03"), QStringLiteral("case.corrected"));
    QCOMPARE(toFirst.size(), 1);
    QVERIFY(inboxA.correctedElsewhere(toFirst.first()));
    QCOMPARE(inboxA.request(requestId)->state, QStringLiteral("answered"));
    QVERIFY(inboxA.open().isEmpty());
    // AND sending again from the second hall is refused, nothing is sent twice
    std::optional<Core::Status> again;
    inboxB.sendPages(pending->requestId, *clientB, [&](Core::Status status) { again = status; });
    QVERIFY(again.has_value() && !again->ok());
}

QTEST_MAIN(TestNoticeAnyHall)
#include "tst_noticeanyhall.moc"
