#pragma once

#include "ApiClient.h"
#include "RetryQueue.h"

#include <core/Clock.h>
#include <core/Result.h>
#include <storage/Database.h>
#include <storage/Migration.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <array>
#include <functional>

class QSettings;

namespace Tongban::Platform {

class TusUploader;

/// The bytes of a page, by the SHA-256 (lowercase hex) of its content
/// (in the workstation: Storage::PageStore::readContent).
using PageContentSource = std::function<Core::Result<QByteArray>(const QString &sha256)>;

/*!
 * The persistent outbox of transmitted cases (docs/platform-api.md §5, §6).
 *
 * A case is enqueued once (its POST /cases body and its pages, in one
 * transaction) and stays in the outbox, in SQLite, until a submit answer
 * carries its official case number. For each due case the driver:
 *
 * 1. POST /cases with the stored body (idempotent by clientCaseId: a repeat
 *    after a lost answer returns the same caseId);
 * 2. uploads every page not yet confirmed with tus, resuming from the stored
 *    upload URL (HEAD gives the server's offset; never from zero after a
 *    restart); a page is marked uploaded only once the server confirmed the
 *    full length after its whole-file hash check;
 * 3. POST /cases/{id}/submit, and keeps the caseNumber.
 *
 * Retryable failures (network, 5xx, 408, 429, session not available) leave
 * the case where it was and schedule the next attempt with exponential
 * backoff and jitter, capped at 5 minutes. The first answer from the platform
 * after a network failure makes every case still waiting out its backoff due at
 * once (their attempt counts stay), so after an outage the queue empties soon
 * after the first retry gets through, not one backoff at a time. Other 4xx
 * answers put the case in state "failed" (kept, with its last error) and are
 * never retried by themselves.
 *
 * Case states: pending (not created), uploading, submitting, acknowledged,
 * failed. Page states: pending, uploaded.
 *
 * One case at a time, and up to kParallelUploads of its pages in flight, each on its own
 * connection, the way desktop sync clients upload: one page's bookkeeping (reading and
 * checking it, the commit that marks it uploaded, the confirming HEAD) overlaps the next
 * page's transfer. The bandwidth cap is one token bucket for all of them. Each page is its
 * own tus upload, so an interruption re-sends at most the chunk each page had in flight.
 *
 * Durability: enqueueing and every change of a case's state are committed with a full
 * sync. A page's progress and its "uploaded" mark are not (Database::transactionWithoutSync):
 * they survive a killed process, and after a power cut that loses them the platform still
 * holds the page, which its creation finds again (§6) at the cost of at most one chunk.
 * Measured: one fsync per page was about a quarter of the upload time on loopback
 * (bench_platform).
 *
 * Same thread as the database and the transport; neither is owned.
 */
class Outbox : public QObject
{
    Q_OBJECT
public:
    /// Tables of module "platform": outbox_cases, outbox_pages.
    static Storage::MigrationSet schema();

    /// Pages of one case uploaded at the same time.
    static constexpr int kParallelUploads = 2;
    /// Longest wait between attempts (the RetryQueue's).
    static constexpr qint64 kMaxBackoffMs = RetryQueue::kMaxBackoffMs;
    /// Wait before attempt number \a attempts + 1: RetryQueue::backoffMs().
    static qint64 backoffMs(int attempts, double unit);

    Outbox(Storage::Database &db, Transport &transport, const Core::Clock &clock,
        PageContentSource content, QObject *parent = nullptr);
    ~Outbox() override;

    /// Seed of the jitter (tests); by default a random one.
    void setJitterSeed(quint32 seed) { m_retry.setJitterSeed(seed); }
    void setChunkSizeBytes(qint64 bytes);
    /// Upload cap in bytes per second, 0 = no cap (a token bucket in TusUploader, across pages).
    void setBandwidthLimit(qint64 bytesPerSecond);
    /// The cap in force, bytes per second; 0 = none.
    qint64 bandwidthLimit() const;
    /*!
     * The optional upload cap of the workstation's settings, in bytes per second:
     * key "platform/uploadLimitKbps" (kilobits per second, 1 kbit = 1000 bits; absent,
     * 0 or not a number: no cap), e.g. 20000 for 20 Mbit/s on a hall's shared line.
     */
    static qint64 bandwidthLimitFromSettings(const QSettings &settings);
    /// tus creation URL; by default the transport's <base>/api/v1/uploads.
    void setUploadEndpoint(const QUrl &url) { m_uploadEndpoint = url; }

    /*!
     * Adds a case: \a caseBody is the POST /cases body (§5); it must carry a
     * clientCaseId, and its pages (materials[].pages[] with clientPageId,
     * sha256, sizeBytes, mediaType) are the files to upload. One transaction.
     * Enqueuing the same body again is a no-op; the same clientCaseId with
     * another body is refused (InvalidArgument).
     */
    Core::Status enqueue(const QJsonObject &caseBody);
    /*!
     * Like enqueue(), but for a caller's own transaction (IntakeStore::transmit):
     * writes the rows and nothing else. Call announce() once the caller committed.
     */
    Core::Status enqueueWithin(const QJsonObject &caseBody);
    /// After enqueueWithin() committed: tells the screens and starts the upload.
    void announce(const QString &clientCaseId);

