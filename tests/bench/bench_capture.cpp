// Capture at the window (issue 6): what the clerk feels of CaptureSession, PageStrip and
// CameraView on the GUI thread.
// - CaptureToThumbnail: from the still request to the page's thumbnail painted in a shown
//   PageStrip (target p95 <= 300 ms). Two sources: a camera that hands over a ready 13 MP
//   still at once (our part alone), and the simulated 高拍仪 that renders it (camera
//   included); the camera's own still time is the peer, printed as a ratio.
// - CaptureToThumbnailJpeg (issue 18): the ready camera handing over only the JPEG, as a
//   camera delivers it, so that the 13 MP decode is in the figure; interleaved still by
//   still with the least a program can do to paint that still as a thumbnail: libjpeg-turbo
//   scaled decode at 1/8 (Imaging::decodeJpeg(jpeg, 8)), a smooth scale to the strip's
//   thumbnail box and a QPainter draw; and the same with a full decode (the floor of any
//   path that keeps the page at full resolution). Ratios printed. Since issue 18 the
//   session also emits the still's early thumbnail (a 1/8 scaled decode rectified with the
//   preview's outline, CaptureSession::stillThumbnail) which the strip shows as a pending
//   card at once: still to that card painted is printed against the scaled-decode peer.
// - EventLoopLag: a 10 ms timer on the GUI thread and how late it fires (max, p99; target
//   never > 50 ms) while CaptureSession detects previews at 15 fps, a CameraView paints them
//   and a still is processed every second; peers: the same timer on an idle loop, and the
//   session with preview detection paused while a still is processed (an option).
// - Lag during capture and upload (the issue: "the GUI thread never blocked more than 50 ms
//   during capture and upload"): the same probe, in the same run, (1) idle, (2) capture only
//   with the simulated 高拍仪 (the demo's real path: its previews and stills render on the
//   camera's own threads), (3) upload only: the platform Outbox sending cases of
//   incompressible pages to a tongban-hub child on 127.0.0.1 (a new case queued each time
//   one is acknowledged, so it uploads for the whole probe), (4) capture + upload. The
//   Outbox, like in the workstation, runs on the GUI thread. Max and p99 lateness printed
//   for the four. Needs tongban-hub (built with it; otherwise (3) and (4) are skipped).
#include "BenchFigures.h"

#include <imaging/CaptureSession.h>
#include <imaging/Codec.h>
#include <widgets/CameraView.h>
#include <widgets/PageStrip.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPainter>
#include <QTimer>

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <drivers/sim/SimulatedCamera.h>
#include <functional>
#include <map>
#include <memory>
#include <numeric>
#include <string>
#include <time.h>
#include <unistd.h>
#include <vector>

#ifdef TONGBAN_HUB
#include "HubProcess.h"

#include <core/Clock.h>
#include <platform/ApiClient.h>
#include <platform/Outbox.h>
#include <storage/Database.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QUuid>

#include <SampleCase.h>
#endif

using namespace Tongban;
using namespace Tongban::Imaging;
using namespace Tongban::Widgets;

using Tongban::Bench::mean;
using Tongban::Bench::percentile;

