// tongban-cli imaging detect|process on pictures from the simulated document camera,
// checked against the simulator's ground truth; the real binary, as IT staff run it.
#include <imaging/PageQuad.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <drivers/sim/SimScene.h>

using namespace Tongban;
using namespace Tongban::Drivers::Sim;

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

Run cli(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TONGBAN_LANGUAGE"), QStringLiteral("en"));
    env.insert(QStringLiteral("TONGBAN_FAKE_DEVICES"), QStringLiteral("1"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TONGBAN_CLI), arguments);
    process.waitForFinished(240000);
    return Run { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}

QPolygonF cornersOf(const QJsonObject &quad)
{
    QPolygonF poly;
    for (const QJsonValue &p : quad.value(QStringLiteral("corners")).toArray())
        poly << QPointF(p.toArray().at(0).toDouble(), p.toArray().at(1).toDouble());
    return poly;
}

// Half the still size keeps the debug build quick; the detector is scale-free (pad width).
const QSize kSize(kStillWidth / 2, kStillHeight / 2);
} // namespace

class tst_CliImaging : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QStringList m_pages; ///< files with one document each
    QList<QPolygonF> m_truth; ///< their corners
    QList<DocumentKind> m_kinds;
    QString m_empty;
    QString m_notImage;

    QString writeScene(const QString &name, const SceneSpec &spec, QPolygonF *truth)
    {
        SceneSpec s = spec;
        s.jpegQuality = 92;
        const SimFrame frame = renderScene(s, kSize);
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(frame.jpeg) != frame.jpeg.size())
            return {};
        if (truth && !frame.documents.isEmpty())
            *truth = frame.documents.first().corners;
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // GIVEN pictures of an A4 form, an A5 note and a licence (landscape), as a camera
        // delivers them (JPEG), an empty pad, and a file that is not a picture
        const struct
        {
            const char *name;
            DocumentKind kind;
            quint32 seed;
        } scenes[] = { { "a4.jpg", DocumentKind::A4Form, 7 },
            { "a5.jpg", DocumentKind::A5Note, 12 }, { "licence.jpg", DocumentKind::Licence, 5 } };
        for (const auto &scene : scenes) {
            SceneSpec spec;
            spec.seed = scene.seed;
            spec.kind = scene.kind;
            QPolygonF truth;
            const QString path = writeScene(QString::fromLatin1(scene.name), spec, &truth);
            QVERIFY(!path.isEmpty());
            QCOMPARE(truth.size(), 4);
            m_pages << path;
            m_truth << truth;
            m_kinds << scene.kind;
        }
        SceneSpec empty;
        empty.documentCount = 0;
        m_empty = writeScene(QStringLiteral("empty.jpg"), empty, nullptr);
        QVERIFY(!m_empty.isEmpty());
        m_notImage = m_dir.filePath(QStringLiteral("notes.jpg"));
        QFile text(m_notImage);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("This is a text file with a picture's name.\n");
    }

    void detectFindsThePagesWhereTheyAre()
    {
        // WHEN the pictures are checked with --json
        const Run run
            = cli(QStringList { QStringLiteral("--json"), QStringLiteral("imaging"),
                      QStringLiteral("detect"), QStringLiteral("--dpi"), QStringLiteral("150") }
                + m_pages);
        // THEN the output parses, each file has one page on the ground truth, and all pass
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QJsonObject json = run.json();
        QVERIFY2(!json.isEmpty(), qPrintable(run.out));
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);
        const QJsonArray files = json.value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), m_pages.size());
        for (int i = 0; i < files.size(); ++i) {
            const QJsonObject file = files.at(i).toObject();
            QCOMPARE(file.value(QStringLiteral("file")).toString(), m_pages.at(i));
            QCOMPARE(file.value(QStringLiteral("width")).toInt(), kSize.width());
            const QJsonArray pages = file.value(QStringLiteral("pages")).toArray();
            QCOMPARE(pages.size(), 1);
            const QJsonObject page = pages.first().toObject();
            const QPolygonF found = cornersOf(page);
            const double iou = Imaging::quadIoU(found, m_truth.at(i));
            const double error = Imaging::maxCornerError(found, m_truth.at(i));
            qInfo("%s: IoU %.4f, largest corner error %.2f px", qPrintable(m_pages.at(i)), iou,
                error);
            QVERIFY2(iou > 0.99 && error < 2,
                qPrintable(QStringLiteral("%1: IoU %2, corner error %3 px")
                               .arg(m_pages.at(i))
                               .arg(iou)
                               .arg(error)));
            QVERIFY(page.value(QStringLiteral("confidence")).toDouble() > 0.5);
            const QString sizeClass = page.value(QStringLiteral("sizeClass")).toString();
            if (m_kinds.at(i) == DocumentKind::A4Form)
                QCOMPARE(sizeClass, QStringLiteral("A4"));
            if (m_kinds.at(i) == DocumentKind::A5Note)
                QCOMPARE(sizeClass, QStringLiteral("A5"));
            if (m_kinds.at(i) == DocumentKind::Licence)
                QCOMPARE(page.value(QStringLiteral("landscape")).toBool(), true);
            const QJsonObject verdict = page.value(QStringLiteral("verdict")).toObject();
            QVERIFY2(verdict.value(QStringLiteral("passed")).toBool(),
                QJsonDocument(verdict).toJson().constData());
            QVERIFY(file.value(QStringLiteral("timings"))
                        .toObject()
                        .contains(QStringLiteral("detectMs")));
        }
    }

    void processWritesPagesAndAPdf()
    {
        const QString outDir = m_dir.filePath(QStringLiteral("out"));
        const QString pdf = m_dir.filePath(QStringLiteral("batch.pdf"));
        // WHEN the batch is processed to pages and one PDF, in human form
        const Run human = cli(QStringList { QStringLiteral("imaging"), QStringLiteral("process"),
                                  QStringLiteral("--out"), outDir, QStringLiteral("--pdf"), pdf,
                                  QStringLiteral("--dpi"), QStringLiteral("150") }
            + m_pages);
        QVERIFY2(human.exitCode == 0, qPrintable(human.out + human.err));
        // THEN each page is a JPEG in the folder, the PDF has every page, timings are shown
        for (const QString &page : { QStringLiteral("a4-page.jpg"), QStringLiteral("a5-page.jpg"),
                 QStringLiteral("licence-page.jpg") }) {
            QFile file(QDir(outDir).filePath(page));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            QVERIFY(file.read(2) == QByteArray("\xFF\xD8"));
        }
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == QByteArray("%PDF-"));
        QVERIFY(human.out.contains(QStringLiteral("timings: decode")));
        QVERIFY(human.out.contains(QStringLiteral("encode")));
        QVERIFY(human.out.contains(QStringLiteral("PDF: ")));

        // AND with --json the figures are machine-readable: A4 at 150 dpi is 1240 x 1754
        const Run json
            = cli({ QStringLiteral("--json"), QStringLiteral("imaging"), QStringLiteral("process"),
                QStringLiteral("--out"), outDir, QStringLiteral("--dpi"), QStringLiteral("150"),
                QStringLiteral("--mode"), QStringLiteral("grey"), m_pages.first() });
        QCOMPARE(json.exitCode, 0);
        const QJsonObject page = json.json()
                                     .value(QStringLiteral("files"))
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value(QStringLiteral("pages"))
                                     .toArray()
                                     .first()
                                     .toObject();
        QCOMPARE(page.value(QStringLiteral("width")).toInt(), 1240);
        QCOMPARE(page.value(QStringLiteral("height")).toInt(), 1754);
        QCOMPARE(page.value(QStringLiteral("mode")).toString(), QStringLiteral("grey"));
        const QJsonObject timings = page.value(QStringLiteral("timings")).toObject();
        for (const char *stage : { "decodeMs", "detectMs", "warpMs", "enhanceMs", "encodeMs" })
            QVERIFY2(timings.value(QLatin1String(stage)).toDouble() > 0, stage);
        QVERIFY(QFile::exists(page.value(QStringLiteral("output")).toString()));
    }

    void twoCardsGiveTwoPages()
    {
        // GIVEN the front and back of an identity card side by side
        SceneSpec spec;
        spec.seed = 4;
        spec.kind = DocumentKind::IdCardFront;
        spec.documentCount = 2;
        spec.jpegQuality = 92;
        const SimFrame frame = renderScene(spec, kSize);
        QCOMPARE(frame.documents.size(), 2);
        const QString path = m_dir.filePath(QStringLiteral("cards.jpg"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(frame.jpeg);
        }
        // WHEN they are detected, THEN both cards are found where they are
        const Run detect = cli({ QStringLiteral("--json"), QStringLiteral("imaging"),
            QStringLiteral("detect"), QStringLiteral("--dpi"), QStringLiteral("100"), path });
        QVERIFY2(detect.exitCode == 0 || detect.exitCode == 1, qPrintable(detect.err));
        const QJsonArray pages = detect.json()
                                     .value(QStringLiteral("files"))
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value(QStringLiteral("pages"))
                                     .toArray();
        QCOMPARE(pages.size(), 2);
        for (const DocumentTruth &truth : frame.documents) {
            double best = 0;
            for (const QJsonValue &page : pages)
                best = std::max(best, Imaging::quadIoU(cornersOf(page.toObject()), truth.corners));
            qInfo("card: best IoU %.4f", best);
            QVERIFY(best > 0.97);
        }
        // AND processing writes one page per card
        const QString outDir = m_dir.filePath(QStringLiteral("cards"));
        const Run process
            = cli({ QStringLiteral("imaging"), QStringLiteral("process"), QStringLiteral("--dpi"),
                QStringLiteral("100"), QStringLiteral("--out"), outDir, path });
        QVERIFY2(process.exitCode == 0 || process.exitCode == 1, qPrintable(process.err));
        QVERIFY2(QFile::exists(QDir(outDir).filePath(QStringLiteral("cards-page1.jpg"))),
            qPrintable(process.out));
        QVERIFY(QFile::exists(QDir(outDir).filePath(QStringLiteral("cards-page2.jpg"))));
    }

    void tooFewPixelsForTheDpiIsAVerdict()
    {
        // GIVEN a picture of 2080 pixels across the 448 mm pad (118 pixels per inch)
        // WHEN 300 dpi pages are asked for
        const Run run = cli({ QStringLiteral("imaging"), QStringLiteral("detect"),
            QStringLiteral("--dpi"), QStringLiteral("300"), m_pages.first() });
        // THEN the page is found but judged too small, with the clerk's message, exit 1
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QStringLiteral("page 1: A4")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("tooSmall: The page is too small")));
    }

    void emptyPadIsExitOne()
    {
        const Run detect = cli({ QStringLiteral("imaging"), QStringLiteral("detect"), m_empty });
        QCOMPARE(detect.exitCode, 1);
        QVERIFY2(detect.out.contains(QStringLiteral("No page was found")), qPrintable(detect.out));
        const Run process
            = cli({ QStringLiteral("--json"), QStringLiteral("imaging"), QStringLiteral("process"),
                QStringLiteral("--out"), m_dir.filePath(QStringLiteral("out2")), m_empty });
        QCOMPARE(process.exitCode, 1);
        QCOMPARE(process.json().value(QStringLiteral("ok")).toBool(), false);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("out2/empty-page.jpg"))));
    }

    void notAPictureIsExitTwoWithAClearMessage()
    {
        const Run run = cli({ QStringLiteral("imaging"), QStringLiteral("detect"), m_notImage });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(m_notImage) && run.err.contains(QStringLiteral("not a picture")),
            qPrintable(run.err));
        // A missing file too; and the good files of the batch are still reported.
        const Run mixed = cli({ QStringLiteral("--json"), QStringLiteral("imaging"),
            QStringLiteral("detect"), QStringLiteral("--dpi"), QStringLiteral("150"),
            m_dir.filePath(QStringLiteral("missing.jpg")), m_pages.first() });
        QCOMPARE(mixed.exitCode, 2);
        QVERIFY(mixed.err.contains(QStringLiteral("missing.jpg")));
        const QJsonArray files = mixed.json().value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.at(1).toObject().value(QStringLiteral("ok")).toBool(), true);
    }

    void usageErrorsAreExitTwo()
    {
        QCOMPARE(cli({ QStringLiteral("imaging"), QStringLiteral("detect") }).exitCode, 2);
        QCOMPARE(cli({ QStringLiteral("imaging"), QStringLiteral("process"),
                         QStringLiteral("--mode"), QStringLiteral("sepia"), m_pages.first() })
                     .exitCode,
            2);
        QCOMPARE(cli({ QStringLiteral("imaging"), QStringLiteral("detect"), QStringLiteral("--dpi"),
                         QStringLiteral("many"), m_pages.first() })
                     .exitCode,
            2);
    }

    void devicesListUnderFakes()
    {
        const Run run
            = cli({ QStringLiteral("--json"), QStringLiteral("devices"), QStringLiteral("list") });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = run.json();
        QCOMPARE(json.value(QStringLiteral("fakeDevicesForced")).toBool(), true);
        QVERIFY(run.out.contains(QStringLiteral("sim:0")));
    }
};

QTEST_MAIN(tst_CliImaging)
#include "tst_cli_imaging.moc"
