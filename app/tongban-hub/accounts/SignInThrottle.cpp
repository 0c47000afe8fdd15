#include "accounts/SignInThrottle.h"

#include "Logging.h"
#include "accounts/SignInThrottleStore.h"

namespace Tongban::Hub {

SignInThrottle::SignInThrottle(int failuresPerPair, int failuresPerAddress, int lockoutSecs)
    : m_failuresPerPair(failuresPerPair)
    , m_failuresPerAddress(failuresPerAddress)
    , m_lockoutMs(qint64(lockoutSecs) * 1000)
{ }

SignInThrottle::~SignInThrottle() = default;

Storage::MigrationSet SignInThrottle::schema()
{
    Storage::Migration first;
    first.version = 1;
    first.description = QStringLiteral("sign-in failures and lockouts kept across restarts");
    first.statements = { QStringLiteral(
        "CREATE TABLE hub_signin_throttle (kind TEXT NOT NULL, key TEXT NOT NULL,"
        " start INTEGER NOT NULL, failures INTEGER NOT NULL, locked_until INTEGER NOT NULL,"
        " PRIMARY KEY (kind, key))") };
    return Storage::MigrationSet { QStringLiteral("hub_signin"), { first } };
}

void SignInThrottle::persistIn(
    Storage::Database *database, std::function<QString(const QString &)> hashKey, qint64 nowMs)
{
    m_store = database ? std::make_unique<SignInThrottleStore>(*database) : nullptr;
    m_hashKey = std::move(hashKey);
    m_pairs.clear();
    m_addresses.clear();
    if (!m_store)
        return;
    if (const Core::Status pruned = m_store->prune(nowMs, nowMs - m_lockoutMs); !pruned)
        qCWarning(lcHub) << "pruning sign-in counters failed:" << pruned.error().detail;
    const auto rows = m_store->load();
    if (!rows) {
        qCWarning(lcHub) << "loading sign-in counters failed:" << rows.error().detail;
        return;
    }
    for (const ThrottleRow &row : *rows) {
        (row.kind == QLatin1String("pair") ? m_pairs : m_addresses)[row.key]
            = Entry { row.start, row.failures, row.lockedUntil };
    }
}

void SignInThrottle::store(const char *kind, const QString &key, const Entry *entry) const
{
    if (!m_store)
        return;
    const Core::Status stored = entry ? m_store->put(ThrottleRow { QString::fromLatin1(kind), key,
                                    entry->start, entry->failures, entry->lockedUntil })
                                      : m_store->remove(QString::fromLatin1(kind), key);
    if (!stored)
        qCWarning(lcHub) << "storing a sign-in counter failed:" << stored.error().detail;
}

qint64 SignInThrottle::lockedUntil(
    const QString &account, const QString &address, qint64 nowMs) const
{
    const auto it = m_pairs.constFind(pairKey(account, address));
    return it != m_pairs.cend() && it->lockedUntil > nowMs ? it->lockedUntil : 0;
}

qint64 SignInThrottle::addressBlockedUntil(const QString &address, qint64 nowMs) const
{
    const auto it = m_addresses.constFind(addressKey(address));
    if (it == m_addresses.cend() || nowMs - it->start >= m_lockoutMs)
        return 0;
    return it->failures >= m_failuresPerAddress ? it->start + m_lockoutMs : 0;
}

bool SignInThrottle::failed(const QString &account, const QString &address, qint64 nowMs)
{
    if (m_pairs.size() + m_addresses.size() > 100000)
        prune(nowMs);
    const QString perAddressKey = addressKey(address);
    Entry &perAddress = m_addresses[perAddressKey];
    if (nowMs - perAddress.start >= m_lockoutMs || nowMs < perAddress.start) {
        perAddress.start = nowMs;
        perAddress.failures = 0;
    }
    ++perAddress.failures;
    store("address", perAddressKey, &perAddress);

    const QString key = pairKey(account, address);
    Entry &pair = m_pairs[key];
    if (pair.lockedUntil != 0 && pair.lockedUntil <= nowMs)
        pair = Entry {};
    ++pair.failures;
    const bool locked = pair.failures >= m_failuresPerPair;
    if (locked) {
        pair.failures = 0;
        pair.lockedUntil = nowMs + m_lockoutMs;
    }
    store("pair", key, &pair);
    return locked;
}

void SignInThrottle::succeeded(const QString &account, const QString &address)
{
    const QString key = pairKey(account, address);
    if (m_pairs.remove(key))
        store("pair", key, nullptr);
}

void SignInThrottle::prune(qint64 nowMs)
{
    for (auto it = m_pairs.begin(); it != m_pairs.end();) {
        if (it->lockedUntil <= nowMs)
            it = m_pairs.erase(it);
        else
            ++it;
    }
    for (auto it = m_addresses.begin(); it != m_addresses.end();) {
        if (nowMs - it->start >= m_lockoutMs)
            it = m_addresses.erase(it);
        else
            ++it;
    }
}

} // namespace Tongban::Hub
