#include <catalog/CatalogParser.h>
#include <catalog/CatalogStore.h>
#include <core/Clock.h>
#include <intake/CaseManifest.h>
#include <intake/Completeness.h>
#include <intake/IntakeStore.h>
#include <security/AuditLog.h>
#include <storage/StorageSchema.h>

#include <QFile>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Tongban;
using namespace Tongban::Intake;

namespace {

const QString kItem = QStringLiteral("41040201012001000"); // 个体工商户设立登记

Catalog::Catalog sampleCatalog()
{
    QFile file(qEnvironmentVariable("TONGBAN_SOURCE_DIR")
        + QStringLiteral("/resources/catalog/pingdingshan-2026.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("sample catalogue not found");
    Catalog::ParseOutcome outcome = Catalog::CatalogParser::parse(file.readAll());
    if (!outcome.ok())
        qFatal("sample catalogue invalid: %s", qPrintable(outcome.report()));
    return *outcome.catalog;
}

/// Every applicable material captured, every point passed, originals verified.
void checkEverything(const Catalog::ServiceItem &item, CaseDraft &draft)
{
    for (const Catalog::MaterialRequirement *m : item.applicableMaterials(draft.facts)) {
        MaterialState &state = draft.materialState(m->id);
        state.pages = { CapturedPage { QStringLiteral("page-") + m->id } };
        state.originalVerified = true;
        for (const Catalog::ReviewPoint &p : m->reviewPoints)
            state.verdicts.insert(p.id, ReviewVerdict { ReviewVerdict::Verdict::Pass, {}, {} });
    }
}

CaseDraft applicantZhang()
{
    CaseDraft draft;
    draft.itemCode = kItem;
    draft.applicant.name = QStringLiteral("张三");
    draft.applicant.idNumber = QStringLiteral("11010519491231002X");
    draft.facts.insert(QStringLiteral("agentApplies"), false);
    return draft;
}

struct Station
{
    QTemporaryDir dir;
    Core::ManualClock clock { QDateTime(QDate(2026, 11, 24), QTime(9, 41), Qt::UTC) };
    std::unique_ptr<Storage::Database> db;
    std::unique_ptr<Storage::CaseStore> cases;
    std::unique_ptr<Storage::PageStore> pages;
    std::unique_ptr<Security::AuditLog> audit;
    std::unique_ptr<IntakeStore> store;

    void open()
    {
        store.reset();
        audit.reset();
        pages.reset();
        cases.reset();
        db.reset();
        auto opened = Storage::Database::open(dir.filePath(QStringLiteral("w.sqlite")),
            { Storage::storageSchema(), Security::auditSchema(), IntakeStore::schema() });
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
        db = std::move(opened).value();
        cases = std::make_unique<Storage::CaseStore>(*db, clock);
        pages = std::make_unique<Storage::PageStore>(
            *db, dir.filePath(QStringLiteral("pages")), clock);
        audit = std::make_unique<Security::AuditLog>(*db, clock);
        store = std::make_unique<IntakeStore>(*db, *cases, *pages, *audit, clock);
    }
};

const IntakeStore::Window kWindow { QStringLiteral("410402-tb-03"), QStringLiteral("TB03"),
    QStringLiteral("410402") };

} // namespace

class TestIntake : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { m_catalog = sampleCatalog(); }

    void everythingPassedIsComplete();
    void conditionsDecideWhichMaterialsApply();
    void twoMissingAndOneFailedPointGiveThreeDeficiencies();
    void unmarkedPointsAndUnverifiedOriginalsBlockTheDecision();
    void toleratedAbsenceNeedsTheGuideAndACommitment();
    void invalidApplicantBlocksTheDecision();
    void caseBodyFollowsTheContract();

    void provisionalNumbersPerWindowAndDay();
    void draftSurvivesReopening();
    void pagesGoWithTheirMaterialInOneTransaction();
    void correctionReopensOnlyWhatTheNoticeListed();
    void findByApplicantAndMailingTasks();
    void theResultFindsItsCaseByTheOfficialNumber();

    void aFailedPointDoesNotEndTheExamination();
    void aFailedPointNeedsTheGuidesReasonAndTheRemarkOnlyExplains();
    void delegationNeedsTheAgentsNameAndIdentity();
    void correctionVisitChangesOnlyWhatTheNoticeListed();
    void aLaterNoticeNeverAddsADemand();
    void everyActIsRecordedUnderTheClerkWhoDidIt();
    void answersCommitmentsAndApplicantEditsAreAudited();
    void transmissionIsOneStep();
    void aWaybillIsRecordedWithItsPlatformRequest();
    void aSaveNeverLosesTheOfficialNumber();
    void onlyACaseWithoutPagesCanBeCancelled();

private:
    /// A case of \a station whose first notice listed the application (a failed point) and
    /// the lease (absent), reopened for the applicant's correction visit.
    CaseDraft correctionVisit(Station &station);
    const Catalog::ServiceItem &item() const { return *m_catalog.item(kItem); }
    Catalog::Catalog m_catalog;
};

void TestIntake::everythingPassedIsComplete()
{
    // GIVEN a case in which every applicable material passed
    CaseDraft draft = applicantZhang();
    checkEverything(item(), draft);
    // WHEN it is assessed
    const Assessment a = assess(item(), draft);
    // THEN it is complete: four materials received, nothing for the notice
    QVERIFY(a.decidable);
    QVERIFY(a.complete);
    QCOMPARE(a.materials.size(), 4);
    QCOMPARE(a.count(MaterialStatus::Received), 4);
    QVERIFY(a.deficiencies().isEmpty());
    const auto received = a.received(draft);
    QCOMPARE(received.size(), 4);
    QCOMPARE(received.first().name, QStringLiteral("个体工商户登记（备案）申请书"));
    QCOMPARE(received.first().pages, 1);
    // and the materials whose paper the home department keeps are the ones to mail
    QCOMPARE(a.paperToMail(),
        QStringList({ QStringLiteral("application"), QStringLiteral("premises"),
            QStringLiteral("photo") }));
}

void TestIntake::conditionsDecideWhichMaterialsApply()
{
    // GIVEN the same case, but an agent applies
    CaseDraft draft = applicantZhang();
    draft.facts.insert(QStringLiteral("agentApplies"), true);
    checkEverything(item(), draft);
    draft.agent.name = QStringLiteral("李四");
    draft.agent.idNumber = QStringLiteral("11010519491231002X");
    // THEN the authorization and the agent's identity are asked for too
    Assessment a = assess(item(), draft);
    QCOMPARE(a.materials.size(), 6);
    QVERIFY(a.material(QStringLiteral("authorization")));
    QVERIFY(a.complete);
    // WHEN the answer changes back, the two materials no longer apply, whatever was recorded
    draft.facts.insert(QStringLiteral("agentApplies"), false);
    draft.agent = {};
    a = assess(item(), draft);
    QCOMPARE(a.materials.size(), 4);
    QVERIFY(!a.material(QStringLiteral("authorization")));
    QVERIFY(a.complete);
}

void TestIntake::twoMissingAndOneFailedPointGiveThreeDeficiencies()
{
    // GIVEN the lease and the photo missing, and the application form unsigned
    CaseDraft draft = applicantZhang();
    checkEverything(item(), draft);
    draft.materialState(QStringLiteral("premises"))
        = MaterialState { QStringLiteral("premises"), true, false, {}, false, {}, {} };
    draft.materialState(QStringLiteral("photo")).absent = true;
    draft.materialState(QStringLiteral("application")).verdicts[QStringLiteral("signed")]
        = ReviewVerdict { ReviewVerdict::Verdict::Fail, QStringLiteral("unsigned"),
              QStringLiteral("第二页") };
    // WHEN it is assessed
    const Assessment a = assess(item(), draft);
    // THEN it is decidable but not complete, with exactly three deficiencies in guide order
    QVERIFY(a.decidable);
    QVERIFY(!a.complete);
    const auto deficiencies = a.deficiencies();
    QCOMPARE(deficiencies.size(), 3);
    QCOMPARE(deficiencies[0].kind, Notices::Deficiency::Kind::ReviewPointFailed);
    QCOMPARE(deficiencies[0].material, QStringLiteral("个体工商户登记（备案）申请书"));
    QVERIFY(!deficiencies[0].reason.isEmpty());
    QVERIFY(!deficiencies[0].correction.isEmpty());
    QCOMPARE(deficiencies[0].remark, QStringLiteral("第二页"));
    QCOMPARE(deficiencies[1].kind, Notices::Deficiency::Kind::Missing);
    QCOMPARE(deficiencies[1].material, QStringLiteral("经营场所使用证明"));
    QCOMPARE(deficiencies[2].material, QStringLiteral("经营者近期一寸免冠照片"));
    // and the standard reason is the catalogue's, not invented
    const Catalog::MaterialRequirement &application = item().materials.first();
    const Catalog::ReviewPoint &signedPoint = application.reviewPoints.last();
    QCOMPARE(deficiencies[0].reason, signedPoint.deficiencies.first().reason);
    // and the receipt part lists only the two received materials
    QCOMPARE(a.received(draft).size(), 1);
}

void TestIntake::unmarkedPointsAndUnverifiedOriginalsBlockTheDecision()
{
    CaseDraft draft = applicantZhang();
    checkEverything(item(), draft);
    draft.materialState(QStringLiteral("operator-id")).verdicts.remove(QStringLiteral("valid"));
    draft.materialState(QStringLiteral("photo")).originalVerified = false;
    const Assessment a = assess(item(), draft);
    QVERIFY(!a.decidable);
    QVERIFY(!a.complete);
    QCOMPARE(a.material(QStringLiteral("operator-id"))->todo.size(), 1);
    QCOMPARE(a.material(QStringLiteral("photo"))->todo.size(), 1);
    QCOMPARE(a.count(MaterialStatus::Received), 2);
    // a material with no pages cannot be received
    draft = applicantZhang();
    checkEverything(item(), draft);
    draft.materialState(QStringLiteral("photo")).pages.clear();
    QVERIFY(!assess(item(), draft).decidable);
}

void TestIntake::toleratedAbsenceNeedsTheGuideAndACommitment()
{
    CaseDraft draft = applicantZhang();
    checkEverything(item(), draft);
    // the lease (premises) is tolerable in the guide, the photo is not
    MaterialState &premises = draft.materialState(QStringLiteral("premises"));
    premises = MaterialState { QStringLiteral("premises"), false, true, {}, false, {}, {} };
    QVERIFY(!assess(item(), draft).decidable); // no commitment yet
    // a text of the window's own is not the applicant's commitment
    premises.commitment = QStringLiteral("x");
    QVERIFY(!assess(item(), draft).decidable);
    premises.commitment = QStringLiteral("申请人承诺5个工作日内补交租赁合同");
    QVERIFY(!assess(item(), draft).decidable);
    // the guide's standard text is
    const Catalog::MaterialRequirement *lease = nullptr;
    for (const Catalog::MaterialRequirement &m : item().materials) {
        if (m.id == QLatin1String("premises"))
            lease = &m;
    }
    QVERIFY(lease);
    QCOMPARE(lease->toleranceDays, 5); // read from "5个工作日内"
    premises.commitment = lease->toleranceCommitment;
    Assessment a = assess(item(), draft);
    QVERIFY(a.complete);
    QCOMPARE(a.material(QStringLiteral("premises"))->status, MaterialStatus::Tolerated);
    const auto received = a.received(draft);
    QVERIFY(std::any_of(received.cbegin(), received.cend(),
        [](const Notices::ReceivedMaterial &r) { return r.tolerated && !r.commitment.isEmpty(); }));
    MaterialState &photo = draft.materialState(QStringLiteral("photo"));
    photo.tolerated = true;
    photo.commitment = QStringLiteral("承诺");
    a = assess(item(), draft);
    QVERIFY(!a.decidable);
    QCOMPARE(a.material(QStringLiteral("photo"))->status, MaterialStatus::Unchecked);
}

void TestIntake::invalidApplicantBlocksTheDecision()
{
    CaseDraft draft = applicantZhang();
    checkEverything(item(), draft);
    draft.applicant.idNumber = QStringLiteral("110105194912310021"); // wrong check digit
    Assessment a = assess(item(), draft);
    QVERIFY(!a.decidable);
    QCOMPARE(a.applicantProblems.size(), 1);
    draft.applicant.kind = Applicant::Kind::LegalPerson;
    draft.applicant.creditCode = QStringLiteral("91350100M000100Y43");
    draft.applicant.representative = QStringLiteral("王五");
    a = assess(item(), draft);
    QVERIFY2(a.applicantProblems.isEmpty(), qPrintable(a.applicantProblems.join(u';')));
    QVERIFY(a.complete);
}

void TestIntake::caseBodyFollowsTheContract()
{
    Station station;
    station.open();
    auto started = station.store->start(
        kItem, QStringLiteral("2026.11.1"), kWindow, QStringLiteral("xh-tb-03-wangli"));
    QVERIFY(started);
    CaseDraft draft = started.value();
    draft.applicant = applicantZhang().applicant;
    draft.facts = applicantZhang().facts;
    for (const Catalog::MaterialRequirement *m : item().applicableMaterials(draft.facts)) {
        auto page = station.store->addPage(
            draft, m->id, m->id.toUtf8().repeated(100), QStringLiteral("image/jpeg"));
        QVERIFY(page);
    }
    checkEverything(item(), draft);
    // checkEverything replaced the page ids: put the stored ones back
    draft = station.store->load(draft.caseId).value();
    for (const Catalog::MaterialRequirement *m : item().applicableMaterials(draft.facts)) {
        MaterialState &state = draft.materialState(m->id);
        state.originalVerified = true;
        for (const Catalog::ReviewPoint &p : m->reviewPoints)
            state.verdicts.insert(p.id, ReviewVerdict { ReviewVerdict::Verdict::Pass, {}, {} });
    }
    draft.applicant = applicantZhang().applicant;
    draft.facts = applicantZhang().facts;
    const Assessment a = assess(item(), draft);
    QVERIFY(a.complete);
    auto body = caseBody(item(), draft, a, *station.pages);
    QVERIFY2(body, qPrintable(body ? QString() : body.error().toString()));
    QCOMPARE(body->value(u"clientCaseId").toString(), draft.caseId);
    QCOMPARE(body->value(u"provisionalNumber").toString(), draft.provisionalNumber);
    QCOMPARE(body->value(u"applicant").toObject().value(u"kind").toString(),
        QStringLiteral("naturalPerson"));
    const QJsonArray materials = body->value(u"materials").toArray();
    QCOMPARE(materials.size(), 4);
    const QJsonObject page = materials[0].toObject().value(u"pages").toArray().first().toObject();
    QCOMPARE(page.value(u"sha256").toString(),
        Storage::PageStore::sha256Hex(QByteArray("application").repeated(100)));
    QCOMPARE(page.value(u"sizeBytes").toInteger(), qint64(1100));
    // an incomplete case has no body
    draft.materialState(QStringLiteral("photo")).absent = true;
    QVERIFY(!caseBody(item(), draft, assess(item(), draft), *station.pages));
}

void TestIntake::provisionalNumbersPerWindowAndDay()
{
    Station station;
    station.open();
    auto first = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk"));
    auto second = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk"));
    QVERIFY(first && second);
    QCOMPARE(first->provisionalNumber, QStringLiteral("410402-TB03-20261124-0001"));
    QCOMPARE(second->provisionalNumber, QStringLiteral("410402-TB03-20261124-0002"));
    station.clock.advanceDays(1);
    auto nextDay = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk"));
    QCOMPARE(nextDay->provisionalNumber, QStringLiteral("410402-TB03-20261125-0001"));
    // each start is in the audit trail
    QVERIFY(station.audit->verify()->ok);
}

void TestIntake::draftSurvivesReopening()
{
    Station station;
    station.open();
    auto started = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk"));
    QVERIFY(started);
    CaseDraft draft = started.value();
    // GIVEN a few keystrokes saved, with the screen and material the clerk is on
    draft.applicant.name = QStringLiteral("张");
    QVERIFY(station.store->save(draft));
    draft.applicant.name = QStringLiteral("张三");
    draft.facts.insert(QStringLiteral("agentApplies"), false);
    draft.materialState(QStringLiteral("application")).verdicts[QStringLiteral("type")]
        = ReviewVerdict { ReviewVerdict::Verdict::Fail, QStringLiteral("type-wrong"),
              QStringLiteral("备注") };
    draft.screen = QStringLiteral("checklist");
    draft.currentMaterial = QStringLiteral("application");
    QVERIFY(station.store->save(draft));
    // WHEN the database is closed and opened again (as after a crash)
    station.open();
    // THEN the same case is the one to resume, with everything in it
    QCOMPARE(station.store->resumeCaseId(), draft.caseId);
    auto loaded = station.store->load(draft.caseId);
    QVERIFY(loaded);
    QCOMPARE(loaded->applicant.name, QStringLiteral("张三"));
    QCOMPARE(loaded->facts.value(QStringLiteral("agentApplies")).toBool(), false);
    QVERIFY(loaded->facts.contains(QStringLiteral("agentApplies")));
    QCOMPARE(loaded->screen, QStringLiteral("checklist"));
    QCOMPARE(loaded->currentMaterial, QStringLiteral("application"));
    const ReviewVerdict v
        = loaded->material(QStringLiteral("application"))->verdicts.value(QStringLiteral("type"));
    QCOMPARE(v.verdict, ReviewVerdict::Verdict::Fail);
    QCOMPARE(v.deficiencyCode, QStringLiteral("type-wrong"));
    QCOMPARE(v.remark, QStringLiteral("备注"));
    QCOMPARE(loaded->toJson(), draft.toJson());
    // a case no longer open is not resumed
    QVERIFY(station.store->markComplete(*loaded));
    QVERIFY(station.store->resumeCaseId().isEmpty());
}

// Issue 14: the applicant left before anything was captured; the clerk cancels the case.
void TestIntake::onlyACaseWithoutPagesCanBeCancelled()
{
    Station station;
    station.open();
    // GIVEN a case with a page and one without
    CaseDraft withPage = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk")).value();
    QVERIFY(station.store->addPage(
        withPage, QStringLiteral("application"), "page-a", QStringLiteral("image/jpeg")));
    CaseDraft empty = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk")).value();
    // WHEN the clerk cancels each
    const Core::Status refused = station.store->abandon(withPage, QStringLiteral("left"));
    const Core::Status done = station.store->abandon(empty, QStringLiteral("left"));
    // THEN the one with a page is refused and unchanged, the other is kept as abandoned
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, int(WrongState));
    QCOMPARE(station.store->load(withPage.caseId)->state, CaseDraft::State::Open);
    QVERIFY2(done, qPrintable(done ? QString() : done.error().toString()));
    QCOMPARE(station.store->load(empty.caseId)->state, CaseDraft::State::Abandoned);
    // AND the trail has it, and a cancelled case is never resumed or cancelled twice
    bool audited = false;
    for (const Security::AuditRecord &record : station.audit->recent(20))
        audited = audited
            || (record.action == QLatin1String("case.abandon")
                && record.object == empty.provisionalNumber);
    QVERIFY(audited);
    QVERIFY(station.store->resumeCaseId() != empty.caseId);
    QVERIFY(!station.store->abandon(empty, QStringLiteral("again")));
}

