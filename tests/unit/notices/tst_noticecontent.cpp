// What the one-time notice and the receipt tell the applicant (issue 12): the correction
// deadline, the ways to correct, the window's address and phone, the agent, a QR code a
// phone opens, the clerk's remark as an explanation only, tolerated materials with their
// deadline, the honest "number pending" line and the reprint that adds the official number.
// Rendered to PDF and read back with pdftotext; the QR code is decoded from the page image by
// zbar (GStreamer's zbar element), an independent reader.

#include "NoticeFixture.h"

#include <core/Clock.h>
#include <notices/NoticeRenderer.h>
#include <notices/NoticeStore.h>
#include <security/AuditLog.h>
#include <storage/Database.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QrOnPage.h>

using namespace Tongban;
using namespace Tongban::Notices;
using Tongban::Notices::Testing::j2Notice;
using Tongban::Notices::Testing::pdfText;

namespace {

NoticeContent receiptWithToleratedMaterial()
{
    NoticeContent c = j2Notice();
    c.kind = NoticeKind::Receipt;
    c.deficiencies.clear();
    c.received << ReceivedMaterial { QStringLiteral("个体工商户登记（备案）申请书"), 1, 0, 2,
        QStringLiteral("纸质"), false, {}, {}, false }
               << ReceivedMaterial { QStringLiteral("经营场所使用证明"), 0, 0, 0,
                      QStringLiteral("纸质"), true,
                      QStringLiteral("本人承诺在规定期限内补交经营场所使用证明"),
                      QDate(2026, 12, 1), false };
    return c;
}

} // namespace

class tst_NoticeContent : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Core::ManualClock m_clock { QDateTime(QDate(2026, 11, 24), QTime(2, 30), Qt::UTC) };
    std::unique_ptr<Storage::Database> m_db;
    std::unique_ptr<Security::AuditLog> m_audit;
    std::unique_ptr<NoticeStore> m_store;
    const NoticeStore::Issuer m_tb02 { QStringLiteral("case-1"), QStringLiteral("410403-tb-02"),
        QStringLiteral("TB02"), QStringLiteral("wd-tb-02-zhaomin") };

    void save(const QByteArray &pdf, const QString &name)
    {
        if (!qEnvironmentVariableIsSet("TONGBAN_SCREENSHOT_DIR"))
            return;
        QFile out(qEnvironmentVariable("TONGBAN_SCREENSHOT_DIR") + QLatin1Char('/') + name);
        if (out.open(QIODevice::WriteOnly))
            out.write(pdf);
    }

