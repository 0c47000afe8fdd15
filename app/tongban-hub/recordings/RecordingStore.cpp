#include "RecordingStore.h"

#include <core/Hash.h>
#include <storage/Database.h>
#include <storage/FileSystem.h>

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Tongban::Hub {

namespace {

Core::Error failed(const QSqlQuery &query)
{
    return Core::Error { 0, QString(), query.lastError().text() };
}

} // namespace

RecordingStore::RecordingStore(Storage::Database &database, const QString &dir)
    : m_database(database)
    , m_dir(dir)
{ }

QString RecordingStore::directory(const QString &callId) const
{
    // The call id may be "." or ".." (§11 allows dots): never a path of its own.
    return QDir(m_dir).filePath(Core::sha256Hex(callId.toUtf8()));
}

Core::Result<std::optional<RecordedCall>> RecordingStore::call(const QString &callId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id, caller_window, answered_by, case_id, item_code,"
                                 " jurisdiction_code, started_at, ended_at FROM hub_calls"
                                 " WHERE id = ?"));
    query.addBindValue(callId);
    if (!query.exec())
        return failed(query);
    if (!query.next())
        return std::optional<RecordedCall>();
    RecordedCall row;
    row.id = query.value(0).toString();
    row.callerWindow = query.value(1).toString();
    row.answeredBy = query.value(2).toString();
    row.caseId = query.value(3).toString();
    row.itemCode = query.value(4).toString();
    row.jurisdiction = query.value(5).toString();
    row.startedAt = query.value(6).toLongLong();
    row.endedAt = query.value(7).toLongLong();
    return std::optional<RecordedCall>(row);
}

Core::Result<std::optional<QString>> RecordingStore::state(const QString &callId) const
{
    QSqlQuery recording(m_database.connection());
    recording.prepare(QStringLiteral("SELECT state FROM hub_recordings WHERE call_id = ?"));
    recording.addBindValue(callId);
    if (!recording.exec())
        return failed(recording);
    if (!recording.next())
        return std::optional<QString>();
    return std::optional<QString>(recording.value(0).toString());
}

std::optional<RecordingRow> RecordingStore::recording(const QString &callId) const
{
    QSqlQuery recording(m_database.connection());
    // The platform's case: the call's, or the one the calling window sent under the
    // workstation's case id.
    recording.prepare(QStringLiteral(
        "SELECT r.state, r.manifest, r.completed_at, COALESCE(r.case_id, c.id)"
        " FROM hub_recordings r LEFT JOIN hub_cases c ON c.window_id = r.caller_window"
        " AND c.client_case_id = r.client_case_id WHERE r.call_id = ?"));
    recording.addBindValue(callId);
    if (!recording.exec() || !recording.next())
        return std::nullopt;
    RecordingRow row { recording.value(0).toString(), recording.value(1).toString(), {} };
    if (!recording.value(3).isNull())
        row.caseId = recording.value(3).toString();
    return row;
}

Core::Result<std::optional<QString>> RecordingStore::chunkHash(
    const QString &callId, int index) const
{
    QSqlQuery existing(m_database.connection());
    existing.prepare(QStringLiteral(
        "SELECT sha256 FROM hub_recording_chunks WHERE call_id = ? AND chunk_index = ?"));
    existing.addBindValue(callId);
    existing.addBindValue(index);
    if (!existing.exec())
        return failed(existing);
    if (!existing.next())
        return std::optional<QString>();
    return std::optional<QString>(existing.value(0).toString());
}

Core::Result<QHash<int, QString>> RecordingStore::chunkHashes(const QString &callId) const
{
    QSqlQuery chunks(m_database.connection());
    chunks.prepare(
        QStringLiteral("SELECT chunk_index, sha256 FROM hub_recording_chunks WHERE call_id = ?"));
    chunks.addBindValue(callId);
    if (!chunks.exec())
        return failed(chunks);
    QHash<int, QString> received;
    while (chunks.next())
        received.insert(chunks.value(0).toInt(), chunks.value(1).toString());
    return received;
}

