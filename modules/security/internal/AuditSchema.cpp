#include "AuditHash.h"

#include <security/AuditLog.h>

namespace Tongban::Security {

Storage::MigrationSet auditSchema()
{
    using Storage::Migration;

    // The triggers stop accidents and ordinary SQL, not a determined tamperer
    // with the file: such a person can drop them. The hash chain is what
    // makes tampering visible (see AuditLog::verify()).
    Migration v1 { 1, QStringLiteral("audit trail with hash chain"), {} };
    v1.statements << QStringLiteral("CREATE TABLE audit_log ("
                                    " id INTEGER PRIMARY KEY,"
                                    " at TEXT NOT NULL," // UTC ISO-8601 with milliseconds
                                    " clerk TEXT NOT NULL,"
                                    " \"window\" TEXT NOT NULL,"
                                    " action TEXT NOT NULL,"
                                    " object TEXT NOT NULL,"
                                    " result TEXT NOT NULL,"
                                    " detail TEXT NOT NULL DEFAULT '',"
                                    " prev_hash TEXT NOT NULL,"
                                    " hash TEXT NOT NULL)");
    v1.statements << QStringLiteral("CREATE INDEX audit_log_at ON audit_log(at)");

    // One row: where pruning stopped (so the first kept record can still be
    // linked) and the newest record written (so a removed tail is noticed).
    v1.statements << QStringLiteral("CREATE TABLE audit_anchor ("
                                    " id INTEGER PRIMARY KEY CHECK (id = 1),"
                                    " pruned_through_id INTEGER NOT NULL,"
                                    " pruned_last_hash TEXT NOT NULL,"
                                    " head_id INTEGER NOT NULL,"
                                    " head_hash TEXT NOT NULL)");
    v1.statements << QStringLiteral("INSERT INTO audit_anchor(id, pruned_through_id, "
                                    "pruned_last_hash, head_id, head_hash) VALUES (1, 0, '%1', 0, "
                                    "'%1')")
                         .arg(Internal::genesisHash());

    // Holds one row only while AuditLog::prune() runs, inside its transaction:
    // the delete trigger lets through only records it covers.
    v1.statements << QStringLiteral(
        "CREATE TABLE audit_prune_gate (through_id INTEGER NOT NULL, cutoff TEXT NOT NULL)");

    v1.statements << QStringLiteral(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: records cannot be changed'); END");
    v1.statements << QStringLiteral(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "WHEN NOT EXISTS (SELECT 1 FROM audit_prune_gate g"
        " WHERE OLD.id <= g.through_id AND OLD.at < g.cutoff) "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: only retention pruning removes "
        "records'); END");
    v1.statements << QStringLiteral(
        "CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor "
        "BEGIN SELECT RAISE(ABORT, 'audit_anchor cannot be removed'); END");
    v1.statements << QStringLiteral(
        "CREATE TRIGGER audit_anchor_forward_only BEFORE UPDATE ON audit_anchor "
        "WHEN NEW.head_id < OLD.head_id OR NEW.pruned_through_id < OLD.pruned_through_id"
        " OR (NEW.head_id = OLD.head_id AND NEW.head_hash <> OLD.head_hash)"
        " OR (NEW.pruned_through_id = OLD.pruned_through_id"
        "     AND NEW.pruned_last_hash <> OLD.pruned_last_hash) "
        "BEGIN SELECT RAISE(ABORT, 'audit_anchor only moves forward'); END");

    return Storage::MigrationSet { QStringLiteral("security"), { v1 } };
}

} // namespace Tongban::Security
