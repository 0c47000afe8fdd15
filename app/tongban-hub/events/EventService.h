#pragma once

#include "HubConfig.h"
#include "events/EventStore.h"

#include <core/Result.h>

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QWebSocket;

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

class AccountService;
struct AuthContext;
struct SessionEnd;

/*!
 * The events of contract §10: stored in hub_events with ids that only grow,
 * and pushed over WebSockets at /api/v1/events.
 *
 * A session starts with {"type":"hello","token","after"}; the answer is
 * {"type":"welcome","lastId","iceServers"}, then every stored event of the
 * session's window with id > after, then new ones as they are stored. Each
 * session remembers the last id it sent, so catch-up and live pushes never
 * send an event twice. Events stored by another process on the same database
 * (the `decide` command) are picked up by polling every eventPollMs.
 *
 * Live messages (call signalling, presence.changed) carry no id: they are
 * sent only to sessions connected now and never stored (sendLive()). Every
 * other message an authenticated session sends is handed on through
 * messageReceived(); windowConnected()/windowDisconnected() report the first
 * session of a window and the end of its last one.
 *
 * A socket belongs to the session whose access token said hello, not to that
 * token: it stays open while the session is refreshed, and is closed when the
 * session ends (endSession(), called at once for a sign-in elsewhere, a
 * sign-out or a disabled account; checked on every ping for an expired
 * session). The socket first gets the live message session.replaced
 * {windowId, windowName, at} or session.ended {reason, at}, then a close frame
 * with code kSessionEndedCloseCode and the reason's machine code. A session
 * replaced by a sign-in at the same window (an unlock) is not ended there:
 * that window's sockets carry on under the new session.
 *
 * Stored events are EventStore's SQL; a hello's token is checked by the authenticator the hub
 * sets (AccountRoutes: the contract's error object for a refused token).
 *
 * Threading: the thread that owns the Database.
 */
class EventService : public QObject
{
    Q_OBJECT
public:
    EventService(Storage::Database &database, AccountService &accounts, const HubConfig &config,
        const Core::Clock &clock, QObject *parent = nullptr);
    ~EventService() override;

    /// Stores an event for \a windowId and returns its id. Works on any hub database.
    static Core::Result<qint64> append(Storage::Database &database, const Core::Clock &clock,
        const QString &windowId, const QString &type, const QJsonObject &data);

    /// Where events for an account without a window (an admin) are stored: "@account". A
    /// session without a window gets the events of its account's inbox (issue 15).
    static QString accountInbox(const QString &account)
    {
        return QString(QLatin1Char('@') + account);
    }

    /// Checks a hello's access token: the caller, or nullopt with the contract's error object
    /// {code, message, detail, ...} in \a error.
    using Authenticator
        = std::function<std::optional<AuthContext>(const QByteArray &token, QJsonObject *error)>;
    void setAuthenticator(Authenticator authenticator)
    {
        m_authenticate = std::move(authenticator);
    }

    /// Takes over a WebSocket from the HTTP server.
    void accept(std::unique_ptr<QWebSocket> socket);

    /// Sends stored events not yet sent to each authenticated session.
    void pushPending();

    int sessionCount() const { return int(m_sessions.size()); }

    /// The WebSocket close code of a socket whose session ended (§10); the close reason is
    /// the machine code (session_replaced, signed_out, token_expired, account_disabled).
    static constexpr int kSessionEndedCloseCode = 4001;
    /// Tells every socket of \a end's session why it ends, and closes it.
    void endSession(const SessionEnd &end);

    /// Sends \a message (no id, not stored) to every session of \a windowId; false if none.
    bool sendLive(const QString &windowId, const QJsonObject &message);
    /// Sends \a message to every authenticated session except those of \a exceptWindowId.
    void broadcastLive(const QJsonObject &message, const QString &exceptWindowId = {});
    /// A live {"type":"error","callId"?,"error":{code,message,detail}} to \a windowId.
    void sendError(const QString &windowId, const QString &callId, const QString &code,
        const QString &message, const QString &detail);
    /// True when \a windowId has an authenticated session (of an account with \a role, if given).
    bool isConnected(const QString &windowId, const QString &role = {}) const;

Q_SIGNALS:
    void windowConnected(const QString &windowId);
    void windowDisconnected(const QString &windowId);
    /// A message other than hello from an authenticated session of a window.
    void messageReceived(const QString &windowId, const QString &account, const QString &role,
        const QJsonObject &message);

private:
    struct Session
    {
        QWebSocket *socket = nullptr;
        QString windowId;
        QString account;
        QString role;
        QString sessionId;
        bool authenticated = false;
        qint64 lastSent = 0;
        int unansweredPings = 0;
    };

    Session *find(QWebSocket *socket);
    void onMessage(QWebSocket *socket, const QString &message);
    void onPingTimer();
    void drop(QWebSocket *socket);
    void sendPending(Session &session);

    EventStore m_store;
    AccountService &m_accounts;
    Authenticator m_authenticate;
    const HubConfig &m_config;
    const Core::Clock &m_clock;
    std::vector<Session> m_sessions;
    QTimer m_pollTimer;
    QTimer m_pingTimer;
};

} // namespace Tongban::Hub
