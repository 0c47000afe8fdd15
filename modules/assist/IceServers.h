#pragma once

#include <QJsonArray>

#include <functional>

class QObject;

namespace Tongban::Platform {
class Transport;
}

namespace Tongban::Assist {

/*!
 * Asks the platform for the ICE servers of the next call (GET /api/v1/ice-servers, contract
 * §16): the STUN servers and, when the platform has TURN, one TURN entry with short-lived
 * credentials. They go into MediaOptions::iceServers.
 *
 * \a done runs once, on the GUI thread, unless \a context is gone by then. A failure (no
 * answer within \a timeoutMs, a refusal, an unreadable answer) is logged and gives an empty
 * list: a call between windows of one network still connects with their own addresses, so
 * it never waits for, nor fails because of, the relay.
 */
void fetchIceServers(Platform::Transport &transport, QObject *context,
    std::function<void(const QJsonArray &servers)> done, int timeoutMs = 5000);

} // namespace Tongban::Assist
