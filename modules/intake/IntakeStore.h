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

    /// Writes \a draft (updatedAt set now) and makes it the case to resume.
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

    /// A one-time notice was issued listing \a openMaterials: the case waits for correction.
    Core::Status markAwaitingCorrection(CaseDraft &draft, const QStringList &openMaterials);
    /*!
     * The applicant is back: a new submission of the same case in which only
     * the materials the notice listed need work (their failed verdicts and
     * "missing" marks are cleared; everything else is kept).
     */
    Core::Status reopenForCorrection(CaseDraft &draft);
    /// Receipt issued and case in the outbox.
    Core::Status markComplete(CaseDraft &draft);
    Core::Status setCaseNumber(const QString &caseId, const QString &caseNumber);

    /// Cases created or changed on \a day (local time), newest first.
    QList<CaseSummary> casesOf(const QDate &day) const;
    QList<CaseSummary> casesIn(CaseDraft::State state) const;
    /// Cases whose applicant has identity number or credit code \a id (any letter case).
    QList<CaseSummary> findByApplicant(const QString &id) const;

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
    Core::Status recordMailing(
        qint64 taskId, const QString &carrier, const QString &waybill, const QString &clerk);

    /// Records an act of \a draft's clerk about the case in the audit trail.
    Core::Status audit(const CaseDraft &draft, const QString &action, const QString &detail = {},
        const QString &result = QStringLiteral("ok"));

private:
    Core::Status writeRow(CaseDraft &draft);
    QList<CaseSummary> summaries(const QString &where, const QVariantList &values) const;

    Storage::Database &m_db;
    Storage::CaseStore &m_cases;
    Storage::PageStore &m_pages;
    Security::AuditLog &m_audit;
    const Core::Clock &m_clock;
};

} // namespace Tongban::Intake
