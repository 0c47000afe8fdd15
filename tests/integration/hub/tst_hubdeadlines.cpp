// Deadlines after the window (issue 17; 000 第十九条, 第二十条, 第二十一条, 第三十一条):
// computed on the platform's working-day calendar, stored on the case, swept under a
// controlled clock into case.dueSoon / case.overdue events and duty-phone SMS.
// tongban-hub in-process over real HTTP on 127.0.0.1; time is a ManualClock.

#include "AfterWindow.h"

#include <core/WorkCalendar.h>
#include <security/Secrets.h>

#include <QTest>

#include <calendar/CalendarService.h>
#include <deadlines/DeadlineService.h>

using namespace Tongban;
using namespace AfterWindow;

class TestHubDeadlines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void acceptanceDueCountsWorkingDaysNotCalendarDays();
    void caseRoutesReturnTheStoredDeadlines();
    void sweepRaisesDueSoonThenOverdueOnceWithSms();
    void decisionDueIsThePromisedLimitCappedByTheLegalOne();
    void deadlinesAreListedOnlyToThoseWhoMaySeeTheCase();

private:
    QString submitAt(const QDateTime &when);
    QJsonObject deadlinesOf(const QString &caseId);

    std::unique_ptr<InProcessHub> m_platform;
};

void TestHubDeadlines::init()
{
    m_platform = std::make_unique<InProcessHub>();
    const QString started = m_platform->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestHubDeadlines::cleanup()
{
    m_platform.reset();
}

QString TestHubDeadlines::submitAt(const QDateTime &when)
{
    m_platform->clock->set(when);
    HubTestClient app(m_platform->base);
    if (app.login(AppClerk, Password, AppWindow).status != 200)
        return {};
    return submittedCase(app);
}

QJsonObject TestHubDeadlines::deadlinesOf(const QString &caseId)
{
    HubTestClient app(m_platform->base);
    if (app.login(AppClerk, Password, AppWindow).status != 200)
        return {};
    const Reply reply = app.send("GET", QString(QStringLiteral("/api/v1/cases/") + caseId));
    return reply.json().value(QStringLiteral("deadlines")).toObject();
}

void TestHubDeadlines::acceptanceDueCountsWorkingDaysNotCalendarDays()
{
    // GIVEN the calendar the hub serves for 2025 (make-up Sunday 28 September, National Day
    // 1-8 October, make-up Saturday 11 October)
    auto document = m_platform->hub->calendar().document();
    QVERIFY(document);
    const auto calendar = Core::WorkCalendar::fromJson(*document);
    QVERIFY(calendar);
    QVERIFY(calendar->coversYear(2025));
    using Hub::DeadlineService;
    // WHEN a case is submitted on Friday 26 September after the day's receipt (17:30)
    // THEN it is received on the make-up Sunday and acceptance is due Tuesday 30 September
    // (calendar days would give 28 September)
    auto due = DeadlineService::acceptanceDue(*calendar, chinaTime(2025, 9, 26, 17, 30));
    QVERIFY(due);
    QCOMPARE(*due, QDate(2025, 9, 30));
    // WHEN it is submitted on 30 September in office hours
    // THEN acceptance is due 10 October, after the holiday (calendar days: 2 October)
    due = DeadlineService::acceptanceDue(*calendar, chinaTime(2025, 9, 30, 10, 0));
    QVERIFY(due);
    QCOMPARE(*due, QDate(2025, 10, 10));
    // AND on Friday 26 September in office hours, the make-up Sunday is the first of the two
    due = DeadlineService::acceptanceDue(*calendar, chinaTime(2025, 9, 26, 10, 0));
    QVERIFY(due);
    QCOMPARE(*due, QDate(2025, 9, 29));
    // AND submitted on the holiday, it is received on 9 October and due 11 October (make-up
    // Saturday)
    due = DeadlineService::acceptanceDue(*calendar, chinaTime(2025, 10, 3, 11, 0));
    QVERIFY(due);
    QCOMPARE(*due, QDate(2025, 10, 11));
}

void TestHubDeadlines::caseRoutesReturnTheStoredDeadlines()
{
    // GIVEN a case submitted Friday 2025-09-26 17:30 and one submitted 2025-09-30 10:00
    const QString friday = submitAt(chinaTime(2025, 9, 26, 17, 30));
    QVERIFY(!friday.isEmpty());
    const QString beforeHoliday = submitAt(chinaTime(2025, 9, 30, 10, 0));
    QVERIFY(!beforeHoliday.isEmpty());
    // WHEN the application window reads them
    const QJsonObject first = deadlinesOf(friday);
    const QJsonObject second = deadlinesOf(beforeHoliday);
    // THEN each carries its acceptance and correction-contact deadlines on working days
    QCOMPARE(first.value(QStringLiteral("receivedOn")).toString(), QStringLiteral("2025-09-28"));
    QCOMPARE(first.value(QStringLiteral("acceptanceDue")).toString(), QStringLiteral("2025-09-30"));
    QCOMPARE(first.value(QStringLiteral("correctionContactDue")).toString(),
        QStringLiteral("2025-09-30"));
    QCOMPARE(first.value(QStringLiteral("stage")).toString(), QStringLiteral("acceptance"));
    QCOMPARE(
        second.value(QStringLiteral("acceptanceDue")).toString(), QStringLiteral("2025-10-10"));
    QVERIFY(second.value(QStringLiteral("decisionDue")).isNull());
    // AND they are stored on the case
    QSqlQuery stored(m_platform->hub->database().connection());
    QVERIFY(stored.exec(QStringLiteral("SELECT COUNT(*) FROM hub_case_deadlines")));
    QVERIFY(stored.next());
    QCOMPARE(stored.value(0).toInt(), 2);
}

void TestHubDeadlines::sweepRaisesDueSoonThenOverdueOnceWithSms()
{
    // GIVEN a case submitted Friday 2025-09-26 17:30 (acceptance due 2025-09-30)
    const QString caseId = submitAt(chinaTime(2025, 9, 26, 17, 30));
    QVERIFY(!caseId.isEmpty());
    auto sweep = [&] {
        return m_platform->hub->deadlines().sweep();
    };
    // WHEN the sweep runs on Saturday 27 September
    m_platform->clock->set(chinaTime(2025, 9, 27, 9, 0));
    auto report = sweep();
    QVERIFY(report);
    // THEN nothing is due soon yet (two working days are left)
    QCOMPARE(report->dueSoon, 0);
    // WHEN it runs on Monday 29 September (due the next working day)
    m_platform->clock->set(chinaTime(2025, 9, 29, 9, 0));
    report = sweep();
    QVERIFY(report);
    // THEN case.dueSoon reaches the application window and both home windows
    QCOMPARE(report->dueSoon, 1);
    for (const QString &window :
        { AppWindow, QStringLiteral("410402-tb-01"), QStringLiteral("410402-tb-02") }) {
        const auto events = eventsOf(*m_platform->hub, window, QStringLiteral("case.dueSoon"));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().value(QStringLiteral("caseId")).toString(), caseId);
        QCOMPARE(
            events.first().value(QStringLiteral("due")).toString(), QStringLiteral("2025-09-30"));
    }
    // AND an SMS is queued to each home window's duty phone (sealed at rest, §13)
    QSqlQuery sms(m_platform->hub->database().connection());
    QVERIFY(sms.exec(
        QStringLiteral("SELECT phone, state, text FROM sms_outbox WHERE call_id IS NULL")));
    QStringList phones;
    while (sms.next()) {
        const auto phone = m_platform->hub->secrets().open(sms.value(0).toString());
        QVERIFY(phone && Hub::Secrets::isSealed(sms.value(0).toString()));
        phones << *phone;
        QCOMPARE(sms.value(1).toString(), QStringLiteral("queued"));
        QVERIFY(sms.value(2).toString().contains(QStringLiteral("2025-09-30")));
    }
    phones.sort();
    QCOMPARE(
        phones, (QStringList { QStringLiteral("13800000401"), QStringLiteral("13800000402") }));
    // WHEN the sweep runs again the same day
    report = sweep();
    QVERIFY(report);
    // THEN nothing is raised twice
    QCOMPARE(report->dueSoon, 0);
    QCOMPARE(eventsOf(*m_platform->hub, AppWindow, QStringLiteral("case.dueSoon")).size(), 1);
    // WHEN the clock passes the due day (Wednesday 1 October, a holiday)
    m_platform->clock->set(chinaTime(2025, 10, 1, 8, 0));
    report = sweep();
    QVERIFY(report);
    // THEN case.overdue is raised once, and the case reads overdue
    QCOMPARE(report->overdue, 1);
    QCOMPARE(
        eventsOf(*m_platform->hub, QStringLiteral("410402-tb-01"), QStringLiteral("case.overdue"))
            .size(),
        1);
    QCOMPARE(deadlinesOf(caseId).value(QStringLiteral("overdue")).toBool(), true);
    report = sweep();
    QVERIFY(report);
    QCOMPARE(report->overdue, 0);
}

