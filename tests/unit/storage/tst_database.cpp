#include <storage/Database.h>

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Tongban::Storage;

namespace {
MigrationSet notesSchema(int upTo)
{
    MigrationSet set { QStringLiteral("notes"), {} };
    set.migrations << Migration { 1, QStringLiteral("notes"),
        { QStringLiteral("CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT)") } };
    if (upTo >= 2) {
        set.migrations << Migration { 2, QStringLiteral("tags"),
            { QStringLiteral("ALTER TABLE notes ADD COLUMN tag TEXT"),
                QStringLiteral("CREATE INDEX notes_tag ON notes(tag)") } };
    }
    if (upTo >= 3) {
        // A broken step: the first statement succeeds, the second fails.
        set.migrations << Migration { 3, QStringLiteral("broken"),
            { QStringLiteral("CREATE TABLE extra(id INTEGER)"),
                QStringLiteral("THIS IS NOT SQL") } };
    }
    return set;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QString pragma(Database &db, const QString &name)
{
    QSqlQuery query(db.connection());
    if (query.exec(QStringLiteral("PRAGMA ") + name) && query.next())
        return query.value(0).toString();
    return {};
}
} // namespace

class tst_Database : public QObject
{
    Q_OBJECT

private slots:
    void opensWithDurableSettings()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("ws.sqlite")), { notesSchema(2) });
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
        QCOMPARE(pragma(**db, QStringLiteral("journal_mode")), QStringLiteral("wal"));
        QCOMPARE(pragma(**db, QStringLiteral("synchronous")), QStringLiteral("2")); // FULL
        QCOMPARE(pragma(**db, QStringLiteral("foreign_keys")), QStringLiteral("1"));
        QCOMPARE((*db)->moduleVersion(QStringLiteral("notes")), 2);
        QCOMPARE(*(*db)->integrityCheck(), QStringLiteral("ok"));
    }

    void migratesStepByStepAcrossReopens()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws.sqlite"));
        {
            auto db = Database::open(path, { notesSchema(1) });
            QVERIFY(db.ok());
            QSqlQuery query((*db)->connection());
            QVERIFY(query.exec(QStringLiteral("INSERT INTO notes(text) VALUES('kept')")));
        }
        auto db = Database::open(path, { notesSchema(2) });
        QVERIFY(db.ok());
        QCOMPARE((*db)->moduleVersion(QStringLiteral("notes")), 2);
        QSqlQuery query((*db)->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT text, tag FROM notes")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("kept"));
    }

    void failedMigrationLeavesPreviousVersion()
    {
        // GIVEN a database at version 2 WHEN step 3 fails half-way THEN nothing of
        // step 3 remains and the version is still 2.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws.sqlite"));
        QVERIFY(Database::open(path, { notesSchema(2) }).ok());
        auto failed = Database::open(path, { notesSchema(3) });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, int(MigrationFailed));
        auto db = Database::open(path, { notesSchema(2) });
        QVERIFY(db.ok());
        QCOMPARE((*db)->moduleVersion(QStringLiteral("notes")), 2);
        QSqlQuery query((*db)->connection());
        QVERIFY(!query.exec(QStringLiteral("SELECT * FROM extra")));
    }

    void refusesNewerDatabaseUntouched_data()
    {
        QTest::addColumn<QString>("tamper");
        QTest::newRow("newer module version")
            << QStringLiteral("UPDATE schema_versions SET version = 7 WHERE module = 'notes'");
        QTest::newRow("unknown module")
            << QStringLiteral("INSERT INTO schema_versions(module, version) VALUES('assist', 1)");
        QTest::newRow("newer container") << QStringLiteral("PRAGMA user_version = 9");
    }

    void refusesNewerDatabaseUntouched()
    {
        // GIVEN a database that a newer build has written
        QFETCH(QString, tamper);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws.sqlite"));
        {
            auto db = Database::open(path, { notesSchema(2) });
            QVERIFY(db.ok());
            QSqlQuery query((*db)->connection());
            QVERIFY(query.exec(tamper));
            QVERIFY(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode=DELETE")));
        }
        const QByteArray before = fileHash(path);
        // WHEN this build opens it
        auto db = Database::open(path, { notesSchema(2) });
        // THEN it refuses with a clear message and the file is byte-for-byte unchanged
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, int(NewerSchema));
        QVERIFY(db.error().message.contains(QStringLiteral("newer version")));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void transactionRollsBackOnError()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("ws.sqlite")), { notesSchema(1) });
        QVERIFY(db.ok());
        const auto status = (*db)->transaction([&]() -> Tongban::Core::Status {
            QSqlQuery query((*db)->connection());
            query.exec(QStringLiteral("INSERT INTO notes(text) VALUES('gone')"));
            return Tongban::Core::Error { 1, QStringLiteral("stop"), {} };
        });
        QVERIFY(!status.ok());
        QSqlQuery query((*db)->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM notes")) && query.next());
        QCOMPARE(query.value(0).toInt(), 0);
    }

    void commitWithoutSyncThenFullSyncAgain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws.sqlite"));
        auto db = Database::open(path, { notesSchema(1) });
        QVERIFY(db.ok());
        const auto insert = [&](const QString &text) {
            QSqlQuery query((*db)->connection());
            query.prepare(QStringLiteral("INSERT INTO notes(text) VALUES(?)"));
            query.addBindValue(text);
            return query.exec();
        };
        // WHEN a transaction is committed without sync
        QString during;
        const auto status = (*db)->transactionWithoutSync([&]() -> Tongban::Core::Status {
            during = pragma(**db, QStringLiteral("synchronous"));
            insert(QStringLiteral("progress"));
            return {};
        });
        QVERIFY(status.ok());
        // THEN its commit ran with NORMAL, and every later one is FULL again
        QCOMPARE(during, QStringLiteral("1"));
        QCOMPARE(pragma(**db, QStringLiteral("synchronous")), QStringLiteral("2"));
        // AND it is committed: another connection on the file sees it
        auto other = Database::open(path, { notesSchema(1) });
        QVERIFY(other.ok());
        QSqlQuery count((*other)->connection());
        QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM notes")) && count.next());
        QCOMPARE(count.value(0).toInt(), 1);

        // WHEN one fails, THEN it is rolled back like any transaction
        QVERIFY(!(*db)
                     ->transactionWithoutSync([&]() -> Tongban::Core::Status {
                         insert(QStringLiteral("gone"));
                         return Tongban::Core::Error { 1, QStringLiteral("stop"), {} };
                     })
                     .ok());
        QCOMPARE(pragma(**db, QStringLiteral("synchronous")), QStringLiteral("2"));
        // AND inside an ordinary transaction it joins it (and its full sync)
        QVERIFY(!(*db)
                     ->transaction([&]() -> Tongban::Core::Status {
                         const auto inner
                             = (*db)->transactionWithoutSync([&]() -> Tongban::Core::Status {
                                   during = pragma(**db, QStringLiteral("synchronous"));
                                   insert(QStringLiteral("joined"));
                                   return {};
                               });
                         if (!inner)
                             return inner;
                         return Tongban::Core::Error { 1, QStringLiteral("outer fails"), {} };
                     })
                     .ok());
        QCOMPARE(during, QStringLiteral("2"));
        QVERIFY(count.exec(QStringLiteral("SELECT group_concat(text) FROM notes")) && count.next());
        QCOMPARE(count.value(0).toString(), QStringLiteral("progress"));
    }

    void fullDiskIsReportedAsSuch()
    {
        // GIVEN a database that cannot grow (max_page_count emulates a full disk)
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("ws.sqlite")), { notesSchema(1) });
        QVERIFY(db.ok());
        QSqlQuery query((*db)->connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO notes(text) VALUES('before')")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA max_page_count")) && query.next());
        QVERIFY(query.exec(QStringLiteral("PRAGMA page_count")) && query.next());
        const int pages = query.value(0).toInt();
        QVERIFY(query.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)));
        // WHEN a large write is attempted
        const auto status = (*db)->transaction([&]() -> Tongban::Core::Status {
            QSqlQuery insert((*db)->connection());
            insert.prepare(QStringLiteral("INSERT INTO notes(text) VALUES(?)"));
            insert.addBindValue(QString(200000, QLatin1Char('x')));
            if (!insert.exec())
                return Database::queryError(insert, QStringLiteral("insert"));
            return {};
        });
        // THEN the error says the disk is full, and the earlier row is intact
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, int(DiskFull));
        QVERIFY(status.error().message.contains(QStringLiteral("disk is full")));
        QVERIFY(query.exec(QStringLiteral("SELECT text FROM notes")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("before"));
        QVERIFY(!query.next());
    }
};

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
