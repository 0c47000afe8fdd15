#pragma once

#include <core/Result.h>

#include <QByteArray>
#include <QString>

namespace Tongban::Storage {

/*!
 * The few file operations durable storage needs, with the guarantees spelt
 * out. The default implementation is POSIX; tests subclass it to inject
 * failures (a full disk, a refused permission) at a chosen point.
 *
 * Thread-safe: holds no state.
 */
class FileSystem
{
public:
    virtual ~FileSystem() = default;

    /// The process-wide POSIX implementation.
    static FileSystem &system();

    /// Creates \a path exclusively, readable by this account only (0600 whatever the
    /// umask), writes \a data completely and fsyncs it. On failure the partial file is removed.
    virtual Core::Status writeNewFile(const QString &path, const QByteArray &data);

    /// Atomically renames \a from to \a to (same file system), replacing \a to.
    virtual Core::Status rename(const QString &from, const QString &to);

    /// fsyncs the directory \a path so that names created or renamed in it are durable.
    virtual Core::Status syncDirectory(const QString &path);

    /// Creates \a path (and parents) if missing, syncing each parent that gained an entry.
    /// Folders it creates are this account's only (0700 whatever the umask).
    Core::Status ensureDirectory(const QString &path);

    /*!
     * Takes away every permission of group and others from \a path and, for
     * a folder, everything below it (folders 0700, files 0600); entries that
     * are already private are not touched, symbolic links are not followed.
     * A missing \a path is fine. For data at rest: the database and the page
     * store are the clerk's account's only. Depth::Entry: \a path alone.
     */
    enum class Depth { Unknown, Entry, Tree };
    Core::Status makePrivate(const QString &path, Depth depth = Depth::Tree);

protected:
    /// Maps errno to an Error in the clerk's language (DiskFull for ENOSPC/EDQUOT).
    static Core::Error errnoError(int error, const QString &what, const QString &path);
};

} // namespace Tongban::Storage
