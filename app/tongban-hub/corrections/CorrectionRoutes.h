#pragma once

#include "http/HttpTypes.h"

namespace Tongban::Hub {

struct AuthContext;
class CorrectionService;

/*!
 * The routes of corrections and one-time notices (contract §14.2, §14.3): each parses what
 * the service needs, calls it and maps its ErrorCode to the contract's status and code.
 */
namespace CorrectionRoutes {
/// POST /cases/{caseId}/correction-request → 201 with the request (its event object).
HttpResponse request(CorrectionService &corrections, const QString &caseId, const QJsonObject &body,
    const AuthContext &context);
/// GET /cases/{caseId}/correction-request → 200.
HttpResponse current(
    const CorrectionService &corrections, const QString &caseId, const AuthContext &context);
/// POST /cases/{caseId}/correction-pages → 200 { caseId, requestId, missingPages }.
HttpResponse addPages(CorrectionService &corrections, const QString &caseId,
    const QJsonObject &body, const AuthContext &context);
/// POST /cases/{caseId}/correction-pages/submit → 200 with the case.corrected data; \a body
/// carries the grant of another hall (§14.4), empty at the application window.
HttpResponse finishPages(CorrectionService &corrections, const QString &caseId,
    const QJsonObject &body, const AuthContext &context);
/// POST /notices → 201 { serial } (200 for the same notice again).
HttpResponse registerNotice(
    CorrectionService &corrections, const QJsonObject &body, const AuthContext &context);
/// GET /notices?serial=|qr=|idNumber= → 200 { notices }.
HttpResponse lookup(
    CorrectionService &corrections, const QUrlQuery &query, const AuthContext &context);
} // namespace CorrectionRoutes

} // namespace Tongban::Hub