void TestIntake::pagesGoWithTheirMaterialInOneTransaction()
{
    Station station;
    station.open();
    CaseDraft draft = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk")).value();
    auto a = station.store->addPage(
        draft, QStringLiteral("application"), "page-a", QStringLiteral("image/jpeg"));
    auto b = station.store->addPage(
        draft, QStringLiteral("application"), "page-b", QStringLiteral("image/jpeg"));
    auto c = station.store->addPage(
        draft, QStringLiteral("application"), "page-c", QStringLiteral("image/jpeg"), 0);
    QVERIFY(a && b && c);
    station.open();
    CaseDraft loaded = station.store->load(draft.caseId).value();
    const MaterialState *m = loaded.material(QStringLiteral("application"));
    QVERIFY(m);
    QCOMPARE(m->pages.size(), 3);
    QCOMPARE(m->pages[0].pageId, c->id);
    QCOMPARE(m->pages[1].pageId, a->id);
    QCOMPARE(station.pages->read(m->pages[2].pageId).value(), QByteArray("page-b"));
    // retake keeps the place
    auto retaken = station.store->replacePage(
        loaded, QStringLiteral("application"), a->id, "page-a2", QStringLiteral("image/jpeg"));
    QVERIFY(retaken);
    QCOMPARE(loaded.material(QStringLiteral("application"))->pages[1].pageId, retaken->id);
    QVERIFY(!station.pages->page(a->id));
    // a page of a material that failed to save leaves the draft as it was
    station.db->connection().exec(QStringLiteral("PRAGMA query_only = ON"));
    const QJsonObject before = loaded.toJson();
    QVERIFY(!station.store->addPage(
        loaded, QStringLiteral("photo"), "page-d", QStringLiteral("image/jpeg")));
    QCOMPARE(loaded.toJson(), before);
    station.db->connection().exec(QStringLiteral("PRAGMA query_only = OFF"));
    QCOMPARE(
        station.store->load(draft.caseId)->material(QStringLiteral("application"))->pages.size(),
        3);
}

