// Flatbed / sheet-scanner deskew (issue 4) on synthetic 200 dpi scans (FlatbedScans.h):
// - estimateSkew() finds every page's angle within 0.2 deg (-3 ... +3 deg, small angles, an
//   offset page, a dark photo near an edge, a lid shadow line along the glass's border);
// - rotateScan() by the estimate leaves a residual skew within 0.2 deg;
// - a page without content falls back to its outline against the lid (within 0.5 deg);
// - a blank lid gives no angle.
#include "FlatbedScans.h"

#include <imaging/CapturePipeline.h>
#include <imaging/Deskew.h>

#include <QTest>

#include <cmath>

using namespace Tongban::Imaging;
using namespace Tongban::Imaging::Testing;

class TestDeskew : public QObject
{
    Q_OBJECT

private slots:
    void synthetic_data()
    {
        QTest::addColumn<int>("index");
        for (size_t i = 0; i < flatbedScanCount(); ++i)
            QTest::newRow(flatbedSpecs()[i].label) << int(i);
    }

    void synthetic()
    {
        QFETCH(int, index);
        const FlatbedScan scan = renderFlatbedScan(size_t(index));
        const SkewEstimate e = estimateSkew(scan.image);
        qInfo("%s: found %.3f deg (truth %.2f), error %.3f, contrast %.2f", qPrintable(scan.label),
            e.angleDeg, scan.angleDeg, std::abs(e.angleDeg - scan.angleDeg), e.contrast);
        QCOMPARE(e.method, SkewMethod::TextLines);
        QVERIFY2(
            std::abs(e.angleDeg - scan.angleDeg) <= 0.2, qPrintable(QString::number(e.angleDeg)));

        // The deskewed scan has no skew left.
        const QImage straight = rotateScan(scan.image, e.angleDeg);
        QCOMPARE(straight.size(), scan.image.size());
        const SkewEstimate residual = estimateSkew(straight);
        QVERIFY2(
            std::abs(residual.angleDeg) <= 0.2, qPrintable(QString::number(residual.angleDeg)));
    }

    // The pipeline routes a scan (no preview) to the deskew and keeps the whole glass.
    void processStillDeskewsScans()
    {
        const FlatbedScan scan = renderFlatbedScan(4); // +3.0 deg
        StillInput input;
        input.image = scan.image;
        input.scan = true;
        const auto page = processStill(input, ProcessOptions());
        QVERIFY2(page.ok(), page.ok() ? "" : qPrintable(page.error().toString()));
        QVERIFY(std::abs(page->deskewDeg - scan.angleDeg) <= 0.2);
        QCOMPARE(page->page.size(), scan.image.size()); // 200 dpi in, 200 dpi out
        QVERIFY(!page->encoded.isEmpty());
        QVERIFY(!page->verdict.issues.contains(QualityIssue::CutOff));
        const SkewEstimate residual = estimateSkew(page->page);
        QVERIFY2(
            std::abs(residual.angleDeg) <= 0.2, qPrintable(QString::number(residual.angleDeg)));

        // At 300 dpi, resampled to the requested 200.
        input.image = scan.image.scaled(2700, 3720);
        input.scanDpi = 300;
        const auto resampled = processStill(input, ProcessOptions());
        QVERIFY(resampled.ok());
        QCOMPARE(resampled->page.width(), 1800);
    }

    void blankPageUsesOutline()
    {
        QImage scan(1800, 2480, QImage::Format_RGB888);
        scan.fill(QColor(238, 238, 238));
        QPainter p(&scan);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.translate(900, 1240);
        p.rotate(-1.5);
        QImage page(1654, 2339, QImage::Format_RGB888);
        page.fill(QColor(254, 254, 254));
        p.drawImage(QPointF(-827, -1169.5), page);
        p.end();
        const SkewEstimate e = estimateSkew(scan);
        qInfo("blank page: found %.3f deg (truth -1.5)", e.angleDeg);
        QCOMPARE(e.method, SkewMethod::PageBorder);
        QVERIFY(std::abs(e.angleDeg + 1.5) <= 0.5);
    }

    void emptyLid()
    {
        QImage scan(900, 1240, QImage::Format_Grayscale8);
        scan.fill(245);
        const SkewEstimate e = estimateSkew(scan);
        QCOMPARE(e.method, SkewMethod::None);
        QCOMPARE(e.angleDeg, 0.0);
        QCOMPARE(estimateSkew(QImage()).method, SkewMethod::None);
    }
};

QTEST_MAIN(TestDeskew)
#include "tst_deskew.moc"
