#pragma once

#include <core/Result.h>

#include <QString>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/*!
 * Where presence persists: hub_windows.presence (online, busy, away, offline). Plain SQL.
 *
 * Threading: the thread that owns the Database.
 */
class PresenceStore
{
public:
    explicit PresenceStore(Storage::Database &database);

    /// Every window offline (a hub that starts listening has no sessions).
    Core::Status resetAll();
    /// The stored presence of \a windowId; empty when the window is unknown.
    QString presenceOf(const QString &windowId) const;
    Core::Status store(const QString &windowId, const QString &presence);

private:
    Storage::Database &m_database;
};

} // namespace Tongban::Hub