void TestIntake::correctionReopensOnlyWhatTheNoticeListed()
{
    Station station;
    station.open();
    CaseDraft draft = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk")).value();
    draft.applicant = applicantZhang().applicant;
    draft.facts = applicantZhang().facts;
    checkEverything(item(), draft);
    draft.materialState(QStringLiteral("premises")).absent = true;
    draft.materialState(QStringLiteral("application")).verdicts[QStringLiteral("signed")]
        = ReviewVerdict { ReviewVerdict::Verdict::Fail, QStringLiteral("unsigned"), {} };
    const Assessment before = assess(item(), draft);
    QVERIFY(before.decidable && !before.complete);
    QVERIFY(station.store->markAwaitingCorrection(
        draft, { QStringLiteral("application"), QStringLiteral("premises") }));
    QCOMPARE(station.store->casesIn(CaseDraft::State::AwaitingCorrection).size(), 1);
    QVERIFY(station.store->resumeCaseId().isEmpty());
    // WHEN the applicant comes back
    station.open();
    CaseDraft back = station.store->load(draft.caseId).value();
    QVERIFY(station.store->reopenForCorrection(back));
    // THEN only the listed materials need work; every other verdict is kept
    QCOMPARE(back.submission, 2);
    const Assessment now = assess(item(), back);
    QCOMPARE(now.material(QStringLiteral("operator-id"))->status, MaterialStatus::Received);
    QCOMPARE(now.material(QStringLiteral("photo"))->status, MaterialStatus::Received);
    QCOMPARE(now.material(QStringLiteral("application"))->status, MaterialStatus::Unchecked);
    QCOMPARE(now.material(QStringLiteral("application"))->todo.size(), 1); // one point to re-mark
    QCOMPARE(now.material(QStringLiteral("premises"))->status, MaterialStatus::Unchecked);
    QCOMPARE(back.currentMaterial, QStringLiteral("application"));
    // a case not awaiting correction cannot be reopened
    QVERIFY(!station.store->reopenForCorrection(back));
}

