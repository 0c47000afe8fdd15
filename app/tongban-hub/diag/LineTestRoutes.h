#pragma once

#include "http/HttpTypes.h"

#include <core/Error.h>

namespace Tongban::Hub {

struct AuthContext;
class LineTestService;

/*!
 * The HTTP side of the line check (issue 16): GET /api/v1/diag/download?bytes=N and
 * POST /api/v1/diag/upload. Parses the request, asks LineTestService, maps its errors (400,
 * 429 with Retry-After, 503 with Retry-After) and paces the answer.
 */
class LineTestRoutes
{
public:
    explicit LineTestRoutes(LineTestService &service);

    /// The answer; \a holdMs: how long the hub keeps it back before sending (rate cap).
    HttpResponse download(const HttpRequest &request, const AuthContext &context, qint64 *holdMs);
    HttpResponse upload(const HttpRequest &request, const AuthContext &context, qint64 *holdMs);

private:
    HttpResponse errorFor(const Core::Error &error, const AuthContext &context) const;

    LineTestService &m_service;
};

} // namespace Tongban::Hub
