#pragma once

#include <core/Result.h>
#include <storage/Migration.h>

#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/// A block of serial numbers reserved for a window.
struct SerialBlock
{
    QString windowId;
    QString prefix;
    qint64 first = 0;
    qint64 last = 0;
};

/*!
 * The SQL of serial blocks: hub_serial_windows (one high-water mark per window) and
 * hub_serial_blocks, migration set "hub_serials"; the window's name from hub_windows.
 *
 * Threading: the thread that owns the Database.
 */
class SerialBlockStore
{
public:
    explicit SerialBlockStore(Storage::Database &database);

    /// The tables (module "hub_serials", its own versions).
    static Storage::MigrationSet schema();

    /*!
     * Raises \a windowId's mark by \a count (the mark row made once, with \a prefix) and
     * records the block, in one transaction: two reservations never overlap.
     */
    Core::Result<SerialBlock> reserve(const QString &windowId, const QString &prefix, int count,
        const QString &account, qint64 nowMs);
    /// The name of the window with \a prefix that was handed \a number; nullopt when none was.
    std::optional<QString> windowHanded(const QString &prefix, qint64 number) const;

private:
    Storage::Database &m_database;
};

} // namespace Tongban::Hub