private slots:
    void init()
    {
        QFile::remove(m_dir.filePath(QStringLiteral("ws.sqlite")));
        auto db = Storage::Database::open(m_dir.filePath(QStringLiteral("ws.sqlite")),
            { Security::auditSchema(), NoticeStore::schema() });
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        m_audit = std::make_unique<Security::AuditLog>(*m_db, m_clock);
        m_store = std::make_unique<NoticeStore>(*m_db, *m_audit, m_clock);
        QVERIFY(m_store
                    ->addSerialBlock(
                        { QStringLiteral("410403-tb-02"), QStringLiteral("410403-TB-02"), 1, 100 })
                    .ok());
    }

    void cleanup()
    {
        m_store.reset();
        m_audit.reset();
        m_db.reset();
    }

    void oneTimeNoticeSaysByWhenHowAndWhereToCorrect()
    {
        // GIVEN a notice for an applicant represented by an agent, with the correction
        // deadline and the window's address and phone
        NoticeContent content = j2Notice();
        content.agentName = QStringLiteral("李四");
        content.correctionDue = QDate(2026, 12, 8);
        content.windowAddress = QStringLiteral("平顶山市卫东区政务服务中心一楼");
        content.windowPhone = QStringLiteral("0375-1234567");
        // WHEN it is issued
        const auto issued = m_store->issue(content, m_tb02);
        QVERIFY(issued.ok());
        const QByteArray pdf = *m_store->pdf(issued->id);
        save(pdf, QStringLiteral("one-time-notice-full.pdf"));
        const QString text = pdfText(pdf);
        // THEN the applicant reads the deadline, the three ways, the window and the agent
        for (const QString &expected :
            { QStringLiteral("补正期限"), QStringLiteral("请于2026年12月8日前（含当日）补齐补正"),
                QStringLiteral("到全市任一综合实体政务服务大厅通办窗口提交"),
                QStringLiteral("登录全市统一受理平台网上提交"), QStringLiteral("邮寄至本窗口"),
                QStringLiteral("平顶山市卫东区政务服务中心一楼"),
                QStringLiteral("联系电话：0375-1234567"), QStringLiteral("代办人：李四") }) {
            QVERIFY2(text.contains(expected),
                qPrintable(expected + QStringLiteral(" missing from:\n") + text));
        }
        QVERIFY(!text.contains(QStringLiteral("暂定")));

        // AND a deadline computed without the year's holidays says it is provisional
        content.correctionDueProvisional = true;
        const QString provisional = pdfText(*NoticeRenderer::renderPdf(content));
        QVERIFY2(provisional.contains(QStringLiteral("2026年12月8日前（含当日）补齐补正。（暂定")),
            qPrintable(provisional));
    }

    void remarkOnlyExplainsTheCatalogueReason()
    {
        // GIVEN a failed review point with the clerk's remark, and a remark without a reason
        NoticeContent content = j2Notice();
        content.serial = QStringLiteral("410403-TB-02-GZ-2026-000009");
        content.issuedAt = m_clock.now();
        content.deficiencies << Deficiency { Deficiency::Kind::NotInLegalForm,
            QStringLiteral("身份证明"), QString(), QStringLiteral("提交身份证复印件"),
            QStringLiteral("另需带户口本原件") };
        // WHEN the notice is rendered
        const QString text = pdfText(*NoticeRenderer::renderPdf(content));
        // THEN the remark stands under its reason, in the same cell, as an explanation
        QVERIFY2(text.contains(QStringLiteral("说明：签字栏空白")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("备注")));
        const QString html = NoticeRenderer::html(content);
        const qsizetype reason = html.indexOf(QStringLiteral("申请书未签字"));
        const qsizetype remark = html.indexOf(QStringLiteral("说明：签字栏空白"));
        QVERIFY(reason > 0 && remark > reason);
        QVERIFY2(!html.mid(reason, remark - reason).contains(QStringLiteral("<td")),
            qPrintable(html.mid(reason, remark - reason)));
        // AND a remark without a catalogue reason never prints as a demand
        QVERIFY(text.contains(QStringLiteral("提交身份证复印件")));
        QVERIFY2(!text.contains(QStringLiteral("户口本")), qPrintable(text));
    }

    void qrCodeOpensThePlatformPageOfTheNotice()
    {
        // GIVEN the platform's lookup address
        NoticeContent content = j2Notice();
        content.lookupBaseUrl = QStringLiteral("https://tongban.pds.gov.cn/n/");
        // WHEN the notice is issued
        const auto issued = m_store->issue(content, m_tb02);
        QVERIFY(issued.ok());
        // THEN its QR code, as a phone's camera reads it off the page, is the platform URL
        // with the serial, not an internal id
        const QString expected
            = QStringLiteral("https://tongban.pds.gov.cn/n/410403-TB-02-GZ-2026-000001");
        QCOMPARE(m_store->content(issued->id)->qrText, expected);
        QCOMPARE(
            Tongban::Testing::qrCodesOnFirstPage(*m_store->pdf(issued->id)).value(0), expected);
    }

    void receiptSaysTheNumberIsPendingAndNamesToleratedMaterials()
    {
        // GIVEN a receipt issued before the platform numbered the case, with a tolerated
        // material and its deadline
        const auto issued = m_store->issue(receiptWithToleratedMaterial(), m_tb02);
        QVERIFY(issued.ok());
        const QByteArray pdf = *m_store->pdf(issued->id);
        save(pdf, QStringLiteral("receipt-tolerated.pdf"));
        const QString text = pdfText(pdf);
        // THEN it says honestly that the official number is pending and how to look it up
        QVERIFY2(
            text.contains(QStringLiteral("统一受理平台办件编号：待平台确认，可凭本回执二维码查询")),
            qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("待统一受理平台返回")));
        // AND it names the tolerated material, the commitment and the deadline
        QVERIFY(text.contains(QStringLiteral(
            "容缺受理材料“经营场所使用证明”：申请人已承诺“本人承诺在规定期限内补交经营场所使用证明”"
            "，须于2026年12月1日前补交。")));
        QVERIFY(text.contains(QStringLiteral("须于2026年12月1日前补交")));
        // AND it does not call the materials complete (齐全): one is still owed
        QVERIFY(!text.contains(QStringLiteral("申请材料齐全")));
        QVERIFY(text.contains(QStringLiteral("容缺受理：窗口已收到")));
    }

    void reprintAddingTheOfficialNumberSaysSo()
    {
        // GIVEN a receipt issued without the official number
        const auto issued = m_store->issue(receiptWithToleratedMaterial(), m_tb02);
        QVERIFY(issued.ok());
        m_clock.advanceDays(1);
        // WHEN it is reprinted once the platform numbered the case
        const auto copy = m_store->makeReprint(issued->id, QStringLiteral("wd-tb-02-zhaomin"),
            QStringLiteral("410403-20261125-000042"));
        QVERIFY(copy.ok());
        save(copy->pdf, QStringLiteral("receipt-reprint-number.pdf"));
        const QString text = pdfText(copy->pdf);
        // THEN the copy carries the number and says it was added, never "unchanged"
        QVERIFY2(text.contains(QStringLiteral("统一受理平台办件编号：410403-20261125-000042")),
            qPrintable(text));
        QVERIFY(text.contains(
            QStringLiteral("补打件增加了统一受理平台办件编号410403-20261125-000042")));
        QVERIFY(!text.contains(QStringLiteral("内容未作任何改动")));
        // AND the stored original is untouched
        QVERIFY(pdfText(*m_store->pdf(issued->id)).contains(QStringLiteral("待平台确认")));
        // AND a reprint that adds nothing still says it is unchanged
        const auto plain = m_store->makeReprint(issued->id, QStringLiteral("wd-tb-02-zhaomin"));
        QVERIFY(pdfText(plain->pdf).contains(QStringLiteral("内容未作任何改动")));
    }
};

QTEST_MAIN(tst_NoticeContent)
#include "tst_noticecontent.moc"
