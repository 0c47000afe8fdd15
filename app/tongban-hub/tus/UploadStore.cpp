#include "UploadStore.h"

#include "HubErrors.h"

#include <core/Hash.h>
#include <storage/Database.h>
#include <storage/FileSystem.h>

#include <QSqlQuery>

#include <unistd.h>

namespace Tongban::Hub {

namespace {

/// A file of an upload could not be read or written.
constexpr int FileFailed = HubError::Uploads + 40;

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

/// The window that added \a clientPageId for a correction at another hall (§14.4), if any;
/// like isOpenCorrectionPage, nothing on a database without the corrections' tables.
QString correctionPageWindow(Storage::Database &database, const QString &clientPageId)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral(
        "SELECT window_id FROM hub_correction_page_windows WHERE client_page_id = ?"));
    query.addBindValue(clientPageId);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

} // namespace

PartialFile::PartialFile(std::unique_ptr<QFile> file)
    : m_file(std::move(file))
{ }

bool PartialFile::write(QByteArrayView data)
{
    return m_file->write(data.data(), data.size()) == data.size();
}

bool PartialFile::sync()
{
    return m_file->flush() && ::fsync(m_file->handle()) == 0;
}

bool PartialFile::truncate(qint64 size)
{
    return m_file->resize(size);
}

QString PartialFile::failure() const
{
    return QStringLiteral("%1: %2").arg(m_file->fileName(), m_file->errorString());
}

UploadStore::UploadStore(Storage::Database &database, const QString &filesDir)
    : m_database(database)
    , m_dir(filesDir)
{ }

QString UploadStore::filePath(const QString &uploadId) const
{
    return QString(m_dir + QLatin1Char('/') + uploadId);
}

Core::Result<std::optional<UploadRecord>> UploadStore::find(const QString &uploadId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT u.id, u.client_page_id, u.case_id, u.length, u.upload_offset,"
                       " u.sha256, u.expires_at, u.state, u.failure, c.window_id, c.case_number,"
                       " u.media_type FROM hub_uploads u JOIN hub_cases c ON c.id = u.case_id"
                       " WHERE u.id = ?"));
    query.addBindValue(uploadId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("read upload"));
    if (!query.next())
        return std::optional<UploadRecord>();
    UploadRecord upload;
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
    if (const QString adder = correctionPageWindow(m_database, upload.clientPageId);
        !adder.isEmpty())
        upload.windowId = adder; // added for a correction at another hall (§14.4)
    upload.caseSubmitted = !query.value(10).isNull() && !query.value(10).toString().isEmpty()
        && !isOpenCorrectionPage(m_database, upload.caseId, upload.clientPageId);
    upload.mediaType = query.value(11).toString();
    return std::optional<UploadRecord>(upload);
}

Core::Result<std::optional<DeclaredPage>> UploadStore::declaredPage(
    const QString &caseId, const QString &clientPageId) const
{
    QSqlQuery page(m_database.connection());
    page.prepare(QStringLiteral("SELECT p.sha256, p.size_bytes, c.window_id, c.case_number"
                                " FROM hub_pages p"
                                " JOIN hub_cases c ON c.id = p.case_id"
                                " WHERE p.client_page_id = ? AND p.case_id = ?"));
    page.addBindValue(clientPageId);
    page.addBindValue(caseId);
    if (!page.exec())
        return Storage::Database::queryError(page, QStringLiteral("read declared page"));
    if (!page.next())
        return std::optional<DeclaredPage>();
    DeclaredPage declared { page.value(0).toString().toLower(), page.value(1).toLongLong(),
        page.value(2).toString(), false };
    // A page added for a correction at another hall is that window's to upload (§14.4).
    if (const QString adder = correctionPageWindow(m_database, clientPageId); !adder.isEmpty())
        declared.windowId = adder;
    declared.caseSubmitted = !page.value(3).isNull() && !page.value(3).toString().isEmpty()
        && !isOpenCorrectionPage(m_database, caseId, clientPageId);
    return std::optional<DeclaredPage>(declared);
}

Core::Result<QStringList> UploadStore::uploadsOfPage(
    const QString &caseId, const QString &clientPageId) const
{
    QSqlQuery existing(m_database.connection());
    existing.prepare(QStringLiteral(
        "SELECT id FROM hub_uploads WHERE client_page_id = ? AND case_id = ? ORDER BY id"));
    existing.addBindValue(clientPageId);
    existing.addBindValue(caseId);
    if (!existing.exec())
        return Storage::Database::queryError(existing, QStringLiteral("list uploads of page"));
    QStringList ids;
    while (existing.next())
        ids << existing.value(0).toString();
    return ids;
}

