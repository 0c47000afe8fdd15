#include "EventService.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "http/HttpTypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QWebSocket>

namespace Tongban::Hub {

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

/// A client message as a JSON object, or nullopt with what is wrong in \a problem (the
/// detail a request body would get, http/HttpTypes parseJsonBody).
std::optional<QJsonObject> parseMessage(const QByteArray &message, QString *problem)
{
    if (message.size() > Limits::MaxJsonBodyBytes) {
        *problem
            = QStringLiteral("JSON bodies are limited to %1 bytes").arg(Limits::MaxJsonBodyBytes);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(message, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *problem = parseError.error != QJsonParseError::NoError
            ? QStringLiteral("JSON error at offset %1: %2")
                  .arg(parseError.offset)
                  .arg(parseError.errorString())
            : QStringLiteral("the body must be a JSON object");
        return std::nullopt;
    }
    return document.object();
}

} // namespace

EventService::EventService(Storage::Database &database, AccountService &accounts,
    const HubConfig &config, const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(database)
    , m_accounts(accounts)
    , m_config(config)
    , m_clock(clock)
{
    connect(&m_pollTimer, &QTimer::timeout, this, &EventService::pushPending);
    m_pollTimer.start(m_config.eventPollMs);
    connect(&m_pingTimer, &QTimer::timeout, this, &EventService::onPingTimer);
    m_pingTimer.start(m_config.pingIntervalMs);
}

EventService::~EventService()
{
    for (Session &session : m_sessions) {
        session.socket->disconnect(this);
        session.socket->abort();
        delete session.socket;
    }
}

Core::Result<qint64> EventService::append(Storage::Database &database, const Core::Clock &clock,
    const QString &windowId, const QString &type, const QJsonObject &data)
{
    return EventStore::append(
        database, windowId, type, clock.now().toMSecsSinceEpoch(), compact(data));
}

EventService::Session *EventService::find(QWebSocket *socket)
{
    for (Session &session : m_sessions) {
        if (session.socket == socket)
            return &session;
    }
    return nullptr;
}

void EventService::accept(std::unique_ptr<QWebSocket> owned)
{
    QWebSocket *socket = owned.release();
    if (socket->requestUrl().path() != QLatin1String("/api/v1/events")) {
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("not found"));
        socket->deleteLater();
        return;
    }
    m_sessions.push_back(Session { socket, {}, {}, {}, {}, false, 0, 0 });
    connect(socket, &QWebSocket::textMessageReceived, this,
        [this, socket](const QString &message) { onMessage(socket, message); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket]() { drop(socket); });
    connect(socket, &QWebSocket::pong, this, [this, socket]() {
        if (Session *session = find(socket))
            session->unansweredPings = 0;
    });
    // A client that does not say hello within 10 s is dropped.
    QTimer::singleShot(10000, socket, [this, socket]() {
        Session *session = find(socket);
        if (session && !session->authenticated)
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("no hello"));
    });
}

void EventService::drop(QWebSocket *socket)
{
    QString windowId;
    for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it) {
        if (it->socket == socket) {
            if (it->authenticated)
                windowId = it->windowId;
            m_sessions.erase(it);
            break;
        }
    }
    socket->deleteLater();
    if (!windowId.isEmpty() && !isConnected(windowId))
        emit windowDisconnected(windowId);
}

bool EventService::isConnected(const QString &windowId, const QString &role) const
{
    for (const Session &session : m_sessions) {
        if (session.authenticated && session.windowId == windowId
            && (role.isEmpty() || session.role == role))
            return true;
    }
    return false;
}

bool EventService::sendLive(const QString &windowId, const QJsonObject &message)
{
    bool sent = false;
    const QString text = compact(message);
    for (Session &session : m_sessions) {
        if (session.authenticated && session.windowId == windowId) {
            session.socket->sendTextMessage(text);
            sent = true;
        }
    }
    return sent;
}

void EventService::broadcastLive(const QJsonObject &message, const QString &exceptWindowId)
{
    const QString text = compact(message);
    for (Session &session : m_sessions) {
        if (session.authenticated
            && (exceptWindowId.isEmpty() || session.windowId != exceptWindowId))
            session.socket->sendTextMessage(text);
    }
}

void EventService::sendError(const QString &windowId, const QString &callId, const QString &code,
    const QString &message, const QString &detail)
{
    QJsonObject error { { QStringLiteral("type"), QStringLiteral("error") },
        { QStringLiteral("error"),
            QJsonObject { { QStringLiteral("code"), code }, { QStringLiteral("message"), message },
                { QStringLiteral("detail"), detail } } } };
    if (!callId.isEmpty())
        error.insert(QStringLiteral("callId"), callId);
    sendLive(windowId, error);
}

