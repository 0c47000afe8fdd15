// tongban-hub in-process over real HTTP and WebSockets on 127.0.0.1: what the operating
// rules ask of video assistance beyond the signalling (issue 15; 000 第十八条, 第二十七条(二)).
// Office hours on the platform's working-day calendar, a locked window away, answer
// times, the escalation of the 4th miss of a calendar month (Beijing time) to the
// supervising admin, the monthly report, and the ICE servers with TURN credentials in
// coturn's REST scheme. The clock is a ManualClock; calls ring 300 ms.

#include "HubWsClient.h"

#include <storage/Database.h>

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <DemoSeed.h>
#include <Hub.h>
#include <calls/CallOversight.h>
#include <calls/CallService.h>

using namespace Tongban;

namespace {
const QString Password = QString::fromUtf8(Hub::DemoPassword);
const QString AppWindow = QStringLiteral("410402-tb-03");
const QString AppClerk = QStringLiteral("xh-tb-03-wangli");
const QString Home1 = QStringLiteral("410402-tb-01");
const QString Home1Clerk = QStringLiteral("xh-tb-01-liuyang");
const QString Home2 = QStringLiteral("410402-tb-02");
const QString Home2Clerk = QStringLiteral("xh-tb-02-zhanghua");
const QString Admin = QStringLiteral("pds-admin"); // 平顶山 410400, above 新华区 410402
const QString Item = QStringLiteral("41040201012001000"); // home jurisdiction 410402

QDateTime beijing(int year, int month, int day, int hour, int minute, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second),
        QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
}
} // namespace

class TestHubCallOversight : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void callOutsideOfficeHoursIsRefusedSayingWhenTheHomeWindowsOpen();
    void callStillRingingWhenTheOfficeClosesIsNotAMiss();
    void lockedWindowIsAwayAndNotRung();
    void answerTimeAndBothClerksAreStoredAndReported();
    void fourthMissOfTheMonthIsEscalatedToTheSupervisingAdmin();
    void iceServersCarryShortLivedTurnCredentials();

private:
    std::unique_ptr<HubWsClient> connectWindow(const QString &account, const QString &windowId);
    int missCount(const QString &windowId, const QString &month);
    /// One call from the application window that nobody answers.
    void missOneCall(HubWsClient &app, HubWsClient &home, const QString &callId);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Core::ManualClock> m_clock;
    Hub::HubConfig m_config;
    std::unique_ptr<Hub::Hub> m_hub;
    QString m_base;
};

void TestHubCallOversight::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    // A Tuesday, a working day, 09:30 Beijing time: inside the default office hours.
    m_clock = std::make_unique<Core::ManualClock>(beijing(2026, 11, 24, 9, 30));
    m_config = {};
    m_config.dataDir = m_dir->path();
    m_config.pbkdf2Iterations = 1000;
    m_config.clock = m_clock.get();
    m_config.eventPollMs = 50;
    // Calls ring 300 ms (real time) where a test waits for misses; a minute where it answers.
    m_config.callTimeoutMs
        = QByteArray(QTest::currentTestFunction()) == "answerTimeAndBothClerksAreStoredAndReported"
        ? 60000
        : 300;
    m_config.presenceGraceMs = 300;
    m_config.iceServers.append(QJsonObject {
        { QStringLiteral("urls"), QJsonArray { QStringLiteral("stun:turn.example:3478") } } });
    m_config.turn.urls = { QStringLiteral("turn:turn.example:3478?transport=udp") };
    m_config.turn.secret = QByteArrayLiteral("tb-turn-secret");
    m_config.turn.ttlSecs = 600;
    auto hub = Hub::Hub::create(m_config);
    QVERIFY2(hub.ok(), hub ? "" : qPrintable(hub.error().toString()));
    m_hub = std::move(*hub);
    const auto port = m_hub->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port.ok());
    m_base = QStringLiteral("http://127.0.0.1:%1").arg(*port);
    QVERIFY(Hub::seedDemo(*m_hub).ok());
}

void TestHubCallOversight::cleanup()
{
    m_hub.reset();
    m_dir.reset();
}

std::unique_ptr<HubWsClient> TestHubCallOversight::connectWindow(
    const QString &account, const QString &windowId)
{
    auto client = std::make_unique<HubWsClient>(m_base, account, Password, windowId);
    if (!client->signedIn || !client->open())
        return {};
    return client;
}

