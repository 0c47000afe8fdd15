#include "accounts/SignInThrottle.h"

#include "Logging.h"

#include <storage/Database.h>

#include <QSqlError>
#include <QSqlQuery>

namespace Tongban::Hub {

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
    m_database = database;
    m_hashKey = std::move(hashKey);
    m_pairs.clear();
    m_addresses.clear();
    QSqlQuery stale(m_database->connection());
    stale.prepare(
        QStringLiteral("DELETE FROM hub_signin_throttle WHERE locked_until <= ? AND start <= ?"));
    stale.addBindValue(nowMs);
    stale.addBindValue(nowMs - m_lockoutMs);
    if (!stale.exec())
        qCWarning(lcHub) << "pruning sign-in counters failed:" << stale.lastError().text();
    QSqlQuery query(m_database->connection());
    if (!query.exec(QStringLiteral(
            "SELECT kind, key, start, failures, locked_until FROM hub_signin_throttle"))) {
        qCWarning(lcHub) << "loading sign-in counters failed:" << query.lastError().text();
        return;
    }
    while (query.next()) {
        const Entry entry { query.value(2).toLongLong(), query.value(3).toInt(),
            query.value(4).toLongLong() };
        (query.value(0).toString() == QLatin1String("pair")
                ? m_pairs
                : m_addresses)[query.value(1).toString()]
            = entry;
    }
}

void SignInThrottle::store(const char *kind, const QString &key, const Entry *entry) const
{
    if (!m_database)
        return;
    QSqlQuery query(m_database->connection());
    if (entry) {
        query.prepare(QStringLiteral(
            "INSERT INTO hub_signin_throttle (kind, key, start, failures, locked_until)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, key) DO UPDATE SET"
            " start = excluded.start, failures = excluded.failures,"
            " locked_until = excluded.locked_until"));
        query.addBindValue(QString::fromLatin1(kind));
        query.addBindValue(key);
        query.addBindValue(entry->start);
        query.addBindValue(entry->failures);
        query.addBindValue(entry->lockedUntil);
    } else {
        query.prepare(QStringLiteral("DELETE FROM hub_signin_throttle WHERE kind = ? AND key = ?"));
        query.addBindValue(QString::fromLatin1(kind));
        query.addBindValue(key);
    }
    if (!query.exec())
        qCWarning(lcHub) << "storing a sign-in counter failed:" << query.lastError().text();
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
