#include "LineTestService.h"

#include "accounts/AccountService.h"

#include <QRandomGenerator>

#include <cmath>

namespace Tongban::Hub {

LineTestService::LineTestService(const HubConfig &config)
    : m_config(config)
    , m_perAccount(config.rates.diagRequestsPerAccountPerMinute, 60 * 1000)
{
    m_monotonic.start();
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

qint64 LineTestService::book(qint64 bytes)
{
    if (m_config.diagRateMbit <= 0)
        return 0;
    const double nowMs = double(m_monotonic.nsecsElapsed()) / 1e6;
    const double startMs = std::max(nowMs, m_freeAtMs);
    const double endMs = startMs + double(bytes) * 8.0 / (m_config.diagRateMbit * 1e6) * 1000.0;
    if (endMs - nowMs > double(MaxHoldMs))
        return -1;
    m_freeAtMs = endMs;
    return qint64(std::ceil(endMs - nowMs));
}

namespace {

HttpResponse busy()
{
    HttpResponse response = errorResponse(503, QStringLiteral("busy"),
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
    const qint64 hold = book(bytes);
    if (hold < 0)
        return busy();
    *holdMs = hold;
    HttpResponse response;
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
    const qint64 hold = book(request.body.size());
    if (hold < 0)
        return busy();
    *holdMs = hold;
    return jsonResponse(200, QJsonObject { { QStringLiteral("bytes"), request.body.size() } });
}

} // namespace Tongban::Hub