int TestHubCallOversight::missCount(const QString &windowId, const QString &month)
{
    QSqlQuery query(m_hub->database().connection());
    query.prepare(
        QStringLiteral("SELECT COUNT(*) FROM hub_missed_calls WHERE window_id = ? AND month = ?"));
    query.addBindValue(windowId);
    query.addBindValue(month);
    return query.exec() && query.next() ? query.value(0).toInt() : -1;
}

void TestHubCallOversight::missOneCall(HubWsClient &app, HubWsClient &home, const QString &callId)
{
    app.send(QStringLiteral("call.invite"), callId, { { QStringLiteral("itemCode"), Item } });
    QVERIFY2(!home.waitFor(QStringLiteral("call.ringing"), callId).isEmpty(),
        QJsonDocument(app.find(QStringLiteral("error"), callId)).toJson().constData());
    QVERIFY(!app.waitFor(QStringLiteral("call.missed"), callId).isEmpty());
}

void TestHubCallOversight::callOutsideOfficeHoursIsRefusedSayingWhenTheHomeWindowsOpen()
{
    auto app = connectWindow(AppClerk, AppWindow);
    auto home1 = connectWindow(Home1Clerk, Home1);
    QVERIFY(app && home1);

    // GIVEN 国庆节 (2026-10-01, a holiday of the platform's calendar), 10:00
    m_clock->set(beijing(2026, 10, 1, 10, 0));
    // WHEN the application window calls
    app->send(QStringLiteral("call.invite"), QStringLiteral("call-holiday"),
        { { QStringLiteral("itemCode"), Item } });
    // THEN it is refused, saying when the home windows are next open (the first working day
    // after the holiday, at the start of the office hours), and nobody is rung or counted
    const QJsonObject refused
        = app->waitFor(QStringLiteral("error"), QStringLiteral("call-holiday"));
    const QJsonObject error = refused.value(QStringLiteral("error")).toObject();
    QCOMPARE(
        error.value(QStringLiteral("code")).toString(), QStringLiteral("outside_office_hours"));
    QVERIFY2(error.value(QStringLiteral("message"))
                 .toString()
                 .contains(QStringLiteral("2026-10-08 09:00")),
        qPrintable(error.value(QStringLiteral("message")).toString()));
    QCOMPARE(error.value(QStringLiteral("detail")).toString(),
        QStringLiteral("2026-10-08T09:00:00+08:00"));
    QTest::qWait(100);
    QVERIFY(home1->find(QStringLiteral("call.ringing"), QStringLiteral("call-holiday")).isEmpty());
    QCOMPARE(missCount(Home1, QStringLiteral("2026-10")), 0);

    // GIVEN a Tuesday at 18:00, after the office closed; WHEN it calls THEN refused until 09:00
    m_clock->set(beijing(2026, 11, 24, 18, 0));
    app->send(QStringLiteral("call.invite"), QStringLiteral("call-evening"),
        { { QStringLiteral("itemCode"), Item } });
    QVERIFY(app->waitFor(QStringLiteral("error"), QStringLiteral("call-evening"))
                .value(QStringLiteral("error"))
                .toObject()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("2026-11-25 09:00")));

    // GIVEN Saturday 2026-10-10, a working day the calendar moved (调休), 10:00
    m_clock->set(beijing(2026, 10, 10, 10, 0));
    // WHEN it calls THEN the home window is rung (the calendar, not the weekday, decides)
    app->send(QStringLiteral("call.invite"), QStringLiteral("call-saturday"),
        { { QStringLiteral("itemCode"), Item } });
    QVERIFY(
        !home1->waitFor(QStringLiteral("call.ringing"), QStringLiteral("call-saturday")).isEmpty());

    // AND the office hours of a jurisdiction are readable by all and set by the admin only
    HubTestClient clerk(m_base);
    QCOMPARE(clerk.login(AppClerk, Password, AppWindow).status, 200);
    const Reply hours = clerk.send("GET", QStringLiteral("/api/v1/office-hours/410402"));
    QCOMPARE(hours.status, 200);
    QCOMPARE(hours.json().value(QStringLiteral("spans")).toArray(),
        (QJsonArray { QStringLiteral("09:00-12:00"), QStringLiteral("13:30-17:30") }));
    const QByteArray longer = R"({"spans":["08:30-12:00","13:00-18:00"]})";
    QCOMPARE(clerk.send("PUT", QStringLiteral("/api/v1/office-hours/410402"), longer).status, 403);
    HubTestClient admin(m_base);
    QCOMPARE(admin.login(Admin, Password).status, 200);
    QCOMPARE(admin
                 .send("PUT", QStringLiteral("/api/v1/office-hours/410402"),
                     R"({"spans":["12:00-09:00"]})")
                 .status,
        422);
    QCOMPARE(admin.send("PUT", QStringLiteral("/api/v1/office-hours/410402"), longer).status, 200);
    // WHEN the admin opens 410402 until 18:00 THEN a call at 17:45 on a working day rings
    m_clock->set(beijing(2026, 11, 24, 17, 45));
    app->send(QStringLiteral("call.invite"), QStringLiteral("call-late"),
        { { QStringLiteral("itemCode"), Item } });
    QVERIFY(!home1->waitFor(QStringLiteral("call.ringing"), QStringLiteral("call-late")).isEmpty());
}

