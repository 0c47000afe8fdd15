#pragma once

#include <catalog/Catalog.h>
#include <core/Result.h>
#include <intake/CaseDraft.h>
#include <intake/Completeness.h>
#include <intake/ResultDelivery.h>
#include <notices/NoticeStore.h>

#include <QObject>

#include <optional>

namespace Tongban::App {
class Workstation;
class PlatformLink;
} // namespace Tongban::App

namespace Tongban::Gui {

/// The signed-in clerk as the screens show and record them.
struct Clerk
{
    QString account;
    QString name;
    QString role;
    bool isValid() const { return !account.isEmpty(); }
};

/*!
 * The case the clerk is working on, shared by the New case, Checklist and
 * Decision screens. Every change goes through here and is saved at once
 * (IntakeStore::save), so that the case is on disk from the first keystroke.
 *
 * Errors are reported with errorOccurred() in the clerk's language; a
 * change that could not be saved is undone in memory, so the screen never
 * shows more than the disk holds.
 */
class CaseController : public QObject
{
    Q_OBJECT
public:
    CaseController(
        App::Workstation &station, App::PlatformLink *platform, QObject *parent = nullptr);

    /// The clerk signed in: every act from now on is recorded under them.
    void setClerk(const Clerk &clerk);
    const Clerk &clerk() const { return m_clerk; }

    bool hasCase() const { return m_draft.has_value(); }
    const Intake::CaseDraft &draft() const { return *m_draft; }
    const Catalog::ServiceItem *item() const;
    const Catalog::Catalog &catalog() const { return m_catalog; }
    Intake::Assessment assessment() const;

    /// Starts a new case for \a itemCode (the previous one stays on disk).
    bool start(const QString &itemCode);
    /// Opens a case kept on disk.
    bool open(const QString &caseId);
    /// Forgets the current case in memory (it stays on disk).
    void close();
    /// Forgets the case in memory but keeps it as the one to reopen at the next sign-in.
    void release();
    /// Whether the current case may be cancelled (open, first visit, no page captured).
    bool canAbandon() const;
    /// Cancels the current case (audited with \a reason) and closes it; false when refused.
    bool abandon(const QString &reason);

    /// Applies \a edit to the draft and saves it; false (and the edit undone) when it fails.
    bool edit(const std::function<void(Intake::CaseDraft &)> &edit);
    /// Records where the clerk is (screen, material), for the return after a crash.
    void setPosition(const QString &screen, const QString &materialId);

    bool addPage(const QString &materialId, const QByteArray &jpeg, int position = -1);
    bool replacePage(const QString &materialId, const QString &pageId, const QByteArray &jpeg);
    bool removePage(const QString &materialId, const QString &pageId);
    /// The stored bytes of a page (JPEG).
    Core::Result<QByteArray> pageBytes(const QString &pageId) const;

    /// The notice as it would be issued now (seal, window, deadlines), without its number.
    Notices::NoticeContent previewContent() const;
    /// Issues the one-time notice or the receipt (by the assessment); returns the notice.
    Core::Result<Notices::IssuedNotice> issueNotice();
    /// For a complete case: puts it in the outbox, creates the mailing task, issues the slip.
    Core::Status transmit();
    /// Issues the mailing slip for the paper originals of a transmitted case (none: NotDecidable).
    Core::Result<Notices::IssuedNotice> issueMailingSlip();
    /// The applicant is back with the corrections.
    bool reopenForCorrection(const QString &caseId);
    /*!
     * The home department's request for correction \a requestId (issue 17): issues its
     * one-time notice for the local case (App::CorrectionInbox::issueNotice).
     */
    Core::Result<Notices::IssuedNotice> issueRequestedCorrection(const QString &requestId);
    /// The applicant is back for request \a requestId: opens the case, listed materials only.
    bool reopenRequestedCorrection(const QString &requestId);
    /// A supervisor lets \a target (material id, or "facts") change on a correction visit.
    bool unlock(const QString &target, const QString &reason);
    /// Whether \a materialId may change now (open case; on correction, listed or unlocked).
    bool isMaterialEditable(const QString &materialId) const;
    /// Whether the answers to the item's questions may change now.
    bool areFactsEditable() const;
    /// The commitment deadline of a tolerated material received today.
    QDate commitmentDue(const Catalog::MaterialRequirement &material, bool *provisional) const;

    /// How the applicant of the current case receives the result (issue 17; default: here).
    Intake::ResultDelivery resultDelivery() const;
    /// Keeps the applicant's choice (a mailing address is checked first); false when refused.
    bool setResultDelivery(const Intake::ResultDelivery &choice);

    /*!
     * The applicant's 好差评 of the current case (issue 17, §15): \a score 1 (非常不满意) to 5
     * (非常满意) and an optional \a comment, queued durably for the platform (RequestQueue kind
     * rating, sent once the platform has the case) and recorded in the trail. Only for a
     * transmitted case; a second, different rating of the case is refused.
     */
    Core::Status rate(int score, const QString &comment);
    /// Whether the current case can be rated now (transmitted, not rated, platform link).
    bool canRate() const;
    /// Whether the applicant rated the current case here (the rating is queued or sent).
    bool isRated() const;

    /// Records an act about the current case in the audit trail.
    void audit(const QString &action, const QString &detail = {});

signals:
    void caseChanged();
    void errorOccurred(const QString &message);

private:
    /// Queues the one-time notice \a serial for the platform (issue 17); inside issueNotice().
    Core::Status registerNoticeWithPlatform(
        const QString &serial, const Intake::Assessment &assessment, const QDate &correctionDue);
    void reloadCatalog(const QString &catalogVersion);
    bool report(const Core::Error &error);
    /// The window's address and phone, and the platform page the QR code opens.
    void addWindowDetails(Notices::NoticeContent &content) const;
    Notices::NoticeContent buildNoticeContent(
        const Catalog::ServiceItem &item, const Intake::Assessment &assessment) const;

    App::Workstation &m_station;
    App::PlatformLink *m_platform = nullptr;
    Clerk m_clerk;
    Catalog::Catalog m_catalog;
    std::optional<Intake::CaseDraft> m_draft;
};

} // namespace Tongban::Gui
