#include "NoticeRenderer.h"

#include "QrCode.h"
#include "Tr.h"

#include <QBuffer>
#include <QFont>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QTimeZone>

#include <algorithm>

namespace Tongban::Notices {

using Core::Error;
using Core::Result;
using Core::Status;

namespace {

const QString kFontFamily = QStringLiteral("WenQuanYi Micro Hei");

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString dayText(const QDate &d)
{
    return QStringLiteral("%1年%2月%3日").arg(d.year()).arg(d.month()).arg(d.day());
}

QString dateText(const QDateTime &time)
{
    return dayText(time.toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai"))).date());
}

/// A deadline computed on weekends only (the year's holidays not yet published) says so.
QString provisionalNote(bool provisional)
{
    return provisional ? QStringLiteral("（暂定：本年度节假日安排尚未公布，按周末推算，"
                                        "如有调整以窗口通知为准）")
                       : QString();
}

QString deficiencyKind(Deficiency::Kind kind)
{
    switch (kind) {
    case Deficiency::Kind::Missing:
        return QStringLiteral("缺少材料");
    case Deficiency::Kind::NotInLegalForm:
        return QStringLiteral("不符合法定形式");
    case Deficiency::Kind::ReviewPointFailed:
        return QStringLiteral("审查要点未通过");
    case Deficiency::Kind::Unknown:
        break;
    }
    return QString();
}

QImage sealImage(const QByteArray &svg)
{
    if (svg.isEmpty())
        return {};
    QSvgRenderer renderer(svg);
    if (!renderer.isValid())
        return {};
    QImage image(360, 360, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(&painter);
    return image;
}

QString qrCaption(NoticeKind kind)
{
    switch (kind) {
    case NoticeKind::OneTimeNotice:
        return QStringLiteral("手机扫码查询本告知书");
    case NoticeKind::Receipt:
        return QStringLiteral("手机扫码查询本回执");
    case NoticeKind::MailingSlip:
        return QStringLiteral("扫码查询寄送单");
    case NoticeKind::Unknown:
        break;
    }
    return QString();
}

QString header(const NoticeContent &c, const NoticeRenderer::Options &o)
{
    QString html;
    if (o.reprint) {
        html += QStringLiteral(
            "<p align='right' style='color:#c00000;font-size:14pt;font-weight:bold'>补打</p>");
    }
    QString numbers = QStringLiteral("<p>编号：%1</p><p>办件临时编号：%2</p>")
                          .arg(esc(c.serial), esc(c.provisionalNumber));
    if (!c.caseNumber.isEmpty()) {
        numbers += QStringLiteral("<p>统一受理平台办件编号：%1</p>").arg(esc(c.caseNumber));
    } else if (c.kind == NoticeKind::Receipt) {
        // The receipt is printed before the platform numbers the case: it says so.
        numbers += QStringLiteral("<p>统一受理平台办件编号：待平台确认，可凭本回执二维码查询</p>");
    } else if (c.kind == NoticeKind::MailingSlip) {
        numbers += QStringLiteral("<p>统一受理平台办件编号：待平台确认</p>");
    }
    html += QStringLiteral(
        "<table width='100%'><tr><td valign='top'>"
        "<p style='font-size:20pt;font-weight:bold' align='center'>%1</p>%2</td>"
        "<td width='130' align='center' valign='top'><img src='qr' width='110' height='110'>"
        "<br><span style='font-size:8pt'>%3</span></td>"
        "</tr></table>")
                .arg(esc(kindTitle(c.kind)), numbers, esc(qrCaption(c.kind)));
    html += QStringLiteral("<p>申请人：%1　　证件号码：%2</p>")
                .arg(esc(c.applicantName), esc(c.applicantId));
    if (!c.agentName.isEmpty())
        html += QStringLiteral("<p>代办人：%1（受申请人委托办理）</p>").arg(esc(c.agentName));
    html += QStringLiteral("<p>申请事项：%1（事项编码 %2）</p>")
                .arg(esc(c.itemName), esc(c.itemCode));
    return html;
}

QString footer(const NoticeContent &c, const NoticeRenderer::Options &o, bool applicantSigns)
{
    QString html = QStringLiteral("<br><table width='100%'><tr><td valign='top'>"
                                  "<p>受理窗口：%1</p><p>窗口人员：%2</p><p>日期：%3</p>")
                       .arg(esc(c.windowName), esc(c.clerkName), esc(dateText(c.issuedAt)));
    html += QStringLiteral("</td><td width='150' align='center' valign='top'>");
    if (!c.sealSvg.isEmpty())
        html += QStringLiteral(
            "<img src='seal' width='130' height='130'><br><span style='font-size:8pt'>%1</span>")
                    .arg(esc(c.homeDepartment));
    html += QStringLiteral("</td></tr></table>");
    // Across the whole width, so that the line never wraps onto a page of its own.
    if (applicantSigns)
        html += QStringLiteral(
            "<p><br>申请人（代办人）签收：________________　　签收日期：____________</p>");
    if (o.reprint && o.caseNumberAdded) {
        html
            += QStringLiteral("<p style='color:#c00000;font-size:9pt'>本件为补打件，于%1补打；"
                              "原件于%2开具。补打件增加了统一受理平台办件编号%3，"
                              "其余内容与原件相同。</p>")
                   .arg(esc(dateText(o.reprintedAt)), esc(dateText(c.issuedAt)), esc(c.caseNumber));
    } else if (o.reprint) {
        html += QStringLiteral("<p style='color:#c00000;font-size:9pt'>本件为补打件，于%1补打；"
                               "原件于%2开具，内容未作任何改动。</p>")
                    .arg(esc(dateText(o.reprintedAt)), esc(dateText(c.issuedAt)));
    }
    return html;
}

const QString kTableStyle
    = QStringLiteral("<table width='100%' border='1' cellspacing='0' cellpadding='5' "
                     "style='border-collapse:collapse;border-color:#444'>");

/// Where the applicant reaches the window that issued the notice.
QString windowContact(const NoticeContent &c)
{
    QStringList parts;
    if (!c.windowAddress.isEmpty())
        parts << QStringLiteral("地址：") + esc(c.windowAddress);
    if (!c.windowPhone.isEmpty())
        parts << QStringLiteral("联系电话：") + esc(c.windowPhone);
    return parts.join(QStringLiteral("　　"));
}

QString oneTimeNoticeBody(const NoticeContent &c)
{
    QString html = QStringLiteral(
        "<p>　　您（单位）申请办理的“%1”事项，经审查，申请材料不齐全或者不符合法定形式。"
        "根据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知您需要补齐补正的全部内容如下"
        "：</p>")
                       .arg(esc(c.itemName));
    html += kTableStyle
        + QStringLiteral("<tr style='background:#eeeeee'><th width='7%' nowrap>序号</th><th "
                         "width='21%'>材料</th>"
                         "<th width='14%' nowrap>问题类别</th><th width='28%'>问题</th><th "
                         "width='30%'>补正要求</th></tr>");
    int number = 0;
    for (const Deficiency &d : c.deficiencies) {
        // The clerk's remark only explains the catalogue's reason: without a reason it is
        // not printed, and it never stands as a demand of its own.
        QString reason = esc(d.reason);
        if (!d.remark.isEmpty() && !d.reason.isEmpty())
            reason += QStringLiteral("<br><span style='font-size:9pt'>说明：") + esc(d.remark)
                + QStringLiteral("</span>");
        html += QStringLiteral(
            "<tr><td align='center'>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                    .arg(++number)
                    .arg(esc(d.material), esc(deficiencyKind(d.kind)), reason, esc(d.correction));
    }
    html += QStringLiteral("</table>");
    if (c.correctionDue.isValid()) {
        html
            += QStringLiteral("<p><b>补正期限：</b>请于%1前（含当日）补齐补正。%2</p>")
                   .arg(esc(dayText(c.correctionDue)), provisionalNote(c.correctionDueProvisional));
    }
    html
        += QStringLiteral("<p><b>补正方式</b>（任选其一，均须出示或注明本告知书编号）：</p>"
                          "<p>　　1. 到全市任一综合实体政务服务大厅通办窗口提交，不限于本窗口；</p>"
                          "<p>　　2. 登录全市统一受理平台网上提交；</p>");
    const QString contact = windowContact(c);
    if (!c.windowAddress.isEmpty()) {
        html += QStringLiteral("<p>　　3. 邮寄至本窗口（%1，%2收），信封上注明本告知书编号。</p>")
                    .arg(esc(c.windowAddress), esc(c.windowName));
    } else {
        html += QStringLiteral("<p>　　3. 邮寄至本窗口，信封上注明本告知书编号。</p>");
    }
    html += QStringLiteral(
        "<p>　　除本告知书所列内容外，不再要求您补正其他材料；已收取的材料无需重复提交。</p>");
    if (!contact.isEmpty())
        html += QStringLiteral("<p>本窗口%1</p>").arg(contact);
    return html;
}

QString materialsTable(const NoticeContent &c)
{
    QString html = kTableStyle
        + QStringLiteral("<tr style='background:#eeeeee'><th width='7%' nowrap>序号</th><th "
                         "width='26%'>材料</th>"
                         "<th width='7%' nowrap>原件</th><th width='11%' nowrap>复印件</th>"
                         "<th width='7%' nowrap>页数</th><th width='9%' nowrap>介质</th>"
                         "<th width='33%'>备注</th></tr>");
    int number = 0;
    for (const ReceivedMaterial &m : c.received) {
        QString note;
        if (m.tolerated) {
            note = QStringLiteral("容缺受理：") + esc(m.commitment);
            if (m.commitmentDue.isValid())
                note
                    += QStringLiteral("<br>须于%1前补交%2")
                           .arg(esc(dayText(m.commitmentDue)),
                               m.commitmentDueProvisional ? QStringLiteral("（暂定）") : QString());
        }
        html += QStringLiteral(
            "<tr><td align='center'>%1</td><td>%2</td><td align='center'>%3</td>"
            "<td align='center'>%4</td><td align='center'>%5</td><td>%6</td><td>%7</td></tr>")
                    .arg(++number)
                    .arg(esc(m.name))
                    .arg(m.tolerated ? 0 : m.originals)
                    .arg(m.tolerated ? 0 : m.copies)
                    .arg(m.pages)
                    .arg(esc(m.medium), note);
    }
    html += QStringLiteral("</table>");
    return html;
}

/// A tolerated material is named once more under the table, with its deadline.
QString toleratedSummary(const NoticeContent &c)
{
    QString html;
    for (const ReceivedMaterial &m : c.received) {
        if (!m.tolerated)
            continue;
        html += QStringLiteral("<p>　　容缺受理材料“%1”：申请人已承诺“%2”")
                    .arg(esc(m.name), esc(m.commitment));
        if (m.commitmentDue.isValid())
            html += QStringLiteral("，须于%1前补交。%2")
                        .arg(esc(dayText(m.commitmentDue)),
                            provisionalNote(m.commitmentDueProvisional));
        else
            html += QStringLiteral("。");
        html += QStringLiteral("</p>");
    }
    return html;
}

} // namespace

namespace {

/// Issue 17: the 好差评 QR code (image resource "evaluation", \a size points) and the link;
/// nothing when no address is configured.
QString evaluationBlock(const QString &url, int size)
{
    if (url.isEmpty())
        return {};
    return QStringLiteral("<table width='100%' cellpadding='2'><tr>"
                          "<td width='%1' valign='top'><img src='evaluation' width='%2' "
                          "height='%2'></td>"
                          "<td valign='middle'>请对本次服务进行评价（好差评）：扫描左侧二维码或访问"
                          "<br>%3</td></tr></table>")
        .arg(size + 10)
        .arg(size)
        .arg(esc(url));
}

/// Issue 17: how the result reaches the applicant (receipt) and the 好差评 QR code and link.
QString deliveryAndEvaluation(const NoticeContent &c)
{
    QString html;
    if (c.kind == NoticeKind::Receipt && !c.resultDelivery.isEmpty())
        html += QStringLiteral("<p>办理结果领取方式：%1</p>").arg(esc(c.resultDelivery));
    return html + evaluationBlock(c.evaluationUrl, 80);
}

} // namespace

QString kindTitle(NoticeKind kind)
{
    switch (kind) {
    case NoticeKind::OneTimeNotice:
        return QStringLiteral("一次性告知书");
    case NoticeKind::Receipt:
        return QStringLiteral("收件回执");
    case NoticeKind::MailingSlip:
        return QStringLiteral("纸质材料寄送单");
    case NoticeKind::Unknown:
        break;
    }
    return QString();
}

QString NoticeRenderer::html(const NoticeContent &c, const Options &o)
{
    QString html = QStringLiteral("<html><body>") + header(c, o);
    switch (c.kind) {
    case NoticeKind::OneTimeNotice:
        html += oneTimeNoticeBody(c) + deliveryAndEvaluation(c) + footer(c, o, true);
        break;
    case NoticeKind::Receipt: {
        // With a tolerated absence the materials are not 齐全: something is still owed.
        const bool tolerated = std::any_of(c.received.cbegin(), c.received.cend(),
            [](const ReceivedMaterial &m) { return m.tolerated; });
        html
            += (tolerated
                       ? QStringLiteral("<p>　　您（单位）申请办理的“%1”事项，容缺受理：窗口已收到"
                                        "以下材料（容缺材料须按承诺期限补交），将通过统一受理平台"
                                        "传至属地业务办理部门办理：</p>")
                       : QStringLiteral("<p>　　您（单位）申请办理的“%1”事项，申请材料齐全，窗口已"
                                        "收到以下材料，将通过统一受理平台传至属地业务办理部门办理："
                                        "</p>"))
                   .arg(esc(c.itemName))
            + materialsTable(c) + toleratedSummary(c);
        if (const QString contact = windowContact(c); !contact.isEmpty())
            html += QStringLiteral("<p>本窗口%1</p>").arg(contact);
        html += deliveryAndEvaluation(c) + footer(c, o, true);
        break;
    }
    case NoticeKind::MailingSlip:
        html += QStringLiteral("<p>寄往：%1　%2</p><p>寄出期限：%3（收件后1个工作日内）%4</p>")
                    .arg(esc(c.homeDepartment), esc(c.mailingAddress), esc(c.mailingDueDate),
                        provisionalNote(c.mailingDueProvisional))
            + materialsTable(c) + footer(c, o, false);
        break;
    case NoticeKind::Unknown:
        break;
    }
    return html + QStringLiteral("</body></html>");
}

Status NoticeRenderer::paint(
    const NoticeContent &content, QPagedPaintDevice &device, const Options &options)
{
    if (content.kind == NoticeKind::Unknown) {
        return Error { RenderFailed,
            Tr::tr("The notice could not be produced: its kind is unknown."),
            QStringLiteral("unknown kind") };
    }
    // QTextDocument::print() adds 2 cm of its own on every side: these margins come on top,
    // for 28 mm at the sides and 24 mm at the top and bottom (wider, tesseract no longer
    // reads every table row of the printed page: tst_noticeprint).
    device.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
        QMarginsF(8, 4, 8, 4), QPageLayout::Millimeter));
    QTextDocument document;
    QFont font(kFontFamily, 11);
    font.setStyleStrategy(QFont::PreferOutline);
    document.setDefaultFont(font);
    document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("qr")),
        qrCode(content.qrText.isEmpty() ? content.serial.toUtf8() : content.qrText.toUtf8()));
    if (!content.evaluationUrl.isEmpty()) {
        document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("evaluation")),
            qrCode(content.evaluationUrl.toUtf8()));
    }
    const QImage seal = sealImage(content.sealSvg);
    if (!seal.isNull())
        document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("seal")), seal);
    document.setHtml(html(content, options));
    document.print(&device);
    return {};
}

