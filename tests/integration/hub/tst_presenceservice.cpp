// Presence apart from the call state machine (issue 13): PresenceService driven directly,
// without HTTP or WebSocket, on a hub in a temporary folder (its SQLite file is the store).

#include <core/Clock.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <Hub.h>
#include <accounts/AccountService.h>
#include <calls/CallService.h>
#include <calls/PresenceService.h>

using namespace Tongban;

class TestPresenceService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void firstSessionMakesAnOfflineWindowOnline();
    void clerkSetPresenceIsKeptWhenASessionComes();
    void invalidStatusAndNoWindowAreRefused();
    void lastSessionGoneIsOfflineAfterTheGraceOnly();
    void sessionBackWithinTheGraceKeepsTheWindow();
    void offlineSetByTheClerkEndsItsCallsAtOnce();
    void missedCallsOfAnotherWindowAreForbidden();

private:
    Hub::AuthContext clerkOf(const QString &windowId) const
    {
        return Hub::AuthContext { QStringLiteral("clerk-%1").arg(windowId),
            QStringLiteral("application"), QStringLiteral("410402"), windowId,
            QStringLiteral("session-1") };
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<Hub::Hub> m_hub;
    const QString m_window = QStringLiteral("410402-A-01");
    const QString m_other = QStringLiteral("410402-A-02");
};

void TestPresenceService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<Core::ManualClock>(QDateTime(
        QDate(2026, 11, 24), QTime(9, 30), QTimeZone(QByteArrayLiteral("Asia/Shanghai"))));
    Hub::HubConfig config;
    config.dataDir = m_dir->path();
    config.pbkdf2Iterations = 1000;
    config.clock = m_clock.get();
    config.presenceGraceMs = 150;
    auto created = Hub::Hub::create(config);
    QVERIFY2(created.ok(), created ? "" : qPrintable(created.error().toString()));
    m_hub = std::move(*created);
    for (const QString &id : { m_window, m_other }) {
        QVERIFY(m_hub->accounts()
                    .addWindow(id, QStringLiteral("新华区综合窗口"), QStringLiteral("application"),
                        QStringLiteral("410402"), QStringLiteral("新华区"))
                    .ok());
    }
}

void TestPresenceService::cleanup()
{
    m_hub.reset();
    m_clock.reset();
    m_dir.reset();
}

void TestPresenceService::firstSessionMakesAnOfflineWindowOnline()
{
    // GIVEN a window stored offline (a new window)
    Hub::PresenceService &presence = m_hub->presence();
    QCOMPARE(presence.presenceOf(m_window), QStringLiteral("offline"));
    // WHEN its first events session comes
    presence.windowConnected(m_window);
    // THEN it is online, and the other window is not
    QCOMPARE(presence.presenceOf(m_window), QStringLiteral("online"));
    QCOMPARE(presence.presenceOf(m_other), QStringLiteral("offline"));
    QCOMPARE(presence.presenceOf(QStringLiteral("no-such-window")), QString());
}

void TestPresenceService::clerkSetPresenceIsKeptWhenASessionComes()
{
    // GIVEN a clerk who set "away" (the workstation is locked)
    Hub::PresenceService &presence = m_hub->presence();
    QVERIFY(presence.setPresence(clerkOf(m_window), QStringLiteral("away")).ok());
    QCOMPARE(presence.presenceOf(m_window), QStringLiteral("away"));
    // WHEN an events session of the window comes
    presence.windowConnected(m_window);
    // THEN what the clerk set stays (only an offline window becomes online)
    QCOMPARE(presence.presenceOf(m_window), QStringLiteral("away"));
}

void TestPresenceService::invalidStatusAndNoWindowAreRefused()
{
    Hub::PresenceService &presence = m_hub->presence();
    // GIVEN a window online
    presence.windowConnected(m_window);
    // WHEN its clerk sends a status the contract does not know
    const Core::Status invalid = presence.setPresence(clerkOf(m_window), QStringLiteral("asleep"));
    // THEN it is refused with the presence service's code, nothing stored
    QVERIFY(!invalid.ok());
    QCOMPARE(invalid.error().code, int(Hub::PresenceService::InvalidStatus));
    QCOMPARE(presence.presenceOf(m_window), QStringLiteral("online"));
    // WHEN a session without a window (an admin) sets a valid status
    Hub::AuthContext admin = clerkOf(QString());
    admin.role = QStringLiteral("admin");
    const Core::Status noWindow = presence.setPresence(admin, QStringLiteral("busy"));
    // THEN it is refused: nobody's presence changes
    QVERIFY(!noWindow.ok());
    QCOMPARE(noWindow.error().code, int(Hub::PresenceService::NotAtWindow));
    QCOMPARE(presence.presenceOf(m_window), QStringLiteral("online"));
}

