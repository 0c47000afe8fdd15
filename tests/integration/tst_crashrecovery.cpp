#include <core/Clock.h>
#include <storage/CaseStore.h>
#include <storage/PageStore.h>
#include <storage/StorageSchema.h>

#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Tongban;

/*!
 * The durability promise of storage, tested the hard way: a child process
 * keeps creating cases and pages and is killed with SIGKILL at random
 * moments, TONGBAN_CRASH_ITERATIONS times (200 in the suite, 2,000 in the
 * soak). After every kill:
 * - PRAGMA integrity_check is "ok";
 * - every page the child reported saved is readable with the right hash;
 * - no half-written file is visible under a content name.
 */
class tst_CrashRecovery : public QObject
{
    Q_OBJECT

private slots:
    void survivesSigkillAtRandomMoments()
    {
        const int iterations = qEnvironmentVariableIntValue("TONGBAN_CRASH_ITERATIONS") > 0
            ? qEnvironmentVariableIntValue("TONGBAN_CRASH_ITERATIONS")
            : 200;
        const quint32 seed = qEnvironmentVariableIsSet("TONGBAN_CRASH_SEED")
            ? quint32(qEnvironmentVariableIntValue("TONGBAN_CRASH_SEED"))
            : QRandomGenerator::global()->generate();
        qInfo("crash test: %d iterations, seed %u (set TONGBAN_CRASH_SEED to replay)", iterations,
            seed);
        QRandomGenerator random(seed);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Core::SystemClock clock;

        QHash<QString, QString> reported; // page id -> sha256
        int sweptFiles = 0;
        int sweptTemporaries = 0;
        QElapsedTimer total;
        total.start();

        for (int i = 0; i < iterations; ++i) {
            const QDateTime iterationStart = QDateTime::currentDateTimeUtc().addSecs(-1);
            QProcess child;
            // Informational logs go to stderr too; only failures may appear there.
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tongban.*.info=false"));
            child.setProcessEnvironment(env);
            child.setProcessChannelMode(QProcess::SeparateChannels);
            child.start(QStringLiteral(TONGBAN_CRASH_WRITER),
                { dir.path(), QString::number(random.generate()) });
            QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
            QVERIFY2(child.waitForReadyRead(20000),
                qPrintable(QString::fromLocal8Bit(child.readAllStandardError())));
            const QByteArray readyLine = child.readLine();
            QVERIFY2(readyLine.startsWith("ready"), readyLine.constData());
            const QList<QByteArray> sweep = readyLine.trimmed().split(' ');
            sweptFiles += sweep.value(1).toInt();
            sweptTemporaries += sweep.value(2).toInt();

            // Let it work for a random moment, then kill it without warning.
            QThread::usleep(random.bounded(0, 60000));
            child.kill(); // SIGKILL
            QVERIFY(child.waitForFinished(10000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);

            const QByteArray output = child.readAllStandardOutput();
            const QList<QByteArray> lines = output.split('\n');
            QList<QString> newPages;
            // The last element is either empty or a line cut by the kill: ignore it.
            for (qsizetype l = 0; l + 1 < lines.size(); ++l) {
                const QList<QByteArray> parts = lines.at(l).split(' ');
                if (parts.size() == 3 && parts.at(0) == "saved") {
                    reported.insert(
                        QString::fromLatin1(parts.at(1)), QString::fromLatin1(parts.at(2)));
                    newPages << QString::fromLatin1(parts.at(1));
                }
            }
            const QByteArray errors = child.readAllStandardError();
            QVERIFY2(errors.isEmpty(), errors.constData());

            verify(dir.path(), clock, reported, newPages, iterationStart, random, false);
            if (QTest::currentTestFailed())
                return;
        }
        // Finally check everything ever reported, and every visible file.
        verify(dir.path(), clock, reported, reported.keys(), QDateTime(), random, true);
        qInfo("crash test: %d kills, %lld pages reported saved and all verified, "
              "%d orphan files and %d temporaries swept on restart, %.1f s",
            iterations, qint64(reported.size()), sweptFiles, sweptTemporaries,
            double(total.elapsed()) / 1000.0);
        QVERIFY2(reported.size() > iterations, "the child saved too few pages to test anything");
    }

private:
    void verify(const QString &folder, const Core::Clock &clock,
        const QHash<QString, QString> &reported, const QList<QString> &mustCheck,
        const QDateTime &changedSince, QRandomGenerator &random, bool everything)
    {
        auto db = Storage::Database::open(
            folder + QStringLiteral("/ws.sqlite"), { Storage::storageSchema() });
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
        const auto integrity = (*db)->integrityCheck();
        QVERIFY(integrity.ok());
        QCOMPARE(*integrity, QStringLiteral("ok"));

        Storage::PageStore pages(**db, folder + QStringLiteral("/pages"), clock);
        QList<QString> ids = mustCheck;
        // Plus a random sample of older pages, so that earlier saves stay under watch.
        const QList<QString> all = reported.keys();
        for (int s = 0; s < 20 && !all.isEmpty(); ++s)
            ids << all.at(random.bounded(qsizetype(0), all.size()));
        for (const QString &id : std::as_const(ids)) {
            const auto bytes = pages.read(id);
            QVERIFY2(bytes.ok(),
                qPrintable(id + QStringLiteral(": ")
                    + (bytes.ok() ? QString() : bytes.error().toString())));
            QCOMPARE(Storage::PageStore::sha256Hex(*bytes), reported.value(id));
        }

        // No half-written file under a content name: each visible file hashes to its name.
        QDirIterator it(
            folder + QStringLiteral("/pages"), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo info(it.next());
            if (!everything && info.lastModified().toUTC() < changedSince)
                continue;
            QFile file(info.absoluteFilePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(Storage::PageStore::sha256Hex(file.readAll()), info.fileName());
        }
    }
};

QTEST_GUILESS_MAIN(tst_CrashRecovery)
#include "tst_crashrecovery.moc"
