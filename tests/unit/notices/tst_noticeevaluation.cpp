// Issue 17: the receipt states how the applicant receives the result, and the receipt and the
// one-time notice carry the 好差评 evaluation QR code and link with the case number (004).
// Rendered to PDF and read back with pdftotext; every QR code on the page is decoded by zbar.

#include "NoticeFixture.h"

#include <notices/NoticeRenderer.h>
#include <notices/NoticeStore.h>

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QrOnPage.h>

using namespace Tongban;
using namespace Tongban::Notices;
using Tongban::Notices::Testing::j2Notice;
using Tongban::Notices::Testing::pdfText;

namespace {

const QString Evaluation
    = QStringLiteral("https://hcp.example.gov.cn/evaluate?caseNumber=410402-20261124-000123");

/// Every QR code zbar reads on the first page of \a pdf.
QStringList decodeAll(const QByteArray &pdf)
{
    return Tongban::Testing::qrCodesOnFirstPage(pdf);
}

/// The number of pages of \a pdf, as pdfinfo counts them.
int pageCount(const QByteArray &pdf)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("n.pdf")));
    if (!file.open(QIODevice::WriteOnly))
        return -1;
    file.write(pdf);
    file.close();
    QProcess p;
    p.start(QStringLiteral("pdfinfo"), { file.fileName() });
    p.waitForFinished(30000);
    const QString info = QString::fromUtf8(p.readAllStandardOutput());
    const QRegularExpressionMatch m
        = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

NoticeContent receipt()
{
    NoticeContent c = j2Notice();
    c.kind = NoticeKind::Receipt;
    c.deficiencies.clear();
    c.received << ReceivedMaterial { QStringLiteral("个体工商户登记（备案）申请书"), 1, 0, 2,
        QStringLiteral("纸质"), false, {}, {}, false };
    c.qrText = QStringLiteral("https://hub.example.gov.cn/n/TB03-000123");
    return c;
}

} // namespace

