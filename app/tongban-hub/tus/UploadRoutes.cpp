#include "UploadRoutes.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "tus/UploadService.h"

#include <core/Hash.h>

#include <QDateTime>

namespace Tongban::Hub {

namespace {

const QByteArray UploadsPath = QByteArrayLiteral("/api/v1/uploads/");
/// docs/platform-api.md §6; TusUploader reads it.
const QByteArray VerifiedHeader = QByteArrayLiteral("Tongban-Upload-Verified");

HttpResponse badRequest(const QString &detail)
{
    return errorResponse(
        400, QStringLiteral("bad_request"), QStringLiteral("请求格式错误"), detail);
}

/// The contract's answer to one of UploadService's errors (its message is the wire's).
HttpResponse failure(const Core::Error &error, const UploadRecord *upload = nullptr)
{
    switch (error.code) {
    case UploadService::NotFound:
    case UploadService::PageNotFound:
        return errorResponse(404, QStringLiteral("not_found"), error.message, error.detail);
    case UploadService::PageMismatch:
        return errorResponse(422, QStringLiteral("validation_failed"), error.message, error.detail);
    case UploadService::CaseSubmitted:
        return errorResponse(409, QStringLiteral("case_submitted"), error.message, error.detail);
    case UploadService::QuotaExceeded:
        return errorResponse(413, QStringLiteral("quota_exceeded"), error.message, error.detail);
    case UploadService::Expired:
        return errorResponse(410, QStringLiteral("upload_expired"), error.message, error.detail);
    case UploadService::ChecksumMismatch: {
        HttpResponse response
            = errorResponse(460, QStringLiteral("checksum_mismatch"), error.message, error.detail);
        response.addHeader(QByteArrayLiteral("X-Tongban-Error"), error.detail.toUtf8());
        return response;
    }
    case UploadService::Locked:
        return errorResponse(423, QStringLiteral("upload_locked"), error.message, error.detail);
    case UploadService::OffsetMismatch: {
        HttpResponse mismatch
            = errorResponse(409, QStringLiteral("offset_mismatch"), error.message, error.detail);
        if (upload)
            mismatch.addHeader(
                QByteArrayLiteral("Upload-Offset"), QByteArray::number(upload->offset));
        return mismatch;
    }
    case UploadService::TooLarge:
        return errorResponse(413, QStringLiteral("body_too_large"), error.message, error.detail);
    default:
        return internalError(error.detail);
    }
}

/*!
 * Says that the whole file's SHA-256 was checked against the one declared at its creation and
 * matched (the upload is complete), so that the client need not ask again with a HEAD. Only
 * ever on an answer given after that check (UploadService::commit).
 */
void addVerified(HttpResponse &response, const UploadRecord &upload)
{
    if (upload.state == QLatin1String("complete"))
        response.addHeader(VerifiedHeader, QByteArrayLiteral("sha256"));
}

HttpResponse uploadState(const UploadRecord &upload, int status)
{
    HttpResponse response = emptyResponse(status);
    addVerified(response, upload);
    response.addHeader(
        QByteArrayLiteral("Location"), QByteArray(UploadsPath + upload.id.toLatin1()));
    response.addHeader(QByteArrayLiteral("Upload-Offset"), QByteArray::number(upload.offset));
    response.addHeader(QByteArrayLiteral("Upload-Length"), QByteArray::number(upload.length));
    response.addHeader(QByteArrayLiteral("Upload-Expires"),
        httpDate(QDateTime::fromMSecsSinceEpoch(upload.expiresAt, Qt::UTC)));
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return response;
}

/// A PATCH's answer once its bytes are committed.
HttpResponse committed(const Core::Result<UploadRecord> &upload)
{
    if (!upload)
        return failure(upload.error());
    HttpResponse response = emptyResponse(204);
    addVerified(response, *upload);
    response.addHeader(QByteArrayLiteral("Upload-Offset"), QByteArray::number(upload->offset));
    response.addHeader(QByteArrayLiteral("Upload-Expires"),
        httpDate(QDateTime::fromMSecsSinceEpoch(upload->expiresAt, Qt::UTC)));
    return response;
}

bool isOffsetStream(const HttpRequest &request)
{
    return request.header(QByteArrayLiteral("Content-Type")).trimmed().toLower()
        == QByteArrayLiteral("application/offset+octet-stream");
}

} // namespace

/*!
 * The body of one PATCH, written to the partial file as it arrives. m_upload.offset is the
 * committed offset (in the database, bytes fsynced); m_pending bytes follow it in the file.
 */
class UploadRoutes::Sink : public BodySink
{
public:
    Sink(UploadService &service, UploadRecord upload, std::optional<TusChecksum> checksum,
        std::unique_ptr<PartialFile> file)
        : m_service(service)
        , m_upload(std::move(upload))
        , m_checksum(std::move(checksum))
        , m_file(std::move(file))
    {
        m_service.beginStreaming(m_upload.id);
    }
    ~Sink() override { m_service.endStreaming(m_upload.id); }

