#pragma once

#include <QHash>
#include <QString>

namespace Tongban::Hub {

/*!
 * Counts events per key in fixed windows of \a windowMs (a minute for call invites and case
 * creations): allow() is true while the key has had fewer than \a limit events in its
 * current window, and counts the event. Keys whose window has passed are pruned, so the
 * table holds at most the keys active in the last window. Times come from the caller (the
 * hub's Clock). Threading: one thread.
 */
class RateLimiter
{
public:
    RateLimiter(int limit, qint64 windowMs)
        : m_limit(limit)
        , m_windowMs(windowMs)
    { }

    bool allow(const QString &key, qint64 nowMs)
    {
        if (m_limit <= 0)
            return true;
        if (m_entries.size() > 10000)
            prune(nowMs);
        Entry &entry = m_entries[key];
        if (nowMs - entry.start >= m_windowMs || nowMs < entry.start) {
            entry.start = nowMs;
            entry.count = 0;
        }
        if (entry.count >= m_limit)
            return false;
        ++entry.count;
        return true;
    }

    /// Milliseconds until \a key may act again (0: now).
    qint64 retryAfterMs(const QString &key, qint64 nowMs) const
    {
        const auto it = m_entries.constFind(key);
        if (it == m_entries.cend() || it->count < m_limit)
            return 0;
        return qMax<qint64>(0, it->start + m_windowMs - nowMs);
    }

private:
    struct Entry
    {
        qint64 start = 0;
        int count = 0;
    };
    void prune(qint64 nowMs)
    {
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            if (nowMs - it->start >= m_windowMs)
                it = m_entries.erase(it);
            else
                ++it;
        }
    }

    int m_limit;
    qint64 m_windowMs;
    QHash<QString, Entry> m_entries;
};

} // namespace Tongban::Hub
