#pragma once

#include "HubConfig.h"
#include "http/HttpTypes.h"
#include "http/RateLimiter.h"

#include <QElapsedTimer>

namespace Tongban::Hub {

struct AuthContext;

/*!
 * The line check of `tongban-cli diagnose` (issue 16, docs/platform-api.md "Line check"):
 * GET /api/v1/diag/download?bytes=N sends N bytes, POST /api/v1/diag/upload takes a body
 * and says how many bytes came. Signed-in accounts only; at most MaxBytes a transfer and
 * HubConfig::rates.diagRequestsPerAccountPerMinute requests per account and minute (429).
 *
 * With HubConfig::diagRateMbit > 0 the test transfers share a token bucket of that rate:
 * each answer is held until the bucket has paid for its bytes (a download's answer before
 * it is sent, an upload's acknowledgement after its body came), so a client measures at
 * most that rate whatever the line. Tests check the client's figure with it; a hub whose
 * uplink must not be filled by line checks can set it too. An answer that would be held
 * longer than MaxHoldMs is refused (503 with Retry-After).
 *
 * Threading: the hub's thread.
 */
class LineTestService
{
public:
    static constexpr qint64 MaxBytes = 32 * 1024 * 1024;
    static constexpr qint64 MaxHoldMs = 10000;

    explicit LineTestService(const HubConfig &config);

    /// The answer; \a holdMs: how long the hub keeps it back before sending (rate cap).
    HttpResponse download(const HttpRequest &request, const AuthContext &context, qint64 *holdMs);
    HttpResponse upload(const HttpRequest &request, const AuthContext &context, qint64 *holdMs);

private:
    /// Rate limit per account; empty optional: allowed.
    std::optional<HttpResponse> limited(const AuthContext &context);
    /// Books \a bytes in the token bucket: the milliseconds to hold the answer, or -1 when
    /// that is over MaxHoldMs (nothing booked).
    qint64 book(qint64 bytes);

    const HubConfig &m_config;
    RateLimiter m_perAccount;
    QElapsedTimer m_monotonic;
    double m_freeAtMs = 0; ///< the bucket is empty from then on (monotonic ms)
    QByteArray m_block; ///< incompressible bytes the downloads repeat
};

} // namespace Tongban::Hub
