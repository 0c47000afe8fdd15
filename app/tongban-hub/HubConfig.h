#pragma once

#include "sms/SmsConfig.h"

#include <core/Clock.h>

#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace Tongban::Hub {

/*!
 * The HTTP layer's limits (issue 13, contract §1 Limits), enforced by http/HubHttpServer as
 * bytes arrive, before anything is kept: tests shorten the timeouts.
 */
struct HttpLimits
{
    int maxRequestLineBytes = 8 * 1024; ///< longer: 414, connection closed
    int maxHeadBytes = 32 * 1024; ///< request line and header fields; larger: 431, closed
    int maxHeaderCount = 100; ///< more fields: 431
    /// A connection that has not sent a whole request head this long after it opened (or
    /// after its first byte following an earlier answer) is closed: slow-loris.
    int headerTimeoutMs = 10000;
    /// A request whose body makes no progress (no byte) this long is closed.
    int bodyProgressTimeoutMs = 15000;
    /// A kept-alive connection idle this long between requests is closed.
    int idleTimeoutMs = 60000;
    /// An answer the client does not read this long (no byte taken) is dropped.
    int writeTimeoutMs = 30000;
    int maxConnectionsPerAddress = 128; ///< more from one address: refused (closed at once)
    int maxConnections = 8192; ///< more in all: refused
    /// Request bodies kept in memory (all but streamed tus PATCHes) across all connections:
    /// a request whose body would pass it is answered 503 with Retry-After before its body
    /// is read (a chunked body: as soon as it would).
    qint64 maxBufferedBodyBytes = 256 * 1024 * 1024;
    int busyRetryAfterSecs = 5; ///< Retry-After of that 503
    qint64 maxWebSocketFrameBytes = 64 * 1024; ///< events socket (§10): close 1009
    qint64 maxWebSocketMessageBytes = 256 * 1024;
};

/// Rate limits per account and per address (issue 13, contract §1 Limits).
struct RateLimits
{
    /// Failed sign-ins from one address, any account name, per lockoutSecs window: 429.
    int signInFailuresPerAddress = 30;
    int callInvitesPerWindowPerMinute = 6; ///< more: call.error rate_limited
    int caseCreationsPerAccountPerMinute = 120; ///< more: 429 rate_limited
    /// Line check requests (/api/v1/diag/..., issue 16) per account and minute: 429.
    int diagRequestsPerAccountPerMinute = 30;
};

/// TURN for windows on different networks (issue 15): coturn with use-auth-secret.
struct TurnConfig
{
    QStringList urls; ///< e.g. turn:turn.example:3478?transport=udp; empty: no TURN
    QByteArray secret; ///< coturn's static-auth-secret
    int ttlSecs = 60 * 60; ///< how long a credential handed out stays valid
};

/*!
 * Everything a hub needs to start. Durations are in seconds; the defaults are
 * the contract's (docs/platform-api.md). Tests shorten the PBKDF2 cost and the
 * real-time waits (presence grace, call timeout); stored times come from the
 * Clock, which tests replace with a ManualClock.
 */
struct HubConfig
{
    QString dataDir; ///< SQLite database hub.db and the files/ folder
    QString catalogFile; ///< empty: the embedded sample catalogue
    int pbkdf2Iterations = 120000;
    int accessTokenSecs = 15 * 60;
    int refreshTokenSecs = 12 * 60 * 60;
    /// Failed sign-ins in a row for one account name (known or not) from one address lock
    /// that name for that address for lockoutSecs (423 account_locked).
    int lockoutFailures = 5;
    int lockoutSecs = 15 * 60;
    int uploadExpirySecs = 24 * 60 * 60;
    /// Declared bytes (Upload-Length) of a window's open uploads may add up to this (§6).
    qint64 windowUploadQuotaBytes = qint64(2) * 1024 * 1024 * 1024;
    int uploadSweepMs = 60 * 1000; ///< how often expired uploads' partial files are deleted
    int pingIntervalMs = 30000;
    int presenceGraceMs = 60000; ///< events WebSocket gone this long: the window is offline
    int callTimeoutMs = 30000; ///< a call ringing this long unanswered is missed (§11)
    int idempotencyKeySecs = 24 * 60 * 60; ///< how long an Idempotency-Key answer is kept
    QJsonArray iceServers; ///< welcome.iceServers, RTCIceServer objects; empty by default
    TurnConfig turn; ///< GET /ice-servers adds TURN with short-lived credentials
    /// Calls outside the home jurisdiction's office hours are refused (issue 15); off: they
    /// ring at any hour (tests and demos on the real clock, --no-office-hours).
    bool officeHours = true;
    int eventPollMs = 200; ///< how often events written by other processes (decide) are pushed
    /// Rate cap of the line check's transfers in Mbit/s (diag/LineTestService); 0: none.
    double diagRateMbit = 0;
    HttpLimits http;
    RateLimits rates;
    SmsConfig sms; ///< the SMS gateway (issue 17): file by default, HTTP with a URL
    const Core::Clock *clock = nullptr; ///< not owned; null: the system clock
};

} // namespace Tongban::Hub
