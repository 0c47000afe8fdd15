#include "LineTestService.h"

#include "accounts/AccountService.h"
#include "diag/LineTestStore.h"
#include "http/HttpTypes.h"

#include <cmath>

namespace Tongban::Hub {

namespace {

Core::Error busy()
{
    return Core::Error { LineTestService::Busy, QStringLiteral("线路测试繁忙，请稍后再试"),
        QStringLiteral("the transfer would exceed the test's time bound at the hub's rate cap") };
}

} // namespace

LineTestService::LineTestService(LineTestStore &store, const HubConfig &config)
    : m_store(store)
    , m_config(config)
    , m_perAccount(config.rates.diagRequestsPerAccountPerMinute, 60 * 1000)
{ }

std::optional<Core::Error> LineTestService::limited(const AuthContext &context)
{
    const qint64 nowMs = m_config.clock->now().toMSecsSinceEpoch();
    if (m_perAccount.allow(context.account, nowMs))
        return std::nullopt;
    return Core::Error { RateLimited, QStringLiteral("线路测试过于频繁，请稍后再试"),
        QStringLiteral("line check requests per account and minute") };
}

qint64 LineTestService::retryAfterSecs(const AuthContext &context) const
{
    const qint64 nowMs = m_config.clock->now().toMSecsSinceEpoch();
    return (m_perAccount.retryAfterMs(context.account, nowMs) + 999) / 1000;
}

std::optional<std::pair<qint64, qint64>> LineTestService::book(qint64 bytes, qint64 fromNs)
{
    const qint64 nowNs = steadyNs();
    const qint64 startNs = std::max(fromNs, m_store.freeAtNs());
    const qint64 endNs
        = startNs + qint64(double(bytes) * 8.0 / (m_config.diagRateMbit * 1e6) * 1e9);
    if (endNs - nowNs > MaxHoldMs * 1'000'000)
        return std::nullopt;
    m_store.setFreeAtNs(endNs);
    return std::pair { startNs, endNs };
}

Core::Result<LineTestService::Transfer> LineTestService::download(
    qint64 bytes, qint64 arrivedNs, const AuthContext &context)
{
    if (bytes < 0 || bytes > MaxBytes) {
        return Core::Error { BadSize, QStringLiteral("测试数据量无效"),
            QStringLiteral("bytes: 0 to %1").arg(MaxBytes) };
    }
    if (auto refused = limited(context))
        return *refused;
    Transfer transfer;
    if (m_config.diagRateMbit > 0) {
        const auto booked = book(bytes, arrivedNs > 0 ? arrivedNs : steadyNs());
        if (!booked)
            return busy();
        // Sent when the bucket is free, at the cap's pace counted from then.
        transfer.holdMs = std::max<qint64>(0, (booked->first - steadyNs()) / 1'000'000);
        transfer.paceBitsPerSecond = m_config.diagRateMbit * 1e6;
        transfer.paceFromNs = booked->first;
    }
    return transfer;
}

Core::Result<LineTestService::Transfer> LineTestService::upload(
    qint64 bytes, qint64 arrivedNs, const AuthContext &context)
{
    if (auto refused = limited(context))
        return *refused;
    Transfer transfer;
    if (m_config.diagRateMbit > 0) {
        // The body came while its head's time was counted: acknowledged when, at the cap,
        // it would have finished coming.
        const auto booked = book(bytes, arrivedNs > 0 ? arrivedNs : steadyNs());
        if (!booked)
            return busy();
        transfer.holdMs = std::max<qint64>(0, (booked->second - steadyNs()) / 1'000'000);
    }
    return transfer;
}

QByteArray LineTestService::payload(qint64 bytes) const
{
    return m_store.payload(bytes);
}

} // namespace Tongban::Hub
