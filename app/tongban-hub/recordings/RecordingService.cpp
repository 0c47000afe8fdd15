#include "RecordingService.h"

#include "Logging.h"
#include "accounts/AccountService.h"

#include <core/Hash.h>
#include <storage/Database.h>
#include <storage/FileSystem.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Tongban::Hub {

namespace {

HttpResponse unknownRecording(const QString &callId)
{
    return errorResponse(
        404, QStringLiteral("not_found"), QStringLiteral("通话录像不存在"), callId.left(100));
}

HttpResponse notAllowed(const QString &callId)
{
    return errorResponse(403, QStringLiteral("forbidden"),
        QStringLiteral("无权查看该通话录像，只有管理员和事项属地部门可以查看"), callId.left(100));
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

RecordingService::RecordingService(
    Storage::Database &database, const Core::Clock &clock, const QString &dir)
    : m_database(database)
    , m_clock(clock)
    , m_dir(dir)
{ }

std::optional<RecordingService::CallRow> RecordingService::findCall(
    const QString &callId, HttpResponse *error) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id, caller_window, answered_by, case_id, item_code,"
                                 " jurisdiction_code, started_at, ended_at FROM hub_calls"
                                 " WHERE id = ?"));
    query.addBindValue(callId);
    if (!query.exec()) {
        *error = internalError(query.lastError().text());
        return std::nullopt;
    }
    if (!query.next()) {
        *error = unknownRecording(callId);
        return std::nullopt;
    }
    CallRow row;
    row.id = query.value(0).toString();
    row.callerWindow = query.value(1).toString();
    row.answeredBy = query.value(2).toString();
    row.caseId = query.value(3).toString();
    row.itemCode = query.value(4).toString();
    row.jurisdiction = query.value(5).toString();
    row.startedAt = query.value(6).toLongLong();
    row.endedAt = query.value(7).toLongLong();
    return row;
}

bool RecordingService::mayRead(const CallRow &call, const AuthContext &context) const
{
    if (context.role == QLatin1String("admin"))
        return true;
    return context.role == QLatin1String("department")
        && context.jurisdictionCode == call.jurisdiction;
}

bool RecordingService::isParty(const CallRow &call, const AuthContext &context)
{
    return !call.answeredBy.isEmpty() && !context.windowId.isEmpty()
        && (context.windowId == call.callerWindow || context.windowId == call.answeredBy);
}

QString RecordingService::directory(const QString &callId) const
{
    // The call id may be "." or ".." (§11 allows dots): never a path of its own.
    return QDir(m_dir).filePath(Core::sha256Hex(callId.toUtf8()));
}

