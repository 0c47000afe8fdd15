#include <core/Clock.h>
#include <security/AuditLog.h>
#include <security/Errors.h>
#include <security/internal/AuditHash.h>
#include <storage/Database.h>

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Tongban;
using namespace Tongban::Security;
using Kind = VerifyReport::Problem::Kind;

namespace {

const QDateTime kStart(QDate(2024, 3, 1), QTime(8, 30), QTimeZone::utc());

const QStringList kDropTriggers { QStringLiteral("DROP TRIGGER audit_log_no_update"),
    QStringLiteral("DROP TRIGGER audit_log_no_delete") };

AuditEntry entry(int n)
{
    AuditEntry e;
    e.clerk = QStringLiteral("clerk%1").arg(n % 3);
    e.window = QStringLiteral("W03");
    e.action = QStringLiteral("case.create");
    e.object = QStringLiteral("case:TB-%1").arg(n);
    e.result = n % 5 == 0 ? QStringLiteral("denied") : QStringLiteral("ok");
    if (n % 2 == 0)
        e.detail = QStringLiteral("page %1 saved").arg(n);
    return e;
}

// Edits the file the way someone with access to it could: a second, plain
// connection that knows nothing of the audit log.
bool tamper(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("tamperer");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &statement : statements) {
            if (ok && !query.exec(statement)) {
                qWarning().noquote() << statement << query.lastError().text();
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// UPDATE statement that writes \a content (all columns but id) into row \a id.
QString overwriteStatement(qint64 id, const AuditRecord &content)
{
    auto quoted = [](const QString &text) -> QString {
        return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("''"))
            + QLatin1Char('\'');
    };
    return QStringLiteral("UPDATE audit_log SET at = %1, clerk = %2, \"window\" = %3, action = %4, "
                          "object = %5, result = %6, detail = %7, prev_hash = %8, hash = %9 "
                          "WHERE id = %10")
        .arg(quoted(Internal::formatAuditTime(content.at)), quoted(content.clerk),
            quoted(content.window), quoted(content.action), quoted(content.object),
            quoted(content.result), quoted(content.detail), quoted(content.prevHash),
            quoted(content.hash))
        .arg(id);
}

QList<std::pair<qint64, Kind>> problems(const VerifyReport &report)
{
    QList<std::pair<qint64, Kind>> list;
    for (const VerifyReport::Problem &problem : report.problems)
        list.append({ problem.id, problem.kind });
    return list;
}

QString describe(const VerifyReport &report)
{
    QStringList lines;
    for (const VerifyReport::Problem &problem : report.problems) {
        lines << QStringLiteral("%1 kind %2: %3")
                     .arg(problem.id)
                     .arg(static_cast<int>(problem.kind))
                     .arg(problem.detail);
    }
    return lines.join(QStringLiteral("; "));
}

} // namespace

class tst_AuditLog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<Storage::Database> m_db;
    std::unique_ptr<AuditLog> m_log;

    QString path() const { return m_dir->filePath(QStringLiteral("workstation.sqlite")); }

    bool open()
    {
        m_log.reset();
        m_db.reset();
        auto db = Storage::Database::open(path(), { auditSchema() });
        if (!db) {
            qWarning().noquote() << db.error().toString();
            return false;
        }
        m_db = std::move(*db);
        m_log = std::make_unique<AuditLog>(*m_db, *m_clock);
        return true;
    }

    void close()
    {
        m_log.reset();
        m_db.reset();
    }

    bool appendMany(int count)
    {
        for (int n = 1; n <= count; ++n) {
            m_clock->advanceSecs(1);
            const auto record = m_log->append(entry(n));
            if (!record) {
                qWarning().noquote() << record.error().toString();
                return false;
            }
        }
        return true;
    }

    VerifyReport verifyReport()
    {
        const auto report = m_log->verify();
        if (!report) {
            qWarning().noquote() << report.error().toString();
            return {};
        }
        return *report;
    }

