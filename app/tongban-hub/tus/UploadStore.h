#pragma once

#include <core/Result.h>

#include <QByteArrayView>
#include <QFile>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/// A tus upload of a page file (contract §6) as stored.
struct UploadRecord
{
    QString id;
    QString clientPageId;
    QString caseId;
    qint64 length = 0;
    qint64 offset = 0; ///< committed: in the database, the bytes fsynced
    QString sha256;
    QString mediaType;
    qint64 expiresAt = 0; ///< ms since the epoch
    QString state; ///< active, complete, failed or expired
    QString failure;
    QString windowId; ///< the window of the upload's case: the only one that may touch it
    bool caseSubmitted = false; ///< its case has an official number: its pages are final
};

/// A page as its case declared it, with what decides who may upload it.
struct DeclaredPage
{
    QString sha256; ///< lower-case hex
    qint64 sizeBytes = 0;
    QString windowId;
    bool caseSubmitted = false; ///< and not a page a request for correction waits for
};

/// The partial file of an upload, open at its committed offset.
class PartialFile
{
public:
    explicit PartialFile(std::unique_ptr<QFile> file);
    bool write(QByteArrayView data);
    /// Flushed and fsynced.
    bool sync();
    /// Cut back to \a size (what a failed or aborted body leaves).
    bool truncate(qint64 size);
    /// "file: error", for a failure's detail.
    QString failure() const;

private:
    std::unique_ptr<QFile> m_file;
};

/*!
 * The SQL and files of tus uploads: hub_uploads (with the case and correction tables it
 * reads to know an upload's window and whether its pages are final) and the partial files
 * under files/uploads, one per upload id.
 *
 * Threading: the thread that owns the Database.
 */
class UploadStore
{
public:
    UploadStore(Storage::Database &database, const QString &filesDir);

    Core::Result<std::optional<UploadRecord>> find(const QString &uploadId) const;
    Core::Result<std::optional<DeclaredPage>> declaredPage(
        const QString &caseId, const QString &clientPageId) const;
    /// The ids of the uploads of a page, oldest id first.
    Core::Result<QStringList> uploadsOfPage(
        const QString &caseId, const QString &clientPageId) const;
    /// Declared bytes of \a windowId's active uploads not expired at \a nowMs.
    Core::Result<qint64> openBytes(const QString &windowId, qint64 nowMs) const;
    /// Active uploads whose expiry is at or before \a nowMs.
    Core::Result<QStringList> expiredBy(qint64 nowMs) const;
    Core::Status markExpired(const QString &uploadId);
    /// A new upload's empty file (its directory synced), then its row.
    Core::Status createFile(const QString &uploadId);
    Core::Status insert(const UploadRecord &upload, qint64 createdAtMs);
    Core::Status update(
        const QString &uploadId, qint64 offset, const QString &state, const QString &failure);
    Core::Status remove(const QString &uploadId);
    /// The id of the completed upload of a page, if any.
    Core::Result<std::optional<QString>> completed(
        const QString &caseId, const QString &clientPageId) const;

    QString filePath(const QString &uploadId) const;
    /// Removes the partial file; false when it existed and stays.
    bool removeFile(const QString &uploadId);
    /// The file open at \a offset, anything after it (a write never committed) cut.
    Core::Result<std::unique_ptr<PartialFile>> openAt(const QString &uploadId, qint64 offset);
    /// The SHA-256 of the whole file, lower-case hex.
    Core::Result<QString> fileSha256(const QString &uploadId) const;

private:
    Storage::Database &m_database;
    QString m_dir;
};

} // namespace Tongban::Hub
