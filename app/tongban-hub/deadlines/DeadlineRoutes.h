#pragma once

#include "http/HttpTypes.h"

namespace Tongban::Hub {

struct AuthContext;
class DeadlineService;

/// The deadlines' routes (contract §14.1): GET /deadlines, and the member "deadlines" that
/// GET /cases/{id} gains.
namespace DeadlineRoutes {
/// GET /api/v1/deadlines → 200 { "deadlines": [...] }.
HttpResponse list(const DeadlineService &deadlines, const AuthContext &context);
/// \a response (a GET /cases/{id} answer) with "deadlines" added when it is a 200.
HttpResponse withDeadlines(
    const DeadlineService &deadlines, const QString &caseId, HttpResponse response);
} // namespace DeadlineRoutes

} // namespace Tongban::Hub