void TestHubCallOversight::callStillRingingWhenTheOfficeClosesIsNotAMiss()
{
    auto app = connectWindow(AppClerk, AppWindow);
    auto home1 = connectWindow(Home1Clerk, Home1);
    QVERIFY(app && home1);
    // GIVEN a call at 11:59:50, ten seconds before the lunch break
    m_clock->set(beijing(2026, 11, 24, 11, 59, 50));
    app->send(QStringLiteral("call.invite"), QStringLiteral("call-noon"),
        { { QStringLiteral("itemCode"), Item } });
    QVERIFY(!home1->waitFor(QStringLiteral("call.ringing"), QStringLiteral("call-noon")).isEmpty());
    // WHEN it is still unanswered at 12:00:20, outside office hours
    m_clock->set(beijing(2026, 11, 24, 12, 0, 20));
    QVERIFY(!app->waitFor(QStringLiteral("call.missed"), QStringLiteral("call-noon")).isEmpty());
    // THEN it ended as missed, but no home window counts a miss or gets a text
    QCOMPARE(missCount(Home1, QStringLiteral("2026-11")), 0);
    QCOMPARE(Hub::CallService::smsOutbox(m_hub->database(), m_hub->secrets()).size(), 0);

    // GIVEN the same in office hours THEN it is counted and texted (the control)
    m_clock->set(beijing(2026, 11, 24, 14, 0));
    missOneCall(*app, *home1, QStringLiteral("call-afternoon"));
    QCOMPARE(missCount(Home1, QStringLiteral("2026-11")), 1);
    QCOMPARE(Hub::CallService::smsOutbox(m_hub->database(), m_hub->secrets()).size(), 1);
}

void TestHubCallOversight::lockedWindowIsAwayAndNotRung()
{
    auto app = connectWindow(AppClerk, AppWindow);
    auto home1 = connectWindow(Home1Clerk, Home1);
    auto home2 = connectWindow(Home2Clerk, Home2);
    QVERIFY(app && home1 && home2);
    // WHEN home window 1 is locked (the workstation says "away")
    QCOMPARE(
        home1->http.send("PUT", QStringLiteral("/api/v1/presence"), R"({"status":"away"})").status,
        204);
    // THEN the others see it away, not online
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (const QJsonObject &change : app->all(QStringLiteral("presence.changed"))) {
                if (change.value(QStringLiteral("windowId")).toString() == Home1
                    && change.value(QStringLiteral("presence")).toString() == QLatin1String("away"))
                    return true;
            }
            return false;
        },
        5000));
    const Reply windows
        = app->http.send("GET", QStringLiteral("/api/v1/windows?jurisdiction=410402&role=home"));
    bool seen = false;
    for (const QJsonValue &value : windows.json().value(QStringLiteral("windows")).toArray()) {
        if (value.toObject().value(QStringLiteral("id")).toString() == Home1) {
            QCOMPARE(value.toObject().value(QStringLiteral("presence")).toString(),
                QStringLiteral("away"));
            seen = true;
        }
    }
    QVERIFY2(seen, windows.body.left(300));
    // AND a call rings only the window that is online
    app->send(QStringLiteral("call.invite"), QStringLiteral("call-locked"),
        { { QStringLiteral("itemCode"), Item } });
    const QJsonObject invited
        = app->waitFor(QStringLiteral("call.invited"), QStringLiteral("call-locked"));
    QCOMPARE(invited.value(QStringLiteral("ringing")).toArray(), (QJsonArray { Home2 }));
    // AND unlocking makes it online again
    QCOMPARE(home1->http.send("PUT", QStringLiteral("/api/v1/presence"), R"({"status":"online"})")
                 .status,
        204);
}

