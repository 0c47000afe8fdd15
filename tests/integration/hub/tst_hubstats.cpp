// Issue 17: statistics for the monthly 通报 (000 第三十一条, 003 第二十四条). A hub seeded with a
// known mix of cases, decisions, mailings, deliveries, missed calls, ratings and SMS under a
// controlled clock gives exact counts and rates for November 2026 (what happened in December
// is left out); GET /api/v1/stats answers the admin and supervisor roles only; the CSV export
// holds the same figures; `tongban-hub stats` writes a PDF report that renders.

#include "DeliveryHelpers.h"
#include "HubTestClient.h"
#include "InProcessHub.h"

#include <storage/Database.h>

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <DemoSeed.h>
#include <accounts/AccountService.h>
#include <calendar/CalendarService.h>
#include <cases/CaseService.h>
#include <deadlines/DeadlineService.h>
#include <delivery/DeliveryService.h>
#include <sms/SmsService.h>
#include <stats/StatsService.h>

using namespace Tongban;

namespace {

const QString Password = QString::fromUtf8(Hub::DemoPassword);
const QByteArray Pdf = QByteArrayLiteral("%PDF-1.4\n% notice\n%%EOF\n");
const QString ItemXinhua = QStringLiteral("41040201012001000"); // home 410402
const QString ItemWeidong = QStringLiteral("41040301012001000"); // home 410403

QDateTime cst(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute),
        QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
}

} // namespace

class TestHubStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void novemberGivesExactCountsAndRates();
    void onlyAdminAndSupervisorSeeTheStatistics();
    void theCsvExportHoldsTheFigures();
    void theCommandWritesAPrintablePdf();
    void newYearsEveAndNewYearsDay();

private:
    std::unique_ptr<InProcessHub> m_platform;
    QJsonObject m_november;
};

