#include <imaging/AutoCapture.h>
#include <imaging/PageDetector.h>

#include <QTest>

#include <drivers/sim/SimScene.h>

using namespace Tongban;
using namespace Tongban::Drivers;
using namespace Tongban::Imaging;

class TestAutoCapture : public QObject
{
    Q_OBJECT
private slots:
    void firesOncePerSettledPage();
    void disabledNeverFires();
    void nudgedPageIsNotCapturedTwice();
    void aPageInPlaceIsNotTakenAgainAfterAHold();
    void aHoldBeforeAnyFrameHoldsTheFirstPageSeen();
};

void TestAutoCapture::firesOncePerSettledPage()
{
    // GIVEN the "page moves then settles" scenario with three pages
    PageDetector detector;
    AutoCapture autoCapture;
    const int cycle = Sim::kMoveFrames + Sim::kRestFrames + Sim::kGapFrames;
    QList<int> firedPages;
    for (int i = 0; i < 3 * cycle; ++i) {
        int page = -1;
        const Sim::SceneSpec spec = Sim::moveThenSettleScene(11, i, &page);
        const auto frame = Sim::renderScene(spec, QSize(Sim::kPreviewWidth, Sim::kPreviewHeight));
        // WHEN each preview frame's detection is fed in
        if (autoCapture.feed(detector.detect(frame.image), frame.image.size(), true)) {
            QVERIFY2(page >= 0, "fired on an empty pad");
            QVERIFY2(spec.motion == 0, "fired while the page moved");
            firedPages.append(page);
        }
    }
    // THEN it fired exactly once for each page, after it settled
    qInfo("auto-capture fired for pages %s over %d frames",
        qPrintable(QString::number(firedPages.value(0)) + QLatin1Char(',')
            + QString::number(firedPages.value(1)) + QLatin1Char(',')
            + QString::number(firedPages.value(2))),
        3 * cycle);
    QCOMPARE(firedPages, QList<int>({ 0, 1, 2 }));
}

void TestAutoCapture::disabledNeverFires()
{
    AutoCapture autoCapture;
    autoCapture.setEnabled(false);
    PageQuad q;
    q.corners = QPolygonF({ { 100, 100 }, { 600, 100 }, { 600, 700 }, { 100, 700 } });
    for (int i = 0; i < 50; ++i)
        QVERIFY(!autoCapture.feed({ q }, QSize(1024, 768), true));
    QCOMPARE(autoCapture.state(), AutoCaptureState::Disabled);
}

void TestAutoCapture::nudgedPageIsNotCapturedTwice()
{
    // GIVEN a page captured once
    AutoCapture autoCapture;
    PageQuad q;
    q.corners = QPolygonF({ { 100, 100 }, { 600, 100 }, { 600, 700 }, { 100, 700 } });
    int fired = 0;
    for (int i = 0; i < 20; ++i)
        fired += autoCapture.feed({ q }, QSize(1024, 768), true);
    QCOMPARE(fired, 1);
    // WHEN the clerk nudges it by a few millimetres and it rests again
    q.corners.translate(8, 5);
    for (int i = 0; i < 40; ++i)
        fired += autoCapture.feed({ q }, QSize(1024, 768), true);
    // THEN no second capture; an unsharp page never fires either
    QCOMPARE(fired, 1);
    autoCapture.reset();
    for (int i = 0; i < 40; ++i)
        fired += autoCapture.feed({ q }, QSize(1024, 768), false);
    QCOMPARE(fired, 1);
}

// Issue 14: revisiting a material, or deleting a page, captured the page still lying there.
void TestAutoCapture::aPageInPlaceIsNotTakenAgainAfterAHold()
{
    // GIVEN a page captured once and still lying on the pad
    AutoCapture autoCapture;
    PageQuad q;
    q.corners = QPolygonF({ { 100, 100 }, { 600, 100 }, { 600, 700 }, { 100, 700 } });
    int fired = 0;
    for (int i = 0; i < 20; ++i)
        fired += autoCapture.feed({ q }, QSize(1024, 768), true);
    QCOMPARE(fired, 1);
    // WHEN the clerk deletes the page or goes to another material (the hold)
    autoCapture.requireNewPage();
    for (int i = 0; i < 60; ++i)
        fired += autoCapture.feed({ q }, QSize(1024, 768), true);
    // THEN the page lying there is not taken again
    QCOMPARE(fired, 1);
    QVERIFY(autoCapture.isHolding());
    // WHEN the page is lifted and a page is laid again
    for (int i = 0; i < 5; ++i)
        fired += autoCapture.feed({}, QSize(1024, 768), true);
    for (int i = 0; i < 20; ++i)
        fired += autoCapture.feed({ q }, QSize(1024, 768), true);
    // THEN that newly placed page is captured, once
    QCOMPARE(fired, 2);
    QVERIFY(!autoCapture.isHolding());
}

void TestAutoCapture::aHoldBeforeAnyFrameHoldsTheFirstPageSeen()
{
    // GIVEN a screen just opened (hold before any frame) with a page left on the pad
    AutoCapture autoCapture;
    autoCapture.requireNewPage();
    PageQuad q;
    q.corners = QPolygonF({ { 100, 100 }, { 600, 100 }, { 600, 700 }, { 100, 700 } });
    int fired = 0;
    // WHEN it lies still for many frames with nobody there
    for (int i = 0; i < 100; ++i)
        fired += autoCapture.feed({ q }, QSize(1024, 768), true);
    // THEN nothing is captured
    QCOMPARE(fired, 0);
    // AND a different page laid well apart is captured
    PageQuad other;
    other.corners = QPolygonF({ { 500, 50 }, { 1000, 50 }, { 1000, 700 }, { 500, 700 } });
    for (int i = 0; i < 20; ++i)
        fired += autoCapture.feed({ other }, QSize(1024, 768), true);
    QCOMPARE(fired, 1);
}

QTEST_MAIN(TestAutoCapture)
#include "tst_autocapture.moc"
