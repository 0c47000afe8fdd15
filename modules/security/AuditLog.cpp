#include "AuditLog.h"

#include "Errors.h"
#include "Logging.h"
#include "PersonalData.h"
#include "Tr.h"
#include "internal/AuditHash.h"
#include "internal/ChainVerifier.h"

#include <QSqlQuery>

#include <algorithm>

namespace Tongban::Security {

using Core::Error;
using Core::Result;
using Core::Status;
using Internal::AuditAnchor;

namespace {

const QString kRecordColumns
    = QStringLiteral("id, at, clerk, \"window\", action, object, result, detail, prev_hash, hash");

// A null QString binds as SQL NULL, which the NOT NULL columns refuse.
QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

Error writeError(const QSqlQuery &query, const QString &what)
{
    Error error = Storage::Database::queryError(query, what);
    if (error.code == Storage::DiskFull)
        return error; // already tells the clerk what to do
    return Error { AuditWriteFailed,
        Tr::tr("The action could not be recorded in the audit trail, so it must not be "
               "treated as done. Try again; if it happens again, call IT support."),
        error.detail };
}

Error readError(const QSqlQuery &query, const QString &what)
{
    return Error { AuditReadFailed,
        Tr::tr("The audit trail could not be read. Try again; if it happens again, call "
               "IT support."),
        Storage::Database::queryError(query, what).detail };
}

Result<AuditAnchor> readAnchor(QSqlQuery &query)
{
    if (!query.exec(QStringLiteral("SELECT pruned_through_id, pruned_last_hash, head_id, "
                                   "head_hash FROM audit_anchor WHERE id = 1")))
        return readError(query, QStringLiteral("read audit anchor"));
    if (!query.next()) {
        return Error { AuditReadFailed,
            Tr::tr("The audit trail is damaged: its anchor record is missing. Call IT "
                   "security support before working on."),
            QStringLiteral("audit_anchor row 1 missing") };
    }
    return AuditAnchor { query.value(0).toLongLong(), query.value(1).toString(),
        query.value(2).toLongLong(), query.value(3).toString() };
}

// Reads one row selected with kRecordColumns; \a atText receives the stored
// timestamp text, which is what the hash covers.
AuditRecord recordFromQuery(const QSqlQuery &query, QString *atText)
{
    AuditRecord record;
    record.id = query.value(0).toLongLong();
    *atText = query.value(1).toString();
    record.at = Internal::parseAuditTime(*atText);
    record.clerk = query.value(2).toString();
    record.window = query.value(3).toString();
    record.action = query.value(4).toString();
    record.object = query.value(5).toString();
    record.result = query.value(6).toString();
    record.detail = query.value(7).toString();
    record.prevHash = query.value(8).toString();
    record.hash = query.value(9).toString();
    return record;
}

const char *kindName(VerifyReport::Problem::Kind kind)
{
    using Kind = VerifyReport::Problem::Kind;
    switch (kind) {
    case Kind::Changed:
        return "changed";
    case Kind::Removed:
        return "removed";
    case Kind::Reordered:
        return "reordered";
    case Kind::Truncated:
        return "truncated";
    case Kind::Inserted:
        return "inserted";
    case Kind::Unknown:
        break;
    }
    return "unknown";
}

} // namespace

AuditLog::AuditLog(Storage::Database &db, const Core::Clock &clock)
    : m_db(db)
    , m_clock(clock)
{ }

Result<AuditRecord> AuditLog::append(const AuditEntry &entry)
{
    if (entry.action.trimmed().isEmpty() || entry.result.trimmed().isEmpty()) {
        return Error {
            InvalidAuditEntry,
            Tr::tr("The action could not be recorded in the audit trail because the "
                   "program did not say what was done. Call IT support."),
            QStringLiteral("audit entry without action or result (action '%1')").arg(entry.action)
        };
    }

    AuditRecord record;
    record.clerk = nonNull(entry.clerk);
    record.window = nonNull(entry.window);
    record.action = nonNull(entry.action);
    record.object = nonNull(entry.object);
    record.result = nonNull(entry.result);
    record.detail = nonNull(maskPersonalData(entry.detail));
    const QString atText = Internal::formatAuditTime(m_clock.now());
    // Parsed back so that the returned time is exactly the stored one (ms).
    record.at = Internal::parseAuditTime(atText);

    const Status status = m_db.transaction([&]() -> Status {
        QSqlQuery query(m_db.connection());
        const Result<AuditAnchor> anchor = readAnchor(query);
        if (!anchor)
            return anchor.error();
        // The chain continues from the anchor, not from the table, so that a
        // removed tail stays visible after the next append.
        record.id = anchor->headId + 1;
        record.prevHash = anchor->headHash;
        record.hash = Internal::recordHash(record.id, atText, record, record.prevHash);

        query.prepare(QStringLiteral("INSERT INTO audit_log(") + kRecordColumns
            + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant &value : { QVariant(record.id), QVariant(atText),
                 QVariant(record.clerk), QVariant(record.window), QVariant(record.action),
                 QVariant(record.object), QVariant(record.result), QVariant(record.detail),
                 QVariant(record.prevHash), QVariant(record.hash) }) {
            query.addBindValue(value);
        }
        if (!query.exec())
            return writeError(query, QStringLiteral("insert audit record"));

        query.prepare(
            QStringLiteral("UPDATE audit_anchor SET head_id = ?, head_hash = ? WHERE id = 1"));
        query.addBindValue(record.id);
        query.addBindValue(record.hash);
        if (!query.exec())
            return writeError(query, QStringLiteral("advance audit anchor"));
        return {};
    });
    if (!status) {
        qCWarning(lcSecurity).noquote() << "audit record not written:" << record.action
                                        << record.result << status.error().detail;
        return status.error();
    }
    qCDebug(lcSecurity).noquote() << "audit" << record.id << record.action << record.result;
    return record;
}

Result<VerifyReport> AuditLog::verify() const
{
    VerifyReport report;
    // One transaction, so that the anchor and the rows are one snapshot.
    const Status status = m_db.transaction([&] { return verifyInTransaction(report); });
    if (!status)
        return status.error();
    if (!report.ok) {
        qCWarning(lcSecurity).noquote()
            << "audit trail verification found" << report.problems.size() << "problem(s) in"
            << report.recordsChecked << "records";
        for (const VerifyReport::Problem &problem : std::as_const(report.problems)) {
            qCWarning(lcSecurity).noquote()
                << "  record" << problem.id << kindName(problem.kind) << problem.detail;
        }
    }
    return report;
}

Status AuditLog::verifyInTransaction(VerifyReport &report) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    const Result<AuditAnchor> anchor = readAnchor(query);
    if (!anchor)
        return anchor.error();