void TestHubCallOversight::answerTimeAndBothClerksAreStoredAndReported()
{
    auto app = connectWindow(AppClerk, AppWindow);
    auto home1 = connectWindow(Home1Clerk, Home1);
    QVERIFY(app && home1);
    // GIVEN a call that rings for a minute (the timeout is real time, the clock manual)
    app->send(QStringLiteral("call.invite"), QStringLiteral("call-answered"),
        { { QStringLiteral("itemCode"), Item } });
    QVERIFY(
        !home1->waitFor(QStringLiteral("call.ringing"), QStringLiteral("call-answered")).isEmpty());
    // WHEN the home clerk answers 7.5 s later (by the platform's clock)
    m_clock->set(m_clock->now().addMSecs(7500));
    home1->send(QStringLiteral("call.accept"), QStringLiteral("call-answered"));
    QVERIFY(
        !app->waitFor(QStringLiteral("call.accepted"), QStringLiteral("call-answered")).isEmpty());
    // THEN the answer time and both clerks are stored with the call
    QSqlQuery query(m_hub->database().connection());
    QVERIFY(query.exec(QStringLiteral("SELECT answer_ms, caller_account, answered_account,"
                                      " answered_by FROM hub_calls WHERE id = 'call-answered'")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), 7500);
    QCOMPARE(query.value(1).toString(), AppClerk);
    QCOMPARE(query.value(2).toString(), Home1Clerk);
    QCOMPARE(query.value(3).toString(), Home1);
    // AND the month's report has it: the home window's answer time, the caller's call
    HubTestClient admin(m_base);
    QCOMPARE(admin.login(Admin, Password).status, 200);
    const QJsonObject report
        = admin.send("GET", QStringLiteral("/api/v1/calls/report?month=2026-11")).json();
    QCOMPARE(report.value(QStringLiteral("answered")).toInt(), 1);
    QCOMPARE(report.value(QStringLiteral("answerMsP95")).toInt(), 7500);
    const QJsonObject caller = report.value(QStringLiteral("callers")).toArray().first().toObject();
    QCOMPARE(caller.value(QStringLiteral("windowId")).toString(), AppWindow);
    QCOMPARE(caller.value(QStringLiteral("account")).toString(), AppClerk);
    QCOMPARE(caller.value(QStringLiteral("calls")).toInt(), 1);
    // AND a window sees only its own rows; another month is empty
    const QJsonObject own
        = home1->http.send("GET", QStringLiteral("/api/v1/calls/report?month=2026-11")).json();
    QCOMPARE(own.value(QStringLiteral("callers")).toArray().size(), 0);
    QCOMPARE(own.value(QStringLiteral("homeWindows")).toArray().size(), 1);
    QCOMPARE(admin.send("GET", QStringLiteral("/api/v1/calls/report?month=2026-13")).status, 400);
#ifdef TONGBAN_CLI
    // AND `tongban-cli calls report` prints it for the admin (password on standard input)
    const auto cli = [this](const QStringList &extra) {
        QProcess process;
        process.start(QStringLiteral(TONGBAN_CLI),
            QStringList { QStringLiteral("calls"), QStringLiteral("report"), m_base, Admin,
                QStringLiteral("--month"), QStringLiteral("2026-11") }
                + extra);
        process.write(QString(Password + QLatin1Char('\n')).toUtf8());
        process.closeWriteChannel();
        // the hub answering it is this process: wait with its event loop running
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000))
            process.kill();
        return std::make_pair(
            process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()));
    };
    const auto [code, text] = cli({ QStringLiteral("--language"), QStringLiteral("en") });
    QCOMPARE(code, 0);
    QVERIFY2(text.contains(QStringLiteral("410402-tb-03  xh-tb-03-wangli  1 call: 1 answered")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("410402-tb-01  misses 0, answered 1, 7.5 s")),
        qPrintable(text));
    const auto [zhCode, zh] = cli({ QStringLiteral("--language"), QStringLiteral("zh_CN") });
    QCOMPARE(zhCode, 0);
    QVERIFY2(zh.contains(QStringLiteral("视频协助")), qPrintable(zh));
    const auto [jsonCode, json] = cli({ QStringLiteral("--json") });
    QCOMPARE(jsonCode, 0);
    QCOMPARE(
        QJsonDocument::fromJson(json.toUtf8()).object().value(QStringLiteral("answered")).toInt(),
        1);
    // a wrong password: exit 1, nothing printed
    QProcess wrong;
    wrong.start(QStringLiteral(TONGBAN_CLI),
        { QStringLiteral("calls"), QStringLiteral("report"), m_base, Admin });
    wrong.write("not-the-password\n");
    wrong.closeWriteChannel();
    QVERIFY(QTest::qWaitFor([&] { return wrong.state() == QProcess::NotRunning; }, 60000));
    QCOMPARE(wrong.exitCode(), 1);