class tst_NoticeEvaluation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theReceiptStatesTheDeliveryAndCarriesTheEvaluationCode()
    {
        // GIVEN a receipt whose applicant chose mail, with the hall's 好差评 address
        NoticeContent c = receipt();
        c.resultDelivery = QStringLiteral("邮寄送达（张三，467000 平顶山市新华区建设路1号）");
        c.evaluationUrl = Evaluation;
        // WHEN it is rendered
        const auto pdf = NoticeRenderer::renderPdf(c);
        QVERIFY(pdf);
        // THEN it states the delivery and the evaluation link
        const QString text = pdfText(*pdf);
        QVERIFY2(text.contains(QStringLiteral("办理结果领取方式：邮寄送达（张三，467000平顶山市")),
            qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("好差评")), qPrintable(text));
        QVERIFY2(
            text.contains(QStringLiteral("caseNumber=410402-20261124-000123")), qPrintable(text));
        // AND a phone reads both QR codes: the notice's own and the evaluation's
        const QStringList codes = decodeAll(*pdf);
        QVERIFY2(codes.contains(Evaluation), qPrintable(codes.join(QLatin1Char('|'))));
        QVERIFY2(codes.contains(c.qrText), qPrintable(codes.join(QLatin1Char('|'))));
    }

    void theOneTimeNoticeCarriesTheEvaluationCodeToo()
    {
        NoticeContent c = j2Notice();
        c.evaluationUrl = Evaluation;
        const auto pdf = NoticeRenderer::renderPdf(c);
        QVERIFY(pdf);
        QVERIFY(decodeAll(*pdf).contains(Evaluation));
        // AND the delivery line belongs to the receipt only
        c.resultDelivery = QStringLiteral("到本窗口领取");
        QVERIFY(!pdfText(*NoticeRenderer::renderPdf(c)).contains(QStringLiteral("领取方式")));
    }

    void withoutAnAddressNoEvaluationCodeIsPrinted()
    {
        const auto pdf = NoticeRenderer::renderPdf(receipt());
        QVERIFY(pdf);
        QVERIFY(!pdfText(*pdf).contains(QStringLiteral("好差评")));
        QCOMPARE(decodeAll(*pdf).size(), 1);
    }

    void theStoredNoticeKeepsBoth()
    {
        // GIVEN a notice with both WHEN stored and read back THEN it renders the same
        NoticeContent c = receipt();
        c.resultDelivery = QStringLiteral("自助终端自行打印");
        c.evaluationUrl = Evaluation;
        const NoticeContent back = NoticeStore::fromJson(NoticeStore::toJson(c));
        QCOMPARE(back.resultDelivery, c.resultDelivery);
        QCOMPARE(back.evaluationUrl, c.evaluationUrl);
    }

    void theResultHandoverSlipCarriesTheEvaluationCodeOnOnePage()
    {
        // GIVEN a result handed over at the window, the applicant having chosen mail at intake
        ResultSlipContent slip;
        slip.caseNumber = QStringLiteral("410402-20261124-000123");
        slip.itemCode = QStringLiteral("41040201012001000");
        slip.itemName = QStringLiteral("个体工商户登记（备案）");
        slip.resultId = QStringLiteral("r-7f3a");
        slip.accepted = true;
        slip.decidedAt = QDateTime(QDate(2026, 11, 26), QTime(2, 0), Qt::UTC);
        slip.printedAt = QDateTime(QDate(2026, 11, 27), QTime(1, 30), Qt::UTC);
        slip.resultDelivery = QStringLiteral("邮寄送达（张三，467000 平顶山市新华区建设路1号）");
        slip.windowName = QStringLiteral("卫东区通办窗口2");
        slip.clerkName = QStringLiteral("王芳");
        slip.evaluationUrl = Evaluation;
        // WHEN the slip is rendered
        const auto pdf = NoticeRenderer::renderResultSlipPdf(slip);
        QVERIFY(pdf);
        if (const QString shots = qEnvironmentVariable("TONGBAN_SCREENSHOT_DIR");
            !shots.isEmpty()) { // to look at it (pdftoppm)
            QFile kept(shots + QStringLiteral("/result-slip.pdf"));
            QVERIFY(kept.open(QIODevice::WriteOnly) && kept.write(*pdf) == pdf->size());
        }
        // THEN it names the case, the item, the result, the dates and the delivery choice
        const QString text = pdfText(*pdf);
        for (const QString &expected :
            { QStringLiteral("办件结果领取单"), QStringLiteral("410402-20261124-000123"),
                QStringLiteral("个体工商户登记（备案）"), QStringLiteral("受理通知书"),
                QStringLiteral("r-7f3a"), QStringLiteral("2026年11月26日"),
                QStringLiteral("2026年11月27日"), QStringLiteral("邮寄送达（张三，467000平顶山市"),
                QStringLiteral("王芳"), QStringLiteral("申请人（代办人）签收"),
                QStringLiteral("好差评"), QStringLiteral("caseNumber=410402-20261124-000123") })
            QVERIFY2(text.contains(expected), qPrintable(expected + QLatin1Char('\n') + text));
        QVERIFY(!text.contains(QStringLiteral("不予受理")));
        // AND it is one page, whose only QR code a phone reads as the case's evaluation link
        QCOMPARE(pageCount(*pdf), 1);
        QCOMPARE(decodeAll(*pdf), QStringList { Evaluation });
    }

    void aRejectionSlipSaysSoAndWithoutAddressHasNoCode()
    {
        ResultSlipContent slip;
        slip.caseNumber = QStringLiteral("410402-20261124-000124");
        slip.itemCode = QStringLiteral("41040201012001000");
        slip.resultId = QStringLiteral("r-7f3b");
        slip.printedAt = QDateTime(QDate(2026, 12, 31), QTime(15, 59), Qt::UTC);
        slip.resultDelivery = QStringLiteral("到本窗口领取");
        const auto pdf = NoticeRenderer::renderResultSlipPdf(slip);
        QVERIFY(pdf);
        const QString text = pdfText(*pdf);
        QVERIFY2(text.contains(QStringLiteral("不予受理通知书")), qPrintable(text));
        // 23:59 in Beijing on the last day of the year
        QVERIFY2(text.contains(QStringLiteral("2026年12月31日")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("好差评")));
        QVERIFY(decodeAll(*pdf).isEmpty());
    }
};

QTEST_MAIN(tst_NoticeEvaluation)
#include "tst_noticeevaluation.moc"
