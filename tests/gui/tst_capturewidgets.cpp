// The capture parts of the checklist screen (issue 6): CaptureSession on the simulated
// document camera, CameraView and PageStrip, driven offscreen like a clerk would.

#include <imaging/CaptureSession.h>
#include <imaging/QualityGate.h>
#include <widgets/CameraView.h>
#include <widgets/PageStrip.h>
#include <widgets/PageViewer.h>

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include <cstdlib>
#include <drivers/api/DeviceFactory.h>
#include <drivers/sim/SimulatedCamera.h>

using namespace Tongban;
using namespace Tongban::Imaging;
using namespace Tongban::Widgets;

namespace {
constexpr int kStillTimeoutMs = 60000; // a 13 MP still in a debug build on a busy machine

/// The simulated camera as the workstation gets it: through the device registry.
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

/*!
 * One preview frame through the session, waiting until it is detected; true at once when
 * the session skips it (while a still is processed).
 */
bool stepFrame(Camera &camera, CaptureSession &session)
{
    QSignalSpy updated(&session, &CaptureSession::previewUpdated);
    const int dropped = session.droppedFrames();
    camera.sim->emitNextPreviewFrame();
    return session.droppedFrames() > dropped || updated.wait(10000);
}

void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("TONGBAN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    QVERIFY2(widget->grab().save(path), qPrintable(path));
    qInfo("screenshot %s", qPrintable(path));
}

QImage testPage(QColor colour, QSize size = QSize(160, 226))
{
    QImage image(size, QImage::Format_RGB888);
    image.fill(colour);
    return image;
}
} // namespace

