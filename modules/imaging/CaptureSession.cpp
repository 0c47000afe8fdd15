#include "CaptureSession.h"

#include "CaptureWorker.h"
#include "ImagingErrors.h"
#include "Logging.h"
#include "QualityGate.h"
#include "Tr.h"

#include <QLineF>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <drivers/api/DocumentSource.h>
#include <drivers/api/DriverErrors.h>

namespace Tongban::Imaging {

namespace {
constexpr int kMaxPreviewWidth = 1024;
// The clerk's outline is dropped when the detected page overlaps it less than this (the
// page was moved) or no page is seen for this many frames (it was taken away).
constexpr double kSamePageIoU = 0.6;
constexpr int kFramesToForget = 3;

bool cutOff(const PageQuad &quad, QSize frameSize)
{
    const QRectF frame(-1.5, -1.5, frameSize.width() + 2, frameSize.height() + 2);
    return std::any_of(quad.corners.begin(), quad.corners.end(),
        [&](const QPointF &p) { return !frame.contains(p); });
}
} // namespace

CaptureSession::CaptureSession(QObject *parent)
    : QObject(parent)
    , m_worker(new CaptureWorker(this))
{
    qRegisterMetaType<ProcessedPage>();
    qRegisterMetaType<QList<PageQuad>>();
    qRegisterMetaType<AutoCaptureState>();
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("tongban.capture.preview"));
    connect(m_worker, &CaptureWorker::finished, this, &CaptureSession::onProcessed);
    connect(m_worker, &CaptureWorker::failed, this, &CaptureSession::onProcessFailed);
    connect(m_worker, &CaptureWorker::cancelled, this,
        [] { qCDebug(lcImaging) << "capture processing cancelled"; });
}

CaptureSession::~CaptureSession()
{
    if (m_detection)
        m_detection->disconnect(this);
    m_pool.waitForDone();
}

void CaptureSession::setSource(Drivers::DocumentSource *source)
{
    if (source == m_source)
        return;
    detachSource();
    m_source = source;
    m_lost = false;
    m_autoCapture.reset();
    if (!source)
        return;
    connect(source, &Drivers::DocumentSource::previewFrame, this,
        [this](const QImage &frame, qint64) { onPreviewFrame(frame); });
    connect(source, &Drivers::DocumentSource::stillCaptured, this, &CaptureSession::onStill);
    connect(source, &Drivers::DocumentSource::captureFailed, this, &CaptureSession::onSourceFailed);
    connect(source, &Drivers::DocumentSource::unplugged, this, &CaptureSession::onUnplugged);
}

void CaptureSession::detachSource()
{
    if (Drivers::DocumentSource *source = m_source.data())
        source->disconnect(this);
    m_source = nullptr;
    if (m_capture == CapturePhase::WaitingForStill)
        m_capture = CapturePhase::Idle;
}

Core::Status CaptureSession::start()
{
    // The source read once (a QPointer's -> reads its guard again, and GCC's
    // -Wnull-dereference then sees a null path in release builds: issue 16).
    Drivers::DocumentSource *const source = m_source.data();
    if (!source)
        return Core::Error { InvalidInput,
            Tr::tr("No document camera is connected. Connect it, then choose it again."),
            QStringLiteral("capture session without source") };
    if (!source->isOpen()) {
        const Core::Status opened = source->open();
        if (!opened)
            return opened;
    }
    m_lost = false;
    m_autoCapture.setEnabled(m_options.autoCapture);
    return source->startPreview();
}

void CaptureSession::stop()
{
    if (Drivers::DocumentSource *source = m_source.data())
        source->stopPreview();
    m_worker->cancel();
    m_capture = CapturePhase::Idle;
}

void CaptureSession::setOptions(const Options &options)
{
    m_options = options;
    m_autoCapture.setEnabled(options.autoCapture);
}

void CaptureSession::setAutoCaptureEnabled(bool enabled)
{
    m_options.autoCapture = enabled;
    m_autoCapture.setEnabled(enabled);
}

void CaptureSession::setDpi(int dpi)
{
    m_options.dpi = dpi;
}

void CaptureSession::setMode(EnhanceMode mode)
{
    m_options.mode = mode;
}

void CaptureSession::resetAutoCapture()
{
    m_autoCapture.reset();
}

void CaptureSession::holdAutoCapture(int quietMs)
{
    m_autoCapture.requireNewPage();
    m_quietMs = quietMs;
    m_sinceHold.start();
}