    qint64 rowCount()
    {
        QSqlQuery query(m_db->connection());
        if (query.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log")) && query.next())
            return query.value(0).toLongLong();
        return -1;
    }

    AuditRecord record(qint64 id)
    {
        for (const AuditRecord &r : m_log->recent(10000)) {
            if (r.id == id)
                return r;
        }
        return {};
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_clock = std::make_unique<Core::ManualClock>(kStart);
        QVERIFY(open());
    }

    void cleanup()
    {
        close();
        m_clock.reset();
        m_dir.reset();
    }

    void emptyTrailVerifies()
    {
        // GIVEN a new workstation database
        // WHEN the audit trail is verified
        const VerifyReport report = verifyReport();
        // THEN it is intact and empty
        QVERIFY2(report.ok, qPrintable(describe(report)));
        QCOMPARE(report.recordsChecked, 0);
    }

    void appendsAndVerifiesThousandRecords()
    {
        // GIVEN 1000 acts recorded one after another
        QVERIFY(appendMany(1000));
        // WHEN the trail is verified
        const VerifyReport report = verifyReport();
        // THEN all 1000 records check out
        QVERIFY2(report.ok, qPrintable(describe(report)));
        QCOMPARE(report.recordsChecked, 1000);
        QVERIFY(report.problems.isEmpty());

        // AND each record links to its predecessor, the first to 64 zeros
        QList<AuditRecord> records = m_log->recent(1000);
        std::reverse(records.begin(), records.end());
        QCOMPARE(records.size(), 1000);
        const QRegularExpression sha256(QStringLiteral("^[0-9a-f]{64}$"));
        QString previous(64, QLatin1Char('0'));
        for (int i = 0; i < records.size(); ++i) {
            QCOMPARE(records.at(i).id, i + 1);
            QCOMPARE(records.at(i).prevHash, previous);
            QVERIFY(sha256.match(records.at(i).hash).hasMatch());
            previous = records.at(i).hash;
        }
    }

    void storesUtcTimeWithMilliseconds()
    {
        // GIVEN the window's clock at 16:30:00.123 China time
        m_clock->set(QDateTime(QDate(2024, 3, 1), QTime(16, 30, 0, 123),
            QTimeZone(QByteArrayLiteral("Asia/Shanghai"))));
        // WHEN an act is recorded
        const auto record = m_log->append(entry(1));
        QVERIFY(record.ok());
        // THEN it is stored in UTC with milliseconds and returned as stored
        QSqlQuery query(m_db->connection());
        QVERIFY(
            query.exec(QStringLiteral("SELECT at FROM audit_log WHERE id = 1")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("2024-03-01T08:30:00.123Z"));
        QCOMPARE(record->at, m_clock->now());
        QCOMPARE(record->clerk, entry(1).clerk);
        QCOMPARE(record->object, entry(1).object);
    }

    void masksPersonalDataInDetail()
    {
        // GIVEN an act whose detail names the applicant by identity and mobile number
        AuditEntry e = entry(1);
        e.detail = QStringLiteral("applicant 11010519491231002X, mobile 13812345678");
        // WHEN it is recorded
        const auto record = m_log->append(e);
        QVERIFY(record.ok());
        // THEN neither the returned record nor the database holds the numbers in clear
        const QString masked = QStringLiteral("applicant 110105********002X, mobile 138****5678");
        QCOMPARE(record->detail, masked);
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT detail FROM audit_log")) && query.next());
        QCOMPARE(query.value(0).toString(), masked);
        // AND the record verifies (the hash covers the masked text)
        QVERIFY(verifyReport().ok);
    }

    void refusesEntryWithoutAction()
    {
        // GIVEN an entry that does not say what was done
        AuditEntry e = entry(1);
        e.action.clear();
        // WHEN it is appended
        const auto record = m_log->append(e);
        // THEN it is refused and nothing is written
        QVERIFY(!record.ok());
        QCOMPARE(record.error().code, int(InvalidAuditEntry));
        QVERIFY(!record.error().message.isEmpty());
        QCOMPARE(rowCount(), 0);
    }

    void failedAppendLeavesNoHalfRecord()
    {
        // GIVEN a trail with 3 records, and a database that fails the second
        // write of the next append
        QVERIFY(appendMany(3));
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(QStringLiteral("CREATE TRIGGER test_fail BEFORE UPDATE ON audit_anchor "
                                          "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END")));
        // WHEN an act is recorded
        const auto failed = m_log->append(entry(4));
        // THEN the append fails and the record row was rolled back with it
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, int(AuditWriteFailed));
        QCOMPARE(rowCount(), 3);
        // AND once the database works again the chain continues intact
        QVERIFY(query.exec(QStringLiteral("DROP TRIGGER test_fail")));
        const auto next = m_log->append(entry(4));
        QVERIFY(next.ok());
        QCOMPARE(next->id, 4);
        QVERIFY(verifyReport().ok);
    }

