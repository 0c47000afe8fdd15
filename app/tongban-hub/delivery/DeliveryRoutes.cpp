// The routes of issue 17 (results delivery, ratings, statistics, guide report answers), kept
// out of Hub.cpp so that the router there changes by one line. They parse the request, ask
// the DeliveryService (which knows nothing of HTTP) and map its errors to the contract's
// statuses (§15): NotFound 404, Forbidden 403, Conflict 409, Invalid 422, others 500.

#include "Hub.h"
#include "Logging.h"
#include "accounts/AccountService.h"
#include "delivery/DeliveryService.h"
#include "reports/GuideReportRoutes.h"
#include "reports/GuideReportService.h"
#include "stats/StatsRoutes.h"
#include "stats/StatsService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace Tongban::Hub {

namespace {

QString at(qint64 ms)
{
    return rfc3339(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
}

QJsonValue orNull(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonObject deliveryJson(const DeliveryStore::Delivery &d)
{
    return QJsonObject { { QStringLiteral("deliveryId"), d.id },
        { QStringLiteral("caseId"), d.caseId }, { QStringLiteral("caseNumber"), d.caseNumber },
        { QStringLiteral("method"), d.method }, { QStringLiteral("windowId"), d.windowId },
        { QStringLiteral("address"), QJsonDocument::fromJson(d.addressJson.toUtf8()).object() },
        { QStringLiteral("state"), d.state }, { QStringLiteral("createdAt"), at(d.createdAt) },
        { QStringLiteral("dueAt"), at(d.dueAt) },
        { QStringLiteral("doneAt"), d.doneAt ? QJsonValue(at(*d.doneAt)) : QJsonValue() },
        { QStringLiteral("overdue"), d.overdue },
        { QStringLiteral("handedBy"), orNull(d.handedBy) },
        { QStringLiteral("receivedBy"), orNull(d.receivedBy) },
        { QStringLiteral("carrier"), orNull(d.carrier) },
        { QStringLiteral("waybill"), orNull(d.waybill) },
        { QStringLiteral("recordedBy"), orNull(d.recordedBy) } };
}

QJsonObject rectificationJson(const DeliveryStore::Rectification &r)
{
    return QJsonObject { { QStringLiteral("rectificationId"), r.id },
        { QStringLiteral("caseId"), r.caseId }, { QStringLiteral("caseNumber"), r.caseNumber },
        { QStringLiteral("account"), r.account }, { QStringLiteral("windowId"), r.windowId },
        { QStringLiteral("openedAt"), at(r.openedAt) },
        { QStringLiteral("state"),
            r.rectifiedAt ? QStringLiteral("rectified") : QStringLiteral("open") },
        { QStringLiteral("rectifiedAt"),
            r.rectifiedAt ? QJsonValue(at(*r.rectifiedAt)) : QJsonValue() },
        { QStringLiteral("rectifiedBy"), r.rectifiedBy },
        { QStringLiteral("rectification"), r.rectification }, { QStringLiteral("score"), r.score },
        { QStringLiteral("comment"), r.comment } };
}

HttpResponse failure(const Core::Error &error)
{
    switch (error.code) {
    case DeliveryService::NotFound:
        return errorResponse(404, QStringLiteral("not_found"), error.message, error.detail);
    case DeliveryService::Forbidden:
        return errorResponse(403, QStringLiteral("forbidden"), error.message);
    case DeliveryService::Conflict:
        return errorResponse(409, QStringLiteral("conflict"), error.message, error.detail);
    case DeliveryService::Invalid:
        return errorResponse(422, QStringLiteral("validation_failed"), error.message, error.detail);
    default:
        return internalError(error.detail);
    }
}

HttpResponse complete(DeliveryService &delivery, const QString &caseId, const QJsonObject &body,
    const AuthContext &context)
{
    const QByteArray pdf
        = QByteArray::fromBase64(body.value(QStringLiteral("document")).toString().toLatin1());
    const auto done = delivery.complete(caseId, pdf, context);
    if (!done)
        return failure(done.error());
    return jsonResponse(done->created ? 201 : 200, deliveryJson(done->delivery));
}

HttpResponse deliveries(
    const DeliveryService &delivery, const QUrlQuery &query, const AuthContext &context)
{
    const auto list = delivery.deliveries(query.queryItemValue(QStringLiteral("state")), context);
    if (!list)
        return failure(list.error());
    QJsonArray array;
    for (const DeliveryStore::Delivery &d : *list)
        array.append(deliveryJson(d));
    return jsonResponse(200, QJsonObject { { QStringLiteral("deliveries"), array } });
}

HttpResponse handover(DeliveryService &delivery, const QString &deliveryId, const QJsonObject &body,
    const AuthContext &context)
{
    const auto recorded = delivery.handover(deliveryId,
        { body.value(QStringLiteral("handedBy")).toString(),
            body.value(QStringLiteral("receivedBy")).toString(),
            body.value(QStringLiteral("carrier")).toString(),
            body.value(QStringLiteral("waybill")).toString() },
        context);
    if (!recorded)
        return failure(recorded.error());
    return jsonResponse(200, deliveryJson(*recorded));
}

HttpResponse document(
    const DeliveryService &delivery, const QString &deliveryId, const AuthContext &context)
{
    const auto pdf = delivery.document(deliveryId, context);
    if (!pdf)
        return failure(pdf.error());
    HttpResponse response;
    response.status = 200;
    response.body = *pdf;
    response.addHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/pdf"));
    return response;
}

HttpResponse rate(DeliveryService &delivery, const QString &caseId, const QJsonObject &body,
    const AuthContext &context)
{
    // A score that is not a whole number is 0, which the service refuses (1 to 5).
    const QJsonValue scoreValue = body.value(QStringLiteral("score"));
    const int whole = scoreValue.toInt(0);
    const int score = scoreValue.isDouble() && scoreValue.toDouble() == whole ? whole : 0;
    const auto rated
        = delivery.rate(caseId, score, body.value(QStringLiteral("comment")).toString(), context);
    if (!rated)
        return failure(rated.error());
    QJsonObject answer { { QStringLiteral("caseId"), caseId } };
    if (!rated->rectificationId.isEmpty())
        answer.insert(QStringLiteral("rectificationId"), rated->rectificationId);
    return jsonResponse(rated->created ? 201 : 200, answer);
}

HttpResponse rectifications(
    const DeliveryService &delivery, const QUrlQuery &query, const AuthContext &context)
{
    const auto list
        = delivery.rectifications(query.queryItemValue(QStringLiteral("state")), context);
    if (!list)
        return failure(list.error());
    QJsonArray array;
    for (const DeliveryStore::Rectification &r : *list)
        array.append(rectificationJson(r));
    return jsonResponse(200, QJsonObject { { QStringLiteral("rectifications"), array } });
}

HttpResponse rectify(DeliveryService &delivery, const QString &id, const QJsonObject &body,
    const AuthContext &context)
{
    const Core::Status done
        = delivery.rectify(id, body.value(QStringLiteral("rectification")).toString(), context);
    if (!done)
        return failure(done.error());
    return jsonResponse(200,
        QJsonObject { { QStringLiteral("rectificationId"), id },
            { QStringLiteral("state"), QStringLiteral("rectified") } });
}

HttpResponse answerReport(DeliveryService &delivery, const QString &reportId,
    const QJsonObject &body, const AuthContext &context)
{
    std::optional<QDateTime> dueAt;
    if (body.contains(QStringLiteral("dueAt")))
        dueAt = QDateTime::fromString(body.value(QStringLiteral("dueAt")).toString(), Qt::ISODate);
    const auto answered
        = delivery.answerReport(reportId, body.value(QStringLiteral("status")).toString(),
            body.value(QStringLiteral("answer")).toString(), dueAt, context);
    if (!answered)
        return failure(answered.error());
    return jsonResponse(200,
        QJsonObject { { QStringLiteral("reportId"), answered->reportId },
            { QStringLiteral("status"), answered->status },
            { QStringLiteral("answer"), answered->answer },
            { QStringLiteral("answeredAt"), rfc3339(answered->answeredAt) },
            { QStringLiteral("dueAt"), rfc3339(answered->dueAt) } });
}

} // namespace

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
                return complete(*m_delivery, caseId, body, context);
            });
        if (parts.at(2) == QLatin1String("rating"))
            return withJson(
                [&](const QJsonObject &body) { return rate(*m_delivery, caseId, body, context); });
    }
    if (first == QLatin1String("deliveries")) {
        if (parts.size() == 1 && method == "GET")
            return deliveries(*m_delivery, request.query, context);
        if (parts.size() == 3 && parts.at(2) == QLatin1String("handover") && method == "POST")
            return withJson([&](const QJsonObject &body) {
                return handover(*m_delivery, parts.at(1), body, context);
            });
        if (parts.size() == 3 && parts.at(2) == QLatin1String("document") && method == "GET")
            return document(*m_delivery, parts.at(1), context);
        return std::nullopt;
    }
    if (first == QLatin1String("rectifications")) {
        if (parts.size() == 1 && method == "GET")
            return rectifications(*m_delivery, request.query, context);
        if (parts.size() == 2 && method == "POST")
            return withJson([&](const QJsonObject &body) {
                return rectify(*m_delivery, parts.at(1), body, context);
            });
        return std::nullopt;
    }
    if (first == QLatin1String("guide-reports") && parts.size() == 1 && method == "POST") {
        // A new report gets its deadline (issue 17); the report itself is GuideReportService's.
        return withJson([&](const QJsonObject &body) {
            HttpResponse created = m_reportRoutes->create(body, context);
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
            return answerReport(*m_delivery, parts.at(1), body, context);
        });
    if (first == QLatin1String("stats") && parts.size() == 1 && method == "GET")
        return StatsRoutes::get(*m_stats, request.query, context);
    return std::nullopt;
}

} // namespace Tongban::Hub
