#pragma once

// Issue 17 tests: a case transmitted to the in-process hub by a signed-in window, with the
// applicant's phone, the receipt time and the delivery choice the test needs.

#include "HubTestClient.h"

#include <QJsonObject>

namespace DeliveryHelpers {

/// Creates, uploads and submits a case; its server id, or empty (with QFAIL-worthy state).
inline QString submitCase(HubTestClient &client, const QString &itemCode, const QString &receivedAt,
    const QString &phone, const QJsonObject &delivery = {}, int *createStatus = nullptr)
{
    QStringList pageIds;
    const QByteArray file = HubTestClient::randomFile(400, char(qHash(receivedAt) & 0x7f));
    QJsonObject body = HubTestClient::caseBody(
        QUuid::createUuid().toString(QUuid::WithoutBraces), { file }, &pageIds);
    body.insert(QStringLiteral("itemCode"), itemCode);
    body.insert(QStringLiteral("receivedAt"), receivedAt);
    QJsonObject applicant = body.value(QStringLiteral("applicant")).toObject();
    if (!phone.isEmpty())
        applicant.insert(QStringLiteral("phone"), phone);
    body.insert(QStringLiteral("applicant"), applicant);
    if (!delivery.isEmpty())
        body.insert(QStringLiteral("delivery"), delivery);
    const Reply created = client.postJson(QStringLiteral("/api/v1/cases"), body);
    if (createStatus)
        *createStatus = created.status;
    if (created.status != 201)
        return {};
    const QString caseId = created.json().value(QStringLiteral("caseId")).toString();
    const Reply upload = client.createUpload(caseId, pageIds.first(), file);
    client.patch(QString::fromLatin1(upload.header("Location")), 0, file);
    const Reply submitted = client.send(
        "POST", QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/submit")));
    return submitted.status == 200 ? caseId : QString();
}

inline QJsonObject mailTo()
{
    return QJsonObject { { QStringLiteral("method"), QStringLiteral("mail") },
        { QStringLiteral("address"),
            QJsonObject { { QStringLiteral("recipient"), QStringLiteral("张三") },
                { QStringLiteral("phone"), QStringLiteral("13912345678") },
                { QStringLiteral("postalCode"), QStringLiteral("467000") },
                { QStringLiteral("line"), QStringLiteral("平顶山市新华区建设路 1 号") } } } };
}

} // namespace DeliveryHelpers
