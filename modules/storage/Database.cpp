#include "Database.h"

#include "FileSystem.h"
#include "Logging.h"
#include "Tr.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Tongban::Storage {

using Core::Error;
using Core::Result;
using Core::Status;

namespace {

// Version of the container itself (PRAGMA user_version): how module versions
// are recorded. Module schemas are versioned separately in schema_versions.
constexpr int kContainerFormat = 1;
constexpr int kSqliteFull = 13; // SQLITE_FULL
constexpr int kBusyTimeoutMs = 5000;

QString newConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("tongban-db-%1").arg(counter.fetchAndAddRelaxed(1));
}

Error openError(const QString &path, const QString &detail)
{
    return Error { OpenFailed,
        Tr::tr("The workstation database could not be opened. Check that the disk is "
               "present and not full, then restart; if it happens again, call IT "
               "support with this message."),
        path + QStringLiteral(": ") + detail };
}

Error newerError(const QString &path, const QString &detail)
{
    return Error { NewerSchema,
        Tr::tr("This workstation database was written by a newer version of Tongban "
               "Workstation. It has not been changed. Install the newer version again "
               "(never a downgrade) or call IT support."),
        path + QStringLiteral(": ") + detail };
}

// Reads the stored versions without writing anything, so that a database
// from a newer version is refused untouched.
Status checkNotNewer(const QString &path, const QList<MigrationSet> &schema)
{
    if (!QFileInfo::exists(path))
        return {};
    const QString name = newConnectionName();
    Status status;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            status = openError(path, db.lastError().text());
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
                status = openError(
                    path, QStringLiteral("not a database: ") + query.lastError().text());
            } else if (query.value(0).toInt() > kContainerFormat) {
                status = newerError(path,
                    QStringLiteral("container format %1 > %2")
                        .arg(query.value(0).toInt())
                        .arg(kContainerFormat));
            } else if (query.exec(QStringLiteral("SELECT module, version FROM schema_versions"))) {
                while (query.next() && status.ok()) {
                    const QString module = query.value(0).toString();
                    const int version = query.value(1).toInt();
                    const auto known = std::find_if(schema.cbegin(), schema.cend(),
                        [&](const MigrationSet &set) { return set.module == module; });
                    if (known == schema.cend()) {
                        status = newerError(path,
                            QStringLiteral("unknown module %1 version %2")
                                .arg(module)
                                .arg(version));
                    } else if (version > known->latestVersion()) {
                        status = newerError(path,
                            QStringLiteral("module %1 version %2 > %3")
                                .arg(module)
                                .arg(version)
                                .arg(known->latestVersion()));
                    }
                }
            }
            // No schema_versions table: a new or empty file, nothing to compare.
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return status;
}

// Creates the database file 0600 when missing; takes group and others' permissions away
// from it and its -wal, -shm and -journal files otherwise.
Status keepPrivate(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        const QByteArray name = QFile::encodeName(path);
        const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST) {
            return Error { OpenFailed, {},
                QStringLiteral("create: ") + QString::fromLocal8Bit(std::strerror(errno)) };
        }
        if (fd >= 0) {
            const bool changed = ::fchmod(fd, 0600) == 0;
            const int error = errno;
            ::close(fd);
            if (!changed) {
                return Error { OpenFailed, {},
                    QStringLiteral("chmod: ") + QString::fromLocal8Bit(std::strerror(error)) };
            }
        }
    }
    for (const char *suffix : { "", "-wal", "-shm", "-journal" }) {
        if (Status status = FileSystem::system().makePrivate(path + QLatin1String(suffix)); !status)
            return status;
    }
    return {};
}

} // namespace

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{ }

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(
    const QString &path, const QList<MigrationSet> &schema)
{
    const QFileInfo info(path);
    if (Status made = FileSystem::system().ensureDirectory(info.absolutePath()); !made)
        return openError(path, made.error().detail);

    if (Status status = checkNotNewer(path, schema); !status)
        return status.error();
    // Readable by this account only, whatever the umask: SQLite gives the -wal and -shm
    // files the database file's permissions, so the file is made (or fixed) first.
    if (Status status = keepPrivate(path); !status)
        return openError(path, status.error().detail);

    std::unique_ptr<Database> database(new Database(path, newConnectionName()));
    QSqlDatabase db
        = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (!db.open())
        return openError(path, db.lastError().text());

    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next()
        || query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        return openError(path, QStringLiteral("cannot switch to WAL: ") + query.lastError().text());
    }
    for (const char *pragma : { "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON" }) {
        if (!query.exec(QString::fromLatin1(pragma)))
            return openError(path,
                QString::fromLatin1(pragma) + QStringLiteral(": ") + query.lastError().text());
    }

    if (Status status = database->applySchema(schema); !status)
        return status.error();
    // -wal and -shm exist now; make sure they did not come out wider (e.g. left by an
    // older build).
    if (Status status = keepPrivate(path); !status)
        return openError(path, status.error().detail);
    return database;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::moduleVersion(const QString &module) const
{
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("SELECT version FROM schema_versions WHERE module = ?"));
    query.addBindValue(module);
    if (query.exec() && query.next())
        return query.value(0).toInt();
    return 0;
}