namespace {

const bool kSmoke = qEnvironmentVariableIsSet("TONGBAN_BENCH_SMOKE");
const int kStills = kSmoke ? 2 : 20;
const int kLagSeconds = kSmoke ? 1 : 12;

std::map<std::string, double> g_figures;

/// Runs the event loop until \a done or \a timeoutMs; false on timeout. Sleeps between
/// events (a wake-up timer every 20 ms), so the GUI thread does not spin.
template<typename Done>
bool spinUntil(Done done, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    QTimer wake;
    wake.start(20);
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

/*!
 * A document camera whose frames are ready-made: preview frames at 15 fps from a small
 * pre-rendered set, and one 13 MP still (image and JPEG) handed over on the next turn of
 * the event loop. Isolates our cost from the simulator's rendering.
 */
class ReadyCamera : public Drivers::DocumentSource
{
public:
    /// \a jpegOnly: the still comes as the camera's JPEG alone (no decoded image).
    explicit ReadyCamera(bool jpegOnly = false)
        : m_jpegOnly(jpegOnly)
    {
        for (quint32 i = 0; i < 8; ++i) {
            Drivers::Sim::SceneSpec spec;
            spec.seed = 31;
            spec.frameSeed = i;
            m_previews.append(Drivers::Sim::renderScene(
                spec, QSize(Drivers::Sim::kPreviewWidth, Drivers::Sim::kPreviewHeight))
                                  .image);
        }
        Drivers::Sim::SceneSpec still;
        still.seed = 31;
        still.jpegQuality = 92;
        m_still = Drivers::Sim::renderScene(
            still, QSize(Drivers::Sim::kStillWidth, Drivers::Sim::kStillHeight));
        m_timer.setInterval(1000 / 15);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { emitPreview(); });
        m_clock.start();
    }
    void emitPreview()
    {
        emit previewFrame(m_previews.at(m_index++ % m_previews.size()), m_clock.elapsed());
    }
    Drivers::SourceIdentity identity() const override
    {
        return { QStringLiteral("bench:0"), QStringLiteral("Ready camera"), QStringLiteral("bench"),
            {}, {} };
    }
    Drivers::SourceCapabilities capabilities() const override
    {
        return { { QSize(Drivers::Sim::kStillWidth, Drivers::Sim::kStillHeight) },
            QSize(Drivers::Sim::kPreviewWidth, Drivers::Sim::kPreviewHeight), 15 };
    }
    Core::Status open() override
    {
        m_open = true;
        return {};
    }
    void close() override { m_open = false; }
    bool isOpen() const override { return m_open; }
    QList<Drivers::OptionDescriptor> options() const override { return {}; }
    QVariant option(const QString &) const override { return {}; }
    Core::Status setOption(const QString &, const QVariant &) override { return {}; }
    Core::Status startPreview() override
    {
        m_timer.start();
        return {};
    }
    void stopPreview() override { m_timer.stop(); }
    bool isPreviewing() const override { return m_timer.isActive(); }
    void captureStill() override
    {
        QTimer::singleShot(0, this,
            [this] { emit stillCaptured(m_jpegOnly ? QImage() : m_still.image, m_still.jpeg); });
    }
    const QByteArray &stillJpeg() const { return m_still.jpeg; }

private:
    QList<QImage> m_previews;
    Drivers::Sim::SimFrame m_still;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_index = 0;
    bool m_open = false;
    bool m_jpegOnly = false;
};

/// A peer: its name in the figures and the work it does once per still.
using Peer = std::pair<std::string, std::function<void()>>;

/// Still request to painted thumbnail, \a count times, with its parts.
/// \a peers, when given, run in turn after each still (each timed separately): the
/// interleaved peers.
void captureToThumbnail(benchmark::State &state, Drivers::DocumentSource &source,
    const std::function<void()> &onePreview, const std::string &name,
    const std::vector<Peer> &peers = {})
{
    CaptureSession session;
    session.setAutoCaptureEnabled(false);
    session.setSource(&source);
    if (!session.start()) {
        state.SkipWithError("source did not start");
        return;
    }
    source.stopPreview(); // the benchmark gives one preview frame before each still
    PageStrip strip;
    strip.resize(900, 240);
    strip.show();
    QElapsedTimer clock;
    clock.start();
    qint64 stillAt = 0, pageAt = 0, shownAt = 0;
    QString pending;
    int next = 0, rejected = 0;
    QObject::connect(&source, &Drivers::DocumentSource::stillCaptured, &strip,
        [&] { stillAt = clock.nsecsElapsed(); });
    QObject::connect(&session, &CaptureSession::pageCaptured, &strip, [&](const ProcessedPage &p) {
        pageAt = clock.nsecsElapsed();
        pending = QStringLiteral("p%1").arg(++next);
        strip.addPage(pending, p.page);
    });
    QObject::connect(&session, &CaptureSession::captureRejected, &strip, [&] { ++rejected; });
    // As the capture pane: the still's early thumbnail as a card at once (issue 18).
    qint64 earlyAt = 0;
    QObject::connect(&session, &CaptureSession::stillThumbnail, &strip,
        [&](const QImage &thumbnail) { strip.showPendingPage(thumbnail); });
    QObject::connect(
        &strip, &PageStrip::pendingPageShown, &strip, [&] { earlyAt = clock.nsecsElapsed(); });
    QObject::connect(&strip, &PageStrip::thumbnailShown, &strip, [&](const QString &id) {
        if (id == pending)
            shownAt = clock.nsecsElapsed();
    });
    std::vector<double> total, camera, processing, thumbnail, early, earlyTotal;
    std::vector<std::vector<double>> peerMs(peers.size());
    StageTimings stages;
    QObject::connect(&session, &CaptureSession::pageCaptured, &strip, [&](const ProcessedPage &p) {
        stages.decodeMs += p.timings.decodeMs;
        stages.detectMs += p.timings.detectMs;
        stages.refineMs += p.timings.refineMs;
        stages.warpMs += p.timings.warpMs;
        stages.gateMs += p.timings.gateMs;
        stages.enhanceMs += p.timings.enhanceMs;
        stages.encodeMs += p.timings.encodeMs;
    });
    for (auto _ : state) {
        state.PauseTiming();
        const int before = session.detectedFrames();
        onePreview();
        spinUntil([&] { return session.detectedFrames() > before; });
        stillAt = pageAt = shownAt = earlyAt = 0;
        pending.clear();
        const int rejectedBefore = rejected;
        state.ResumeTiming();
        const qint64 t0 = clock.nsecsElapsed();
        session.captureNow();
        if (!spinUntil([&] { return shownAt > 0 || rejected > rejectedBefore; })
            || rejected > rejectedBefore) {
            state.SkipWithError("capture rejected or timed out");
            return;
        }
        total.push_back((shownAt - t0) / 1e6);
        camera.push_back((stillAt - t0) / 1e6);
        processing.push_back((pageAt - stillAt) / 1e6);
        thumbnail.push_back((shownAt - pageAt) / 1e6);
        if (earlyAt > 0) { // from the still handed over (camera time apart) and from the request
            early.push_back((earlyAt - stillAt) / 1e6);
            earlyTotal.push_back((earlyAt - t0) / 1e6);
        }
        if (!peers.empty()) {
            state.PauseTiming();
            for (size_t i = 0; i < peers.size(); ++i) {
                const qint64 p0 = clock.nsecsElapsed();
                peers[i].second();
                peerMs[i].push_back((clock.nsecsElapsed() - p0) / 1e6);
            }
            state.ResumeTiming();
        }
    }
    for (size_t i = 0; i < peers.size(); ++i) {
        g_figures[name + " " + peers[i].first + " peer mean ms"] = mean(peerMs[i]);
        g_figures[name + " " + peers[i].first + " peer p95 ms"] = percentile(peerMs[i], 0.95);
    }
    if (!early.empty()) {
        g_figures[name + " early thumbnail shown count"] = double(early.size());
        g_figures[name + " still to early thumbnail painted mean ms"] = mean(early);
        g_figures[name + " still to early thumbnail painted p95 ms"] = percentile(early, 0.95);
        g_figures[name + " request to early thumbnail painted p95 ms"]
            = percentile(earlyTotal, 0.95);
    }
    g_figures[name + " total p95 ms"] = percentile(total, 0.95);
    g_figures[name + " total mean ms"] = mean(total);
    g_figures[name + " camera still mean ms"] = mean(camera);
    g_figures[name + " processing mean ms"] = mean(processing);
    g_figures[name + " processing p95 ms"] = percentile(processing, 0.95);
    g_figures[name + " thumbnail mean ms"] = mean(thumbnail);
    g_figures[name + " thumbnail p95 ms"] = percentile(thumbnail, 0.95);
    g_figures[name + " ours p95 ms (total - camera)"] = percentile(
        [&] {
            std::vector<double> ours;
            for (size_t i = 0; i < total.size(); ++i)
                ours.push_back(total[i] - camera[i]);
            return ours;
        }(),
        0.95);
    const double n = std::max<double>(1, double(total.size()));
    g_figures[name + " stage mean ms: decode"] = stages.decodeMs / n;
    g_figures[name + " stage mean ms: refine"] = stages.refineMs / n;
    g_figures[name + " stage mean ms: warp"] = stages.warpMs / n;
    g_figures[name + " stage mean ms: gate"] = stages.gateMs / n;
    g_figures[name + " stage mean ms: enhance"] = stages.enhanceMs / n;
    g_figures[name + " stage mean ms: encode"] = stages.encodeMs / n;
    state.counters["p95_ms"] = percentile(total, 0.95);
}

void CaptureToThumbnailReady(benchmark::State &state)
{
    ReadyCamera camera;
    captureToThumbnail(
        state, camera, [&] { camera.emitPreview(); }, "ready camera");
}

/// Paints \a thumb as the strip would: one card-sized image, the thumbnail drawn on it.
void paintThumbnail(const QImage &thumb)
{
    QImage card(160, 224, QImage::Format_RGB32);
    card.fill(Qt::white);
    QPainter painter(&card);
    painter.drawImage(QPoint(5, 5), thumb);
    painter.end();
    benchmark::DoNotOptimize(card.constBits());
}

// The still as the camera delivers it: JPEG only, decoded by the pipeline. Two peers, each
// interleaved still by still with our path:
// - the least a program can do to paint that JPEG as a thumbnail: libjpeg-turbo's scaled
//   decode at 1/8 (DCT scaling: 4160 x 3120 -> 520 x 390, still larger than the card),
//   a smooth scale to the strip's thumbnail box and a QPainter draw;
// - the same with a full 13 MP decode, the floor of any path that keeps the page at full
//   resolution, as ours must (the page is rectified at 300 dpi from the full still).
void CaptureToThumbnailJpeg(benchmark::State &state)
{
    ReadyCamera camera(true);
    const QByteArray jpeg = camera.stillJpeg();
    const auto thumbnailOf = [&](int scaleDenom) {
        auto decoded = decodeJpeg(jpeg, scaleDenom);
        if (decoded)
            paintThumbnail(
                decoded->scaled(QSize(150, 200), Qt::KeepAspectRatio, Qt::SmoothTransformation));
    };
    captureToThumbnail(state, camera, [&] { camera.emitPreview(); }, "camera JPEG",
        { { "scaled-decode",
              [&] {
                  thumbnailOf(8);
              } },
            { "full-decode", [&] {
                 thumbnailOf(1);
             } } });
}

void CaptureToThumbnailSim(benchmark::State &state)
{
    Drivers::Sim::SimulatedCamera camera;
    (void)camera.setOption(QStringLiteral("seed"), 31);
    captureToThumbnail(
        state, camera, [&] { camera.emitNextPreviewFrame(); }, "simulated camera");
}

double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/*!
 * A 10 ms precise timer's lateness for \a seconds while the load runs on the same loop.
 * Also the GUI thread's own CPU time between the two ticks around each late one: a tick
 * late by far more than the CPU the thread used in between was waiting for a core (the
 * machine was busy), not blocked by work on the GUI thread.
 */
struct Lag
{
    std::vector<double> lateMs;
    double worstTickCpuMs = 0; ///< GUI-thread CPU time in the interval of the latest tick
    double maxTickCpuMs = 0; ///< most GUI-thread CPU time in any one interval
    int over50 = 0;
};

Lag probeLag(int seconds)
{
    Lag lag;
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    double lastCpu = 0, worst = -1;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        const double cpu = threadCpuMs();
        if (last > 0) {
            const double late = std::max(0.0, (now - last) / 1e6 - 10.0);
            lag.lateMs.push_back(late);
            lag.maxTickCpuMs = std::max(lag.maxTickCpuMs, cpu - lastCpu);
            lag.over50 += late > 50;
            if (late > worst) {
                worst = late;
                lag.worstTickCpuMs = cpu - lastCpu;
            }
        }
        last = now;
        lastCpu = cpu;
    });
    probe.start();
    spinUntil([&] { return clock.elapsed() >= seconds * 1000; }, seconds * 1000 + 1000);
    return lag;
}

