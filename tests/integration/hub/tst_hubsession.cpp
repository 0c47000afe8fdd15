// tongban-hub in-process over real HTTP and WebSocket on 127.0.0.1: one live session per
// account (issue 12, §2 and §10). A sign-in elsewhere ends the earlier session: its tokens
// answer 401 session_replaced and its events socket hears session.replaced and is closed;
// sign-out, a disabled account and an expired session close the socket the same way.

#include "HubWsClient.h"
#include "InProcessHub.h"

#include <QTest>

#include <DemoSeed.h>
#include <accounts/AccountService.h>
#include <events/EventService.h>

using namespace Tongban;

namespace {
const QString Password = QString::fromUtf8(Hub::DemoPassword);
const QString Clerk = QStringLiteral("xh-tb-03-wangli");
const QString FirstWindow = QStringLiteral("410402-tb-03");
const QString SecondWindow = QStringLiteral("410402-tb-04");
const QString SecondWindowName = QStringLiteral("新华区政务服务中心4号通办窗口");
} // namespace

class TestHubSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aSignInElsewhereEndsTheEarlierSession();
    void aFailedSignInElsewhereEndsNothing();
    void aSignInAgainAtTheSameWindowKeepsItsSocket();
    void signOutClosesTheEventsSocket();
    void disablingTheAccountClosesTheEventsSocket();
    void theSocketOutlivesTheAccessTokenButNotTheSession();

private:
    Reply meWith(const QByteArray &token);
    /// An events socket (not open yet) that will say hello with \a token.
    std::unique_ptr<HubWsClient> socketWith(const QByteArray &token);

    std::unique_ptr<InProcessHub> m_platform;
    QString m_base;
};

void TestHubSession::init()
{
    m_platform = std::make_unique<InProcessHub>();
    const QString started
        = m_platform->start([](Hub::HubConfig &config) { config.pingIntervalMs = 200; });
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_base = m_platform->base;
    // The clerk may work at two windows of her hall (a relief desk).
    Hub::AccountService &accounts = m_platform->hub->accounts();
    QVERIFY(accounts
                .addWindow(SecondWindow, SecondWindowName, QStringLiteral("application"),
                    QStringLiteral("410402"), QStringLiteral("新华区"))
                .ok());
    QVERIFY(accounts
                .addAccount(Clerk, QStringLiteral("王丽"), QStringLiteral("application"),
                    QStringLiteral("410402"), Password, { FirstWindow, SecondWindow })
                .ok());
}

void TestHubSession::cleanup()
{
    m_platform.reset();
}

Reply TestHubSession::meWith(const QByteArray &token)
{
    HubTestClient client(m_base);
    client.token = token;
    return client.send("GET", QStringLiteral("/api/v1/me"));
}

std::unique_ptr<HubWsClient> TestHubSession::socketWith(const QByteArray &token)
{
    // No account: the client signs in nowhere, so no session is created or replaced.
    auto client = std::make_unique<HubWsClient>(m_base, QString(), QString(), QString());
    client->http.token = token;
    return client;
}

