#include "Clock.h"

namespace Tongban::Core {

QDate Clock::today() const
{
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
