#pragma once

#include "Migration.h"

#include <core/Result.h>

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

namespace Tongban::Storage {

enum ErrorCode {
    OpenFailed = Core::ErrorRange::Storage + 1,
    NewerSchema,
    MigrationFailed,
    QueryFailed,
    DiskFull,
    WriteFailed,
    ReadFailed,
    HashMismatch,
    NotFound,
    InvalidArgument,
};

/*!
 * The workstation's one SQLite database, through Qt Sql.
 *
 * open() sets WAL journaling, synchronous=FULL (a committed transaction
 * survives power loss), foreign keys on and a busy timeout, then brings every
 * module's schema up to date with its numbered migrations, each in one
 * transaction.
 *
 * A database written by a newer version of the workstation (a module version
 * above the one this build knows, or a module this build has never heard of)
 * is refused with NewerSchema before anything is written to it.
 *
 * Threading: a Database and its connection belong to the thread that opened
 * it (a Qt Sql rule). Other threads open their own Database on the same file.
 */
class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    static Core::Result<std::unique_ptr<Database>> open(
        const QString &path, const QList<MigrationSet> &schema);

    QSqlDatabase connection() const;
    QString path() const { return m_path; }

    /// Schema version of \a module in this database, 0 when it has none.
    int moduleVersion(const QString &module) const;

    /*!
     * Runs \a work inside one transaction: committed when it returns ok,
     * rolled back when it returns an error. Nested calls join the outer
     * transaction.
     */
    Core::Status transaction(const std::function<Core::Status()> &work);

    /*!
     * Like transaction(), but the commit does not wait for the disk (synchronous=NORMAL for
     * that one commit; FULL again afterwards). It survives the process being killed; a power
     * cut may lose it, and only it and other such commits made since the last ordinary
     * commit, whose sync makes them durable too (WAL frames reach the disk in order).
     * For records that can be rebuilt from elsewhere: upload progress, which the platform
     * holds as well. Inside another transaction it joins that one.
     */
    Core::Status transactionWithoutSync(const std::function<Core::Status()> &work);

    /// Runs PRAGMA integrity_check; "ok" on a healthy file.
    Core::Result<QString> integrityCheck() const;

    /*!
     * Maps a failed query to an Error the clerk understands: a full disk
     * (SQLITE_FULL) becomes DiskFull, everything else QueryFailed. \a what
     * names the operation for the technical detail.
     */
    static Core::Error queryError(const class QSqlQuery &query, const QString &what);

private:
    Database(QString path, QString connectionName);
    Core::Status applySchema(const QList<MigrationSet> &schema);

    QString m_path;
    QString m_connectionName;
    int m_transactionDepth = 0;
};

} // namespace Tongban::Storage