void TestHubSession::aSignInElsewhereEndsTheEarlierSession()
{
    // GIVEN the clerk signed in at window 3 with its events socket open
    HubTestClient firstHttp(m_base);
    const Reply firstLogin = firstHttp.login(Clerk, Password, FirstWindow);
    QCOMPARE(firstLogin.status, 200);
    QCOMPARE(firstLogin.json().value(QStringLiteral("replaced")).toArray().size(), 0);
    const QString firstRefresh = firstLogin.json().value(QStringLiteral("refreshToken")).toString();
    const QByteArray firstToken = firstHttp.token;
    auto first = socketWith(firstToken);
    QVERIFY(first->open());
    QCOMPARE(meWith(firstToken).status, 200);

    // WHEN she signs in at window 4
    m_platform->clock->advanceSecs(120);
    HubTestClient second(m_base);
    const Reply secondLogin = second.login(Clerk, Password, SecondWindow);
    QCOMPARE(secondLogin.status, 200);

    // THEN the answer names the session it replaced (its window, nothing personal)
    const QJsonArray replaced = secondLogin.json().value(QStringLiteral("replaced")).toArray();
    QCOMPARE(replaced.size(), 1);
    QCOMPARE(replaced.first().toObject().value(QStringLiteral("windowId")).toString(), FirstWindow);
    // AND window 3's socket hears session.replaced with the new window and the time
    const QJsonObject notice = first->waitFor(QStringLiteral("session.replaced"));
    QCOMPARE(notice.value(QStringLiteral("windowId")).toString(), SecondWindow);
    QCOMPARE(notice.value(QStringLiteral("windowName")).toString(), SecondWindowName);
    QCOMPARE(QDateTime::fromString(notice.value(QStringLiteral("at")).toString(), Qt::ISODate),
        m_platform->clock->now());
    QVERIFY(!notice.contains(QStringLiteral("account")));
    // AND the socket is closed with the reason
    QTRY_COMPARE_WITH_TIMEOUT(first->socket.state(), QAbstractSocket::UnconnectedState, 10000);
    QCOMPARE(int(first->socket.closeCode()), Hub::EventService::kSessionEndedCloseCode);
    QCOMPARE(first->socket.closeReason(), QStringLiteral("session_replaced"));
    // AND window 3's access token gets 401 session_replaced naming window 4
    const Reply refused = meWith(firstToken);
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.errorCode(), QStringLiteral("session_replaced"));
    const QJsonObject by = refused.json()
                               .value(QStringLiteral("error"))
                               .toObject()
                               .value(QStringLiteral("replacedBy"))
                               .toObject();
    QCOMPARE(by.value(QStringLiteral("windowId")).toString(), SecondWindow);
    QCOMPARE(by.value(QStringLiteral("windowName")).toString(), SecondWindowName);
    // AND so does its refresh token: the session cannot be revived
    const Reply refreshed = firstHttp.postJson(QStringLiteral("/api/v1/session/refresh"),
        QJsonObject { { QStringLiteral("refreshToken"), firstRefresh } });
    QCOMPARE(refreshed.status, 401);
    QCOMPARE(refreshed.errorCode(), QStringLiteral("session_replaced"));
    // AND a new hello with it is refused the same way
    QWebSocket again;
    QString answer;
    connect(&again, &QWebSocket::textMessageReceived, this,
        [&](const QString &text) { answer = text; });
    again.open(QUrl(QString(QString(m_base).replace(QLatin1String("http:"), QLatin1String("ws:"))
        + QStringLiteral("/api/v1/events"))));
    QTRY_COMPARE(again.state(), QAbstractSocket::ConnectedState);
    again.sendTextMessage(QString::fromUtf8(QJsonDocument(
        QJsonObject { { QStringLiteral("type"), QStringLiteral("hello") },
            { QStringLiteral("token"), QString::fromLatin1(firstToken) },
            { QStringLiteral("after"), 0 } }).toJson(QJsonDocument::Compact)));
    QTRY_VERIFY(!answer.isEmpty());
    QCOMPARE(QJsonDocument::fromJson(answer.toUtf8())
                 .object()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
        QStringLiteral("session_replaced"));
    // AND window 4's session works, socket included
    QCOMPARE(meWith(second.token).status, 200);
    QVERIFY(socketWith(second.token)->open());
}

void TestHubSession::aFailedSignInElsewhereEndsNothing()
{
    // GIVEN the clerk signed in at window 3 with its events socket open
    HubWsClient first(m_base, Clerk, Password, FirstWindow);
    QVERIFY(first.open());
    // WHEN someone tries her account at window 4 with a wrong password, and at a window she
    // is not assigned to
    HubTestClient other(m_base);
    QCOMPARE(other.login(Clerk, QStringLiteral("wrong"), SecondWindow).status, 401);
    QCOMPARE(other.login(Clerk, Password, QStringLiteral("410403-tb-01")).errorCode(),
        QStringLiteral("window_mismatch"));
    // THEN her session and its socket carry on
    QTest::qWait(600); // three pings
    QCOMPARE(first.socket.state(), QAbstractSocket::ConnectedState);
    QVERIFY(first.find(QStringLiteral("session.replaced")).isEmpty());
    QCOMPARE(meWith(first.http.token).status, 200);
}