HttpResponse RecordingService::putChunk(const HttpRequest &request, const QString &callId,
    const QString &indexText, const AuthContext &context)
{
    HttpResponse error;
    const auto call = findCall(callId, &error);
    // Another window's call, or one nobody answered (nothing was recorded): as if unknown.
    if (!call)
        return error;
    if (context.windowId.isEmpty() || call->callerWindow != context.windowId
        || call->answeredBy.isEmpty())
        return unknownRecording(callId);
    const auto index = chunkIndex(indexText);
    if (!index) {
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("请求格式错误"),
            QStringLiteral("chunk index: 0 to %1").arg(MaxChunks - 1));
    }
    if (request.body.isEmpty() || request.body.size() > Limits::MaxChunkBytes) {
        return errorResponse(413, QStringLiteral("body_too_large"), QStringLiteral("文件过大"),
            QStringLiteral("a recording chunk is 1 to %1 bytes").arg(Limits::MaxChunkBytes));
    }
    const auto checksum = parseTusChecksum(request.header(QByteArrayLiteral("Upload-Checksum")));
    if (!checksum || checksum->algorithm != "sha256" || checksum->digest.size() != 32) {
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("请求格式错误"),
            QStringLiteral("Upload-Checksum: sha256 <base64> is required"));
    }
    const QByteArray digest = Core::sha256(request.body);
    if (digest != checksum->digest) {
        return errorResponse(460, QStringLiteral("checksum_mismatch"),
            QStringLiteral("文件校验失败，请重新上传"),
            QStringLiteral("the chunk's SHA-256 is not the one in Upload-Checksum"));
    }
    const QString sha256 = QString::fromLatin1(digest.toHex());

    QSqlQuery recording(m_database.connection());
    recording.prepare(QStringLiteral("SELECT state FROM hub_recordings WHERE call_id = ?"));
    recording.addBindValue(callId);
    if (!recording.exec())
        return internalError(recording.lastError().text());
    const bool exists = recording.next();
    QSqlQuery existing(m_database.connection());
    existing.prepare(QStringLiteral(
        "SELECT sha256 FROM hub_recording_chunks WHERE call_id = ? AND chunk_index = ?"));
    existing.addBindValue(callId);
    existing.addBindValue(*index);
    if (!existing.exec())
        return internalError(existing.lastError().text());
    const QJsonObject answer { { QStringLiteral("callId"), callId },
        { QStringLiteral("index"), *index }, { QStringLiteral("sha256"), sha256 } };
    if (existing.next()) {
        // A retry after a lost answer: the same bytes are acknowledged again.
        if (existing.value(0).toString() == sha256)
            return jsonResponse(200, answer);
        return errorResponse(409, QStringLiteral("conflict"),
            QStringLiteral("该段录像已上传，内容不同"),
            QStringLiteral("chunk %1 was received with another SHA-256").arg(*index));
    }
    if (exists && recording.value(0).toString() == QLatin1String("complete")) {
        return errorResponse(409, QStringLiteral("conflict"), QStringLiteral("录像已完整上传"),
            QStringLiteral("the recording is complete: no chunk is added"));
    }

    const QString dir = directory(callId);
    if (const Core::Status made = Storage::FileSystem::system().ensureDirectory(dir); !made)
        return internalError(made.error().detail);
    const QString path = QDir(dir).filePath(QString::number(*index) + QStringLiteral(".mkv"));
    QFile::remove(path); // a file a crash left before its row was committed
    if (const Core::Status written = Storage::FileSystem::system().writeNewFile(path, request.body);
        !written)
        return internalError(written.error().detail);
    if (const Core::Status synced = Storage::FileSystem::system().syncDirectory(dir); !synced)
        return internalError(synced.error().detail);
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    const Core::Status stored = m_database.transaction([&]() -> Core::Status {
        if (!exists) {
            QSqlQuery insert(m_database.connection());
            insert.prepare(QStringLiteral(
                "INSERT INTO hub_recordings (call_id, case_id, caller_window, jurisdiction_code,"
                " call_started_at, state, created_at) VALUES (?, ?, ?, ?, ?, 'receiving', ?)"));
            insert.addBindValue(callId);
            insert.addBindValue(call->caseId.isEmpty() ? QVariant() : QVariant(call->caseId));
            insert.addBindValue(call->callerWindow);
            insert.addBindValue(call->jurisdiction);
            insert.addBindValue(call->startedAt);
            insert.addBindValue(now);
            if (!insert.exec())
                return Core::Error { 1, {}, insert.lastError().text() };
        }
        QSqlQuery insert(m_database.connection());
        insert.prepare(QStringLiteral("INSERT INTO hub_recording_chunks (call_id, chunk_index,"
                                      " sha256, size_bytes, received_at) VALUES (?, ?, ?, ?, ?)"));
        insert.addBindValue(callId);
        insert.addBindValue(*index);
        insert.addBindValue(sha256);
        insert.addBindValue(qint64(request.body.size()));
        insert.addBindValue(now);
        if (!insert.exec())
            return Core::Error { 1, {}, insert.lastError().text() };
        return {};
    });
    if (!stored)
        return internalError(stored.error().detail);
    return jsonResponse(201, answer);
}

