#include "FileSystem.h"

#include "Database.h"
#include "Tr.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Tongban::Storage {

using Core::Error;
using Core::Status;

namespace {
QByteArray native(const QString &path)
{
    return QFile::encodeName(path);
}
} // namespace

FileSystem &FileSystem::system()
{
    static FileSystem instance;
    return instance;
}

Error FileSystem::errnoError(int error, const QString &what, const QString &path)
{
    const QString detail = what + QStringLiteral(" ") + path + QStringLiteral(": ")
        + QString::fromLocal8Bit(std::strerror(error));
    if (error == ENOSPC || error == EDQUOT) {
        return Error { DiskFull,
            Tr::tr("The disk is full, so nothing more can be saved. Everything saved "
                   "before is intact. Free disk space (or call IT support), then try "
                   "again."),
            detail };
    }
    if (error == EACCES || error == EPERM || error == EROFS) {
        return Error { WriteFailed,
            Tr::tr("The workstation is not allowed to write its data folder. Everything "
                   "saved before is intact. Call IT support to check the folder's "
                   "permissions."),
            detail };
    }
    return Error { WriteFailed,
        Tr::tr("Saving to disk failed. Everything saved before is intact. Try again; "
               "if it fails again, call IT support."),
        detail };
}

Status FileSystem::writeNewFile(const QString &path, const QByteArray &data)
{
    const QByteArray name = native(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return errnoError(errno, QStringLiteral("create"), path);
    // The umask can only take bits away from 0600; a permissive one must not add any.
    if (::fchmod(fd, 0600) != 0) {
        const int error = errno;
        ::close(fd);
        ::unlink(name.constData());
        return errnoError(error, QStringLiteral("chmod"), path);
    }
    const char *cursor = data.constData();
    qint64 left = data.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, cursor, size_t(left));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            ::close(fd);
            ::unlink(name.constData());
            return errnoError(error, QStringLiteral("write"), path);
        }
        cursor += written;
        left -= written;
    }
    if (::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        ::unlink(name.constData());
        return errnoError(error, QStringLiteral("fsync"), path);
    }
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(name.constData());
        return errnoError(error, QStringLiteral("close"), path);
    }
    return {};
}

Status FileSystem::rename(const QString &from, const QString &to)
{
    if (::rename(native(from).constData(), native(to).constData()) != 0)
        return errnoError(errno, QStringLiteral("rename"), from + QStringLiteral(" -> ") + to);
    return {};
}

Status FileSystem::syncDirectory(const QString &path)
{
    const int fd = ::open(native(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errnoError(errno, QStringLiteral("open directory"), path);
    const int result = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (result != 0)
        return errnoError(error, QStringLiteral("fsync directory"), path);
    return {};
}

Status FileSystem::ensureDirectory(const QString &path)
{
    const QString clean = QDir::cleanPath(QDir(path).absolutePath());
    if (QFileInfo(clean).isDir())
        return {};
    const QString parent = QFileInfo(clean).absolutePath();
    if (parent != clean) {
        if (Status status = ensureDirectory(parent); !status)
            return status;
    }
    if (::mkdir(native(clean).constData(), 0700) != 0) {
        if (errno != EEXIST)
            return errnoError(errno, QStringLiteral("mkdir"), clean);
    } else if (::chmod(native(clean).constData(), 0700) != 0) {
        return errnoError(errno, QStringLiteral("chmod"), clean);
    }
    return syncDirectory(parent);
}

Status FileSystem::makePrivate(const QString &path, Depth depth)
{
    const QByteArray name = native(path);
    struct stat info
    {
    };
    if (::lstat(name.constData(), &info) != 0)
        return errno == ENOENT ? Status() : errnoError(errno, QStringLiteral("stat"), path);
    if (S_ISLNK(info.st_mode))
        return {};
    const bool folder = S_ISDIR(info.st_mode);
    if ((info.st_mode & 077) != 0
        && ::chmod(name.constData(), (info.st_mode & 0700) | (folder ? 0700 : 0600)) != 0)
        return errnoError(errno, QStringLiteral("chmod"), path);
    if (!folder || depth != Depth::Tree)
        return {};
    const QStringList entries = QDir(path).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        if (Status status = makePrivate(path + QLatin1Char('/') + entry); !status)
            return status;
    }
    return {};
}

} // namespace Tongban::Storage