void recordLag(benchmark::State &state, const std::string &name, const Lag &lag)
{
    const auto &late = lag.lateMs;
    g_figures[name + " lateness max ms"]
        = late.empty() ? 0 : *std::max_element(late.begin(), late.end());
    g_figures[name + " lateness p99 ms"] = percentile(late, 0.99);
    g_figures[name + " ticks > 50 ms late"] = lag.over50;
    g_figures[name + " GUI CPU in worst tick ms"] = lag.worstTickCpuMs;
    g_figures[name + " GUI CPU max per tick ms"] = lag.maxTickCpuMs;
    state.counters["max_ms"] = g_figures[name + " lateness max ms"];
    state.counters["p99_ms"] = g_figures[name + " lateness p99 ms"];
}

void EventLoopLagIdle(benchmark::State &state)
{
    for (auto _ : state)
        recordLag(state, "idle loop", probeLag(kLagSeconds));
}

/// The capture screen under load: previews at 15 fps, a painting CameraView, a still a second.
void lagWithSession(benchmark::State &state, Drivers::DocumentSource &source,
    const std::string &name, bool pauseWhileProcessing = false)
{
    for (auto _ : state) {
        CaptureSession session;
        CaptureSession::Options options;
        options.autoCapture = false;
        options.pauseDetectionWhileProcessing = pauseWhileProcessing;
        session.setOptions(options);
        session.setSource(&source);
        if (!session.start()) {
            state.SkipWithError("source did not start");
            return;
        }
        QWidget panel;
        CameraView view(&panel);
        view.setSession(&session);
        view.resize(960, 640);
        PageStrip strip(&panel);
        strip.setGeometry(0, 640, 960, 220);
        panel.resize(960, 860);
        panel.show();
        int pages = 0;
        QObject::connect(
            &session, &CaptureSession::pageCaptured, &strip, [&](const ProcessedPage &p) {
                strip.addPage(QStringLiteral("p%1").arg(++pages), p.page);
            });
        QTimer stills;
        stills.setInterval(1000);
        QObject::connect(&stills, &QTimer::timeout, &session, [&] { session.captureNow(); });
        stills.start();
        const Lag late = probeLag(kLagSeconds);
        stills.stop();
        source.stopPreview();
        spinUntil([&] { return !session.isCapturing(); });
        recordLag(state, name, late);
        g_figures[name + " stills processed"] = pages;
        g_figures[name + " previews detected per s"]
            = double(session.detectedFrames()) / kLagSeconds;
        g_figures[name + " previews dropped"] = session.droppedFrames();
    }
}

