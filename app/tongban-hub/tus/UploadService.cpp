#include "UploadService.h"

#include "Logging.h"
#include "accounts/AccountService.h"

#include <storage/Database.h>

#include <QUuid>

namespace Tongban::Hub {

namespace {

Core::Error uploadNotFound(const QString &uploadId)
{
    return { UploadService::NotFound, QStringLiteral("上传不存在"), uploadId };
}

Core::Error caseSubmitted(const QString &caseId)
{
    return { UploadService::CaseSubmitted, QStringLiteral("案件已提交，其材料页面不能再更改或删除"),
        caseId };
}

Core::Error checksumMismatch(const QString &detail)
{
    return { UploadService::ChecksumMismatch, QStringLiteral("文件校验失败，请重新上传"), detail };
}

Core::Error storageFailed(const Core::Error &error)
{
    return { UploadService::StorageFailed, QString(), error.detail };
}

} // namespace

UploadService::UploadService(Storage::Database &database, const HubConfig &config,
    const Core::Clock &clock, const QString &filesDir)
    : m_store(database, filesDir)
    , m_config(config)
    , m_clock(clock)
{ }

bool UploadService::expired(const UploadRecord &upload) const
{
    return upload.state == QLatin1String("expired")
        || (upload.state == QLatin1String("active")
            && m_clock.now().toMSecsSinceEpoch() >= upload.expiresAt);
}

int UploadService::sweepExpired()
{
    const auto ids = m_store.expiredBy(m_clock.now().toMSecsSinceEpoch());
    if (!ids) {
        qCWarning(lcHub) << "listing expired uploads failed:" << ids.error().detail;
        return 0;
    }
    int swept = 0;
    for (const QString &id : *ids) {
        if (m_streaming.contains(id))
            continue; // a PATCH is writing it: expired when that PATCH has ended
        // The row first: a kill between the two leaves a file without an active upload, which
        // the next creation for the page removes with its row; never an active row without
        // its file.
        if (const Core::Status marked = m_store.markExpired(id); !marked) {
            qCWarning(lcHub) << "expiring upload" << id << "failed:" << marked.error().detail;
            continue;
        }
        if (!m_store.removeFile(id))
            qCWarning(lcHub) << "cannot delete the partial file of expired upload" << id;
        ++swept;
    }
    if (swept > 0)
        qCInfo(lcHub) << swept << "expired uploads deleted";
    return swept;
}

Core::Result<UploadRecord> UploadService::find(const QString &uploadId) const
{
    auto found = m_store.find(uploadId);
    if (!found)
        return storageFailed(found.error());
    if (!*found)
        return uploadNotFound(uploadId);
    return **found;
}

Core::Result<UploadRecord> UploadService::findOwned(
    const QString &uploadId, const AuthContext &context) const
{
    auto upload = find(uploadId);
    if (!upload)
        return upload;
    if (context.windowId.isEmpty() || upload->windowId != context.windowId) {
        qCWarning(lcHub).noquote() << "upload" << uploadId << "refused to" << context.account
                                   << "at window" << context.windowId << "(not its window)";
        return uploadNotFound(uploadId);
    }
    return upload;
}

Core::Result<UploadService::Created> UploadService::create(
    const NewUpload &request, const AuthContext &context)
{
    // The page must have been declared in the case, with this hash and size.
    const auto page = m_store.declaredPage(request.caseId, request.clientPageId);
    if (!page)
        return storageFailed(page.error());
    const Core::Error pageNotFound {
        PageNotFound, QStringLiteral("案件或页面不存在"),
        QStringLiteral("no page %1 declared in case %2").arg(request.clientPageId, request.caseId)
    };
    if (!*page)
        return pageNotFound;
    // Another window's case: answered exactly like a case that does not exist.
    if (context.windowId.isEmpty() || (*page)->windowId != context.windowId)
        return pageNotFound;
    if ((*page)->sha256 != request.sha256 || (*page)->sizeBytes != request.length) {
        return Core::Error { PageMismatch, QStringLiteral("文件与案件登记的信息不一致"),
            QStringLiteral("sha256 or Upload-Length differs from the page declared in the case") };
    }
    const bool submitted = (*page)->caseSubmitted;
    sweepExpired();

    // A retried creation returns the upload already made for this page.
    const auto existing = m_store.uploadsOfPage(request.caseId, request.clientPageId);
    if (!existing)
        return storageFailed(existing.error());
    QStringList stale;
    for (const QString &id : *existing) {
        const auto upload = find(id);
        if (!upload)
            return upload.error();
        if (upload->state == QLatin1String("failed") || expired(*upload))
            stale.append(id);
        else
            return Created { *upload, false };
    }
    // A submitted case's pages are final: no new upload replaces one (its uploads are all
    // complete, so a retried creation was answered above).
    if (submitted)
        return caseSubmitted(request.caseId);
    // The window's quota: declared bytes of its open uploads, this one included.
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    const auto openBytes = m_store.openBytes(context.windowId, nowMs);
    if (!openBytes)
        return storageFailed(openBytes.error());
    if (*openBytes + request.length > m_config.windowUploadQuotaBytes) {
        qCWarning(lcHub).noquote() << "upload quota of window" << context.windowId
                                   << "reached:" << *openBytes << "bytes open";
        return Core::Error { QuotaExceeded,
            QStringLiteral("本窗口未完成的上传过多，请先完成或删除已开始的上传"),
            QStringLiteral("open uploads of this window declare %1 bytes; with %2 more they "
                           "would pass the window's quota of %3 bytes")
                .arg(*openBytes)
                .arg(request.length)
                .arg(m_config.windowUploadQuotaBytes) };
    }
    for (const QString &id : std::as_const(stale)) {
        m_store.removeFile(id);
        if (const Core::Status removed = m_store.remove(id); !removed)
            return storageFailed(removed.error());
    }

    UploadRecord upload;
    upload.id = QUuid::createUuid().toString(QUuid::Id128);
    upload.clientPageId = request.clientPageId;
    upload.caseId = request.caseId;
    upload.length = request.length;
    upload.sha256 = request.sha256;
    upload.mediaType = request.mediaType;
    upload.state = QStringLiteral("active");
    upload.windowId = context.windowId;
    upload.expiresAt = nowMs + qint64(m_config.uploadExpirySecs) * 1000;
    if (const Core::Status made = m_store.createFile(upload.id); !made)
        return storageFailed(made.error());
    if (const Core::Status inserted = m_store.insert(upload, nowMs); !inserted)
        return storageFailed(inserted.error());
    return Created { upload, true };
}

Core::Result<UploadRecord> UploadService::state(const QString &uploadId, const AuthContext &context)
{
    auto upload = findOwned(uploadId, context);
    if (!upload)
        return upload;
    if (upload->state == QLatin1String("failed"))
        return checksumMismatch(upload->failure);
    if (expired(*upload))
        return Core::Error { Expired, QStringLiteral("上传已过期，请重新上传"), QString() };
    return upload;
}

Core::Result<UploadRecord> UploadService::writable(
    const QString &uploadId, const AuthContext &context)
{
    // Whose it is comes first: another window learns nothing, not even a format error.
    auto upload = findOwned(uploadId, context);
    if (upload && upload->caseSubmitted)
        return caseSubmitted(upload->caseId);
    return upload;
}

Core::Status UploadService::checkPatch(
    const UploadRecord &upload, qint64 offset, std::optional<qint64> declaredBytes) const
{
    if (upload.state == QLatin1String("failed"))
        return checksumMismatch(upload.failure);
    if (expired(upload))
        return Core::Error { Expired, QStringLiteral("上传已过期，请重新上传"), QString() };
    if (m_streaming.contains(upload.id)) {
        return Core::Error { Locked, QStringLiteral("该文件正在上传，请稍后再试"),
            QStringLiteral("another PATCH of this upload is in progress") };
    }
    if (offset != upload.offset) {
        return Core::Error { OffsetMismatch, QStringLiteral("上传位置不一致，请重新查询后续传"),
            QStringLiteral("server offset is %1").arg(upload.offset) };
    }
    // The body's declared size, when it has one, is checked before a byte of it is read.
    if (declaredBytes && upload.offset + *declaredBytes > upload.length) {
        return Core::Error { TooLarge, QStringLiteral("上传数据过大"),
            QStringLiteral("a PATCH may carry at most Upload-Length - Upload-Offset = %1 bytes")
                .arg(upload.length - upload.offset) };
    }
    return {};
}

Core::Result<std::unique_ptr<PartialFile>> UploadService::openForPatch(const UploadRecord &upload)
{
    auto file = m_store.openAt(upload.id, upload.offset);
    if (!file)
        return storageFailed(file.error());
    return file;
}

Core::Result<UploadRecord> UploadService::commit(UploadRecord upload, qint64 newOffset)
{
    QString state = QStringLiteral("active");
    QString failure;
    if (newOffset == upload.length) {
        const auto actual = m_store.fileSha256(upload.id);
        if (!actual)
            return storageFailed(actual.error());
        if (*actual == upload.sha256) {
            state = QStringLiteral("complete");
        } else {
            state = QStringLiteral("failed");
            failure = QStringLiteral("file sha256 %1 differs from the declared %2")
                          .arg(*actual, upload.sha256);
        }
    }
    if (const Core::Status updated = m_store.update(upload.id, newOffset, state, failure); !updated)
        return storageFailed(updated.error());
    upload.offset = newOffset;
    upload.state = state;
    upload.failure = failure;
    if (state == QLatin1String("failed")) {
        m_store.removeFile(upload.id);
        qCWarning(lcHub) << "upload" << upload.id << "failed:" << failure;
        return checksumMismatch(failure);
    }
    return upload;
}

Core::Status UploadService::terminate(const QString &uploadId, const AuthContext &context)
{
    const auto upload = writable(uploadId, context);
    if (!upload)
        return upload.error();
    if (const Core::Status removed = m_store.remove(uploadId); !removed)
        return storageFailed(removed.error());
    m_store.removeFile(uploadId);
    return {};
}

QString UploadService::completedFile(const QString &caseId, const QString &clientPageId) const
{
    const auto id = m_store.completed(caseId, clientPageId);
    if (id && *id)
        return m_store.filePath(**id);
    return {};
}

} // namespace Tongban::Hub