HttpResponse RecordingService::putManifest(
    const QString &callId, const QJsonObject &manifest, const AuthContext &context)
{
    HttpResponse error;
    const auto call = findCall(callId, &error);
    if (!call)
        return error;
    if (context.windowId.isEmpty() || call->callerWindow != context.windowId
        || call->answeredBy.isEmpty())
        return unknownRecording(callId);
    if (manifest.value(u"callId").toString() != callId || !manifest.value(u"chunks").isArray()
        || !manifest.contains(u"endedAt")) {
        return errorResponse(422, QStringLiteral("validation_failed"),
            QStringLiteral("录像清单不完整"),
            QStringLiteral("the manifest needs this callId, chunks and endedAt"));
    }
    QSqlQuery chunks(m_database.connection());
    chunks.prepare(
        QStringLiteral("SELECT chunk_index, sha256 FROM hub_recording_chunks WHERE call_id = ?"));
    chunks.addBindValue(callId);
    if (!chunks.exec())
        return internalError(chunks.lastError().text());
    QHash<int, QString> received;
    while (chunks.next())
        received.insert(chunks.value(0).toInt(), chunks.value(1).toString());
    const QJsonArray listed = manifest.value(u"chunks").toArray();
    if (listed.size() > MaxChunks) {
        return errorResponse(422, QStringLiteral("validation_failed"),
            QStringLiteral("录像清单不完整"), QStringLiteral("too many chunks"));
    }
    QStringList missing;
    for (const QJsonValue &value : listed) {
        const QJsonObject chunk = value.toObject();
        const int index = chunk.value(u"index").toInt(-1);
        if (received.value(index) != chunk.value(u"sha256").toString().toLower())
            missing.append(QString::number(index));
    }
    if (!missing.isEmpty() || listed.size() != received.size() || received.isEmpty()) {
        return errorResponse(409, QStringLiteral("recording_incomplete"),
            QStringLiteral("录像尚未完整上传，请稍后重试"),
            QStringLiteral("chunks missing or different: %1; received %2, listed %3")
                .arg(missing.mid(0, 20).join(u','))
                .arg(received.size())
                .arg(listed.size()));
    }
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE hub_recordings SET state = 'complete', manifest = ?,"
                                  " client_case_id = ?,"
                                  " completed_at = COALESCE(completed_at, ?) WHERE call_id = ?"));
    update.addBindValue(QString::fromUtf8(QJsonDocument(manifest).toJson(QJsonDocument::Compact)));
    const QString clientCaseId = manifest.value(u"caseId").toString().left(200);
    update.addBindValue(clientCaseId.isEmpty() ? QVariant() : QVariant(clientCaseId));
    update.addBindValue(m_clock.now().toMSecsSinceEpoch());
    update.addBindValue(callId);
    if (!update.exec())
        return internalError(update.lastError().text());
    qCInfo(lcHub).noquote() << "recording of call" << callId << "complete:" << received.size()
                            << "chunks";
    return jsonResponse(200, describe(*call));
}

QJsonObject RecordingService::describe(const CallRow &call) const
{
    QSqlQuery recording(m_database.connection());
    // The platform's case: the call's, or the one the calling window sent under the
    // workstation's case id.
    recording.prepare(QStringLiteral(
        "SELECT r.state, r.manifest, r.completed_at, COALESCE(r.case_id, c.id)"
        " FROM hub_recordings r LEFT JOIN hub_cases c ON c.window_id = r.caller_window"
        " AND c.client_case_id = r.client_case_id WHERE r.call_id = ?"));
    recording.addBindValue(call.id);
    QJsonObject body { { QStringLiteral("callId"), call.id },
        { QStringLiteral("caseId"), call.caseId.isEmpty() ? QJsonValue() : call.caseId },
        { QStringLiteral("itemCode"), call.itemCode },
        { QStringLiteral("jurisdiction"), call.jurisdiction },
        { QStringLiteral("callerWindow"), call.callerWindow },
        { QStringLiteral("homeWindow"), call.answeredBy },
        { QStringLiteral("callStartedAt"),
            rfc3339(QDateTime::fromMSecsSinceEpoch(call.startedAt, QTimeZone::utc())) } };
    if (recording.exec() && recording.next()) {
        body.insert(QStringLiteral("state"), recording.value(0).toString());
        if (!recording.value(3).isNull())
            body.insert(QStringLiteral("caseId"), recording.value(3).toString());
        const QJsonObject manifest
            = QJsonDocument::fromJson(recording.value(1).toString().toUtf8()).object();
        if (!manifest.isEmpty()) {
            for (const char *key :
                { "callerClerk", "homeClerk", "startedAt", "endedAt", "endReason" })
                body.insert(QLatin1String(key), manifest.value(QLatin1String(key)));
        }
    }
    QSqlQuery chunks(m_database.connection());
    chunks.prepare(QStringLiteral("SELECT chunk_index, sha256, size_bytes"
                                  " FROM hub_recording_chunks WHERE call_id = ?"
                                  " ORDER BY chunk_index"));
    chunks.addBindValue(call.id);
    QJsonArray list;
    if (chunks.exec()) {
        while (chunks.next()) {
            list.append(QJsonObject { { QStringLiteral("index"), chunks.value(0).toInt() },
                { QStringLiteral("sha256"), chunks.value(1).toString() },
                { QStringLiteral("sizeBytes"), double(chunks.value(2).toLongLong()) } });
        }
    }
    body.insert(QStringLiteral("chunks"), list);
    return body;
}

