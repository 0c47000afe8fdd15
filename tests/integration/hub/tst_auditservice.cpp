// Issue 17: the audit trail's rules without HTTP — AuditService over AuditStore on a
// temporary SQLite file: the chain of hashes, verify() naming the first row that does not
// fit (changed, removed, rewritten with a new hash), who may read, paging bounds, masking of
// unknown sign-in names.

#include <core/Clock.h>
#include <core/Hash.h>
#include <storage/Database.h>

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <HubSchema.h>
#include <accounts/AccountService.h>
#include <audit/AuditService.h>
#include <audit/AuditStore.h>

using namespace Tongban;

class TestAuditService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void eachRowChainsTheOneBefore();
    void verifyNamesTheFirstRowThatDoesNotFit_data();
    void verifyNamesTheFirstRowThatDoesNotFit();
    void theTableRefusesUpdateAndDelete();
    void onlyAdminAndSupervisorListAndPagesAreBounded();
    void unknownSignInNamesAreMasked();

private:
    void appendFive();
    bool exec(const QString &sql);

    QTemporaryDir m_dir;
    std::unique_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<Storage::Database> m_database;
    std::unique_ptr<Hub::AuditStore> m_store;
    std::unique_ptr<Hub::AuditService> m_audit;
};

void TestAuditService::init()
{
    m_clock = std::make_unique<Core::ManualClock>(
        QDateTime(QDate(2026, 11, 24), QTime(1, 30), QTimeZone::utc()));
    QFile::remove(m_dir.filePath(QStringLiteral("hub.db")));
    auto database = Storage::Database::open(
        m_dir.filePath(QStringLiteral("hub.db")), { Hub::hubSchema(), Hub::AuditStore::schema() });
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database = std::move(*database);
    m_store = std::make_unique<Hub::AuditStore>(*m_database);
    m_audit = std::make_unique<Hub::AuditService>(*m_store, *m_clock);
}

void TestAuditService::cleanup()
{
    m_audit.reset();
    m_store.reset();
    m_database.reset();
}

bool TestAuditService::exec(const QString &sql)
{
    QSqlQuery query(m_database->connection());
    return query.exec(sql);
}

void TestAuditService::appendFive()
{
    for (int i = 1; i <= 5; ++i) {
        m_clock->advanceSecs(60);
        const auto seq = m_audit->append({ QStringLiteral("signin"),
            QStringLiteral("clerk-%1").arg(i), QStringLiteral("410402-tb-03"),
            { { QStringLiteral("address"), QStringLiteral("127.0.0.1") } } });
        QVERIFY(seq);
        QCOMPARE(*seq, qint64(i));
    }
}

void TestAuditService::eachRowChainsTheOneBefore()
{
    // GIVEN five appended rows
    appendFive();
    const auto rows = m_store->after(0, 10);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 5);
    // THEN row 1 starts from 64 zeros and each row names the hash of the one before
    QCOMPARE(rows->first().previousHash, QString(64, QLatin1Char('0')));
    for (qsizetype i = 1; i < rows->size(); ++i)
        QCOMPARE(rows->at(i).previousHash, rows->at(i - 1).hash);
    // AND a hash is SHA-256 of the previous hash and the canonical row, recomputable by hand
    const Hub::AuditRow &first = rows->first();
    const QByteArray canonical = QByteArray("[\"1\",\"") + QByteArray::number(first.atMs)
        + "\",\"signin\",\"clerk-1\",\"410402-tb-03\",\"{\\\"address\\\":\\\"127.0.0.1\\\"}\"]";
    QCOMPARE(Hub::AuditService::canonical(first).toUtf8(), canonical);
    QCOMPARE(first.hash, Core::sha256Hex(QByteArray(QByteArray(64, '0') + canonical)));
    // AND the chain verifies, naming the last hash
    const auto check = m_audit->verify();
    QVERIFY(check && check->ok());
    QCOMPARE(check->rows, qint64(5));
    QCOMPARE(check->headHash, rows->last().hash);
}

void TestAuditService::verifyNamesTheFirstRowThatDoesNotFit_data()
{
    QTest::addColumn<QString>("tamper");
    QTest::addColumn<qint64>("broken");
    QTest::newRow("detail of row 3 changed")
        << QStringLiteral("UPDATE hub_audit SET detail = '{}' WHERE seq = 3") << qint64(3);
    QTest::newRow("time of row 2 moved")
        << QStringLiteral("UPDATE hub_audit SET at = at + 1 WHERE seq = 2") << qint64(2);
    QTest::newRow("row 4 removed")
        << QStringLiteral("DELETE FROM hub_audit WHERE seq = 4") << qint64(4);
    // Row 2 changed and given a hash that fits its new content: row 3 no longer follows it.
    QTest::newRow("row 2 rewritten with a fitting hash")
        << QStringLiteral("UPDATE hub_audit SET actor = 'x', hash = '%1' WHERE seq = 2")
        << qint64(3);
    QTest::newRow("last row removed (not detectable without the kept head hash)")
        << QStringLiteral("DELETE FROM hub_audit WHERE seq = 5") << qint64(0);
}

