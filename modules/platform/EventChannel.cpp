#include "EventChannel.h"

#include "ApiClient.h"
#include "Logging.h"
#include "PlatformErrors.h"
#include "Session.h"
#include "Tr.h"

#include <core/Alive.h>

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSqlQuery>
#include <QUrl>
#include <QWebSocket>

namespace Tongban::Platform {

// The guard is read once into a plain pointer that is checked and used: QPointer's `->`
// reads it again (an atomic load) and may yield nullptr, which GCC at -O2 reported as
// -Wnull-dereference (as Core::Alive explains).
bool EventCompletion::cancelled() const
{
    const EventChannel *channel = m_channel.data();
    return !channel || m_generation != channel->m_generation || !channel->m_running;
}

Core::Status EventCompletion::markProcessed() const
{
    EventChannel *channel = m_channel.data();
    if (!channel)
        return Core::Error { NetworkUnavailable, {}, QStringLiteral("events: channel gone") };
    return channel->markProcessed(m_event.id);
}

void EventCompletion::operator()(const Core::Status &status) const
{
    if (*m_answered)
        return;
    *m_answered = true;
    EventChannel *channel = m_channel.data();
    if (!channel || cancelled())
        return;
    channel->completed(m_event, status);
}

qint64 EventChannel::backoffMs(int attempts, double unit)
{
    const int doublings = qBound(0, attempts - 1, 20);
    const qint64 base = qMin<qint64>(kMaxBackoffMs, qint64(1000) << doublings);
    const double u = qBound(0.0, unit, 1.0);
    return qMin<qint64>(kMaxBackoffMs, base / 2 + qint64(double(base / 2) * u));
}

EventChannel::EventChannel(Storage::Database &db, Session &session, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_session(session)
    , m_random(QRandomGenerator::global()->generate())
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &EventChannel::connectNow);
    m_pingTimer.setInterval(30000);
    connect(&m_pingTimer, &QTimer::timeout, this, &EventChannel::onPingTimer);
}

EventChannel::~EventChannel()
{
    ++m_generation;
    teardownSocket();
}

void EventChannel::setPingIntervalMs(int intervalMs)
{
    m_pingTimer.setInterval(qMax(10, intervalMs));
}

void EventChannel::setState(State state)
{
    if (m_state == state)
        return;
    const bool wasLive = m_state == State::Live;
    m_state = state;
    if (wasLive != (state == State::Live)) {
        QList<EventInbox *> told;
        for (const auto &inboxes : { m_stored, m_live }) {
            for (const std::shared_ptr<EventInbox> &inbox : inboxes) {
                if (told.contains(inbox.get()))
                    continue;
                told.append(inbox.get());
                inbox->channelLive(state == State::Live);
            }
        }
    }
    emit stateChanged(state);
}

void EventChannel::start()
{
    if (m_running)
        return;
    m_running = true;
    m_failures = 0;
    m_refreshTried = false;
    connectNow();
}

void EventChannel::stop()
{
    m_running = false;
    ++m_generation;
    m_reconnectTimer.stop();
    teardownSocket();
    setState(State::Stopped);
}

void EventChannel::teardownSocket()
{
    m_pingTimer.stop();
    m_welcomed = false;
    m_processing = false;
    m_queue.clear();
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void EventChannel::connectNow()
{
    if (!m_running)
        return;
    teardownSocket();
    ++m_generation;
    const Core::Status allowed = ApiClient::checkUrlAllowed(m_session.api().baseUrl());
    if (!allowed || !m_session.isSignedIn()) {
        const Core::Error error = !allowed ? allowed.error()
                                           : Core::Error { NotSignedIn,
                                                 Tr::tr("Results cannot be received: nobody is "
                                                        "signed in to the platform. Sign in."),
                                                 QStringLiteral("events: no session") };
        m_running = false;
        setState(State::Stopped);
        emit feedError(error);
        return;
    }
    setState(State::Connecting);
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setSslConfiguration(m_session.api().sslConfiguration());
    connect(m_socket, &QWebSocket::connected, this, &EventChannel::onConnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &EventChannel::onMessage);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_unansweredPings = 0; });
    connect(m_socket, &QWebSocket::disconnected, this,
        [this] { connectionLost(m_socket ? m_socket->closeReason() : QString()); });
    // Every socket error ends this connection (refused, reset, TLS): the next attempt is a new
    // socket. disconnected() may follow; connectionLost() handles one of the two.
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        [this](QAbstractSocket::SocketError) {
            connectionLost(m_socket ? m_socket->errorString() : QString());
        });
    m_unansweredPings = 0;
    m_pingTimer.start(); // also bounds the wait for connected and welcome
    QNetworkRequest request(m_session.api().eventsUrl());
    m_socket->open(request);
}

