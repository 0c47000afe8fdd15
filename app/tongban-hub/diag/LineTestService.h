#pragma once

#include "HubConfig.h"
#include "HubErrors.h"
#include "http/RateLimiter.h"

#include <core/Result.h>

#include <optional>
#include <utility>

namespace Tongban::Hub {

struct AuthContext;
class LineTestStore;

/*!
 * The line check of `tongban-cli diagnose` (issue 16, docs/platform-api.md "Line check"):
 * GET /api/v1/diag/download?bytes=N sends N bytes, POST /api/v1/diag/upload takes a body
 * and says how many bytes came (LineTestRoutes). Signed-in accounts only; at most MaxBytes a
 * transfer and HubConfig::rates.diagRequestsPerAccountPerMinute requests per account and
 * minute (RateLimited).
 *
 * With HubConfig::diagRateMbit > 0 the test transfers share a token bucket of that rate
 * (LineTestStore), so a client measures at most that rate whatever the line: a download waits
 * for the bucket, then goes out no faster than the rate (Transfer::paceBitsPerSecond); an
 * upload's acknowledgement is held until its bytes, counted from when its head came, are paid
 * for. A transfer that would end more than MaxHoldMs from now is refused (Busy).
 *
 * Threading: the hub's thread.
 */
class LineTestService
{
public:
    static constexpr qint64 MaxBytes = 16 * 1024 * 1024; ///< the client's kMaxResponseBytes
    static constexpr qint64 MaxHoldMs = 10000;

    enum ErrorCode {
        BadSize = HubError::LineTest + 1, ///< bytes not in 0..MaxBytes
        RateLimited, ///< too many line checks of the account this minute
        Busy, ///< the bucket cannot take the transfer within MaxHoldMs
    };

    /// How a transfer goes out.
    struct Transfer
    {
        qint64 holdMs = 0; ///< how long the answer is kept back (rate cap)
        double paceBitsPerSecond = 0; ///< 0: as fast as the line
        qint64 paceFromNs = 0;
    };

    LineTestService(LineTestStore &store, const HubConfig &config);

    /// A download of \a bytes (-1: not a number) whose request came at \a arrivedNs (0: now).
    Core::Result<Transfer> download(qint64 bytes, qint64 arrivedNs, const AuthContext &context);
    /// An upload of \a bytes whose request head came at \a arrivedNs (0: now).
    Core::Result<Transfer> upload(qint64 bytes, qint64 arrivedNs, const AuthContext &context);
    /// After RateLimited: in how many seconds \a context's account may try again.
    qint64 retryAfterSecs(const AuthContext &context) const;
    /// The bytes a download sends.
    QByteArray payload(qint64 bytes) const;

private:
    std::optional<Core::Error> limited(const AuthContext &context);
    /// Books \a bytes in the token bucket from \a fromNs (steadyNs()) on: when the transfer
    /// may start and when it ends (steadyNs()), or nullopt when it would end more than
    /// MaxHoldMs from now (nothing booked).
    std::optional<std::pair<qint64, qint64>> book(qint64 bytes, qint64 fromNs);

    LineTestStore &m_store;
    const HubConfig &m_config;
    RateLimiter m_perAccount;
};

} // namespace Tongban::Hub
