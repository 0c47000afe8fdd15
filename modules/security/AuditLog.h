#pragma once

#include <core/Clock.h>
#include <core/Result.h>
#include <storage/Database.h>
#include <storage/Migration.h>

#include <QDateTime>
#include <QList>
#include <QString>

namespace Tongban::Security {

/*!
 * Schema of the audit trail (module "security", version 1): tables audit_log,
 * audit_anchor and audit_prune_gate, and triggers that refuse UPDATE of
 * audit_log and any DELETE other than AuditLog::prune(). Pass it to
 * Storage::Database::open() together with the other modules' schemas.
 */
Storage::MigrationSet auditSchema();

/*!
 * One act to be recorded (全程电子留痕): who did what, where, to what, and
 * how it ended.
 *
 * - clerk: the clerk account (one per person, never shared).
 * - window: the window the act happened at.
 * - action: dotted name, e.g. "app.start", "session.signIn", "case.create",
 *   "page.save", "notice.print". Required.
 * - object: what the act was about, by identifier (case number, item code),
 *   never by personal data: it is stored as given.
 * - result: "ok", "failed" or "denied". Required.
 * - detail: free text; personal data in it is masked before it is stored.
 */
struct AuditEntry
{
    QString clerk;
    QString window;
    QString action;
    QString object;
    QString result;
    QString detail;
};

/// An entry as stored: its place in the chain, its time (UTC, milliseconds)
/// and the hashes that link it to its predecessor.
struct AuditRecord : AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString prevHash;
    QString hash;
};

/*!
 * Outcome of AuditLog::verify(). ok is true when no problem was found.
 * Problem::detail is untranslated technical text for IT support, free of
 * personal data.
 */
struct VerifyReport
{
    struct Problem
    {
        enum class Kind {
            Unknown = 0,
            Changed, ///< content differs from what was written (also with a recomputed hash)
            Removed, ///< records missing between kept ones (id is the first missing)
            Reordered, ///< a record holds the content written under another id
            Truncated, ///< records missing at the end (id is the first missing)
            Inserted, ///< a record the audit log did not write (beyond the newest or pruned)
        };
        qint64 id = 0;
        Kind kind = Kind::Unknown;
        QString detail;
    };

    bool ok = false;
    qint64 recordsChecked = 0;
    QList<Problem> problems;
};

/*!
 * The append-only, hash-chained audit trail in the workstation database.
 *
 * Every record carries the SHA-256 of its own fields and of its
 * predecessor's hash, so that verify() finds a changed, removed, reordered or
 * added record and a removed tail. Limit: the chain has no secret, so
 * someone with write access to the file who recomputes every hash and the
 * anchor is not detected by verify() alone; comparing the newest hash with a
 * copy kept elsewhere closes that gap.
 *
 * Records are kept at least MinimumRetentionDays; prune() removes older ones
 * in a way that keeps the remaining chain verifiable.
 *
 * Ownership: borrows \a db and \a clock, which must outlive the AuditLog.
 * Threading: use from the thread that owns \a db (a Qt Sql rule); several
 * AuditLogs on separate connections to one file serialise through SQLite.
 * Failure: every method returns an Error whose message tells the clerk what
 * to do; nothing is half-written.
 */
class AuditLog
{
public:
    static constexpr int MinimumRetentionDays = 180;

    AuditLog(Storage::Database &db, const Core::Clock &clock);
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    /*!
     * Appends \a entry at the clock's current time, with its detail masked
     * (maskPersonalData()), in one transaction. Returns the record as
     * stored. Fails with InvalidAuditEntry when action or result is empty, and
     * with AuditWriteFailed or Storage::DiskFull when it cannot be written;
     * the caller should then not report the act as done.
     */
    Core::Result<AuditRecord> append(const AuditEntry &entry);

    /*!
     * Walks every record in id order and reports every problem found. Fails
     * only when the database cannot be read (AuditReadFailed). Reads in one
     * transaction, so records appended meanwhile by another connection are
     * not mistaken for tampering. Takes time proportional to the number of
     * records.
     */
    Core::Result<VerifyReport> verify() const;

    /*!
     * Removes records older than max(\a retentionDays, MinimumRetentionDays)
     * days, oldest first, in one transaction, and moves the anchor so that
     * verify() still passes. Returns how many records were removed. Refuses
     * with AuditTampered, removing nothing, when verify() finds a problem:
     * tampered records are evidence.
     */
    Core::Result<int> prune(int retentionDays = MinimumRetentionDays);

    /// The newest \a limit records, newest first; empty when the database
    /// cannot be read (logged). Records are returned as stored, unverified.
    QList<AuditRecord> recent(int limit) const;

private:
    Core::Status verifyInTransaction(VerifyReport &report) const;

    Storage::Database &m_db;
    const Core::Clock &m_clock;
};

} // namespace Tongban::Security