    bool write(QByteArrayView data) override
    {
        if (m_error)
            return false;
        if (m_upload.offset + m_pending + data.size() > m_upload.length) {
            m_error = errorResponse(413, QStringLiteral("body_too_large"),
                QStringLiteral("上传数据过大"),
                QStringLiteral("the body passes Upload-Length %1").arg(m_upload.length));
            return false;
        }
        if (!m_file->write(data)) {
            m_error = internalError(m_file->failure());
            return false;
        }
        if (m_checksum)
            m_hash.addData(data);
        m_pending += data.size();
        // Without a checksum, what arrived is kept: durable every DurableStep bytes.
        if (!m_checksum && m_pending >= DurableStep && !makeDurable())
            return false;
        return true;
    }

    HttpResponse finish() override
    {
        if (m_error) {
            discardPending();
            return *m_error;
        }
        if (m_checksum && m_hash.result() != m_checksum->digest) {
            discardPending();
            return failure(Core::Error { UploadService::ChecksumMismatch,
                QStringLiteral("文件校验失败，请重新上传"),
                QStringLiteral("chunk checksum mismatch; chunk discarded") });
        }
        if (!sync())
            return *m_error;
        return commit();
    }

    void abort() override
    {
        // A checksummed PATCH is all or nothing; otherwise the bytes received are kept.
        if (m_checksum || m_error || m_pending == 0) {
            discardPending();
            return;
        }
        if (makeDurable()) {
            qCInfo(lcHub) << "upload" << m_upload.id << "interrupted at offset" << m_upload.offset;
        }
    }

private:
    static constexpr qint64 DurableStep = 4 * 1024 * 1024;

    bool sync()
    {
        if (!m_file->sync()) {
            m_error = internalError(m_file->failure());
            return false;
        }
        return true;
    }

    HttpResponse commit()
    {
        const qint64 offset = m_upload.offset + m_pending;
        m_pending = 0;
        const auto stored = m_service.commit(m_upload, offset);
        if (stored)
            m_upload = *stored;
        return committed(stored);
    }

    bool makeDurable()
    {
        if (!sync())
            return false;
        const HttpResponse answer = commit();
        if (answer.status >= 300) {
            m_error = answer;
            return false;
        }
        return true;
    }

    void discardPending()
    {
        m_pending = 0;
        if (!m_file->truncate(m_upload.offset))
            qCWarning(lcHub) << "cannot cut upload" << m_upload.id << "back to its offset";
    }

