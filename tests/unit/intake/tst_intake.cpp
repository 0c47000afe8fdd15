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

private:
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
    premises.commitment = QStringLiteral("申请人承诺5个工作日内补交租赁合同");
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

QTEST_GUILESS_MAIN(TestIntake)
#include "tst_intake.moc"