QString NoticeRenderer::resultSlipHtml(const ResultSlipContent &c)
{
    const auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td width='28%' style='background:#eeeeee' nowrap>%1</td>"
                              "<td>%2</td></tr>")
            .arg(esc(label), esc(value));
    };
    const QString item = c.itemName.isEmpty() || c.itemName == c.itemCode
        ? c.itemCode
        : QStringLiteral("%1（事项编码 %2）").arg(c.itemName, c.itemCode);
    QString html = QStringLiteral("<html><body>"
                                  "<p style='font-size:20pt;font-weight:bold' align='center'>"
                                  "办件结果领取单</p><br>")
        + kTableStyle + row(QStringLiteral("统一受理平台办件编号"), c.caseNumber)
        + row(QStringLiteral("申请事项"), item)
        + row(QStringLiteral("办理结果"),
            c.accepted ? QStringLiteral("受理通知书") : QStringLiteral("不予受理通知书"))
        + row(QStringLiteral("结果文书编号"), c.resultId)
        + row(QStringLiteral("作出日期"), c.decidedAt.isValid() ? dateText(c.decidedAt) : QString())
        + row(QStringLiteral("领取日期"), dateText(c.printedAt))
        + row(QStringLiteral("办理结果领取方式"), c.resultDelivery)
        + row(QStringLiteral("发放窗口"), c.windowName)
        + row(QStringLiteral("窗口人员"), c.clerkName) + QStringLiteral("</table>");
    html += QStringLiteral(
        "<p>　　上列办件结果文书已当面交付申请人（代办人），请核对无误后签收。</p>");
    html += evaluationBlock(c.evaluationUrl, 110);
    html += QStringLiteral(
        "<p><br><br>申请人（代办人）签收：________________　　签收日期：____________</p>");
    return html + QStringLiteral("</body></html>");
}

