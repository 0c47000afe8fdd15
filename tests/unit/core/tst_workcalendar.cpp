#include <core/Clock.h>
#include <core/WorkCalendar.h>

#include <QTest>

using Tongban::Core::WorkCalendar;

class tst_WorkCalendar : public QObject
{
    Q_OBJECT

private:
    static bool working(const QDate &date)
    {
        const auto result = WorkCalendar::embedded().isWorkingDay(date);
        if (!result)
            qFatal("unexpected calendar error for %s", qPrintable(date.toString(Qt::ISODate)));
        return *result;
    }

private slots:
    void coversTheThreeYears()
    {
        QCOMPARE(WorkCalendar::embedded().years(), QList<int>({ 2024, 2025, 2026 }));
    }

    void nationalDay2025()
    {
        // The State Council notice for 2025: 28 September (Sunday) is worked,
        // 1 to 8 October are off, 11 October (Saturday) is worked.
        QVERIFY(working(QDate(2025, 9, 28)));
        for (int day = 1; day <= 8; ++day)
            QVERIFY2(!working(QDate(2025, 10, day)), qPrintable(QString::number(day)));
        QVERIFY(working(QDate(2025, 10, 9)));
        QVERIFY(working(QDate(2025, 10, 11)));
        QVERIFY(!working(QDate(2025, 10, 12)));
        QCOMPARE(WorkCalendar::embedded().holidayName(QDate(2025, 10, 6)),
            QStringLiteral("国庆节、中秋节"));
    }

    void springFestivalAndMakeUpDays()
    {
        QVERIFY(working(QDate(2024, 2, 4))); // Sunday, make-up
        QVERIFY(!working(QDate(2024, 2, 12))); // Monday, 春节
        QVERIFY(working(QDate(2025, 1, 26))); // Sunday, make-up
        QVERIFY(!working(QDate(2025, 2, 4))); // Tuesday, 春节
        QVERIFY(working(QDate(2026, 1, 4))); // Sunday, make-up for 元旦
        QVERIFY(!working(QDate(2026, 2, 23))); // Monday, 春节
        QVERIFY(working(QDate(2026, 2, 28))); // Saturday, make-up
    }

    void ordinaryWeekdaysAndWeekends()
    {
        int workingDays = 0;
        for (QDate d(2025, 1, 1); d.year() == 2025; d = d.addDays(1))
            workingDays += working(d) ? 1 : 0;
        // Counted independently from the notice: 261 weekdays - 18 weekday holidays + 5 make-up
        // days.
        QCOMPARE(workingDays, 248);
        QVERIFY(working(QDate(2025, 11, 24)));
        QVERIFY(!working(QDate(2025, 11, 22)));
    }

    void addWorkingDaysSkipsHolidays()
    {
        const auto &calendar = WorkCalendar::embedded();
        // Intake on 30 September 2025 (Tuesday): the next working day is 9 October.
        QCOMPARE(*calendar.addWorkingDays(QDate(2025, 9, 30), 1), QDate(2025, 10, 9));
        // Friday 26 September 2025: next working day is the make-up Sunday 28th.
        QCOMPARE(*calendar.addWorkingDays(QDate(2025, 9, 26), 1), QDate(2025, 9, 28));
        QCOMPARE(*calendar.addWorkingDays(QDate(2025, 9, 26), 3), QDate(2025, 9, 30));
        QCOMPARE(*calendar.addWorkingDays(QDate(2025, 9, 26), 4), QDate(2025, 10, 9));
        QCOMPARE(*calendar.addWorkingDays(QDate(2025, 10, 9), -2), QDate(2025, 9, 29));
        QCOMPARE(*calendar.addWorkingDays(QDate(2025, 10, 4), 0), QDate(2025, 10, 4));
        // Across the year boundary 2024 -> 2025.
        QCOMPARE(*calendar.addWorkingDays(QDate(2024, 12, 31), 1), QDate(2025, 1, 2));
    }

