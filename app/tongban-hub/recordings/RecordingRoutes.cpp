#include "RecordingRoutes.h"

#include "recordings/RecordingService.h"

#include <QJsonArray>

namespace Tongban::Hub {

RecordingRoutes::RecordingRoutes(RecordingService &recordings)
    : m_recordings(recordings)
{ }

HttpResponse RecordingRoutes::errorFor(const Core::Error &error)
{
    int status = 0;
    QString code;
    switch (error.code) {
    case RecordingService::NotFound:
    case RecordingService::PageNotShared:
        status = 404;
        code = QStringLiteral("not_found");
        break;
    case RecordingService::Forbidden:
        status = 403;
        code = QStringLiteral("forbidden");
        break;
    case RecordingService::BadRequest:
        status = 400;
        code = QStringLiteral("bad_request");
        break;
    case RecordingService::TooLarge:
        status = 413;
        code = QStringLiteral("body_too_large");
        break;
    case RecordingService::ChecksumMismatch:
        status = 460;
        code = QStringLiteral("checksum_mismatch");
        break;
    case RecordingService::Conflict:
        status = 409;
        code = QStringLiteral("conflict");
        break;
    case RecordingService::Incomplete:
        status = 409;
        code = QStringLiteral("recording_incomplete");
        break;
    case RecordingService::ManifestInvalid:
    case RecordingService::MarkupInvalid:
        status = 422;
        code = QStringLiteral("validation_failed");
        break;
    default:
        return internalError(error.detail);
    }
    return errorResponse(status, code, error.message, error.detail);
}

HttpResponse RecordingRoutes::putChunk(const HttpRequest &request, const QString &callId,
    const QString &index, const AuthContext &context)
{
    const auto checksum = parseTusChecksum(request.header(QByteArrayLiteral("Upload-Checksum")));
    const std::optional<QByteArray> digest = checksum && checksum->algorithm == "sha256"
        ? std::optional<QByteArray>(checksum->digest)
        : std::nullopt;
    const auto receipt = m_recordings.putChunk(callId, index, request.body, digest, context);
    if (!receipt)
        return errorFor(receipt.error());
    return jsonResponse(receipt->created ? 201 : 200,
        QJsonObject { { QStringLiteral("callId"), callId },
            { QStringLiteral("index"), receipt->index },
            { QStringLiteral("sha256"), receipt->sha256 } });
}

HttpResponse RecordingRoutes::putManifest(
    const QString &callId, const QJsonObject &manifest, const AuthContext &context)
{
    const auto recording = m_recordings.putManifest(callId, manifest, context);
    return recording ? jsonResponse(200, *recording) : errorFor(recording.error());
}

HttpResponse RecordingRoutes::get(const QString &callId, const AuthContext &context)
{
    const auto recording = m_recordings.get(callId, context);
    return recording ? jsonResponse(200, *recording) : errorFor(recording.error());
}

HttpResponse RecordingRoutes::chunk(
    const QString &callId, const QString &index, const AuthContext &context)
{
    auto chunk = m_recordings.chunk(callId, index, context);
    if (!chunk)
        return errorFor(chunk.error());
    HttpResponse response;
    response.status = 200;
    response.body = std::move(chunk->bytes);
    response.addHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("video/x-matroska"));
    response.addHeader(QByteArrayLiteral("Repr-Digest"),
        QByteArrayLiteral("sha-256=:") + QByteArray::fromHex(chunk->sha256.toLatin1()).toBase64()
            + QByteArrayLiteral(":"));
    return response;
}

HttpResponse RecordingRoutes::list(const QUrlQuery &query, const AuthContext &context)
{
    const auto recordings = m_recordings.list(query.queryItemValue(QStringLiteral("caseId")),
        query.queryItemValue(QStringLiteral("callId")), context);
    if (!recordings)
        return errorFor(recordings.error());
    return jsonResponse(200, QJsonObject { { QStringLiteral("recordings"), *recordings } });
}

HttpResponse RecordingRoutes::putPage(const HttpRequest &request, const QString &callId,
    const QString &sha256, const AuthContext &context)
{
    const auto created = m_recordings.putPage(callId, sha256, request.body, context);
    if (!created)
        return errorFor(created.error());
    return jsonResponse(*created ? 201 : 200,
        QJsonObject { { QStringLiteral("callId"), callId }, { QStringLiteral("sha256"), sha256 } });
}

HttpResponse RecordingRoutes::page(
    const QString &callId, const QString &sha256, const AuthContext &context)
{
    auto bytes = m_recordings.page(callId, sha256, context);
    if (!bytes)
        return errorFor(bytes.error());
    HttpResponse response;
    response.status = 200;
    response.body = std::move(*bytes);
    response.addHeader(
        QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/octet-stream"));
    return response;
}

HttpResponse RecordingRoutes::putMarkup(const QString &callId, const QString &sha256,
    const QJsonObject &markup, const AuthContext &context)
{
    const Core::Status kept = m_recordings.putMarkup(callId, sha256, markup, context);
    return kept ? emptyResponse(204) : errorFor(kept.error());
}

HttpResponse RecordingRoutes::markups(const QString &callId, const AuthContext &context)
{
    const auto pages = m_recordings.markups(callId, context);
    if (!pages)
        return errorFor(pages.error());
    return jsonResponse(200,
        QJsonObject { { QStringLiteral("callId"), callId }, { QStringLiteral("pages"), *pages } });
}

} // namespace Tongban::Hub
