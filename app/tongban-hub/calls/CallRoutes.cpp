#include "CallRoutes.h"

#include "accounts/AccountService.h"
#include "calls/CallOversight.h"
#include "calls/CallService.h"
#include "calls/PresenceService.h"

#include <QJsonArray>

namespace Tongban::Hub {

namespace {

QJsonValue nullableTime(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(rfc3339(QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC))) : QJsonValue();
}

QJsonObject officeHoursJson(const OfficeHours &hours)
{
    QJsonArray spans;
    for (const OfficeSpan &span : hours.spans)
        spans.append(CallOversight::spanText(span));
    return QJsonObject { { QStringLiteral("jurisdiction"), hours.jurisdiction },
        { QStringLiteral("spans"), spans },
        { QStringLiteral("timeZone"), QStringLiteral("Asia/Shanghai") },
        { QStringLiteral("openNow"), hours.openNow },
        { QStringLiteral("nextOpen"),
            hours.nextOpen.isValid() ? QJsonValue(rfc3339(hours.nextOpen)) : QJsonValue() } };
}

} // namespace

CallRoutes::CallRoutes(CallService &calls, PresenceService &presence, CallOversight &oversight)
    : m_calls(calls)
    , m_presence(presence)
    , m_oversight(oversight)
{ }

HttpResponse CallRoutes::errorFor(const Core::Error &error)
{
    int status = 500;
    QString code;
    switch (error.code) {
    case CallService::WindowNotFound:
    case CallOversight::EscalationNotFound:
        status = 404;
        code = QStringLiteral("not_found");
        break;
    case CallService::Forbidden:
    case PresenceService::NotAtWindow:
    case CallOversight::Forbidden:
        status = 403;
        code = QStringLiteral("forbidden");
        break;
    case CallService::BadMonth:
    case CallOversight::BadJurisdiction:
    case CallOversight::BadMonth:
    case CallOversight::BadState:
        status = 400;
        code = QStringLiteral("bad_request");
        break;
    case PresenceService::InvalidStatus:
    case CallOversight::InvalidHours:
    case CallOversight::InvalidDecision:
        status = 422;
        code = QStringLiteral("validation_failed");
        break;
    case CallOversight::AlreadyDecided:
        status = 409;
        code = QStringLiteral("conflict");
        break;
    default:
        return internalError(error.detail);
    }
    return errorResponse(status, code, error.message, error.detail);
}

HttpResponse CallRoutes::setPresence(const AuthContext &context, const QJsonObject &body)
{
    const Core::Status set
        = m_presence.setPresence(context, body.value(QStringLiteral("status")).toString());
    return set ? emptyResponse(204) : errorFor(set.error());
}

HttpResponse CallRoutes::missedCalls(
    const QString &windowId, const QUrlQuery &query, const AuthContext &context)
{
    const auto missed
        = m_calls.missedCalls(windowId, query.queryItemValue(QStringLiteral("month")), context);
    if (!missed)
        return errorFor(missed.error());
    QJsonArray calls;
    for (const MissedCallRow &row : missed->calls) {
        calls.append(QJsonObject { { QStringLiteral("callId"), row.callId },
            { QStringLiteral("at"), rfc3339(row.at) }, { QStringLiteral("from"), row.from },
            { QStringLiteral("itemCode"), row.itemCode },
            { QStringLiteral("caseId"),
                row.caseId.isEmpty() ? QJsonValue() : QJsonValue(row.caseId) } });
    }
    return jsonResponse(200,
        QJsonObject { { QStringLiteral("windowId"), missed->windowId },
            { QStringLiteral("month"), missed->month }, { QStringLiteral("count"), calls.size() },
            { QStringLiteral("escalated"), calls.size() > 3 },
            { QStringLiteral("calls"), calls } });
}

HttpResponse CallRoutes::officeHours(const QString &jurisdiction, const AuthContext &context)
{
    Q_UNUSED(context) // office hours are public to every signed-in account
    const auto hours = m_oversight.officeHours(jurisdiction);
    return hours ? jsonResponse(200, officeHoursJson(*hours)) : errorFor(hours.error());
}

HttpResponse CallRoutes::setOfficeHours(
    const QString &jurisdiction, const QJsonObject &body, const AuthContext &context)
{
    const auto hours = m_oversight.setOfficeHours(jurisdiction, body, context);
    return hours ? jsonResponse(200, officeHoursJson(*hours)) : errorFor(hours.error());
}

HttpResponse CallRoutes::escalations(const QUrlQuery &query, const AuthContext &context)
{
    const auto rows = m_oversight.escalations(query.queryItemValue(QStringLiteral("month")),
        query.queryItemValue(QStringLiteral("state")), context);
    if (!rows)
        return errorFor(rows.error());
    QJsonArray list;
    for (const EscalationRow &row : *rows) {
        list.append(QJsonObject { { QStringLiteral("id"), row.id },
            { QStringLiteral("windowId"), row.windowId }, { QStringLiteral("month"), row.month },
            { QStringLiteral("misses"), row.misses },
            { QStringLiteral("createdAt"),
                rfc3339(QDateTime::fromMSecsSinceEpoch(row.createdAtMs, Qt::UTC)) },
            { QStringLiteral("state"), row.state },
            { QStringLiteral("decidedBy"),
                row.decidedBy.isNull() ? QJsonValue() : QJsonValue(row.decidedBy) },
            { QStringLiteral("decidedAt"), nullableTime(row.decidedAtMs) },
            { QStringLiteral("note"), row.note ? QJsonValue(*row.note) : QJsonValue() } });
    }
    return jsonResponse(200, QJsonObject { { QStringLiteral("escalations"), list } });
}

HttpResponse CallRoutes::decideEscalation(
    const QString &id, const QJsonObject &body, const AuthContext &context)
{
    const Core::Status decided = m_oversight.decideEscalation(id, body, context);
    return decided ? emptyResponse(204) : errorFor(decided.error());
}

HttpResponse CallRoutes::report(const QUrlQuery &query, const AuthContext &context)
{
    const auto made = m_oversight.reportFor(query.queryItemValue(QStringLiteral("month")), context);
    return made ? jsonResponse(200, *made) : errorFor(made.error());
}

HttpResponse CallRoutes::iceServers(const AuthContext &context)
{
    const auto servers = m_oversight.iceServers(context);
    return servers ? jsonResponse(200, *servers) : errorFor(servers.error());
}

} // namespace Tongban::Hub
