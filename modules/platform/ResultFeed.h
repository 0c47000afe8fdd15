#pragma once

#include "ApiParsing.h"
#include "ResultStore.h"

#include <core/Clock.h>
#include <core/Result.h>
#include <storage/Database.h>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

class QWebSocket;

namespace Tongban::Platform {

class CatalogSync;
class Session;
class Transport;

/*!
 * The events WebSocket of the platform (docs/platform-api.md §10) and the
 * results it announces (§7).
 *
 * start() connects to <base>/api/v1/events, says hello with the session's
 * access token and the last event id processed for the session's window
 * (kept in SQLite, table platform_feed_state), then handles the catch-up and
 * the live events strictly in id order, one at a time:
 *
 * - result.issued: the result is fetched (GET /results?since=), then its PDF
 *   (GET /results/{id}/document), whose SHA-256 must equal documentSha256.
 *   The result row with the PDF bytes and the new last processed id are
 *   written in ONE transaction, then resultStored() is emitted. A kill at any
 *   moment therefore leaves the event either unprocessed (fetched again after
 *   a restart) or processed with its result stored: never missed, never
 *   doubled.
 * - every other event (catalog.updated, calendar.updated, mailing.received,
 *   presence.changed, call.*) is re-emitted as eventReceived() and marked
 *   processed; catalog.updated / calendar.updated also start the CatalogSync
 *   given to setCatalogSync().
 *
 * An event that cannot be processed (corrupt data, result not listed, PDF
 * hash mismatch, network failure while fetching) is NOT marked processed:
 * feedError() is emitted, the connection is closed and re-opened with
 * backoff, and the platform sends the event again from the last processed id.
 *
 * The connection is re-opened with exponential backoff and jitter (1 s
 * doubled per failure, capped at kMaxBackoffMs) when it drops, cannot be
 * opened, or misses two pings (the feed pings every pingIntervalMs and
 * expects any answer). A hello refused with token_expired / token_invalid
 * makes the Session refresh its tokens once, then the feed reconnects at once;
 * a second refusal (or a failed refresh) stops the feed with SessionExpired.
 * session.replaced (the account signed in at another window, §10), or a hello
 * refused with session_replaced, for the tokens the Session still holds stops
 * the feed with SessionReplaced and ends the Session (Session::replaced());
 * for tokens the Session has since replaced itself (an unlock signs in again)
 * the feed says hello again at once with the new ones.
 *
 * Same thread as the Database and the Session; neither is owned. The TLS
 * settings are the ApiClient's (peer always verified).
 */
class ResultFeed : public QObject
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
    /*!
     * Wait before attempt \a attempts + 1 (\a attempts >= 1 failures so far):
     * 1 s doubled per failure, capped at kMaxBackoffMs, half fixed and half
     * scaled by \a unit (0 <= unit < 1).
     */
    static qint64 backoffMs(int attempts, double unit);

    ResultFeed(Storage::Database &db, Session &session, QObject *parent = nullptr);
    ~ResultFeed() override;

    /// catalog.updated / calendar.updated start this sync (not owned; may be null).
    void setCatalogSync(CatalogSync *sync) { m_catalogSync = sync; }
    /// HTTP requests (results, documents) go through \a transport instead of the session
    /// (a recording or proxying transport in tests). Not owned; null restores the session.
    void setHttpTransport(Transport *transport) { m_http = transport; }
    /// How often the feed pings; two unanswered pings drop the connection. Default 30 s.
    void setPingIntervalMs(int intervalMs);
    void setJitterSeed(quint32 seed) { m_random.seed(seed); }
    /// The clock of stored_at / printed_at (not owned); by default the system clock.
    void setClock(const Core::Clock *clock) { m_clock = clock; }

    void start();
    /// Closes the connection; work in flight is abandoned (and done again after start()).
    void stop();
    State state() const { return m_state; }

    /*!
     * Sends \a message (e.g. call signalling, §11) on the events socket. Only while Live;
     * otherwise NetworkUnavailable and nothing is sent (nothing is queued either: call
     * signalling is only meaningful now).
     */
    Core::Status sendMessage(const QJsonObject &message);

    /// The last event id processed for the session's window (0 when none).
    qint64 lastProcessedId() const;

    /// ResultStore's, on the feed's database and clock (see ResultStore).
    QList<StoredResult> awaitingPrint() const;
    /// Every stored result, oldest first (without the PDF bytes).
    QList<StoredResult> results() const;
    /// The stored PDF of \a resultId; NotFound when there is none.
    Core::Result<QByteArray> document(const QString &resultId) const;
    /// Records that the notice was printed for the applicant; NotFound for an unknown id.
    Core::Status markPrinted(const QString &resultId);

signals:
    void stateChanged(Tongban::Platform::ResultFeed::State state);
    /// welcome received; \a serverLastId is the platform's newest event id for this window.
    void connected(qint64 serverLastId);
    /// Every event up to the welcome's lastId has been processed.
    void caughtUp(qint64 lastId);
    void resultStored(const QString &resultId, const QString &caseId, const QString &caseNumber,
        const QString &decision);
    /*!
     * Any event other than result.issued, and messages without an id (call relays, live
     * presence, errors about a call): \a data is the event's data, or the whole message
     * for messages without an id.
     */
    void eventReceived(const QString &type, const QJsonObject &data);
    void eventProcessed(qint64 eventId);
    /// Something went wrong; the feed retries by itself unless state() became Stopped.
    void feedError(const Tongban::Core::Error &error);

private:
    void setState(State state);
    void connectNow();
    void teardownSocket();
    void connectionLost(const QString &reason);
    void scheduleReconnect();
    void onConnected();
    void onMessage(const QString &message);
    void onHelloRefused(const PlatformErrorBody &error);
    /// session.replaced, or a hello refused with session_replaced (§10).
    void onSessionReplaced(const SessionReplacement &by);
    void onPingTimer();
    void processNext();
    enum class Listing { Unknown = 0, SinceLastStored, All };
    void processResult(const EventMessage &event, quint64 generation, Listing listing);
    void fetchDocument(const EventMessage &event, const ResultInfo &info, quint64 generation);
    void storeResult(const EventMessage &event, const ResultInfo &info, const QByteArray &pdf);
    void processingFailed(const EventMessage &event, const Core::Error &error);
    Core::Status markProcessed(qint64 eventId);
    void finishEvent(qint64 eventId);
    QString lastStoredResultId() const;
    Transport &http();
    qint64 nowMs() const;
    ResultStore store() const;

    Storage::Database &m_db;
    Session &m_session;
    QPointer<CatalogSync> m_catalogSync;
    Transport *m_http = nullptr;
    const Core::Clock *m_clock = nullptr;
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