void TestAuditService::verifyNamesTheFirstRowThatDoesNotFit()
{
    QFETCH(QString, tamper);
    QFETCH(qint64, broken);
    // GIVEN five rows and someone who drops the triggers
    appendFive();
    QVERIFY(exec(QStringLiteral("DROP TRIGGER hub_audit_no_update")));
    QVERIFY(exec(QStringLiteral("DROP TRIGGER hub_audit_no_delete")));
    if (tamper.contains(QStringLiteral("%1"))) {
        auto rows = m_store->after(0, 10);
        QVERIFY(rows);
        Hub::AuditRow changed = rows->at(1);
        changed.actor = QStringLiteral("x");
        tamper = tamper.arg(Hub::AuditService::chainHash(changed.previousHash, changed));
    }
    // WHEN a row is tampered with
    QVERIFY(exec(tamper));
    // THEN verify names the first row that does not fit
    const auto check = m_audit->verify();
    QVERIFY(check);
    QCOMPARE(check->brokenSeq, broken);
    if (broken)
        QVERIFY2(check->problem.contains(QString::number(broken)), qPrintable(check->problem));
}

void TestAuditService::theTableRefusesUpdateAndDelete()
{
    appendFive();
    QVERIFY(!exec(QStringLiteral("UPDATE hub_audit SET actor = 'x' WHERE seq = 1")));
    QVERIFY(!exec(QStringLiteral("DELETE FROM hub_audit")));
    QCOMPARE(m_store->after(0, 10)->size(), 5);
    QVERIFY(m_audit->verify()->ok());
}

void TestAuditService::onlyAdminAndSupervisorListAndPagesAreBounded()
{
    appendFive();
    Hub::AuthContext clerk;
    clerk.role = QStringLiteral("application");
    Hub::AuthContext department;
    department.role = QStringLiteral("department");
    Hub::AuthContext supervisor;
    supervisor.role = QStringLiteral("supervisor");
    QCOMPARE(m_audit->list(clerk, 0, 10, {}).error().code, int(Hub::AuditService::Forbidden));
    QCOMPARE(m_audit->list(department, 0, 10, {}).error().code, int(Hub::AuditService::Forbidden));
    QCOMPARE(m_audit->list(supervisor, 0, 501, {}).error().code, int(Hub::AuditService::BadQuery));
    QCOMPARE(m_audit->list(supervisor, -1, 10, {}).error().code, int(Hub::AuditService::BadQuery));
    auto page = m_audit->list(supervisor, 0, 2, {});
    QVERIFY(page);
    QCOMPARE(page->rows.size(), 2);
    QCOMPARE(page->nextAfterSeq, qint64(2));
    page = m_audit->list(supervisor, 4, 2, {});
    QCOMPARE(page->rows.size(), 1);
    QCOMPARE(page->nextAfterSeq, qint64(0));
}

void TestAuditService::unknownSignInNamesAreMasked()
{
    m_audit->setKeyedHash(
        [](const QString &value) { return Core::sha256Hex(QByteArray("key:" + value.toUtf8())); });
    // GIVEN an account of the hub
    QVERIFY(exec(QStringLiteral(
        "INSERT INTO hub_accounts (account, name, role, jurisdiction_code, salt, hash,"
        " iterations) VALUES ('xh-tb-03-wangli', 'W', 'application', '410402', x'00', x'00', 1)")));
    // THEN its name is kept as it is, any other masked with its keyed hash
    QCOMPARE(
        m_audit->signInName(QStringLiteral("xh-tb-03-wangli")), QStringLiteral("xh-tb-03-wangli"));
    const QString masked = m_audit->signInName(QStringLiteral("Tongban@2026"));
    QCOMPARE(masked,
        QString(QStringLiteral("T***#") + Core::sha256Hex(QByteArray("key:Tongban@2026")).left(8)));
    QCOMPARE(m_audit->signInName(QString()), QStringLiteral("(none)"));
}

QTEST_GUILESS_MAIN(TestAuditService)
#include "tst_auditservice.moc"
