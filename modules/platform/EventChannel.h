#pragma once

#include "ApiParsing.h"

#include <core/Clock.h>
#include <core/Result.h>
#include <storage/Database.h>

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

class QWebSocket;

namespace Tongban::Platform {

class EventChannel;
class Session;

/*!
 * How an inbox answers for one stored event it was handed (EventInbox::processStored):
 * call it once with the outcome, now or later, on the channel's thread. Success marks the
 * event processed (unless the inbox did it itself, in its own transaction, with
 * markProcessed()); an error leaves it unmarked: the channel reconnects and the platform
 * sends it again. Copies share the one answer.
 */
class EventCompletion
{
public:
    /// The channel is gone, stopped or reconnected since: the answer is not wanted any more.
    bool cancelled() const;
    /// Marks the event processed: for an inbox that keeps what the event brought and the mark
    /// in ONE transaction (nothing missed, nothing doubled after a kill).
    Core::Status markProcessed() const;
    void operator()(const Core::Status &status) const;

private:
    friend class EventChannel;
    QPointer<EventChannel> m_channel;
    quint64 m_generation = 0;
    EventMessage m_event;
    std::shared_ptr<bool> m_answered = std::make_shared<bool>(false);
};

/*!
 * A consumer of the events channel (issue 17): results, calls, requests for correction...
 * It is registered with the exact event types it takes (EventChannel::addInbox); the
 * channel hands it those and nothing else. Same thread as the channel.
 */
class EventInbox
{
public:
    virtual ~EventInbox() = default;
    /// A stored event (with an id) of a type this inbox registered; answer through \a done.
    virtual void processStored(const EventMessage &event, EventCompletion done)
    {
        Q_UNUSED(event)
        done({});
    }
    /// A live message (no id: call signalling, presence, errors) of a registered type: whole.
    virtual void processLive(const QJsonObject &message) { Q_UNUSED(message) }
    /// The channel became Live (\a live) or stopped being Live (dropped, stopped).
    virtual void channelLive(bool live) { Q_UNUSED(live) }
};

/*!
 * The events WebSocket of the platform (docs/platform-api.md §10): the one channel that
 * carries every event to the workstation, with typed dispatch to the inboxes that consume
 * them (issue 17). ResultFeed is this channel with the results' inbox.
 *
 * start() connects to <base>/api/v1/events, says hello with the session's access token and
 * the last event id processed for the session's window (SQLite, platform_feed_state), then
 * hands the catch-up and the live stored events strictly in id order, one at a time, to the
 * inbox registered for their type; an event of a type no inbox takes is processed as it
 * arrives. An event counts as processed (its id written) only after its inbox said so; one
 * that failed is not marked: feedError(), the connection is closed and re-opened with backoff,
 * and the platform sends it again from the last processed id. Messages without an id (call
 * signalling, live presence, errors about a call) go to the inbox registered for their type.
 * Every event and message is also emitted as eventReceived() once handled (observers).
 *
 * The connection is re-opened with exponential backoff and jitter (1 s doubled per failure,
 * capped at kMaxBackoffMs) when it drops, cannot be opened, or misses two pings. A hello
 * refused with token_expired / token_invalid makes the Session refresh once; a second refusal
 * stops the channel with SessionExpired. session.replaced for the tokens the Session still
 * holds stops it with SessionReplaced and ends the Session; for tokens it has since replaced
 * itself (an unlock) the channel says hello again at once.
 *
 * Same thread as the Database and the Session; neither is owned. TLS settings are the
 * ApiClient's (peer always verified).
 */
class EventChannel : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Stopped = 0, ///< not started, stopped, or stopped for want of a valid session
        Connecting, ///< opening the socket or waiting for welcome
        Live, ///< welcomed: catch-up and live events flow
        WaitingToReconnect, ///< backoff before the next attempt
    };
    Q_ENUM(State)

    /// Longest wait between two connection attempts.
    static constexpr qint64 kMaxBackoffMs = 60 * 1000;
    /// Wait before attempt \a attempts + 1: 1 s doubled per failure, capped, half jittered.
    static qint64 backoffMs(int attempts, double unit);

    EventChannel(Storage::Database &db, Session &session, QObject *parent = nullptr);
    ~EventChannel() override;

    /*!
     * Hands the stored events of \a storedTypes and the live messages of \a liveTypes (exact
     * type names) to \a inbox. A type has one inbox: a later registration takes it over.
     */
    void addInbox(std::shared_ptr<EventInbox> inbox, const QStringList &storedTypes,
        const QStringList &liveTypes = {});

    /// How often the channel pings; two unanswered pings drop the connection. Default 30 s.
    void setPingIntervalMs(int intervalMs);
    void setJitterSeed(quint32 seed) { m_random.seed(seed); }
    /// The clock of updated_at (not owned); by default the system clock.
    void setClock(const Core::Clock *clock) { m_clock = clock; }
    const Core::Clock &clock() const;

    void start();
    /// Closes the connection; work in flight is abandoned (and done again after start()).
    void stop();
    State state() const { return m_state; }

    /// Sends \a message (call signalling, §11) while Live; otherwise NetworkUnavailable.
    Core::Status sendMessage(const QJsonObject &message);

    /// The last event id processed for the session's window (0 when none).
    qint64 lastProcessedId() const;
    /// The session's window (whose events these are).
    QString windowId() const;

signals:
    void stateChanged(Tongban::Platform::EventChannel::State state);
    /// welcome received; \a serverLastId is the platform's newest event id for this window.
    void connected(qint64 serverLastId);
    /// Every event up to the welcome's lastId has been processed.
    void caughtUp(qint64 lastId);
    /// An event once its inbox processed it (\a data: its data), or a message without an id
    /// once handed on (\a data: the whole message). For observers; inboxes get theirs directly.
    void eventReceived(const QString &type, const QJsonObject &data);
    void eventProcessed(qint64 eventId);
    /// Something went wrong; the channel retries by itself unless state() became Stopped.
    void feedError(const Tongban::Core::Error &error);

private:
    friend class EventCompletion;
    void setState(State state);
    void connectNow();
    void teardownSocket();
    void connectionLost(const QString &reason);
    void scheduleReconnect();
    void onConnected();
    void onMessage(const QString &message);
    void onHelloRefused(const PlatformErrorBody &error);
    void onSessionReplaced(const SessionReplacement &by);
    void onPingTimer();
    void dispatchLive(const EventMessage &message);
    void processNext();
    void completed(const EventMessage &event, const Core::Status &status);
    void processingFailed(const EventMessage &event, const Core::Error &error);
    Core::Status markProcessed(qint64 eventId);
    void finishEvent(qint64 eventId);

    Storage::Database &m_db;
    Session &m_session;
    const Core::Clock *m_clock = nullptr;
    QHash<QString, std::shared_ptr<EventInbox>> m_stored;
    QHash<QString, std::shared_ptr<EventInbox>> m_live;
    QWebSocket *m_socket = nullptr;
    QByteArray m_helloToken; ///< the access token the current socket said hello with
    QTimer m_reconnectTimer;
    QTimer m_pingTimer;
    QRandomGenerator m_random;
    State m_state = State::Stopped;
    bool m_running = false;
    bool m_welcomed = false;
    bool m_refreshTried = false;
    bool m_processing = false;
    int m_failures = 0;
    int m_unansweredPings = 0;
    quint64 m_generation = 0;
    qint64 m_serverLastId = 0;
    qint64 m_lastQueued = 0;
    QList<EventMessage> m_queue;
};

} // namespace Tongban::Platform
