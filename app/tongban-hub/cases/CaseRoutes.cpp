#include "CaseRoutes.h"

#include "accounts/AccountService.h"
#include "cases/CaseService.h"

#include <QJsonArray>

namespace Tongban::Hub {

namespace {

/// The contract's answer to one of CaseService's errors (its message is the wire's).
HttpResponse failure(const Core::Error &error)
{
    switch (error.code) {
    case CaseService::Forbidden:
        return errorResponse(403, QStringLiteral("forbidden"), error.message, error.detail);
    case CaseService::ValidationFailed:
        return errorResponse(422, QStringLiteral("validation_failed"), error.message, error.detail);
    case CaseService::IdempotencyConflict:
        return errorResponse(
            409, QStringLiteral("idempotency_conflict"), error.message, error.detail);
    case CaseService::UnknownItem:
        return errorResponse(404, QStringLiteral("unknown_item"), error.message, error.detail);
    case CaseService::CaseNotFound:
    case CaseService::ResultNotFound:
        return errorResponse(404, QStringLiteral("not_found"), error.message, error.detail);
    case CaseService::PagesMissing:
        return errorResponse(409, QStringLiteral("pages_missing"), error.message, error.detail);
    case CaseService::HashMismatch:
        return errorResponse(409, QStringLiteral("hash_mismatch"), error.message, error.detail);
    default:
        return internalError(error.detail);
    }
}

} // namespace

CaseRoutes::CaseRoutes(CaseService &cases)
    : m_cases(cases)
{ }

HttpResponse CaseRoutes::create(const QJsonObject &body, const AuthContext &context)
{
    const auto created = m_cases.create(body, context);
    if (!created)
        return failure(created.error());
    QJsonObject answer { { QStringLiteral("caseId"), created->record.id },
        { QStringLiteral("status"), created->record.status },
        { QStringLiteral("missingPages"), QJsonArray::fromStringList(created->missingPages) } };
    if (!created->record.caseNumber.isEmpty())
        answer.insert(QStringLiteral("caseNumber"), created->record.caseNumber);
    return jsonResponse(created->created ? 201 : 200, answer);
}

HttpResponse CaseRoutes::get(const QString &caseId, const AuthContext &context)
{
    const auto found = m_cases.get(caseId, context);
    if (!found)
        return failure(found.error());
    const CaseRecord &row = found->record;
    QJsonArray pages;
    for (const CasePageState &page : found->pages) {
        pages.append(QJsonObject { { QStringLiteral("clientPageId"), page.clientPageId },
            { QStringLiteral("materialId"), page.materialId },
            { QStringLiteral("received"), page.received } });
    }
    return jsonResponse(200,
        QJsonObject { { QStringLiteral("caseId"), row.id },
            { QStringLiteral("clientCaseId"), row.clientCaseId },
            { QStringLiteral("provisionalNumber"), row.provisionalNumber },
            { QStringLiteral("itemCode"), row.itemCode }, { QStringLiteral("status"), row.status },
            { QStringLiteral("caseNumber"),
                row.caseNumber.isEmpty() ? QJsonValue() : QJsonValue(row.caseNumber) },
            { QStringLiteral("pages"), pages } });
}

HttpResponse CaseRoutes::submit(const QString &caseId, const AuthContext &context)
{
    const auto submitted = m_cases.submit(caseId, context);
    if (!submitted)
        return failure(submitted.error());
    return jsonResponse(200,
        QJsonObject { { QStringLiteral("caseId"), submitted->caseId },
            { QStringLiteral("status"), submitted->status },
            { QStringLiteral("caseNumber"), submitted->caseNumber } });
}

HttpResponse CaseRoutes::decisionRequest(
    const QString &caseId, const QJsonObject &body, const AuthContext &context)
{
    const auto document = QByteArray::fromBase64Encoding(
        body.value(QStringLiteral("document")).toString().toLatin1(),
        QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    const auto outcome = m_cases.decideAs(caseId, body.value(QStringLiteral("decision")).toString(),
        body.value(QStringLiteral("reasons")).toString(),
        document ? std::optional<QByteArray>(document.decoded) : std::nullopt, context);
    if (!outcome) {
        const Core::Error &error = outcome.error();
        switch (error.code) {
        case CaseService::CaseNotFound:
            return errorResponse(
                404, QStringLiteral("not_found"), QStringLiteral("案件不存在"), caseId);
        case CaseService::Conflict:
            return errorResponse(409, QStringLiteral("idempotency_conflict"),
                QStringLiteral("该案件已作出决定"), error.detail);
        case CaseService::ReasonsRequired:
            return errorResponse(422, QStringLiteral("validation_failed"),
                QStringLiteral("不予受理必须写明理由，请填写理由后重新提交"), error.detail);
        case CaseService::NotSubmitted:
        case CaseService::InvalidDecision:
            return errorResponse(422, QStringLiteral("validation_failed"),
                QStringLiteral("案件信息不完整或有误，请核对后重新提交"), error.detail);
        default:
            return failure(error);
        }
    }
    return jsonResponse(outcome->created ? 201 : 200,
        QJsonObject { { QStringLiteral("resultId"), outcome->resultId } });
}

HttpResponse CaseRoutes::results(const QUrlQuery &query, const AuthContext &context)
{
    const auto results = m_cases.results(query.queryItemValue(QStringLiteral("since")), context);
    if (!results)
        return internalError(results.error().detail);
    QJsonArray list;
    for (const ResultRecord &result : *results) {
        list.append(QJsonObject { { QStringLiteral("resultId"), result.id },
            { QStringLiteral("caseId"), result.caseId },
            { QStringLiteral("caseNumber"), result.caseNumber },
            { QStringLiteral("decision"), result.decision },
            { QStringLiteral("reasons"), result.reasons },
            { QStringLiteral("issuedAt"),
                rfc3339(QDateTime::fromMSecsSinceEpoch(result.issuedAtMs, Qt::UTC)) },
            { QStringLiteral("documentSha256"), result.documentSha256 } });
    }
    return jsonResponse(200, QJsonObject { { QStringLiteral("results"), list } });
}

HttpResponse CaseRoutes::resultDocument(const QString &resultId, const AuthContext &context)
{
    const auto document = m_cases.resultDocument(resultId, context);
    if (!document)
        return failure(document.error());
    HttpResponse response;
    response.body = *document;
    response.addHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/pdf"));
    return response;
}

} // namespace Tongban::Hub