void TestHubStats::initTestCase()
{
    m_platform = std::make_unique<InProcessHub>();
    const QString started = m_platform->start([](Hub::HubConfig &config) {
        config.sms.drainMs = 3600 * 1000; // drained by hand below
        config.accessTokenSecs = 60 * 24 * 3600; // the clock moves over weeks
        config.refreshTokenSecs = 60 * 24 * 3600;
    });
    QVERIFY2(started.isEmpty(), qPrintable(started));
    Hub::Hub &hub = *m_platform->hub;
    Core::ManualClock &clock = *m_platform->clock;
    QVERIFY(hub.accounts().addAccount(QStringLiteral("pds-supervisor"), QStringLiteral("督查"),
        QStringLiteral("supervisor"), QStringLiteral("410400"), Password, {}));

    // GIVEN on Tuesday 24 November: window A (新华区) transmits case 1 (received that morning)
    // and case 2 (received Friday 20th, two working days before), window B (卫东区) case 3
    clock.set(cst(11, 24, 9, 30));
    HubTestClient windowA(m_platform->base);
    HubTestClient windowB(m_platform->base);
    QCOMPARE(
        windowA.login(QStringLiteral("xh-tb-03-wangli"), Password, QStringLiteral("410402-tb-03"))
            .status,
        200);
    QCOMPARE(
        windowB.login(QStringLiteral("wd-tb-02-zhaomin"), Password, QStringLiteral("410403-tb-02"))
            .status,
        200);
    const QString case1 = DeliveryHelpers::submitCase(windowA, ItemXinhua,
        QStringLiteral("2026-11-24T09:00:00+08:00"), QStringLiteral("13912340001"),
        DeliveryHelpers::mailTo());
    const QString case2 = DeliveryHelpers::submitCase(windowA, ItemWeidong,
        QStringLiteral("2026-11-20T16:00:00+08:00"), QStringLiteral("13912340002"));
    const QString case3 = DeliveryHelpers::submitCase(windowB, ItemXinhua,
        QStringLiteral("2026-11-24T09:10:00+08:00"), QStringLiteral("13912340003"));
    QVERIFY(!case1.isEmpty() && !case2.isEmpty() && !case3.isEmpty());
    // AND paper originals mailed: case 1 the same day (in time), case 2 on the 26th, four
    // working days after its receipt (late: 000 第十七条 allows one)
    const auto mail = [&](const QString &caseId, const QString &sentAt) {
        return windowA
            .postJson(
                QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/mailings")),
                QJsonObject { { QStringLiteral("clientMailingId"), QUuid::createUuid().toString() },
                    { QStringLiteral("carrier"), QStringLiteral("EMS") },
                    { QStringLiteral("waybill"), QStringLiteral("1234567890123") },
                    { QStringLiteral("sentAt"), sentAt },
                    { QStringLiteral("materials"), QJsonArray { QStringLiteral("application") } } })
            .status;
    };
    QCOMPARE(mail(case1, QStringLiteral("2026-11-24T10:05:00+08:00")), 201);
    QCOMPARE(mail(case2, QStringLiteral("2026-11-26T10:00:00+08:00")), 201);

    // AND on the 25th case 1 is accepted (1 working day), case 3's applicant is asked to
    // correct, and case 1 is completed, to be mailed by the home window (due the 26th)
    clock.set(cst(11, 25, 10));
    QVERIFY(hub.cases().decide(
        case1, QStringLiteral("accepted"), {}, Pdf, QStringLiteral("xh-scjg-chenjing")));
    HubTestClient department(m_platform->base);
    QCOMPARE(department.login(QStringLiteral("xh-scjg-chenjing"), Password).status, 200);
    QCOMPARE(department
                 .postJson(QString(QStringLiteral("/api/v1/cases/") + case3
                               + QStringLiteral("/correction-request")),
                     QJsonObject {
                         { QStringLiteral("deficiencies"),
                             QJsonArray { QJsonObject {
                                 { QStringLiteral("materialId"), QStringLiteral("premises") },
                                 { QStringLiteral("code"), QStringLiteral("term-expired") } } } },
                         { QStringLiteral("ways"), QJsonArray { QStringLiteral("window") } } })
                 .status,
        201);
    // AND case 2's applicant gets a text of purpose "correction" that answers no request of
    // the department (sent again by an operator): a text is not a request for correction
    QVERIFY(Hub::DeliveryService::notifyApplicant(
        hub.database(), clock, hub.secrets(), case2, QStringLiteral("correction")));
    clock.set(cst(11, 25, 11));
    const Reply completed = department.postJson(
        QString(QStringLiteral("/api/v1/cases/") + case1 + QStringLiteral("/completion")),
        QJsonObject { { QStringLiteral("document"), QString::fromLatin1(Pdf.toBase64()) } });
    QCOMPARE(completed.status, 201);
    // AND ratings: case 1 good (5), case 2 差评 (1), case 3 差评 (2), the last one rectified
    const auto rate = [](HubTestClient &client, const QString &caseId, int score) {
        return client.postJson(
            QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/rating")),
            QJsonObject { { QStringLiteral("score"), score } });
    };
    QCOMPARE(rate(windowA, case1, 5).status, 201);
    QCOMPARE(rate(windowA, case2, 1).status, 201);
    const Reply bad = rate(windowB, case3, 2);
    QCOMPARE(bad.status, 201);
    HubTestClient supervisor(m_platform->base);
    QCOMPARE(supervisor.login(QStringLiteral("pds-supervisor"), Password).status, 200);
    QCOMPARE(supervisor
                 .postJson(QString(QStringLiteral("/api/v1/rectifications/")
                               + bad.json().value(QStringLiteral("rectificationId")).toString()),
                     QJsonObject { { QStringLiteral("rectification"),
                         QStringLiteral("已约谈窗口人员并复核材料清单") } })
                 .status,
        200);

    // AND on the 26th the home window records the waybill, in time
    clock.set(cst(11, 26, 15));
    HubTestClient homeWindow(m_platform->base);
    QCOMPARE(
        homeWindow
            .login(QStringLiteral("xh-tb-01-liuyang"), Password, QStringLiteral("410402-tb-01"))
            .status,
        200);
    QCOMPARE(homeWindow
                 .postJson(QString(QStringLiteral("/api/v1/deliveries/")
                               + completed.json().value(QStringLiteral("deliveryId")).toString()
                               + QStringLiteral("/handover")),
                     QJsonObject { { QStringLiteral("carrier"), QStringLiteral("EMS") },
                         { QStringLiteral("waybill"), QStringLiteral("EMS9876543210") } })
                 .status,
        200);
    // AND five missed calls in November: four for 410402-tb-01 (escalated), one for -tb-02
    QSqlQuery calls(hub.database().connection());
    for (int i = 0; i < 5; ++i) {
        const QString callId = QStringLiteral("call-%1").arg(i);
        const QString window
            = i < 4 ? QStringLiteral("410402-tb-01") : QStringLiteral("410402-tb-02");
        const qint64 at = cst(11, 10 + i, 10).toMSecsSinceEpoch();
        QVERIFY(calls.exec(QStringLiteral("INSERT INTO hub_calls (id, caller_window, item_code,"
                                          " jurisdiction_code, state, started_at) VALUES"
                                          " ('%1', '410402-tb-03', '%2', '410402', 'missed', %3)")
                               .arg(callId, ItemXinhua)
                               .arg(at)));
        QVERIFY(calls.exec(QStringLiteral("INSERT INTO hub_missed_calls (call_id, window_id,"
                                          " month, at) VALUES ('%1', '%2', '2026-11', %3)")
                               .arg(callId, window)
                               .arg(at)));
    }

    // AND on Monday the 30th case 2 is rejected, 4 working days after its submission (late)
    clock.set(cst(11, 30, 10));
    QVERIFY(hub.cases().decide(case2, QStringLiteral("rejected"), QStringLiteral("材料不属实"), Pdf,
        QStringLiteral("wd-scjg-wutao")));
    // AND the SMS of November are sent
    QSignalSpy idle(&hub.sms(), &Hub::SmsService::idle);
    hub.sms().drain();
    QVERIFY(idle.count() > 0 || idle.wait(10000));

    // AND in December (not in the period) a case 4 is transmitted, decided and rated
    clock.set(cst(12, 1, 9, 30));
    const QString case4 = DeliveryHelpers::submitCase(windowB, ItemXinhua,
        QStringLiteral("2026-11-30T17:00:00+08:00"), QStringLiteral("13912340004"));
    QVERIFY(!case4.isEmpty());
    QVERIFY(hub.cases().decide(
        case4, QStringLiteral("accepted"), {}, Pdf, QStringLiteral("xh-scjg-chenjing")));
    QCOMPARE(rate(windowB, case4, 1).status, 201);
    clock.set(cst(12, 1, 12));

    HubTestClient admin(m_platform->base);
    QCOMPARE(admin.login(QStringLiteral("pds-admin"), Password).status, 200);
    const Reply stats
        = admin.send("GET", QStringLiteral("/api/v1/stats?from=2026-11-01&to=2026-11-30"));
    QCOMPARE(stats.status, 200);
    m_november = stats.json();
}