Result<QByteArray> NoticeRenderer::renderResultSlipPdf(const ResultSlipContent &content)
{
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(300);
        writer.setTitle(QStringLiteral("办件结果领取单 ") + content.caseNumber);
        writer.setCreator(QStringLiteral("Tongban Workstation"));
        // The same page as the notices (see paint()).
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
            QMarginsF(8, 4, 8, 4), QPageLayout::Millimeter));
        QTextDocument document;
        QFont font(kFontFamily, 11);
        font.setStyleStrategy(QFont::PreferOutline);
        document.setDefaultFont(font);
        if (!content.evaluationUrl.isEmpty()) {
            document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("evaluation")),
                qrCode(content.evaluationUrl.toUtf8()));
        }
        document.setHtml(resultSlipHtml(content));
        document.print(&writer);
    }
    if (!pdf.startsWith("%PDF")) {
        return Error { RenderFailed,
            Tr::tr("The handover slip could not be produced as a PDF. Try again; call IT support "
                   "if it fails again."),
            QStringLiteral("no PDF output") };
    }
    return pdf;
}

Result<QByteArray> NoticeRenderer::renderPdf(const NoticeContent &content, const Options &options)
{
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(300);
        writer.setTitle(kindTitle(content.kind) + QLatin1Char(' ') + content.serial);
        writer.setCreator(QStringLiteral("Tongban Workstation"));
        if (Status status = paint(content, writer, options); !status)
            return status.error();
    }
    if (!pdf.startsWith("%PDF")) {
        return Error { RenderFailed,
            Tr::tr("The notice could not be produced as a PDF. Try again; call IT support if it "
                   "fails again."),
            QStringLiteral("no PDF output") };
    }
    return pdf;
}

} // namespace Tongban::Notices