void TestIntake::findByApplicantAndMailingTasks()
{
    Station station;
    station.open();
    CaseDraft draft = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk")).value();
    draft.applicant = applicantZhang().applicant;
    QVERIFY(station.store->save(draft));
    QCOMPARE(station.store->findByApplicant(QStringLiteral("11010519491231002x")).size(), 1);
    QVERIFY(station.store->findByApplicant(QStringLiteral("110105194912310021")).isEmpty());
    QCOMPARE(station.store->casesOf(QDate(2026, 11, 24)).size(), 1);
    // the identity number is not stored in the lookup column
    QSqlQuery query(station.db->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT applicant_key FROM intake_cases")) && query.next());
    QVERIFY(!query.value(0).toString().contains(QStringLiteral("110105")));

    auto task = station.store->addMailingTask(
        draft, { QStringLiteral("application"), QStringLiteral("premises") }, QDate(2026, 11, 25));
    QVERIFY(task);
    QCOMPARE(station.store->mailingTasks(true).size(), 1);
    QVERIFY(!station.store->recordMailing(
        task.value(), QStringLiteral("EMS"), QStringLiteral("12"), QStringLiteral("clerk")));
    QVERIFY(station.store->recordMailing(task.value(), QStringLiteral("EMS"),
        QStringLiteral("1234567890123"), QStringLiteral("clerk")));
    QVERIFY(station.store->mailingTasks(true).isEmpty());
    const MailingTask sent = station.store->mailingTasks(false).first();
    QCOMPARE(sent.waybill, QStringLiteral("1234567890123"));
    QCOMPARE(sent.due, QDate(2026, 11, 25));
    QVERIFY(sent.isSent());
}

namespace {

QList<Security::AuditRecord> trail(const Station &station)
{
    QList<Security::AuditRecord> records = station.audit->recent(10000);
    std::reverse(records.begin(), records.end());
    return records;
}

QList<Security::AuditRecord> actsOf(const Station &station, const QString &action)
{
    QList<Security::AuditRecord> found;
    for (const Security::AuditRecord &r : trail(station)) {
        if (r.action == action)
            found << r;
    }
    return found;
}

} // namespace

void TestIntake::aFailedPointDoesNotEndTheExamination()
{
    // GIVEN the application form with its signature point failed, its three other points
    // never examined and its original not verified
    CaseDraft draft = applicantZhang();
    checkEverything(item(), draft);
    MaterialState &application = draft.materialState(QStringLiteral("application"));
    application.verdicts.clear();
    application.originalVerified = false;
    application.verdicts[QStringLiteral("signed")]
        = ReviewVerdict { ReviewVerdict::Verdict::Fail, QStringLiteral("unsigned"), {} };
    // WHEN it is assessed
    Assessment a = assess(item(), draft);
    // THEN the material is not decided, and so neither is the case: no notice yet
    QVERIFY(!a.decidable);
    const MaterialAssessment *m = a.material(QStringLiteral("application"));
    QCOMPARE(m->status, MaterialStatus::Unchecked);
    QCOMPARE(m->todo.size(), 2); // three points to mark, the original to verify
    // WHEN the clerk examines the rest and finds a second problem
    for (const QString &point : { QStringLiteral("type"), QStringLiteral("premises") })
        application.verdicts[point] = ReviewVerdict { ReviewVerdict::Verdict::Pass, {}, {} };
    application.verdicts[QStringLiteral("scope")]
        = ReviewVerdict { ReviewVerdict::Verdict::Fail, QStringLiteral("scope-irregular"), {} };
    a = assess(item(), draft);
    QVERIFY(!a.decidable); // the original is still to verify
    application.originalVerified = true;
    a = assess(item(), draft);
    // THEN the one notice lists both problems of the material at once
    QVERIFY(a.decidable);
    QCOMPARE(a.material(QStringLiteral("application"))->status, MaterialStatus::Deficient);
    QCOMPARE(a.deficiencies().size(), 2);
}

void TestIntake::aFailedPointNeedsTheGuidesReasonAndTheRemarkOnlyExplains()
{
    CaseDraft draft = applicantZhang();
    checkEverything(item(), draft);
    // GIVEN a failed point with no reason picked, only a remark
    draft.materialState(QStringLiteral("application")).verdicts[QStringLiteral("signed")]
        = ReviewVerdict { ReviewVerdict::Verdict::Fail, {}, QStringLiteral("请另找人签") };
    Assessment a = assess(item(), draft);
    // THEN it is not decided: the remark is not a demand of its own
    QVERIFY(!a.decidable);
    QVERIFY(a.deficiencies().isEmpty());
    // WHEN the guide's reason is picked
    draft.materialState(QStringLiteral("application"))
        .verdicts[QStringLiteral("signed")]
        .deficiencyCode
        = QStringLiteral("unsigned");
    a = assess(item(), draft);
    QVERIFY(a.decidable);
    const auto deficiencies = a.deficiencies();
    QCOMPARE(deficiencies.size(), 1);
    // THEN reason and correction are the catalogue's; the remark only explains them
    const Catalog::ReviewPoint &signedPoint = item().materials.first().reviewPoints.last();
    QCOMPARE(deficiencies[0].reason, signedPoint.deficiencies.first().reason);
    QCOMPARE(deficiencies[0].correction, signedPoint.deficiencies.first().correction);
    QCOMPARE(deficiencies[0].remark, QStringLiteral("请另找人签"));
}

void TestIntake::delegationNeedsTheAgentsNameAndIdentity()
{
    CaseDraft draft = applicantZhang();
    draft.facts.insert(QStringLiteral("agentApplies"), true);
    checkEverything(item(), draft);
    // GIVEN 是否委托 = 是 and nobody named
    QCOMPARE(applicantProblems(draft).size(), 2);
    QVERIFY(!assess(item(), draft).decidable);
    // a name with an invalid identity number is not enough either
    draft.agent.name = QStringLiteral("李四");
    draft.agent.idNumber = QStringLiteral("110105194912310021");
    QCOMPARE(applicantProblems(draft).size(), 1);
    draft.agent.idNumber = QStringLiteral("11010519491231002X");
    QVERIFY(applicantProblems(draft).isEmpty());
    QVERIFY(assess(item(), draft).complete);
}

CaseDraft TestIntake::correctionVisit(Station &station)
{
    CaseDraft draft = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk-a")).value();
    draft.applicant = applicantZhang().applicant;
    draft.facts = applicantZhang().facts;
    checkEverything(item(), draft);
    draft.materialState(QStringLiteral("premises")).absent = true;
    draft.materialState(QStringLiteral("application")).verdicts[QStringLiteral("signed")]
        = ReviewVerdict { ReviewVerdict::Verdict::Fail, QStringLiteral("unsigned"), {} };
    if (!station.store->save(draft))
        qFatal("save failed");
    if (!station.store->markAwaitingCorrection(
            draft, { QStringLiteral("application"), QStringLiteral("premises") }))
        qFatal("notice failed");
    CaseDraft back = station.store->load(draft.caseId).value();
    if (!station.store->reopenForCorrection(back))
        qFatal("reopen failed");
    return back;
}

void TestIntake::correctionVisitChangesOnlyWhatTheNoticeListed()
{
    Station station;
    station.open();
    station.store->setActor({ QStringLiteral("clerk-a"), QStringLiteral("application") });
    CaseDraft back = correctionVisit(station);
    const QJsonObject stored = station.store->load(back.caseId)->toJson();

    // WHEN the clerk changes a material accepted the first time
    CaseDraft edited = back;
    edited.materialState(QStringLiteral("photo")).verdicts[QStringLiteral("face")]
        = ReviewVerdict { ReviewVerdict::Verdict::Fail, QStringLiteral("old"), {} };
    // THEN it is refused and nothing is written
    auto refused = station.store->save(edited);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, int(Locked));
    QCOMPARE(station.store->load(back.caseId)->toJson(), stored);
    // nor can the answers to the questions (情形) change
    edited = back;
    edited.facts.insert(QStringLiteral("agentApplies"), true);
    QVERIFY(!station.store->save(edited));
    // nor can a page be added to or removed from an accepted material
    QVERIFY(!station.store->addPage(
        back, QStringLiteral("photo"), "late page", QStringLiteral("image/jpeg")));
    const QString photoPage = back.material(QStringLiteral("photo"))->pages.first().pageId;
    QVERIFY(!station.store->removePage(back, QStringLiteral("photo"), photoPage));
    // but the listed materials can
    edited = back;
    edited.materialState(QStringLiteral("application")).verdicts[QStringLiteral("signed")]
        = ReviewVerdict { ReviewVerdict::Verdict::Pass, {}, {} };
    QVERIFY(station.store->save(edited));
    QVERIFY(station.store->addPage(
        edited, QStringLiteral("premises"), "lease", QStringLiteral("image/jpeg")));

    // WHEN a clerk who is not a supervisor tries to unlock the photo
    auto notAllowed = station.store->unlock(edited, QStringLiteral("photo"), QStringLiteral("x"));
    QVERIFY(!notAllowed);
    QCOMPARE(notAllowed.error().code, int(NotAllowed));
    // THEN a supervisor can, with a reason, and it is in the trail under them
    station.store->setActor({ QStringLiteral("boss"), QStringLiteral("admin") });
    QVERIFY(!station.store->unlock(edited, QStringLiteral("photo"), QStringLiteral(" ")));
    QVERIFY(station.store->unlock(edited, QStringLiteral("photo"), QStringLiteral("照片拍错了")));
    const auto unlocks = actsOf(station, QStringLiteral("case.unlock"));
    QCOMPARE(unlocks.size(), 1);
    QCOMPARE(unlocks.first().clerk, QStringLiteral("boss"));
    QVERIFY(unlocks.first().detail.contains(QStringLiteral("照片拍错了")));
    edited.materialState(QStringLiteral("photo")).originalVerified = false;
    QVERIFY(station.store->save(edited));
    QVERIFY(station.audit->verify()->ok);
}