    void recentReturnsNewestFirst()
    {
        // GIVEN 5 records
        QVERIFY(appendMany(5));
        // WHEN the 3 most recent are asked for
        const QList<AuditRecord> records = m_log->recent(3);
        // THEN they come newest first
        QCOMPARE(records.size(), 3);
        QCOMPARE(records.at(0).id, 5);
        QCOMPARE(records.at(1).id, 4);
        QCOMPARE(records.at(2).id, 3);
        QCOMPARE(records.at(0).object, entry(5).object);
    }

    void continuesChainAfterReopen()
    {
        // GIVEN 3 records written before the workstation was restarted
        QVERIFY(appendMany(3));
        const QString lastHashBefore = record(3).hash;
        close();
        QVERIFY(open());
        // WHEN 2 more are written
        QVERIFY(appendMany(2));
        // THEN the new ones continue the same chain
        QCOMPARE(record(4).prevHash, lastHashBefore);
        const VerifyReport report = verifyReport();
        QVERIFY2(report.ok, qPrintable(describe(report)));
        QCOMPARE(report.recordsChecked, 5);
    }

    void triggersRefuseChangesThroughSql()
    {
        // GIVEN a trail of 3 records
        QVERIFY(appendMany(3));
        QSqlQuery query(m_db->connection());
        // WHEN ordinary SQL tries to change, delete or reset it
        // THEN the database refuses
        QVERIFY(!query.exec(QStringLiteral("UPDATE audit_log SET result = 'ok' WHERE id = 2")));
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit_log WHERE id = 3")));
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit_log")));
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit_anchor")));
        QVERIFY(!query.exec(QStringLiteral("UPDATE audit_anchor SET head_id = 2")));
        // AND the trail is unchanged
        QCOMPARE(rowCount(), 3);
        QCOMPARE(record(2).result, entry(2).result);
        QVERIFY(verifyReport().ok);
    }

    void detectsChangedField()
    {
        // GIVEN 20 records, and someone who rewrites the result of record 10
        QVERIFY(appendMany(20));
        QCOMPARE(record(10).result, QStringLiteral("denied"));
        QVERIFY(tamper(path(),
            kDropTriggers
                + QStringList {
                    QStringLiteral("UPDATE audit_log SET result = 'ok' WHERE id = 10") }));
        // WHEN the trail is verified
        const VerifyReport report = verifyReport();
        // THEN exactly that record is reported as changed
        QVERIFY(!report.ok);
        QCOMPARE(report.recordsChecked, 20);
        QCOMPARE(problems(report), (QList<std::pair<qint64, Kind>> { { 10, Kind::Changed } }));
    }

    void detectsChangedRecordWithRecomputedHash()
    {
        // GIVEN 20 records, and someone who rewrites record 7 and recomputes its hash
        QVERIFY(appendMany(20));
        AuditRecord forged = record(7);
        forged.clerk = QStringLiteral("someoneElse");
        forged.hash = Internal::recordHash(
            forged.id, Internal::formatAuditTime(forged.at), forged, forged.prevHash);
        QVERIFY(tamper(path(), kDropTriggers + QStringList { overwriteStatement(7, forged) }));
        // WHEN the trail is verified
        const VerifyReport report = verifyReport();
        // THEN record 7 is reported as changed: record 8 still links to the original
        QVERIFY(!report.ok);
        QCOMPARE(problems(report), (QList<std::pair<qint64, Kind>> { { 7, Kind::Changed } }));
    }

    void detectsRemovedRecord()
    {
        // GIVEN 20 records, and someone who deletes record 10
        QVERIFY(appendMany(20));
        QVERIFY(tamper(path(),
            kDropTriggers + QStringList { QStringLiteral("DELETE FROM audit_log WHERE id = 10") }));
        // WHEN the trail is verified
        const VerifyReport report = verifyReport();
        // THEN record 10 is reported as removed
        QVERIFY(!report.ok);
        QCOMPARE(report.recordsChecked, 19);
        QCOMPARE(problems(report), (QList<std::pair<qint64, Kind>> { { 10, Kind::Removed } }));
    }

    void detectsRemovedFirstRecord()
    {
        // GIVEN 5 records, and someone who deletes the first one
        QVERIFY(appendMany(5));
        QVERIFY(tamper(path(),
            kDropTriggers + QStringList { QStringLiteral("DELETE FROM audit_log WHERE id = 1") }));
        // WHEN the trail is verified
        // THEN record 1 is reported as removed
        QCOMPARE(
            problems(verifyReport()), (QList<std::pair<qint64, Kind>> { { 1, Kind::Removed } }));
    }