void TestPresenceService::lastSessionGoneIsOfflineAfterTheGraceOnly()
{
    Hub::PresenceService &presence = m_hub->presence();
    QSignalSpy gone(&presence, &Hub::PresenceService::windowGone);
    // GIVEN a window online
    presence.windowConnected(m_window);
    // WHEN its last events session ends
    presence.windowDisconnected(m_window);
    // THEN it stays online during the grace (a reconnect may come) ...
    QVERIFY(presence.graceRunning(m_window));
    QCOMPARE(presence.presenceOf(m_window), QStringLiteral("online"));
    QCOMPARE(gone.count(), 0);
    // ... and is offline once the grace ran out, gone for the call state machine once
    QTRY_COMPARE_WITH_TIMEOUT(presence.presenceOf(m_window), QStringLiteral("offline"), 5000);
    QCOMPARE(gone.count(), 1);
    QCOMPARE(gone.first().first().toString(), m_window);
    QVERIFY(!presence.graceRunning(m_window));
}

void TestPresenceService::sessionBackWithinTheGraceKeepsTheWindow()
{
    Hub::PresenceService &presence = m_hub->presence();
    QSignalSpy gone(&presence, &Hub::PresenceService::windowGone);
    // GIVEN a window whose last session ended (grace running)
    presence.windowConnected(m_window);
    presence.windowDisconnected(m_window);
    // WHEN a session comes back within the grace
    presence.windowConnected(m_window);
    // THEN the grace stops: the window stays online, no call of it ends
    QVERIFY(!presence.graceRunning(m_window));
    QTest::qWait(400); // longer than the grace
    QCOMPARE(presence.presenceOf(m_window), QStringLiteral("online"));
    QCOMPARE(gone.count(), 0);
}

void TestPresenceService::offlineSetByTheClerkEndsItsCallsAtOnce()
{
    Hub::PresenceService &presence = m_hub->presence();
    QSignalSpy gone(&presence, &Hub::PresenceService::windowGone);
    presence.windowConnected(m_window);
    // WHEN the clerk sets offline
    QVERIFY(presence.setPresence(clerkOf(m_window), QStringLiteral("offline")).ok());
    // THEN the window is offline and gone at once, without waiting for a grace
    QCOMPARE(presence.presenceOf(m_window), QStringLiteral("offline"));
    QCOMPARE(gone.count(), 1);
    // WHEN a clerk without an events session sets online
    QVERIFY(presence.setPresence(clerkOf(m_other), QStringLiteral("online")).ok());
    // THEN the grace runs for it: online until no session came
    QVERIFY(presence.graceRunning(m_other));
    QTRY_COMPARE_WITH_TIMEOUT(presence.presenceOf(m_other), QStringLiteral("offline"), 5000);
}

void TestPresenceService::missedCallsOfAnotherWindowAreForbidden()
{
    // The call state machine's rule for reading misses, without HTTP.
    const Hub::CallService &calls = m_hub->calls();
    // GIVEN a clerk of one window WHEN it asks for another window's misses THEN forbidden
    const auto other = calls.missedCalls(m_other, QString(), clerkOf(m_window));
    QVERIFY(!other.ok());
    QCOMPARE(other.error().code, int(Hub::CallService::Forbidden));
    // its own, with a malformed month: refused; with none: this month (Beijing time), empty
    const auto badMonth = calls.missedCalls(m_window, QStringLiteral("2026-13"), clerkOf(m_window));
    QVERIFY(!badMonth.ok());
    QCOMPARE(badMonth.error().code, int(Hub::CallService::BadMonth));
    const auto own = calls.missedCalls(m_window, QString(), clerkOf(m_window));
    QVERIFY(own.ok());
    QCOMPARE(own->month, QStringLiteral("2026-11"));
    QVERIFY(own->calls.isEmpty());
    // an unknown window: not found
    const auto unknown = calls.missedCalls(QStringLiteral("nowhere"), QString(), clerkOf(m_window));
    QCOMPARE(unknown.error().code, int(Hub::CallService::WindowNotFound));
}

QTEST_GUILESS_MAIN(TestPresenceService)
#include "tst_presenceservice.moc"
