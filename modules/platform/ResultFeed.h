#pragma once

#include "ApiParsing.h"
#include "EventChannel.h"
#include "ResultStore.h"

#include <core/Clock.h>
#include <core/Result.h>
#include <storage/Database.h>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

namespace Tongban::Platform {

class CatalogSync;
class ResultInbox;
class Session;
class SyncInbox;
class Transport;

/*!
 * The platform's results (§7) as they arrive on the events channel (§10): an EventChannel
 * with the results' inbox, and the catalogue sync started by catalog.updated /
 * calendar.updated. Other consumers (calls, requests for correction) register their own
 * inboxes on channel(); the connection, its backoff, sessions and the order of events are the
 * channel's (EventChannel).
 *
 * - result.issued (the results' inbox): the result is fetched (GET /results?since=), then its
 *   PDF (GET /results/{id}/document), whose SHA-256 must equal documentSha256. The result row
 *   with the PDF bytes and the new last processed id are written in ONE transaction, then
 *   resultStored() is emitted. A kill at any moment therefore leaves the event either
 *   unprocessed (fetched again after a restart) or processed with its result stored: never
 *   missed, never doubled. Corrupt data, a result not listed, a PDF hash mismatch or a
 *   network failure leave it unmarked: feedError(), reconnection, sent again.
 * - catalog.updated / calendar.updated also start the CatalogSync given to setCatalogSync().
 * - every event and message is re-emitted as eventReceived() (the channel's).
 *
 * Same thread as the Database and the Session; neither is owned.
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
    void setCatalogSync(CatalogSync *sync);
    /// HTTP requests (results, documents) go through \a transport instead of the session
    /// (a recording or proxying transport in tests). Not owned; null restores the session.
    void setHttpTransport(Transport *transport) { m_http = transport; }
    /// How often the feed pings; two unanswered pings drop the connection. Default 30 s.
    void setPingIntervalMs(int intervalMs);
    void setJitterSeed(quint32 seed) { m_channel.setJitterSeed(seed); }
    /// The clock of stored_at / printed_at (not owned); by default the system clock.
    void setClock(const Core::Clock *clock);

    void start();
    /// Closes the connection; work in flight is abandoned (and done again after start()).
    void stop();
    State state() const { return State(m_channel.state()); }

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

    /// The events channel under the feed: other inboxes register here (calls, corrections).
    EventChannel &channel() { return m_channel; }

signals:
    void stateChanged(Tongban::Platform::ResultFeed::State state);
    /// welcome received; \a serverLastId is the platform's newest event id for this window.
    void connected(qint64 serverLastId);
    /// Every event up to the welcome's lastId has been processed.
    void caughtUp(qint64 lastId);
    void resultStored(const QString &resultId, const QString &caseId, const QString &caseNumber,
        const QString &decision);
    /*!
     * Every event once processed (\a data: its data) and every message without an id (call
     * relays, live presence, errors about a call: \a data is the whole message), as the
     * channel's eventReceived(). For observers: consumers register an inbox on channel().
     */
    void eventReceived(const QString &type, const QJsonObject &data);
    void eventProcessed(qint64 eventId);
    /// Something went wrong; the feed retries by itself unless state() became Stopped.
    void feedError(const Tongban::Core::Error &error);

private:
    friend class ResultInbox;
    Transport &http();
    ResultStore store() const;

    Storage::Database &m_db;
    Session &m_session;
    Transport *m_http = nullptr;
    const Core::Clock *m_clock = nullptr;
    EventChannel m_channel;
    std::shared_ptr<ResultInbox> m_results;
    std::shared_ptr<SyncInbox> m_sync;
};

} // namespace Tongban::Platform