void EventLoopLagReadyCamera(benchmark::State &state)
{
    ReadyCamera camera;
    lagWithSession(state, camera, "session, ready camera");
}

/// The same with preview detection skipped while a still is processed (an option).
void EventLoopLagReadyCameraPaused(benchmark::State &state)
{
    ReadyCamera camera;
    lagWithSession(state, camera, "session, ready camera, detection paused for stills", true);
}

void EventLoopLagSimCamera(benchmark::State &state)
{
    Drivers::Sim::SimulatedCamera camera;
    (void)camera.setOption(QStringLiteral("seed"), 31);
    lagWithSession(state, camera, "session, simulated camera");
    g_figures["session, simulated camera simulator previews dropped"]
        = camera.droppedPreviewFrames();
    // The simulator renders its frames on its own threads: what is left of a preview frame
    // on the GUI thread (the request and the delivery of the frame), measured alone.
    Drivers::Sim::SimulatedCamera alone;
    (void)alone.open();
    std::vector<double> gui;
    for (int i = 0; i < 15; ++i) {
        int frames = 0;
        const auto connection = QObject::connect(
            &alone, &Drivers::DocumentSource::previewFrame, [&frames] { ++frames; });
        const double before = threadCpuMs();
        alone.emitNextPreviewFrame();
        spinUntil([&] { return frames > 0; });
        gui.push_back(threadCpuMs() - before);
        QObject::disconnect(connection);
    }
    g_figures["simulated camera GUI-thread CPU per preview frame mean ms"] = mean(gui);
    g_figures["simulated camera GUI-thread CPU per preview frame max ms"]
        = *std::max_element(gui.begin(), gui.end());
}

