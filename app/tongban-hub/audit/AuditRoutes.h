#pragma once

#include "http/HttpTypes.h"

#include <functional>
#include <optional>

namespace Tongban::Hub {

class AuditService;
struct AuthContext;

/*!
 * The audit trail over HTTP (issue 17, contract §19): GET /api/v1/audit, and observe(),
 * which Hub::finish calls with every answer to record the acts the trail keeps (sign-ins,
 * decisions, recording downloads, administrative acts) from the request and its answer, so
 * that the services of those acts need no line of their own.
 */
class AuditRoutes
{
public:
    using Authenticate = std::function<std::optional<AuthContext>(const HttpRequest &)>;
    AuditRoutes(AuditService &service, Authenticate authenticate);

    /// GET /api/v1/audit?afterSeq=N&limit=M&kind=K (admin, supervisor).
    HttpResponse list(const HttpRequest &request, const AuthContext &context) const;
    /// Records \a request when it was an audited act (by its path, method and status).
    void observe(const HttpRequest &request, const HttpResponse &response) const;

private:
    AuditService &m_service;
    Authenticate m_authenticate;
};

} // namespace Tongban::Hub