void TestIntake::aLaterNoticeNeverAddsADemand()
{
    Station station;
    station.open();
    station.store->setActor({ QStringLiteral("boss"), QStringLiteral("admin") });
    CaseDraft back = correctionVisit(station);
    // GIVEN a supervisor unlocked the photo and the clerk now finds it wanting
    QVERIFY(station.store->unlock(back, QStringLiteral("photo"), QStringLiteral("重新核对")));
    MaterialState &photo = back.materialState(QStringLiteral("photo"));
    photo.verdicts[QStringLiteral("face")]
        = ReviewVerdict { ReviewVerdict::Verdict::Fail, QStringLiteral("old"), {} };
    QVERIFY(station.store->save(back));
    // and the application is still unsigned, the lease still missing
    back.materialState(QStringLiteral("application")).verdicts[QStringLiteral("signed")]
        = ReviewVerdict { ReviewVerdict::Verdict::Fail, QStringLiteral("unsigned"), {} };
    back.materialState(QStringLiteral("premises")).absent = true;
    QVERIFY(station.store->save(back));
    // WHEN it is assessed
    const Assessment a = assess(item(), back);
    // THEN the photo cannot be demanded: the case is not decidable until it is accepted
    QVERIFY(!a.decidable);
    for (const Notices::Deficiency &d : a.deficiencies())
        QVERIFY(d.material != QStringLiteral("经营者近期一寸免冠照片"));
    // and the store refuses a notice listing it
    auto refused = station.store->markAwaitingCorrection(
        back, { QStringLiteral("application"), QStringLiteral("photo") });
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, int(NotAllowed));
    QCOMPARE(back.state, CaseDraft::State::Open);
    // a notice listing less than the first one is fine
    QVERIFY(station.store->markAwaitingCorrection(back, { QStringLiteral("premises") }));
}

