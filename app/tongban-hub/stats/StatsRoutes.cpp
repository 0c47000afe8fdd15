#include "StatsRoutes.h"

#include "stats/StatsService.h"

#include <QUrlQuery>

namespace Tongban::Hub::StatsRoutes {

HttpResponse get(const StatsService &stats, const QUrlQuery &query, const AuthContext &context)
{
    const QDate from = QDate::fromString(query.queryItemValue(QStringLiteral("from")), Qt::ISODate);
    const QDate to = QDate::fromString(query.queryItemValue(QStringLiteral("to")), Qt::ISODate);
    const auto report = stats.report(from, to, context);
    if (!report) {
        switch (report.error().code) {
        case StatsService::Forbidden:
            return errorResponse(403, QStringLiteral("forbidden"), report.error().message);
        case StatsService::InvalidPeriod:
            return errorResponse(422, QStringLiteral("validation_failed"),
                QStringLiteral("统计期间不正确：请给出起止日期（YYYY-MM-DD），最长一年"),
                report.error().detail);
        default:
            return internalError(report.error().detail);
        }
    }
    if (query.queryItemValue(QStringLiteral("format")) == QLatin1String("csv")) {
        HttpResponse response;
        response.status = 200;
        response.body = report->toCsv();
        response.addHeader(
            QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/csv; charset=utf-8"));
        return response;
    }
    return jsonResponse(200, report->toJson());
}

} // namespace Tongban::Hub::StatsRoutes