#endif
    QCOMPARE(admin.send("GET", QStringLiteral("/api/v1/calls/report?month=2026-12"))
                 .json()
                 .value(QStringLiteral("answered"))
                 .toInt(),
        0);
}

void TestHubCallOversight::fourthMissOfTheMonthIsEscalatedToTheSupervisingAdmin()
{
    // GIVEN 410402 answers around the clock (so that 23:59 and 00:30 are office hours)
    HubTestClient admin(m_base);
    QCOMPARE(admin.login(Admin, Password).status, 200);
    QCOMPARE(admin
                 .send("PUT", QStringLiteral("/api/v1/office-hours/410402"),
                     R"({"spans":["00:00-24:00"]})")
                 .status,
        200);
    auto adminEvents = std::make_unique<HubWsClient>(m_base, Admin, Password, QString());
    QVERIFY(adminEvents->signedIn && adminEvents->open());
    auto app = connectWindow(AppClerk, AppWindow);
    auto home1 = connectWindow(Home1Clerk, Home1);
    QVERIFY(app && home1);

    // WHEN three calls are missed on Monday 2026-11-30 and a fourth at 23:59 that night
    for (int n = 1; n <= 3; ++n) {
        m_clock->set(beijing(2026, 11, 30, 9 + n, 0));
        missOneCall(*app, *home1, QStringLiteral("call-nov-%1").arg(n));
    }
    QVERIFY(app->all(QStringLiteral("call.missed")).size() == 3);
    QTest::qWait(200);
    QVERIFY(adminEvents->find(QStringLiteral("call.escalated")).isEmpty()); // 3: not yet
    m_clock->set(beijing(2026, 11, 30, 23, 59)); // 15:59 UTC
    missOneCall(*app, *home1, QStringLiteral("call-nov-4"));

    // THEN the 4th miss of November escalates, once per window, and the supervising admin
    // (平顶山 410400 for 新华区 410402) gets an event
    QCOMPARE(missCount(Home1, QStringLiteral("2026-11")), 4);
    const QJsonObject event = adminEvents->waitFor(QStringLiteral("call.escalated"));
    QVERIFY(!event.isEmpty());
    const QJsonObject data = event.value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("month")).toString(), QStringLiteral("2026-11"));
    QCOMPARE(data.value(QStringLiteral("misses")).toInt(), 4);
    const QString escalationId = QStringLiteral("esc-2026-11-") + Home1;
    QSet<QString> escalated;
    for (const QJsonObject &each : adminEvents->all(QStringLiteral("call.escalated")))
        escalated.insert(each.value(QStringLiteral("data"))
                             .toObject()
                             .value(QStringLiteral("windowId"))
                             .toString());
    // (home window 2 was offline: only the window rung missed the calls)
    QCOMPARE(escalated, (QSet<QString> { Home1 }));

    // WHEN a fifth is missed at 00:30 on 1 December Beijing time (still 30 November in UTC)
    m_clock->set(beijing(2026, 12, 1, 0, 30));
    missOneCall(*app, *home1, QStringLiteral("call-dec-1"));
    // THEN it is December's first, not November's fifth; no new escalation
    QCOMPARE(missCount(Home1, QStringLiteral("2026-12")), 1);
    QCOMPARE(missCount(Home1, QStringLiteral("2026-11")), 4);

    // AND only the admin lists and decides escalations (sessions signed in again: a week
    // passed on the platform's clock)
    QCOMPARE(admin.login(Admin, Password).status, 200);
    QCOMPARE(home1->http.login(Home1Clerk, Password, Home1).status, 200);
    QCOMPARE(home1->http.send("GET", QStringLiteral("/api/v1/call-escalations")).status, 403);
    const QJsonArray open
        = admin.send("GET", QStringLiteral("/api/v1/call-escalations?month=2026-11&state=open"))
              .json()
              .value(QStringLiteral("escalations"))
              .toArray();
    QCOMPARE(open.size(), 1);
    QCOMPARE(admin.send("GET", QStringLiteral("/api/v1/call-escalations?month=2026-12"))
                 .json()
                 .value(QStringLiteral("escalations"))
                 .toArray()
                 .size(),
        0);
    const QString decide = QString(
        QStringLiteral("/api/v1/call-escalations/") + escalationId + QStringLiteral("/decision"));
    QCOMPARE(
        home1->http.postJson(decide, { { QStringLiteral("decision"), QStringLiteral("excused") } })
            .status,
        403);
    // an excuse needs a reason
    QCOMPARE(admin.postJson(decide, { { QStringLiteral("decision"), QStringLiteral("excused") } })
                 .status,
        422);
    QCOMPARE(admin
                 .postJson(decide,
                     { { QStringLiteral("decision"), QStringLiteral("excused") },
                         { QStringLiteral("note"), QStringLiteral("网络故障，已核实") } })
                 .status,
        204);
    QCOMPARE(admin.postJson(decide, { { QStringLiteral("decision"), QStringLiteral("confirmed") } })
                 .errorCode(),
        QStringLiteral("conflict"));

    // AND the monthly report (route and `tongban-hub calls report`) carries misses and the
    // escalation
    const auto report = Hub::CallOversight::report(m_hub->database(), QStringLiteral("2026-11"));
    QVERIFY(report.ok());
    const QString text = Hub::CallOversight::reportText(*report);
    QVERIFY2(text.contains(QStringLiteral("410402-tb-01  misses 4")), qPrintable(text));
    QVERIFY2(text.contains(QString(escalationId + QStringLiteral("  4 misses  excused"))),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("410402-tb-03, xh-tb-03-wangli: 4 (missed 4)")),
        qPrintable(text));
