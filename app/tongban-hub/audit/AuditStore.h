#pragma once

#include <core/Result.h>
#include <storage/Migration.h>

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/// One row of the audit trail as stored (hub_audit). Times in ms since the epoch (UTC).
struct AuditRow
{
    qint64 seq = 0; ///< 1, 2, 3...: no gap
    qint64 atMs = 0;
    QString kind; ///< e.g. "signin", "decision", "recording.download", "account.created"
    QString actor; ///< the account that acted (masked for an unknown sign-in name)
    QString subject; ///< what it acted on: a case, call, account, window, escalation id
    QString detail; ///< compact JSON object, stored and hashed as this exact text
    QString previousHash; ///< hex SHA-256 of the row before (64 zeros for the first)
    QString hash; ///< hex SHA-256(previousHash || canonical row)
};

/*!
 * The audit trail's SQL (issue 17): the table hub_audit of its own migration set
 * "hub_audit". Only INSERT and SELECT: the store has no way to change or remove a row, and
 * the migration adds SQLite triggers refusing UPDATE and DELETE (the chain in AuditService
 * catches what goes around them).
 *
 * Threading: the thread that owns the Database.
 */
class AuditStore
{
public:
    explicit AuditStore(Storage::Database &database);

    static Storage::MigrationSet schema();

    /// Runs \a work in one write transaction (BEGIN IMMEDIATE: one appender at a time, also
    /// across processes sharing hub.db).
    Core::Status inTransaction(const std::function<Core::Status()> &work);
    /// The row with the highest seq, or nullopt for an empty trail.
    Core::Result<std::optional<AuditRow>> last() const;
    Core::Status insert(const AuditRow &row);
    /// Rows with seq > \a afterSeq, oldest first, at most \a limit; only \a kind when set.
    Core::Result<QList<AuditRow>> after(qint64 afterSeq, int limit, const QString &kind = {}) const;
    /// Whether \a account names an account of the hub (hub_accounts): a failed sign-in with
    /// a name that is none is stored masked. Read only.
    Core::Result<bool> accountExists(const QString &account) const;

private:
    Storage::Database &m_database;
};

} // namespace Tongban::Hub
