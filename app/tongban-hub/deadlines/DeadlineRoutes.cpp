#include "DeadlineRoutes.h"

#include "deadlines/DeadlineService.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Tongban::Hub::DeadlineRoutes {

HttpResponse list(const DeadlineService &deadlines, const AuthContext &context)
{
    const auto entries = deadlines.visible(context);
    if (!entries)
        return internalError(entries.error().detail);
    QJsonArray list;
    for (const DeadlineService::Entry &entry : *entries) {
        list.append(QJsonObject { { QStringLiteral("caseId"), entry.caseId },
            { QStringLiteral("caseNumber"), entry.caseNumber },
            { QStringLiteral("itemCode"), entry.itemCode },
            { QStringLiteral("windowId"), entry.windowId },
            { QStringLiteral("homeJurisdiction"), entry.homeJurisdiction },
            { QStringLiteral("stage"), entry.stage },
            { QStringLiteral("due"),
                entry.due.isValid() ? QJsonValue(entry.due.toString(Qt::ISODate)) : QJsonValue() },
            { QStringLiteral("overdue"), entry.overdue } });
    }
    return jsonResponse(200, QJsonObject { { QStringLiteral("deadlines"), list } });
}

HttpResponse withDeadlines(
    const DeadlineService &deadlines, const QString &caseId, HttpResponse response)
{
    if (response.status != 200)
        return response;
    QJsonObject body = QJsonDocument::fromJson(response.body).object();
    const QJsonObject found = deadlines.caseDeadlines(caseId);
    body.insert(QStringLiteral("deadlines"), found.isEmpty() ? QJsonValue() : QJsonValue(found));
    return jsonResponse(200, body);
}

} // namespace Tongban::Hub::DeadlineRoutes
