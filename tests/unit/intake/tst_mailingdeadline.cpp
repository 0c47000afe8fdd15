// Issue 12, the working-day calendar at the intake: the business date is China Standard Time
// whatever the machine's zone (this test runs with TZ=America/Los_Angeles), and a mailing
// deadline in a year the calendar lacks is provisional (stored, printed on the slip as such)
// and recomputed once the year arrives.
#include <catalog/CatalogParser.h>
#include <core/Clock.h>
#include <intake/CaseManifest.h>
#include <intake/IntakeStore.h>
#include <intake/MailingDeadline.h>
#include <security/AuditLog.h>
#include <storage/StorageSchema.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Tongban;
using namespace Tongban::Intake;

namespace {

const QString kItem = QStringLiteral("41040201012001000"); // 个体工商户设立登记
const IntakeStore::Window kWindow { QStringLiteral("410402-tb-03"), QStringLiteral("TB03"),
    QStringLiteral("410402") };

QByteArray readSource(const QString &relative)
{
    QFile file(qEnvironmentVariable("TONGBAN_SOURCE_DIR") + QLatin1Char('/') + relative);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Station
{
    explicit Station(const QDateTime &now)
        : clock(now)
    {
        auto opened = Storage::Database::open(dir.filePath(QStringLiteral("w.sqlite")),
            { Storage::storageSchema(), Security::auditSchema(), IntakeStore::schema() });
        if (!opened)
            qFatal("%s", qPrintable(opened.error().toString()));
        db = std::move(opened).value();
        cases = std::make_unique<Storage::CaseStore>(*db, clock);
        pages = std::make_unique<Storage::PageStore>(*db, dir.filePath(QStringLiteral("p")), clock);
        audit = std::make_unique<Security::AuditLog>(*db, clock);
        store = std::make_unique<IntakeStore>(*db, *cases, *pages, *audit, clock);
    }
    QTemporaryDir dir;
    Core::ManualClock clock;
    std::unique_ptr<Storage::Database> db;
    std::unique_ptr<Storage::CaseStore> cases;
    std::unique_ptr<Storage::PageStore> pages;
    std::unique_ptr<Security::AuditLog> audit;
    std::unique_ptr<IntakeStore> store;
};

} // namespace

class TestMailingDeadline : public QObject
{
    Q_OBJECT
private slots:
    void caseDayIsChinaStandardTime()
    {
        QCOMPARE(qgetenv("TZ"), QByteArray("America/Los_Angeles"));
        // GIVEN a window whose machine is set to Los Angeles, at 2026-12-31T20:00Z
        // (noon on 31 December there, 04:00 on 1 January 2027 in Beijing)
        Station station(QDateTime(QDate(2026, 12, 31), QTime(20, 0), Qt::UTC));
        // WHEN a case is started
        const auto draft = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk"));
        QVERIFY(draft.ok());
        // THEN its number and its day are those of Beijing: 1 January 2027
        QVERIFY2(draft->provisionalNumber.contains(QStringLiteral("-20270101-")),
            qPrintable(draft->provisionalNumber));
        QCOMPARE(station.clock.today(), QDate(2027, 1, 1));
        QCOMPARE(station.store->casesOf(station.clock.today()).size(), 1);
        QVERIFY(station.store->casesOf(QDate(2026, 12, 31)).isEmpty());
    }

    void provisionalDeadlineIsKeptPrintedAndRecomputed()
    {
        // GIVEN the built-in calendar (no 2027) and a case received on Thursday 31 December
        // 2026 at 10:00 in Beijing
        Station station(QDateTime(QDate(2026, 12, 31), QTime(2, 0), Qt::UTC));
        const Core::WorkCalendar &builtIn = Core::WorkCalendar::embedded();
        CaseDraft draft = station.store->start(kItem, {}, kWindow, QStringLiteral("clerk")).value();

        // WHEN its mailing deadline is computed (after the receipt was printed)
        const auto due = mailingDueDate(builtIn, station.clock.today());
        // THEN it does not fail: Friday 1 January 2027, provisional
        QVERIFY(due.ok());
        QCOMPARE(due->date, QDate(2027, 1, 1));
        QVERIFY(due->provisional);

        // AND the mailing task keeps the flag
        QVERIFY(station.store->addMailingTask(draft, { QStringLiteral("application") }, *due));
        MailingTask task = station.store->mailingTasks(true).value(0);
        QCOMPARE(task.due, QDate(2027, 1, 1));
        QVERIFY(task.dueProvisional);

        // AND the mailing slip says the date is provisional
        const auto catalog = Catalog::CatalogParser::parse(
            readSource(QStringLiteral("resources/catalog/pingdingshan-2026.json")));
        QVERIFY(catalog.ok());
        const Catalog::ServiceItem *item = catalog.catalog->item(kItem);
        QVERIFY(item);
        const Notices::NoticeContent slip = mailingSlipContent(*item, draft, task.materialIds,
            { QStringLiteral("卫东区通办窗口2"), QStringLiteral("赵敏") }, station.clock.now(),
            { task.due, task.dueProvisional });
        QCOMPARE(slip.mailingDueDate, QStringLiteral("2027-01-01"));
        QVERIFY(slip.mailingDueProvisional);

        // WHEN the calendar in force is still the built-in one, nothing changes
        QCOMPARE(station.store->recomputeProvisionalMailingDueDates(builtIn).valueOr(-1), 0);
        QVERIFY(station.store->mailingTasks(true).value(0).dueProvisional);

        // WHEN the platform's 2027 arrives (test data: 元旦 1-3 January 2027)
        const auto platform = Core::WorkCalendar::fromJson(
            readSource(QStringLiteral("tests/data/calendar/test-2027.json")));
        QVERIFY(platform.ok());
        const Core::WorkCalendar merged = builtIn.withYearsFrom(*platform);
        station.clock.advanceDays(1); // recomputed the next day: counted from the intake day
        QCOMPARE(station.store->recomputeProvisionalMailingDueDates(merged).valueOr(-1), 1);
        // THEN the deadline is the real one, Monday 4 January 2027, no longer provisional
        task = station.store->mailingTasks(true).value(0);
        QCOMPARE(task.due, QDate(2027, 1, 4));
        QVERIFY(!task.dueProvisional);
        // AND the change is in the audit trail
        bool audited = false;
        for (const Security::AuditRecord &r : station.audit->recent(20))
            audited |= r.action == QLatin1String("mailing.due")
                && r.detail.contains(QStringLiteral("2027-01-01 -> 2027-01-04"));
        QVERIFY(audited);
        // AND a second recomputation has nothing left to do
        QCOMPARE(station.store->recomputeProvisionalMailingDueDates(merged).valueOr(-1), 0);
    }
};

QTEST_GUILESS_MAIN(TestMailingDeadline)
#include "tst_mailingdeadline.moc"
