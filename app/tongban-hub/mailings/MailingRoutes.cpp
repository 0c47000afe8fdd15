#include "MailingRoutes.h"

#include "mailings/MailingService.h"

#include <QJsonArray>

namespace Tongban::Hub {

namespace {

HttpResponse failure(const Core::Error &error)
{
    switch (error.code) {
    case MailingService::CaseNotFound:
    case MailingService::MailingNotFound:
        return errorResponse(404, QStringLiteral("not_found"), error.message, error.detail);
    case MailingService::Forbidden:
        return errorResponse(403, QStringLiteral("forbidden"), error.message, error.detail);
    case MailingService::ValidationFailed:
        return errorResponse(422, QStringLiteral("validation_failed"), error.message, error.detail);
    case MailingService::IdempotencyConflict:
        return errorResponse(
            409, QStringLiteral("idempotency_conflict"), error.message, error.detail);
    default:
        return internalError(error.detail);
    }
}

QJsonObject mailingJson(const MailingRecord &mailing)
{
    const bool received = mailing.receivedAtMs.has_value();
    return QJsonObject { { QStringLiteral("mailingId"), mailing.id },
        { QStringLiteral("clientMailingId"), mailing.clientMailingId },
        { QStringLiteral("caseId"), mailing.caseId },
        { QStringLiteral("carrier"), mailing.carrier },
        { QStringLiteral("waybill"), mailing.waybill },
        { QStringLiteral("sentAt"), mailing.sentAt },
        { QStringLiteral("materials"), mailing.materials },
        { QStringLiteral("status"),
            received ? QStringLiteral("received") : QStringLiteral("sent") },
        { QStringLiteral("receivedAt"),
            received ? QJsonValue(
                rfc3339(QDateTime::fromMSecsSinceEpoch(mailing.receivedAtMs.value_or(0), Qt::UTC)))
                     : QJsonValue() },
        { QStringLiteral("receivedBy"),
            received ? QJsonValue(mailing.receivedBy) : QJsonValue() } };
}

} // namespace

MailingRoutes::MailingRoutes(MailingService &mailings)
    : m_mailings(mailings)
{ }

HttpResponse MailingRoutes::create(
    const QString &caseId, const QJsonObject &body, const AuthContext &context)
{
    const auto created = m_mailings.create(caseId, body, context);
    if (!created)
        return failure(created.error());
    return jsonResponse(created->created ? 201 : 200,
        QJsonObject { { QStringLiteral("mailingId"), created->mailingId } });
}

HttpResponse MailingRoutes::list(const QString &caseId, const AuthContext &context)
{
    const auto mailings = m_mailings.list(caseId, context);
    if (!mailings)
        return failure(mailings.error());
    QJsonArray list;
    for (const MailingRecord &mailing : *mailings)
        list.append(mailingJson(mailing));
    return jsonResponse(200, QJsonObject { { QStringLiteral("mailings"), list } });
}

HttpResponse MailingRoutes::received(const QString &mailingId, const AuthContext &context)
{
    const auto mailing = m_mailings.received(mailingId, context);
    if (!mailing)
        return failure(mailing.error());
    return jsonResponse(200, mailingJson(*mailing));
}

} // namespace Tongban::Hub