void TestHubDeadlines::decisionDueIsThePromisedLimitCappedByTheLegalOne()
{
    // GIVEN a case submitted 2025-09-30 (item: promised 1 working day, legal 3)
    const QString caseId = submitAt(chinaTime(2025, 9, 30, 10, 0));
    QVERIFY(!caseId.isEmpty());
    // WHEN the home department accepts it on Thursday 9 October
    m_platform->clock->set(chinaTime(2025, 10, 9, 10, 0));
    HubTestClient department(m_platform->base);
    QCOMPARE(department.login(Department, Password).status, 200);
    const Reply decided = department.postJson(
        QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/decision")),
        QJsonObject { { QStringLiteral("decision"), QStringLiteral("accepted") },
            { QStringLiteral("document"),
                QString::fromLatin1(QByteArrayLiteral("%PDF-1.4\n%%EOF\n").toBase64()) } });
    QCOMPARE(decided.status, 201);
    // THEN the decision is due one working day later, and the acceptance stage is over
    const QJsonObject deadlines = deadlinesOf(caseId);
    QCOMPARE(
        deadlines.value(QStringLiteral("decisionDue")).toString(), QStringLiteral("2025-10-10"));
    QCOMPARE(deadlines.value(QStringLiteral("stage")).toString(), QStringLiteral("decision"));
    // AND with a promised limit above the legal one the legal one wins
    const auto calendar = Core::WorkCalendar::embedded();
    const auto capped
        = Hub::DeadlineService::decisionDue(calendar, chinaTime(2025, 9, 26, 10, 0), 10, 2);
    QVERIFY(capped);
    QCOMPARE(*capped, QDate(2025, 9, 29)); // 28 (make-up Sunday), 29
}

void TestHubDeadlines::deadlinesAreListedOnlyToThoseWhoMaySeeTheCase()
{
    // GIVEN a submitted case of 410402 (home department 卫东区 is another jurisdiction)
    const QString caseId = submitAt(chinaTime(2025, 9, 30, 10, 0));
    QVERIFY(!caseId.isEmpty());
    HubTestClient app(m_platform->base);
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    HubTestClient home(m_platform->base);
    QCOMPARE(home.login(Department, Password).status, 200);
    HubTestClient other(m_platform->base);
    QCOMPARE(other.login(OtherDepartment, Password).status, 200);
    // WHEN each lists the running deadlines
    const auto count = [](HubTestClient &client) {
        const Reply reply = client.send("GET", QStringLiteral("/api/v1/deadlines"));
        return reply.status == 200
            ? int(reply.json().value(QStringLiteral("deadlines")).toArray().size())
            : -1;
    };
    // THEN the application window and the home department see it, another department not
    QCOMPARE(count(app), 1);
    QCOMPARE(count(home), 1);
    QCOMPARE(count(other), 0);
}

QTEST_GUILESS_MAIN(TestHubDeadlines)
#include "tst_hubdeadlines.moc"