void TestHubStats::cleanupTestCase()
{
    m_platform.reset();
}

void TestHubStats::novemberGivesExactCountsAndRates()
{
    // THEN (for November only) the figures are exactly those of the mix
    const QJsonObject &s = m_november;
    QCOMPARE(s.value(QStringLiteral("cases")).toInt(), 3);
    QCOMPARE(s.value(QStringLiteral("byApplicationJurisdiction")).toObject(),
        (QJsonObject { { QStringLiteral("410402"), 2 }, { QStringLiteral("410403"), 1 } }));
    QCOMPARE(s.value(QStringLiteral("byHomeJurisdiction")).toObject(),
        (QJsonObject { { QStringLiteral("410402"), 2 }, { QStringLiteral("410403"), 1 } }));
    QCOMPARE(s.value(QStringLiteral("byWindow")).toObject(),
        (QJsonObject {
            { QStringLiteral("410402-tb-03"), 2 }, { QStringLiteral("410403-tb-02"), 1 } }));
    // corrections come from the department's requests (case 3), not from the texts sent
    QCOMPARE(s.value(QStringLiteral("corrections")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("correctionRate")).toDouble(), 0.3333);
    QCOMPARE(s.value(QStringLiteral("decided")).toInt(), 2);
    QCOMPARE(s.value(QStringLiteral("accepted")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("rejected")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("rejectionRate")).toDouble(), 0.5);
    // receipt → transmission: 0, 2 (Fri 20th → Tue 24th: Mon, Tue), 0 working days
    QCOMPARE(s.value(QStringLiteral("averageReceiptToTransmissionDays")).toDouble(), 0.6667);
    QCOMPARE(s.value(QStringLiteral("maxReceiptToTransmissionDays")).toInt(), 2);
    // submission → decision: 1 and 4 (25, 26, 27, 30) working days; counting calendar days
    // (1 and 6) would give 3.5
    QCOMPARE(s.value(QStringLiteral("averageSubmissionToDecisionDays")).toDouble(), 2.5);
    // case 2 decided after its 2 working days, case 3 still undecided after them
    QCOMPARE(s.value(QStringLiteral("overdueDecisions")).toInt(), 2);
    QCOMPARE(s.value(QStringLiteral("mailings")).toInt(), 2);
    QCOMPARE(s.value(QStringLiteral("lateMailings")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("completed")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("lateDeliveries")).toInt(), 0);
    QCOMPARE(s.value(QStringLiteral("missedCalls")).toInt(), 5);
    QCOMPARE(s.value(QStringLiteral("escalations")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("ratings")).toInt(), 3);
    QCOMPARE(s.value(QStringLiteral("averageScore")).toDouble(), 2.6667);
    QCOMPARE(s.value(QStringLiteral("badRatings")).toInt(), 2);
    QCOMPARE(s.value(QStringLiteral("rectified")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("rectificationRate")).toDouble(), 0.5);
    // acceptance + completion (case 1), rejection and the resent text (case 2), correction
    // (case 3)
    QCOMPARE(s.value(QStringLiteral("smsSent")).toInt(), 5);
    // AND the jurisdictions and windows are named, not only coded
    QCOMPARE(s.value(QStringLiteral("jurisdictionNames")).toObject(),
        (QJsonObject { { QStringLiteral("410402"), QStringLiteral("新华区") },
            { QStringLiteral("410403"), QStringLiteral("卫东区") } }));
    QCOMPARE(s.value(QStringLiteral("windowNames")).toObject().keys(),
        (QStringList { QStringLiteral("410402-tb-03"), QStringLiteral("410403-tb-02") }));
    QCOMPARE(s.value(QStringLiteral("smsFailed")).toInt(), 0);
}

