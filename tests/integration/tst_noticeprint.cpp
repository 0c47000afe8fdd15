#include "NoticeFixture.h"

#include <notices/NoticeRenderer.h>

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QPrinter>
#include <QPrinterInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Tongban::Notices;

/*!
 * Printing as the window does it: the one-time notice goes through QPrinter
 * to a real CUPS queue whose printer (cups-pdf) writes what it printed as a
 * PDF; the printed page must show every deficiency, in Chinese.
 */
class tst_NoticePrint : public QObject
{
    Q_OBJECT

private:
    static QStringList printedFiles()
    {
        QStringList files;
        for (const QString &folder : { QString(QDir::homePath() + QStringLiteral("/PDF")),
                 QStringLiteral("/var/spool/cups-pdf/ANONYMOUS") }) {
            QDirIterator it(folder, { QStringLiteral("*.pdf") }, QDir::Files);
            while (it.hasNext())
                files << it.next();
        }
        return files;
    }

    /// Text of the printed PDF read by OCR (tesseract, simplified Chinese), without spaces.
    static QString ocr(const QString &pdf)
    {
        QTemporaryDir dir;
        QProcess render;
        render.start(QStringLiteral("pdftoppm"),
            { QStringLiteral("-r"), QStringLiteral("300"), QStringLiteral("-gray"),
                QStringLiteral("-png"), QStringLiteral("-f"), QStringLiteral("1"),
                QStringLiteral("-l"), QStringLiteral("1"), pdf,
                dir.filePath(QStringLiteral("page")) });
        render.waitForFinished(60000);
        QProcess tesseract;
        tesseract.start(QStringLiteral("tesseract"),
            { dir.filePath(QStringLiteral("page-1.png")), QStringLiteral("-"), QStringLiteral("-l"),
                QStringLiteral("chi_sim"), QStringLiteral("--psm"), QStringLiteral("6") });
        tesseract.waitForFinished(120000);
        QString text = QString::fromUtf8(tesseract.readAllStandardOutput());
        text.remove(QRegularExpression(QStringLiteral("\\s")));
        return text;
    }

    /*!
     * Whether \a phrase is on the page: at least half of its overlapping
     * three-character pieces occur in the OCR text. Tolerates a table cell
     * wrapping (OCR reads across columns, so the rest of the cell comes later)
     * and the odd misread character; a phrase that is not printed shares almost
     * no pieces with the page (see the control below).
     */
    static bool onPage(const QString &text, const QString &phrase)
    {
        int found = 0;
        int pieces = 0;
        for (qsizetype i = 0; i + 3 <= phrase.size(); ++i, ++pieces)
            found += text.contains(phrase.mid(i, 3)) ? 1 : 0;
        return pieces > 0 && found * 2 >= pieces;
    }

private slots:
    void printsEveryDeficiencyThroughCups()
    {
        // GIVEN the TongbanPDF queue (fixture) and J2's notice
        const QPrinterInfo info = QPrinterInfo::printerInfo(QStringLiteral("TongbanPDF"));
        QVERIFY2(!info.isNull(), "CUPS printer TongbanPDF missing: the cups fixture did not run");
        const QStringList before = printedFiles();
        NoticeContent content = Tongban::Notices::Testing::j2Notice();
        content.serial = QStringLiteral("TB02-GZ-2026-000042");
        content.issuedAt = QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC);

        // WHEN it is printed through QPrinter
        QPrinter printer(info, QPrinter::HighResolution);
        printer.setDocName(QStringLiteral("一次性告知书 TB02-GZ-2026-000042"));
        QVERIFY(NoticeRenderer::paint(content, printer).ok());
        QCOMPARE(printer.printerState(), QPrinter::Idle);

        // THEN the printed document appears and holds every deficiency in Chinese
        QString printed;
        QElapsedTimer timer;
        timer.start();
        while (printed.isEmpty() && timer.elapsed() < 60000) {
            for (const QString &file : printedFiles()) {
                if (!before.contains(file) && QFileInfo(file).size() > 0)
                    printed = file;
            }
            QTest::qWait(250);
        }
        QVERIFY2(!printed.isEmpty(), "cups-pdf wrote nothing within 60 s");
        QTest::qWait(500); // let cups-pdf finish the file

        // cups-pdf re-renders every job through Ghostscript, which turns CID fonts into
        // Type 3 glyphs without a Unicode map: the printed PDF has no text layer to
        // search (the issued PDF has one; tst_notices checks it). So the printed page is
        // read the way a person reads it: rendered at 300 dpi and OCR'd.
        const QString text = ocr(printed);
        QVERIFY2(text.size() > 100, qPrintable(QStringLiteral("OCR read almost nothing: ") + text));
        qInfo("OCR of the printed page: %lld characters", qint64(text.size()));
        for (const QString &expected : { QStringLiteral("一次性告知书"),
                 QStringLiteral("TB02-GZ-2026-000042"), QStringLiteral("未提交租赁合同"),
                 QStringLiteral("提交经营场所的租赁合同或房屋产权证明"),
                 QStringLiteral("申请书未签字"), QStringLiteral("由经营者本人在签字处亲笔签名"),
                 QStringLiteral("个体工商户设立登记"),
                 QStringLiteral("卫东区政务服务中心2号通办窗口") }) {
            QVERIFY2(onPage(text, expected),
                qPrintable(expected + QStringLiteral(" not on the printed page (OCR: ") + text
                    + QLatin1Char(')')));
        }
        // Control: deficiencies that were not printed are not found, so the check can fail.
        for (const QString &absent :
            { QStringLiteral("缺少婚姻登记证明原件"), QStringLiteral("营业执照副本已过期失效") })
            QVERIFY2(!onPage(text, absent), qPrintable(absent));
        QFile::remove(printed);
    }
};

QTEST_MAIN(tst_NoticePrint)
#include "tst_noticeprint.moc"
