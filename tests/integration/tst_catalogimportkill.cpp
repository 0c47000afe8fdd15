#include <catalog/CatalogStore.h>
#include <core/Clock.h>

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Tongban;

/*!
 * A catalogue import interrupted by a kill leaves the previous catalogue in
 * force, whole: a child keeps importing two large catalogues in turn and is
 * killed with SIGKILL at random moments, 25 times.
 */
class tst_CatalogImportKill : public QObject
{
    Q_OBJECT

private slots:
    void killedImportNeverLeavesHalfACatalogue()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws.sqlite"));
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("seed %u", seed);
        QRandomGenerator random(seed);
        Core::SystemClock clock;
        QString lastReported;
        int kills = 0;
        int completedImports = 0;
        for (int i = 0; i < 25; ++i) {
            QProcess child;
            // Informational logs go to stderr too; only failures may appear there.
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tongban.*.info=false"));
            child.setProcessEnvironment(env);
            child.start(QStringLiteral(TONGBAN_CATALOG_IMPORTER), { path });
            QVERIFY(child.waitForStarted(10000));
            QVERIFY2(child.waitForReadyRead(30000), child.readAllStandardError().constData());
            QThread::usleep(random.bounded(0, 1500000));
            child.kill();
            QVERIFY(child.waitForFinished(10000));
            ++kills;
            const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
            for (qsizetype l = 0; l + 1 < lines.size(); ++l) {
                if (lines.at(l).startsWith("imported ")) {
                    lastReported = QString::fromLatin1(lines.at(l).mid(9));
                    ++completedImports;
                }
            }
            QVERIFY2(child.readAllStandardError().isEmpty(), "the importer failed by itself");

            auto db = Storage::Database::open(path, { Catalog::CatalogStore::schema() });
            QVERIFY(db.ok());
            QCOMPARE(*(*db)->integrityCheck(), QStringLiteral("ok"));
            Catalog::CatalogStore store(**db, clock);
            if (lastReported.isEmpty())
                continue; // killed before the first import finished: nothing in force yet is right
            // A catalogue is in force, it is whole, and it is at least as new as the last
            // import reported done (a later one may have committed before the kill).
            const auto active = store.active();
            QVERIFY2(active.ok(), qPrintable(active.ok() ? QString() : active.error().toString()));
            QCOMPARE(active->items.size(), 600);
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral(
                "SELECT count(*) FROM catalog_versions v WHERE item_count != "
                "(SELECT count(*) FROM catalog_items i WHERE i.version_id = v.id)")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        qInfo("%d kills, %d imports completed between them", kills, completedImports);
        QVERIFY(completedImports > 0);
    }
};

QTEST_GUILESS_MAIN(tst_CatalogImportKill)
#include "tst_catalogimportkill.moc"