void EventChannel::onConnected()
{
    if (!m_socket)
        return;
    m_helloToken = m_session.accessToken();
    const QJsonObject hello { { QStringLiteral("type"), QStringLiteral("hello") },
        { QStringLiteral("token"), QString::fromUtf8(m_helloToken) },
        { QStringLiteral("after"), lastProcessedId() } };
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(hello).toJson(QJsonDocument::Compact)));
}

void EventChannel::connectionLost(const QString &reason)
{
    if (!m_socket)
        return; // already handled (both errorOccurred and disconnected may fire)
    qCInfo(lcPlatform).noquote() << "events: connection lost:" << reason;
    teardownSocket();
    ++m_generation;
    scheduleReconnect();
}

void EventChannel::scheduleReconnect()
{
    if (!m_running)
        return;
    ++m_failures;
    const qint64 waitMs = backoffMs(m_failures, m_random.generateDouble());
    setState(State::WaitingToReconnect);
    m_reconnectTimer.start(int(waitMs));
}

void EventChannel::onPingTimer()
{
    if (!m_socket)
        return;
    // Any message or pong answers; two intervals in silence mean the peer (or the path to it)
    // is gone even if TCP has not noticed.
    if (m_unansweredPings >= 2) {
        connectionLost(QStringLiteral("two pings unanswered"));
        return;
    }
    ++m_unansweredPings;
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->ping();
}

void EventChannel::onMessage(const QString &text)
{
    m_unansweredPings = 0;
    const auto parsed = parseEventMessage(text.toUtf8());
    if (!parsed) {
        qCWarning(lcPlatform).noquote() << "events: unreadable message:" << parsed.error().detail;
        emit feedError(parsed.error());
        return;
    }
    const EventMessage &message = *parsed;
    if (message.type == QLatin1String("session.replaced")) {
        onSessionReplaced(parseSessionReplaced(message.raw));
        return;
    }
    if (message.kind == EventMessage::ServerError
        && message.error.code == QLatin1String("session_replaced")) {
        onSessionReplaced(parseSessionReplaced(message.raw.value(QLatin1String("error"))
                                                   .toObject()
                                                   .value(QLatin1String("replacedBy"))
                                                   .toObject()));
        return;
    }
    switch (message.kind) {
    case EventMessage::Welcome:
        m_welcomed = true;
        m_refreshTried = false;
        m_serverLastId = message.lastId;
        m_lastQueued = lastProcessedId();
        if (m_serverLastId < m_lastQueued)
            qCWarning(lcPlatform) << "events: the platform's last event id" << m_serverLastId
                                  << "is below the last one processed here" << m_lastQueued
                                  << "(event ids must never be reused)";
        setState(State::Live);
        emit connected(message.lastId);
        if (m_lastQueued >= m_serverLastId) {
            m_failures = 0;
            emit caughtUp(m_lastQueued);
        }
        return;
    case EventMessage::ServerError:
        if (!m_welcomed) {
            onHelloRefused(message.error);
            return;
        }
        // After the welcome an error is about something a client sent (call signalling):
        // for the inbox of the component that sent it.
        dispatchLive(message);
        return;
    case EventMessage::Ping:
        return;
    case EventMessage::Unknown:
        if (m_welcomed)
            dispatchLive(message);
        return;
    case EventMessage::Event:
        break;
    }
    if (!m_welcomed || message.id <= m_lastQueued)
        return; // sent twice, or already processed: never processed again
    m_lastQueued = message.id;
    m_queue.append(message);
    processNext();
}

void EventChannel::onHelloRefused(const PlatformErrorBody &body)
{
    const bool tokenProblem = body.code == QLatin1String("token_expired")
        || body.code == QLatin1String("token_invalid");
    teardownSocket();
    ++m_generation;
    if (!tokenProblem) {
        emit feedError(errorFromResponse(400,
            QJsonDocument(QJsonObject { { QStringLiteral("error"),
                              QJsonObject { { QStringLiteral("code"), body.code },
                                  { QStringLiteral("message"), body.message },
                                  { QStringLiteral("detail"), body.detail } } } })
                .toJson()));
        scheduleReconnect();
        return;
    }
    const auto giveUp = [this](const Core::Error &error) {
        m_running = false;
        setState(State::Stopped);
        emit feedError(error);
    };
    if (m_refreshTried) {
        giveUp(Core::Error { SessionExpired, Tr::tr("The sign-in has expired. Sign in again."),
            QString(QStringLiteral("events: hello refused again after a refresh: ") + body.code) });
        return;
    }
    m_refreshTried = true;
    Core::Alive<EventChannel> self(this);
    const quint64 generation = m_generation;
    m_session.refresh([self, generation, giveUp](Core::Status status) {
        if (!self || generation != self->m_generation || !self->m_running)
            return;
        if (status) {
            self->connectNow();
            return;
        }
        if (isRetryable(status.error())) {
            self->m_refreshTried = false;
            emit self->feedError(status.error());
            self->scheduleReconnect();
            return;
        }
        giveUp(status.error());
    });
}

