#pragma once

#include <core/Clock.h>

#include <QString>

namespace Tongban::Hub {

/*!
 * Everything a hub needs to start. Durations are in seconds; the defaults are
 * the contract's (docs/platform-api.md). Tests shorten nothing but the
 * PBKDF2 cost: time is moved with a ManualClock instead.
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
    int pingIntervalMs = 30000;
    int eventPollMs = 200; ///< how often events written by other processes (decide) are pushed
    const Core::Clock *clock = nullptr; ///< not owned; null: the system clock
};

} // namespace Tongban::Hub
