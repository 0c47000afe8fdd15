#pragma once

#include "ApiClient.h"
#include "RetryQueue.h"

#include <core/Clock.h>
#include <core/Result.h>
#include <storage/Database.h>

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace Tongban::Platform {

/// A waybill for the paper originals of a case (§8).
struct MailingRecord
{
    QString clientMailingId; ///< UUID made once on this workstation
    QString caseId; ///< the platform's case id (the case must have been created there)
    QString carrier; ///< "EMS"
    QString waybill;
    QDateTime sentAt;
    QStringList materials; ///< material ids sent
};

/// A guide error report (纠错, §9).
struct GuideReport
{
    QString clientReportId; ///< UUID made once on this workstation
    QString itemCode;
    QString materialId; ///< optional
    QString caseId; ///< optional: the platform's case id
    QString kind; ///< guide_wrong, extra_material_demanded, review_point_mismatch, catalog_invalid
    QString text;
};

/*!
 * A persistent queue of small creating requests that must reach the platform
 * exactly once: mailings (POST /cases/{caseId}/mailings, §8) and guide error
 * reports (POST /guide-reports, §9).
 *
 * A request is stored (table platform_requests) with its complete body,
 * including its client id, before anything is sent; every attempt sends the
 * same bytes, so a repeat after a lost answer is recognised by the platform
 * (200 instead of 201) and nothing is created twice. A request stays queued
 * until an answer with the server's id (mailingId / reportId) arrives.
 *
 * Retries follow the contract (§12) and the Outbox, through the same RetryQueue:
 * network failures, 5xx, 408, 429, an unreadable answer and an expired session are
 * retried with exponential backoff and jitter capped at 5 minutes;
 * any other 4xx (422 validation_failed, 409 idempotency_conflict, 404) puts
 * the request in state "failed" with its error, never retried by itself.
 *
 * States: pending, done, failed. One request at a time, oldest first. Same
 * thread as the database and the transport; neither is owned.
 */
class RequestQueue : public QObject
{
    Q_OBJECT
public:
    /// The request recording \a mailing; InvalidArgument when a required field is missing.
    static Core::Result<ApiRequest> mailingRequest(const MailingRecord &mailing);
    /// The request sending \a report; InvalidArgument when a required field is missing.
    static Core::Result<ApiRequest> guideReportRequest(const GuideReport &report);

    /*!
     * The applicant's rating (好差评, §15) of this window's case \a clientCaseId; the request
     * names the local case and is sent to the platform's case once the outbox knows its id.
     * InvalidArgument for a score outside 1..5 or a comment above 500 characters.
     */
    static Core::Result<ApiRequest> ratingRequest(
        const QString &clientCaseId, int score, const QString &comment);

    RequestQueue(Storage::Database &db, Transport &transport, const Core::Clock &clock,
        QObject *parent = nullptr);
    ~RequestQueue() override;

    void setJitterSeed(quint32 seed) { m_retry.setJitterSeed(seed); }

    /*!
     * Stores the request (one row). The same client id with the same body
     * again is a no-op; with another body it is refused (InvalidArgument).
     */
    Core::Status enqueueMailing(const MailingRecord &mailing);
    Core::Status enqueueGuideReport(const GuideReport &report);
    /// A one-time notice issued at this window (issue 17): \a request from
    /// AfterWindowClient::registrationRequest(), kept under the notice's \a serial.
    Core::Status enqueueNotice(const QString &serial, const ApiRequest &request);
    /*!
     * The applicant rated case \a clientCaseId at the window (issue 17): kept under
     * "rating:<clientCaseId>" (one rating per case here) and sent as POST
     * /cases/{platform case id}/rating when the outbox has the platform's case id (until
     * then it waits and is tried again, like a network failure). A 差评 (1 or 2) opens a
     * rectification on the platform.
     */
    Core::Status enqueueRating(const QString &clientCaseId, int score, const QString &comment);

    void start();
    void stop();
    /// Like start(), with every pending request due now.
    void flush();
    bool isRunning() const { return m_running; }

    /// {"counts": {state: n}, "requests": [{clientId, kind, state, serverId, attempts,
    /// nextAttemptAt, lastError}]}
    QJsonObject status() const;
    /// The server's id once done (mailingId / reportId), empty otherwise.
    QString serverId(const QString &clientId) const;
    QString state(const QString &clientId) const;

signals:
    void requestDone(const QString &clientId, const QString &kind, const QString &serverId);
    /// \a nextAttemptAt is invalid when the request will not be retried.
    void requestError(
        const QString &clientId, const Tongban::Core::Error &error, const QDateTime &nextAttemptAt);
    /// Nothing is due any more.
    void idle();

private:
    Core::Status enqueue(const QString &clientId, const QString &kind, const ApiRequest &request);
    void run();
    void answered(const QString &clientId, const QString &kind, Core::Result<ApiResponse> response);
    void attemptFailed(const QString &clientId, const Core::Error &error);
    Core::Status exec(const QString &sql, const QVariantList &values);

    Storage::Database &m_db;
    Transport &m_transport;
    const Core::Clock &m_clock;
    RetryQueue m_retry; ///< attempts, backoff, due rows of platform_requests (as the Outbox's)
    bool m_running = false;
    bool m_busy = false;
    quint64 m_generation = 0;
};

} // namespace Tongban::Platform
