#pragma once

#include <core/Clock.h>

#include <QJsonArray>
#include <QString>

namespace Tongban::Hub {

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
    int eventPollMs = 200; ///< how often events written by other processes (decide) are pushed
    const Core::Clock *clock = nullptr; ///< not owned; null: the system clock
};

} // namespace Tongban::Hub
