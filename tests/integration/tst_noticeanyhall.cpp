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
#include <QTest>

#include <HubTestClient.h>
#include <InProcessHub.h>
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

QTEST_MAIN(TestNoticeAnyHall)
#include "tst_noticeanyhall.moc"
