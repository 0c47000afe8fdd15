#pragma once

#include "Result.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QSet>
#include <QString>

namespace Tongban::Core {

/*!
 * A deadline counted in working days. \c provisional when the count ran
 * through a year the calendar has no data for: there only Saturdays and
 * Sundays were taken as rest days (holidays and make-up workdays unknown), and
 * the date is to be recomputed once the year's data arrives.
 */
struct DueDate
{
    QDate date;
    bool provisional = false;
};

/*!
 * Working days (工作日) as the State Council holiday notices define them:
 * Monday to Friday are working days unless they fall in a public holiday;
 * Saturday and Sunday are not, unless they are make-up workdays (调休上班).
 *
 * The calendar knows only the years its data covers. Asking isWorkingDay() or
 * addWorkingDays() about any other year is an error (ErrorCode
 * YearNotCovered), never a guess. Where the window must not stop (the mailing
 * deadline of a case whose receipt is already printed), dueAfterWorkingDays()
 * gives a date marked provisional instead.
 *
 * Data comes from a JSON document (format "tongban-working-days", see
 * resources/calendar/cn-working-days.json); the embedded one covers 2024-2026.
 * Data from the platform replaces whole years with withYearsFrom().
 *
 * Value type; const methods are safe from any thread.
 */
class WorkCalendar
{
public:
    enum ErrorCode {
        YearNotCovered = ErrorRange::Core + 20,
        InvalidData,
    };

    /// The calendar shipped with the application (2024-2026).
    static const WorkCalendar &embedded();

    /// Parses and checks a calendar document; every problem found is listed in the error detail.
    static Result<WorkCalendar> fromJson(const QByteArray &json);

    Result<bool> isWorkingDay(const QDate &date) const;

    /*!
     * The date \a days working days after \a from (before it when \a days is
     * negative); \a from itself is never counted. addWorkingDays(d, 0) is d.
     * Fails when the count runs into a year the calendar does not cover.
     */
    Result<QDate> addWorkingDays(const QDate &from, int days) const;

    /*!
     * Like addWorkingDays(\a from, \a days) for \a days >= 0, but a year the
     * calendar does not cover does not fail: its Mondays to Fridays count as
     * working days and the result is marked provisional. Fails only for an
     * invalid \a from or a negative \a days.
     */
    Result<DueDate> dueAfterWorkingDays(const QDate &from, int days) const;

    /*!
     * The years a window needs on \a today and the calendar lacks: \a today's
     * own year, and from 1 December the next one. Empty when nothing is missing.
     */
    QList<int> missingYears(const QDate &today) const;
    /// "The working-day calendar in force has no data for 2027." (translated)
    static QString missingYearsFinding(const QList<int> &years);
    /// What a clerk or IT staff does about missing years (translated).
    static QString missingYearsAdvice(const QList<int> &years);

    /// The holiday name for \a date ("国庆节"), or an empty string.
    QString holidayName(const QDate &date) const;

    bool coversYear(int year) const { return m_years.contains(year); }
    QList<int> years() const;

    /// A copy whose years present in \a newer are taken from \a newer.
    WorkCalendar withYearsFrom(const WorkCalendar &newer) const;

private:
    QSet<int> m_years;
    QHash<QDate, QString> m_holidays;
    QHash<QDate, QString> m_makeUpWorkdays;
};

} // namespace Tongban::Core