QList<RecordingChunk> RecordingStore::chunks(const QString &callId) const
{
    QSqlQuery chunks(m_database.connection());
    chunks.prepare(QStringLiteral("SELECT chunk_index, sha256, size_bytes"
                                  " FROM hub_recording_chunks WHERE call_id = ?"
                                  " ORDER BY chunk_index"));
    chunks.addBindValue(callId);
    QList<RecordingChunk> list;
    if (chunks.exec()) {
        while (chunks.next()) {
            list.append({ chunks.value(0).toInt(), chunks.value(1).toString(),
                chunks.value(2).toLongLong() });
        }
    }
    return list;
}

Core::Status RecordingStore::writeFile(
    const QString &callId, const QString &name, const QByteArray &bytes)
{
    const QString dir = directory(callId);
    if (const Core::Status made = Storage::FileSystem::system().ensureDirectory(dir); !made)
        return made;
    const QString path = QDir(dir).filePath(name);
    QFile::remove(path); // a file a crash left before its row was committed
    if (const Core::Status written = Storage::FileSystem::system().writeNewFile(path, bytes);
        !written)
        return written;
    return Storage::FileSystem::system().syncDirectory(dir);
}

Core::Status RecordingStore::addChunk(const RecordedCall &call, bool createRecording, int index,
    const QString &sha256, const QByteArray &bytes, qint64 nowMs)
{
    if (const Core::Status written
        = writeFile(call.id, QString::number(index) + QStringLiteral(".mkv"), bytes);
        !written)
        return written;
    return m_database.transaction([&]() -> Core::Status {
        if (createRecording) {
            QSqlQuery insert(m_database.connection());
            insert.prepare(QStringLiteral(
                "INSERT INTO hub_recordings (call_id, case_id, caller_window, jurisdiction_code,"
                " call_started_at, state, created_at) VALUES (?, ?, ?, ?, ?, 'receiving', ?)"));
            insert.addBindValue(call.id);
            insert.addBindValue(call.caseId.isEmpty() ? QVariant() : QVariant(call.caseId));
            insert.addBindValue(call.callerWindow);
            insert.addBindValue(call.jurisdiction);
            insert.addBindValue(call.startedAt);
            insert.addBindValue(nowMs);
            if (!insert.exec())
                return failed(insert);
        }
        QSqlQuery insert(m_database.connection());
        insert.prepare(QStringLiteral("INSERT INTO hub_recording_chunks (call_id, chunk_index,"
                                      " sha256, size_bytes, received_at) VALUES (?, ?, ?, ?, ?)"));
        insert.addBindValue(call.id);
        insert.addBindValue(index);
        insert.addBindValue(sha256);
        insert.addBindValue(qint64(bytes.size()));
        insert.addBindValue(nowMs);
        if (!insert.exec())
            return failed(insert);
        return {};
    });
}

Core::Result<QByteArray> RecordingStore::chunkFile(const QString &callId, int index) const
{
    QFile file(QDir(directory(callId)).filePath(QString::number(index) + QStringLiteral(".mkv")));
    if (!file.open(QIODevice::ReadOnly))
        return Core::Error { 0, QString(),
            QStringLiteral("recording chunk file missing: ") + callId };
    return file.readAll();
}

Core::Status RecordingStore::complete(
    const QString &callId, const QString &manifest, const QString &clientCaseId, qint64 nowMs)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE hub_recordings SET state = 'complete', manifest = ?,"
                                  " client_case_id = ?,"
                                  " completed_at = COALESCE(completed_at, ?) WHERE call_id = ?"));
    update.addBindValue(manifest);
    update.addBindValue(clientCaseId.isEmpty() ? QVariant() : QVariant(clientCaseId));
    update.addBindValue(nowMs);
    update.addBindValue(callId);
    if (!update.exec())
        return failed(update);
    return {};
}

Core::Result<QStringList> RecordingStore::recordingsOf(const QString &caseId, const QString &callId,
    bool anyJurisdiction, const QString &jurisdiction) const
{
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
    rows.addBindValue(anyJurisdiction);
    rows.addBindValue(jurisdiction);
    if (!rows.exec())
        return failed(rows);
    QStringList ids;
    while (rows.next())
        ids.append(rows.value(0).toString());
    return ids;
}

