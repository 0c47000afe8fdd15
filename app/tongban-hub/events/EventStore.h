#pragma once

#include <core/Result.h>

#include <QList>
#include <QString>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/// A stored event (hub_events); \a data the compact JSON text.
struct StoredEvent
{
    qint64 id = 0;
    QString type;
    qint64 atMs = 0;
    QString data;
};

/*!
 * The SQL of events (contract §10): hub_events, ids that only grow, per window or account
 * inbox. Plain SQL.
 *
 * Threading: the thread that owns the Database.
 */
class EventStore
{
public:
    explicit EventStore(Storage::Database &database);

    /// Stores an event for \a inbox and returns its id. Works on any hub database.
    static Core::Result<qint64> append(Storage::Database &database, const QString &inbox,
        const QString &type, qint64 atMs, const QString &data);
    /// The id of the last event of \a inbox; 0 when none.
    qint64 lastId(const QString &inbox) const;
    /// The events of \a inbox after \a afterId, oldest first.
    Core::Result<QList<StoredEvent>> since(const QString &inbox, qint64 afterId) const;

private:
    Storage::Database &m_database;
};

} // namespace Tongban::Hub
