#include "SerialBlockStore.h"

#include <storage/Database.h>

#include <QSqlQuery>

namespace Tongban::Hub {

SerialBlockStore::SerialBlockStore(Storage::Database &database)
    : m_database(database)
{ }

Storage::MigrationSet SerialBlockStore::schema()
{
    Storage::Migration first;
    first.version = 1;
    first.description = QStringLiteral("serial blocks reserved per window");
    first.statements = {
        QStringLiteral("CREATE TABLE hub_serial_windows (window_id TEXT PRIMARY KEY,"
                       " prefix TEXT NOT NULL UNIQUE, last INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE hub_serial_blocks (id INTEGER PRIMARY KEY,"
                       " window_id TEXT NOT NULL REFERENCES hub_serial_windows(window_id),"
                       " first INTEGER NOT NULL, last INTEGER NOT NULL, account TEXT NOT NULL,"
                       " created_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX hub_serial_blocks_window ON hub_serial_blocks(window_id,"
                       " first)"),
    };
    return Storage::MigrationSet { QStringLiteral("hub_serials"), { first } };
}

Core::Result<SerialBlock> SerialBlockStore::reserve(
    const QString &windowId, const QString &prefix, int count, const QString &account, qint64 nowMs)
{
    SerialBlock block { windowId, prefix, 0, 0 };
    const Core::Status status = m_database.transaction([&]() -> Core::Status {
        QSqlQuery q(m_database.connection());
        // Insert the window's mark once; then raise it. The UPDATE takes the row's lock
        // (PostgreSQL) or the database's (SQLite), so two reservations never overlap.
        q.prepare(QStringLiteral("INSERT INTO hub_serial_windows (window_id, prefix, last)"
                                 " SELECT ?, ?, 0 WHERE NOT EXISTS (SELECT 1 FROM"
                                 " hub_serial_windows WHERE window_id = ?)"));
        q.addBindValue(windowId);
        q.addBindValue(prefix);
        q.addBindValue(windowId);
        if (!q.exec())
            return Storage::Database::queryError(q, QStringLiteral("serial window"));
        q.prepare(
            QStringLiteral("UPDATE hub_serial_windows SET last = last + ? WHERE window_id = ?"));
        q.addBindValue(count);
        q.addBindValue(windowId);
        if (!q.exec())
            return Storage::Database::queryError(q, QStringLiteral("raise serial mark"));
        q.prepare(QStringLiteral("SELECT last FROM hub_serial_windows WHERE window_id = ?"));
        q.addBindValue(windowId);
        if (!q.exec() || !q.next())
            return Storage::Database::queryError(q, QStringLiteral("read serial mark"));
        block.last = q.value(0).toLongLong();
        block.first = block.last - count + 1;
        q.prepare(QStringLiteral("INSERT INTO hub_serial_blocks (window_id, first, last,"
                                 " account, created_at) VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(windowId);
        q.addBindValue(block.first);
        q.addBindValue(block.last);
        q.addBindValue(account);
        q.addBindValue(nowMs);
        if (!q.exec())
            return Storage::Database::queryError(q, QStringLiteral("record serial block"));
        return {};
    });
    if (!status)
        return status.error();
    return block;
}

std::optional<QString> SerialBlockStore::windowHanded(const QString &prefix, qint64 number) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "SELECT w.window_id, coalesce(h.name, w.window_id) FROM hub_serial_windows w"
        " LEFT JOIN hub_windows h ON h.id = w.window_id WHERE w.prefix = ? AND EXISTS"
        " (SELECT 1 FROM hub_serial_blocks b WHERE b.window_id = w.window_id"
        " AND b.first <= ? AND b.last >= ?)"));
    q.addBindValue(prefix);
    q.addBindValue(number);
    q.addBindValue(number);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(1).toString();
}

} // namespace Tongban::Hub