void TestHubStats::onlyAdminAndSupervisorSeeTheStatistics()
{
    const QString path = QStringLiteral("/api/v1/stats?from=2026-11-01&to=2026-11-30");
    // GIVEN an application clerk, a home clerk and a department account THEN 403
    const struct
    {
        const char *account;
        const char *window;
    } others[] = { { "xh-tb-03-wangli", "410402-tb-03" }, { "xh-tb-01-liuyang", "410402-tb-01" },
        { "xh-scjg-chenjing", "" } };
    for (const auto &other : others) {
        HubTestClient client(m_platform->base);
        QCOMPARE(client
                     .login(QString::fromLatin1(other.account), Password,
                         QString::fromLatin1(other.window))
                     .status,
            200);
        const Reply refused = client.send("GET", path);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), QStringLiteral("forbidden"));
    }
    // AND without a token 401
    QCOMPARE(HubTestClient(m_platform->base).send("GET", path).status, 401);
    // AND the supervisor sees the same figures as the admin
    HubTestClient supervisor(m_platform->base);
    QCOMPARE(supervisor.login(QStringLiteral("pds-supervisor"), Password).status, 200);
    const Reply seen = supervisor.send("GET", path);
    QCOMPARE(seen.status, 200);
    QCOMPARE(seen.json().value(QStringLiteral("cases")), m_november.value(QStringLiteral("cases")));
    // AND a period backwards or missing is refused
    QCOMPARE(supervisor.send("GET", QStringLiteral("/api/v1/stats?from=2026-11-30&to=2026-11-01"))
                 .status,
        422);
    QCOMPARE(supervisor.send("GET", QStringLiteral("/api/v1/stats")).status, 422);
}

void TestHubStats::theCsvExportHoldsTheFigures()
{
    HubTestClient admin(m_platform->base);
    QCOMPARE(admin.login(QStringLiteral("pds-admin"), Password).status, 200);
    const Reply csv = admin.send(
        "GET", QStringLiteral("/api/v1/stats?from=2026-11-01&to=2026-11-30&format=csv"));
    QCOMPARE(csv.status, 200);
    QVERIFY(csv.header("Content-Type").startsWith("text/csv"));
    const QString text = QString::fromUtf8(csv.body);
    // THEN each grouped line names its jurisdiction or window beside the code
    QVERIFY2(csv.body.startsWith("\xEF\xBB\xBFmeasure,key,name,value\r\n"),
        csv.body.left(40).constData());
    for (const QString &line : { QStringLiteral("cases,,,3"), QStringLiteral("rejectionRate,,,0.5"),
             QStringLiteral("byApplicationJurisdiction,410402,新华区,2"),
             QStringLiteral("byApplicationJurisdiction,410403,卫东区,1"),
             QStringLiteral("byHomeJurisdiction,410403,卫东区,1"),
             QStringLiteral("lateMailings,,,1"), QStringLiteral("rectificationRate,,,0.5"),
             QStringLiteral("escalations,,,1") }) {
        QVERIFY2(text.contains(line + QStringLiteral("\r\n")), qPrintable(line + text));
    }
}

