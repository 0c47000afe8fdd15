#pragma once

#include "Result.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QSet>
#include <QString>

namespace Tongban::Core {

/*!
 * Working days (工作日) as the State Council holiday notices define them:
 * Monday to Friday are working days unless they fall in a public holiday;
 * Saturday and Sunday are not, unless they are make-up workdays (调休上班).
 *
 * The calendar knows only the years its data covers. Asking about any other
 * year is an error (ErrorCode YearNotCovered), never a guess: a deadline
 * computed on a wrong calendar is worse than none.
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
