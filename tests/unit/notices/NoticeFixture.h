#pragma once

#include <notices/Notice.h>

#include <QProcess>

namespace Tongban::Notices::Testing {

/// J2's notice: the lease contract is missing and the application form is unsigned.
inline NoticeContent j2Notice()
{
    NoticeContent c;
    c.kind = NoticeKind::OneTimeNotice;
    c.itemCode = QStringLiteral("41040201012001000");
    c.itemName = QStringLiteral("个体工商户设立登记");
    c.applicantName = QStringLiteral("张三");
    c.applicantId = QStringLiteral("11010519491231002X");
    c.windowName = QStringLiteral("卫东区政务服务中心2号通办窗口");
    c.clerkName = QStringLiteral("王丽");
    c.homeDepartment = QStringLiteral("平顶山市新华区市场监督管理局");
    c.provisionalNumber = QStringLiteral("410403-TB02-20261124-0007");
    c.qrText = QStringLiteral("tongban:case:410403-TB02-20261124-0007");
    c.deficiencies << Deficiency { Deficiency::Kind::Missing, QStringLiteral("经营场所使用证明"),
        QStringLiteral("未提交租赁合同"), QStringLiteral("提交经营场所的租赁合同或房屋产权证明"),
        {} }
                   << Deficiency { Deficiency::Kind::ReviewPointFailed,
                          QStringLiteral("个体工商户登记（备案）申请书"),
                          QStringLiteral("申请书未签字"),
                          QStringLiteral("由经营者本人在签字处亲笔签名"),
                          QStringLiteral("签字栏空白") };
    return c;
}

/*!
 * The text of a PDF through poppler's pdftotext, in reading order with line
 * breaks and spaces removed: what a search in the document finds, whatever
 * way a table cell wraps.
 */
inline QString pdfText(const QByteArray &pdf)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), { QStringLiteral("-"), QStringLiteral("-") });
    // Said in the text the test searches, so that a missing tool is not read as a notice
    // without its words (the arm64 root of installer/cross-build-arm64.sh had no pdftotext).
    if (!process.waitForStarted())
        return QStringLiteral("<pdftotext (poppler-utils) did not start: %1>")
            .arg(process.errorString());
    process.write(pdf);
    process.closeWriteChannel();
    process.waitForFinished(30000);
    QString text = QString::fromUtf8(process.readAllStandardOutput());
    text.remove(QLatin1Char('\n'))
        .remove(QLatin1Char(' '))
        .remove(QChar(0x3000))
        .remove(QLatin1Char('\f'));
    return text;
}

} // namespace Tongban::Notices::Testing
