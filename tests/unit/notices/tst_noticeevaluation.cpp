// Issue 17: the receipt states how the applicant receives the result, and the receipt and the
// one-time notice carry the 好差评 evaluation QR code and link with the case number (004).
// Rendered to PDF and read back with pdftotext; every QR code on the page is decoded by zbar.

#include "NoticeFixture.h"

#include <notices/NoticeRenderer.h>
#include <notices/NoticeStore.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <gst/gst.h>

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
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("n.pdf")));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(pdf);
    file.close();
    QProcess::execute(QStringLiteral("pdftoppm"),
        { QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-f"),
            QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
            QStringLiteral("-singlefile"), file.fileName(), dir.filePath(QStringLiteral("page")) });
    gst_init(nullptr, nullptr);
    GError *error = nullptr;
    const QByteArray description = QByteArrayLiteral("filesrc location=\"")
        + dir.filePath(QStringLiteral("page.png")).toUtf8()
        + QByteArrayLiteral("\" ! pngdec ! videoconvert ! video/x-raw,format=I420 ! zbar ! "
                            "fakesink");
    GstElement *pipeline = gst_parse_launch(description.constData(), &error);
    if (!pipeline) {
        g_clear_error(&error);
        return {};
    }
    gst_element_set_state(pipeline, GST_STATE_PLAYING);
    GstBus *bus = gst_element_get_bus(pipeline);
    QStringList symbols;
    for (;;) {
        GstMessage *message = gst_bus_timed_pop_filtered(bus, 20 * GST_SECOND,
            GstMessageType(GST_MESSAGE_ELEMENT | GST_MESSAGE_EOS | GST_MESSAGE_ERROR));
        if (!message)
            break;
        const GstMessageType type = GST_MESSAGE_TYPE(message);
        if (type == GST_MESSAGE_ELEMENT) {
            const GstStructure *s = gst_message_get_structure(message);
            if (gst_structure_has_name(s, "barcode"))
                symbols << QString::fromUtf8(gst_structure_get_string(s, "symbol"));
        }
        gst_message_unref(message);
        if (type != GST_MESSAGE_ELEMENT)
            break;
    }
    gst_object_unref(bus);
    gst_element_set_state(pipeline, GST_STATE_NULL);
    gst_object_unref(pipeline);
    return symbols;
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
};

QTEST_MAIN(tst_NoticeEvaluation)
#include "tst_noticeevaluation.moc"
