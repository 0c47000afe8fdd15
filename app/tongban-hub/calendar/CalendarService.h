#pragma once

#include "HubErrors.h"
#include "calendar/CalendarStore.h"

#include <core/Clock.h>
#include <core/Result.h>

#include <QList>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/*!
 * The working-day calendar the platform serves (contract §4, GET /calendar):
 * the years built into the application, with every year imported by the
 * platform administrator (tongban-hub calendar import) in place of the built-in
 * one, as one tongban-working-days document (CalendarRoutes serves it with a strong ETag).
 *
 * Imported years are kept by CalendarStore (one per year, the year's object as
 * imported), so a running hub serves a year imported by another process at the next
 * request.
 *
 * Same thread as the Database.
 */
class CalendarService
{
public:
    enum ErrorCode {
        CalendarInvalid = HubError::Calendar,
        CalendarStoreFailed,
    };

    struct ImportReport
    {
        QList<int> years; ///< the years of the file, now in force on the platform
        QList<int> replaced; ///< of those, years imported before and now replaced
    };

    CalendarService(Storage::Database &database, const Core::Clock &clock);

    /// The document served: built-in years and imported years, sorted by year.
    Core::Result<QByteArray> document() const;

    /*!
     * Checks \a json with Core::WorkCalendar::fromJson (every problem is listed
     * in the error detail, one per line) and stores each of its years in one
     * transaction. An invalid file changes nothing. \a source (the file name)
     * is kept with each year.
     */
    Core::Result<ImportReport> import(const QByteArray &json, const QString &source);

private:
    CalendarStore m_store;
    const Core::Clock &m_clock;
};

} // namespace Tongban::Hub