#ifdef TONGBAN_HUB
/*!
 * Forwards to the real transport and keeps, per method, the most GUI-thread CPU spent in
 * one send() (building the request: reading, hashing, the network stack) and in one
 * response callback (the Outbox's handling: SQLite, the next request): where a late tick
 * during upload comes from.
 */
class CpuTransport : public Platform::Transport
{
public:
    explicit CpuTransport(Platform::Transport &inner)
        : m_inner(inner)
    { }
    std::map<std::string, double> maxSendMs;
    std::map<std::string, double> maxAnswerMs;

    void reset()
    {
        maxSendMs.clear();
        maxAnswerMs.clear();
    }
    void send(const Platform::ApiRequest &request, Platform::ResponseCallback callback) override
    {
        const std::string method = request.method.toStdString();
        const double before = threadCpuMs();
        m_inner.send(request,
            [this, method, callback = std::move(callback)](
                Core::Result<Platform::ApiResponse> response) {
                const double start = threadCpuMs();
                callback(std::move(response));
                double &worst = maxAnswerMs[method];
                worst = std::max(worst, threadCpuMs() - start);
            });
        double &worst = maxSendMs[method];
        worst = std::max(worst, threadCpuMs() - before);
    }
    QUrl resolve(const Platform::ApiRequest &request) const override
    {
        return m_inner.resolve(request);
    }

private:
    Platform::Transport &m_inner;
};