void EventChannel::onSessionReplaced(const SessionReplacement &by)
{
    const QByteArray token = m_helloToken;
    teardownSocket();
    ++m_generation;
    if (m_session.endByReplacement(by, token)) {
        // The account signed in elsewhere: no hello can succeed until the clerk signs in here.
        m_running = false;
        setState(State::Stopped);
        emit feedError(Core::Error { SessionReplaced,
            Tr::tr("This account signed in at another window, which ended the sign-in here. "
                   "Sign in again."),
            QString(QStringLiteral("events: session replaced by window ") + by.windowId) });
        return;
    }
    // This workstation signed in again since the socket said hello (an unlock): the platform
    // ended the old session, the new one says hello at once.
    m_failures = 0;
    m_refreshTried = false;
    setState(State::WaitingToReconnect);
    m_reconnectTimer.start(0);
}

Core::Status EventChannel::markProcessed(qint64 eventId)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO platform_feed_state (window_id, last_event_id, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT(window_id) DO UPDATE SET last_event_id = excluded.last_event_id,"
        " updated_at = excluded.updated_at WHERE excluded.last_event_id > last_event_id"));
    query.addBindValue(m_session.windowId());
    query.addBindValue(eventId);
    query.addBindValue(clock().now().toMSecsSinceEpoch());
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("feed state"));
    return {};
}

void EventChannel::finishEvent(qint64 eventId)
{
    if (!m_queue.isEmpty())
        m_queue.removeFirst();
    m_processing = false;
    m_failures = 0;
    emit eventProcessed(eventId);
    if (eventId >= m_serverLastId && m_queue.isEmpty())
        emit caughtUp(eventId);
    Core::Alive<EventChannel> self(this);
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [self, generation] {
            if (self && generation == self->m_generation)
                self->processNext();
        },
        Qt::QueuedConnection);
}

void EventChannel::processingFailed(const EventMessage &event, const Core::Error &error)
{
    qCWarning(lcPlatform).noquote()
        << "events: event" << event.id << event.type << "not processed:" << error.detail;
    emit feedError(error);
    // Nothing was marked: the platform sends the event again after the reconnection.
    connectionLost(QStringLiteral("event not processed"));
}

Core::Status EventChannel::sendMessage(const QJsonObject &message)
{
    if (!m_socket || m_state != State::Live)
        return Core::Error { NetworkUnavailable,
            Tr::tr("The connection to the platform is not up at the moment; try again in a "
                   "moment."),
            QString(QStringLiteral("events: not live, not sent: ")
                + message.value(QStringLiteral("type")).toString()) };
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    return {};
}

qint64 EventChannel::lastProcessedId() const
{
    QSqlQuery query(m_db.connection());
    query.prepare(
        QStringLiteral("SELECT last_event_id FROM platform_feed_state WHERE window_id = ?"));
    query.addBindValue(m_session.windowId());
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    return 0;
}

void EventChannel::addInbox(
    std::shared_ptr<EventInbox> inbox, const QStringList &storedTypes, const QStringList &liveTypes)
{
    for (const QString &type : storedTypes)
        m_stored.insert(type, inbox);
    for (const QString &type : liveTypes)
        m_live.insert(type, inbox);
}

const Core::Clock &EventChannel::clock() const
{
    static const Core::SystemClock system;
    return m_clock ? *m_clock : static_cast<const Core::Clock &>(system);
}

QString EventChannel::windowId() const
{
    return m_session.windowId();
}

void EventChannel::dispatchLive(const EventMessage &message)
{
    if (const std::shared_ptr<EventInbox> inbox = m_live.value(message.type))
        inbox->processLive(message.raw);
    emit eventReceived(message.type, message.raw);
}

void EventChannel::processNext()
{
    if (m_processing || m_queue.isEmpty())
        return;
    m_processing = true;
    const EventMessage event = m_queue.first();
    const std::shared_ptr<EventInbox> inbox = m_stored.value(event.type);
    if (!inbox) {
        completed(event, {}); // nobody takes it: processed as it arrives
        return;
    }
    EventCompletion done;
    done.m_channel = this;
    done.m_generation = m_generation;
    done.m_event = event;
    inbox->processStored(event, done);
}

void EventChannel::completed(const EventMessage &event, const Core::Status &status)
{
    if (!status) {
        processingFailed(event, status.error());
        return;
    }
    emit eventReceived(event.type, event.data);
    if (const Core::Status s = markProcessed(event.id); !s) {
        processingFailed(event, s.error());
        return;
    }
    finishEvent(event.id);
}

} // namespace Tongban::Platform