#ifdef TONGBAN_HUB
    m_hub.reset(); // the command opens the same database
    QProcess command;
    command.start(QStringLiteral(TONGBAN_HUB),
        { QStringLiteral("calls"), QStringLiteral("report"), QStringLiteral("--data-dir"),
            m_dir->path(), QStringLiteral("--month"), QStringLiteral("2026-11") });
    QVERIFY(command.waitForFinished(30000));
    QCOMPARE(command.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(command.readAllStandardOutput()), text);
#endif
}

void TestHubCallOversight::iceServersCarryShortLivedTurnCredentials()
{
    // GIVEN coturn's static-auth-secret "tb-turn-secret" and credentials valid 600 s
    HubTestClient clerk(m_base);
    QCOMPARE(clerk.login(AppClerk, Password, AppWindow).status, 200);
    // WHEN a window asks for its ICE servers at 2026-11-24 01:30:00Z
    const Reply reply = clerk.send("GET", QStringLiteral("/api/v1/ice-servers"));
    QCOMPARE(reply.status, 200);
    const QJsonArray servers = reply.json().value(QStringLiteral("iceServers")).toArray();
    // THEN STUN as configured, and TURN with username "expiry:window" and the password
    // base64(HMAC-SHA1(secret, username)) (the vector from `openssl dgst -sha1 -hmac`)
    QCOMPARE(servers.size(), 2);
    QCOMPARE(servers.at(0).toObject().value(QStringLiteral("urls")).toArray().first().toString(),
        QStringLiteral("stun:turn.example:3478"));
    const QJsonObject turn = servers.at(1).toObject();
    QCOMPARE(turn.value(QStringLiteral("urls")).toArray().first().toString(),
        QStringLiteral("turn:turn.example:3478?transport=udp"));
    QCOMPARE(turn.value(QStringLiteral("username")).toString(),
        QStringLiteral("1795484400:410402-tb-03"));
    QCOMPARE(turn.value(QStringLiteral("credential")).toString(),
        QStringLiteral("WSru8nyUbxVx958xGzlSkVweKo8="));
    QCOMPARE(reply.json().value(QStringLiteral("expiresAt")).toString(),
        QStringLiteral("2026-11-24T09:40:00+08:00"));
    // AND a session without a window gets none; without a token nothing
    HubTestClient department(m_base);
    QCOMPARE(department.login(QStringLiteral("xh-scjg-chenjing"), Password).status, 200);
    QCOMPARE(department.send("GET", QStringLiteral("/api/v1/ice-servers")).status, 403);
    QCOMPARE(HubTestClient(m_base).send("GET", QStringLiteral("/api/v1/ice-servers")).status, 401);
}

QTEST_GUILESS_MAIN(TestHubCallOversight)
#include "tst_hubcalloversight.moc"
