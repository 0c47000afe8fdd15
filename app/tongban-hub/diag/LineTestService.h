#pragma once

#include "HubConfig.h"
#include "http/HttpTypes.h"
#include "http/RateLimiter.h"

#include <optional>
#include <utility>

namespace Tongban::Hub {

struct AuthContext;

/*!
 * The line check of `tongban-cli diagnose` (issue 16, docs/platform-api.md "Line check"):
 * GET /api/v1/diag/download?bytes=N sends N bytes, POST /api/v1/diag/upload takes a body
 * and says how many bytes came. Signed-in accounts only; at most MaxBytes a transfer and
 * HubConfig::rates.diagRequestsPerAccountPerMinute requests per account and minute (429).
 *
 * With HubConfig::diagRateMbit > 0 the test transfers share a token bucket of that rate, so
 * a client measures at most that rate whatever the line: a download waits for the bucket,
 * then the HTTP layer writes it no faster than the rate (HttpResponse::paceBitsPerSecond);
 * an upload's acknowledgement is held until its bytes, counted from when its head came
 * (HttpRequest::arrivedNs), are paid for. Tests check the client's figure with it; a hub
 * whose uplink must not be filled by line checks can set it too. A transfer that would end
 * more than MaxHoldMs from now is refused (503 unavailable, Retry-After).
 *
 * Threading: the hub's thread.
 */
class LineTestService
{
public:
    static constexpr qint64 MaxBytes = 16 * 1024 * 1024; ///< the client's kMaxResponseBytes
    static constexpr qint64 MaxHoldMs = 10000;

    explicit LineTestService(const HubConfig &config);

    /// The answer; \a holdMs: how long the hub keeps it back before sending (rate cap).
    HttpResponse download(const HttpRequest &request, const AuthContext &context, qint64 *holdMs);
    HttpResponse upload(const HttpRequest &request, const AuthContext &context, qint64 *holdMs);

private:
    /// Rate limit per account; empty optional: allowed.
    std::optional<HttpResponse> limited(const AuthContext &context);
    /// Books \a bytes in the token bucket from \a fromNs (steadyNs()) on: when the transfer
    /// may start and when it ends (steadyNs()), or nullopt when it would end more than
    /// MaxHoldMs from now (nothing booked).
    std::optional<std::pair<qint64, qint64>> book(qint64 bytes, qint64 fromNs);

    const HubConfig &m_config;
    RateLimiter m_perAccount;
    qint64 m_freeAtNs = 0; ///< the bucket is empty from then on (steadyNs())
    QByteArray m_block; ///< incompressible bytes the downloads repeat
};

} // namespace Tongban::Hub
