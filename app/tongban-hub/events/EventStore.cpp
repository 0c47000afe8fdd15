#include "EventStore.h"

#include <storage/Database.h>

#include <QSqlQuery>
#include <QVariant>

namespace Tongban::Hub {

EventStore::EventStore(Storage::Database &database)
    : m_database(database)
{ }

Core::Result<qint64> EventStore::append(Storage::Database &database, const QString &inbox,
    const QString &type, qint64 atMs, const QString &data)
{
    QSqlQuery query(database.connection());
    query.prepare(
        QStringLiteral("INSERT INTO hub_events (window_id, type, at, data) VALUES (?, ?, ?, ?)"));
    query.addBindValue(inbox);
    query.addBindValue(type);
    query.addBindValue(atMs);
    query.addBindValue(data);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("store event"));
    return query.lastInsertId().toLongLong();
}

qint64 EventStore::lastId(const QString &inbox) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM hub_events WHERE window_id = ?"));
    query.addBindValue(inbox);
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    return 0;
}

Core::Result<QList<StoredEvent>> EventStore::since(const QString &inbox, qint64 afterId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id, type, at, data FROM hub_events"
                                 " WHERE window_id = ? AND id > ? ORDER BY id"));
    query.addBindValue(inbox);
    query.addBindValue(afterId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("read events"));
    QList<StoredEvent> events;
    while (query.next()) {
        events.append({ query.value(0).toLongLong(), query.value(1).toString(),
            query.value(2).toLongLong(), query.value(3).toString() });
    }
    return events;
}

} // namespace Tongban::Hub