    void yearWithoutDataIsAnError()
    {
        const auto &calendar = WorkCalendar::embedded();
        const auto before = calendar.isWorkingDay(QDate(2023, 6, 1));
        QVERIFY(!before.ok());
        QCOMPARE(before.error().code, int(WorkCalendar::YearNotCovered));
        QVERIFY(before.error().message.contains(QStringLiteral("2023")));
        QVERIFY(!calendar.isWorkingDay(QDate(2027, 1, 4)).ok());
        // Running off the end of the data is an error, not a guess.
        const auto across = calendar.addWorkingDays(QDate(2026, 12, 30), 5);
        QVERIFY(!across.ok());
        QCOMPARE(across.error().code, int(WorkCalendar::YearNotCovered));
    }

    void platformDataReplacesWholeYears()
    {
        // GIVEN platform data for 2026 that declares 24 November a holiday and adds 2027
        const QByteArray json = R"({"format":"tongban-working-days","formatVersion":1,"years":[
            {"year":2026,"holidays":[{"name":"测试假日","from":"2026-11-24","to":"2026-11-24"}],
             "workdays":[]},
            {"year":2027,"holidays":[],"workdays":[]}]})";
        const auto platform = WorkCalendar::fromJson(json);
        QVERIFY(platform.ok());
        // WHEN it is merged over the embedded calendar
        const WorkCalendar merged = WorkCalendar::embedded().withYearsFrom(*platform);
        // THEN 2026 follows the platform, 2025 is untouched and 2027 is now known
        QCOMPARE(*merged.isWorkingDay(QDate(2026, 11, 24)), false);
        QCOMPARE(*merged.isWorkingDay(QDate(2026, 10, 8)), true); // embedded 2026 gone
        QCOMPARE(*merged.isWorkingDay(QDate(2025, 10, 1)), false);
        QCOMPARE(*merged.isWorkingDay(QDate(2027, 1, 4)), true);
        QCOMPARE(merged.years(), QList<int>({ 2024, 2025, 2026, 2027 }));
    }

    void damagedDataIsRefusedWithEveryProblem()
    {
        const QByteArray json = R"({"format":"tongban-working-days","formatVersion":1,"years":[
            {"year":2030,"holidays":[{"name":"","from":"2030-01-01","to":"2030-01-01"}],
             "workdays":[{"date":"2030-01-02"},{"date":"2031-01-04"}]}]})";
        const auto parsed = WorkCalendar::fromJson(json);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, int(WorkCalendar::InvalidData));
        QVERIFY(parsed.error().detail.contains(QStringLiteral("/years/0/holidays/0")));
        QVERIFY(parsed.error().detail.contains(QStringLiteral("/years/0/workdays/0")));
        QVERIFY(parsed.error().detail.contains(QStringLiteral("/years/0/workdays/1")));
        QVERIFY(!WorkCalendar::fromJson("not json").ok());
        QVERIFY(!WorkCalendar::fromJson(R"({"format":"other"})").ok());
    }

    // Issue 12: a year the calendar lacks never blocks the window.
    void deadlineInAMissingYearIsProvisionalOnWeekendsOnly()
    {
        const auto &calendar = WorkCalendar::embedded();
        // GIVEN the built-in calendar (2024-2026) and a case received on Thursday 31 Dec 2026
        // WHEN the mailing deadline (1 working day) is computed
        const auto due = calendar.dueAfterWorkingDays(QDate(2026, 12, 31), 1);
        // THEN it does not fail: Friday 1 January 2027, marked provisional
        QVERIFY(due.ok());
        QCOMPARE(due->date, QDate(2027, 1, 1));
        QVERIFY(due->provisional);
        // AND from a Friday in the missing year the weekend is skipped
        const auto fromFriday = calendar.dueAfterWorkingDays(QDate(2027, 1, 8), 1);
        QCOMPARE(fromFriday->date, QDate(2027, 1, 11));
        QVERIFY(fromFriday->provisional);
        // AND inside the covered years it is the exact working day, not provisional
        const auto covered = calendar.dueAfterWorkingDays(QDate(2025, 9, 30), 1);
        QCOMPARE(covered->date, QDate(2025, 10, 9));
        QVERIFY(!covered->provisional);
        QCOMPARE(calendar.dueAfterWorkingDays(QDate(2025, 10, 4), 0)->date, QDate(2025, 10, 4));
        // AND only an invalid date or a negative count fails
        QVERIFY(!calendar.dueAfterWorkingDays(QDate(), 1).ok());
        QVERIFY(!calendar.dueAfterWorkingDays(QDate(2026, 1, 5), -1).ok());
    }

    void deadlineIsExactOnceTheYearArrives()
    {
        // GIVEN the platform's 2027 (test data: 元旦 1-3 January 2027) merged over the built-in
        const auto platform = WorkCalendar::fromJson(R"({"format":"tongban-working-days",
            "formatVersion":1,"years":[{"year":2027,"holidays":[{"name":"元旦",
            "from":"2027-01-01","to":"2027-01-03"}],"workdays":[]}]})");
        QVERIFY(platform.ok());
        const WorkCalendar merged = WorkCalendar::embedded().withYearsFrom(*platform);
        // WHEN the deadline of 31 December 2026 is computed again
        const auto due = merged.dueAfterWorkingDays(QDate(2026, 12, 31), 1);
        // THEN it is Monday 4 January 2027 and no longer provisional
        QCOMPARE(due->date, QDate(2027, 1, 4));
        QVERIFY(!due->provisional);
    }

    void missingNextYearIsReportedFromFirstDecember()
    {
        const auto &calendar = WorkCalendar::embedded();
        // GIVEN a ManualClock on 30 November 2026, 23:59 in Beijing
        Tongban::Core::ManualClock clock(QDateTime(QDate(2026, 11, 30), QTime(15, 59), Qt::UTC));
        // THEN nothing is missing yet
        QVERIFY(calendar.missingYears(clock.today()).isEmpty());
        // WHEN it is 00:00 on 1 December in Beijing (still 30 November in UTC)
        clock.advanceSecs(60);
        QCOMPARE(clock.today(), QDate(2026, 12, 1));
        // THEN 2027 is missing, and the message says what and what to do
        const QList<int> missing = calendar.missingYears(clock.today());
        QCOMPARE(missing, QList<int>({ 2027 }));
        QVERIFY(WorkCalendar::missingYearsFinding(missing).contains(QStringLiteral("2027")));
        QVERIFY(WorkCalendar::missingYearsAdvice(missing).contains(
            QStringLiteral("tongban-hub calendar import")));
        // AND a calendar with 2027 misses nothing
        const auto platform = WorkCalendar::fromJson(R"({"format":"tongban-working-days",
            "formatVersion":1,"years":[{"year":2027,"holidays":[],"workdays":[]}]})");
        QVERIFY(calendar.withYearsFrom(*platform).missingYears(clock.today()).isEmpty());
        // AND in a year the calendar lacks altogether, that year is missing too
        QCOMPARE(calendar.missingYears(QDate(2027, 3, 1)), QList<int>({ 2027 }));
    }

    void todayIsTheChinaStandardDateInAnyTimeZone()
    {
        // GIVEN a machine set to Los Angeles (TZ in this test's environment, see CMakeLists)
        QCOMPARE(qgetenv("TZ"), QByteArray("America/Los_Angeles"));
        const QDateTime instant(QDate(2026, 12, 31), QTime(20, 0), Qt::UTC);
        QCOMPARE(instant.toLocalTime().date(), QDate(2026, 12, 31)); // 12:00 in Los Angeles
        // WHEN the business date is taken at 2026-12-31T20:00Z
        Tongban::Core::ManualClock clock(instant);
        // THEN it is 1 January 2027, as in Beijing (04:00)
        QCOMPARE(clock.today(), QDate(2027, 1, 1));
        QCOMPARE(Tongban::Core::chinaStandardDate(instant), QDate(2027, 1, 1));
        // AND a clock whose zone is unknown still counts in UTC+8
        clock.setTimeZone(QTimeZone());
        QCOMPARE(clock.today(), QDate(2027, 1, 1));
        QCOMPARE(Tongban::Core::chinaStandardDate(QDateTime()), QDate());
    }
};

QTEST_GUILESS_MAIN(tst_WorkCalendar)
#include "tst_workcalendar.moc"
