#pragma once

#include <core/Result.h>

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/// One escalation of a window's misses in a month (hub_call_escalations).
struct EscalationRow
{
    QString id;
    QString windowId;
    QString month;
    int misses = 0;
    qint64 createdAtMs = 0;
    QString state; ///< open, confirmed, excused
    QString decidedBy; ///< empty: undecided
    std::optional<qint64> decidedAtMs;
    std::optional<QString> note;
};

/// One call as the monthly report reads it.
struct ReportedCall
{
    QString callerWindow;
    QString callerAccount;
    QString state;
    QString answeredBy;
    std::optional<qint64> answerMs;
};

/*!
 * The SQL of CallOversight (issue 15): hub_office_hours, hub_call_escalations, the counts of
 * hub_missed_calls and the rows of hub_calls the monthly report reads, the admins that
 * supervise a window. Migrations: CallOversight::schema() (set "hub_calls2"). Plain SQL.
 *
 * Threading: the thread that owns the Database.
 */
class CallOversightStore
{
public:
    explicit CallOversightStore(Storage::Database &database);

    /// The database (events raised with an escalation are stored in its transaction).
    Storage::Database &database() const { return m_database; }

    /// The stored spans of \a jurisdiction ("09:00-12:00,13:30-17:30"), nullopt: none set.
    std::optional<QString> officeHours(const QString &jurisdiction) const;
    Core::Status setOfficeHours(
        const QString &jurisdiction, const QString &spans, const QString &account, qint64 nowMs);

    /// The jurisdiction code and name of a window; nullopt when unknown.
    std::optional<QPair<QString, QString>> window(const QString &windowId) const;
    /// The enabled admin accounts of \a jurisdiction (empty: of any), by account.
    QStringList admins(const QString &jurisdiction) const;

    int missCount(const QString &windowId, const QString &month) const;
    /// Whether \a id exists; nullopt when the query failed.
    std::optional<bool> escalationExists(const QString &id) const;
    /// Inserts \a row (state open) and runs \a alsoStore in the same transaction.
    Core::Status insertEscalation(
        const EscalationRow &row, const std::function<Core::Status()> &alsoStore);
    /// Escalations of \a month and \a state (empty: any), oldest first, at most \a limit.
    Core::Result<QList<EscalationRow>> escalations(
        const QString &month, const QString &state, int limit) const;
    /// Decides an open escalation; how many rows changed (0: not open or not there).
    Core::Result<int> decide(const QString &id, const QString &decision, const QString &account,
        qint64 nowMs, const QString &note);
    /// The state of escalation \a id; nullopt when it does not exist.
    std::optional<QString> escalationState(const QString &id) const;

    // What the monthly report reads (static: `tongban-hub calls report` has no hub running).
    /// Every window: id → (jurisdiction code, name).
    static Core::Result<QHash<QString, QPair<QString, QString>>> windows(
        Storage::Database &database);
    /// Misses per window in \a month.
    static Core::Result<QList<QPair<QString, int>>> missesPerWindow(
        Storage::Database &database, const QString &month);
    /// The calls started in [\a startMs, \a endMs), oldest first.
    static Core::Result<QList<ReportedCall>> calls(
        Storage::Database &database, qint64 startMs, qint64 endMs);
    /// The escalations of \a month by id.
    static Core::Result<QList<EscalationRow>> escalationsOf(
        Storage::Database &database, const QString &month);

private:
    Storage::Database &m_database;
};

} // namespace Tongban::Hub
