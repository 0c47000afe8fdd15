#pragma once

#include "http/HttpTypes.h"

namespace Tongban::Hub {

struct AuthContext;
class StatsService;

/*!
 * `GET /api/v1/stats?from=YYYY-MM-DD&to=YYYY-MM-DD[&format=csv]` (contract §15): parses the
 * period, asks the StatsService and maps its errors (Forbidden → 403 forbidden, InvalidPeriod
 * → 422 validation_failed, others → 500).
 */
namespace StatsRoutes {
HttpResponse get(const StatsService &stats, const QUrlQuery &query, const AuthContext &context);
} // namespace StatsRoutes

} // namespace Tongban::Hub
