#include "UploadService.h"

#include "Logging.h"
#include "accounts/AccountService.h"

#include <core/Hash.h>
#include <storage/Database.h>
#include <storage/FileSystem.h>

#include <QDateTime>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <unistd.h>

namespace Tongban::Hub {

namespace {

const QByteArray UploadsPath = QByteArrayLiteral("/api/v1/uploads/");

HttpResponse checksumMismatch(const QString &detail)
{
    HttpResponse response = errorResponse(460, QStringLiteral("checksum_mismatch"),
        QStringLiteral("文件校验失败，请重新上传"), detail);
    response.addHeader(QByteArrayLiteral("X-Tongban-Error"), detail.toUtf8());
    return response;
}

HttpResponse expiredResponse()
{
    return errorResponse(
        410, QStringLiteral("upload_expired"), QStringLiteral("上传已过期，请重新上传"));
}

QByteArray fileSha256(const QString &path, bool *ok)
{
    QFile file(path);
    *ok = file.open(QIODevice::ReadOnly);
    if (!*ok)
        return {};
    Core::Sha256 hash;
    *ok = hash.addData(&file);
    return hash.result().toHex();
}

} // namespace

UploadService::UploadService(Storage::Database &database, const HubConfig &config,
    const Core::Clock &clock, const QString &filesDir)
    : m_database(database)
    , m_config(config)
    , m_clock(clock)
    , m_dir(filesDir)
{ }

QString UploadService::filePath(const QString &uploadId) const
{
    return QString(m_dir + QLatin1Char('/') + uploadId);
}

HttpResponse UploadService::options()
{
    HttpResponse response = emptyResponse(204);
    response.addHeader(QByteArrayLiteral("Tus-Version"), QByteArrayLiteral("1.0.0"));
    response.addHeader(QByteArrayLiteral("Tus-Extension"),
        QByteArrayLiteral("creation,creation-with-upload,checksum,termination,expiration"));
    response.addHeader(QByteArrayLiteral("Tus-Checksum-Algorithm"), QByteArrayLiteral("sha256"));
    response.addHeader(
        QByteArrayLiteral("Tus-Max-Size"), QByteArray::number(Limits::MaxUploadBytes));
    return response;
}

bool UploadService::expired(const Upload &upload) const
{
    return upload.state == QLatin1String("active")
        && m_clock.now().toMSecsSinceEpoch() >= upload.expiresAt;
}

std::optional<UploadService::Upload> UploadService::find(
    const QString &uploadId, HttpResponse *error) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT id, client_page_id, case_id, length, upload_offset, sha256,"
                       " expires_at, state, failure FROM hub_uploads WHERE id = ?"));
    query.addBindValue(uploadId);
    if (!query.exec()) {
        *error = internalError(query.lastError().text());
        return std::nullopt;
    }
    if (!query.next()) {
        *error = errorResponse(
            404, QStringLiteral("not_found"), QStringLiteral("上传不存在"), uploadId);
        return std::nullopt;
    }
    Upload upload;
    upload.id = query.value(0).toString();
    upload.clientPageId = query.value(1).toString();
    upload.caseId = query.value(2).toString();
    upload.length = query.value(3).toLongLong();
    upload.offset = query.value(4).toLongLong();
    upload.sha256 = query.value(5).toString();
    upload.expiresAt = query.value(6).toLongLong();
    upload.state = query.value(7).toString();
    upload.failure = query.value(8).toString();
    return upload;
}

HttpResponse UploadService::uploadState(const Upload &upload, int status) const
{
    HttpResponse response = emptyResponse(status);
    response.addHeader(
        QByteArrayLiteral("Location"), QByteArray(UploadsPath + upload.id.toLatin1()));
    response.addHeader(QByteArrayLiteral("Upload-Offset"), QByteArray::number(upload.offset));
    response.addHeader(QByteArrayLiteral("Upload-Length"), QByteArray::number(upload.length));
    response.addHeader(QByteArrayLiteral("Upload-Expires"),
        httpDate(QDateTime::fromMSecsSinceEpoch(upload.expiresAt, Qt::UTC)));
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return response;
}

