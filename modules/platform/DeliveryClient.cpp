#include "DeliveryClient.h"

#include "ApiParsing.h"
#include "Tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Tongban::Platform {

namespace {

DeliveryTask taskOf(const QJsonObject &o)
{
    DeliveryTask task;
    task.deliveryId = o.value(QStringLiteral("deliveryId")).toString();
    task.caseId = o.value(QStringLiteral("caseId")).toString();
    task.caseNumber = o.value(QStringLiteral("caseNumber")).toString();
    task.method = o.value(QStringLiteral("method")).toString();
    task.state = o.value(QStringLiteral("state")).toString();
    task.dueAt = QDateTime::fromString(o.value(QStringLiteral("dueAt")).toString(), Qt::ISODate);
    task.overdue = o.value(QStringLiteral("overdue")).toBool();
    task.recipient = o.value(QStringLiteral("address"))
                         .toObject()
                         .value(QStringLiteral("recipient"))
                         .toString();
    task.waybill = o.value(QStringLiteral("waybill")).toString();
    task.receivedBy = o.value(QStringLiteral("receivedBy")).toString();
    return task;
}

Core::Error malformed(const QString &detail)
{
    return Core::Error { int(Core::ErrorRange::Platform) + 90,
        Tr::tr("The platform's answer about deliveries could not be read. Try again later; "
               "tell IT staff if it stays so."),
        detail };
}

} // namespace

Core::Result<QList<DeliveryTask>> parseDeliveries(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject() || !document.object().value(QStringLiteral("deliveries")).isArray())
        return malformed(QStringLiteral("no deliveries array"));
    QList<DeliveryTask> tasks;
    for (const QJsonValue &value :
        document.object().value(QStringLiteral("deliveries")).toArray()) {
        DeliveryTask task = taskOf(value.toObject());
        if (task.deliveryId.isEmpty() || !task.dueAt.isValid())
            return malformed(QStringLiteral("a delivery without id or dueAt"));
        tasks.append(task);
    }
    std::stable_sort(tasks.begin(), tasks.end(), [](const DeliveryTask &a, const DeliveryTask &b) {
        return a.overdue != b.overdue ? a.overdue : a.dueAt < b.dueAt;
    });
    return tasks;
}

DeliveryClient::DeliveryClient(Transport &transport)
    : m_transport(transport)
{ }

void DeliveryClient::pending(TasksCallback done)
{
    ApiRequest request;
    request.path = QStringLiteral("/deliveries?state=pending");
    m_transport.send(request, [done = std::move(done)](Core::Result<ApiResponse> response) {
        response = requireSuccess(std::move(response));
        if (!response) {
            done(response.error());
            return;
        }
        done(parseDeliveries(response->body));
    });
}

void DeliveryClient::ledger(const QString &deliveryId, const QJsonObject &body, TaskCallback done)
{
    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path
        = QString(QStringLiteral("/deliveries/") + deliveryId + QStringLiteral("/handover"));
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    m_transport.send(request, [done = std::move(done)](Core::Result<ApiResponse> response) {
        response = requireSuccess(std::move(response));
        if (!response) {
            done(response.error());
            return;
        }
        done(taskOf(QJsonDocument::fromJson(response->body).object()));
    });
}

void DeliveryClient::handOver(const QString &deliveryId, const QString &handedBy,
    const QString &receivedBy, TaskCallback done)
{
    ledger(deliveryId,
        QJsonObject { { QStringLiteral("handedBy"), handedBy },
            { QStringLiteral("receivedBy"), receivedBy } },
        std::move(done));
}

void DeliveryClient::mailed(
    const QString &deliveryId, const QString &carrier, const QString &waybill, TaskCallback done)
{
    ledger(deliveryId,
        QJsonObject {
            { QStringLiteral("carrier"), carrier }, { QStringLiteral("waybill"), waybill } },
        std::move(done));
}

void DeliveryClient::rate(
    const QString &caseId, int score, const QString &comment, DoneCallback done)
{
    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = QString(QStringLiteral("/cases/") + caseId + QStringLiteral("/rating"));
    QJsonObject body { { QStringLiteral("score"), score } };
    if (!comment.trimmed().isEmpty())
        body.insert(QStringLiteral("comment"), comment.trimmed());
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    m_transport.send(request, [done = std::move(done)](Core::Result<ApiResponse> response) {
        response = requireSuccess(std::move(response));
        done(response ? Core::Status {} : Core::Status { response.error() });
    });
}

} // namespace Tongban::Platform
