// Tentative page outlines (issue 18): an unsure detection is drawn dashed in its own colour,
// and the clerk corrects a corner with the mouse or the keyboard; the corrected outline is
// what the still uses. Runs on a real X server (Xvfb), the simulated document camera through
// the device registry, CaptureSession and CameraView.

#include <imaging/CaptureSession.h>
#include <widgets/CameraView.h>

#include <QApplication>
#include <QLineF>
#include <QSignalSpy>
#include <QTest>

#include <drivers/api/DeviceFactory.h>
#include <drivers/sim/SimScene.h>
#include <drivers/sim/SimulatedCamera.h>

using namespace Tongban;
using namespace Tongban::Imaging;
using namespace Tongban::Widgets;

namespace {
constexpr int kStillTimeoutMs = 60000; // a 13 MP still in a debug build on a busy machine
const QColor kTentative(0xb3, 0x7d, 0xf2);

struct Camera
{
    std::unique_ptr<Drivers::DeviceRegistry> registry;
    std::shared_ptr<Drivers::DocumentSource> source;
    Drivers::Sim::SimulatedCamera *sim = nullptr;
};

Camera openCamera(const QString &scenario, int seed)
{
    Camera c;
    c.registry = Drivers::createDeviceRegistry();
    const auto sources = c.registry->documentSources();
    if (sources.isEmpty())
        return c;
    auto created = c.registry->create(sources.first().id);
    if (!created)
        return c;
    c.source = *created;
    c.sim = qobject_cast<Drivers::Sim::SimulatedCamera *>(c.source.get());
    if (c.sim) {
        (void)c.sim->setOption(QStringLiteral("scenario"), scenario);
        (void)c.sim->setOption(QStringLiteral("seed"), seed);
    }
    return c;
}

bool stepFrame(Camera &camera, CaptureSession &session)
{
    QSignalSpy updated(&session, &CaptureSession::previewUpdated);
    const int dropped = session.droppedFrames();
    camera.sim->emitNextPreviewFrame();
    return session.droppedFrames() > dropped || updated.wait(10000);
}

bool isTentativeColour(QRgb c)
{
    return std::abs(qRed(c) - kTentative.red()) < 30
        && std::abs(qGreen(c) - kTentative.green()) < 30
        && std::abs(qBlue(c) - kTentative.blue()) < 30;
}

// How many of \a samples points along the first quad's top side are drawn in the tentative
// colour (looking a pixel either side of the line).
int tentativePixelsAlongTop(CameraView &view, int samples)
{
    const QImage shot = view.grab().toImage();
    const QPolygonF &c = view.quads().first().corners;
    int hits = 0;
    for (int i = 1; i < samples; ++i) {
        const QPointF at = view.toWidget(c[0] + (c[1] - c[0]) * (double(i) / samples));
        bool hit = false;
        for (int dy = -1; dy <= 1 && !hit; ++dy)
            hit = isTentativeColour(shot.pixel(qRound(at.x()), qRound(at.y()) + dy));
        hits += hit;
    }
    return hits;
}
} // namespace