void TestHubStats::theCommandWritesAPrintablePdf()
{
    // WHEN `tongban-hub stats` runs on the hub's data folder with --csv and --pdf
    QTemporaryDir out;
    const QString pdf = out.filePath(QStringLiteral("report.pdf"));
    const QString csv = out.filePath(QStringLiteral("report.csv"));
    QProcess command;
    command.start(QStringLiteral(TONGBAN_HUB),
        { QStringLiteral("stats"), QStringLiteral("--data-dir"), m_platform->dir->path(),
            QStringLiteral("--from"), QStringLiteral("2026-11-01"), QStringLiteral("--to"),
            QStringLiteral("2026-11-30"), QStringLiteral("--csv"), csv, QStringLiteral("--pdf"),
            pdf });
    QVERIFY(command.waitForFinished(60000));
    QVERIFY2(command.exitCode() == 0, command.readAllStandardError().constData());
    // THEN its JSON and CSV give the period's counts
    const QJsonObject json = QJsonDocument::fromJson(command.readAllStandardOutput()).object();
    QCOMPARE(json.value(QStringLiteral("cases")).toInt(), 3);
    QCOMPARE(json.value(QStringLiteral("lateMailings")).toInt(), 1);
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QString csvText = QString::fromUtf8(csvFile.readAll());
    QVERIFY2(csvText.contains(QStringLiteral("cases,,,3\r\n")), qPrintable(csvText));
    QVERIFY2(csvText.contains(QStringLiteral("byHomeJurisdiction,410402,新华区,2\r\n")),
        qPrintable(csvText));
    if (qEnvironmentVariableIsSet("TONGBAN_KEEP_REPORT"))
        QFile::copy(pdf, qEnvironmentVariable("TONGBAN_KEEP_REPORT"));
    // AND the PDF is one A4 page in Chinese whose text pdftotext reads back
    QProcess text;
    text.start(QStringLiteral("pdftotext"), { pdf, QStringLiteral("-") });
    QVERIFY(text.waitForFinished(30000));
    const QString words = QString::fromUtf8(text.readAllStandardOutput()).remove(QLatin1Char(' '));
    QVERIFY2(words.contains(QStringLiteral("通办办件统计")), qPrintable(words));
    QVERIFY2(words.contains(QStringLiteral("2026-11-30")), qPrintable(words));
    QVERIFY2(words.contains(QStringLiteral("整改率")), qPrintable(words));
    // AND its charts name the jurisdictions (新华区, 卫东区), not only their codes
    QVERIFY2(words.contains(QStringLiteral("新华区")), qPrintable(words));
    QVERIFY2(words.contains(QStringLiteral("卫东区")), qPrintable(words));
    // AND it renders (pdftoppm): a page image with the bars drawn
    QProcess render;
    const QString prefix = out.filePath(QStringLiteral("page"));
    render.start(QStringLiteral("pdftoppm"),
        { QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("50"), pdf, prefix });
    QVERIFY(render.waitForFinished(30000));
    QCOMPARE(render.exitCode(), 0);
    const QImage page(prefix + QStringLiteral("-1.png"));
    QVERIFY(!page.isNull());
    QVERIFY(page.height() > page.width()); // portrait A4
    int bar = 0;
    for (int y = 0; y < page.height(); ++y)
        for (int x = 0; x < page.width(); ++x)
            bar += page.pixelColor(x, y) == QColor(46, 104, 170) ? 1 : 0;
    QVERIFY2(bar > 100, qPrintable(QString::number(bar)));
}