HttpResponse RecordingService::get(const QString &callId, const AuthContext &context)
{
    HttpResponse error;
    const auto call = findCall(callId, &error);
    if (!call)
        return error;
    if (!mayRead(*call, context))
        return notAllowed(callId);
    QSqlQuery exists(m_database.connection());
    exists.prepare(QStringLiteral("SELECT 1 FROM hub_recordings WHERE call_id = ?"));
    exists.addBindValue(callId);
    if (!exists.exec())
        return internalError(exists.lastError().text());
    if (!exists.next())
        return unknownRecording(callId);
    return jsonResponse(200, describe(*call));
}

HttpResponse RecordingService::chunk(
    const QString &callId, const QString &indexText, const AuthContext &context)
{
    HttpResponse error;
    const auto call = findCall(callId, &error);
    if (!call)
        return error;
    if (!mayRead(*call, context))
        return notAllowed(callId);
    const auto index = chunkIndex(indexText);
    if (!index)
        return unknownRecording(callId);
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT sha256 FROM hub_recording_chunks WHERE call_id = ? AND chunk_index = ?"));
    query.addBindValue(callId);
    query.addBindValue(*index);
    if (!query.exec())
        return internalError(query.lastError().text());
    if (!query.next())
        return unknownRecording(callId);
    QFile file(QDir(directory(callId)).filePath(QString::number(*index) + QStringLiteral(".mkv")));
    if (!file.open(QIODevice::ReadOnly))
        return internalError(QStringLiteral("recording chunk file missing: ") + callId);
    HttpResponse response;
    response.status = 200;
    response.body = file.readAll();
    response.addHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("video/x-matroska"));
    response.addHeader(QByteArrayLiteral("Repr-Digest"),
        QByteArrayLiteral("sha-256=:")
            + QByteArray::fromHex(query.value(0).toString().toLatin1()).toBase64()
            + QByteArrayLiteral(":"));
    return response;
}

HttpResponse RecordingService::list(const QUrlQuery &query, const AuthContext &context)
{
    const QString caseId = query.queryItemValue(QStringLiteral("caseId"));
    const QString callId = query.queryItemValue(QStringLiteral("callId"));
    if (caseId.isEmpty() == callId.isEmpty()) {
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("请求格式错误"),
            QStringLiteral("give caseId or callId"));
    }
    if (context.role != QLatin1String("admin") && context.role != QLatin1String("department"))
        return notAllowed(caseId + callId);
    QSqlQuery rows(m_database.connection());
    rows.prepare(caseId.isEmpty()
            ? QStringLiteral("SELECT r.call_id FROM hub_recordings r WHERE r.call_id = ?"
                             " AND (? OR r.jurisdiction_code = ?)")
            : QStringLiteral("SELECT r.call_id FROM hub_recordings r"
                             " LEFT JOIN hub_cases c ON c.window_id = r.caller_window"
                             " AND c.client_case_id = r.client_case_id"
                             " WHERE (r.case_id = ? OR c.id = ?)"
                             " AND (? OR r.jurisdiction_code = ?)"
                             " ORDER BY r.call_started_at LIMIT 200"));
    rows.addBindValue(caseId.isEmpty() ? callId : caseId);
    if (!caseId.isEmpty())
        rows.addBindValue(caseId);
    rows.addBindValue(context.role == QLatin1String("admin"));
    rows.addBindValue(context.jurisdictionCode);
    if (!rows.exec())
        return internalError(rows.lastError().text());
    QJsonArray recordings;
    while (rows.next()) {
        HttpResponse error;
        if (const auto call = findCall(rows.value(0).toString(), &error))
            recordings.append(describe(*call));
    }
    return jsonResponse(200, QJsonObject { { QStringLiteral("recordings"), recordings } });
}

