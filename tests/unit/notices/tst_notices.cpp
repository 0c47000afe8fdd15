#include "NoticeFixture.h"

#include <core/Clock.h>
#include <notices/NoticeRenderer.h>
#include <notices/NoticeStore.h>
#include <notices/QrCode.h>
#include <security/AuditLog.h>
#include <storage/Database.h>

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Tongban;
using namespace Tongban::Notices;
using Tongban::Notices::Testing::j2Notice;
using Tongban::Notices::Testing::pdfText;

class tst_Notices : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Core::ManualClock m_clock { QDateTime(QDate(2026, 11, 24), QTime(2, 30), Qt::UTC) };
    std::unique_ptr<Storage::Database> m_db;
    std::unique_ptr<Security::AuditLog> m_audit;

private slots:
    void init()
    {
        QFile::remove(m_dir.filePath(QStringLiteral("ws.sqlite")));
        auto db = Storage::Database::open(m_dir.filePath(QStringLiteral("ws.sqlite")),
            { Security::auditSchema(), NoticeStore::schema() });
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        m_audit = std::make_unique<Security::AuditLog>(*m_db, m_clock);
    }

    /// The block the platform reserved for 卫东区 window 2 (numbers 1 to 100).
    static SerialBlock tb02Block(qint64 first = 1, qint64 last = 100)
    {
        return SerialBlock { QStringLiteral("410403-tb-02"), QStringLiteral("410403-TB-02"), first,
            last };
    }

    void cleanup()
    {
        m_audit.reset();
        m_db.reset();
    }

    void qrCodeIsDrawn()
    {
        const QImage image = qrCode(QByteArrayLiteral("tongban:case:410403-TB02-20261124-0007"), 4);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), image.height());
        // Version 3 or so with the quiet zone: dark and light modules both present.
        int dark = 0;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
        QVERIFY(dark > 100);
        QCOMPARE(qGray(image.pixel(0, 0)), 255); // quiet zone
        QVERIFY(qrCode(QByteArray(), 4).isNull());
    }

    void oneTimeNoticeListsEveryDeficiencyInChinese()
    {
        // GIVEN J2's two deficiencies WHEN the notice is rendered to PDF
        NoticeContent content = j2Notice();
        content.serial = QStringLiteral("TB02-GZ-2026-000001");
        content.issuedAt = m_clock.now();
        const auto pdf = NoticeRenderer::renderPdf(content);
        QVERIFY(pdf.ok());
        QVERIFY(pdf->startsWith("%PDF"));
        // THEN its text (as a search finds it) holds everything the applicant needs
        const QString text = pdfText(*pdf);
        for (const QString &expected : { QStringLiteral("一次性告知书"),
                 QStringLiteral("TB02-GZ-2026-000001"), QStringLiteral("张三"),
                 QStringLiteral("个体工商户设立登记"), QStringLiteral("未提交租赁合同"),
                 QStringLiteral("提交经营场所的租赁合同或房屋产权证明"),
                 QStringLiteral("申请书未签字"), QStringLiteral("由经营者本人在签字处亲笔签名"),
                 QStringLiteral("签字栏空白"), QStringLiteral("卫东区政务服务中心2号通办窗口"),
                 QStringLiteral("王丽"), QStringLiteral("2026年11月24日"),
                 QStringLiteral("410403-TB02-20261124-0007"), QStringLiteral("行政许可法"),
                 QStringLiteral("签收") }) {
            QVERIFY2(text.contains(expected),
                qPrintable(expected + QStringLiteral(" missing from:\n") + text));
        }
        QVERIFY(!text.contains(QStringLiteral("补打")));
        if (qEnvironmentVariableIsSet("TONGBAN_SCREENSHOT_DIR")) {
            QFile out(qEnvironmentVariable("TONGBAN_SCREENSHOT_DIR")
                + QStringLiteral("/one-time-notice.pdf"));
            if (out.open(QIODevice::WriteOnly))
                out.write(*pdf);
        }
    }

    void receiptListsWhatWasReceived()
    {
        NoticeContent content = j2Notice();
        content.kind = NoticeKind::Receipt;
        content.deficiencies.clear();
        content.serial = QStringLiteral("TB02-HZ-2026-000001");
        content.issuedAt = m_clock.now();
        content.received << ReceivedMaterial { QStringLiteral("个体工商户登记（备案）申请书"), 1, 0,
            2, QStringLiteral("纸质"), false, {}, {}, false }
                         << ReceivedMaterial { QStringLiteral("经营场所使用证明"), 0, 0, 0,
                                QStringLiteral("纸质"), true, QStringLiteral("承诺5个工作日内补交"),
                                QDate(2026, 12, 1), false };
        const QString text = pdfText(*NoticeRenderer::renderPdf(content));
        QVERIFY2(text.contains(QStringLiteral("收件回执")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("个体工商户登记（备案）申请书")));
        QVERIFY(text.contains(QStringLiteral("容缺受理：承诺5个工作日内补交")));
        QVERIFY(!text.contains(QStringLiteral("一次性告知书")));
    }

    void issuedNoticesAreNumberedFromThePlatformsBlocksAndNeverChange()
    {
        // GIVEN the blocks the platform reserved for two windows
        NoticeStore store(*m_db, *m_audit, m_clock);
        QVERIFY(store.addSerialBlock(tb02Block(201, 202)).ok());
        QVERIFY(store.addSerialBlock(tb02Block(501, 600)).ok());
        QVERIFY(store
                    .addSerialBlock(
                        { QStringLiteral("410402-tb-03"), QStringLiteral("410402-TB-03"), 1, 10 })
                    .ok());
        QCOMPARE(store.serialsLeft(QStringLiteral("410403-tb-02")), 102);
        const NoticeStore::Issuer tb02 { QStringLiteral("case-1"), QStringLiteral("410403-tb-02"),
            QStringLiteral("TB02"), QStringLiteral("wd-tb-02-wangli") };
        // WHEN notices and a receipt are issued
        const auto first = store.issue(j2Notice(), tb02);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
        // THEN they take the window's numbers in order, whatever their kind, block after block
        QCOMPARE(first->serial, QStringLiteral("410403-TB-02-GZ-2026-000201"));
        NoticeContent receipt = j2Notice();
        receipt.kind = NoticeKind::Receipt;
        QCOMPARE(store.issue(receipt, tb02)->serial, QStringLiteral("410403-TB-02-HZ-2026-000202"));
        QCOMPARE(
            store.issue(j2Notice(), tb02)->serial, QStringLiteral("410403-TB-02-GZ-2026-000501"));
        QCOMPARE(store.serialsLeft(QStringLiteral("410403-tb-02")), 99);
        const NoticeStore::Issuer other { QStringLiteral("case-2"), QStringLiteral("410402-tb-03"),
            QStringLiteral("TB03"), QStringLiteral("xh-tb-03-li") };
        QCOMPARE(
            store.issue(j2Notice(), other)->serial, QStringLiteral("410402-TB-03-GZ-2026-000001"));

        // The PDF is kept byte for byte, with its hash, and its text carries the serial.
        const auto pdf = store.pdf(first->id);
        QVERIFY(pdf.ok());
        QCOMPARE(
            QString::fromLatin1(QCryptographicHash::hash(*pdf, QCryptographicHash::Sha256).toHex()),
            first->sha256);
        QVERIFY(pdfText(*pdf).contains(QStringLiteral("410403-TB-02-GZ-2026-000201")));
        QCOMPARE(store.noticesOfCase(QStringLiteral("case-1")).size(), 3);

        // An issued notice cannot be changed or deleted.
        QSqlQuery q(m_db->connection());
        QVERIFY(!q.exec(
            QStringLiteral("UPDATE notices SET content = '{}' WHERE id = %1").arg(first->id)));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM notices WHERE id = %1").arg(first->id)));

        // Every issue is in the audit trail.
        int issues = 0;
        for (const auto &record : m_audit->recent(50))
            issues += record.action == QLatin1String("notice.issue") ? 1 : 0;
        QCOMPARE(issues, 4);
    }

    void blocksAreKeptOnceAndNeverOverlap()
    {
        NoticeStore store(*m_db, *m_audit, m_clock);
        QVERIFY(store.addSerialBlock(tb02Block(1, 100)).ok());
        // GIVEN the same block again (a repeated answer) THEN nothing changes
        QVERIFY(store.addSerialBlock(tb02Block(1, 100)).ok());
        QCOMPARE(store.serialsLeft(QStringLiteral("410403-tb-02")), 100);
        // GIVEN a block overlapping one held THEN it is refused and not kept
        const Core::Status overlap = store.addSerialBlock(tb02Block(90, 120));
        QVERIFY(!overlap.ok());
        QCOMPARE(overlap.error().code, int(StoreFailed));
        QVERIFY(!store.addSerialBlock(tb02Block(0, 5)).ok());
        QVERIFY(!store.addSerialBlock(tb02Block(9, 3)).ok());
        QCOMPARE(store.serialsLeft(QStringLiteral("410403-tb-02")), 100);
    }

    void withoutANumberLeftNothingIsIssued()
    {
        // GIVEN a window whose last block has one number left, offline
        NoticeStore store(*m_db, *m_audit, m_clock);
        int issuedCalls = 0;
        store.setIssuedCallback([&issuedCalls] { ++issuedCalls; });
        QVERIFY(store.addSerialBlock(tb02Block(7, 7)).ok());
        const NoticeStore::Issuer tb02 { QStringLiteral("case-1"), QStringLiteral("410403-tb-02"),
            QStringLiteral("TB02"), QStringLiteral("wd-tb-02-wangli") };
        // WHEN a receipt and its mailing slip are about to be issued THEN the check refuses
        // before the first of them
        QCOMPARE(store.checkSerialsLeft(QStringLiteral("410403-tb-02"), 2).error().code,
            int(SerialsExhausted));
        QVERIFY(store.checkSerialsLeft(QStringLiteral("410403-tb-02"), 1).ok());
        QCOMPARE(
            store.issue(j2Notice(), tb02)->serial, QStringLiteral("410403-TB-02-GZ-2026-000007"));
        QCOMPARE(issuedCalls, 1);
        // WHEN the next notice is issued THEN it is refused, saying to connect to the platform,
        // and nothing is stored or recorded
        const auto refused = store.issue(j2Notice(), tb02);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, int(SerialsExhausted));
        QVERIFY2(refused.error().message.contains(QStringLiteral("platform")),
            qPrintable(refused.error().message));
        QCOMPARE(store.noticesOfCase(QStringLiteral("case-1")).size(), 1);
        QCOMPARE(issuedCalls, 1);
        QCOMPARE(m_audit->recent(1).first().action, QStringLiteral("notice.issue"));
        // AND a window without any block is refused the same way
        const auto none = store.issue(j2Notice(),
            { QStringLiteral("case-2"), QStringLiteral("410402-tb-03"), QStringLiteral("TB03"),
                QStringLiteral("xh-tb-03-li") });
        QCOMPARE(none.error().code, int(SerialsExhausted));
    }

    void noticesNumberedBeforeTheBlocksStayReadable()
    {
        // GIVEN a database at notices version 1 with a locally numbered notice, reprinted once
        const QString path = m_dir.filePath(QStringLiteral("old.sqlite"));
        QFile::remove(path);
        NoticeContent legacy = j2Notice();
        legacy.serial = QStringLiteral("TB02-GZ-2026-000001");
        legacy.issuedAt = m_clock.now();
        const QByteArray legacyPdf = *NoticeRenderer::renderPdf(legacy);
        {
            Storage::MigrationSet v1 = NoticeStore::schema();
            v1.migrations = { v1.migrations.first() };
            auto db = Storage::Database::open(path, { Security::auditSchema(), v1 });
            QVERIFY(db.ok());
            QSqlQuery q((*db)->connection());
            q.prepare(QStringLiteral(
                "INSERT INTO notices(serial, kind, window_id, year, sequence, case_id, clerk,"
                " issued_at, content, pdf, sha256) VALUES(?,?,?,?,?,?,?,?,?,?,?)"));
            for (const QVariant &v : QVariantList { legacy.serial, int(legacy.kind),
                     QStringLiteral("410403-tb-02"), 2026, 1, QStringLiteral("case-old"),
                     QStringLiteral("wd-tb-02-wangli"), legacy.issuedAt.toString(Qt::ISODateWithMs),
                     QString::fromUtf8(NoticeStore::toJson(legacy)), legacyPdf,
                     QString::fromLatin1(
                         QCryptographicHash::hash(legacyPdf, QCryptographicHash::Sha256).toHex()) })
                q.addBindValue(v);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO notice_reprints(notice_id, clerk, at)"
                                          " VALUES(1, 'x', '2026-11-25T01:00:00.000Z')")));
        }
        // WHEN it is opened with the current schema
        auto db = Storage::Database::open(path, { Security::auditSchema(), NoticeStore::schema() });
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
        Security::AuditLog audit(**db, m_clock);
        NoticeStore store(**db, audit, m_clock);
        // THEN the old notice reads, checks and reprints as before
        const auto notices = store.noticesOfCase(QStringLiteral("case-old"));
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices.first().serial, legacy.serial);
        QCOMPARE(notices.first().reprints, 1);
        QCOMPARE(*store.pdf(notices.first().id), legacyPdf);
        QCOMPARE(store.content(notices.first().id)->deficiencies.size(), 2);
        QVERIFY(pdfText(store.makeReprint(notices.first().id, QStringLiteral("y"))->pdf)
                    .contains(legacy.serial));
        // AND a platform number equal to its local one is issued beside it
        QVERIFY(store.addSerialBlock(tb02Block(1, 10)).ok());
        const auto issued = store.issue(j2Notice(),
            { QStringLiteral("case-new"), QStringLiteral("410403-tb-02"), QStringLiteral("TB02"),
                QStringLiteral("wd-tb-02-wangli") });
        QVERIFY2(issued.ok(), qPrintable(issued.ok() ? QString() : issued.error().toString()));
        QCOMPARE(issued->serial, QStringLiteral("410403-TB-02-GZ-2026-000001"));
        // AND the reprint's reference still holds
        QSqlQuery q((*db)->connection());
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO notice_reprints(notice_id, clerk, at)"
                                       " VALUES(999, 'x', 'now')")));
    }

    void reprintIsStoredAndCountedOnlyOncePrinted()
    {
        // GIVEN an issued notice
        NoticeStore store(*m_db, *m_audit, m_clock);
        QVERIFY(store.addSerialBlock(tb02Block()).ok());
        const auto issued = store.issue(j2Notice(),
            { QStringLiteral("case-1"), QStringLiteral("410403-tb-02"), QStringLiteral("TB02"),
                QStringLiteral("wd-tb-02-wangli") });
        QVERIFY(issued.ok());
        const QByteArray original = *store.pdf(issued->id);
        m_clock.advanceDays(2);

        // WHEN another clerk asks for a 补打 copy
        const auto copy = store.makeReprint(issued->id, QStringLiteral("wd-tb-02-zhao"));
        QVERIFY2(copy.ok(), qPrintable(copy ? QString() : copy.error().toString()));
        // THEN the copy is marked, dated, and holds the notice
        const QString text = pdfText(copy->pdf);
        QVERIFY2(text.contains(QStringLiteral("补打")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("2026年11月26日"))); // when reprinted
        QVERIFY(text.contains(QStringLiteral("410403-TB-02-GZ-2026-000001")));
        QVERIFY(text.contains(QStringLiteral("申请书未签字")));
        // AND its bytes are stored with their hash, linked to the notice, which is unchanged
        const auto stored = store.reprintCopy(copy->id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->pdf, copy->pdf);
        QCOMPARE(stored->sha256,
            QString::fromLatin1(
                QCryptographicHash::hash(copy->pdf, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(stored->noticeId, issued->id);
        QCOMPARE(store.reprintCopies(issued->id).size(), 1);
        QCOMPARE(*store.pdf(issued->id), original);
        // AND it is not counted as reprinted: nothing was printed yet
        QCOMPARE(store.notice(issued->id)->reprints, 0);
        QCOMPARE(m_audit->recent(1).first().action, QStringLiteral("notice.reprint.copy"));

        // WHEN the printer did not take it
        QVERIFY(store
                    .recordNotPrinted(issued->id, copy->id, QStringLiteral("wd-tb-02-zhao"),
                        QStringLiteral("TongbanPDF"), QStringLiteral("printer stopped"))
                    .ok());
        // THEN it is still not counted, and the trail says it failed
        QCOMPARE(store.notice(issued->id)->reprints, 0);
        QVERIFY(!store.reprintCopies(issued->id).first().printed);
        auto recent = m_audit->recent(1);
        QCOMPARE(recent.first().action, QStringLiteral("notice.reprint"));
        QCOMPARE(recent.first().result, QStringLiteral("failed"));

        // WHEN a printer accepted it
        QVERIFY(store
                    .recordPrinted(issued->id, copy->id, QStringLiteral("wd-tb-02-zhao"),
                        QStringLiteral("TongbanPDF"), 17)
                    .ok());
        // THEN it counts once, under the clerk who reprinted it
        QCOMPARE(store.notice(issued->id)->reprints, 1);
        QVERIFY(store.reprintCopies(issued->id).first().printed);
        recent = m_audit->recent(1);
        QCOMPARE(recent.first().action, QStringLiteral("notice.reprint"));
        QCOMPARE(recent.first().result, QStringLiteral("ok"));
        QCOMPARE(recent.first().clerk, QStringLiteral("wd-tb-02-zhao"));
        QVERIFY(recent.first().detail.contains(QStringLiteral("job:17")));
        // AND a stored copy never changes
        QSqlQuery q(m_db->connection());
        QVERIFY(!q.exec(QStringLiteral("UPDATE notice_copies SET pdf = X'00'")));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM notice_copies")));
    }

    void reprintCanCarryTheOfficialNumber()
    {
        // GIVEN a receipt issued before the platform numbered the case
        NoticeStore store(*m_db, *m_audit, m_clock);
        QVERIFY(store.addSerialBlock(tb02Block()).ok());
        NoticeContent receipt = j2Notice();
        receipt.kind = NoticeKind::Receipt;
        receipt.deficiencies.clear();
        const auto issued = store.issue(receipt,
            { QStringLiteral("case-1"), QStringLiteral("410403-tb-02"), QStringLiteral("TB02"),
                QStringLiteral("wd-tb-02-wangli") });
        QVERIFY(issued.ok());
        // WHEN it is reprinted once the number is known
        const auto copy = store.makeReprint(
            issued->id, QStringLiteral("wd-tb-02-wangli"), QStringLiteral("SL-410402-2026-000123"));
        QVERIFY(copy.ok());
        // THEN the copy carries it and the issued receipt does not
        QVERIFY(pdfText(copy->pdf).contains(QStringLiteral("SL-410402-2026-000123")));
        QVERIFY(!pdfText(*store.pdf(issued->id)).contains(QStringLiteral("SL-410402-2026-000123")));
    }

    void damagedStoredNoticeIsNotReprinted()
    {
        NoticeStore store(*m_db, *m_audit, m_clock);
        QVERIFY(store.addSerialBlock(tb02Block()).ok());
        const auto issued = store.issue(j2Notice(),
            { QStringLiteral("case-1"), QStringLiteral("410403-tb-02"), QStringLiteral("TB02"),
                QStringLiteral("wd-tb-02-wangli") });
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER notices_immutable")));
        QVERIFY(
            q.exec(QStringLiteral("UPDATE notices SET pdf = X'00' WHERE id = %1").arg(issued->id)));
        QVERIFY(!store.pdf(issued->id).ok());
        QVERIFY(!store.makeReprint(issued->id, QStringLiteral("x")).ok());
        QVERIFY(store.reprintCopies(issued->id).isEmpty());
    }
};

QTEST_MAIN(tst_Notices)
#include "tst_notices.moc"