    void detectsSwappedRecords()
    {
        // GIVEN 20 records, and someone who swaps the contents of records 5 and 6
        QVERIFY(appendMany(20));
        const AuditRecord fifth = record(5);
        const AuditRecord sixth = record(6);
        QVERIFY(tamper(path(),
            kDropTriggers
                + QStringList { overwriteStatement(5, sixth), overwriteStatement(6, fifth) }));
        // WHEN the trail is verified
        const VerifyReport report = verifyReport();
        // THEN both are reported as reordered
        QVERIFY(!report.ok);
        QCOMPARE(problems(report),
            (QList<std::pair<qint64, Kind>> { { 5, Kind::Reordered }, { 6, Kind::Reordered } }));
    }

    void detectsTruncatedTail_data()
    {
        QTest::addColumn<int>("firstRemoved");
        QTest::newRow("last record") << 20;
        QTest::newRow("last three records") << 18;
        QTest::newRow("every record") << 1;
    }

    void detectsTruncatedTail()
    {
        // GIVEN 20 records, and someone who deletes the newest ones
        QFETCH(int, firstRemoved);
        QVERIFY(appendMany(20));
        QVERIFY(tamper(path(),
            kDropTriggers
                + QStringList {
                    QStringLiteral("DELETE FROM audit_log WHERE id >= %1").arg(firstRemoved) }));
        // WHEN the trail is verified
        const VerifyReport report = verifyReport();
        // THEN the cut is reported at the first missing record
        QVERIFY(!report.ok);
        QCOMPARE(report.recordsChecked, firstRemoved - 1);
        QCOMPARE(problems(report),
            (QList<std::pair<qint64, Kind>> { { firstRemoved, Kind::Truncated } }));
    }

    void truncationStaysVisibleAfterNextAppend()
    {
        // GIVEN 20 records whose last 3 were deleted
        QVERIFY(appendMany(20));
        QVERIFY(tamper(path(),
            kDropTriggers
                + QStringList { QStringLiteral("DELETE FROM audit_log WHERE id >= 18") }));
        // WHEN the workstation records its next act
        const auto next = m_log->append(entry(21));
        QVERIFY(next.ok());
        // THEN the gap is still reported, now as removed records
        QCOMPARE(next->id, 21);
        QCOMPARE(
            problems(verifyReport()), (QList<std::pair<qint64, Kind>> { { 18, Kind::Removed } }));
    }

    void detectsRecordNotWrittenByAuditLog()
    {
        // GIVEN 3 records, and someone who adds a well-formed fourth behind the log's back
        QVERIFY(appendMany(3));
        AuditRecord forged;
        static_cast<AuditEntry &>(forged) = entry(4);
        forged.id = 4;
        forged.at = m_clock->now();
        forged.prevHash = record(3).hash;
        forged.hash = Internal::recordHash(
            forged.id, Internal::formatAuditTime(forged.at), forged, forged.prevHash);
        QVERIFY(tamper(path(),
            { QStringLiteral("INSERT INTO audit_log(id, at, clerk, \"window\", "
                             "action, object, result, detail, prev_hash, hash) "
                             "VALUES (4, '', '', '', '', '', '', '', '', '')"),
                kDropTriggers.constFirst(), overwriteStatement(4, forged) }));
        // WHEN the trail is verified
        // THEN the added record is reported
        QCOMPARE(
            problems(verifyReport()), (QList<std::pair<qint64, Kind>> { { 4, Kind::Inserted } }));
    }

    void canonicalFormKeepsFieldBoundaries()
    {
        // GIVEN two entries whose fields concatenate to the same text
        AuditEntry a = entry(1);
        AuditEntry b = entry(1);
        a.object = QStringLiteral("case:1");
        a.result = QStringLiteral("2ok");
        b.object = QStringLiteral("case:12");
        b.result = QStringLiteral("ok");
        const QString at = Internal::formatAuditTime(kStart);
        const QString prev = Internal::genesisHash();
        // WHEN their hashes are computed
        // THEN they differ, so moving text between fields is detected
        QVERIFY(Internal::recordHash(1, at, a, prev) != Internal::recordHash(1, at, b, prev));
    }

    void pruneKeepsAtLeast180Days_data()
    {
        QTest::addColumn<int>("retentionDays");
        QTest::addColumn<int>("pruneOnDay");
        QTest::addColumn<QList<int>>("keptDays");

        QTest::newRow("prune(30) on day 250") << 30 << 250 << QList<int> { 100, 200 };
        QTest::newRow("prune() on day 250") << 180 << 250 << QList<int> { 100, 200 };
        QTest::newRow("prune(0) on day 250") << 0 << 250 << QList<int> { 100, 200 };
        QTest::newRow("prune() on day 350") << 180 << 350 << QList<int> { 200 };
        QTest::newRow("prune(365) on day 350") << 365 << 350 << QList<int> { 0, 100, 200 };
        QTest::newRow("prune() on day 500") << 180 << 500 << QList<int> {};
    }