Status Database::applySchema(const QList<MigrationSet> &schema)
{
    Status status = transaction([&]() -> Status {
        QSqlQuery query(connection());
        if (!query.exec(QStringLiteral(
                "CREATE TABLE IF NOT EXISTS schema_versions ("
                " module TEXT PRIMARY KEY NOT NULL,"
                " version INTEGER NOT NULL,"
                " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))"))
            || !query.exec(QStringLiteral("PRAGMA user_version = %1").arg(kContainerFormat))) {
            return queryError(query, QStringLiteral("create schema_versions"));
        }
        return {};
    });
    if (!status)
        return status;

    for (const MigrationSet &set : schema) {
        int current = moduleVersion(set.module);
        for (const Migration &migration : set.migrations) {
            if (migration.version <= current)
                continue;
            if (migration.version != current + 1) {
                return Error { MigrationFailed,
                    Tr::tr("The database schema of this build is inconsistent. Call IT "
                           "support."),
                    QStringLiteral("%1: migration %2 follows version %3")
                        .arg(set.module)
                        .arg(migration.version)
                        .arg(current) };
            }
            status = transaction([&]() -> Status {
                QSqlQuery query(connection());
                for (const QString &statement : migration.statements) {
                    if (!query.exec(statement))
                        return queryError(query,
                            set.module + QStringLiteral(" migration ")
                                + QString::number(migration.version));
                }
                query.prepare(
                    QStringLiteral("INSERT INTO schema_versions(module, version) VALUES(?, ?) "
                                   "ON CONFLICT(module) DO UPDATE SET version = excluded.version, "
                                   "applied_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')"));
                query.addBindValue(set.module);
                query.addBindValue(migration.version);
                if (!query.exec())
                    return queryError(query, QStringLiteral("record schema version"));
                return {};
            });
            if (!status) {
                qCWarning(lcStorage).noquote() << "migration failed:" << set.module
                                               << migration.version << status.error().detail;
                return Error { MigrationFailed, status.error().message, status.error().detail };
            }
            qCInfo(lcStorage).noquote()
                << "applied migration" << set.module << migration.version << migration.description;
            current = migration.version;
        }
    }
    return {};
}

Status Database::transaction(const std::function<Status()> &work)
{
    QSqlQuery query(connection());
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        Status status = work();
        --m_transactionDepth;
        return status;
    }
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return queryError(query, QStringLiteral("begin"));
    ++m_transactionDepth;
    Status status = work();
    --m_transactionDepth;
    if (status && !query.exec(QStringLiteral("COMMIT")))
        status = queryError(query, QStringLiteral("commit"));
    if (!status) {
        QSqlQuery rollback(connection());
        rollback.exec(QStringLiteral("ROLLBACK"));
    }
    return status;
}

Status Database::transactionWithoutSync(const std::function<Status()> &work)
{
    if (m_transactionDepth > 0)
        return transaction(work);
    QSqlQuery pragma(connection());
    if (!pragma.exec(QStringLiteral("PRAGMA synchronous=NORMAL")))
        return queryError(pragma, QStringLiteral("synchronous=NORMAL"));
    Status status = transaction(work);
    if (!pragma.exec(QStringLiteral("PRAGMA synchronous=FULL"))) {
        // Every later commit would be weaker than the class promises: say so.
        const Error error = queryError(pragma, QStringLiteral("synchronous=FULL"));
        qCCritical(lcStorage).noquote() << error.toString();
        if (status)
            status = error;
    }
    return status;
}

Result<QString> Database::integrityCheck() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
        return queryError(query, QStringLiteral("integrity_check"));
    QStringList lines;
    while (query.next())
        lines << query.value(0).toString();
    return lines.join(QLatin1Char('\n'));
}

Error Database::queryError(const QSqlQuery &query, const QString &what)
{
    const QSqlError sqlError = query.lastError();
    const QString detail = what + QStringLiteral(": ") + sqlError.text();
    if (sqlError.nativeErrorCode().toInt() == kSqliteFull
        || sqlError.databaseText().contains(QLatin1String("disk is full"))) {
        return Error { DiskFull,
            Tr::tr("The disk is full, so nothing more can be saved. Everything saved "
                   "before is intact. Free disk space (or call IT support), then try "
                   "again."),
            detail };
    }
    return Error { QueryFailed,
        Tr::tr("The workstation database refused an operation. Nothing was lost; try "
               "again, and call IT support if it happens again."),
        detail };
}

} // namespace Tongban::Storage
