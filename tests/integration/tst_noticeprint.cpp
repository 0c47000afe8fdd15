#include "NoticeFixture.h"

#include <core/Clock.h>
#include <notices/NoticePrinter.h>
#include <notices/NoticeRenderer.h>
#include <notices/NoticeStore.h>
#include <security/AuditLog.h>
#include <storage/Database.h>

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QPrinter>
#include <QPrinterInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <Translations.h>

using namespace Tongban;
using namespace Tongban::Notices;
using Tongban::Notices::Testing::pdfText;

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

    /// The PDF cups-pdf writes for CUPS job \a jobId (named ...-job_<id>.pdf) that was not
    /// there \a before (job ids start again when another test restarts CUPS), or empty.
    static QString printedJob(int jobId, const QStringList &before)
    {
        const QString suffix = QStringLiteral("job_%1.pdf").arg(jobId);
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000) {
            for (const QString &file : printedFiles()) {
                if (file.endsWith(suffix) && !before.contains(file) && QFileInfo(file).size() > 0) {
                    QTest::qWait(500); // let cups-pdf finish the file
                    return file;
                }
            }
            QTest::qWait(250);
        }
        return {};
    }

    /// The text lines of the first page of \a pdf (pdftotext), without spaces, 4 characters or
    /// more.
    static QStringList firstPageLines(const QByteArray &pdf)
    {
        QProcess process;
        process.start(QStringLiteral("pdftotext"),
            { QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
                QStringLiteral("-"), QStringLiteral("-") });
        process.waitForStarted();
        process.write(pdf);
        process.closeWriteChannel();
        process.waitForFinished(30000);
        QStringList lines;
        for (QString line :
            QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'))) {
            line.remove(QRegularExpression(QStringLiteral("[\\s_]")));
            if (line.size() >= 6)
                lines << line;
        }
        return lines;
    }

    /*!
     * The lines of the stored document's first page that the printed page does
     * not show. cups-pdf re-renders through Ghostscript, which leaves no text
     * layer (see printsEveryDeficiencyThroughCups), so the printed page is read
     * by OCR and each stored line is looked for in it.
     */
    static QStringList linesNotPrinted(const QByteArray &stored, const QString &printed)
    {
        const QString text = ocr(printed);
        QStringList missing;
        for (const QString &line : firstPageLines(stored)) {
            if (!onPage(text, line))
                missing << line;
        }
        return missing;
    }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    /// Pages of a PDF, as poppler's pdfinfo counts them; -1 when it cannot read it.
    static int pageCount(const QByteArray &pdf)
    {
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), { QStringLiteral("-") });
        info.waitForStarted();
        info.write(pdf);
        info.closeWriteChannel();
        info.waitForFinished(30000);
        static const QRegularExpression pages(
            QStringLiteral("^Pages:\\s+(\\d+)"), QRegularExpression::MultilineOption);
        const auto match = pages.match(QString::fromUtf8(info.readAllStandardOutput()));
        return match.hasMatch() ? match.captured(1).toInt() : -1;
    }

    static int run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.start(program, arguments);
        process.waitForFinished(30000);
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    /// Jobs CUPS still holds for \a queue.
    static QString jobsOf(const QString &queue)
    {
        QProcess lpstat;
        lpstat.start(QStringLiteral("lpstat"), { QStringLiteral("-o"), queue });
        lpstat.waitForFinished(30000);
        return QString::fromLocal8Bit(lpstat.readAllStandardOutput()).trimmed();
    }

    struct Window
    {
        QTemporaryDir dir;
        Core::ManualClock clock { QDateTime(QDate(2026, 11, 24), QTime(2, 30), Qt::UTC) };
        std::unique_ptr<Storage::Database> db;
        std::unique_ptr<Security::AuditLog> audit;
        std::unique_ptr<NoticeStore> notices;
        qint64 noticeId = 0;
    };

    /// A window's notice store with J2's one-time notice issued.
    static std::unique_ptr<Window> windowWithNotice()
    {
        auto window = std::make_unique<Window>();
        auto db = Storage::Database::open(window->dir.filePath(QStringLiteral("ws.sqlite")),
            { Security::auditSchema(), NoticeStore::schema() });
        if (!db)
            return nullptr;
        window->db = std::move(db).value();
        window->audit = std::make_unique<Security::AuditLog>(*window->db, window->clock);
        window->notices = std::make_unique<NoticeStore>(*window->db, *window->audit, window->clock);
        // Numbers from a block the platform reserved for the window (§3.1).
        if (!window->notices->addSerialBlock(
                { QStringLiteral("410403-tb-02"), QStringLiteral("410403-TB-02"), 1, 100 }))
            return nullptr;
        const auto issued = window->notices->issue(Testing::j2Notice(),
            { QStringLiteral("case-1"), QStringLiteral("410403-tb-02"), QStringLiteral("TB02"),
                QStringLiteral("wd-tb-02-wangli") });
        if (!issued)
            return nullptr;
        window->noticeId = issued->id;
        return window;
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
    void initTestCase()
    {
        // Errors are checked as the clerk reads them.
        QCOMPARE(Tongban::installTranslations(QString()), QStringLiteral("zh_CN"));
    }

    void printsTheStoredNoticeByteForByte()
    {
        // GIVEN an issued notice and the TongbanPDF queue (cups-pdf)
        auto window = windowWithNotice();
        QVERIFY(window);
        const QByteArray stored = *window->notices->pdf(window->noticeId);

        // WHEN the window prints it
        const QStringList before = printedFiles();
        const NoticePrinter printer(QStringLiteral("TongbanPDF"));
        const auto job = printer.printNotice(
            *window->notices, window->noticeId, QStringLiteral("wd-tb-02-wangli"));

        // THEN the job was accepted and recorded under the clerk
        QVERIFY2(job.ok(), qPrintable(job ? QString() : job.error().toString()));
        QCOMPARE(job->printer, QStringLiteral("TongbanPDF"));
        QVERIFY(job->jobId > 0);
        const auto recent = window->audit->recent(1);
        QCOMPARE(recent.first().action, QStringLiteral("notice.print"));
        QCOMPARE(recent.first().result, QStringLiteral("ok"));
        // AND the printed document has the stored one's pages and text
        const QString printed = printedJob(job->jobId, before);
        QVERIFY2(!printed.isEmpty(), "cups-pdf wrote nothing within 60 s");
        const QByteArray paper = readFile(printed);
        QCOMPARE(pageCount(paper), pageCount(stored));
        QVERIFY(pageCount(stored) >= 1);
        const QStringList lines = firstPageLines(stored);
        QVERIFY2(lines.size() >= 10, qPrintable(lines.join(QLatin1Char('|'))));
        const QStringList missing = linesNotPrinted(stored, printed);
        // OCR misreads the odd short line or wrapped cell; the rest of the text is on paper.
        QVERIFY2(missing.size() * 5 <= lines.size(),
            qPrintable(QStringLiteral("%1 of %2 lines not on paper: ")
                           .arg(missing.size())
                           .arg(lines.size())
                + missing.join(QLatin1Char('|'))));
        // Control: the lines of a 补打 copy that the notice does not have are not found.
        window->clock.advanceDays(2);
        const auto copy = window->notices->makeReprint(window->noticeId, QStringLiteral("x"));
        QVERIFY(copy.ok());
        int copyOnly = 0;
        for (const QString &line : linesNotPrinted(copy->pdf, printed))
            copyOnly += line.contains(QStringLiteral("补打")) ? 1 : 0;
        QCOMPARE(copyOnly, 1);
        QFile::remove(printed);
    }

    void reprintPrintsTheStoredCopyAndCountsIt()
    {
        // GIVEN an issued notice, two days later
        auto window = windowWithNotice();
        QVERIFY(window);
        const QByteArray original = *window->notices->pdf(window->noticeId);
        window->clock.advanceDays(2);

        // WHEN another clerk reprints it
        const QStringList before = printedFiles();
        const NoticePrinter printer(QStringLiteral("TongbanPDF"));
        const auto job = printer.printReprint(
            *window->notices, window->noticeId, QStringLiteral("wd-tb-02-zhao"));

        // THEN the copy rendered once is stored, printed and counted; the notice is unchanged
        QVERIFY2(job.ok(), qPrintable(job ? QString() : job.error().toString()));
        const auto copy = window->notices->reprintCopy(job->copyId);
        QVERIFY(copy.ok());
        QVERIFY(copy->printed);
        QCOMPARE(window->notices->notice(window->noticeId)->reprints, 1);
        QCOMPARE(*window->notices->pdf(window->noticeId), original);
        // AND the paper is that stored copy: same pages, same text, marked 补打
        const QString printed = printedJob(job->jobId, before);
        QVERIFY2(!printed.isEmpty(), "cups-pdf wrote nothing within 60 s");
        const QByteArray paper = readFile(printed);
        QCOMPARE(pageCount(paper), pageCount(copy->pdf));
        const QStringList lines = firstPageLines(copy->pdf);
        const QStringList missing = linesNotPrinted(copy->pdf, printed);
        QVERIFY2(missing.size() * 5 <= lines.size(),
            qPrintable(QStringLiteral("%1 of %2 lines not on paper: ")
                           .arg(missing.size())
                           .arg(lines.size())
                + missing.join(QLatin1Char('|'))));
        // AND the line that makes it a 补打 copy is on paper
        for (const QString &line : lines) {
            if (line.contains(QStringLiteral("补打件")))
                QVERIFY2(!missing.contains(line), qPrintable(line));
        }
        QVERIFY(pdfText(copy->pdf).contains(QStringLiteral("本件为补打件")));
        QFile::remove(printed);
    }

    void stoppedPrinterPrintsNothingAndCountsNothing()
    {
        // GIVEN a second cups-pdf queue of this test's own, stopped (paper jam, say)
        const QString queue
            = QStringLiteral("TongbanStopped%1").arg(QCoreApplication::applicationPid());
        QCOMPARE(run(QStringLiteral("lpadmin"),
                     { QStringLiteral("-p"), queue, QStringLiteral("-v"),
                         QStringLiteral("cups-pdf:/"), QStringLiteral("-E"), QStringLiteral("-P"),
                         QStringLiteral("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd") }),
            0);
        const auto removeQueue = qScopeGuard([&] {
            run(QStringLiteral("lpadmin"), { QStringLiteral("-x"), queue });
        });
        QCOMPARE(run(QStringLiteral("cupsdisable"), { queue }), 0);
        auto window = windowWithNotice();
        QVERIFY(window);

        // WHEN the clerk reprints the notice on it
        const NoticePrinter printer(queue);
        const auto job = printer.printReprint(
            *window->notices, window->noticeId, QStringLiteral("wd-tb-02-zhao"));

        // THEN it fails saying, in Chinese, what failed, what to do and that the notice is kept
        QVERIFY(!job.ok());
        QCOMPARE(job.error().code, int(PrinterStopped));
        const QString message = job.error().message;
        QVERIFY2(message.contains(queue) && message.contains(QStringLiteral("已停止"))
                && message.contains(QStringLiteral("文书已保存"))
                && message.contains(QStringLiteral("重新打印")),
            qPrintable(message));
        // AND no reprint is counted; the copy is kept as attempted, the trail says it failed
        QCOMPARE(window->notices->notice(window->noticeId)->reprints, 0);
        const auto copies = window->notices->reprintCopies(window->noticeId);
        QCOMPARE(copies.size(), 1);
        QVERIFY(!copies.first().printed);
        const auto recent = window->audit->recent(1);
        QCOMPARE(recent.first().action, QStringLiteral("notice.reprint"));
        QCOMPARE(recent.first().result, QStringLiteral("failed"));
        // AND nothing waits in the queue to come out later by surprise
        QCOMPARE(jobsOf(queue), QString());
    }

    void missingPrinterPrintsNothingAndCountsNothing()
    {
        // GIVEN tongban.conf names a printer CUPS does not know
        auto window = windowWithNotice();
        QVERIFY(window);
        const NoticePrinter printer(QStringLiteral("TongbanNoSuchPrinter"));
        // WHEN the notice is printed and reprinted
        const auto printed = printer.printNotice(
            *window->notices, window->noticeId, QStringLiteral("wd-tb-02-wangli"));
        const auto reprinted = printer.printReprint(
            *window->notices, window->noticeId, QStringLiteral("wd-tb-02-wangli"));
        // THEN both fail, naming the printer and what to do, and nothing is counted
        for (const auto &result : { printed, reprinted }) {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, int(PrinterNotFound));
            QVERIFY2(result.error().message.contains(QStringLiteral("TongbanNoSuchPrinter"))
                    && result.error().message.contains(QStringLiteral("文书已保存"))
                    && result.error().message.contains(QStringLiteral("tongban.conf")),
                qPrintable(result.error().message));
        }
        QCOMPARE(window->notices->notice(window->noticeId)->reprints, 0);
    }

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
