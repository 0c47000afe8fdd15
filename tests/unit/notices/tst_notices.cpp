#include "NoticeFixture.h"

#include <core/Clock.h>
#include <notices/NoticeRenderer.h>
#include <notices/NoticeStore.h>
#include <notices/QrCode.h>
#include <security/AuditLog.h>
#include <storage/Database.h>

#include <QCryptographicHash>
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
                                {}, false };
        const QString text = pdfText(*NoticeRenderer::renderPdf(content));
        QVERIFY2(text.contains(QStringLiteral("收件回执")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("个体工商户登记（备案）申请书")));
        QVERIFY(text.contains(QStringLiteral("容缺受理：承诺5个工作日内补交")));
        QVERIFY(!text.contains(QStringLiteral("一次性告知书")));
    }

    void issuedNoticesAreNumberedPerWindowAndNeverChange()
    {
        NoticeStore store(*m_db, *m_audit, m_clock);
        const NoticeStore::Issuer tb02 { QStringLiteral("case-1"), QStringLiteral("410403-tb-02"),
            QStringLiteral("TB02"), QStringLiteral("wd-tb-02-wangli") };
        const auto first = store.issue(j2Notice(), tb02);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
        QCOMPARE(first->serial, QStringLiteral("TB02-GZ-2026-000001"));
        const auto second = store.issue(j2Notice(), tb02);
        QCOMPARE(second->serial, QStringLiteral("TB02-GZ-2026-000002"));
        NoticeContent receipt = j2Notice();
        receipt.kind = NoticeKind::Receipt;
        QCOMPARE(store.issue(receipt, tb02)->serial, QStringLiteral("TB02-HZ-2026-000001"));
        const NoticeStore::Issuer other { QStringLiteral("case-2"), QStringLiteral("410402-tb-03"),
            QStringLiteral("TB03"), QStringLiteral("xh-tb-03-li") };
        QCOMPARE(store.issue(j2Notice(), other)->serial, QStringLiteral("TB03-GZ-2026-000001"));

        // The PDF is kept byte for byte, with its hash, and its text carries the serial.
        const auto pdf = store.pdf(first->id);
        QVERIFY(pdf.ok());
        QCOMPARE(
            QString::fromLatin1(QCryptographicHash::hash(*pdf, QCryptographicHash::Sha256).toHex()),
            first->sha256);
        QVERIFY(pdfText(*pdf).contains(QStringLiteral("TB02-GZ-2026-000001")));
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

    void reprintIsStoredAndCountedOnlyOncePrinted()
    {
        // GIVEN an issued notice
        NoticeStore store(*m_db, *m_audit, m_clock);
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
        QVERIFY(text.contains(QStringLiteral("TB02-GZ-2026-000001")));
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