void TestIntake::everyActIsRecordedUnderTheClerkWhoDidIt()
{
    Station station;
    station.open();
    // GIVEN clerk A starts a case and captures a page
    station.store->setActor({ QStringLiteral("clerk-a"), QStringLiteral("application") });
    CaseDraft draft = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk-a")).value();
    QVERIFY(station.store->addPage(
        draft, QStringLiteral("application"), "p1", QStringLiteral("image/jpeg")));
    // WHEN clerk B signs in at the window and carries on with A's case
    station.store->setActor({ QStringLiteral("clerk-b"), QStringLiteral("application") });
    CaseDraft reopened = station.store->load(draft.caseId).value();
    QVERIFY(station.store->addPage(
        reopened, QStringLiteral("application"), "p2", QStringLiteral("image/jpeg")));
    reopened.materialState(QStringLiteral("application")).verdicts[QStringLiteral("type")]
        = ReviewVerdict { ReviewVerdict::Verdict::Pass, {}, {} };
    QVERIFY(station.store->save(reopened));
    reopened.materialState(QStringLiteral("premises")).absent = true;
    QVERIFY(station.store->save(reopened));
    QVERIFY(station.store->markAwaitingCorrection(reopened, { QStringLiteral("premises") }));
    // THEN B's capture, mark and notice are B's in the trail, A's capture stays A's
    const auto pages = actsOf(station, QStringLiteral("page.save"));
    QCOMPARE(pages.size(), 2);
    QCOMPARE(pages[0].clerk, QStringLiteral("clerk-a"));
    QCOMPARE(pages[1].clerk, QStringLiteral("clerk-b"));
    QCOMPARE(
        actsOf(station, QStringLiteral("review.mark")).first().clerk, QStringLiteral("clerk-b"));
    QCOMPARE(actsOf(station, QStringLiteral("case.awaitCorrection")).first().clerk,
        QStringLiteral("clerk-b"));
    const auto handover = actsOf(station, QStringLiteral("case.handover"));
    QCOMPARE(handover.size(), 1);
    QCOMPARE(handover.first().clerk, QStringLiteral("clerk-b"));
    // and the case keeps who created it and who handled each step
    const CaseDraft stored = station.store->load(draft.caseId).value();
    QCOMPARE(stored.clerk, QStringLiteral("clerk-a"));
    QStringList steps;
    for (const CaseStep &step : stored.steps)
        steps << step.action + QLatin1Char(':') + step.clerk;
    QCOMPARE(steps,
        QStringList({ QStringLiteral("created:clerk-a"), QStringLiteral("handover:clerk-b"),
            QStringLiteral("awaitCorrection:clerk-b") }));
    // WHEN A reopens it for the correction visit, the reopening is A's
    station.store->setActor({ QStringLiteral("clerk-a"), QStringLiteral("application") });
    CaseDraft back = station.store->load(draft.caseId).value();
    QVERIFY(station.store->reopenForCorrection(back));
    QCOMPARE(
        actsOf(station, QStringLiteral("case.reopen")).first().clerk, QStringLiteral("clerk-a"));
    QCOMPARE(back.steps.last().action, QStringLiteral("reopen"));
    QCOMPARE(back.steps.last().clerk, QStringLiteral("clerk-a"));
    QVERIFY(station.audit->verify()->ok);
}

