#include "SignInThrottleStore.h"

#include <storage/Database.h>

#include <QSqlQuery>

namespace Tongban::Hub {

SignInThrottleStore::SignInThrottleStore(Storage::Database &database)
    : m_database(database)
{ }

Core::Status SignInThrottleStore::prune(qint64 nowMs, qint64 staleBeforeMs)
{
    QSqlQuery stale(m_database.connection());
    stale.prepare(
        QStringLiteral("DELETE FROM hub_signin_throttle WHERE locked_until <= ? AND start <= ?"));
    stale.addBindValue(nowMs);
    stale.addBindValue(staleBeforeMs);
    if (!stale.exec())
        return Storage::Database::queryError(stale, QStringLiteral("prune sign-in counters"));
    return {};
}

Core::Result<QList<ThrottleRow>> SignInThrottleStore::load() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral(
            "SELECT kind, key, start, failures, locked_until FROM hub_signin_throttle")))
        return Storage::Database::queryError(query, QStringLiteral("load sign-in counters"));
    QList<ThrottleRow> rows;
    while (query.next()) {
        rows.append({ query.value(0).toString(), query.value(1).toString(),
            query.value(2).toLongLong(), query.value(3).toInt(), query.value(4).toLongLong() });
    }
    return rows;
}

Core::Status SignInThrottleStore::put(const ThrottleRow &row)
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("INSERT INTO hub_signin_throttle (kind, key, start, failures, locked_until)"
                       " VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, key) DO UPDATE SET"
                       " start = excluded.start, failures = excluded.failures,"
                       " locked_until = excluded.locked_until"));
    query.addBindValue(row.kind);
    query.addBindValue(row.key);
    query.addBindValue(row.start);
    query.addBindValue(row.failures);
    query.addBindValue(row.lockedUntil);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("store a sign-in counter"));
    return {};
}

Core::Status SignInThrottleStore::remove(const QString &kind, const QString &key)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM hub_signin_throttle WHERE kind = ? AND key = ?"));
    query.addBindValue(kind);
    query.addBindValue(key);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("delete a sign-in counter"));
    return {};
}

} // namespace Tongban::Hub
