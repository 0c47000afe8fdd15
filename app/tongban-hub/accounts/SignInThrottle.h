#pragma once

#include <storage/Migration.h>

#include <QHash>
#include <QString>

#include <functional>
#include <memory>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

class SignInThrottleStore;

/*!
 * Failed sign-ins, counted in memory by account name and address (issue 13):
 *
 * - failures for one account name from one address lock that pair for lockoutSecs after
 *   HubConfig::lockoutFailures in a row; the name need not exist, so a
 *   locked answer says nothing about which accounts exist, and a clerk signing in from
 *   another address (their window) is not locked out by someone else's guesses;
 * - failures from one address for any names are capped per lockoutSecs window
 *   (signInFailuresPerAddress), so one address cannot go on locking names or guessing.
 *
 * With persistIn() the counters are kept in the hub's database too (table
 * hub_signin_throttle, module "hub_signin", SQL in SignInThrottleStore), so a restart neither
 * resets a lockout nor an address's count; names and addresses are stored only as keyed hashes (any
 * name typed, an account or not, alike).
 *
 * Times are the hub's Clock in ms. Threading: one thread.
 */
class SignInThrottle
{
public:
    SignInThrottle(int failuresPerPair, int failuresPerAddress, int lockoutSecs);
    ~SignInThrottle();

    /// The table of the persisted counters (its own migration set).
    static Storage::MigrationSet schema();
    /*!
     * Keeps the counters in \a database (not owned), stored under \a hashKey of each key;
     * loads those still running at \a nowMs.
     */
    void persistIn(
        Storage::Database *database, std::function<QString(const QString &)> hashKey, qint64 nowMs);

    /// Until when (ms) \a account is locked for \a address; 0: not locked.
    qint64 lockedUntil(const QString &account, const QString &address, qint64 nowMs) const;
    /// Until when (ms) \a address may not try; 0: it may.
    qint64 addressBlockedUntil(const QString &address, qint64 nowMs) const;
    /// Counts a failure; true when it locked the pair.
    bool failed(const QString &account, const QString &address, qint64 nowMs);
    void succeeded(const QString &account, const QString &address);

private:
    struct Entry
    {
        qint64 start = 0; ///< window start (address) or first failure in a row (pair)
        int failures = 0;
        qint64 lockedUntil = 0;
    };
    QString pairKey(const QString &account, const QString &address) const
    {
        return hashed(
            QStringLiteral("pair\n") + account.toCaseFolded() + QLatin1Char('\n') + address);
    }
    QString addressKey(const QString &address) const
    {
        return hashed(QStringLiteral("address\n") + address);
    }
    QString hashed(const QString &key) const { return m_hashKey ? m_hashKey(key) : key; }
    void prune(qint64 nowMs);
    void store(const char *kind, const QString &key, const Entry *entry) const;

    int m_failuresPerPair;
    int m_failuresPerAddress;
    qint64 m_lockoutMs;
    QHash<QString, Entry> m_pairs;
    QHash<QString, Entry> m_addresses;
    std::unique_ptr<SignInThrottleStore> m_store; ///< null: counters in memory only
    std::function<QString(const QString &)> m_hashKey;
};

} // namespace Tongban::Hub