void TestIntake::answersCommitmentsAndApplicantEditsAreAudited()
{
    Station station;
    station.open();
    station.store->setActor({ QStringLiteral("clerk-a"), QStringLiteral("application") });
    CaseDraft draft = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk-a")).value();
    // GIVEN the applicant typed on the New case screen, keystroke by keystroke
    for (const QString &partial :
        { QStringLiteral("1101"), QStringLiteral("11010519491231002X") }) {
        draft.applicant.name = QStringLiteral("张三");
        draft.applicant.idNumber = partial;
        QVERIFY(station.store->save(draft));
    }
    // THEN nothing of it is in the trail yet
    QVERIFY(actsOf(station, QStringLiteral("case.parties")).isEmpty());
    // WHEN the clerk answers a question and leaves the screen
    draft.facts.insert(QStringLiteral("agentApplies"), true);
    QVERIFY(station.store->save(draft));
    draft.screen = QStringLiteral("checklist");
    QVERIFY(station.store->save(draft));
    // THEN the answer and the applicant are audited once, masked
    const auto facts = actsOf(station, QStringLiteral("case.facts"));
    QCOMPARE(facts.size(), 1);
    QVERIFY(facts.first().detail.contains(QStringLiteral("agentApplies: - -> yes")));
    auto parties = actsOf(station, QStringLiteral("case.parties"));
    QCOMPARE(parties.size(), 1);
    QVERIFY2(
        parties.first().detail.contains(QStringLiteral("applicant.idNumber 110105********002X")),
        qPrintable(parties.first().detail));
    QVERIFY(parties.first().detail.contains(QStringLiteral("applicant.name 张*")));
    QVERIFY(!parties.first().detail.contains(QStringLiteral("张三")));
    // an edit after that is audited again, with just what changed
    draft.applicant.phone = QStringLiteral("13812345678");
    QVERIFY(station.store->save(draft));
    parties = actsOf(station, QStringLiteral("case.parties"));
    QCOMPARE(parties.size(), 2);
    QCOMPARE(parties.last().detail, QStringLiteral("applicant.phone 138****5678"));
    // and the commitment of a tolerated absence
    MaterialState &premises = draft.materialState(QStringLiteral("premises"));
    premises.tolerated = true;
    premises.commitment = item().materials.at(2).toleranceCommitment;
    QVERIFY(station.store->save(draft));
    QCOMPARE(actsOf(station, QStringLiteral("material.tolerated")).size(), 1);
    const auto commitments = actsOf(station, QStringLiteral("material.commitment"));
    QCOMPARE(commitments.size(), 1);
    QVERIFY(commitments.first().detail.contains(premises.commitment));
    QVERIFY(station.audit->verify()->ok);
}