/*!
 * The platform Outbox uploading to a tongban-hub child on 127.0.0.1 for as long as it is
 * running: a case of kUploadPages incompressible pages, and a new one each time the
 * previous is acknowledged. Started once for the whole run (hub start and sign-in are
 * not measured).
 */
class BackgroundUpload
{
public:
    static constexpr int kUploadPages = 50;
    static inline const int kUploadPageBytes = kSmoke ? 20 * 1024 : 200 * 1024;

    static BackgroundUpload &instance()
    {
        static BackgroundUpload upload;
        return upload;
    }
    bool ok() const { return m_outbox != nullptr; }

    void start()
    {
        m_acknowledged = 0;
        m_errors = 0;
        m_maxEnqueueMs = 0;
        m_transport->reset();
        m_clock.start();
        enqueueOne();
        m_outbox->start();
    }
    /// Stops after the request in flight and waits for it (not measured).
    void stop()
    {
        m_outbox->stop();
        m_seconds = double(m_clock.nsecsElapsed()) / 1e9;
        spinUntil([&] { return !m_outbox->isBusy(); }, 60000);
    }
    int acknowledged() const { return m_acknowledged; }
    int errors() const { return m_errors; }
    /// Bytes of the cases acknowledged during the probe, per second of it.
    double megabytesPerSecond() const
    {
        return m_seconds > 0
            ? double(m_acknowledged) * kUploadPages * kUploadPageBytes / 1e6 / m_seconds
            : 0;
    }

private:
    BackgroundUpload()
    {
        m_hub = std::make_unique<Platform::Testing::HubProcess>(
            QStringLiteral(TONGBAN_HUB), m_dir.filePath(QStringLiteral("hub")));
        const QString base = m_hub->start();
        if (base.isEmpty()) {
            std::fprintf(stderr, "bench_capture: tongban-hub did not start\n");
            return;
        }
        m_api = std::make_unique<Platform::ApiClient>(QUrl(base));
        if (!Platform::Testing::signInDemoClerk(*m_api)) {
            std::fprintf(stderr, "bench_capture: sign-in to the hub failed\n");
            return;
        }
        for (int i = 0; i < kUploadPages; ++i) {
            const QByteArray page = Platform::Testing::pageBytes(kUploadPageBytes, 500 + i);
            m_pages.append(page);
            m_pageEntries.append(TestSupport::samplePage(QString(), page));
            m_bySha.insert(QString::fromLatin1(
                               QCryptographicHash::hash(page, QCryptographicHash::Sha256).toHex()),
                page);
        }
        auto db = Storage::Database::open(
            m_dir.filePath(QStringLiteral("outbox.db")), { Platform::Outbox::schema() });
        if (!db) {
            std::fprintf(
                stderr, "bench_capture: outbox database: %s\n", qPrintable(db.error().toString()));
            return;
        }
        m_db = std::move(*db);
        m_transport = std::make_unique<CpuTransport>(*m_api);
        m_outbox = std::make_unique<Platform::Outbox>(*m_db, *m_transport, m_systemClock,
            [this](const QString &sha) -> Core::Result<QByteArray> {
                if (!m_bySha.contains(sha))
                    return Core::Error { 1, QStringLiteral("no page"), sha };
                return m_bySha.value(sha);
            });
        QObject::connect(
            m_outbox.get(), &Platform::Outbox::caseAcknowledged, m_outbox.get(), [this] {
                ++m_acknowledged;
                if (m_outbox->isRunning())
                    enqueueOne();
            });
        QObject::connect(m_outbox.get(), &Platform::Outbox::caseError, m_outbox.get(),
            [this](const QString &, const Core::Error &error, const QDateTime &) {
                ++m_errors;
                std::fprintf(stderr, "outbox error: %s\n", qPrintable(error.toString()));
            });
    }

