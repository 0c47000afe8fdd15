#pragma once

#include "AutoCapture.h"
#include "CapturePipeline.h"
#include "CaptureWorker.h" // declares ProcessedPage as a metatype
#include "PageDetector.h"

#include <core/Result.h>

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QImage>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <drivers/api/DocumentSource.h>

namespace Tongban::Imaging {

/*!
 * One capture at the window: a document source's preview, page detection,
 * auto-capture and still processing, wired together for a screen.
 *
 * Preview frames are detected on a private one-thread pool, never on the GUI
 * thread; while one frame is being detected the next ones are dropped (no
 * queue builds up, the view shows the newest detected frame); optionally frames
 * are also skipped while a still is processed. Each detected
 * frame feeds AutoCapture; when it fires, or on captureNow(), the source is
 * asked for a still which CaptureWorker processes on the thread pool.
 *
 * Results: pageCaptured() when the page passed every quality gate,
 * captureRejected() with what the clerk should do otherwise, sourceLost() once
 * when the device is unplugged. The session stores nothing: the caller keeps
 * the pages it was given, and they stay valid after a loss.
 *
 * Threading: lives in the source's (GUI) thread; all signals come there. The
 * source is not owned and may be destroyed first (the session then goes
 * quiet). Destruction waits for a detection in flight (a few milliseconds).
 */
class CaptureSession : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int dpi = 200;
        EnhanceMode mode = EnhanceMode::Auto;
        bool autoCapture = true;
        /// Preview blur (mm on the paper) above which auto-capture waits and a hint shows.
        double maxPreviewBlurMm = 0.45;
        /*!
         * Skip preview detection while a still is processed (a fraction of a second), to
         * leave the cores to the still. Off by default: on the shared two-core test machine
         * it made no measurable difference to the GUI thread's lag (bench_capture).
         */
        bool pauseDetectionWhileProcessing = false;
    };

    explicit CaptureSession(QObject *parent = nullptr);
    ~CaptureSession() override;

    /// Uses \a source (not owned; nullptr detaches). Call start() to begin.
    void setSource(Drivers::DocumentSource *source);
    Drivers::DocumentSource *source() const { return m_source; }

    /// Opens the source when needed and starts its preview.
    Core::Status start();
    /// Stops the preview and cancels a capture in flight.
    void stop();

    void setOptions(const Options &options);
    Options options() const { return m_options; }
    void setAutoCaptureEnabled(bool enabled);
    bool isAutoCaptureEnabled() const { return m_options.autoCapture; }
    void setDpi(int dpi);
    void setMode(EnhanceMode mode);

    /*!
     * Takes a still now (Space in the camera view). False, with nothing
     * emitted, when there is no usable source or a capture is in flight.
     */
    bool captureNow();
    /// True from the still request until pageCaptured() / captureRejected() / sourceLost().
    bool isCapturing() const { return m_capture != CapturePhase::Idle; }
    /// Forgets the page already auto-captured (e.g. the clerk deleted it).
    void resetAutoCapture();
    /*!
     * Auto-capture fires only for a page placed after this call (AutoCapture::requireNewPage)
     * and not before \a quietMs have passed: for a screen just opened, another material, a
     * deleted page. captureNow() is not affected.
     */
    void holdAutoCapture(int quietMs);

    /*!
     * The clerk's outline of the page on the preview (\a quad in pixels of a preview frame
     * of \a previewSize; its clerkCorrected set here): shown instead of the detection and
     * used as it is for the next still. Kept until that page is captured, the page is taken
     * away (no page for a few frames) or moves (the detection no longer overlaps it), or
     * clearCorrectedQuad().
     */
    void setCorrectedQuad(const PageQuad &quad, QSize previewSize);
    void clearCorrectedQuad();
    /// The clerk's outline in force (invalid when none).
    PageQuad correctedQuad() const { return m_corrected; }

    AutoCaptureState autoCaptureState() const { return m_autoCapture.state(); }
    /// Preview frames not detected: a detection was still running, or a still processing.
    int droppedFrames() const { return m_dropped; }
    int detectedFrames() const { return m_detected; }

signals:
    /// A detected preview frame (at most 1024 px wide, Format_RGB32), quads in its pixels.
    void previewUpdated(const QImage &frame, const QList<Tongban::Imaging::PageQuad> &quads,
        Tongban::Imaging::AutoCaptureState state, const QString &qualityHint);
    /// A still was requested from the source (auto or manual).
    void captureStarted();
    /*!
     * The still arrived: \a thumbnail (earlyThumbnail(): a scaled decode of the camera's
     * JPEG, rectified with the preview's outline) to show while the page is processed. At
     * most once per capture, always before that capture's pageCaptured() or
     * captureRejected() (a thumbnail later than those is dropped), which replace it.
     */
    void stillThumbnail(const QImage &thumbnail);
    /// The page passed the quality gates: JPEG/PNG bytes, verdicts, timings.
    void pageCaptured(const Tongban::Imaging::ProcessedPage &page);
    /// A gate failed or no page was found; \a clerkMessage says what to do.
    void captureRejected(const QString &clerkMessage);
    /// The device disappeared; pages captured so far are unaffected.
    void sourceLost(const QString &clerkMessage);

private:
    enum class CapturePhase { Idle, WaitingForStill, Processing };
    struct Detection
    {
        QImage frame;
        QList<PageQuad> quads;
        double blurMm = 0;
    };

    void onPreviewFrame(const QImage &frame);
    void onDetected();
    void onStill(const QImage &image, const QByteArray &encoded);
    void onSourceFailed(const Core::Error &error);
    void onUnplugged();
    void onProcessed(const ProcessedPage &page);
    void onProcessFailed(const Core::Error &error);
    void finishCapture();
    QString previewHint(const Detection &d) const;
    void detachSource();

    Options m_options;
    QPointer<Drivers::DocumentSource> m_source;
    PageDetector m_detector;
    AutoCapture m_autoCapture;
    CaptureWorker *m_worker = nullptr;
    QFutureWatcher<Detection> *m_detection = nullptr;
    CapturePhase m_capture = CapturePhase::Idle;
    PageQuad m_lastQuad;
    PageQuad m_corrected; ///< the clerk's outline, in m_correctedSize pixels
    QSize m_correctedSize;
    int m_framesWithoutPage = 0;
    QSize m_lastPreviewSize;
    bool m_lost = false;
    int m_dropped = 0;
    quint64 m_stillSerial = 0; ///< counts stills, so a late early thumbnail is dropped
    int m_detected = 0;
    QElapsedTimer m_sinceHold;
    qint64 m_quietMs = 0;
    QThreadPool m_pool; // last: destroyed first, waiting for a detection in flight
};

} // namespace Tongban::Imaging