    Internal::ChainVerifier verifier(*anchor);
    if (!query.exec(QStringLiteral("SELECT ") + kRecordColumns
            + QStringLiteral(" FROM audit_log ORDER BY id")))
        return readError(query, QStringLiteral("read audit records"));
    QString atText;
    while (query.next()) {
        const AuditRecord record = recordFromQuery(query, &atText);
        verifier.add(record, atText);
    }
    report = verifier.finish();
    return {};
}

Result<int> AuditLog::prune(int retentionDays)
{
    const int keptDays = std::max(retentionDays, MinimumRetentionDays);
    const QString cutoff = Internal::formatAuditTime(m_clock.now().addDays(-keptDays));
    int removed = 0;
    qint64 prunedThrough = 0;

    const Status status = m_db.transaction([&]() -> Status {
        VerifyReport report;
        if (const Status verified = verifyInTransaction(report); !verified)
            return verified;
        if (!report.ok) {
            return Error { AuditTampered,
                Tr::tr("The audit trail shows signs of tampering, so no old records "
                       "were removed: they are evidence. Call IT security support."),
                QStringLiteral("%1 problem(s), first at record %2")
                    .arg(report.problems.size())
                    .arg(report.problems.constFirst().id) };
        }

        QSqlQuery query(m_db.connection());
        const Result<AuditAnchor> anchor = readAnchor(query);
        if (!anchor)
            return anchor.error();

        // Only a prefix of the chain goes: everything before the first record
        // that is still young enough. Each of those is older than the cutoff,
        // even if the clock once went backwards.
        query.prepare(QStringLiteral("SELECT MIN(id) FROM audit_log WHERE at >= ?"));
        query.addBindValue(cutoff);
        if (!query.exec() || !query.next())
            return readError(query, QStringLiteral("find audit records to keep"));
        prunedThrough = query.value(0).isNull() ? anchor->headId : query.value(0).toLongLong() - 1;
        if (prunedThrough <= anchor->prunedThroughId)
            return {};

        query.prepare(QStringLiteral("SELECT hash FROM audit_log WHERE id = ?"));
        query.addBindValue(prunedThrough);
        if (!query.exec() || !query.next())
            return readError(query, QStringLiteral("read last pruned audit record"));
        const QString lastHash = query.value(0).toString();

        query.prepare(QStringLiteral("INSERT INTO audit_prune_gate(through_id, cutoff) "
                                     "VALUES (?, ?)"));
        query.addBindValue(prunedThrough);
        query.addBindValue(cutoff);
        if (!query.exec())
            return writeError(query, QStringLiteral("open audit prune gate"));

        query.prepare(QStringLiteral("DELETE FROM audit_log WHERE id <= ?"));
        query.addBindValue(prunedThrough);
        if (!query.exec())
            return writeError(query, QStringLiteral("delete old audit records"));
        removed = query.numRowsAffected();

        if (!query.exec(QStringLiteral("DELETE FROM audit_prune_gate")))
            return writeError(query, QStringLiteral("close audit prune gate"));

        query.prepare(QStringLiteral("UPDATE audit_anchor SET pruned_through_id = ?, "
                                     "pruned_last_hash = ? WHERE id = 1"));
        query.addBindValue(prunedThrough);
        query.addBindValue(lastHash);
        if (!query.exec())
            return writeError(query, QStringLiteral("move audit anchor"));
        return {};
    });
    if (!status) {
        qCWarning(lcSecurity).noquote() << "audit pruning failed:" << status.error().detail;
        return status.error();
    }
    if (removed > 0) {
        qCInfo(lcSecurity).noquote() << "pruned" << removed << "audit records through id"
                                     << prunedThrough << "(kept" << keptDays << "days)";
    }
    return removed;
}

QList<AuditRecord> AuditLog::recent(int limit) const
{
    QList<AuditRecord> records;
    if (limit <= 0)
        return records;
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kRecordColumns
        + QStringLiteral(" FROM audit_log ORDER BY id DESC LIMIT ?"));
    query.addBindValue(limit);
    if (!query.exec()) {
        qCWarning(lcSecurity).noquote()
            << "cannot read recent audit records:" << readError(query, {}).detail;
        return records;
    }
    QString atText;
    while (query.next())
        records.append(recordFromQuery(query, &atText));
    return records;
}

} // namespace Tongban::Security
