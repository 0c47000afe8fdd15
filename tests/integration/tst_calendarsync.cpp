// The calendar in force at a workstation (issue 12): the built-in years merged with the
// platform's, synced from the real tongban-hub (a child process) after the administrator
// imported a year with `tongban-hub calendar import`; kept in the workstation database, so
// that it holds offline and after a restart; and the provisional mailing deadline of a case
// received before the year arrived recomputed with it.
#include "HubChild.h"

#include <intake/MailingDeadline.h>
#include <platform/CatalogSync.h>

#include <QTemporaryDir>
#include <QTest>

#include <common/Workstation.h>

using namespace Tongban;
using namespace Tongban::Platform::Testing;

namespace {

const QString kData = QStringLiteral(TONGBAN_TEST_DATA);

int importOnHub(const QString &hubDir, const QString &file)
{
    QProcess process;
    process.start(QStringLiteral(TONGBAN_HUB),
        { QStringLiteral("calendar"), QStringLiteral("import"), QStringLiteral("--data-dir"),
            hubDir, file });
    process.waitForFinished(60000);
    return process.exitCode();
}

/// 10:00 on Thursday 31 December 2026 in Beijing.
QDateTime lastDayOf2026()
{
    return QDateTime(QDate(2026, 12, 31), QTime(2, 0), Qt::UTC);
}

} // namespace

class TestCalendarSync : public QObject
{
    Q_OBJECT

private slots:
    void platformYearsAreMergedKeptAndSettleProvisionalDeadlines()
    {
        QTemporaryDir dir;
        const QString stationDir = dir.filePath(QStringLiteral("station"));
        HubChild hub(QStringLiteral(TONGBAN_HUB), dir.filePath(QStringLiteral("hub")));
        QVERIFY(!hub.start().isEmpty());

        // GIVEN a workstation on the built-in calendar, and a case received on 31 December
        // 2026 whose paper originals are to be mailed: the deadline is provisional
        auto opened = App::Workstation::open(
            stationDir, std::make_unique<Core::ManualClock>(lastDayOf2026()));
        QVERIFY(opened.ok());
        std::unique_ptr<App::Workstation> station = std::move(opened).value();
        QCOMPARE(station->calendar().years(), QList<int>({ 2024, 2025, 2026 }));
        QCOMPARE(station->calendar().missingYears(station->clock().today()), QList<int>({ 2027 }));
        Intake::CaseDraft draft = station->intake()
                                      .start(QStringLiteral("41040201012001000"), {},
                                          station->intakeWindow(), QStringLiteral("clerk"))
                                      .value();
        const auto due = Intake::mailingDueDate(station->calendar(), station->clock().today());
        QVERIFY(due.ok() && due->provisional);
        QVERIFY(station->intake().addMailingTask(draft, { QStringLiteral("application") }, *due));

        // WHEN the administrator imports 2027 and a corrected 2026 (test data) on the platform
        QCOMPARE(importOnHub(hub.dataDir(), kData + QStringLiteral("/calendar/test-2027.json")), 0);
        QTemporaryDir files;
        QFile corrected(files.filePath(QStringLiteral("2026.json")));
        QVERIFY(corrected.open(QIODevice::WriteOnly));
        corrected.write(R"({"format":"tongban-working-days","formatVersion":1,"source":"TEST",
            "years":[{"year":2026,"holidays":[{"name":"测试假日","from":"2026-12-30",
            "to":"2026-12-30"}],"workdays":[]}]})");
        corrected.close();
        QCOMPARE(importOnHub(hub.dataDir(), corrected.fileName()), 0);
        // AND the workstation syncs the calendar, then reloads it (as PlatformLink does on
        // calendarUpdated)
        Platform::ApiClient api { QUrl(hub.base()) };
        MemoryTokenStore tokens;
        Platform::Session session(api, tokens);
        QVERIFY(signIn(session));
        Platform::CatalogSync sync(
            station->database(), station->catalogs(), session, station->clock());
        const auto synced = await<Core::Result<Platform::CatalogSync::CalendarReport>>(
            [&](auto done) { sync.syncCalendar(done); });
        QVERIFY(synced && synced->ok());
        QCOMPARE(station->reloadCalendar(), 1);

        // THEN the calendar in force has the platform's 2027 added and its 2026 in place of the
        // built-in one, the built-in 2025 untouched
        const Core::WorkCalendar &calendar = station->calendar();
        QCOMPARE(calendar.years(), QList<int>({ 2024, 2025, 2026, 2027 }));
        QCOMPARE(calendar.holidayName(QDate(2027, 1, 1)), QStringLiteral("元旦"));
        QCOMPARE(calendar.isWorkingDay(QDate(2026, 12, 30)).valueOr(true), false);
        QCOMPARE(calendar.isWorkingDay(QDate(2026, 10, 1)).valueOr(false), true);
        QCOMPARE(calendar.isWorkingDay(QDate(2025, 10, 1)).valueOr(true), false);
        QVERIFY(calendar.missingYears(station->clock().today()).isEmpty());
        // AND the provisional deadline is now the real one: Monday 4 January 2027
        Intake::MailingTask task = station->intake().mailingTasks(true).value(0);
        QCOMPARE(task.due, QDate(2027, 1, 4));
        QVERIFY(!task.dueProvisional);

        // WHEN the workstation restarts with the platform out of reach
        hub.kill();
        station.reset();
        opened = App::Workstation::open(
            stationDir, std::make_unique<Core::ManualClock>(lastDayOf2026()));
        QVERIFY(opened.ok());
        station = std::move(opened).value();
        // THEN the platform's years are still in force
        QCOMPARE(station->calendar().years(), QList<int>({ 2024, 2025, 2026, 2027 }));
        QCOMPARE(station->calendar().isWorkingDay(QDate(2026, 12, 30)).valueOr(true), false);
    }

    void provisionalDeadlinesAreRecomputedAtStartUp()
    {
        // GIVEN a provisional deadline stored while 2027 was missing, and the platform's 2027
        // stored by a sync that happened before the window was closed (killed before reload)
        QTemporaryDir dir;
        {
            auto station = App::Workstation::open(
                dir.path(), std::make_unique<Core::ManualClock>(lastDayOf2026()));
            QVERIFY(station.ok());
            Intake::CaseDraft draft = (*station)
                                          ->intake()
                                          .start(QStringLiteral("41040201012001000"), {},
                                              (*station)->intakeWindow(), QStringLiteral("c"))
                                          .value();
            QVERIFY((*station)->intake().addMailingTask(draft, { QStringLiteral("application") },
                Core::DueDate { QDate(2027, 1, 1), true }));
            QFile file(kData + QStringLiteral("/calendar/test-2027.json"));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QSqlQuery query((*station)->database().connection());
            query.prepare(QStringLiteral("INSERT INTO platform_sync (resource, body, updated_at)"
                                         " VALUES ('calendar', ?, 0)"));
            query.addBindValue(file.readAll());
            QVERIFY(query.exec());
        }
        // WHEN the workstation starts
        auto station = App::Workstation::open(
            dir.path(), std::make_unique<Core::ManualClock>(lastDayOf2026().addDays(1)));
        QVERIFY(station.ok());
        // THEN the deadline was recomputed with the calendar in force
        const Intake::MailingTask task = (*station)->intake().mailingTasks(true).value(0);
        QCOMPARE(task.due, QDate(2027, 1, 4));
        QVERIFY(!task.dueProvisional);
    }
};

QTEST_GUILESS_MAIN(TestCalendarSync)
#include "tst_calendarsync.moc"