HttpResponse UploadService::create(const HttpRequest &request, const AuthContext &context)
{
    if (request.hasHeader(QByteArrayLiteral("Upload-Defer-Length"))) {
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("请求格式错误"),
            QStringLiteral("Upload-Defer-Length is not supported"));
    }
    const auto length = parseNonNegative(request.header(QByteArrayLiteral("Upload-Length")));
    if (!length || *length == 0) {
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("请求格式错误"),
            QStringLiteral("Upload-Length is required and must be a positive integer"));
    }
    // creation-with-upload: a body is the upload's first chunk (checked like a PATCH's).
    if (!request.body.isEmpty()
        && request.header(QByteArrayLiteral("Content-Type")).trimmed().toLower()
            != QByteArrayLiteral("application/offset+octet-stream")) {
        return errorResponse(415, QStringLiteral("bad_request"), QStringLiteral("请求格式错误"),
            QStringLiteral(
                "a creation with data needs Content-Type application/offset+octet-stream"));
    }
    if (*length > Limits::MaxUploadBytes) {
        return errorResponse(413, QStringLiteral("body_too_large"), QStringLiteral("文件过大"),
            QStringLiteral("a page file is limited to %1 bytes").arg(Limits::MaxUploadBytes));
    }
    const auto metadata = parseTusMetadata(request.header(QByteArrayLiteral("Upload-Metadata")));
    if (!metadata) {
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("请求格式错误"),
            QStringLiteral("Upload-Metadata is malformed"));
    }
    const QString caseId = QString::fromUtf8(metadata->value(QStringLiteral("caseId")));
    const QString clientPageId = QString::fromUtf8(metadata->value(QStringLiteral("clientPageId")));
    const QString sha256 = QString::fromUtf8(metadata->value(QStringLiteral("sha256"))).toLower();
    const QString mediaType = QString::fromUtf8(metadata->value(QStringLiteral("mediaType")));
    if (caseId.isEmpty() || clientPageId.isEmpty() || !isSha256Hex(sha256) || mediaType.isEmpty()) {
        return errorResponse(422, QStringLiteral("validation_failed"),
            QStringLiteral("上传信息不完整"),
            QStringLiteral(
                "Upload-Metadata needs caseId, clientPageId, sha256 (64 hex) and mediaType"));
    }

    // The page must have been declared in the case, with this hash and size.
    QSqlQuery page(m_database.connection());
    page.prepare(QStringLiteral("SELECT p.sha256, p.size_bytes, c.window_id FROM hub_pages p"
                                " JOIN hub_cases c ON c.id = p.case_id"
                                " WHERE p.client_page_id = ? AND p.case_id = ?"));
    page.addBindValue(clientPageId);
    page.addBindValue(caseId);
    if (!page.exec())
        return internalError(page.lastError().text());
    if (!page.next()) {
        return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("案件或页面不存在"),
            QStringLiteral("no page %1 declared in case %2").arg(clientPageId, caseId));
    }
    if (page.value(2).toString() != context.windowId && context.role != QLatin1String("admin")) {
        return errorResponse(
            403, QStringLiteral("forbidden"), QStringLiteral("只能上传本窗口案件的材料"));
    }
    if (page.value(0).toString().toLower() != sha256 || page.value(1).toLongLong() != *length) {
        return errorResponse(422, QStringLiteral("validation_failed"),
            QStringLiteral("文件与案件登记的信息不一致"),
            QStringLiteral("sha256 or Upload-Length differs from the page declared in the case"));
    }

    // A retried creation returns the upload already made for this page.
    QSqlQuery existing(m_database.connection());
    existing.prepare(QStringLiteral("SELECT id FROM hub_uploads WHERE client_page_id = ?"));
    existing.addBindValue(clientPageId);
    if (!existing.exec())
        return internalError(existing.lastError().text());
    QStringList stale;
    while (existing.next()) {
        const QString id = existing.value(0).toString();
        HttpResponse error;
        const auto upload = find(id, &error);
        if (!upload)
            return error;
        if (upload->state == QLatin1String("failed") || expired(*upload))
            stale.append(id);
        else
            return uploadState(*upload, 200);
    }
    for (const QString &id : stale) {
        QFile::remove(filePath(id));
        QSqlQuery remove(m_database.connection());
        remove.prepare(QStringLiteral("DELETE FROM hub_uploads WHERE id = ?"));
        remove.addBindValue(id);
        if (!remove.exec())
            return internalError(remove.lastError().text());
    }

    Upload upload;
    upload.id = QUuid::createUuid().toString(QUuid::Id128);
    upload.clientPageId = clientPageId;
    upload.caseId = caseId;
    upload.length = *length;
    upload.sha256 = sha256;
    upload.state = QStringLiteral("active");
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    upload.expiresAt = nowMs + qint64(m_config.uploadExpirySecs) * 1000;

    const Core::Status written
        = Storage::FileSystem::system().writeNewFile(filePath(upload.id), {});
    if (!written)
        return internalError(written.error().detail);
    Core::Status synced = Storage::FileSystem::system().syncDirectory(m_dir);
    if (!synced)
        return internalError(synced.error().detail);

    QSqlQuery insert(m_database.connection());
    insert.prepare(
        QStringLiteral("INSERT INTO hub_uploads (id, client_page_id, case_id, length,"
                       " upload_offset, sha256, media_type, created_at, expires_at, state)"
                       " VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, 'active')"));
    insert.addBindValue(upload.id);
    insert.addBindValue(clientPageId);
    insert.addBindValue(caseId);
    insert.addBindValue(upload.length);
    insert.addBindValue(sha256);
    insert.addBindValue(mediaType);
    insert.addBindValue(nowMs);
    insert.addBindValue(upload.expiresAt);
    if (!insert.exec())
        return internalError(insert.lastError().text());
    if (request.body.isEmpty())
        return uploadState(upload, 201);
    // The upload exists (committed) before its first chunk is written, exactly as if a
    // PATCH at offset 0 followed: a failed chunk leaves it at 0 for a retried creation.
    HttpRequest first = request;
    first.headers.append({ QByteArrayLiteral("Upload-Offset"), QByteArrayLiteral("0") });
    const HttpResponse firstChunk = patch(first, upload.id);
    if (firstChunk.status != 204)
        return firstChunk;
    HttpResponse found;
    const auto stored = find(upload.id, &found);
    if (!stored)
        return found;
    return uploadState(*stored, 201);
}