class TestTentativeQuad : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(QGuiApplication::platformName() != QLatin1String("offscreen")); }

    void unsureOutlineIsDashedInItsOwnColour()
    {
        // GIVEN the camera view on screen with a preview frame
        CameraView view;
        view.resize(640, 480);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto frame = Drivers::Sim::renderScene(Drivers::Sim::randomScene(3),
            QSize(Drivers::Sim::kPreviewWidth, Drivers::Sim::kPreviewHeight));
        PageQuad quad;
        quad.corners = QPolygonF(
            { QPointF(300, 150), QPointF(700, 160), QPointF(690, 600), QPointF(310, 590) });
        // WHEN the detection is unsure
        quad.confidence = 0.6;
        view.showPreview(frame.image, { quad }, AutoCaptureState::Searching, {});
        QVERIFY(view.quads().first().isTentative());
        // THEN its outline is violet and dashed: violet along part of the side, gaps between
        const int samples = 80;
        const int unsure = tentativePixelsAlongTop(view, samples);
        qInfo("tentative outline: %d of %d points violet", unsure, samples - 1);
        QVERIFY(unsure >= samples / 4);
        QVERIFY(unsure <= samples - 8);
        // WHEN the detection is sure
        quad.confidence = 0.95;
        view.showPreview(frame.image, { quad }, AutoCaptureState::Searching, {});
        // THEN it is drawn in the state's colour, not violet
        QVERIFY(!view.quads().first().isTentative());
        QCOMPARE(tentativePixelsAlongTop(view, samples), 0);
    }

    void draggedCornerIsWhatTheStillUses()
    {
        // GIVEN a page at rest on the simulated camera, auto-capture off, the camera view on
        // screen showing the detected outline
        Camera camera = openCamera(QStringLiteral("static"), 5);
        QVERIFY(camera.sim);
        CaptureSession session;
        session.setAutoCaptureEnabled(false);
        session.setSource(camera.source.get());
        QVERIFY(session.start());
        camera.sim->stopPreview();
        CameraView view;
        view.resize(640, 480);
        view.setSession(&session);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        for (int i = 0; i < 3; ++i)
            QVERIFY(stepFrame(camera, session));
        QCOMPARE(view.quads().size(), 1);
        const PageQuad detected = view.quads().first();
        const QSize previewSize = view.frame().size();
        QSignalSpy corrected(&view, &CameraView::quadCorrected);

        // WHEN the clerk drags the bottom-right corner 40 px (on screen) up and to the left
        const QPoint from = view.toWidget(detected.corners[2]).toPoint();
        const QPoint to = from - QPoint(40, 40);
        QTest::mousePress(&view, Qt::LeftButton, {}, from);
        QTest::mouseMove(&view, from - QPoint(20, 20));
        QTest::mouseMove(&view, to);
        QTest::mouseRelease(&view, Qt::LeftButton, {}, to);

        // THEN the outline follows the mouse and the session holds the clerk's outline
        QCOMPARE(corrected.count(), 1);
        const PageQuad clerk = session.correctedQuad();
        QVERIFY(clerk.isValid());
        QVERIFY(clerk.clerkCorrected);
        const QPointF expected = view.toFrame(QPointF(to));
        QVERIFY2(QLineF(clerk.corners[2], expected).length() < 1.0,
            qPrintable(QStringLiteral("corner at %1,%2, expected %3,%4")
                           .arg(clerk.corners[2].x())
                           .arg(clerk.corners[2].y())
                           .arg(expected.x())
                           .arg(expected.y())));
        QVERIFY(QLineF(clerk.corners[2], detected.corners[2]).length() > 40);
        for (int i : { 0, 1, 3 })
            QVERIFY(QLineF(clerk.corners[i], detected.corners[i]).length() < 0.01);
        // ... and keeps showing it over the next detections of the same page
        for (int i = 0; i < 3; ++i)
            QVERIFY(stepFrame(camera, session));
        QVERIFY(view.quads().first().clerkCorrected);
        QVERIFY(QLineF(view.quads().first().corners[2], clerk.corners[2]).length() < 0.01);

        // WHEN the clerk captures (Space)
        QSignalSpy captured(&session, &CaptureSession::pageCaptured);
        QTest::keyClick(&view, Qt::Key_Space);
        QVERIFY(captured.wait(kStillTimeoutMs));
        // THEN the page kept was rectified from the clerk's corners, unrefined, at the still's
        // scale
        const ProcessedPage page = captured.first().first().value<ProcessedPage>();
        QVERIFY(page.verdict.passed());
        QVERIFY(page.quad.clerkCorrected);
        QVERIFY(!page.page.isNull() && !page.encoded.isEmpty());
        const double toStill = double(Drivers::Sim::kStillWidth) / previewSize.width();
        const PageQuad clerkOnStill = clerk.scaled(toStill);
        for (int i = 0; i < 4; ++i)
            QVERIFY(QLineF(page.quad.corners[i], clerkOnStill.corners[i]).length() < 0.5);
        QVERIFY(QLineF(page.quad.corners[2], detected.scaled(toStill).corners[2]).length() > 100);
        // ... and the next page is detected afresh
        QVERIFY(!session.correctedQuad().isValid());
    }

    void keyboardMovesTheChosenCorner()
    {
        // GIVEN a page at rest, its outline shown, the camera view focused
        Camera camera = openCamera(QStringLiteral("static"), 7);
        QVERIFY(camera.sim);
        CaptureSession session;
        session.setAutoCaptureEnabled(false);
        session.setSource(camera.source.get());
        QVERIFY(session.start());
        camera.sim->stopPreview();
        CameraView view;
        view.resize(640, 480);
        view.setSession(&session);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.activateWindow();
        view.setFocus();
        for (int i = 0; i < 3; ++i)
            QVERIFY(stepFrame(camera, session));
        QCOMPARE(view.quads().size(), 1);
        const PageQuad detected = view.quads().first();
        // WHEN the clerk chooses the bottom-left corner (4) and moves it 3 x 10 px left and
        // 2 px down (Shift+Left three times, Down twice)
        QTest::keyClick(&view, Qt::Key_4);
        QCOMPARE(view.selectedCorner(), 3);
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(&view, Qt::Key_Left, Qt::ShiftModifier);
        QTest::keyClick(&view, Qt::Key_Down);
        QTest::keyClick(&view, Qt::Key_Down);
        // THEN the session holds that corner there, the others unmoved
        const PageQuad clerk = session.correctedQuad();
        QVERIFY(clerk.isValid());
        QVERIFY(QLineF(clerk.corners[3], detected.corners[3] + QPointF(-30, 2)).length() < 0.01);
        for (int i : { 0, 1, 2 })
            QVERIFY(QLineF(clerk.corners[i], detected.corners[i]).length() < 0.01);
        // WHEN the clerk presses Escape
        QTest::keyClick(&view, Qt::Key_Escape);
        // THEN the correction is dropped and the next frame shows the detection again
        QVERIFY(!session.correctedQuad().isValid());
        QVERIFY(stepFrame(camera, session));
        QVERIFY(!view.quads().first().clerkCorrected);
    }
};

QTEST_MAIN(TestTentativeQuad)
#include "tst_tentativequad.moc"