void TestHubSession::aSignInAgainAtTheSameWindowKeepsItsSocket()
{
    // GIVEN the clerk signed in at window 3 with its events socket open
    HubTestClient http(m_base);
    QCOMPARE(http.login(Clerk, Password, FirstWindow).status, 200);
    const QByteArray oldToken = http.token;
    auto socket = socketWith(oldToken);
    QVERIFY(socket->open());
    // WHEN she signs in again at the same window (the unlock after the idle lock)
    const Reply again = http.login(Clerk, Password, FirstWindow);
    QCOMPARE(again.status, 200);
    // THEN the old tokens are ended like any replaced ones
    QCOMPARE(meWith(oldToken).errorCode(), QStringLiteral("session_replaced"));
    // AND the window's socket carries on (not elsewhere: nothing to tell, a call on it goes on)
    QTest::qWait(600);
    QCOMPARE(socket->socket.state(), QAbstractSocket::ConnectedState);
    QVERIFY(socket->find(QStringLiteral("session.replaced")).isEmpty());
    // AND it now belongs to the new session: signing that one out closes it
    QCOMPARE(http.send("DELETE", QStringLiteral("/api/v1/session")).status, 204);
    QTRY_COMPARE_WITH_TIMEOUT(socket->socket.state(), QAbstractSocket::UnconnectedState, 10000);
    QCOMPARE(socket->socket.closeReason(), QStringLiteral("signed_out"));
}

void TestHubSession::signOutClosesTheEventsSocket()
{
    // GIVEN a signed-in window with its events socket open
    HubWsClient window(m_base, Clerk, Password, FirstWindow);
    QVERIFY(window.open());
    // WHEN the clerk signs out
    QCOMPARE(window.http.send("DELETE", QStringLiteral("/api/v1/session")).status, 204);
    // THEN the socket hears why and is closed
    QCOMPARE(
        window.waitFor(QStringLiteral("session.ended")).value(QStringLiteral("reason")).toString(),
        QStringLiteral("signed_out"));
    QTRY_COMPARE_WITH_TIMEOUT(window.socket.state(), QAbstractSocket::UnconnectedState, 10000);
    QCOMPARE(window.socket.closeReason(), QStringLiteral("signed_out"));
}

void TestHubSession::disablingTheAccountClosesTheEventsSocket()
{
    // GIVEN a signed-in window with its events socket open
    HubWsClient window(m_base, Clerk, Password, FirstWindow);
    QVERIFY(window.open());
    // WHEN the administrator disables the account
    QVERIFY(m_platform->hub->accounts().setDisabled(Clerk, true).ok());
    // THEN the socket is closed with the reason and the token no longer works
    QTRY_COMPARE_WITH_TIMEOUT(window.socket.state(), QAbstractSocket::UnconnectedState, 10000);
    QCOMPARE(window.socket.closeReason(), QStringLiteral("account_disabled"));
    QCOMPARE(window.find(QStringLiteral("session.ended")).value(QStringLiteral("reason")),
        QJsonValue(QStringLiteral("account_disabled")));
    QCOMPARE(meWith(window.http.token).status, 401);
}

void TestHubSession::theSocketOutlivesTheAccessTokenButNotTheSession()
{
    // GIVEN a signed-in window with its events socket open
    HubWsClient window(m_base, Clerk, Password, FirstWindow);
    QVERIFY(window.open());
    // WHEN its access token expires (the refresh token still runs)
    m_platform->clock->advanceSecs(15 * 60 + 1);
    QCOMPARE(meWith(window.http.token).errorCode(), QStringLiteral("token_expired"));
    // THEN the socket stays: it belongs to the session, not to the token that said hello
    QTest::qWait(600); // three pings, each checking the session
    QCOMPARE(window.socket.state(), QAbstractSocket::ConnectedState);
    // WHEN the whole session expires (12 hours)
    m_platform->clock->advanceSecs(12 * 3600);
    // THEN the next ping closes the socket with token_expired
    QTRY_COMPARE_WITH_TIMEOUT(window.socket.state(), QAbstractSocket::UnconnectedState, 10000);
    QCOMPARE(window.socket.closeReason(), QStringLiteral("token_expired"));
    QCOMPARE(window.find(QStringLiteral("session.ended")).value(QStringLiteral("reason")),
        QJsonValue(QStringLiteral("token_expired")));
}

QTEST_MAIN(TestHubSession)
#include "tst_hubsession.moc"
