#include "GuideReportRoutes.h"

#include "reports/GuideReportService.h"

#include <QJsonArray>

namespace Tongban::Hub {

namespace {

HttpResponse failure(const Core::Error &error)
{
    switch (error.code) {
    case GuideReportService::ValidationFailed:
        return errorResponse(422, QStringLiteral("validation_failed"), error.message, error.detail);
    case GuideReportService::UnknownItem:
        return errorResponse(404, QStringLiteral("unknown_item"), error.message, error.detail);
    case GuideReportService::IdempotencyConflict:
        return errorResponse(
            409, QStringLiteral("idempotency_conflict"), error.message, error.detail);
    case GuideReportService::Forbidden:
        return errorResponse(403, QStringLiteral("forbidden"), error.message, error.detail);
    default:
        return internalError(error.detail);
    }
}

QJsonValue msTime(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(rfc3339(QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC))) : QJsonValue();
}

QJsonValue orNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue() : QJsonValue(value);
}

} // namespace

GuideReportRoutes::GuideReportRoutes(GuideReportService &reports)
    : m_reports(reports)
{ }

HttpResponse GuideReportRoutes::create(const QJsonObject &body, const AuthContext &context)
{
    const auto created = m_reports.create(body, context);
    if (!created)
        return failure(created.error());
    return jsonResponse(created->created ? 201 : 200,
        QJsonObject { { QStringLiteral("reportId"), created->reportId } });
}

HttpResponse GuideReportRoutes::list(const QUrlQuery &query, const AuthContext &context)
{
    const auto found = m_reports.list(query.queryItemValue(QStringLiteral("kind")), context);
    if (!found)
        return failure(found.error());
    QJsonArray reports;
    for (const GuideReportRecord &report : *found) {
        reports.append(QJsonObject { { QStringLiteral("reportId"), report.id },
            { QStringLiteral("clientReportId"), report.clientReportId },
            { QStringLiteral("kind"), report.kind },
            { QStringLiteral("itemCode"), report.itemCode },
            { QStringLiteral("materialId"), orNull(report.materialId) },
            { QStringLiteral("caseId"), orNull(report.caseId) },
            { QStringLiteral("text"), report.text },
            { QStringLiteral("windowId"), report.windowId },
            { QStringLiteral("account"), report.account },
            { QStringLiteral("createdAt"),
                rfc3339(QDateTime::fromMSecsSinceEpoch(report.createdAtMs, Qt::UTC)) },
            // Issue 17 (module hub_delivery): the owning department's answer and deadline.
            { QStringLiteral("status"), report.status },
            { QStringLiteral("answer"), report.answer ? QJsonValue(*report.answer) : QJsonValue() },
            { QStringLiteral("answeredAt"), msTime(report.answeredAtMs) },
            { QStringLiteral("dueAt"), msTime(report.dueAtMs) } });
    }
    return jsonResponse(200, QJsonObject { { QStringLiteral("reports"), reports } });
}

} // namespace Tongban::Hub
