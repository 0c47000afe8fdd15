#include <core/Clock.h>
#include <storage/CaseStore.h>
#include <storage/Database.h>
#include <storage/FileSystem.h>
#include <storage/PageStore.h>
#include <storage/StorageSchema.h>

#include <QDirIterator>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Tongban;

namespace {
mode_t modeOf(const QString &path)
{
    struct stat info
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return mode_t(07777);
    return info.st_mode & 07777;
}

QString octal(mode_t mode)
{
    return QString::number(uint(mode), 8);
}

/// Every entry under \a folder (and \a folder) whose mode is not 0700 (folders) / 0600 (files).
QStringList wider(const QString &folder)
{
    QStringList found;
    const auto check = [&](const QString &path) {
        const mode_t expected = QFileInfo(path).isDir() ? 0700 : 0600;
        if (modeOf(path) != expected)
            found << path + QStringLiteral(" ") + octal(modeOf(path));
    };
    check(folder);
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext())
        check(it.next());
    return found;
}

/// Sets the process umask for the lifetime of the object.
class Umask
{
public:
    explicit Umask(mode_t mask)
        : m_previous(::umask(mask))
    { }
    ~Umask() { ::umask(m_previous); }

private:
    mode_t m_previous;
};
} // namespace

/*!
 * Data at rest: the workstation database (with its -wal and -shm) and the page
 * store are readable by the clerk's account only, whatever the umask of the
 * session that created them, and files left wider are fixed when they open.
 */
class tst_PrivateData : public QObject
{
    Q_OBJECT

    QString m_caseId;

private slots:
    void newDataIsTheAccountsOnly_data()
    {
        QTest::addColumn<uint>("umask");
        QTest::newRow("umask 0022") << 0022u;
        QTest::newRow("umask 0000") << 0000u;
    }

    void newDataIsTheAccountsOnly()
    {
        QFETCH(uint, umask);
        // GIVEN a session with a permissive umask and no data folder yet
        const Umask mask(mode_t { umask });
        QTemporaryDir root;
        const QString data = root.filePath(QStringLiteral("tongban"));
        Core::ManualClock clock(QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC));
        {
            // WHEN the database opens (created), a row is written and a page saved
            auto db = Storage::Database::open(
                data + QStringLiteral("/workstation.sqlite"), { Storage::storageSchema() });
            QVERIFY(db.ok());
            Storage::PageStore pages(**db, data + QStringLiteral("/pages"), clock);
            const auto caseId = Storage::CaseStore(**db, clock).create(QStringLiteral("item"));
            QVERIFY(caseId.ok());
            QVERIFY(pages.save(*caseId, QByteArray(5000, 'p'), QStringLiteral("image/jpeg")).ok());
            // THEN while it is open the database, its -wal and -shm are 0600
            for (const char *suffix : { "", "-wal", "-shm" }) {
                const QString file
                    = data + QStringLiteral("/workstation.sqlite") + QLatin1String(suffix);
                QVERIFY2(QFileInfo::exists(file), qPrintable(file));
                QCOMPARE(octal(modeOf(file)), octal(0600));
            }
            // AND the data folder, the page folders and the page files are the account's only
            const QStringList found = wider(data);
            QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        }
    }

    void widerDataIsFixedWhenItOpens()
    {
        // GIVEN a database and pages an older build left readable by everyone
        const Umask mask(0000);
        QTemporaryDir data;
        const QString path = data.filePath(QStringLiteral("workstation.sqlite"));
        Core::ManualClock clock(QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC));
        QString pageFile;
        {
            auto db = Storage::Database::open(path, { Storage::storageSchema() });
            QVERIFY(db.ok());
            Storage::PageStore pages(**db, data.filePath(QStringLiteral("pages")), clock);
            const auto caseId = Storage::CaseStore(**db, clock).create(QStringLiteral("item"));
            QVERIFY(caseId.ok());
            m_caseId = *caseId;
            const auto page = pages.save(*caseId, QByteArray("page"), QStringLiteral("image/jpeg"));
            QVERIFY(page.ok());
            pageFile = pages.filePath(page->sha256);
        }
        const QString pagesDir = data.filePath(QStringLiteral("pages"));
        for (const QString &file : { path, pageFile })
            QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);
        for (const QString &folder : { pagesDir, QFileInfo(pageFile).absolutePath() })
            QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0755) == 0);
        QCOMPARE(octal(modeOf(path)), octal(0644));

        // WHEN the workstation opens them again
        auto db = Storage::Database::open(path, { Storage::storageSchema() });
        QVERIFY(db.ok());
        Storage::PageStore pages(**db, pagesDir, clock);
        QVERIFY(pages.keepPrivate().ok());

        // THEN they are the account's only again, and still readable by it
        for (const char *suffix : { "", "-wal", "-shm" })
            QCOMPARE(octal(modeOf(path + QLatin1String(suffix))), octal(0600));
        const QStringList found = wider(pagesDir);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        QCOMPARE(pages.pagesOfCase(m_caseId).size(), 1);
        QVERIFY(pages.read(pages.pagesOfCase(m_caseId).first().id).ok());
    }

    void makePrivateLeavesSymbolicLinksAlone()
    {
        // GIVEN a page folder holding a symbolic link to a file elsewhere (0644)
        QTemporaryDir root;
        const QString outside = root.filePath(QStringLiteral("outside.txt"));
        QFile file(outside);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(::chmod(QFile::encodeName(outside).constData(), 0644) == 0);
        QVERIFY(QDir(root.path()).mkdir(QStringLiteral("pages")));
        QVERIFY(QFile::link(outside, root.filePath(QStringLiteral("pages/link"))));
        // WHEN the folder is made private
        QVERIFY(
            Storage::FileSystem::system().makePrivate(root.filePath(QStringLiteral("pages"))).ok());
        // THEN the folder is, and the file the link points to is not touched
        QCOMPARE(octal(modeOf(root.filePath(QStringLiteral("pages")))), octal(0700));
        QCOMPARE(octal(modeOf(outside)), octal(0644));
    }
};

QTEST_GUILESS_MAIN(tst_PrivateData)
#include "tst_privatedata.moc"
