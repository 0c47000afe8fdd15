#pragma once

#include <QDate>
#include <QDateTime>
#include <QMutex>
#include <QTimeZone>

namespace Tongban::Core {

/*!
 * The China Standard Time (UTC+8, no daylight saving since 1991) date of
 * \a instant: the business date of every window, whatever time zone the
 * machine is set to. An invalid \a instant gives an invalid date.
 */
QDate chinaStandardDate(const QDateTime &instant);

/*!
 * Source of the current time. Everything that computes a deadline, an expiry
 * or a retention period takes a Clock so that tests can move time.
 *
 * now() is in UTC. today() is the civil date in the window's time zone (China
 * Standard Time unless set otherwise, never the machine's own zone), which is
 * what working days count in: every business use of "today" goes through it.
 * Implementations must be safe to call from any thread.
 */
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    QDate today() const;
    QTimeZone timeZone() const { return m_zone; }
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }

private:
    QTimeZone m_zone = QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
};

/// The real clock.
class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
};

/// A clock that stands still until told to move; for tests.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start);
    QDateTime now() const override;
    void set(QDateTime time);
    void advanceSecs(qint64 seconds);
    void advanceDays(qint64 days);

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
};

} // namespace Tongban::Core
