#pragma once

#include "http/HttpTypes.h"

#include <core/Error.h>

#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

namespace Tongban::Hub {

struct AuthContext;
class CallOversight;
class CallService;
class PresenceService;

/*!
 * The HTTP side of calls/ (contract §11, §16): PUT /presence, GET /windows/{id}/missed-calls,
 * office hours, miss escalations, the monthly call report and the ICE servers. Parses the
 * request, calls PresenceService / CallService / CallOversight and maps their error codes to
 * the contract's status and wire code. No SQL. The call signalling itself runs on the events
 * WebSocket (CallService).
 */
class CallRoutes
{
public:
    CallRoutes(CallService &calls, PresenceService &presence, CallOversight &oversight);

    HttpResponse setPresence(const AuthContext &context, const QJsonObject &body);
    HttpResponse missedCalls(
        const QString &windowId, const QUrlQuery &query, const AuthContext &context);
    HttpResponse officeHours(const QString &jurisdiction, const AuthContext &context);
    HttpResponse setOfficeHours(
        const QString &jurisdiction, const QJsonObject &body, const AuthContext &context);
    HttpResponse escalations(const QUrlQuery &query, const AuthContext &context);
    HttpResponse decideEscalation(
        const QString &id, const QJsonObject &body, const AuthContext &context);
    HttpResponse report(const QUrlQuery &query, const AuthContext &context);
    HttpResponse iceServers(const AuthContext &context);

    /// The contract's answer to an error of the calls services (status and wire code).
    static HttpResponse errorFor(const Core::Error &error);

private:
    CallService &m_calls;
    PresenceService &m_presence;
    CallOversight &m_oversight;
};

} // namespace Tongban::Hub
