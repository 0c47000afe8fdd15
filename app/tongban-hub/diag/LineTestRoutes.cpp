#include "LineTestRoutes.h"

#include "diag/LineTestService.h"

namespace Tongban::Hub {

LineTestRoutes::LineTestRoutes(LineTestService &service)
    : m_service(service)
{ }

HttpResponse LineTestRoutes::errorFor(const Core::Error &error, const AuthContext &context) const
{
    switch (error.code) {
    case LineTestService::BadSize:
        return errorResponse(400, QStringLiteral("bad_request"), error.message, error.detail);
    case LineTestService::RateLimited: {
        HttpResponse response
            = errorResponse(429, QStringLiteral("rate_limited"), error.message, error.detail);
        response.addHeader(QByteArrayLiteral("Retry-After"),
            QByteArray::number(m_service.retryAfterSecs(context)));
        return response;
    }
    case LineTestService::Busy: {
        HttpResponse response
            = errorResponse(503, QStringLiteral("unavailable"), error.message, error.detail);
        response.addHeader(QByteArrayLiteral("Retry-After"),
            QByteArray::number(LineTestService::MaxHoldMs / 1000));
        return response;
    }
    default:
        return internalError(error.detail);
    }
}

HttpResponse LineTestRoutes::download(
    const HttpRequest &request, const AuthContext &context, qint64 *holdMs)
{
    *holdMs = 0;
    bool ok = false;
    qint64 bytes = request.query.queryItemValue(QStringLiteral("bytes")).toLongLong(&ok);
    if (!ok)
        bytes = -1;
    const auto transfer = m_service.download(bytes, request.arrivedNs, context);
    if (!transfer)
        return errorFor(transfer.error(), context);
    *holdMs = transfer->holdMs;
    HttpResponse response;
    response.paceBitsPerSecond = transfer->paceBitsPerSecond;
    response.paceFromNs = transfer->paceFromNs;
    response.status = 200;
    response.body = m_service.payload(bytes);
    response.addHeader(
        QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/octet-stream"));
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return response;
}

HttpResponse LineTestRoutes::upload(
    const HttpRequest &request, const AuthContext &context, qint64 *holdMs)
{
    *holdMs = 0;
    const auto transfer = m_service.upload(request.body.size(), request.arrivedNs, context);
    if (!transfer)
        return errorFor(transfer.error(), context);
    *holdMs = transfer->holdMs;
    return jsonResponse(200, QJsonObject { { QStringLiteral("bytes"), request.body.size() } });
}

} // namespace Tongban::Hub
