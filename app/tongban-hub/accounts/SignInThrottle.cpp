#include "accounts/SignInThrottle.h"

namespace Tongban::Hub {

qint64 SignInThrottle::lockedUntil(
    const QString &account, const QString &address, qint64 nowMs) const
{
    const auto it = m_pairs.constFind(pairKey(account, address));
    return it != m_pairs.cend() && it->lockedUntil > nowMs ? it->lockedUntil : 0;
}

qint64 SignInThrottle::addressBlockedUntil(const QString &address, qint64 nowMs) const
{
    const auto it = m_addresses.constFind(address);
    if (it == m_addresses.cend() || nowMs - it->start >= m_lockoutMs)
        return 0;
    return it->failures >= m_failuresPerAddress ? it->start + m_lockoutMs : 0;
}

bool SignInThrottle::failed(const QString &account, const QString &address, qint64 nowMs)
{
    if (m_pairs.size() + m_addresses.size() > 100000)
        prune(nowMs);
    Entry &perAddress = m_addresses[address];
    if (nowMs - perAddress.start >= m_lockoutMs || nowMs < perAddress.start) {
        perAddress.start = nowMs;
        perAddress.failures = 0;
    }
    ++perAddress.failures;

    Entry &pair = m_pairs[pairKey(account, address)];
    if (pair.lockedUntil != 0 && pair.lockedUntil <= nowMs)
        pair = Entry {};
    ++pair.failures;
    if (pair.failures >= m_failuresPerPair) {
        pair.failures = 0;
        pair.lockedUntil = nowMs + m_lockoutMs;
        return true;
    }
    return false;
}

void SignInThrottle::succeeded(const QString &account, const QString &address)
{
    m_pairs.remove(pairKey(account, address));
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