void TestIntake::transmissionIsOneStep()
{
    Station station;
    station.open();
    CaseDraft draft = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk")).value();
    draft.applicant = applicantZhang().applicant;
    QVERIFY(station.store->save(draft));
    const QJsonObject body { { QStringLiteral("clientCaseId"), draft.caseId } };
    const QStringList paper { QStringLiteral("application") };
    // WHEN the outbox cannot take the case
    int calls = 0;
    auto failed = station.store->transmit(draft, body, paper,
        Core::DueDate { QDate(2026, 11, 25), false }, [&](const QJsonObject &) -> Core::Status {
            ++calls;
            return Core::Error { SaveFailed, QStringLiteral("disk full"), {} };
        });
    // THEN nothing of the transmission is on disk: no mailing task, the case still open
    QVERIFY(!failed);
    QCOMPARE(calls, 1);
    QVERIFY(station.store->mailingTasks(false).isEmpty());
    QCOMPARE(station.store->load(draft.caseId)->state, CaseDraft::State::Open);
    QCOMPARE(draft.state, CaseDraft::State::Open);
    // WHEN the mailing task cannot be written (the database refuses writes after enqueue)
    failed = station.store->transmit(draft, body, paper,
        Core::DueDate { QDate(2026, 11, 25), false }, [&](const QJsonObject &) -> Core::Status {
            QSqlQuery insert(station.db->connection());
            if (!insert.exec(QStringLiteral("CREATE TABLE enqueued_marker (x)")))
                return Core::Error { SaveFailed, insert.lastError().text(), {} };
            station.db->connection().exec(QStringLiteral("PRAGMA query_only = ON"));
            return {};
        });
    station.db->connection().exec(QStringLiteral("PRAGMA query_only = OFF"));
    QVERIFY(!failed);
    // THEN the enqueue is rolled back with the rest
    QSqlQuery marker(station.db->connection());
    QVERIFY(!marker.exec(QStringLiteral("SELECT * FROM enqueued_marker")));
    QVERIFY(station.store->mailingTasks(false).isEmpty());
    QCOMPARE(station.store->load(draft.caseId)->state, CaseDraft::State::Open);
    // WHEN everything works, all of it is there
    QVERIFY(
        station.store->transmit(draft, body, paper, Core::DueDate { QDate(2026, 11, 25), false },
            [](const QJsonObject &) { return Core::Status {}; }));
    QCOMPARE(station.store->load(draft.caseId)->state, CaseDraft::State::Complete);
    QCOMPARE(station.store->mailingTasks(true).size(), 1);
    // and a complete case cannot be transmitted twice
    QVERIFY(!station.store->transmit(
        draft, body, paper, Core::DueDate { QDate(2026, 11, 25), false }, {}));
}

void TestIntake::aWaybillIsRecordedWithItsPlatformRequest()
{
    Station station;
    station.open();
    CaseDraft draft = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk")).value();
    const qint64 task
        = station.store
              ->addMailingTask(draft, { QStringLiteral("application") }, QDate(2026, 11, 25))
              .value();
    // WHEN the platform request cannot be queued
    auto failed
        = station.store->recordMailing(task, QStringLiteral("EMS"), QStringLiteral("1234567890123"),
            QStringLiteral("clerk"), [](const MailingTask &) -> Core::Status {
                return Core::Error { SaveFailed, QStringLiteral("queue full"), {} };
            });
    // THEN the waybill is not recorded either: the clerk tries again
    QVERIFY(!failed);
    QCOMPARE(station.store->mailingTasks(true).size(), 1);
    // WHEN it can, the request sees the waybill being recorded
    MailingTask queued;
    QVERIFY(station.store->recordMailing(task, QStringLiteral("EMS"),
        QStringLiteral("1234567890123"), QStringLiteral("clerk"), [&](const MailingTask &t) {
            queued = t;
            return Core::Status {};
        }));
    QCOMPARE(queued.waybill, QStringLiteral("1234567890123"));
    QCOMPARE(queued.materialIds, QStringList { QStringLiteral("application") });
    QVERIFY(station.store->mailingTasks(true).isEmpty());
    // and a second recording is refused rather than sent twice
    QVERIFY(!station.store->recordMailing(
        task, QStringLiteral("EMS"), QStringLiteral("9999999999"), QStringLiteral("clerk")));
}

void TestIntake::aSaveNeverLosesTheOfficialNumber()
{
    Station station;
    station.open();
    CaseDraft draft = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk")).value();
    QVERIFY(station.store->markComplete(draft));
    // GIVEN the platform layer numbered the case while the window held an older copy
    QVERIFY(station.store->setCaseNumber(draft.caseId, QStringLiteral("410402-2026-000123")));
    // WHEN the window saves its copy (the clerk moved on to the decision screen)
    draft.screen = QStringLiteral("decision");
    QVERIFY(station.store->save(draft));
    // THEN the number is still on the case
    QCOMPARE(station.store->load(draft.caseId)->caseNumber, QStringLiteral("410402-2026-000123"));
    QCOMPARE(draft.caseNumber, QStringLiteral("410402-2026-000123"));
}

void TestIntake::theResultFindsItsCaseByTheOfficialNumber()
{
    // GIVEN two cases, one numbered by the platform (issue 17: the result's handover slip
    // names the item and the delivery choice of the case taken here)
    Station station;
    station.open();
    CaseDraft numbered = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk")).value();
    const CaseDraft other
        = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk")).value();
    QVERIFY(station.store->setCaseNumber(numbered.caseId, QStringLiteral("410402-2026-000123")));
    // WHEN the number is looked up THEN exactly that case is found
    const auto found = station.store->findByCaseNumber(QStringLiteral("410402-2026-000123"));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().caseId, numbered.caseId);
    QCOMPARE(found.first().itemCode, kItem);
    // AND an unknown or empty number finds nothing (not every unnumbered case)
    QVERIFY(station.store->findByCaseNumber(QStringLiteral("410402-2026-000124")).isEmpty());
    QVERIFY(station.store->findByCaseNumber(QString()).isEmpty());
    QVERIFY(!other.caseId.isEmpty());
}

QTEST_GUILESS_MAIN(TestIntake)
#include "tst_intake.moc"
