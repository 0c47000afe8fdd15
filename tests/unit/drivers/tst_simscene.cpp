#include <QDir>
#include <QElapsedTimer>
#include <QTest>

#include <drivers/sim/SimScene.h>

using namespace Tongban::Drivers::Sim;

class TestSimScene : public QObject
{
    Q_OBJECT
private slots:
    void sameSeedSamePixels();
    void cornersMatchThePageBrightness();
    void emptyPadHasNoDocument();
    void moveThenSettleCycles();
    void dumpSamples();
};

void TestSimScene::sameSeedSamePixels()
{
    // GIVEN one scene spec
    const SceneSpec spec = randomScene(42);
    // WHEN it is rendered twice
    const SimFrame a = renderScene(spec, QSize(kPreviewWidth, kPreviewHeight));
    const SimFrame b = renderScene(spec, QSize(kPreviewWidth, kPreviewHeight));
    // THEN pixels and corners are identical
    QCOMPARE(a.image, b.image);
    QCOMPARE(a.documents.size(), b.documents.size());
    QCOMPARE(a.documents.first().corners, b.documents.first().corners);
}

void TestSimScene::cornersMatchThePageBrightness()
{
    // GIVEN an A4 page on the dark pad
    SceneSpec spec;
    spec.seed = 7;
    const SimFrame frame = renderScene(spec, QSize(kPreviewWidth, kPreviewHeight));
    QCOMPARE(frame.documents.size(), 1);
    const QPolygonF quad = frame.documents.first().corners;
    // WHEN sampling just inside and just outside the first edge's midpoint
    const QPointF mid = (quad[0] + quad[1]) / 2;
    const QPointF inward = ((quad[2] + quad[3]) / 2 - mid) / 100.0;
    const QPoint inside = (mid + inward * 2).toPoint();
    const QPoint outside = (mid - inward * 2).toPoint();
    // THEN the page is much brighter than the pad there
    QVERIFY(qGray(frame.image.pixel(inside)) > qGray(frame.image.pixel(outside)) + 60);
}

void TestSimScene::emptyPadHasNoDocument()
{
    SceneSpec spec;
    spec.documentCount = 0;
    const SimFrame frame = renderScene(spec, QSize(640, 480));
    QVERIFY(frame.documents.isEmpty());
    QCOMPARE(frame.image.size(), QSize(640, 480));
}

void TestSimScene::moveThenSettleCycles()
{
    // GIVEN the scenario's frame sequence
    int page = 0;
    const SceneSpec first = moveThenSettleScene(1, 0, &page);
    QCOMPARE(page, 0);
    QVERIFY(first.motion > 0.9);
    const SceneSpec rest = moveThenSettleScene(1, kMoveFrames + 3, &page);
    QCOMPARE(rest.motion, 0.0);
    moveThenSettleScene(1, kMoveFrames + kRestFrames + 1, &page);
    QCOMPARE(page, -1);
    moveThenSettleScene(1, kMoveFrames + kRestFrames + kGapFrames, &page);
    QCOMPARE(page, 1);
}

// The simulator's frame time is a speed figure: it belongs in tests/bench
// (bench_imaging), not in a timed test that fails on a loaded machine.

void TestSimScene::dumpSamples()
{
    const QString dir = qEnvironmentVariable("TONGBAN_SIM_DUMP");
    if (dir.isEmpty())
        QSKIP("set TONGBAN_SIM_DUMP=folder to write sample frames");
    QDir().mkpath(dir);
    for (quint32 seed = 0; seed < 16; ++seed) {
        const SimFrame f = renderScene(randomScene(seed), QSize(kPreviewWidth, kPreviewHeight));
        QImage img = f.image;
        f.image.save(dir + QStringLiteral("/sim_%1.png").arg(seed));
    }
    SceneSpec cut;
    cut.cutCorner = true;
    renderScene(cut, QSize(kPreviewWidth, kPreviewHeight))
        .image.save(dir + QStringLiteral("/cut.png"));
}

QTEST_MAIN(TestSimScene)
#include "tst_simscene.moc"
