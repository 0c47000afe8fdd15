#pragma once

#include "CaseDraft.h"

#include <core/Clock.h>
#include <core/Result.h>
#include <core/WorkCalendar.h>
#include <security/AuditLog.h>
#include <storage/CaseStore.h>
#include <storage/Database.h>
#include <storage/Migration.h>
#include <storage/PageStore.h>

#include <QDate>

#include <functional>

namespace Tongban::Intake {

/// One line of a case list (Today, search by applicant).
struct CaseSummary
{
    QString caseId;
    QString provisionalNumber;
    QString caseNumber;
    QString itemCode;
    QString applicantName;
    CaseDraft::State state = CaseDraft::State::Open;
    QDateTime createdAt;
    QDateTime updatedAt;
};

/// Paper originals to mail to the home department (000 §17).
struct MailingTask
{
    qint64 id = 0;
    QString caseId;
    QString provisionalNumber;
    QStringList materialIds;
    QDate due; ///< the next working day after the case was received
    bool dueProvisional = false; ///< computed on weekends only: the calendar lacked the year
    QString carrier;
    QString waybill;
    QDateTime sentAt; ///< invalid until the waybill is recorded
    bool isSent() const { return sentAt.isValid(); }
};

/*!
 * Keeps cases on disk from the first keystroke (module "intake").
 *
 * A case is one row holding its CaseDraft as JSON, rewritten by save() on
 * every edit (synchronous=FULL: an edit that returned is durable). Pages go
 * to the PageStore and into the draft in one transaction, so a page is
 * never stored without the material it belongs to. The store also remembers
 * the case the clerk is working on, so that a restart after a crash returns
 * to it (resumeCaseId()).
 *
 * Acts that matter for the trail (case created, page captured or removed,
 * notice decision, correction) are written to the audit log by the store.
 *
 * Same thread as the Database.
 */
class IntakeStore
{
public:
    IntakeStore(Storage::Database &db, Storage::CaseStore &cases, Storage::PageStore &pages,
        Security::AuditLog &audit, const Core::Clock &clock);

    static Storage::MigrationSet schema();

    /// The clerk signed in at this window: every act the store records is theirs.
    struct Actor
    {
        QString account;
        QString role; ///< the platform's role: application, home, department, admin
        bool isSupervisor() const { return role == QLatin1String("admin"); }
    };
    /// Sets who acts from now on (sign-in, sign-out); empty = the workstation itself.
    void setActor(const Actor &actor) { m_actor = actor; }
    const Actor &actor() const { return m_actor; }

    /// The window a case is received at.
    struct Window
    {
        QString id;
        QString code; ///< printed in numbers, e.g. TB03
        QString regionCode; ///< 6-digit administrative code, e.g. 410402
    };

    /*!
     * Creates a case for \a itemCode with the next provisional number of the
     * window and day (<region>-<window code>-<yyyyMMdd>-<4 digits>), and makes
     * it the case to resume.
     */
    Core::Result<CaseDraft> start(const QString &itemCode, const QString &catalogVersion,
        const Window &window, const QString &clerk);

    /*!
     * Writes \a draft (updatedAt set now) and makes it the case to resume, with
     * an audit record for every change that matters under the actor: answers to
     * the questions (情形), tolerated absence and its commitment, original
     * verified, absent, review verdicts, and (once the clerk has left the New
     * case screen) the applicant and agent, masked.
     *
     * Refused (Locked, nothing written) when the change touches what the case's
     * state does not allow: anything but the screen position of a case that is
     * not open; on a correction visit, a material the one-time notice did not
     * list or the answers, unless a supervisor unlocked them (unlock()).
     * The state, submission, notice list, unlocks and steps are kept as
     * stored: only the dedicated functions below change them.
     */
    Core::Status save(CaseDraft &draft);
    Core::Result<CaseDraft> load(const QString &caseId) const;

    /// The case the clerk was working on when the application stopped, if still open.
    QString resumeCaseId() const;
    Core::Status clearResume();

    /*!
     * Stores \a bytes as a page of \a materialId at \a position (appended when
     * -1) and saves the draft, in one transaction.
     */
    Core::Result<Storage::PageRecord> addPage(CaseDraft &draft, const QString &materialId,
        const QByteArray &bytes, const QString &mediaType, int position = -1);
    /// Replaces page \a pageId by \a bytes at the same place (retake).
    Core::Result<Storage::PageRecord> replacePage(CaseDraft &draft, const QString &materialId,
        const QString &pageId, const QByteArray &bytes, const QString &mediaType);
    Core::Status removePage(CaseDraft &draft, const QString &materialId, const QString &pageId);