HttpResponse RecordingService::putPage(const HttpRequest &request, const QString &callId,
    const QString &sha256, const AuthContext &context)
{
    HttpResponse error;
    const auto call = findCall(callId, &error);
    if (!call)
        return error;
    if (!isParty(*call, context))
        return unknownRecording(callId);
    if (!isSha256Hex(sha256) || sha256 != sha256.toLower()) {
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("请求格式错误"),
            QStringLiteral("the page is named by its SHA-256 (64 lowercase hex)"));
    }
    if (request.body.isEmpty() || request.body.size() > Limits::MaxUploadBytes) {
        return errorResponse(413, QStringLiteral("body_too_large"), QStringLiteral("文件过大"),
            QStringLiteral("a page is 1 to %1 bytes").arg(Limits::MaxUploadBytes));
    }
    if (Core::sha256Hex(request.body) != sha256) {
        return errorResponse(460, QStringLiteral("checksum_mismatch"),
            QStringLiteral("文件校验失败，请重新上传"),
            QStringLiteral("the page's SHA-256 is not its name"));
    }
    QSqlQuery existing(m_database.connection());
    existing.prepare(
        QStringLiteral("SELECT 1 FROM hub_call_pages WHERE call_id = ? AND sha256 = ?"));
    existing.addBindValue(callId);
    existing.addBindValue(sha256);
    if (!existing.exec())
        return internalError(existing.lastError().text());
    const QJsonObject answer { { QStringLiteral("callId"), callId },
        { QStringLiteral("sha256"), sha256 } };
    if (existing.next())
        return jsonResponse(200, answer); // the same content: nothing to do
    const QString dir = directory(callId);
    if (const Core::Status made = Storage::FileSystem::system().ensureDirectory(dir); !made)
        return internalError(made.error().detail);
    const QString path = QDir(dir).filePath(sha256 + QStringLiteral(".page"));
    QFile::remove(path);
    if (const Core::Status written = Storage::FileSystem::system().writeNewFile(path, request.body);
        !written)
        return internalError(written.error().detail);
    if (const Core::Status synced = Storage::FileSystem::system().syncDirectory(dir); !synced)
        return internalError(synced.error().detail);
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO hub_call_pages (call_id, sha256, size_bytes,"
                                  " by_window, call_started_at, created_at)"
                                  " VALUES (?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(callId);
    insert.addBindValue(sha256);
    insert.addBindValue(qint64(request.body.size()));
    insert.addBindValue(context.windowId);
    insert.addBindValue(call->startedAt);
    insert.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if (!insert.exec())
        return internalError(insert.lastError().text());
    return jsonResponse(201, answer);
}

