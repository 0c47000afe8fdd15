#pragma once

#include <core/Result.h>
#include <intake/CaseDraft.h>
#include <notices/NoticeStore.h>
#include <platform/AfterWindowClient.h>
#include <storage/Migration.h>

#include <QDate>
#include <QDateTime>
#include <QJsonObject>

#include <functional>
#include <optional>

namespace Tongban::Platform {
class RequestQueue;
class ResultFeed;
class Transport;
} // namespace Tongban::Platform

namespace Tongban::App {

class Workstation;

enum CorrectionInboxError {
    CorrectionEventInvalid = Core::ErrorRange::App + 170, ///< the event lacks what it needs
    CorrectionUnknown, ///< no such request, or its local case is not on this workstation
    CorrectionWrongState, ///< already noticed / answered, or nothing to send yet
};

/// A request for correction of one of this window's transmitted cases (§14.2), as received.
struct CorrectionRequest
{
    QString requestId;
    QString caseId; ///< the platform's case
    QString clientCaseId; ///< this workstation's case (empty when it is not here)
    QString caseNumber;
    QString itemCode;
    QString catalogVersion;
    QList<Platform::NoticeDeficiency> deficiencies;
    QStringList ways;
    QDate due;
    QString state; ///< open, noticed (notice issued, case waiting), answered (pages sent)
    QString noticeSerial;
    QDateTime receivedAt;
    /// Corrected at this window for another hall's case (§14.4): the grant this window got
    /// with the notice it found; empty for a request of this window's own case.
    QString grant;

    /// The listed materials, each once, in order.
    QStringList materialIds() const;
};

/*!
 * The application window's inbox of requests for correction (issue 17, 000 第二十条):
 *
 * - receive() keeps each event `case.correctionRequested` once (by requestId) in the
 *   workstation's SQLite (module `window_corrections`), with the local case it concerns
 *   (from the outbox's server case id), before the feed marks the event processed;
 * - open() is what Today lists: "the home department asks for correction", with the due date;
 * - issueNotice() issues the one-time notice through NoticeStore (same serials, PDF and
 *   audit as a notice of this window) listing the requested deficiencies in the catalogue's
 *   words, puts the local case waiting with exactly the listed materials open
 *   (IntakeStore::awaitRequestedCorrection) and queues the notice's registration for the
 *   platform (any hall finds it, §14.3), in one transaction;
 * - reopen() opens the correction visit (IntakeStore::reopenForCorrection): only the listed
 *   materials can change;
 * - sendPages() sends the pages captured then for the listed materials to the same platform
 *   case (POST correction-pages, tus, POST correction-pages/submit), never as a new case,
 *   and marks the request answered and the local case complete again.
 *
 * Same thread as the Workstation's database.
 */
class CorrectionInbox
{
public:
    static Storage::MigrationSet schema();
    static Core::Result<CorrectionRequest> parse(const QJsonObject &event);

    explicit CorrectionInbox(Workstation &station)
        : m_station(station)
    { }

    /// Stores \a event (data of case.correctionRequested); a repeat is a no-op.
    Core::Status receive(const QJsonObject &event);
    /// Requests of this window's cases not yet answered, soonest due first (not another
    /// hall's notices adopted here).
    QList<CorrectionRequest> open() const;
    std::optional<CorrectionRequest> request(const QString &requestId) const;
    /// The request whose notice was issued for local case \a clientCaseId and whose pages
    /// are not sent yet: its corrected pages go through sendPages(), not the outbox.
    std::optional<CorrectionRequest> noticedForCase(const QString &clientCaseId) const;

    /*!
     * Issues the one-time notice for \a requestId as \a clerk (QR code under \a lookupBaseUrl).
     * With \a requests, the notice is also queued for the platform (POST /notices, kind
     * notice, in the notice's transaction, with the platform's case) so that the applicant can
     * correct at any hall, as for a notice of this window; without an applicant's number it
     * still prints and only this window finds it.
     */
    Core::Result<Notices::IssuedNotice> issueNotice(const QString &requestId, const QString &clerk,
        const QString &lookupBaseUrl = {}, Platform::RequestQueue *requests = nullptr);
    /// The applicant is back: the correction visit of the local case, listed materials open.
    Core::Result<Intake::CaseDraft> reopen(const QString &requestId);
    /*!
     * The applicant brings another hall's notice that answers a home department's request
     * for correction (\a notice with its caseId and correctionGrant, §14.4), opened here as
     * local visit \a clientCaseId (openNoticeFromAnotherHall): kept as a request "noticed"
     * under "notice:<serial>", so that the visit's pages go to the same platform case through
     * sendPages() with the grant, never as a new case. A notice without a grant is a no-op.
     */
    Core::Status adoptNotice(const Platform::PlatformNotice &notice, const QString &clientCaseId);
    /// Sends the pages of the listed materials not sent before; \a done once, on this thread.
    void sendPages(const QString &requestId, Platform::Transport &transport,
        std::function<void(Core::Status)> done);

    /*!
     * Registers the inbox of case.correctionRequested on \a feed's events channel: each is
     * kept in \a station's inbox before the channel marks it processed (a failure to keep it
     * leaves it unmarked, sent again; an unreadable one is skipped with a warning). Used by
     * PlatformLink.
     */
    static void follow(Platform::ResultFeed &feed, Workstation &station);
    /// case.corrected for one of this window's requests, corrected at another hall (§14.4):
    /// the request is answered here too (off Today). Anything else is a no-op.
    Core::Status correctedElsewhere(const QJsonObject &event);

    /// The line Today shows for \a request.
    static QString todayLine(const CorrectionRequest &request);

private:
    Core::Status setState(
        const QString &requestId, const QString &state, const QString &serial = {});

    Workstation &m_station;
};

} // namespace Tongban::App