Core::Result<qint64> UploadStore::openBytes(const QString &windowId, qint64 nowMs) const
{
    QSqlQuery open(m_database.connection());
    open.prepare(QStringLiteral("SELECT COALESCE(SUM(u.length), 0) FROM hub_uploads u"
                                " JOIN hub_cases c ON c.id = u.case_id"
                                " WHERE c.window_id = ? AND u.state = 'active'"
                                " AND u.expires_at > ?"));
    open.addBindValue(windowId);
    open.addBindValue(nowMs);
    if (!open.exec() || !open.next())
        return Storage::Database::queryError(open, QStringLiteral("sum open uploads"));
    return open.value(0).toLongLong();
}

Core::Result<QStringList> UploadStore::expiredBy(qint64 nowMs) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT id FROM hub_uploads WHERE state = 'active' AND expires_at <= ? ORDER BY id"));
    query.addBindValue(nowMs);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("list expired uploads"));
    QStringList ids;
    while (query.next())
        ids << query.value(0).toString();
    return ids;
}

Core::Status UploadStore::markExpired(const QString &uploadId)
{
    QSqlQuery mark(m_database.connection());
    mark.prepare(QStringLiteral(
        "UPDATE hub_uploads SET state = 'expired' WHERE id = ? AND state = 'active'"));
    mark.addBindValue(uploadId);
    if (!mark.exec())
        return Storage::Database::queryError(mark, QStringLiteral("expire upload"));
    return {};
}

Core::Status UploadStore::createFile(const QString &uploadId)
{
    const Core::Status written = Storage::FileSystem::system().writeNewFile(filePath(uploadId), {});
    if (!written)
        return written;
    return Storage::FileSystem::system().syncDirectory(m_dir);
}

Core::Status UploadStore::insert(const UploadRecord &upload, qint64 createdAtMs)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(
        QStringLiteral("INSERT INTO hub_uploads (id, client_page_id, case_id, length,"
                       " upload_offset, sha256, media_type, created_at, expires_at, state)"
                       " VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, 'active')"));
    insert.addBindValue(upload.id);
    insert.addBindValue(upload.clientPageId);
    insert.addBindValue(upload.caseId);
    insert.addBindValue(upload.length);
    insert.addBindValue(upload.sha256);
    insert.addBindValue(upload.mediaType);
    insert.addBindValue(createdAtMs);
    insert.addBindValue(upload.expiresAt);
    if (!insert.exec())
        return Storage::Database::queryError(insert, QStringLiteral("insert upload"));
    return {};
}

Core::Status UploadStore::update(
    const QString &uploadId, qint64 offset, const QString &state, const QString &failure)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral(
        "UPDATE hub_uploads SET upload_offset = ?, state = ?, failure = ? WHERE id = ?"));
    update.addBindValue(offset);
    update.addBindValue(state);
    update.addBindValue(failure);
    update.addBindValue(uploadId);
    if (!update.exec())
        return Storage::Database::queryError(update, QStringLiteral("update upload"));
    return {};
}

Core::Status UploadStore::remove(const QString &uploadId)
{
    QSqlQuery remove(m_database.connection());
    remove.prepare(QStringLiteral("DELETE FROM hub_uploads WHERE id = ?"));
    remove.addBindValue(uploadId);
    if (!remove.exec())
        return Storage::Database::queryError(remove, QStringLiteral("delete upload"));
    return {};
}

Core::Result<std::optional<QString>> UploadStore::completed(
    const QString &caseId, const QString &clientPageId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id FROM hub_uploads WHERE case_id = ? AND"
                                 " client_page_id = ? AND state = 'complete'"));
    query.addBindValue(caseId);
    query.addBindValue(clientPageId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("find completed upload"));
    if (!query.next())
        return std::optional<QString>();
    return std::optional<QString>(query.value(0).toString());
}

bool UploadStore::removeFile(const QString &uploadId)
{
    return !QFile::exists(filePath(uploadId)) || QFile::remove(filePath(uploadId));
}

Core::Result<std::unique_ptr<PartialFile>> UploadStore::openAt(
    const QString &uploadId, qint64 offset)
{
    auto file = std::make_unique<QFile>(filePath(uploadId));
    const auto failed = [&]() {
        return Core::Error { FileFailed, QString(),
            QStringLiteral("%1: %2").arg(file->fileName(), file->errorString()) };
    };
    if (!file->open(QIODevice::ReadWrite))
        return failed();
    // Bytes after the committed offset are leftovers of a write whose offset
    // was never recorded (killed between fsync and commit): drop them.
    if (!file->resize(offset) || !file->seek(offset))
        return failed();
    return std::make_unique<PartialFile>(std::move(file));
}

Core::Result<QString> UploadStore::fileSha256(const QString &uploadId) const
{
    QFile file(filePath(uploadId));
    Core::Sha256 hash;
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)) {
        return Core::Error { FileFailed, QString(),
            QStringLiteral("cannot read %1").arg(filePath(uploadId)) };
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace Tongban::Hub