    /*!
     * A one-time notice was issued listing \a openMaterials: the case waits for
     * correction. On a correction visit the list can only shrink: a material
     * the previous notice did not list is refused (NotAllowed).
     */
    Core::Status markAwaitingCorrection(CaseDraft &draft, const QStringList &openMaterials);
    /*!
     * The home department asked for correction of this transmitted case (issue 17, 000
     * 第二十条): it waits for the applicant with exactly \a openMaterials open, as after a
     * one-time notice of this window; reopenForCorrection() then opens the visit. Only a
     * complete (transmitted) case, and at least one material.
     */
    Core::Status awaitRequestedCorrection(CaseDraft &draft, const QStringList &openMaterials);
    /*!
     * On a correction visit, a supervisor (actor with role admin) lets \a target
     * (a material id, or "facts" for the answers) change although the notice did
     * not list it; audited with \a reason. Refused for anyone else (NotAllowed).
     */
    Core::Status unlock(CaseDraft &draft, const QString &target, const QString &reason);
    /*!
     * The applicant is back: a new submission of the same case in which only
     * the materials the notice listed need work (their failed verdicts and
     * "missing" marks are cleared; everything else is kept).
     */
    Core::Status reopenForCorrection(CaseDraft &draft);
    /*!
     * Transmission as one step: in one transaction, \a enqueue puts \a caseBody
     * in the outbox (it runs inside the transaction and writes with the same
     * database), the mailing task for \a paperToMail is created (none when
     * empty), and the case is marked complete. Either all of it is on disk or
     * none of it. Only an open case can be transmitted.
     */
    Core::Status transmit(CaseDraft &draft, const QJsonObject &caseBody,
        const QStringList &paperToMail, const Core::DueDate &mailingDue,
        const std::function<Core::Status(const QJsonObject &)> &enqueue);
    /// Receipt issued and case in the outbox (use transmit() to do both at once).
    Core::Status markComplete(CaseDraft &draft);
    /*!
     * The applicant left before anything was captured: the case becomes Abandoned (kept, with
     * case.abandon and \a reason in the trail). Only an open case at its first visit with no
     * page stored; otherwise WrongState and nothing changes.
     */
    Core::Status abandon(CaseDraft &draft, const QString &reason);
    /// The platform's official number of \a caseId; recorded by the platform layer.
    Core::Status setCaseNumber(const QString &caseId, const QString &caseNumber);

    /// Cases created or changed on \a day (local time), newest first.
    QList<CaseSummary> casesOf(const QDate &day) const;
    QList<CaseSummary> casesIn(CaseDraft::State state) const;
    /// Cases whose applicant has identity number or credit code \a id (any letter case).
    QList<CaseSummary> findByApplicant(const QString &id) const;
    /// The case the platform numbered \a caseNumber (none when it was not taken here).
    QList<CaseSummary> findByCaseNumber(const QString &caseNumber) const;

    /// Item code -> catalogue version of the latest case \a clerk worked on for each item.
    QHash<QString, QString> itemVersionsUsedBy(const QString &clerk) const;

    Core::Result<qint64> addMailingTask(
        const CaseDraft &draft, const QStringList &materialIds, const Core::DueDate &due);
    Core::Result<qint64> addMailingTask(
        const CaseDraft &draft, const QStringList &materialIds, const QDate &due)
    {
        return addMailingTask(draft, materialIds, Core::DueDate { due, false });
    }
    /*!
     * Recomputes every provisional mailing deadline with \a calendar (from the
     * day the task was created, China Standard Time; see mailingDueDate()) and
     * stores the new date and flag; a deadline \a calendar still cannot settle
     * stays provisional. Each change is audited. Returns how many changed.
     * Implemented in MailingDeadline.cpp.
     */
    Core::Result<int> recomputeProvisionalMailingDueDates(const Core::WorkCalendar &calendar);
    QList<MailingTask> mailingTasks(bool openOnly) const;
    /*!
     * Records the waybill of mailing task \a taskId and, in the same
     * transaction, runs \a queue (the platform request that tells the home
     * department), so that a recorded waybill is always on its way.
     */
    Core::Status recordMailing(qint64 taskId, const QString &carrier, const QString &waybill,
        const QString &clerk, const std::function<Core::Status(const MailingTask &)> &queue = {});

    /// Records an act of the actor (or the workstation) about the case in the audit trail.
    Core::Status audit(const CaseDraft &draft, const QString &action, const QString &detail = {},
        const QString &result = QStringLiteral("ok"));

private:
    Core::Status writeRow(CaseDraft &draft);
    Core::Status auditChanges(const CaseDraft &before, CaseDraft &after);
    Core::Status noteHandover(CaseDraft &draft);
    /// Locked unless \a materialId of \a draft may change (open case, listed or unlocked).
    Core::Status checkChangeable(const CaseDraft &draft, const QString &materialId) const;
    /// Adds a step by the actor; a different clerk than the last one is a handover first.
    void addStep(CaseDraft &draft, const QString &action);
    /// Whether a step notes a handover of the case first (another clerk than the last).
    enum class Handover { Noted, NotNoted };
    /// Writes a change of \a draft (from \a before) in one transaction: the handover when
    /// \a handover says so, the step \a step, the row and the audit entry \a action with
    /// \a detail. If any of it fails, \a draft is put back as \a before.
    Core::Status commitStep(CaseDraft &draft, const CaseDraft &before, const QString &step,
        Handover handover, const QString &action, const QString &detail);
    QString actorAccount() const;
    QList<CaseSummary> summaries(const QString &where, const QVariantList &values) const;

    Storage::Database &m_db;
    Storage::CaseStore &m_cases;
    Storage::PageStore &m_pages;
    Security::AuditLog &m_audit;
    const Core::Clock &m_clock;
    Actor m_actor;
};

} // namespace Tongban::Intake