    /*!
     * Runs inside the transaction that records a case as acknowledged, with the
     * official number: the workstation writes it to the case there, so that the
     * number is on the case whoever flushed the outbox. A failing hook leaves
     * the case unacknowledged (tried again).
     */
    using AcknowledgedHook
        = std::function<Core::Status(const QString &clientCaseId, const QString &caseNumber)>;
    void setAcknowledgedHook(AcknowledgedHook hook) { m_acknowledgedHook = std::move(hook); }
    /// clientCaseId -> official number of every acknowledged case (start-up reconciliation).
    static Core::Result<QHash<QString, QString>> acknowledgedNumbers(Storage::Database &db);

    /// Works through the cases that are due now, then waits for the next one.
    void start();
    /// Stops after the request in flight; nothing more is sent until start().
    void stop();
    /// Like start(), but every case still to transmit is due now (backoff ignored).
    void flush();
    /*!
     * The clerk asks again for a case in state "failed" (after fixing what its last
     * error named): it goes back to the step it failed in (created on the platform or
     * not), attempts reset, due now. Ids are kept, so nothing is created twice.
     * InvalidArgument when the case is not failed.
     */
    Core::Status retry(const QString &clientCaseId);
    bool isRunning() const { return m_running; }
    bool isBusy() const { return !m_currentCase.isEmpty(); }

    /*!
     * JSON-able summary: {"counts": {state: n}, "cases": [{clientCaseId,
     * state, caseId, caseNumber, attempts, nextAttemptAt, lastError,
     * pagesTotal, pagesUploaded}]}.
     */
    QJsonObject status() const;
    /// The same for any database holding the outbox tables (tongban-cli outbox status).
    static Core::Result<QJsonObject> status(Storage::Database &db);

signals:
    void caseStateChanged(const QString &clientCaseId, const QString &state);
    /// The server confirmed \a offset of \a total bytes of a page.
    void pageProgress(
        const QString &clientCaseId, const QString &clientPageId, qint64 offset, qint64 total);
    void pageUploaded(const QString &clientCaseId, const QString &clientPageId);
    void caseAcknowledged(const QString &clientCaseId, const QString &caseNumber);
    /// An attempt failed; \a nextAttemptAt is invalid when the case will not be retried.
    void caseError(const QString &clientCaseId, const Tongban::Core::Error &error,
        const QDateTime &nextAttemptAt);
    /// Nothing is due any more (every case acknowledged, failed or waiting for its backoff).
    void idle();

private:
    AcknowledgedHook m_acknowledgedHook;
    struct CaseRow
    {
        QString clientCaseId;
        QByteArray body;
        QString state;
        QString serverCaseId;
        int attempts = 0;
    };
    struct PageRow
    {
        QString clientPageId;
        QString sha256;
        qint64 sizeBytes = 0;
        QString mediaType;
        QUrl uploadUrl;
    };

    void run();
    Core::Result<CaseRow> nextDueCase() const;
    void step(const CaseRow &row);
    void createCase(const CaseRow &row);
    /// Starts the next pages of m_uploadingCase in free slots; with none left, submitting.
    void uploadPages();
    /// Reads and checks \a page, then uploads it in \a slot; false when the case failed.
    bool startPage(int slot, const PageRow &page);
    void abortUploads();
    int uploadsInFlight() const;
    void submitCase(const CaseRow &row);
    void attemptFailed(
        const QString &clientCaseId, const Core::Error &error, bool forceRetry = false);
    void stepDone();
    /// The platform answered: cases waiting out a backoff after a network failure go now.
    void platformReachable();
    Core::Status setCaseState(const QString &clientCaseId, const QString &state);
    Core::Status exec(const QString &sql, const QVariantList &values);
    void onUploadUrlChanged(int slot, const QUrl &url);
    void onUploadProgress(int slot, qint64 offset, qint64 total);
    void onUploadFinished(int slot);
    void onUploadFailed(int slot, const Core::Error &error);
    void send(const ApiRequest &request, std::function<void(Core::Result<ApiResponse>)> done);

    Storage::Database &m_db;
    Transport &m_transport;
    const Core::Clock &m_clock;
    PageContentSource m_content;
    QUrl m_uploadEndpoint;
    /// One page upload in flight (pageId empty: the slot is free).
    struct UploadSlot
    {
        TusUploader *uploader = nullptr;
        QString pageId;
        QElapsedTimer progressSaved; ///< since confirmed_offset was last written
    };
    std::array<UploadSlot, kParallelUploads> m_uploads;
    CaseRow m_uploadingCase; ///< the case whose pages the slots upload
    RetryQueue m_retry; ///< attempts, backoff, due rows of outbox_cases (shared with RequestQueue)
    bool m_running = false;
    bool m_unreachable = false; ///< the last failure was: platform not reachable
    quint64 m_generation = 0;
    QString m_currentCase; ///< clientCaseId of the step in flight
};

} // namespace Tongban::Platform