void EventService::onMessage(QWebSocket *socket, const QString &message)
{
    Session *session = find(socket);
    if (!session)
        return;
    QString problem;
    const auto object = parseMessage(message.toUtf8(), &problem);
    if (!object) {
        if (session->authenticated && !session->windowId.isEmpty()) {
            sendError(session->windowId, {}, QStringLiteral("bad_request"),
                QStringLiteral("消息格式错误"), problem);
        }
        return;
    }
    const QString type = object->value(QStringLiteral("type")).toString();
    if (session->authenticated) {
        if (type == QLatin1String("hello") || session->windowId.isEmpty())
            return; // a second hello, or a session without a window: nothing to relay
        // Copies: a handler may send, and sending may drop sessions.
        const QString windowId = session->windowId;
        const QString account = session->account;
        const QString role = session->role;
        emit messageReceived(windowId, account, role, *object);
        return;
    }
    if (type != QLatin1String("hello"))
        return;
    QJsonObject error;
    const auto context = m_authenticate
        ? m_authenticate(object->value(QStringLiteral("token")).toString().toLatin1(), &error)
        : std::nullopt;
    if (!context) {
        socket->sendTextMessage(
            compact(QJsonObject { { QStringLiteral("type"), QStringLiteral("error") },
                { QStringLiteral("error"), error } }));
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unauthorised"));
        return;
    }
    const bool firstOfWindow = !context->windowId.isEmpty() && !isConnected(context->windowId);
    session->authenticated = true;
    session->windowId = context->windowId;
    session->account = context->account;
    session->role = context->role;
    session->sessionId = context->sessionId;
    session->lastSent = qMax<qint64>(0, qint64(object->value(QStringLiteral("after")).toDouble()));

    const qint64 lastId = m_store.lastId(
        session->windowId.isEmpty() ? accountInbox(session->account) : session->windowId);
    socket->sendTextMessage(compact(QJsonObject {
        { QStringLiteral("type"), QStringLiteral("welcome") }, { QStringLiteral("lastId"), lastId },
        { QStringLiteral("iceServers"), m_config.iceServers } }));
    sendPending(*session);
    if (firstOfWindow)
        emit windowConnected(context->windowId);
}

void EventService::pushPending()
{
    for (Session &session : m_sessions) {
        if (session.authenticated)
            sendPending(session);
    }
}

void EventService::sendPending(Session &session)
{
    const auto events = m_store.since(
        session.windowId.isEmpty() ? accountInbox(session.account) : session.windowId,
        session.lastSent);
    if (!events) {
        qCWarning(lcHub) << "reading events failed:" << events.error().detail;
        return;
    }
    for (const StoredEvent &stored : *events) {
        const QJsonObject event { { QStringLiteral("id"), stored.id },
            { QStringLiteral("type"), stored.type },
            { QStringLiteral("at"), rfc3339(QDateTime::fromMSecsSinceEpoch(stored.atMs, Qt::UTC)) },
            { QStringLiteral("data"), QJsonDocument::fromJson(stored.data.toUtf8()).object() } };
        session.socket->sendTextMessage(compact(event));
        session.lastSent = stored.id;
    }
}

void EventService::endSession(const SessionEnd &end)
{
    QJsonObject message { { QStringLiteral("at"), rfc3339(end.at) } };
    if (end.reason == QLatin1String("session_replaced")) {
        message.insert(QStringLiteral("type"), QStringLiteral("session.replaced"));
        message.insert(QStringLiteral("windowId"),
            end.byWindowId.isEmpty() ? QJsonValue() : QJsonValue(end.byWindowId));
        message.insert(QStringLiteral("windowName"), end.byWindowName);
    } else {
        message.insert(QStringLiteral("type"), QStringLiteral("session.ended"));
        message.insert(QStringLiteral("reason"), end.reason);
    }
    const QString text = compact(message);
    QList<QWebSocket *> closing;
    for (Session &session : m_sessions) {
        if (!session.authenticated || session.sessionId != end.sessionId)
            continue;
        if (end.reason == QLatin1String("session_replaced") && !session.windowId.isEmpty()
            && session.windowId == end.byWindowId) {
            // Signed in again at the same window (an unlock): not elsewhere. The window's
            // socket carries on under the new session, a video call on it included.
            session.sessionId = end.bySessionId;
            continue;
        }
        closing.append(session.socket);
    }
    // Closing emits disconnected() later, which edits m_sessions: not inside the loop.
    for (QWebSocket *socket : closing) {
        qCInfo(lcHub).noquote() << "events socket of window"
                                << (end.windowId.isEmpty() ? QStringLiteral("(none)")
                                                           : end.windowId)
                                << "closed:" << end.reason;
        socket->sendTextMessage(text);
        socket->close(QWebSocketProtocol::CloseCode(kSessionEndedCloseCode), end.reason);
    }
}

void EventService::onPingTimer()
{
    // A session that expired (or ended in another process) since the last ping.
    QList<SessionEnd> ended;
    QSet<QString> checked;
    for (const Session &session : m_sessions) {
        if (!session.authenticated || checked.contains(session.sessionId))
            continue;
        checked.insert(session.sessionId);
        if (auto end = m_accounts.sessionEnd(session.sessionId))
            ended.append(*end);
    }
    for (const SessionEnd &end : ended)
        endSession(end);

    QList<QWebSocket *> gone;
    for (Session &session : m_sessions) {
        // Two pings without a pong: the peer is gone even if TCP has not noticed.
        if (session.unansweredPings >= 2) {
            gone.append(session.socket);
            continue;
        }
        ++session.unansweredPings;
        session.socket->ping();
    }
    // Aborting emits disconnected(), which edits m_sessions: not inside the loop.
    for (QWebSocket *socket : gone)
        socket->abort();
}

} // namespace Tongban::Hub