    void pruneKeepsAtLeast180Days()
    {
        QFETCH(int, retentionDays);
        QFETCH(int, pruneOnDay);
        QFETCH(QList<int>, keptDays);

        // GIVEN records written on days 0, 100 and 200
        for (int day : { 0, 100, 200 }) {
            m_clock->set(kStart.addDays(day));
            AuditEntry e = entry(day);
            e.object = QStringLiteral("day %1").arg(day);
            QVERIFY(m_log->append(e).ok());
        }
        // WHEN the trail is pruned on a later day
        m_clock->set(kStart.addDays(pruneOnDay));
        const auto removed = m_log->prune(retentionDays);
        QVERIFY2(removed.ok(), qPrintable(removed.ok() ? QString() : removed.error().toString()));

        // THEN only records older than max(retentionDays, 180) days are gone
        QCOMPARE(*removed, 3 - keptDays.size());
        QStringList kept;
        for (const AuditRecord &r : m_log->recent(10))
            kept.prepend(r.object);
        QStringList expected;
        for (int day : keptDays)
            expected << QStringLiteral("day %1").arg(day);
        QCOMPARE(kept, expected);

        // AND the rest still verifies, also after the next act and a restart
        VerifyReport report = verifyReport();
        QVERIFY2(report.ok, qPrintable(describe(report)));
        QCOMPARE(report.recordsChecked, keptDays.size());
        QVERIFY(m_log->append(entry(1)).ok());
        close();
        QVERIFY(open());
        report = verifyReport();
        QVERIFY2(report.ok, qPrintable(describe(report)));
        QCOMPARE(report.recordsChecked, keptDays.size() + 1);
    }

    void pruneBoundaryIsExactly180Days()
    {
        // GIVEN one record
        QVERIFY(m_log->append(entry(1)).ok());
        // WHEN it is exactly 180 days old
        m_clock->set(kStart.addDays(180));
        // THEN pruning keeps it
        QCOMPARE(m_log->prune().valueOr(-1), 0);
        // AND one millisecond later pruning removes it
        m_clock->set(m_clock->now().addMSecs(1));
        QCOMPARE(m_log->prune().valueOr(-1), 1);
        QCOMPARE(rowCount(), 0);
        QVERIFY(verifyReport().ok);
    }

    void pruneIsRepeatable()
    {
        // GIVEN records on days 0 and 100, pruned on day 250
        QVERIFY(m_log->append(entry(1)).ok());
        m_clock->set(kStart.addDays(100));
        QVERIFY(m_log->append(entry(2)).ok());
        m_clock->set(kStart.addDays(250));
        QCOMPARE(m_log->prune().valueOr(-1), 1);
        // WHEN pruned again the same day
        // THEN nothing more goes and the trail verifies
        QCOMPARE(m_log->prune().valueOr(-1), 0);
        QCOMPARE(rowCount(), 1);
        QVERIFY(verifyReport().ok);
        // AND deleting the kept record behind the log's back is still noticed
        QVERIFY(tamper(
            path(), kDropTriggers + QStringList { QStringLiteral("DELETE FROM audit_log") }));
        QCOMPARE(
            problems(verifyReport()), (QList<std::pair<qint64, Kind>> { { 2, Kind::Truncated } }));
    }

    void pruneRefusesTamperedTrail()
    {
        // GIVEN records on days 0, 1 and 2, the first one rewritten afterwards
        for (int day : { 0, 1, 2 }) {
            m_clock->set(kStart.addDays(day));
            QVERIFY(m_log->append(entry(day + 1)).ok());
        }
        QVERIFY(tamper(path(),
            kDropTriggers
                + QStringList { QStringLiteral("UPDATE audit_log SET clerk = 'x' WHERE id = 1") }));
        // WHEN pruning is due
        m_clock->set(kStart.addDays(400));
        const auto removed = m_log->prune();
        // THEN it refuses and keeps the evidence
        QVERIFY(!removed.ok());
        QCOMPARE(removed.error().code, int(AuditTampered));
        QCOMPARE(rowCount(), 3);
    }
};

QTEST_GUILESS_MAIN(tst_AuditLog)
#include "tst_auditlog.moc"