void CaptureSession::setCorrectedQuad(const PageQuad &quad, QSize previewSize)
{
    if (!quad.isValid() || previewSize.isEmpty()) {
        clearCorrectedQuad();
        return;
    }
    m_corrected = quad;
    m_corrected.clerkCorrected = true;
    m_corrected.confidence = 1;
    // The size class of the outline the clerk drew (the pad's scale is fixed).
    const QPolygonF &c = quad.corners;
    const double mmPerPx = PageDetector::Options().padWidthMm / previewSize.width();
    const double w = 0.5 * (QLineF(c[0], c[1]).length() + QLineF(c[3], c[2]).length()) * mmPerPx;
    const double h = 0.5 * (QLineF(c[0], c[3]).length() + QLineF(c[1], c[2]).length()) * mmPerPx;
    m_corrected.sizeClass = sizeClassOfMeasured(w, h);
    m_corrected.landscape = w > h;
    m_correctedSize = previewSize;
    qCDebug(lcImaging) << "page outline corrected by the clerk:" << m_corrected.toJson();
}

void CaptureSession::clearCorrectedQuad()
{
    m_corrected = {};
    m_correctedSize = {};
}

void CaptureSession::onPreviewFrame(const QImage &frame)
{
    const bool processing
        = m_capture == CapturePhase::Processing && m_options.pauseDetectionWhileProcessing;
    if (m_detection || processing) {
        ++m_dropped; // never queue: the newest frame after this detection wins
        return;
    }
    m_detection = new QFutureWatcher<Detection>(this);
    connect(m_detection, &QFutureWatcherBase::finished, this, &CaptureSession::onDetected);
    const PageDetector detector = m_detector;
    const double maxBlur = m_options.maxPreviewBlurMm;
    m_detection->setFuture(QtConcurrent::run(&m_pool, [frame, detector, maxBlur] {
        Detection d;
        const QImage work = frame.width() > kMaxPreviewWidth
            ? frame.scaledToWidth(kMaxPreviewWidth, Qt::SmoothTransformation)
            : frame;
        d.quads = detector.detect(work);
        if (!d.quads.isEmpty() && maxBlur > 0) {
            // The pad's field of view fixes the scale of the preview.
            const double pxPerMm = work.width() / PageDetector::Options().padWidthMm;
            d.blurMm = QualityGate::estimateBlurMm(work, pxPerMm, d.quads.first());
        }
        // The format the raster painter draws fastest, converted here rather than in
        // every paint on the GUI thread.
        d.frame = work.convertToFormat(QImage::Format_RGB32);
        return d;
    }));
}

QString CaptureSession::previewHint(const Detection &d) const
{
    if (d.quads.isEmpty())
        return {};
    if (cutOff(d.quads.first(), d.frame.size()))
        return qualityIssueMessage(QualityIssue::CutOff);
    if (m_options.maxPreviewBlurMm > 0 && d.blurMm > m_options.maxPreviewBlurMm)
        return qualityIssueMessage(QualityIssue::Blurred);
    return {};
}

void CaptureSession::onDetected()
{
    QFutureWatcher<Detection> *watcher = m_detection;
    m_detection = nullptr;
    if (!watcher)
        return;
    watcher->deleteLater();
    Detection d = watcher->result();
    ++m_detected;
    if (m_lost || !m_source)
        return;
    if (m_corrected.isValid()) {
        // The clerk's outline stands for the page while the page lies where it was.
        m_framesWithoutPage = d.quads.isEmpty() ? m_framesWithoutPage + 1 : 0;
        const PageQuad corrected = m_correctedSize == d.frame.size()
            ? m_corrected
            : m_corrected.scaled(double(d.frame.width()) / m_correctedSize.width());
        const bool moved = !d.quads.isEmpty()
            && quadIoU(d.quads.first().corners, corrected.corners) < kSamePageIoU;
        if (moved || m_framesWithoutPage >= kFramesToForget) {
            clearCorrectedQuad();
        } else {
            if (!d.quads.isEmpty())
                d.quads.removeFirst();
            d.quads.prepend(corrected);
        }
    }
    const QString hint = previewHint(d);
    // Only a page the gates would accept arms auto-capture (cut-off or blurred waits); an
    // unsure outline waits for the clerk (a corrected one, or Space).
    const bool ready = hint.isEmpty() && (d.quads.isEmpty() || !d.quads.first().isTentative());
    const bool fire = m_autoCapture.feed(d.quads, d.frame.size(), ready);
    if (!d.quads.isEmpty()) {
        m_lastQuad = d.quads.first();
        m_lastPreviewSize = d.frame.size();
    } else {
        m_lastQuad = {};
    }
    emit previewUpdated(d.frame, d.quads, m_autoCapture.state(), hint);
    const bool quiet = m_sinceHold.isValid() && m_sinceHold.elapsed() < m_quietMs;
    if (fire && quiet) {
        // Too soon after the screen opened: this page counts as placed before.
        m_autoCapture.requireNewPage();
    } else if (fire && m_capture == CapturePhase::Idle) {
        captureNow();
    }
}

