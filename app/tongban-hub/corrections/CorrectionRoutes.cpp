#include "CorrectionRoutes.h"

#include "corrections/CorrectionService.h"

#include <QUrlQuery>

namespace Tongban::Hub::CorrectionRoutes {

namespace {

HttpResponse failure(const Core::Error &error)
{
    const auto answer = [&](int status, const char *code) {
        return errorResponse(status, QString::fromLatin1(code), error.message, error.detail);
    };
    switch (error.code) {
    case CorrectionService::NotFound:
        return answer(404, "not_found");
    case CorrectionService::Forbidden:
        return answer(403, "forbidden");
    case CorrectionService::Invalid:
        return answer(422, "validation_failed");
    case CorrectionService::UnknownItem:
        return answer(404, "unknown_item");
    case CorrectionService::CaseDecided:
        return answer(409, "case_decided");
    case CorrectionService::CorrectionPending:
        return answer(409, "correction_pending");
    case CorrectionService::NoCorrectionRequest:
        return answer(409, "no_correction_request");
    case CorrectionService::PagesMissing:
        return answer(409, "pages_missing");
    case CorrectionService::HashMismatch:
        return answer(409, "hash_mismatch");
    case CorrectionService::NoticeConflict:
        return answer(409, "idempotency_conflict");
    default:
        return internalError(error.detail);
    }
}

HttpResponse json(int status, const Core::Result<QJsonObject> &result)
{
    return result ? jsonResponse(status, *result) : failure(result.error());
}

} // namespace

HttpResponse request(CorrectionService &corrections, const QString &caseId, const QJsonObject &body,
    const AuthContext &context)
{
    return json(201, corrections.request(caseId, body, context));
}

HttpResponse current(
    const CorrectionService &corrections, const QString &caseId, const AuthContext &context)
{
    return json(200, corrections.current(caseId, context));
}

HttpResponse addPages(CorrectionService &corrections, const QString &caseId,
    const QJsonObject &body, const AuthContext &context)
{
    return json(200, corrections.addPages(caseId, body, context));
}

HttpResponse finishPages(CorrectionService &corrections, const QString &caseId,
    const QJsonObject &body, const AuthContext &context)
{
    return json(200,
        corrections.finishPages(caseId, context, body.value(QStringLiteral("grant")).toString()));
}

HttpResponse registerNotice(
    CorrectionService &corrections, const QJsonObject &body, const AuthContext &context)
{
    const auto registered = corrections.registerNotice(body, context);
    if (!registered)
        return failure(registered.error());
    return jsonResponse(registered->created ? 201 : 200,
        QJsonObject { { QStringLiteral("serial"), registered->serial } });
}

HttpResponse lookup(
    CorrectionService &corrections, const QUrlQuery &query, const AuthContext &context)
{
    // The last of serial, qr, idNumber given is the one searched by.
    QString by;
    QString value;
    for (const char *key : { "serial", "qr", "idNumber" }) {
        const QString name = QString::fromLatin1(key);
        if (query.hasQueryItem(name)) {
            by = name;
            value = query.queryItemValue(name, QUrl::FullyDecoded).trimmed();
        }
    }
    const auto notices = corrections.lookup(by, value, context);
    if (!notices)
        return failure(notices.error());
    return jsonResponse(200, QJsonObject { { QStringLiteral("notices"), *notices } });
}

} // namespace Tongban::Hub::CorrectionRoutes
