#include "PresenceStore.h"

#include <storage/Database.h>

#include <QSqlQuery>

namespace Tongban::Hub {

PresenceStore::PresenceStore(Storage::Database &database)
    : m_database(database)
{ }

Core::Status PresenceStore::resetAll()
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("UPDATE hub_windows SET presence = 'offline'")))
        return Storage::Database::queryError(query, QStringLiteral("reset presence"));
    return {};
}

QString PresenceStore::presenceOf(const QString &windowId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT presence FROM hub_windows WHERE id = ?"));
    query.addBindValue(windowId);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString();
}

Core::Status PresenceStore::store(const QString &windowId, const QString &presence)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE hub_windows SET presence = ? WHERE id = ?"));
    query.addBindValue(presence);
    query.addBindValue(windowId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("store presence"));
    return {};
}

} // namespace Tongban::Hub