bool CaptureSession::captureNow()
{
    Drivers::DocumentSource *source = m_source.data();
    if (!source || m_lost || !source->isOpen() || m_capture != CapturePhase::Idle)
        return false;
    m_capture = CapturePhase::WaitingForStill;
    emit captureStarted();
    // A receiver may have detached the source meanwhile: read the guard again.
    source = m_source.data();
    if (!source) {
        m_capture = CapturePhase::Idle;
        return false;
    }
    source->captureStill();
    return true;
}

void CaptureSession::onStill(const QImage &image, const QByteArray &encoded)
{
    if (m_capture != CapturePhase::WaitingForStill)
        return;
    m_capture = CapturePhase::Processing;
    StillInput input;
    input.image = image;
    input.jpeg = encoded;
    const Drivers::DocumentSource *source = m_source.data();
    input.scan = source && !source->capabilities().hasPreview(); // sheet scanner: deskew
    if (m_corrected.isValid()) {
        // The clerk's outline, as it is (a corner may lie outside the frame on purpose).
        input.previewQuad = m_corrected;
        input.previewSize = m_correctedSize;
    } else if (m_lastQuad.isValid() && !cutOff(m_lastQuad, m_lastPreviewSize)) {
        input.previewQuad = m_lastQuad;
        input.previewSize = m_lastPreviewSize;
    }
    ProcessOptions options;
    options.dpi = m_options.dpi;
    options.mode = m_options.mode;
    // The clerk sees the page at once, from a scaled decode (a few ms), while it is processed.
    auto *thumbnail = new QFutureWatcher<QImage>(this);
    const quint64 serial = ++m_stillSerial;
    connect(thumbnail, &QFutureWatcherBase::finished, this, [this, thumbnail, serial] {
        thumbnail->deleteLater();
        if (serial != m_stillSerial || m_capture != CapturePhase::Processing)
            return; // that still's page or rejection came first
        if (const QImage early = thumbnail->result(); !early.isNull())
            emit stillThumbnail(early);
    });
    const int dpi = options.dpi;
    thumbnail->setFuture(QtConcurrent::run([input, dpi] { return earlyThumbnail(input, dpi); }));
    m_worker->process(input, options);
}

void CaptureSession::onSourceFailed(const Core::Error &error)
{
    if (error.code == Drivers::Unplugged || m_lost)
        return; // sourceLost() follows from unplugged()
    if (m_capture != CapturePhase::WaitingForStill)
        return;
    m_capture = CapturePhase::Idle;
    if (error.code == Drivers::CaptureCancelled)
        return;
    qCWarning(lcImaging) << "still failed:" << error.toString();
    emit captureRejected(error.message);
}

void CaptureSession::onUnplugged()
{
    if (m_lost)
        return;
    m_lost = true;
    // A still already delivered is the clerk's page: let its processing finish.
    if (m_capture == CapturePhase::WaitingForStill)
        m_capture = CapturePhase::Idle;
    m_autoCapture.reset();
    qCWarning(lcImaging) << "document source unplugged";
    emit sourceLost(Tr::tr("The document camera was disconnected. Reconnect it; the pages "
                           "already captured are kept."));
}

void CaptureSession::onProcessed(const ProcessedPage &page)
{
    m_capture = CapturePhase::Idle;
    if (page.verdict.passed()) {
        if (page.quad.clerkCorrected)
            clearCorrectedQuad(); // that page is taken; the next one is detected afresh
        emit pageCaptured(page);
        return;
    }
    qCInfo(lcImaging) << "capture rejected:" << page.verdict.toJson();
    emit captureRejected(page.verdict.messages().join(QLatin1Char('\n')));
}

void CaptureSession::onProcessFailed(const Core::Error &error)
{
    m_capture = CapturePhase::Idle;
    qCWarning(lcImaging) << "still processing failed:" << error.toString();
    emit captureRejected(error.message);
}

} // namespace Tongban::Imaging
