#include <core/Clock.h>
#include <storage/CaseStore.h>
#include <storage/PageStore.h>
#include <storage/StorageSchema.h>

#include <QDirIterator>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace Tongban::Storage;
using Tongban::Core::ManualClock;
using Tongban::Core::Status;

namespace {

/// Writes half of the data and then fails as a full disk would.
class FullDiskFileSystem : public FileSystem
{
public:
    int failuresLeft = 1;
    Status writeNewFile(const QString &path, const QByteArray &data) override
    {
        if (failuresLeft <= 0)
            return FileSystem::writeNewFile(path, data);
        --failuresLeft;
        QFile partial(path);
        if (partial.open(QIODevice::WriteOnly))
            partial.write(data.left(data.size() / 2));
        partial.close();
        QFile::remove(path); // what the real implementation does on failure
        return errnoError(ENOSPC, QStringLiteral("write"), path);
    }
};

/// Refuses the rename, as a read-only or permission-denied folder would.
class NoPermissionFileSystem : public FileSystem
{
public:
    Status rename(const QString &from, const QString &to) override
    {
        Q_UNUSED(to);
        return errnoError(EACCES, QStringLiteral("rename"), from);
    }
};

QStringList visibleContentFiles(const QString &directory)
{
    QStringList files;
    QDirIterator it(directory, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files; // hidden .tmp folder is not listed without QDir::Hidden
}

} // namespace

class tst_PageStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ManualClock m_clock { QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC) };
    std::unique_ptr<Database> m_db;
    QString m_caseId;

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto db = Database::open(m_dir.filePath(QStringLiteral("ws.sqlite")), { storageSchema() });
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
        m_db = std::move(db).value();
        CaseStore cases(*m_db, m_clock);
        auto id = cases.create(QStringLiteral("11410400MB1234567X4000117001"));
        QVERIFY(id.ok());
        m_caseId = *id;
    }

    void cleanup()
    {
        m_db.reset();
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

    void savesAndReadsBackByHash()
    {
        PageStore store(*m_db, m_dir.filePath(QStringLiteral("pages")), m_clock);
        const QByteArray bytes = QByteArray("JPEG page one ").repeated(1000);
        auto saved = store.save(m_caseId, bytes, QStringLiteral("image/jpeg"));
        QVERIFY(saved.ok());
        QCOMPARE(saved->ordinal, 1);
        QCOMPARE(saved->sha256, PageStore::sha256Hex(bytes));
        QVERIFY(QFile::exists(store.filePath(saved->sha256)));
        QCOMPARE(*store.read(saved->id), bytes);

        auto second = store.save(m_caseId, QByteArray("page two"), QStringLiteral("image/jpeg"));
        QCOMPARE(second->ordinal, 2);
        QCOMPARE(store.pagesOfCase(m_caseId).size(), 2);
    }

    void identicalContentIsStoredOnce()
    {
        PageStore store(*m_db, m_dir.filePath(QStringLiteral("pages")), m_clock);
        auto a = store.save(m_caseId, QByteArray("same"), QStringLiteral("image/jpeg"));
        auto b = store.save(m_caseId, QByteArray("same"), QStringLiteral("image/jpeg"));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a->id != b->id);
        QCOMPARE(visibleContentFiles(store.directory()).size(), 1);
    }

    void damagedFileIsReportedNotReturned()
    {
        // GIVEN a saved page whose file is later changed on disk
        PageStore store(*m_db, m_dir.filePath(QStringLiteral("pages")), m_clock);
        auto saved = store.save(m_caseId, QByteArray("original"), QStringLiteral("image/jpeg"));
        QFile file(store.filePath(saved->sha256));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("tampered");
        file.close();
        // WHEN it is read THEN the damage is reported instead of wrong bytes
        auto read = store.read(saved->id);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, int(HashMismatch));
        // AND saving the same content again repairs the file
        QVERIFY(store.save(m_caseId, QByteArray("original"), QStringLiteral("image/jpeg")).ok());
        QCOMPARE(*store.read(saved->id), QByteArray("original"));
    }

    void fullDiskLosesNothingAndLeavesNoHalfFile()
    {
        // GIVEN a page already saved
        FullDiskFileSystem fs;
        PageStore store(*m_db, m_dir.filePath(QStringLiteral("pages")), m_clock, fs);
        fs.failuresLeft = 0;
        auto first = store.save(m_caseId, QByteArray("first page"), QStringLiteral("image/jpeg"));
        QVERIFY(first.ok());
        // WHEN the disk fills up during the next save
        fs.failuresLeft = 1;
        auto failed = store.save(
            m_caseId, QByteArray("second page").repeated(100), QStringLiteral("image/jpeg"));
        // THEN the clerk is told the disk is full, nothing half-written is visible,
        // no row points at a missing file, and the first page is intact
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, int(DiskFull));
        QVERIFY(failed.error().message.contains(QStringLiteral("intact")));
        QCOMPARE(visibleContentFiles(store.directory()).size(), 1);
        QCOMPARE(store.pagesOfCase(m_caseId).size(), 1);
        QCOMPARE(*store.read(first->id), QByteArray("first page"));
        // AND once space is back the same save works
        auto retried = store.save(
            m_caseId, QByteArray("second page").repeated(100), QStringLiteral("image/jpeg"));
        QVERIFY(retried.ok());
        QCOMPARE(retried->ordinal, 2);
    }

    void refusedPermissionIsExplained()
    {
        NoPermissionFileSystem fs;
        PageStore store(*m_db, m_dir.filePath(QStringLiteral("pages")), m_clock, fs);
        auto failed = store.save(m_caseId, QByteArray("page"), QStringLiteral("image/jpeg"));
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, int(WriteFailed));
        QVERIFY(failed.error().message.contains(QStringLiteral("permission")));
        QVERIFY(visibleContentFiles(store.directory()).isEmpty());
        QVERIFY(store.pagesOfCase(m_caseId).isEmpty());
    }

    void rowFailureRemovesTheNewFile()
    {
        // GIVEN a case id that does not exist (the foreign key refuses the row)
        PageStore store(*m_db, m_dir.filePath(QStringLiteral("pages")), m_clock);
        auto failed = store.save(
            QStringLiteral("no-such-case"), QByteArray("orphan"), QStringLiteral("image/jpeg"));
        QVERIFY(!failed.ok());
        QVERIFY(visibleContentFiles(store.directory()).isEmpty());
    }

    void sweepRemovesOnlyOldUnreferencedFiles()
    {
        PageStore store(*m_db, m_dir.filePath(QStringLiteral("pages")), m_clock);
        auto kept = store.save(m_caseId, QByteArray("kept"), QStringLiteral("image/jpeg"));
        auto removed = store.save(m_caseId, QByteArray("removed"), QStringLiteral("image/jpeg"));
        QVERIFY(store.remove(removed->id).ok());
        // A leftover temporary from a killed process.
        QFile temporary(store.directory() + QStringLiteral("/.tmp/dead.part"));
        QVERIFY(temporary.open(QIODevice::WriteOnly));
        temporary.write("half");
        temporary.close();

        // WHEN swept within the grace period THEN nothing goes
        m_clock.set(QDateTime::currentDateTimeUtc());
        auto early = store.sweep(std::chrono::hours(1));
        QVERIFY(early.ok());
        QCOMPARE(early->removedFiles, 0);
        QCOMPARE(early->keptYoungOrphans, 1);
        QVERIFY(QFile::exists(store.filePath(removed->sha256)));

        // WHEN swept after the grace period THEN the orphan and the temporary go
        m_clock.advanceSecs(2 * 3600);
        auto late = store.sweep(std::chrono::hours(1));
        QCOMPARE(late->removedFiles, 1);
        QCOMPARE(late->removedTemporaries, 1);
        QVERIFY(!QFile::exists(store.filePath(removed->sha256)));
        QCOMPARE(*store.read(kept->id), QByteArray("kept"));
    }
};

QTEST_GUILESS_MAIN(tst_PageStore)
#include "tst_pagestore.moc"
