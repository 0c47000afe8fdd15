#pragma once

#include <core/Result.h>

#include <QList>
#include <QString>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/// One persisted counter of SignInThrottle (its key a keyed hash).
struct ThrottleRow
{
    QString kind; ///< "pair" or "address"
    QString key;
    qint64 start = 0;
    int failures = 0;
    qint64 lockedUntil = 0;
};

/*!
 * The SQL of SignInThrottle: table hub_signin_throttle (migration set "hub_signin",
 * SignInThrottle::schema()). Plain SQL; the upsert is the standard ON CONFLICT form that
 * PostgreSQL has too.
 *
 * Threading: the thread that owns the Database.
 */
class SignInThrottleStore
{
public:
    explicit SignInThrottleStore(Storage::Database &database);

    /// Deletes the counters neither locked at \a nowMs nor counting since \a staleBeforeMs.
    Core::Status prune(qint64 nowMs, qint64 staleBeforeMs);
    Core::Result<QList<ThrottleRow>> load() const;
    Core::Status put(const ThrottleRow &row);
    Core::Status remove(const QString &kind, const QString &key);

private:
    Storage::Database &m_database;
};

} // namespace Tongban::Hub
