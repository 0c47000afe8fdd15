#include "RecordingService.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "http/HttpTypes.h"

#include <core/Hash.h>

#include <QJsonDocument>
#include <QTimeZone>

namespace Tongban::Hub {

namespace {

Core::Error unknownRecording(const QString &callId)
{
    return Core::Error { RecordingService::NotFound, QStringLiteral("通话录像不存在"),
        callId.left(100) };
}

Core::Error notAllowed(const QString &callId)
{
    return Core::Error { RecordingService::Forbidden,
        QStringLiteral("无权查看该通话录像，只有管理员和事项属地部门可以查看"), callId.left(100) };
}

Core::Error storeFailed(const Core::Error &error)
{
    return Core::Error { RecordingService::StoreFailed, error.message, error.detail };
}

Core::Error badRequest(const QString &detail)
{
    return Core::Error { RecordingService::BadRequest, QStringLiteral("请求格式错误"), detail };
}

std::optional<int> chunkIndex(const QString &text)
{
    bool ok = false;
    const int index = text.toInt(&ok);
    if (!ok || index < 0 || index >= RecordingService::MaxChunks || text != QString::number(index))
        return std::nullopt;
    return index;
}

} // namespace

Storage::MigrationSet RecordingService::schema()
{
    Storage::Migration first;
    first.version = 1;
    first.description = QStringLiteral("call recordings and their chunks (000 §15)");
    first.statements = {
        // case_id: the call's case on the platform; client_case_id: the case id the caller's
        // workstation gave in the manifest (a call is often made before its case is sent:
        // the case is found by it and the calling window once it is).
        QStringLiteral("CREATE TABLE hub_recordings (call_id TEXT PRIMARY KEY,"
                       " case_id TEXT, client_case_id TEXT, caller_window TEXT NOT NULL,"
                       " jurisdiction_code TEXT NOT NULL,"
                       " call_started_at BIGINT NOT NULL, state TEXT NOT NULL,"
                       " manifest TEXT, created_at BIGINT NOT NULL, completed_at BIGINT)"),
        QStringLiteral("CREATE INDEX hub_recordings_case ON hub_recordings(case_id)"),
        QStringLiteral("CREATE INDEX hub_recordings_started ON hub_recordings(call_started_at)"),
        QStringLiteral("CREATE TABLE hub_recording_chunks (call_id TEXT NOT NULL"
                       " REFERENCES hub_recordings(call_id), chunk_index INTEGER NOT NULL,"
                       " sha256 TEXT NOT NULL, size_bytes BIGINT NOT NULL,"
                       " received_at BIGINT NOT NULL, PRIMARY KEY (call_id, chunk_index))"),
    };
    Storage::Migration pages;
    pages.version = 2;
    pages.description = QStringLiteral("pages shared in calls and their marked-up versions");
    pages.statements = {
        QStringLiteral("CREATE TABLE hub_call_pages (call_id TEXT NOT NULL, sha256 TEXT NOT NULL,"
                       " size_bytes BIGINT NOT NULL, by_window TEXT NOT NULL,"
                       " call_started_at BIGINT NOT NULL, created_at BIGINT NOT NULL,"
                       " markup TEXT, markup_by TEXT, markup_at BIGINT,"
                       " PRIMARY KEY (call_id, sha256))"),
        QStringLiteral("CREATE INDEX hub_call_pages_started ON hub_call_pages(call_started_at)"),
    };
    return Storage::MigrationSet { QStringLiteral("hub_recordings"), { first, pages } };
}

RecordingService::RecordingService(RecordingStore &store, const Core::Clock &clock)
    : m_store(store)
    , m_clock(clock)
{ }

Core::Result<RecordedCall> RecordingService::findCall(const QString &callId) const
{
    const auto call = m_store.call(callId);
    if (!call)
        return storeFailed(call.error());
    if (!*call)
        return unknownRecording(callId);
    return **call;
}

bool RecordingService::mayRead(const RecordedCall &call, const AuthContext &context) const
{
    if (context.role == QLatin1String("admin"))
        return true;
    return context.role == QLatin1String("department")
        && context.jurisdictionCode == call.jurisdiction;
}

bool RecordingService::isParty(const RecordedCall &call, const AuthContext &context)
{
    return !call.answeredBy.isEmpty() && !context.windowId.isEmpty()
        && (context.windowId == call.callerWindow || context.windowId == call.answeredBy);
}

Core::Result<RecordingService::ChunkReceipt> RecordingService::putChunk(const QString &callId,
    const QString &indexText, const QByteArray &body, const std::optional<QByteArray> &digest,
    const AuthContext &context)
{
    const auto call = findCall(callId);
    // Another window's call, or one nobody answered (nothing was recorded): as if unknown.
    if (!call)
        return call.error();
    if (context.windowId.isEmpty() || call->callerWindow != context.windowId
        || call->answeredBy.isEmpty())
        return unknownRecording(callId);
    const auto index = chunkIndex(indexText);
    if (!index)
        return badRequest(QStringLiteral("chunk index: 0 to %1").arg(MaxChunks - 1));
    if (body.isEmpty() || body.size() > Limits::MaxChunkBytes) {
        return Core::Error { TooLarge, QStringLiteral("文件过大"),
            QStringLiteral("a recording chunk is 1 to %1 bytes").arg(Limits::MaxChunkBytes) };
    }
    if (!digest || digest->size() != 32)
        return badRequest(QStringLiteral("Upload-Checksum: sha256 <base64> is required"));
    const QByteArray actual = Core::sha256(body);
    if (actual != *digest) {
        return Core::Error { ChecksumMismatch, QStringLiteral("文件校验失败，请重新上传"),
            QStringLiteral("the chunk's SHA-256 is not the one in Upload-Checksum") };
    }
    const QString sha256 = QString::fromLatin1(actual.toHex());

    const auto state = m_store.state(callId);
    if (!state)
        return storeFailed(state.error());
    const auto existing = m_store.chunkHash(callId, *index);
    if (!existing)
        return storeFailed(existing.error());
    if (*existing) {
        // A retry after a lost answer: the same bytes are acknowledged again.
        if (**existing == sha256)
            return ChunkReceipt { *index, sha256, false };
        return Core::Error { Conflict, QStringLiteral("该段录像已上传，内容不同"),
            QStringLiteral("chunk %1 was received with another SHA-256").arg(*index) };
    }
    if (*state && **state == QLatin1String("complete")) {
        return Core::Error { Conflict, QStringLiteral("录像已完整上传"),
            QStringLiteral("the recording is complete: no chunk is added") };
    }
    const Core::Status stored
        = m_store.addChunk(*call, !*state, *index, sha256, body, m_clock.now().toMSecsSinceEpoch());
    if (!stored)
        return storeFailed(stored.error());
    return ChunkReceipt { *index, sha256, true };
}

Core::Result<QJsonObject> RecordingService::putManifest(
    const QString &callId, const QJsonObject &manifest, const AuthContext &context)
{
    const auto call = findCall(callId);
    if (!call)
        return call.error();
    if (context.windowId.isEmpty() || call->callerWindow != context.windowId
        || call->answeredBy.isEmpty())
        return unknownRecording(callId);
    if (manifest.value(u"callId").toString() != callId || !manifest.value(u"chunks").isArray()
        || !manifest.contains(u"endedAt")) {
        return Core::Error { ManifestInvalid, QStringLiteral("录像清单不完整"),
            QStringLiteral("the manifest needs this callId, chunks and endedAt") };
    }
    const auto hashes = m_store.chunkHashes(callId);
    if (!hashes)
        return storeFailed(hashes.error());
    const QHash<int, QString> &received = *hashes;
    const QJsonArray listed = manifest.value(u"chunks").toArray();
    if (listed.size() > MaxChunks) {
        return Core::Error { ManifestInvalid, QStringLiteral("录像清单不完整"),
            QStringLiteral("too many chunks") };
    }
    QStringList missing;
    for (const QJsonValue &value : listed) {
        const QJsonObject chunk = value.toObject();
        const int index = chunk.value(u"index").toInt(-1);
        if (received.value(index) != chunk.value(u"sha256").toString().toLower())
            missing.append(QString::number(index));
    }
    if (!missing.isEmpty() || listed.size() != received.size() || received.isEmpty()) {
        return Core::Error { Incomplete, QStringLiteral("录像尚未完整上传，请稍后重试"),
            QStringLiteral("chunks missing or different: %1; received %2, listed %3")
                .arg(missing.mid(0, 20).join(u','))
                .arg(received.size())
                .arg(listed.size()) };
    }
    const Core::Status completed = m_store.complete(callId,
        QString::fromUtf8(QJsonDocument(manifest).toJson(QJsonDocument::Compact)),
        manifest.value(u"caseId").toString().left(200), m_clock.now().toMSecsSinceEpoch());
    if (!completed)
        return storeFailed(completed.error());
    qCInfo(lcHub).noquote() << "recording of call" << callId << "complete:" << received.size()
                            << "chunks";
    return describe(*call);
}

QJsonObject RecordingService::describe(const RecordedCall &call) const
{
    QJsonObject body { { QStringLiteral("callId"), call.id },
        { QStringLiteral("caseId"), call.caseId.isEmpty() ? QJsonValue() : call.caseId },
        { QStringLiteral("itemCode"), call.itemCode },
        { QStringLiteral("jurisdiction"), call.jurisdiction },
        { QStringLiteral("callerWindow"), call.callerWindow },
        { QStringLiteral("homeWindow"), call.answeredBy },
        { QStringLiteral("callStartedAt"),
            rfc3339(QDateTime::fromMSecsSinceEpoch(call.startedAt, QTimeZone::utc())) } };
    if (const auto recording = m_store.recording(call.id)) {
        body.insert(QStringLiteral("state"), recording->state);
        if (recording->caseId)
            body.insert(QStringLiteral("caseId"), *recording->caseId);
        const QJsonObject manifest = QJsonDocument::fromJson(recording->manifest.toUtf8()).object();
        if (!manifest.isEmpty()) {
            for (const char *key :
                { "callerClerk", "homeClerk", "startedAt", "endedAt", "endReason" })
                body.insert(QLatin1String(key), manifest.value(QLatin1String(key)));
        }
    }
    QJsonArray list;
    for (const RecordingChunk &chunk : m_store.chunks(call.id)) {
        list.append(QJsonObject { { QStringLiteral("index"), chunk.index },
            { QStringLiteral("sha256"), chunk.sha256 },
            { QStringLiteral("sizeBytes"), double(chunk.sizeBytes) } });
    }
    body.insert(QStringLiteral("chunks"), list);
    return body;
}

Core::Result<QJsonObject> RecordingService::get(const QString &callId, const AuthContext &context)
{
    const auto call = findCall(callId);
    if (!call)
        return call.error();
    if (!mayRead(*call, context))
        return notAllowed(callId);
    const auto state = m_store.state(callId);
    if (!state)
        return storeFailed(state.error());
    if (!*state)
        return unknownRecording(callId);
    return describe(*call);
}

Core::Result<RecordingService::ChunkFile> RecordingService::chunk(
    const QString &callId, const QString &indexText, const AuthContext &context)
{
    const auto call = findCall(callId);
    if (!call)
        return call.error();
    if (!mayRead(*call, context))
        return notAllowed(callId);
    const auto index = chunkIndex(indexText);
    if (!index)
        return unknownRecording(callId);
    const auto hash = m_store.chunkHash(callId, *index);
    if (!hash)
        return storeFailed(hash.error());
    if (!*hash)
        return unknownRecording(callId);
    auto bytes = m_store.chunkFile(callId, *index);
    if (!bytes)
        return storeFailed(bytes.error());
    return ChunkFile { std::move(*bytes), **hash };
}

Core::Result<QJsonArray> RecordingService::list(
    const QString &caseId, const QString &callId, const AuthContext &context)
{
    if (caseId.isEmpty() == callId.isEmpty())
        return badRequest(QStringLiteral("give caseId or callId"));
    if (context.role != QLatin1String("admin") && context.role != QLatin1String("department"))
        return notAllowed(caseId + callId);
    const auto ids = m_store.recordingsOf(
        caseId, callId, context.role == QLatin1String("admin"), context.jurisdictionCode);
    if (!ids)
        return storeFailed(ids.error());
    QJsonArray recordings;
    for (const QString &id : *ids) {
        if (const auto call = findCall(id))
            recordings.append(describe(*call));
    }
    return recordings;
}

Core::Result<bool> RecordingService::putPage(const QString &callId, const QString &sha256,
    const QByteArray &body, const AuthContext &context)
{
    const auto call = findCall(callId);
    if (!call)
        return call.error();
    if (!isParty(*call, context))
        return unknownRecording(callId);
    if (!isSha256Hex(sha256) || sha256 != sha256.toLower())
        return badRequest(QStringLiteral("the page is named by its SHA-256 (64 lowercase hex)"));
    if (body.isEmpty() || body.size() > Limits::MaxUploadBytes) {
        return Core::Error { TooLarge, QStringLiteral("文件过大"),
            QStringLiteral("a page is 1 to %1 bytes").arg(Limits::MaxUploadBytes) };
    }
    if (Core::sha256Hex(body) != sha256) {
        return Core::Error { ChecksumMismatch, QStringLiteral("文件校验失败，请重新上传"),
            QStringLiteral("the page's SHA-256 is not its name") };
    }
    const auto exists = m_store.pageExists(callId, sha256);
    if (!exists)
        return storeFailed(exists.error());
    if (*exists)
        return false; // the same content: nothing to do
    const Core::Status stored
        = m_store.addPage(*call, sha256, body, context.windowId, m_clock.now().toMSecsSinceEpoch());
    if (!stored)
        return storeFailed(stored.error());
    return true;
}

Core::Result<QByteArray> RecordingService::page(
    const QString &callId, const QString &sha256, const AuthContext &context)
{
    const auto call = findCall(callId);
    if (!call)
        return call.error();
    if (!isParty(*call, context) && !mayRead(*call, context))
        return notAllowed(callId);
    const auto exists = m_store.pageExists(callId, sha256);
    if (!exists)
        return storeFailed(exists.error());
    if (!*exists)
        return unknownRecording(callId);
    auto bytes = m_store.pageFile(callId, sha256);
    if (!bytes)
        return storeFailed(bytes.error());
    return bytes;
}

Core::Status RecordingService::putMarkup(const QString &callId, const QString &sha256,
    const QJsonObject &markup, const AuthContext &context)
{
    const auto call = findCall(callId);
    if (!call)
        return call.error();
    if (!isParty(*call, context))
        return unknownRecording(callId);
    if (markup.value(u"pageSha256").toString() != sha256 || !markup.value(u"strokes").isArray()) {
        return Core::Error { MarkupInvalid, QStringLiteral("标注信息不完整"),
            QStringLiteral("the markup needs this pageSha256 and strokes") };
    }
    const auto changed = m_store.setMarkup(callId, sha256,
        QString::fromUtf8(QJsonDocument(markup).toJson(QJsonDocument::Compact)), context.windowId,
        m_clock.now().toMSecsSinceEpoch());
    if (!changed)
        return storeFailed(changed.error());
    if (*changed != 1)
        return Core::Error { PageNotShared, QStringLiteral("该页面未在通话中共享"), sha256 };
    return {};
}

Core::Result<QJsonArray> RecordingService::markups(
    const QString &callId, const AuthContext &context)
{
    const auto call = findCall(callId);
    if (!call)
        return call.error();
    if (!isParty(*call, context) && !mayRead(*call, context))
        return notAllowed(callId);
    const auto shared = m_store.pages(callId);
    if (!shared)
        return storeFailed(shared.error());
    QJsonArray pages;
    for (const SharedPage &stored : *shared) {
        QJsonObject page { { QStringLiteral("sha256"), stored.sha256 },
            { QStringLiteral("sizeBytes"), double(stored.sizeBytes) },
            { QStringLiteral("sharedBy"), stored.byWindow } };
        if (stored.markup) {
            page.insert(QStringLiteral("markup"),
                QJsonDocument::fromJson(stored.markup->toUtf8()).object());
            page.insert(QStringLiteral("markedBy"), stored.markupBy);
        }
        pages.append(page);
    }
    return pages;
}

int RecordingService::sweep()
{
    const qint64 cutoff = m_clock.now().addDays(-RetentionDays).toMSecsSinceEpoch();
    const auto expired = m_store.expired(cutoff);
    if (!expired) {
        qCWarning(lcHub) << "recording sweep failed:" << expired.error().detail;
        return 0;
    }
    int deleted = 0;
    for (const QString &callId : *expired) {
        if (const Core::Status removed = m_store.remove(callId); !removed) {
            qCWarning(lcHub) << "recording not deleted:" << removed.error().detail;
            continue;
        }
        ++deleted;
    }
    if (deleted > 0)
        qCInfo(lcHub) << deleted << "recordings older than" << RetentionDays << "days deleted";
    return deleted;
}

} // namespace Tongban::Hub