void TestHubStats::newYearsEveAndNewYearsDay()
{
    // GIVEN a hub of its own on Thursday 31 December 2026, the last working day of the year,
    // with the built-in calendar only (no 2027 yet)
    InProcessHub platform;
    platform.clock->set(QDateTime(
        QDate(2026, 12, 31), QTime(10, 0), QTimeZone(QByteArrayLiteral("Asia/Shanghai"))));
    const QString started = platform.start([](Hub::HubConfig &config) {
        config.accessTokenSecs = 2 * 24 * 3600; // the clock moves into the night
        config.refreshTokenSecs = 2 * 24 * 3600;
    });
    QVERIFY2(started.isEmpty(), qPrintable(started));
    HubTestClient window(platform.base);
    QCOMPARE(
        window.login(QStringLiteral("xh-tb-03-wangli"), Password, QStringLiteral("410402-tb-03"))
            .status,
        200);
    // WHEN a case received that morning is submitted
    const QString morning = DeliveryHelpers::submitCase(window, ItemXinhua,
        QStringLiteral("2026-12-31T09:00:00+08:00"), QStringLiteral("13912340011"));
    QVERIFY(!morning.isEmpty());
    // THEN its deadlines say plainly that the calendar lacks 2027, instead of being absent
    const QString path = QStringLiteral("/api/v1/cases/") + morning;
    QJsonObject deadlines
        = window.send("GET", path).json().value(QStringLiteral("deadlines")).toObject();
    QCOMPARE(
        deadlines.value(QStringLiteral("receivedOn")).toString(), QStringLiteral("2026-12-31"));
    QVERIFY(deadlines.value(QStringLiteral("acceptanceDue")).isNull());
    QCOMPARE(
        deadlines.value(QStringLiteral("missingCalendarYears")).toArray(), (QJsonArray { 2027 }));
    QVERIFY2(deadlines.value(QStringLiteral("problem")).toString().contains(QStringLiteral("2027")),
        QJsonDocument(deadlines).toJson().constData());

    // WHEN the 2027 calendar is imported (元旦 1-3 January) and the deadlines swept
    QFile year(QStringLiteral(TONGBAN_TEST_DATA "/calendar/test-2027.json"));
    QVERIFY(year.open(QIODevice::ReadOnly));
    QVERIFY(platform.hub->calendar().import(year.readAll(), QStringLiteral("test-2027.json")));
    QVERIFY(platform.hub->deadlines().sweep());
    // THEN acceptance is due in January on the calendar: Monday 4th is the first working day,
    // Tuesday 5th the second (counting calendar days would give 2 January)
    deadlines = window.send("GET", path).json().value(QStringLiteral("deadlines")).toObject();
    QCOMPARE(
        deadlines.value(QStringLiteral("acceptanceDue")).toString(), QStringLiteral("2027-01-05"));
    QCOMPARE(deadlines.value(QStringLiteral("due")).toString(), QStringLiteral("2027-01-05"));
    QVERIFY(!deadlines.contains(QStringLiteral("missingCalendarYears")));

    // GIVEN a case submitted at 23:30 on New Year's Eve and one at 00:30 on New Year's Day
    // (16:30 UTC on the 31st: a UTC day boundary would put it in 2026)
    platform.clock->set(QDateTime(
        QDate(2026, 12, 31), QTime(23, 30), QTimeZone(QByteArrayLiteral("Asia/Shanghai"))));
    QVERIFY(!DeliveryHelpers::submitCase(window, ItemXinhua,
        QStringLiteral("2026-12-31T23:00:00+08:00"), QStringLiteral("13912340012"))
                 .isEmpty());
    platform.clock->set(
        QDateTime(QDate(2027, 1, 1), QTime(0, 30), QTimeZone(QByteArrayLiteral("Asia/Shanghai"))));
    QVERIFY(!DeliveryHelpers::submitCase(window, ItemXinhua,
        QStringLiteral("2027-01-01T00:20:00+08:00"), QStringLiteral("13912340013"))
                 .isEmpty());
    // THEN each day counts its own cases, in Beijing time, and the period over both counts all
    const auto count = [&](const QDate &from, const QDate &to) {
        const auto report = platform.hub->stats().compute(from, to);
        return report ? report->cases : -1;
    };
    QCOMPARE(count(QDate(2026, 12, 31), QDate(2026, 12, 31)), 2);
    QCOMPARE(count(QDate(2027, 1, 1), QDate(2027, 1, 1)), 1);
    QCOMPARE(count(QDate(2026, 12, 31), QDate(2027, 1, 1)), 3);
    QCOMPARE(count(QDate(2026, 12, 30), QDate(2026, 12, 30)), 0);
}

QTEST_MAIN(TestHubStats)
#include "tst_hubstats.moc"
