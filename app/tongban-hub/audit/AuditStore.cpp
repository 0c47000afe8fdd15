#include "AuditStore.h"

#include "HubErrors.h"

#include <storage/Database.h>

#include <QSqlError>
#include <QSqlQuery>

namespace Tongban::Hub {

namespace {

constexpr int StoreError = HubError::Audit + 40;

Core::Error dbError(const QSqlQuery &query, const QString &what)
{
    return Core::Error { StoreError,
        QStringLiteral("The audit trail could not be read or written."),
        QString(what + QStringLiteral(": ") + query.lastError().text()) };
}

AuditRow rowOf(const QSqlQuery &query)
{
    AuditRow row;
    row.seq = query.value(0).toLongLong();
    row.atMs = query.value(1).toLongLong();
    row.kind = query.value(2).toString();
    row.actor = query.value(3).toString();
    row.subject = query.value(4).toString();
    row.detail = query.value(5).toString();
    row.previousHash = query.value(6).toString();
    row.hash = query.value(7).toString();
    return row;
}

const QString Columns = QStringLiteral("seq, at, kind, actor, subject, detail, prev_hash, hash");

} // namespace

AuditStore::AuditStore(Storage::Database &database)
    : m_database(database)
{ }

Storage::MigrationSet AuditStore::schema()
{
    Storage::Migration first;
    first.version = 1;
    first.description = QStringLiteral("the hub's hash-chained audit trail (issue 17)");
    first.statements = {
        // seq is given by the service (last + 1 in the same transaction), not generated.
        QStringLiteral("CREATE TABLE hub_audit (seq BIGINT PRIMARY KEY, at BIGINT NOT NULL,"
                       " kind TEXT NOT NULL, actor TEXT NOT NULL, subject TEXT NOT NULL,"
                       " detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX hub_audit_kind ON hub_audit(kind, seq)"),
        // SQLite only (PostgreSQL: a trigger function, or REVOKE UPDATE, DELETE): the table
        // refuses changes; someone with the file can still drop these, the chain tells.
        QStringLiteral("CREATE TRIGGER hub_audit_no_update BEFORE UPDATE ON hub_audit"
                       " BEGIN SELECT RAISE(ABORT, 'hub_audit is append-only'); END"),
        QStringLiteral("CREATE TRIGGER hub_audit_no_delete BEFORE DELETE ON hub_audit"
                       " BEGIN SELECT RAISE(ABORT, 'hub_audit is append-only'); END"),
    };
    return Storage::MigrationSet { QStringLiteral("hub_audit"), { first } };
}

Core::Status AuditStore::inTransaction(const std::function<Core::Status()> &work)
{
    return m_database.transaction(work);
}

Core::Result<std::optional<AuditRow>> AuditStore::last() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QString(QStringLiteral("SELECT ") + Columns
            + QStringLiteral(" FROM hub_audit ORDER BY seq DESC LIMIT 1"))))
        return dbError(query, QStringLiteral("last audit row"));
    if (!query.next())
        return std::optional<AuditRow>();
    return std::optional<AuditRow>(rowOf(query));
}

Core::Status AuditStore::insert(const AuditRow &row)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QString(QStringLiteral("INSERT INTO hub_audit (") + Columns
        + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")));
    query.addBindValue(row.seq);
    query.addBindValue(row.atMs);
    query.addBindValue(row.kind);
    query.addBindValue(row.actor);
    query.addBindValue(row.subject);
    query.addBindValue(row.detail);
    query.addBindValue(row.previousHash);
    query.addBindValue(row.hash);
    if (!query.exec())
        return dbError(query, QStringLiteral("append audit row"));
    return {};
}

Core::Result<QList<AuditRow>> AuditStore::after(
    qint64 afterSeq, int limit, const QString &kind) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QString(QStringLiteral("SELECT ") + Columns
        + QStringLiteral(" FROM hub_audit WHERE seq > ?")
        + (kind.isEmpty() ? QString() : QStringLiteral(" AND kind = ?"))
        + QStringLiteral(" ORDER BY seq LIMIT ?")));
    query.addBindValue(afterSeq);
    if (!kind.isEmpty())
        query.addBindValue(kind);
    query.addBindValue(limit);
    if (!query.exec())
        return dbError(query, QStringLiteral("read audit rows"));
    QList<AuditRow> rows;
    while (query.next())
        rows.append(rowOf(query));
    return rows;
}

Core::Result<bool> AuditStore::accountExists(const QString &account) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT 1 FROM hub_accounts WHERE account = ?"));
    query.addBindValue(account);
    if (!query.exec())
        return dbError(query, QStringLiteral("look up account"));
    return query.next();
}

} // namespace Tongban::Hub
