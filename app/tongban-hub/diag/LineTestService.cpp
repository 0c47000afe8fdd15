#include "LineTestService.h"

#include "accounts/AccountService.h"

#include <QRandomGenerator>

#include <cmath>

namespace Tongban::Hub {

LineTestService::LineTestService(const HubConfig &config)
    : m_config(config)
    , m_perAccount(config.rates.diagRequestsPerAccountPerMinute, 60 * 1000)
{
    // Random bytes: nothing on the way (a proxy, a VPN) can compress the test.
    m_block.resize(64 * 1024);
    QRandomGenerator::global()->fillRange(
        reinterpret_cast<quint32 *>(m_block.data()), m_block.size() / int(sizeof(quint32)));
}

std::optional<HttpResponse> LineTestService::limited(const AuthContext &context)
{
    const qint64 nowMs = m_config.clock->now().toMSecsSinceEpoch();
    if (m_perAccount.allow(context.account, nowMs))
        return std::nullopt;
    HttpResponse response = errorResponse(429, QStringLiteral("rate_limited"),
        QStringLiteral("线路测试过于频繁，请稍后再试"),
        QStringLiteral("line check requests per account and minute"));
    response.addHeader(QByteArrayLiteral("Retry-After"),
        QByteArray::number((m_perAccount.retryAfterMs(context.account, nowMs) + 999) / 1000));
    return response;
}

std::optional<std::pair<qint64, qint64>> LineTestService::book(qint64 bytes, qint64 fromNs)
{
    const qint64 nowNs = steadyNs();
    const qint64 startNs = std::max(fromNs, m_freeAtNs);
    const qint64 endNs
        = startNs + qint64(double(bytes) * 8.0 / (m_config.diagRateMbit * 1e6) * 1e9);
    if (endNs - nowNs > MaxHoldMs * 1'000'000)
        return std::nullopt;
    m_freeAtNs = endNs;
    return std::pair { startNs, endNs };
}

namespace {

HttpResponse busy()
{
    HttpResponse response = errorResponse(503, QStringLiteral("unavailable"),
        QStringLiteral("线路测试繁忙，请稍后再试"),
        QStringLiteral("the transfer would exceed the test's time bound at the hub's rate cap"));
    response.addHeader(
        QByteArrayLiteral("Retry-After"), QByteArray::number(LineTestService::MaxHoldMs / 1000));
    return response;
}

} // namespace

HttpResponse LineTestService::download(
    const HttpRequest &request, const AuthContext &context, qint64 *holdMs)
{
    *holdMs = 0;
    bool ok = false;
    const qint64 bytes = request.query.queryItemValue(QStringLiteral("bytes")).toLongLong(&ok);
    if (!ok || bytes < 0 || bytes > MaxBytes) {
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("测试数据量无效"),
            QStringLiteral("bytes: 0 to %1").arg(MaxBytes));
    }
    if (auto refused = limited(context))
        return *refused;
    HttpResponse response;
    if (m_config.diagRateMbit > 0) {
        const auto booked = book(bytes, request.arrivedNs > 0 ? request.arrivedNs : steadyNs());
        if (!booked)
            return busy();
        // Sent when the bucket is free, at the cap's pace counted from then.
        *holdMs = std::max<qint64>(0, (booked->first - steadyNs()) / 1'000'000);
        response.paceBitsPerSecond = m_config.diagRateMbit * 1e6;
        response.paceFromNs = booked->first;
    }
    response.status = 200;
    response.body.reserve(bytes);
    while (response.body.size() < bytes)
        response.body.append(
            m_block.constData(), qMin<qint64>(m_block.size(), bytes - response.body.size()));
    response.addHeader(
        QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/octet-stream"));
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return response;
}

HttpResponse LineTestService::upload(
    const HttpRequest &request, const AuthContext &context, qint64 *holdMs)
{
    *holdMs = 0;
    if (auto refused = limited(context))
        return *refused;
    if (m_config.diagRateMbit > 0) {
        // The body came while its head's time was counted: acknowledged when, at the cap,
        // it would have finished coming.
        const auto booked
            = book(request.body.size(), request.arrivedNs > 0 ? request.arrivedNs : steadyNs());
        if (!booked)
            return busy();
        *holdMs = std::max<qint64>(0, (booked->second - steadyNs()) / 1'000'000);
    }
    return jsonResponse(200, QJsonObject { { QStringLiteral("bytes"), request.body.size() } });
}

} // namespace Tongban::Hub
