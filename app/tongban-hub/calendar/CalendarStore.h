#pragma once

#include <core/Result.h>

#include <QByteArray>
#include <QList>
#include <QMap>

#include <functional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/// A year of the working-day calendar as imported: the year's JSON object.
struct CalendarYear
{
    int year = 0;
    QByteArray body;
};

/*!
 * The calendar's data: the built-in tongban-working-days file (the core module's resource)
 * and the years imported by the administrator (hub_calendar_years, one row per year).
 *
 * Same thread as the Database.
 */
class CalendarStore
{
public:
    explicit CalendarStore(Storage::Database &database);

    /// The calendar built into the application.
    Core::Result<QByteArray> builtIn() const;
    /// The imported years, by year.
    Core::Result<QMap<int, QByteArray>> importedYears() const;
    /*!
     * Stores \a years from \a source at \a nowMs, each in place of an earlier import of
     * that year, then runs \a check, all in one transaction (an error rolls back). Returns
     * the years that replaced earlier imports.
     */
    Core::Result<QList<int>> replaceYears(const QList<CalendarYear> &years, const QString &source,
        qint64 nowMs, const std::function<Core::Status()> &check);

private:
    Storage::Database &m_database;
};

} // namespace Tongban::Hub
