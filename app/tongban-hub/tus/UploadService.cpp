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

HttpResponse uploadNotFound(const QString &uploadId)
{
    return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("上传不存在"), uploadId);
}

/// A page a home department's request for correction still waits for (issue 17): it may be
/// uploaded although the case is submitted.
bool isOpenCorrectionPage(
    Storage::Database &database, const QString &caseId, const QString &clientPageId)
{
    QSqlQuery query(database.connection());
    query.prepare(
        QStringLiteral("SELECT 1 FROM hub_correction_pages p JOIN hub_correction_requests q"
                       " ON q.id = p.request_id WHERE p.client_page_id = ? AND q.case_id = ?"
                       " AND q.state = 'open'"));
    query.addBindValue(clientPageId);
    query.addBindValue(caseId);
    return query.exec() && query.next();
}

HttpResponse caseSubmitted(const QString &caseId)
{
    return errorResponse(409, QStringLiteral("case_submitted"),
        QStringLiteral("案件已提交，其材料页面不能再更改或删除"), caseId);
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
    // The largest body of one PATCH (§6): the whole page, streamed to disk.
    response.addHeader(
        QByteArrayLiteral("Tongban-Max-Chunk-Size"), QByteArray::number(Limits::MaxPatchBytes));
    return response;
}

bool UploadService::expired(const Upload &upload) const
{
    return upload.state == QLatin1String("expired")
        || (upload.state == QLatin1String("active")
            && m_clock.now().toMSecsSinceEpoch() >= upload.expiresAt);
}

int UploadService::sweepExpired()
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT id FROM hub_uploads WHERE state = 'active' AND expires_at <= ? ORDER BY id"));
    query.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if (!query.exec()) {
        qCWarning(lcHub) << "listing expired uploads failed:" << query.lastError().text();
        return 0;
    }
    QStringList ids;
    while (query.next())
        ids << query.value(0).toString();
    int swept = 0;
    for (const QString &id : ids) {
        if (m_streaming.contains(id))
            continue; // a PATCH is writing it: expired when that PATCH has ended
        // The row first: a kill between the two leaves a file without an active upload, which
        // the next creation for the page removes with its row; never an active row without
        // its file.
        QSqlQuery mark(m_database.connection());
        mark.prepare(QStringLiteral(
            "UPDATE hub_uploads SET state = 'expired' WHERE id = ? AND state = 'active'"));
        mark.addBindValue(id);
        if (!mark.exec()) {
            qCWarning(lcHub) << "expiring upload" << id << "failed:" << mark.lastError().text();
            continue;
        }
        if (QFile::exists(filePath(id)) && !QFile::remove(filePath(id)))
            qCWarning(lcHub) << "cannot delete the partial file of expired upload" << id;
        ++swept;
    }
    if (swept > 0)
        qCInfo(lcHub) << swept << "expired uploads deleted";
    return swept;
}

std::optional<UploadService::Upload> UploadService::find(
    const QString &uploadId, HttpResponse *error) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT u.id, u.client_page_id, u.case_id, u.length, u.upload_offset,"
                       " u.sha256, u.expires_at, u.state, u.failure, c.window_id, c.case_number"
                       " FROM hub_uploads u JOIN hub_cases c ON c.id = u.case_id"
                       " WHERE u.id = ?"));
    query.addBindValue(uploadId);
    if (!query.exec()) {
        *error = internalError(query.lastError().text());
        return std::nullopt;
    }
    if (!query.next()) {
        *error = uploadNotFound(uploadId);
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
    upload.windowId = query.value(9).toString();
    upload.caseSubmitted = !query.value(10).isNull() && !query.value(10).toString().isEmpty()
        && !isOpenCorrectionPage(m_database, upload.caseId, upload.clientPageId);
    return upload;
}

