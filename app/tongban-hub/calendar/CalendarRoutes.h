#pragma once

#include "http/HttpTypes.h"

namespace Tongban::Hub {

class CalendarService;

/// GET /calendar (contract §4): CalendarService's document with a strong ETag, 304 on a match.
class CalendarRoutes
{
public:
    explicit CalendarRoutes(const CalendarService &calendar);

    HttpResponse calendar(const HttpRequest &request) const;

private:
    const CalendarService &m_calendar;
};

} // namespace Tongban::Hub
