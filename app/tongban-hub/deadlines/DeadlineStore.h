#pragma once

#include <core/Result.h>

#include <QDate>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/*!
 * The deadlines' tables (hub_case_deadlines, hub_deadline_alerts, module hub_deadlines) and
 * what they read of cases, results, corrections and windows, plus the duty-phone SMS the
 * sweep queues in sms_outbox (issue 13 layers: every SQL statement of deadlines/ is here).
 * Dates are ISO strings (China Standard Time), '' for a date not known. Portable SQL only.
 *
 * Threading: the thread that owns the Database.
 */
class DeadlineStore
{
public:
    explicit DeadlineStore(Storage::Database &database);

    /// What the deadlines of a case are computed from.
    struct CaseFacts
    {
        QString itemCode, status, decision;
        std::optional<qint64> submittedAt; ///< none: not submitted
        std::optional<qint64> decidedAt;
        std::optional<qint64> lastCorrectionAnsweredAt;
    };
    /// One row of hub_case_deadlines.
    struct Deadlines
    {
        QString receivedOn, acceptanceDue, correctionDue, decisionDue, stage;
    };
    /// A case with a running (or waiting) deadline, with its case's facts.
    struct Running
    {
        QString caseId, caseNumber, itemCode, windowId, jurisdiction, stage;
        QString due; ///< the running stage's date, '' when not known
    };
    /// Who may see which deadlines of GET /deadlines.
    struct Scope
    {
        bool all = false; ///< admin
        QString homeJurisdiction; ///< department or home account: its jurisdiction's
        QString windowId; ///< a window: its own cases
    };

    Core::Result<std::optional<CaseFacts>> caseFacts(const QString &caseId) const;
    Core::Result<bool> hasOpenCorrection(const QString &caseId) const;
    Core::Status store(const QString &caseId, const Deadlines &deadlines, qint64 now);
    Core::Result<std::optional<Deadlines>> deadlines(const QString &caseId) const;
    /// Running deadlines in \a scope (stages acceptance, decision, applicant), soonest first.
    Core::Result<QList<Running>> visible(const Scope &scope, int limit) const;
    /// Submitted cases without deadlines or with a running stage, oldest first.
    Core::Result<QStringList> casesToRefresh(int limit) const;
    /// Stages acceptance and decision.
    Core::Result<QList<Running>> running(int limit) const;
    /// Home windows of \a jurisdiction with an enabled home clerk, and their duty phones as
    /// stored (sealed).
    Core::Result<QList<QPair<QString, QString>>> homeWindowsWithPhones(
        const QString &jurisdiction) const;
    /// Records an alert; false when it was recorded before (raised once per case, stage, level).
    Core::Result<bool> addAlert(const QString &caseId, const QString &stage, const QString &level,
        const QString &due, qint64 at);
    /// Queues an SMS to a duty phone (stored as it is: sealed), no_phone when empty.
    Core::Status queueSms(
        const QString &windowId, const QString &storedPhone, const QString &text, qint64 at);
    /// Runs \a work in one transaction.
    Core::Status transaction(const std::function<Core::Status()> &work);

private:
    Storage::Database &m_database;
};

} // namespace Tongban::Hub