std::optional<UploadService::Upload> UploadService::findOwned(
    const QString &uploadId, const AuthContext &context, HttpResponse *error) const
{
    auto upload = find(uploadId, error);
    if (!upload)
        return std::nullopt;
    if (context.windowId.isEmpty() || upload->windowId != context.windowId) {
        qCWarning(lcHub).noquote() << "upload" << uploadId << "refused to" << context.account
                                   << "at window" << context.windowId << "(not its window)";
        *error = uploadNotFound(uploadId);
        return std::nullopt;
    }
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
    page.prepare(QStringLiteral("SELECT p.sha256, p.size_bytes, c.window_id, c.case_number"
                                " FROM hub_pages p"
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
    if (context.windowId.isEmpty() || page.value(2).toString() != context.windowId) {
        // Another window's case: answered exactly like a case that does not exist.
        return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("案件或页面不存在"),
            QStringLiteral("no page %1 declared in case %2").arg(clientPageId, caseId));
    }
    if (page.value(0).toString().toLower() != sha256 || page.value(1).toLongLong() != *length) {
        return errorResponse(422, QStringLiteral("validation_failed"),
            QStringLiteral("文件与案件登记的信息不一致"),
            QStringLiteral("sha256 or Upload-Length differs from the page declared in the case"));
    }

    const bool submitted = !page.value(3).isNull() && !page.value(3).toString().isEmpty()
        && !isOpenCorrectionPage(m_database, caseId, clientPageId);
    sweepExpired();

    // A retried creation returns the upload already made for this page.
    QSqlQuery existing(m_database.connection());
    existing.prepare(QStringLiteral(
        "SELECT id FROM hub_uploads WHERE client_page_id = ? AND case_id = ? ORDER BY id"));
    existing.addBindValue(clientPageId);
    existing.addBindValue(caseId);
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
    // A submitted case's pages are final: no new upload replaces one (its uploads are all
    // complete, so a retried creation was answered above).
    if (submitted)
        return caseSubmitted(caseId);
    // The window's quota: declared bytes of its open uploads, this one included.
    QSqlQuery open(m_database.connection());
    open.prepare(QStringLiteral("SELECT COALESCE(SUM(u.length), 0) FROM hub_uploads u"
                                " JOIN hub_cases c ON c.id = u.case_id"
                                " WHERE c.window_id = ? AND u.state = 'active'"
                                " AND u.expires_at > ?"));
    open.addBindValue(context.windowId);
    open.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if (!open.exec() || !open.next())
        return internalError(open.lastError().text());
    const qint64 openBytes = open.value(0).toLongLong();
    if (openBytes + *length > m_config.windowUploadQuotaBytes) {
        qCWarning(lcHub).noquote() << "upload quota of window" << context.windowId
                                   << "reached:" << openBytes << "bytes open";
        return errorResponse(413, QStringLiteral("quota_exceeded"),
            QStringLiteral("本窗口未完成的上传过多，请先完成或删除已开始的上传"),
            QStringLiteral("open uploads of this window declare %1 bytes; with %2 more they "
                           "would pass the window's quota of %3 bytes")
                .arg(openBytes)
                .arg(*length)
                .arg(m_config.windowUploadQuotaBytes));
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
    const HttpResponse firstChunk = patch(first, upload.id, context);
    if (firstChunk.status != 204)
        return firstChunk;
    HttpResponse found;
    const auto stored = find(upload.id, &found);
    if (!stored)
        return found;
    return uploadState(*stored, 201);
}

HttpResponse UploadService::head(const QString &uploadId, const AuthContext &context)
{
    HttpResponse error;
    const auto upload = findOwned(uploadId, context, &error);
    if (!upload)
        return error;
    if (upload->state == QLatin1String("failed"))
        return checksumMismatch(upload->failure);
    if (expired(*upload))
        return expiredResponse();
    HttpResponse response = uploadState(*upload, 200);
    return response;
}

/*!
 * The body of one PATCH, written to the partial file as it arrives. m_upload.offset is the
 * committed offset (in the database, bytes fsynced); m_pending bytes follow it in the file.
 */
class UploadService::Sink : public BodySink
{
public:
    Sink(UploadService &service, Upload upload, std::optional<TusChecksum> checksum,
        std::unique_ptr<QFile> file)
        : m_service(service)
        , m_upload(std::move(upload))
        , m_checksum(std::move(checksum))
        , m_file(std::move(file))
    {
        m_service.m_streaming.insert(m_upload.id);
    }
    ~Sink() override { m_service.m_streaming.remove(m_upload.id); }

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
        if (m_file->write(data.data(), data.size()) != data.size()) {
            m_error = internalError(
                QStringLiteral("%1: %2").arg(m_file->fileName(), m_file->errorString()));
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
            return checksumMismatch(QStringLiteral("chunk checksum mismatch; chunk discarded"));
        }
        if (!sync())
            return *m_error;
        const qint64 offset = m_upload.offset + m_pending;
        m_pending = 0;
        return m_service.commit(m_upload, offset);
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
        if (!m_file->flush() || ::fsync(m_file->handle()) != 0) {
            m_error = internalError(
                QStringLiteral("%1: %2").arg(m_file->fileName(), m_file->errorString()));
            return false;
        }
        return true;
    }

    bool makeDurable()
    {
        if (!sync())
            return false;
        const qint64 offset = m_upload.offset + m_pending;
        m_pending = 0;
        const HttpResponse committed = m_service.commit(m_upload, offset);
        if (committed.status >= 300) {
            m_error = committed;
            return false;
        }
        return true;
    }

    void discardPending()
    {
        m_pending = 0;
        if (!m_file->resize(m_upload.offset))
            qCWarning(lcHub) << "cannot cut upload" << m_upload.id << "back to its offset";
    }

    UploadService &m_service;
    Upload m_upload;
    std::optional<TusChecksum> m_checksum;
    std::unique_ptr<QFile> m_file;
    Core::Sha256 m_hash;
    qint64 m_pending = 0;
    std::optional<HttpResponse> m_error;
};

HttpResponse UploadService::patch(
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

std::variant<HttpResponse, std::unique_ptr<BodySink>> UploadService::beginPatch(
    const HttpRequest &head, const QString &uploadId, const AuthContext &context)
{
    // Whose it is comes first: another window learns nothing, not even a format error.
    HttpResponse error;
    const auto found = findOwned(uploadId, context, &error);
    if (!found)
        return error;
    if (found->caseSubmitted)
        return caseSubmitted(found->caseId);
    return beginUpload(head, *found);
}

std::variant<HttpResponse, std::unique_ptr<BodySink>> UploadService::beginUpload(
    const HttpRequest &request, Upload upload)
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
    if (upload.state == QLatin1String("failed"))
        return checksumMismatch(upload.failure);
    if (expired(upload))
        return expiredResponse();
    if (m_streaming.contains(upload.id)) {
        return errorResponse(423, QStringLiteral("upload_locked"),
            QStringLiteral("该文件正在上传，请稍后再试"),
            QStringLiteral("another PATCH of this upload is in progress"));
    }
    if (*offset != upload.offset) {
        HttpResponse mismatch = errorResponse(409, QStringLiteral("offset_mismatch"),
            QStringLiteral("上传位置不一致，请重新查询后续传"),
            QStringLiteral("server offset is %1").arg(upload.offset));
        mismatch.addHeader(QByteArrayLiteral("Upload-Offset"), QByteArray::number(upload.offset));
        return mismatch;
    }
    // The body's declared size, when it has one, is checked before a byte of it is read; a
    // chunked body is checked as it is written.
    const std::optional<qint64> declared = request.hasHeader(QByteArrayLiteral("Content-Length"))
        ? parseNonNegative(request.header(QByteArrayLiteral("Content-Length")))
        : std::optional<qint64>(request.body.size());
    if (declared && upload.offset + *declared > upload.length) {
        return errorResponse(413, QStringLiteral("body_too_large"), QStringLiteral("上传数据过大"),
            QStringLiteral("a PATCH may carry at most Upload-Length - Upload-Offset = %1 bytes")
                .arg(upload.length - upload.offset));
    }
    std::optional<TusChecksum> checksum;
    if (request.hasHeader(QByteArrayLiteral("Upload-Checksum"))) {
        checksum = parseTusChecksum(request.header(QByteArrayLiteral("Upload-Checksum")));
        if (!checksum || checksum->algorithm != QByteArrayLiteral("sha256")) {
            return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("请求格式错误"),
                QStringLiteral("Upload-Checksum must be 'sha256 <base64>'"));
        }
    }

    auto file = std::make_unique<QFile>(filePath(upload.id));
    if (!file->open(QIODevice::ReadWrite))
        return internalError(QStringLiteral("%1: %2").arg(file->fileName(), file->errorString()));
    // Bytes after the committed offset are leftovers of a write whose offset
    // was never recorded (killed between fsync and commit): drop them.
    if (!file->resize(upload.offset) || !file->seek(upload.offset))
        return internalError(QStringLiteral("%1: %2").arg(file->fileName(), file->errorString()));
    return std::unique_ptr<BodySink>(
        std::make_unique<Sink>(*this, std::move(upload), std::move(checksum), std::move(file)));
}

HttpResponse UploadService::commit(Upload &upload, qint64 newOffset)
{
    upload.offset = newOffset;
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
    upload.state = state;
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

HttpResponse UploadService::terminate(const QString &uploadId, const AuthContext &context)
{
    HttpResponse error;
    const auto upload = findOwned(uploadId, context, &error);
    if (!upload)
        return error;
    if (upload->caseSubmitted)
        return caseSubmitted(upload->caseId);
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
