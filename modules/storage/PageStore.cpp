#include "PageStore.h"

#include "Logging.h"
#include "Tr.h"

#include <core/Assert.h>
#include <core/Hash.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QUuid>

namespace Tongban::Storage {

using Core::Error;
using Core::Result;
using Core::Status;

namespace {
const QString kTemporaryFolder = QStringLiteral(".tmp");

bool isSha256Hex(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{64}$"));
    return pattern.match(text).hasMatch();
}

PageRecord recordFrom(const QSqlQuery &query)
{
    PageRecord record;
    record.id = query.value(0).toString();
    record.caseId = query.value(1).toString();
    record.ordinal = query.value(2).toInt();
    record.sha256 = query.value(3).toString();
    record.sizeBytes = query.value(4).toLongLong();
    record.mediaType = query.value(5).toString();
    record.createdAt = QDateTime::fromString(query.value(6).toString(), Qt::ISODateWithMs);
    return record;
}

const QString kSelectPage = QStringLiteral(
    "SELECT id, case_id, ordinal, sha256, size_bytes, media_type, created_at FROM pages ");
} // namespace

PageStore::PageStore(
    Database &db, QString directory, const Core::Clock &clock, FileSystem &fileSystem)
    : m_db(db)
    , m_directory(QDir::cleanPath(QDir(directory).absolutePath()))
    , m_clock(clock)
    , m_fs(fileSystem)
{ }

QString PageStore::sha256Hex(const QByteArray &bytes)
{
    return Core::sha256Hex(bytes);
}

QString PageStore::filePath(const QString &sha256) const
{
    return m_directory + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256;
}

Status PageStore::writeContent(const QString &sha256, const QByteArray &bytes, bool *created)
{
    *created = false;
    const QString target = filePath(sha256);
    if (QFileInfo::exists(target)) {
        // Same content already stored: keep it if it is intact.
        if (readContent(sha256))
            return {};
        qCWarning(lcStorage).noquote() << "replacing damaged page file" << sha256;
    }
    const QString temporaryFolder = m_directory + QLatin1Char('/') + kTemporaryFolder;
    const QString fanOut = QFileInfo(target).absolutePath();
    if (Status status = m_fs.ensureDirectory(temporaryFolder); !status)
        return status;
    if (Status status = m_fs.ensureDirectory(fanOut); !status)
        return status;

    const QString temporary = temporaryFolder + QLatin1Char('/')
        + QUuid::createUuid().toString(QUuid::Id128) + QStringLiteral(".part");
    if (Status status = m_fs.writeNewFile(temporary, bytes); !status)
        return status;
    if (Status status = m_fs.rename(temporary, target); !status) {
        QFile::remove(temporary);
        return status;
    }
    if (Status status = m_fs.syncDirectory(fanOut); !status)
        return status;
    *created = true;
    return {};
}

Status PageStore::keepPrivate()
{
    if (Status status = m_fs.ensureDirectory(m_directory); !status)
        return status;
    return m_fs.makePrivate(m_directory);
}

Result<PageRecord> PageStore::save(
    const QString &caseId, const QByteArray &bytes, const QString &mediaType)
{
    TB_ASSERT(!caseId.isEmpty(),
        return (Error { InvalidArgument, Tr::tr("The page has no case to belong to."),
            QStringLiteral("empty case id") }));
    PageRecord record;
    record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.caseId = caseId;
    record.sha256 = sha256Hex(bytes);
    record.sizeBytes = bytes.size();
    record.mediaType = mediaType;
    record.createdAt = m_clock.now();

    bool created = false;
    if (Status status = writeContent(record.sha256, bytes, &created); !status) {
        qCWarning(lcStorage).noquote() << "page file not saved:" << status.error().detail;
        return status.error();
    }

    Status status = m_db.transaction([&]() -> Status {
        QSqlQuery query(m_db.connection());
        query.prepare(
            QStringLiteral("SELECT coalesce(max(ordinal), 0) + 1 FROM pages WHERE case_id = ?"));
        query.addBindValue(caseId);
        if (!query.exec() || !query.next())
            return Database::queryError(query, QStringLiteral("next ordinal"));
        record.ordinal = query.value(0).toInt();
        query.prepare(QStringLiteral(
            "INSERT INTO pages(id, case_id, ordinal, sha256, size_bytes, media_type, created_at) "
            "VALUES(?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(record.id);
        query.addBindValue(record.caseId);
        query.addBindValue(record.ordinal);
        query.addBindValue(record.sha256);
        query.addBindValue(record.sizeBytes);
        query.addBindValue(record.mediaType);
        query.addBindValue(record.createdAt.toString(Qt::ISODateWithMs));
        if (!query.exec())
            return Database::queryError(query, QStringLiteral("insert page"));
        return {};
    });
    if (!status) {
        // The row is not there; a file we just created is referenced by nothing.
        if (created) {
            QSqlQuery query(m_db.connection());
            query.prepare(QStringLiteral("SELECT 1 FROM pages WHERE sha256 = ?"));
            query.addBindValue(record.sha256);
            if (query.exec() && !query.next())
                QFile::remove(filePath(record.sha256));
        }
        qCWarning(lcStorage).noquote() << "page row not saved:" << status.error().detail;
        return status.error();
    }
    return record;
}

Result<QByteArray> PageStore::readContent(const QString &sha256) const
{
    if (!isSha256Hex(sha256)) {
        return Error { InvalidArgument, Tr::tr("The page reference is invalid."),
            QStringLiteral("not a sha256: ") + sha256 };
    }
    QFile file(filePath(sha256));
    if (!file.open(QIODevice::ReadOnly)) {
        return Error { NotFound,
            Tr::tr("A page file is missing from the data folder. Capture the page "
                   "again; call IT support if other pages are missing too."),
            sha256 + QStringLiteral(": ") + file.errorString() };
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return Error { ReadFailed,
            Tr::tr("A page file could not be read. Try again; call IT support if it "
                   "keeps failing."),
            sha256 + QStringLiteral(": ") + file.errorString() };
    }
    if (sha256Hex(bytes) != sha256) {
        return Error { HashMismatch,
            Tr::tr("A page file is damaged (its content no longer matches what was "
                   "captured). Capture the page again and call IT support to check "
                   "the disk."),
            QStringLiteral("hash mismatch for ") + sha256 };
    }
    return bytes;
}

Result<PageRecord> PageStore::page(const QString &pageId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(kSelectPage + QStringLiteral("WHERE id = ?"));
    query.addBindValue(pageId);
    if (!query.exec())
        return Database::queryError(query, QStringLiteral("read page row"));
    if (!query.next()) {
        return Error { NotFound, Tr::tr("This page no longer exists."),
            QStringLiteral("no page ") + pageId };
    }
    return recordFrom(query);
}

Result<QByteArray> PageStore::read(const QString &pageId) const
{
    const Result<PageRecord> record = page(pageId);
    if (!record)
        return record.error();
    return readContent(record->sha256);
}

QList<PageRecord> PageStore::pagesOfCase(const QString &caseId) const
{
    QList<PageRecord> pages;
    QSqlQuery query(m_db.connection());
    query.prepare(kSelectPage + QStringLiteral("WHERE case_id = ? ORDER BY ordinal"));
    query.addBindValue(caseId);
    if (query.exec()) {
        while (query.next())
            pages << recordFrom(query);
    }
    return pages;
}

Status PageStore::remove(const QString &pageId)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("DELETE FROM pages WHERE id = ?"));
    query.addBindValue(pageId);
    if (!query.exec())
        return Database::queryError(query, QStringLiteral("delete page"));
    return {};
}

Result<SweepReport> PageStore::sweep(std::chrono::seconds grace)
{
    QSet<QString> referenced;
    {
        QSqlQuery query(m_db.connection());
        if (!query.exec(QStringLiteral("SELECT DISTINCT sha256 FROM pages")))
            return Database::queryError(query, QStringLiteral("list referenced pages"));
        while (query.next())
            referenced.insert(query.value(0).toString());
    }

    SweepReport report;
    const QDateTime cutoff = m_clock.now().addSecs(-grace.count());
    const auto oldEnough = [&](const QFileInfo &info) {
        return info.lastModified().toUTC() <= cutoff;
    };

    QDirIterator temporaries(m_directory + QLatin1Char('/') + kTemporaryFolder, QDir::Files);
    while (temporaries.hasNext()) {
        const QFileInfo info(temporaries.next());
        if (oldEnough(info) && QFile::remove(info.absoluteFilePath()))
            ++report.removedTemporaries;
    }

    QDirIterator fanOuts(m_directory, QDir::Dirs | QDir::NoDotAndDotDot);
    while (fanOuts.hasNext()) {
        const QString folder = fanOuts.next();
        if (QFileInfo(folder).fileName() == kTemporaryFolder)
            continue;
        QDirIterator files(folder, QDir::Files);
        while (files.hasNext()) {
            const QFileInfo info(files.next());
            const QString name = info.fileName();
            if (!isSha256Hex(name)) {
                qCWarning(lcStorage).noquote()
                    << "unexpected file in page store left alone:" << info.absoluteFilePath();
                continue;
            }
            if (referenced.contains(name))
                continue;
            if (!oldEnough(info)) {
                ++report.keptYoungOrphans;
                continue;
            }
            const qint64 size = info.size();
            if (QFile::remove(info.absoluteFilePath())) {
                ++report.removedFiles;
                report.freedBytes += size;
            }
        }
    }
    if (report.removedFiles || report.removedTemporaries) {
        qCInfo(lcStorage) << "swept" << report.removedFiles << "unreferenced page files and"
                          << report.removedTemporaries << "temporaries";
    }
    return report;
}

} // namespace Tongban::Storage
