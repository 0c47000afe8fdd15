// The routes of issue 17 (results delivery, ratings, statistics, guide report answers), kept
// out of Hub.cpp so that the router there changes by one line.

#include "Hub.h"
#include "Logging.h"
#include "accounts/AccountService.h"
#include "delivery/DeliveryService.h"
#include "reports/GuideReportService.h"
#include "stats/StatsRoutes.h"
#include "stats/StatsService.h"

#include <QJsonDocument>

namespace Tongban::Hub {

std::optional<HttpResponse> Hub::routeDelivery(
    const HttpRequest &request, const AuthContext &context)
{
    const QString prefix = QStringLiteral("/api/v1/");
    const QStringList parts = request.path.mid(prefix.size()).split(QLatin1Char('/'));
    const QByteArray &method = request.method;
    const QString first = parts.value(0);
    HttpResponse error;
    const auto withJson = [&](const std::function<HttpResponse(const QJsonObject &)> &then) {
        const auto body = parseJsonBody(request.body, &error);
        return body ? then(*body) : error;
    };

    if (first == QLatin1String("cases") && parts.size() == 3 && method == "POST") {
        const QString caseId = parts.at(1);
        if (parts.at(2) == QLatin1String("completion"))
            return withJson([&](const QJsonObject &body) {
                return m_delivery->complete(caseId, body, context);
            });
        if (parts.at(2) == QLatin1String("rating"))
            return withJson(
                [&](const QJsonObject &body) { return m_delivery->rate(caseId, body, context); });
    }
    if (first == QLatin1String("deliveries")) {
        if (parts.size() == 1 && method == "GET")
            return m_delivery->deliveries(request.query, context);
        if (parts.size() == 3 && parts.at(2) == QLatin1String("handover") && method == "POST")
            return withJson([&](const QJsonObject &body) {
                return m_delivery->handover(parts.at(1), body, context);
            });
        if (parts.size() == 3 && parts.at(2) == QLatin1String("document") && method == "GET")
            return m_delivery->document(parts.at(1), context);
        return std::nullopt;
    }
    if (first == QLatin1String("rectifications")) {
        if (parts.size() == 1 && method == "GET")
            return m_delivery->rectifications(request.query, context);
        if (parts.size() == 2 && method == "POST")
            return withJson([&](const QJsonObject &body) {
                return m_delivery->rectify(parts.at(1), body, context);
            });
        return std::nullopt;
    }
    if (first == QLatin1String("guide-reports") && parts.size() == 1 && method == "POST") {
        // A new report gets its deadline (issue 17); the report itself is GuideReportService's.
        return withJson([&](const QJsonObject &body) {
            HttpResponse created = m_reports->create(body, context);
            if (created.status == 201) {
                const QString reportId = QJsonDocument::fromJson(created.body)
                                             .object()
                                             .value(QStringLiteral("reportId"))
                                             .toString();
                if (const Core::Status set = m_delivery->setReportDeadline(reportId); !set)
                    qCWarning(lcHub).noquote() << "guide report deadline:" << set.error().detail;
            }
            return created;
        });
    }
    if (first == QLatin1String("guide-reports") && parts.size() == 3
        && parts.at(2) == QLatin1String("answer") && method == "POST")
        return withJson([&](const QJsonObject &body) {
            return m_delivery->answerReport(parts.at(1), body, context);
        });
    if (first == QLatin1String("stats") && parts.size() == 1 && method == "GET")
        return StatsRoutes::get(*m_stats, request.query, context);
    return std::nullopt;
}

} // namespace Tongban::Hub
