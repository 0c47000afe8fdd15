#pragma once

#include "Database.h"
#include "FileSystem.h"

#include <core/Clock.h>
#include <core/Result.h>

#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>

namespace Tongban::Storage {

/// One captured page as the database knows it.
struct PageRecord
{
    QString id;
    QString caseId;
    int ordinal = 0;
    QString sha256; ///< lowercase hex of the file's SHA-256; also its file name
    qint64 sizeBytes = 0;
    QString mediaType;
    QDateTime createdAt;
};

/// What a sweep of unreferenced files did.
struct SweepReport
{
    int removedFiles = 0;
    int removedTemporaries = 0;
    int keptYoungOrphans = 0; ///< unreferenced, but within the grace period
    qint64 freedBytes = 0;
};

/*!
 * Page files addressed by their SHA-256, with a row per page in the database.
 *
 * Layout: <directory>/<first two hex digits>/<64 hex digits>; temporaries in
 * <directory>/.tmp/, never visible under a content name.
 *
 * save() returns only after the file (written to a temporary, fsynced,
 * renamed, directory fsynced) and then its row (committed with
 * synchronous=FULL) are both durable: a page reported saved survives a crash
 * or a power cut. A crash between the two leaves an unreferenced file, which
 * sweep() removes once it is older than the grace period. Identical content
 * is stored once.
 *
 * read() verifies the hash and reports a damaged file instead of returning
 * wrong bytes.
 *
 * Same thread as the Database it uses. Neither the Database, the Clock nor
 * the FileSystem is owned.
 */
class PageStore
{
public:
    PageStore(Database &db, QString directory, const Core::Clock &clock,
        FileSystem &fileSystem = FileSystem::system());

    QString directory() const { return m_directory; }

    /// Stores \a bytes as the next page of \a caseId.
    Core::Result<PageRecord> save(
        const QString &caseId, const QByteArray &bytes, const QString &mediaType);

    Core::Result<QByteArray> read(const QString &pageId) const;
    Core::Result<QByteArray> readContent(const QString &sha256) const;
    Core::Result<PageRecord> page(const QString &pageId) const;
    QList<PageRecord> pagesOfCase(const QString &caseId) const;

    /// Removes the row; the file goes with the next sweep once no row references it.
    Core::Status remove(const QString &pageId);

    /*!
     * Makes the page folder and everything in it this account's only (folders
     * 0700, files 0600), fixing what an older build or a copied backup left
     * wider. New folders and files are created that way anyway; call this
     * once when the workstation opens. Time proportional to the number of files.
     */
    Core::Status keepPrivate();

    /// Deletes files no row references and leftover temporaries, if older than \a grace.
    Core::Result<SweepReport> sweep(std::chrono::seconds grace);

    QString filePath(const QString &sha256) const;

    static QString sha256Hex(const QByteArray &bytes);

private:
    Core::Status writeContent(const QString &sha256, const QByteArray &bytes, bool *created);

    Database &m_db;
    QString m_directory;
    const Core::Clock &m_clock;
    FileSystem &m_fs;
};

} // namespace Tongban::Storage