HttpResponse RecordingService::page(
    const QString &callId, const QString &sha256, const AuthContext &context)
{
    HttpResponse error;
    const auto call = findCall(callId, &error);
    if (!call)
        return error;
    if (!isParty(*call, context) && !mayRead(*call, context))
        return notAllowed(callId);
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT 1 FROM hub_call_pages WHERE call_id = ? AND sha256 = ?"));
    query.addBindValue(callId);
    query.addBindValue(sha256);
    if (!query.exec())
        return internalError(query.lastError().text());
    if (!query.next())
        return unknownRecording(callId);
    QFile file(QDir(directory(callId)).filePath(sha256 + QStringLiteral(".page")));
    if (!file.open(QIODevice::ReadOnly))
        return internalError(QStringLiteral("shared page file missing: ") + callId);
    HttpResponse response;
    response.status = 200;
    response.body = file.readAll();
    response.addHeader(
        QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/octet-stream"));
    return response;
}

HttpResponse RecordingService::putMarkup(const QString &callId, const QString &sha256,
    const QJsonObject &markup, const AuthContext &context)
{
    HttpResponse error;
    const auto call = findCall(callId, &error);
    if (!call)
        return error;
    if (!isParty(*call, context))
        return unknownRecording(callId);
    if (markup.value(u"pageSha256").toString() != sha256 || !markup.value(u"strokes").isArray()) {
        return errorResponse(422, QStringLiteral("validation_failed"),
            QStringLiteral("标注信息不完整"),
            QStringLiteral("the markup needs this pageSha256 and strokes"));
    }
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE hub_call_pages SET markup = ?, markup_by = ?,"
                                  " markup_at = ? WHERE call_id = ? AND sha256 = ?"));
    update.addBindValue(QString::fromUtf8(QJsonDocument(markup).toJson(QJsonDocument::Compact)));
    update.addBindValue(context.windowId);
    update.addBindValue(m_clock.now().toMSecsSinceEpoch());
    update.addBindValue(callId);
    update.addBindValue(sha256);
    if (!update.exec())
        return internalError(update.lastError().text());
    if (update.numRowsAffected() != 1) {
        return errorResponse(
            404, QStringLiteral("not_found"), QStringLiteral("该页面未在通话中共享"), sha256);
    }
    return emptyResponse(204);
}

HttpResponse RecordingService::markups(const QString &callId, const AuthContext &context)
{
    HttpResponse error;
    const auto call = findCall(callId, &error);
    if (!call)
        return error;
    if (!isParty(*call, context) && !mayRead(*call, context))
        return notAllowed(callId);
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT sha256, size_bytes, by_window, markup, markup_by"
                                 " FROM hub_call_pages WHERE call_id = ? ORDER BY created_at"
                                 " LIMIT 500"));
    query.addBindValue(callId);
    if (!query.exec())
        return internalError(query.lastError().text());
    QJsonArray pages;
    while (query.next()) {
        QJsonObject page { { QStringLiteral("sha256"), query.value(0).toString() },
            { QStringLiteral("sizeBytes"), double(query.value(1).toLongLong()) },
            { QStringLiteral("sharedBy"), query.value(2).toString() } };
        if (!query.value(3).isNull()) {
            page.insert(QStringLiteral("markup"),
                QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object());
            page.insert(QStringLiteral("markedBy"), query.value(4).toString());
        }
        pages.append(page);
    }
    return jsonResponse(200,
        QJsonObject { { QStringLiteral("callId"), callId }, { QStringLiteral("pages"), pages } });
}

int RecordingService::sweep()
{
    const qint64 cutoff = m_clock.now().addDays(-RetentionDays).toMSecsSinceEpoch();
    QSqlQuery old(m_database.connection());
    old.prepare(QStringLiteral("SELECT call_id FROM hub_recordings WHERE call_started_at < ?"
                               " UNION SELECT call_id FROM hub_call_pages"
                               " WHERE call_started_at < ? LIMIT 1000"));
    old.addBindValue(cutoff);
    old.addBindValue(cutoff);
    if (!old.exec()) {
        qCWarning(lcHub) << "recording sweep failed:" << old.lastError().text();
        return 0;
    }
    QStringList expired;
    while (old.next())
        expired.append(old.value(0).toString());
    int deleted = 0;
    for (const QString &callId : std::as_const(expired)) {
        const Core::Status removed = m_database.transaction([&]() -> Core::Status {
            for (const char *table :
                { "hub_recording_chunks", "hub_recordings", "hub_call_pages" }) {
                QSqlQuery remove(m_database.connection());
                remove.prepare(
                    QStringLiteral("DELETE FROM %1 WHERE call_id = ?").arg(QLatin1String(table)));
                remove.addBindValue(callId);
                if (!remove.exec())
                    return Core::Error { 1, {}, remove.lastError().text() };
            }
            return {};
        });
        if (!removed) {
            qCWarning(lcHub) << "recording not deleted:" << removed.error().detail;
            continue;
        }
        QDir(directory(callId)).removeRecursively();
        ++deleted;
    }
    if (deleted > 0)
        qCInfo(lcHub) << deleted << "recordings older than" << RetentionDays << "days deleted";
    return deleted;
}

} // namespace Tongban::Hub