    UploadService &m_service;
    UploadRecord m_upload;
    std::optional<TusChecksum> m_checksum;
    std::unique_ptr<PartialFile> m_file;
    Core::Sha256 m_hash;
    qint64 m_pending = 0;
    std::optional<HttpResponse> m_error;
};

UploadRoutes::UploadRoutes(UploadService &uploads)
    : m_uploads(uploads)
{ }

HttpResponse UploadRoutes::options()
{
    HttpResponse response = emptyResponse(204);
    response.addHeader(QByteArrayLiteral("Tus-Version"), QByteArrayLiteral("1.0.0"));
    response.addHeader(QByteArrayLiteral("Tus-Extension"),
        QByteArrayLiteral("creation,creation-with-upload,checksum,termination,expiration"));
    response.addHeader(QByteArrayLiteral("Tus-Checksum-Algorithm"), QByteArrayLiteral("sha256"));
    response.addHeader(
        QByteArrayLiteral("Tus-Max-Size"), QByteArray::number(Limits::MaxUploadBytes));
    // The largest body of one PATCH (§6): the whole page, streamed to disk.
    response.addHeader(
        QByteArrayLiteral("Tongban-Max-Chunk-Size"), QByteArray::number(Limits::MaxPatchBytes));
    return response;
}

HttpResponse UploadRoutes::create(const HttpRequest &request, const AuthContext &context)
{
    if (request.hasHeader(QByteArrayLiteral("Upload-Defer-Length")))
        return badRequest(QStringLiteral("Upload-Defer-Length is not supported"));
    const auto length = parseNonNegative(request.header(QByteArrayLiteral("Upload-Length")));
    if (!length || *length == 0)
        return badRequest(
            QStringLiteral("Upload-Length is required and must be a positive integer"));
    // creation-with-upload: a body is the upload's first chunk (checked like a PATCH's).
    if (!request.body.isEmpty() && !isOffsetStream(request)) {
        return errorResponse(415, QStringLiteral("bad_request"), QStringLiteral("请求格式错误"),
            QStringLiteral(
                "a creation with data needs Content-Type application/offset+octet-stream"));
    }
    if (*length > Limits::MaxUploadBytes) {
        return errorResponse(413, QStringLiteral("body_too_large"), QStringLiteral("文件过大"),
            QStringLiteral("a page file is limited to %1 bytes").arg(Limits::MaxUploadBytes));
    }
    const auto metadata = parseTusMetadata(request.header(QByteArrayLiteral("Upload-Metadata")));
    if (!metadata)
        return badRequest(QStringLiteral("Upload-Metadata is malformed"));
    NewUpload upload;
    upload.caseId = QString::fromUtf8(metadata->value(QStringLiteral("caseId")));
    upload.clientPageId = QString::fromUtf8(metadata->value(QStringLiteral("clientPageId")));
    upload.sha256 = QString::fromUtf8(metadata->value(QStringLiteral("sha256"))).toLower();
    upload.mediaType = QString::fromUtf8(metadata->value(QStringLiteral("mediaType")));
    upload.length = *length;
    if (upload.caseId.isEmpty() || upload.clientPageId.isEmpty() || !isSha256Hex(upload.sha256)
        || upload.mediaType.isEmpty()) {
        return errorResponse(422, QStringLiteral("validation_failed"),
            QStringLiteral("上传信息不完整"),
            QStringLiteral(
                "Upload-Metadata needs caseId, clientPageId, sha256 (64 hex) and mediaType"));
    }

    const auto created = m_uploads.create(upload, context);
    if (!created)
        return failure(created.error());
    if (!created->created)
        return uploadState(created->upload, 200);
    if (request.body.isEmpty())
        return uploadState(created->upload, 201);
    // The upload exists (committed) before its first chunk is written, exactly as if a
    // PATCH at offset 0 followed: a failed chunk leaves it at 0 for a retried creation.
    HttpRequest first = request;
    first.headers.append({ QByteArrayLiteral("Upload-Offset"), QByteArrayLiteral("0") });
    const HttpResponse firstChunk = patch(first, created->upload.id, context);
    if (firstChunk.status != 204)
        return firstChunk;
    const auto stored = m_uploads.find(created->upload.id);
    if (!stored)
        return failure(stored.error());
    return uploadState(*stored, 201);
}

HttpResponse UploadRoutes::head(const QString &uploadId, const AuthContext &context)
{
    const auto upload = m_uploads.state(uploadId, context);
    if (!upload)
        return failure(upload.error());
    return uploadState(*upload, 200);
}

HttpResponse UploadRoutes::patch(
    const HttpRequest &request, const QString &uploadId, const AuthContext &context)
{
    auto begun = beginPatch(request, uploadId, context);
    if (auto *answer = std::get_if<HttpResponse>(&begun))
        return *answer;
    BodySink &sink = *std::get<std::unique_ptr<BodySink>>(begun);
    if (!request.body.isEmpty() && !sink.write(request.body))
        return sink.finish();
    return sink.finish();
}

std::variant<HttpResponse, std::unique_ptr<BodySink>> UploadRoutes::beginPatch(
    const HttpRequest &request, const QString &uploadId, const AuthContext &context)
{
    // Whose it is comes first: another window learns nothing, not even a format error.
    auto upload = m_uploads.writable(uploadId, context);
    if (!upload)
        return failure(upload.error());
    if (!isOffsetStream(request)) {
        return errorResponse(415, QStringLiteral("bad_request"), QStringLiteral("请求格式错误"),
            QStringLiteral("Content-Type must be application/offset+octet-stream"));
    }
    const auto offset = parseNonNegative(request.header(QByteArrayLiteral("Upload-Offset")));
    if (!offset)
        return badRequest(QStringLiteral("Upload-Offset is required"));
    // The body's declared size, when it has one, is checked before a byte of it is read; a
    // chunked body is checked as it is written.
    const std::optional<qint64> declared = request.hasHeader(QByteArrayLiteral("Content-Length"))
        ? parseNonNegative(request.header(QByteArrayLiteral("Content-Length")))
        : std::optional<qint64>(request.body.size());
    if (const Core::Status allowed = m_uploads.checkPatch(*upload, *offset, declared); !allowed)
        return failure(allowed.error(), &*upload);
    std::optional<TusChecksum> checksum;
    if (request.hasHeader(QByteArrayLiteral("Upload-Checksum"))) {
        checksum = parseTusChecksum(request.header(QByteArrayLiteral("Upload-Checksum")));
        if (!checksum || checksum->algorithm != QByteArrayLiteral("sha256"))
            return badRequest(QStringLiteral("Upload-Checksum must be 'sha256 <base64>'"));
    }
    auto file = m_uploads.openForPatch(*upload);
    if (!file)
        return failure(file.error());
    return std::unique_ptr<BodySink>(std::make_unique<Sink>(
        m_uploads, std::move(*upload), std::move(checksum), std::move(*file)));
}

HttpResponse UploadRoutes::terminate(const QString &uploadId, const AuthContext &context)
{
    if (const Core::Status removed = m_uploads.terminate(uploadId, context); !removed)
        return failure(removed.error());
    return emptyResponse(204);
}

} // namespace Tongban::Hub