class tst_CaptureWidgets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(Drivers::DeviceRegistry::fakeDevicesForced());
        qRegisterMetaType<ProcessedPage>();
    }

    void settlingPageIsCapturedExactlyOnce()
    {
        // GIVEN the simulated camera with a page that slides in and settles, and a session
        Camera camera = openCamera(QStringLiteral("moveThenSettle"), 11);
        QVERIFY(camera.sim);
        CaptureSession session;
        session.setSource(camera.source.get());
        QVERIFY(session.start());
        camera.sim->stopPreview(); // the test drives the frames itself
        QSignalSpy captured(&session, &CaptureSession::pageCaptured);
        QSignalSpy rejected(&session, &CaptureSession::captureRejected);
        QList<AutoCaptureState> states;
        connect(&session, &CaptureSession::previewUpdated, this,
            [&](const QImage &, const QList<PageQuad> &, AutoCaptureState s, const QString &) {
                states.append(s);
            });

        // WHEN the page moves in for 10 frames and rests for 35 (one page of the scenario)
        for (int i = 0; i < Drivers::Sim::kMoveFrames + Drivers::Sim::kRestFrames; ++i)
            QVERIFY2(stepFrame(camera, session), "preview frame not detected");
        if (session.isCapturing())
            QVERIFY(captured.wait(kStillTimeoutMs) || !rejected.isEmpty());

        // THEN exactly one page was captured, after the page settled, and it is the A4 form
        QCOMPARE(rejected.count(), 0);
        QCOMPARE(captured.count(), 1);
        QVERIFY(states.contains(AutoCaptureState::Settling));
        QCOMPARE(states.last(), AutoCaptureState::Captured);
        const auto page = captured.first().first().value<ProcessedPage>();
        QVERIFY(page.verdict.passed());
        QVERIFY(!page.encoded.isEmpty());
        QCOMPARE(page.mediaType.isEmpty(), false);
        QVERIFY(page.timings.totalMs() > 0);
        const QSizeF mm = Drivers::Sim::documentSizeMm(Drivers::Sim::DocumentKind::A4Form);
        const double expected
            = std::min(mm.width(), mm.height()) / std::max(mm.width(), mm.height());
        const double aspect = double(std::min(page.page.width(), page.page.height()))
            / std::max(page.page.width(), page.page.height());
        qInfo("captured page %dx%d (aspect %.4f, document %.4f), %lld bytes %s, %.0f ms in the "
              "pipeline",
            page.page.width(), page.page.height(), aspect, expected, qlonglong(page.encoded.size()),
            qPrintable(page.mediaType), page.timings.totalMs());
        QVERIFY(std::abs(aspect - expected) < 0.01);
        QVERIFY(page.page.height() > page.page.width()); // portrait, as the form lies
        // ... and no second capture while the same page stays on the pad
        for (int i = 0; i < 5; ++i)
            QVERIFY(stepFrame(camera, session));
        QVERIFY(!session.isCapturing());
        QCOMPARE(captured.count(), 1);
    }

    void manualCaptureWithAutoCaptureOff()
    {
        // GIVEN a page at rest and auto-capture switched off
        Camera camera = openCamera(QStringLiteral("static"), 5);
        QVERIFY(camera.sim);
        CaptureSession session;
        session.setAutoCaptureEnabled(false);
        session.setSource(camera.source.get());
        QVERIFY(session.start());
        camera.sim->stopPreview();
        QSignalSpy captured(&session, &CaptureSession::pageCaptured);
        QSignalSpy started(&session, &CaptureSession::captureStarted);
        CameraView view;
        view.resize(640, 480);
        view.setSession(&session);
        // WHEN the page lies still for 20 frames
        for (int i = 0; i < 20; ++i)
            QVERIFY(stepFrame(camera, session));
        // THEN nothing is captured by itself
        QCOMPARE(started.count(), 0);
        QCOMPARE(session.autoCaptureState(), AutoCaptureState::Disabled);
        QCOMPARE(view.status(), CameraView::Status::Live);
        QCOMPARE(view.quads().size(), 1);
        // WHEN the clerk presses Space in the camera view
        QTest::keyClick(&view, Qt::Key_Space);
        QCOMPARE(started.count(), 1);
        QVERIFY(session.isCapturing());
        QVERIFY(!session.captureNow()); // one capture at a time
        // THEN the page is captured once
        QVERIFY(captured.wait(kStillTimeoutMs));
        QCOMPARE(captured.count(), 1);
        QVERIFY(captured.first().first().value<ProcessedPage>().verdict.passed());
        QCOMPARE(session.droppedFrames(), 0);
    }

    void stillThumbnailShowsFirstThenTheProcessedPage()
    {
        // GIVEN a page at rest (the camera hands over its 13 MP JPEG), auto-capture off, and
        // a shown strip wired as the capture pane wires it
        Camera camera = openCamera(QStringLiteral("static"), 5);
        QVERIFY(camera.sim);
        CaptureSession session;
        session.setAutoCaptureEnabled(false);
        session.setSource(camera.source.get());
        QVERIFY(session.start());
        camera.sim->stopPreview();
        for (int i = 0; i < 3; ++i)
            QVERIFY(stepFrame(camera, session));
        PageStrip strip;
        strip.resize(900, 240);
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        strip.addPage(QStringLiteral("earlier"), testPage(Qt::gray));
        QStringList events;
        QImage early;
        connect(&session, &CaptureSession::stillThumbnail, &strip, [&](const QImage &t) {
            events << QStringLiteral("thumbnail");
            early = t;
            strip.showPendingPage(t);
        });
        connect(&strip, &PageStrip::pendingPageShown, &strip,
            [&] { events << QStringLiteral("thumbnail painted"); });
        connect(&session, &CaptureSession::pageCaptured, &strip, [&](const ProcessedPage &p) {
            events << QStringLiteral("page");
            QCOMPARE(strip.pageCount(), 1); // the pending card is not a page
            QCOMPARE(strip.pageIds(), QStringList { QStringLiteral("earlier") });
            strip.addPage(QStringLiteral("p1"), p.page);
        });
        connect(&strip, &PageStrip::thumbnailShown, &strip, [&](const QString &id) {
            if (id == QLatin1String("p1"))
                events << QStringLiteral("page painted");
        });
        QSignalSpy shown(&strip, &PageStrip::thumbnailShown);

        // WHEN the clerk captures
        QVERIFY(session.captureNow());
        QTRY_VERIFY_WITH_TIMEOUT(events.contains(QStringLiteral("page painted")), kStillTimeoutMs);

        // THEN the still's thumbnail came before the processed page, once, rectified from the
        // preview's outline (an A4 form: portrait, its aspect ratio). Its card is painted at
        // the next paint unless the page is already there: on a quiet machine the page was
        // once ready before that paint, and the clerk then sees the page at once, so whether
        // "thumbnail painted" comes, and where, is left open ...
        QStringList order = events;
        order.removeAll(QStringLiteral("thumbnail painted"));
        QCOMPARE(order,
            QStringList({ QStringLiteral("thumbnail"), QStringLiteral("page"),
                QStringLiteral("page painted") }));
        QVERIFY(!early.isNull());
        QVERIFY(early.width() < 400 && early.height() < 400);
        const QSizeF mm = Drivers::Sim::documentSizeMm(Drivers::Sim::DocumentKind::A4Form);
        QVERIFY(std::abs(double(early.width()) / early.height()
                    - std::min(mm.width(), mm.height()) / std::max(mm.width(), mm.height()))
            < 0.02);
        // ... and the processed page took the card's place: no card left over
        QVERIFY(!strip.hasPendingPage());
        QCOMPARE(strip.count(), 2);
        QCOMPARE(strip.pageIds(), QStringList({ QStringLiteral("earlier"), QStringLiteral("p1") }));
        QVERIFY(strip.hasThumbnail(QStringLiteral("p1")));

        // GIVEN a new early thumbnail; WHEN a page already there is put back (a refresh) and
        // the capture is rejected THEN the card stays until dropped, and no page is lost
        strip.showPendingPage(early);
        QVERIFY(strip.hasPendingPage());
        const QImage earlier = strip.pageImage(QStringLiteral("earlier"));
        strip.removePage(QStringLiteral("earlier"));
        strip.insertPage(0, QStringLiteral("earlier"), earlier);
        QVERIFY(strip.hasPendingPage());
        QCOMPARE(strip.pageCount(), 2);
        strip.clearPendingPage();
        QVERIFY(!strip.hasPendingPage());
        QCOMPARE(strip.count(), 2);
        QCOMPARE(strip.pageIds(), QStringList({ QStringLiteral("earlier"), QStringLiteral("p1") }));
    }

    void blurredSceneIsRejectedWithTheBlurMessage()
    {
        // GIVEN a page out of focus (0.8 mm blur on the paper), manual capture
        Camera camera = openCamera(QStringLiteral("static"), 7);
        QVERIFY(camera.sim);
        QVERIFY(camera.sim->setOption(QStringLiteral("blurTenthMm"), 8));
        CaptureSession session;
        session.setAutoCaptureEnabled(false);
        session.setSource(camera.source.get());
        QVERIFY(session.start());
        camera.sim->stopPreview();
        QSignalSpy previews(&session, &CaptureSession::previewUpdated);
        QSignalSpy captured(&session, &CaptureSession::pageCaptured);
        QSignalSpy rejected(&session, &CaptureSession::captureRejected);
        for (int i = 0; i < 3; ++i)
            QVERIFY(stepFrame(camera, session));
        // THEN the preview already warns
        const QString blurMessage = qualityIssueMessage(QualityIssue::Blurred);
        QCOMPARE(previews.last().at(3).toString(), blurMessage);
        // WHEN the clerk captures anyway
        QVERIFY(session.captureNow());
        // THEN the capture is rejected with the clerk's blur message, and no page comes
        QVERIFY(rejected.wait(kStillTimeoutMs));
        QVERIFY2(rejected.first().first().toString().contains(blurMessage),
            qPrintable(rejected.first().first().toString()));
        QCOMPARE(captured.count(), 0);
        QVERIFY(!session.isCapturing());
    }

    void unplugMidCaptureKeepsCapturedPages()
    {
        // GIVEN one page captured and shown in the strip, as the checklist screen does it
        Camera camera = openCamera(QStringLiteral("static"), 9);
        QVERIFY(camera.sim);
        CaptureSession session;
        session.setAutoCaptureEnabled(false);
        session.setSource(camera.source.get());
        QVERIFY(session.start());
        camera.sim->stopPreview();
        CameraView view;
        view.setSession(&session);
        PageStrip strip;
        int next = 0;
        connect(&session, &CaptureSession::pageCaptured, &strip, [&](const ProcessedPage &page) {
            strip.addPage(QStringLiteral("page-%1").arg(++next), page.page);
        });
        QSignalSpy captured(&session, &CaptureSession::pageCaptured);
        QSignalSpy lost(&session, &CaptureSession::sourceLost);
        QSignalSpy rejected(&session, &CaptureSession::captureRejected);
        QVERIFY(stepFrame(camera, session));
        QVERIFY(session.captureNow());
        QVERIFY(captured.wait(kStillTimeoutMs));
        QCOMPARE(strip.pageCount(), 1);

        // WHEN the cable is pulled while the next still is being taken
        QVERIFY(stepFrame(camera, session));
        QVERIFY(session.captureNow());
        camera.sim->simulateUnplug();

        // THEN the session reports the loss once, in words for the clerk, and nothing else
        QCOMPARE(lost.count(), 1);
        QVERIFY(!lost.first().first().toString().isEmpty());
        QCOMPARE(rejected.count(), 0);
        QVERIFY(!session.isCapturing());
        QVERIFY(!session.captureNow());
        QCOMPARE(view.status(), CameraView::Status::Lost);
        QTest::qWait(200);
        // ... and the page captured before stays in the strip
        QCOMPARE(captured.count(), 1);
        QCOMPARE(strip.pageIds(), QStringList { QStringLiteral("page-1") });
        QVERIFY(!strip.pageImage(QStringLiteral("page-1")).isNull());
    }

    void pageStripReorderRotateDeleteRetake()
    {
        // GIVEN a strip with three pages, the second one current
        PageStrip strip;
        strip.resize(600, 240);
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        const QString a = QStringLiteral("a"), b = QStringLiteral("b"), c = QStringLiteral("c");
        strip.addPage(a, testPage(Qt::white));
        strip.addPage(b, testPage(Qt::lightGray));
        strip.addPage(c, testPage(Qt::gray));
        strip.setCurrentPage(b);
        QSignalSpy order(&strip, &PageStrip::pageOrderChanged);
        QSignalSpy rotate(&strip, &PageStrip::rotateRequested);
        QSignalSpy deleted(&strip, &PageStrip::pageDeleted);
        QSignalSpy retake(&strip, &PageStrip::retakeRequested);

        // WHEN Ctrl+Right, THEN b moves after c
        QTest::keyClick(&strip, Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(order.count(), 1);
        QCOMPARE(order.last().first().toStringList(), (QStringList { a, c, b }));
        QCOMPARE(strip.currentPageId(), b);
        // WHEN Ctrl+Right at the end, THEN nothing moves; Ctrl+Left twice brings b first
        QTest::keyClick(&strip, Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(order.count(), 1);
        QTest::keyClick(&strip, Qt::Key_Left, Qt::ControlModifier);
        QTest::keyClick(&strip, Qt::Key_Left, Qt::ControlModifier);
        QCOMPARE(order.last().first().toStringList(), (QStringList { b, a, c }));
        // WHEN the model moves a row (what a drop does), THEN the order is reported too
        QVERIFY(strip.model()->moveRow({}, 2, {}, 0));
        QCOMPARE(order.last().first().toStringList(), (QStringList { c, b, a }));

        // WHEN Ctrl+R, THEN a rotation is requested; the strip shows what the caller stored
        strip.setCurrentPage(a);
        QTest::keyClick(&strip, Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(rotate.count(), 1);
        QCOMPARE(rotate.first().at(0).toString(), a);
        QCOMPARE(rotate.first().at(1).toInt(), 90);
        QCOMPARE(strip.pageRotation(a), 0);
        strip.setPageRotation(a, 90);
        QCOMPARE(strip.pageRotation(a), 90);

        // WHEN Del and the clerk cancels, THEN nothing; when confirmed, the page goes
        QString asked;
        bool answer = false;
        strip.setDeleteConfirmation([&](const QString &id, int number) {
            asked = id + QLatin1Char('#') + QString::number(number);
            return answer;
        });
        QTest::keyClick(&strip, Qt::Key_Delete);
        QCOMPARE(asked, QStringLiteral("a#3"));
        QCOMPARE(deleted.count(), 0);
        QCOMPARE(strip.pageCount(), 3);
        answer = true;
        QTest::keyClick(&strip, Qt::Key_Delete);
        QCOMPARE(deleted.count(), 1);
        QCOMPARE(deleted.first().first().toString(), a);
        QCOMPARE(strip.pageIds(), (QStringList { c, b }));

        // WHEN retake on b, THEN it is requested; the new capture takes b's place
        strip.setCurrentPage(b);
        strip.retakeCurrent();
        QCOMPARE(retake.count(), 1);
        QCOMPARE(retake.first().first().toString(), b);
        QVERIFY(strip.replacePage(b, QStringLiteral("b2"), testPage(Qt::darkGray)));
        QCOMPARE(strip.pageIds(), (QStringList { c, QStringLiteral("b2") }));

        // WHEN a page of a 13 MP-sized picture is added, THEN its thumbnail comes from a
        // worker thread and is painted
        QSignalSpy shown(&strip, &PageStrip::thumbnailShown);
        strip.insertPage(0, QStringLiteral("big"), testPage(Qt::white, QSize(2480, 3508)));
        QCOMPARE(strip.pageIds().first(), QStringLiteral("big"));
        QTRY_VERIFY_WITH_TIMEOUT(strip.hasThumbnail(QStringLiteral("big")), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(shown.contains(QVariantList { QStringLiteral("big") }), 20000);
    }

    // Defect (issue 14): the first ~150 ms of the picture said 未检测到高拍仪 while the
    // camera's first frame was on its way.
    void theViewSaysConnectingUntilTheFirstFrame()
    {
        // GIVEN the simulated camera opened, its frames driven by the test, and a view on it
        Camera camera = openCamera(QStringLiteral("moveThenSettle"), 3);
        QVERIFY(camera.sim);
        CaptureSession session;
        session.setSource(camera.source.get());
        CameraView view;
        view.resize(480, 360);
        view.setSession(&session);
        // WHEN the device is opened and its session started, before any frame
        view.showConnecting();
        QVERIFY(session.start());
        camera.sim->stopPreview();
        // THEN it says it is connecting, not that there is no camera
        QCOMPARE(view.status(), CameraView::Status::Connecting);
        const QImage connecting = view.grab().toImage();
        // WHEN the first frame arrives THEN the picture is live
        QVERIFY(stepFrame(camera, session));
        QTRY_COMPARE(view.status(), CameraView::Status::Live);
        QVERIFY(view.grab().toImage() != connecting);
        session.stop();

        // GIVEN a device that never sends a frame WHEN the timeout passes
        CameraView silent;
        silent.showConnecting(200);
        QCOMPARE(silent.status(), CameraView::Status::Connecting);
        // THEN it says there is no picture (and no longer that it is connecting)
        QTRY_COMPARE_WITH_TIMEOUT(silent.status(), CameraView::Status::NoDevice, 3000);
    }

    void screenshots()
    {
        if (qEnvironmentVariableIsEmpty("TONGBAN_SCREENSHOT_DIR"))
            QSKIP("set TONGBAN_SCREENSHOT_DIR to write the screenshots");
        // GIVEN the capture panel as the checklist screen composes it
        Camera camera = openCamera(QStringLiteral("static"), 21);
        QVERIFY(camera.sim);
        CaptureSession session;
        session.setAutoCaptureEnabled(false);
        session.setSource(camera.source.get());
        QVERIFY(session.start());
        camera.sim->stopPreview();
        QWidget panel;
        auto *layout = new QVBoxLayout(&panel);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(0);
        auto *view = new CameraView;
        auto *strip = new PageStrip;
        layout->addWidget(view, 1);
        layout->addWidget(strip);
        view->setSession(&session);
        panel.resize(960, 860);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        int next = 0;
        QSignalSpy captured(&session, &CaptureSession::pageCaptured);
        connect(&session, &CaptureSession::pageCaptured, strip, [&](const ProcessedPage &page) {
            strip->addPage(QStringLiteral("p%1").arg(++next), page.page);
        });
        for (int seed : { 21, 22, 23 }) {
            QVERIFY(camera.sim->setOption(QStringLiteral("seed"), seed));
            QVERIFY(stepFrame(camera, session));
            QVERIFY(session.captureNow());
            QVERIFY(captured.wait(kStillTimeoutMs));
        }
        QTRY_VERIFY_WITH_TIMEOUT(strip->hasThumbnail(QStringLiteral("p3")), 20000);
        strip->setPageRotation(QStringLiteral("p2"), 90);
        QVERIFY(stepFrame(camera, session));
        view->showPreview(view->frame(), view->quads(), AutoCaptureState::Settling, {});
        QTest::qWait(50);
        saveShot(&panel, QStringLiteral("capture-panel-settling"));
        view->showCaptured();
        view->showPreview(view->frame(), view->quads(), AutoCaptureState::Captured, {});
        saveShot(view, QStringLiteral("camera-captured"));

        // a blurred page: red outline, hint and the rejection
        QVERIFY(camera.sim->setOption(QStringLiteral("blurTenthMm"), 8));
        QVERIFY(stepFrame(camera, session));
        view->showRejected(qualityIssueMessage(QualityIssue::Blurred));
        saveShot(view, QStringLiteral("camera-blurred"));
        QVERIFY(camera.sim->setOption(QStringLiteral("blurTenthMm"), 0));
        QVERIFY(camera.sim->setOption(QStringLiteral("cutCorner"), true));
        QVERIFY(stepFrame(camera, session));
        saveShot(view, QStringLiteral("camera-cutoff"));

        // manual mode badge
        QVERIFY(camera.sim->setOption(QStringLiteral("cutCorner"), false));
        QVERIFY(stepFrame(camera, session));
        saveShot(view, QStringLiteral("camera-manual"));

        camera.sim->simulateUnplug();
        saveShot(&panel, QStringLiteral("capture-panel-unplugged"));

        // the strip as compact as the checklist screen makes it, and a page opened large
        strip->setFixedHeight(150);
        QTest::qWait(50);
        saveShot(strip, QStringLiteral("page-strip-compact"));
        strip->setCurrentPage(QStringLiteral("p1"));
        QTest::keyClick(strip, Qt::Key_Return);
        auto *viewer = strip->findChild<PageViewer *>();
        QVERIFY(viewer);
        viewer->resize(700, 820);
        QTest::qWait(50);
        viewer->setZoom(0);
        saveShot(viewer, QStringLiteral("page-viewer"));
        // the zoom level sits centred between 缩小 and 放大, at every level
        for (const double zoom : { 0.05, 0.93, 4.0 }) {
            viewer->setZoom(zoom);
            QTest::qWait(20);
            const auto *out = viewer->findChild<QPushButton *>(QStringLiteral("zoomOut"));
            const auto *in = viewer->findChild<QPushButton *>(QStringLiteral("zoomIn"));
            const auto *level = viewer->findChild<QLabel *>(QStringLiteral("zoomLevel"));
            QVERIFY(out && in && level);
            const int text = level->fontMetrics().horizontalAdvance(level->text());
            QVERIFY2(text <= level->width(), qPrintable(level->text()));
            const int textLeft = level->x() + (level->width() - text) / 2;
            const int before = textLeft - out->geometry().right();
            const int after = in->x() - (textLeft + text);
            QVERIFY2(std::abs(before - after) <= 2,
                qPrintable(QStringLiteral("%1: %2 px before, %3 px after")
                               .arg(level->text())
                               .arg(before)
                               .arg(after)));
        }
        viewer->close();

        CameraView none;
        none.resize(640, 480);
        none.showNoDevice();
        saveShot(&none, QStringLiteral("camera-no-device"));
    }
};

QTEST_MAIN(tst_CaptureWidgets)
#include "tst_capturewidgets.moc"