    /// A new case of the same pages (hashed once, in the constructor), under fresh ids.
    void enqueueOne()
    {
        QJsonArray list;
        for (QJsonObject page : std::as_const(m_pageEntries)) {
            page.insert(
                QStringLiteral("clientPageId"), QUuid::createUuid().toString(QUuid::WithoutBraces));
            list.append(page);
        }
        const QJsonObject body
            = TestSupport::sampleCaseBody(QUuid::createUuid().toString(QUuid::WithoutBraces), list);
        // What the workstation does on its GUI thread when a case is sent: Outbox::enqueue.
        const double before = threadCpuMs();
        (void)m_outbox->enqueue(body);
        m_maxEnqueueMs = std::max(m_maxEnqueueMs, threadCpuMs() - before);
    }

public:
    double maxEnqueueMs() const { return m_maxEnqueueMs; }
    const CpuTransport &transport() const { return *m_transport; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Platform::Testing::HubProcess> m_hub;
    std::unique_ptr<Platform::ApiClient> m_api;
    std::unique_ptr<CpuTransport> m_transport;
    std::unique_ptr<Storage::Database> m_db;
    Core::SystemClock m_systemClock;
    std::unique_ptr<Platform::Outbox> m_outbox;
    QList<QByteArray> m_pages;
    QList<QJsonObject> m_pageEntries;
    QHash<QString, QByteArray> m_bySha;
    QElapsedTimer m_clock;
    double m_seconds = 0;
    int m_acknowledged = 0;
    int m_errors = 0;
    double m_maxEnqueueMs = 0;
};

void recordUpload(const std::string &name, const BackgroundUpload &upload)
{
    g_figures[name + " cases acknowledged"] = upload.acknowledged();
    g_figures[name + " upload MB/s"] = upload.megabytesPerSecond();
    g_figures[name + " upload errors"] = upload.errors();
    g_figures[name + " GUI CPU max ms: Outbox::enqueue"] = upload.maxEnqueueMs();
    for (const auto &[method, ms] : upload.transport().maxSendMs)
        g_figures[name + " GUI CPU max ms: send " + method] = ms;
    for (const auto &[method, ms] : upload.transport().maxAnswerMs)
        g_figures[name + " GUI CPU max ms: answer " + method] = ms;
}

/// The Outbox uploading, nothing else on the loop.
void EventLoopLagUpload(benchmark::State &state)
{
    BackgroundUpload &upload = BackgroundUpload::instance();
    if (!upload.ok()) {
        state.SkipWithError("no hub");
        return;
    }
    for (auto _ : state) {
        upload.start();
        const Lag lag = probeLag(kLagSeconds);
        upload.stop();
        recordLag(state, "upload only", lag);
        recordUpload("upload only", upload);
    }
}

/// Capture (simulated camera, session, views, a still a second) while the Outbox uploads.
void EventLoopLagSimCameraUpload(benchmark::State &state)
{
    BackgroundUpload &upload = BackgroundUpload::instance();
    if (!upload.ok()) {
        state.SkipWithError("no hub");
        return;
    }
    Drivers::Sim::SimulatedCamera camera;
    (void)camera.setOption(QStringLiteral("seed"), 31);
    upload.start();
    lagWithSession(state, camera, "capture + upload");
    upload.stop();
    recordUpload("capture + upload", upload);
    g_figures["capture + upload simulator previews dropped"] = camera.droppedPreviewFrames();
}
#endif

BENCHMARK(CaptureToThumbnailReady)->Unit(benchmark::kMillisecond)->Iterations(kStills);
BENCHMARK(CaptureToThumbnailJpeg)->Unit(benchmark::kMillisecond)->Iterations(kStills);
BENCHMARK(CaptureToThumbnailSim)->Unit(benchmark::kMillisecond)->Iterations(kStills);
BENCHMARK(EventLoopLagIdle)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(EventLoopLagReadyCamera)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(EventLoopLagReadyCameraPaused)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(EventLoopLagSimCamera)->Unit(benchmark::kMillisecond)->Iterations(1);
#ifdef TONGBAN_HUB
BENCHMARK(EventLoopLagUpload)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(EventLoopLagSimCameraUpload)->Unit(benchmark::kMillisecond)->Iterations(1);
#endif

void ratio(const char *label, const std::string &a, const std::string &b)
{
    if (g_figures.count(a) && g_figures.count(b) && g_figures[b] > 0)
        std::printf("  %-64s %8.2fx\n", label, g_figures[a] / g_figures[b]);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::ConsoleReporter reporter(isatty(fileno(stdout))
            ? benchmark::ConsoleReporter::OO_ColorTabular
            : benchmark::ConsoleReporter::OO_Tabular);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    std::printf("\nfigures (%d stills of 13 MP per source, %d s per lag probe; targets: still "
                "request to painted thumbnail p95 <= 300 ms, 10 ms timer never > 50 ms late):\n",
        kStills, kLagSeconds);
    for (const auto &[name, value] : g_figures)
        std::printf("  %-52s %10.2f\n", name.c_str(), value);
    ratio("simulated camera: total / camera's own still time", "simulated camera total mean ms",
        "simulated camera camera still mean ms");
    ratio("camera JPEG: still request to thumbnail / 1/8 scaled decode + draw, mean",
        "camera JPEG total mean ms", "camera JPEG scaled-decode peer mean ms");
    ratio("camera JPEG: still request to thumbnail / 1/8 scaled decode + draw, p95",
        "camera JPEG total p95 ms", "camera JPEG scaled-decode peer p95 ms");
    ratio("camera JPEG: still to early thumbnail painted / 1/8 decode + draw, mean",
        "camera JPEG still to early thumbnail painted mean ms",
        "camera JPEG scaled-decode peer mean ms");
    ratio("camera JPEG: still to early thumbnail painted / 1/8 decode + draw, p95",
        "camera JPEG still to early thumbnail painted p95 ms",
        "camera JPEG scaled-decode peer p95 ms");
    ratio("camera JPEG: still request to thumbnail / full decode + draw, mean",
        "camera JPEG total mean ms", "camera JPEG full-decode peer mean ms");
    ratio("camera JPEG: still request to thumbnail / full decode + draw, p95",
        "camera JPEG total p95 ms", "camera JPEG full-decode peer p95 ms");
    ratio("lateness max: session (ready camera) / idle loop",
        "session, ready camera lateness max ms", "idle loop lateness max ms");
    ratio("lateness p99: session (ready camera) / idle loop",
        "session, ready camera lateness p99 ms", "idle loop lateness p99 ms");
    ratio("lateness max: detection paused for stills / not paused (ready camera)",
        "session, ready camera, detection paused for stills lateness max ms",
        "session, ready camera lateness max ms");
    std::printf("\nGUI-thread lag, 10 ms timer (target: never > 50 ms late):\n");
    std::printf("  %-60s %10s %10s %8s\n", "", "max ms", "p99 ms", "> 50 ms");
    for (const auto &[label, key] :
        std::vector<std::pair<const char *, std::string>> { { "idle", "idle loop" },
            { "capture only (simulated camera)", "session, simulated camera" },
            { "upload only (Outbox -> tongban-hub)", "upload only" },
            { "capture + upload", "capture + upload" } }) {
        if (!g_figures.count(key + " lateness max ms"))
            continue;
        std::printf("  %-60s %10.2f %10.2f %8.0f\n", label, g_figures[key + " lateness max ms"],
            g_figures[key + " lateness p99 ms"], g_figures[key + " ticks > 50 ms late"]);
    }
    std::fflush(stdout);
    benchmark::Shutdown();
    return 0;
}