Core::Result<bool> RecordingStore::pageExists(const QString &callId, const QString &sha256) const
{
    QSqlQuery existing(m_database.connection());
    existing.prepare(
        QStringLiteral("SELECT 1 FROM hub_call_pages WHERE call_id = ? AND sha256 = ?"));
    existing.addBindValue(callId);
    existing.addBindValue(sha256);
    if (!existing.exec())
        return failed(existing);
    return existing.next();
}

Core::Status RecordingStore::addPage(const RecordedCall &call, const QString &sha256,
    const QByteArray &bytes, const QString &byWindow, qint64 nowMs)
{
    if (const Core::Status written = writeFile(call.id, sha256 + QStringLiteral(".page"), bytes);
        !written)
        return written;
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO hub_call_pages (call_id, sha256, size_bytes,"
                                  " by_window, call_started_at, created_at)"
                                  " VALUES (?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(call.id);
    insert.addBindValue(sha256);
    insert.addBindValue(qint64(bytes.size()));
    insert.addBindValue(byWindow);
    insert.addBindValue(call.startedAt);
    insert.addBindValue(nowMs);
    if (!insert.exec())
        return failed(insert);
    return {};
}

Core::Result<QByteArray> RecordingStore::pageFile(
    const QString &callId, const QString &sha256) const
{
    QFile file(QDir(directory(callId)).filePath(sha256 + QStringLiteral(".page")));
    if (!file.open(QIODevice::ReadOnly))
        return Core::Error { 0, QString(), QStringLiteral("shared page file missing: ") + callId };
    return file.readAll();
}

Core::Result<int> RecordingStore::setMarkup(const QString &callId, const QString &sha256,
    const QString &markup, const QString &byWindow, qint64 nowMs)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE hub_call_pages SET markup = ?, markup_by = ?,"
                                  " markup_at = ? WHERE call_id = ? AND sha256 = ?"));
    update.addBindValue(markup);
    update.addBindValue(byWindow);
    update.addBindValue(nowMs);
    update.addBindValue(callId);
    update.addBindValue(sha256);
    if (!update.exec())
        return failed(update);
    return update.numRowsAffected();
}

Core::Result<QList<SharedPage>> RecordingStore::pages(const QString &callId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT sha256, size_bytes, by_window, markup, markup_by"
                                 " FROM hub_call_pages WHERE call_id = ? ORDER BY created_at"
                                 " LIMIT 500"));
    query.addBindValue(callId);
    if (!query.exec())
        return failed(query);
    QList<SharedPage> pages;
    while (query.next()) {
        SharedPage page { query.value(0).toString(), query.value(1).toLongLong(),
            query.value(2).toString(), {}, {} };
        if (!query.value(3).isNull()) {
            page.markup = query.value(3).toString();
            page.markupBy = query.value(4).toString();
        }
        pages.append(page);
    }
    return pages;
}

Core::Result<QStringList> RecordingStore::expired(qint64 cutoffMs) const
{
    QSqlQuery old(m_database.connection());
    old.prepare(QStringLiteral("SELECT call_id FROM hub_recordings WHERE call_started_at < ?"
                               " UNION SELECT call_id FROM hub_call_pages"
                               " WHERE call_started_at < ? LIMIT 1000"));
    old.addBindValue(cutoffMs);
    old.addBindValue(cutoffMs);
    if (!old.exec())
        return failed(old);
    QStringList ids;
    while (old.next())
        ids.append(old.value(0).toString());
    return ids;
}

Core::Status RecordingStore::remove(const QString &callId)
{
    const Core::Status removed = m_database.transaction([&]() -> Core::Status {
        for (const char *table : { "hub_recording_chunks", "hub_recordings", "hub_call_pages" }) {
            QSqlQuery remove(m_database.connection());
            remove.prepare(
                QStringLiteral("DELETE FROM %1 WHERE call_id = ?").arg(QLatin1String(table)));
            remove.addBindValue(callId);
            if (!remove.exec())
                return failed(remove);
        }
        return {};
    });
    if (!removed)
        return removed;
    QDir(directory(callId)).removeRecursively();
    return {};
}

} // namespace Tongban::Hub
