#include "Clock.h"

namespace Tongban::Core {

namespace {
constexpr int kChinaStandardOffsetSecs = 8 * 3600;
} // namespace

QDate chinaStandardDate(const QDateTime &instant)
{
    // A fixed offset rather than the zone database: China has kept UTC+8 all year since 1991,
    // and a machine without tzdata (or with a broken one) must not move the business date.
    return instant.isValid() ? instant.toOffsetFromUtc(kChinaStandardOffsetSecs).date() : QDate();
}

QDate Clock::today() const
{
    if (!m_zone.isValid())
        return chinaStandardDate(now());
    return now().toTimeZone(m_zone).date();
}

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

ManualClock::ManualClock(QDateTime start)
    : m_now(start.toUTC())
{ }

QDateTime ManualClock::now() const
{
    QMutexLocker lock(&m_mutex);
    return m_now;
}

void ManualClock::set(QDateTime time)
{
    QMutexLocker lock(&m_mutex);
    m_now = time.toUTC();
}

void ManualClock::advanceSecs(qint64 seconds)
{
    QMutexLocker lock(&m_mutex);
    m_now = m_now.addSecs(seconds);
}

void ManualClock::advanceDays(qint64 days)
{
    QMutexLocker lock(&m_mutex);
    m_now = m_now.addDays(days);
}

} // namespace Tongban::Core