HttpResponse UploadService::head(const QString &uploadId)
{
    HttpResponse error;
    const auto upload = find(uploadId, &error);
    if (!upload)
        return error;
    if (upload->state == QLatin1String("failed"))
        return checksumMismatch(upload->failure);
    if (expired(*upload))
        return expiredResponse();
    HttpResponse response = uploadState(*upload, 200);
    return response;
}

HttpResponse UploadService::patch(const HttpRequest &request, const QString &uploadId)
{
    if (request.header(QByteArrayLiteral("Content-Type")).trimmed().toLower()
        != QByteArrayLiteral("application/offset+octet-stream")) {
        return errorResponse(415, QStringLiteral("bad_request"), QStringLiteral("请求格式错误"),
            QStringLiteral("Content-Type must be application/offset+octet-stream"));
    }
    const auto offset = parseNonNegative(request.header(QByteArrayLiteral("Upload-Offset")));
    if (!offset) {
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("请求格式错误"),
            QStringLiteral("Upload-Offset is required"));
    }
    HttpResponse error;
    const auto found = find(uploadId, &error);
    if (!found)
        return error;
    Upload upload = *found;
    if (upload.state == QLatin1String("failed"))
        return checksumMismatch(upload.failure);
    if (expired(upload))
        return expiredResponse();
    if (*offset != upload.offset) {
        HttpResponse mismatch = errorResponse(409, QStringLiteral("offset_mismatch"),
            QStringLiteral("上传位置不一致，请重新查询后续传"),
            QStringLiteral("server offset is %1").arg(upload.offset));
        mismatch.addHeader(QByteArrayLiteral("Upload-Offset"), QByteArray::number(upload.offset));
        return mismatch;
    }
    const QByteArray &chunk = request.body;
    if (chunk.size() > Limits::MaxChunkBytes || upload.offset + chunk.size() > upload.length) {
        return errorResponse(413, QStringLiteral("body_too_large"), QStringLiteral("上传数据过大"),
            QStringLiteral("a chunk is limited to %1 bytes and may not pass Upload-Length")
                .arg(Limits::MaxChunkBytes));
    }
    if (request.hasHeader(QByteArrayLiteral("Upload-Checksum"))) {
        const auto checksum
            = parseTusChecksum(request.header(QByteArrayLiteral("Upload-Checksum")));
        if (!checksum || checksum->algorithm != QByteArrayLiteral("sha256")) {
            return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("请求格式错误"),
                QStringLiteral("Upload-Checksum must be 'sha256 <base64>'"));
        }
        if (Core::sha256(chunk) != checksum->digest)
            return checksumMismatch(QStringLiteral("chunk checksum mismatch; chunk discarded"));
    }

    QFile file(filePath(upload.id));
    if (!file.open(QIODevice::ReadWrite))
        return internalError(QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
    // Bytes after the committed offset are leftovers of a write whose offset
    // was never recorded (killed between fsync and commit): drop them.
    if (!file.resize(upload.offset) || !file.seek(upload.offset)
        || file.write(chunk) != chunk.size() || !file.flush() || ::fsync(file.handle()) != 0) {
        return internalError(QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
    }
    file.close();
    upload.offset += chunk.size();

    QString state = QStringLiteral("active");
    QString failure;
    if (upload.offset == upload.length) {
        bool ok = false;
        const QByteArray actual = fileSha256(filePath(upload.id), &ok);
        if (!ok)
            return internalError(QStringLiteral("cannot read %1").arg(filePath(upload.id)));
        if (QString::fromLatin1(actual) == upload.sha256) {
            state = QStringLiteral("complete");
        } else {
            state = QStringLiteral("failed");
            failure = QStringLiteral("file sha256 %1 differs from the declared %2")
                          .arg(QString::fromLatin1(actual), upload.sha256);
        }
    }
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral(
        "UPDATE hub_uploads SET upload_offset = ?, state = ?, failure = ? WHERE id = ?"));
    update.addBindValue(upload.offset);
    update.addBindValue(state);
    update.addBindValue(failure);
    update.addBindValue(upload.id);
    if (!update.exec())
        return internalError(update.lastError().text());
    if (state == QLatin1String("failed")) {
        QFile::remove(filePath(upload.id));
        qCWarning(lcHub) << "upload" << upload.id << "failed:" << failure;
        return checksumMismatch(failure);
    }
    HttpResponse response = emptyResponse(204);
    response.addHeader(QByteArrayLiteral("Upload-Offset"), QByteArray::number(upload.offset));
    response.addHeader(QByteArrayLiteral("Upload-Expires"),
        httpDate(QDateTime::fromMSecsSinceEpoch(upload.expiresAt, Qt::UTC)));
    return response;
}

HttpResponse UploadService::terminate(const QString &uploadId)
{
    HttpResponse error;
    const auto upload = find(uploadId, &error);
    if (!upload)
        return error;
    QSqlQuery remove(m_database.connection());
    remove.prepare(QStringLiteral("DELETE FROM hub_uploads WHERE id = ?"));
    remove.addBindValue(uploadId);
    if (!remove.exec())
        return internalError(remove.lastError().text());
    QFile::remove(filePath(uploadId));
    return emptyResponse(204);
}

QString UploadService::completedFile(const QString &caseId, const QString &clientPageId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id FROM hub_uploads WHERE case_id = ? AND"
                                 " client_page_id = ? AND state = 'complete'"));
    query.addBindValue(caseId);
    query.addBindValue(clientPageId);
    if (query.exec() && query.next())
        return filePath(query.value(0).toString());
    return {};
}

} // namespace Tongban::Hub
