#include <core/Clock.h>

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <Hub.h>
#include <sys/stat.h>

using namespace Tongban;

namespace {
QString modeOf(const QString &path)
{
    struct stat info
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return QStringLiteral("missing");
    return QString::number(uint(info.st_mode & 07777), 8);
}

/// Entries under \a folder (and \a folder) that are not 0700 (folders) / 0600 (files).
QStringList wider(const QString &folder)
{
    QStringList found;
    const auto check = [&](const QString &path) {
        const QString expected
            = QFileInfo(path).isDir() ? QStringLiteral("700") : QStringLiteral("600");
        if (modeOf(path) != expected)
            found << path + QLatin1Char(' ') + modeOf(path);
    };
    check(folder);
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext())
        check(it.next());
    return found;
}
} // namespace

/*!
 * The hub's data (its database, the applicants' uploaded pages, the result
 * documents) is readable by the hub's account only, whatever the umask, and
 * is fixed at start when an older build or a restored backup left it wider.
 */
class tst_HubPrivate : public QObject
{
    Q_OBJECT

private:
    Core::Result<std::unique_ptr<Hub::Hub>> create(const QString &dataDir)
    {
        Hub::HubConfig config;
        config.dataDir = dataDir;
        config.pbkdf2Iterations = 1000;
        config.clock = &m_clock;
        return Hub::Hub::create(config);
    }

    Core::ManualClock m_clock { QDateTime(QDate(2026, 12, 1), QTime(1, 0), Qt::UTC) };

private slots:
    void dataIsTheHubAccountsOnly()
    {
        // GIVEN a permissive umask and no data folder yet
        const mode_t previous = ::umask(0000);
        QTemporaryDir root;
        const QString data = root.filePath(QStringLiteral("hub"));
        // WHEN the hub starts
        {
            auto hub = create(data);
            QVERIFY2(hub.ok(), qPrintable(hub ? QString() : hub.error().toString()));
            // THEN its folder, database (with -wal, -shm) and file folders are its own only
            const QStringList found = wider(data);
            QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
            QVERIFY(QFileInfo::exists(data + QStringLiteral("/hub.db-wal")));
        }

        // GIVEN the same data left wider (an upload 0644, folders 0755, the database 0644)
        const QString upload = data + QStringLiteral("/files/uploads/restored-upload");
        QFile file(upload);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("page bytes");
        file.close();
        for (const QString &path : { upload, QString(data + QStringLiteral("/hub.db")) })
            QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        for (const QString &path : { data, QString(data + QStringLiteral("/files")),
                 QString(data + QStringLiteral("/files/uploads")) })
            QVERIFY(::chmod(QFile::encodeName(path).constData(), 0755) == 0);
        QCOMPARE(modeOf(upload), QStringLiteral("644"));
        // WHEN the hub starts again
        {
            auto hub = create(data);
            QVERIFY2(hub.ok(), qPrintable(hub ? QString() : hub.error().toString()));
            // THEN everything is its own only again
            const QStringList found = wider(data);
            QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        }
        ::umask(previous);
    }
};

QTEST_GUILESS_MAIN(tst_HubPrivate)
#include "tst_hubprivate.moc"
