// Assist::MediaSession: the media of a call, two GStreamer webrtcbin peers on loopback whose
// offer, answer and ICE candidates travel as call.offer / call.answer / call.ice over real
// WebSockets through the in-process tongban-hub (docs/platform-api.md §11), exactly as the
// workstation wires them (bindToCall). The application window sends frames pushed the way its
// HD camera pushes them; the home window sends GStreamer's test pattern. Both send a test tone.

#include "CallWindow.h"
#include "InProcessHub.h"

#include <assist/CallMedia.h>
#include <assist/CallRecording.h>
#include <assist/IceServers.h>
#include <assist/MediaSession.h>
#include <assist/PageShare.h>
#include <core/Hash.h>
#include <platform/ApiClient.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QMutex>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <drivers/api/DocumentSource.h>
#include <gst/gst.h>

using namespace Tongban;
using Assist::CallSignalling;
using Assist::MediaOptions;
using Assist::MediaSession;

namespace {
const QString AppWindow = QStringLiteral("410402-tb-03");
const QString HomeWindow = QStringLiteral("410402-tb-01");
const QString Item = QStringLiteral("41040201012001000"); // home jurisdiction 410402
const QSize Size(320, 240);

/// A window in a call, and its media once the call is active.
struct Window : CallWindow
{
    std::unique_ptr<MediaSession> media;
    QStringList localCandidates;
    QImage lastRemoteFrame;

    using CallWindow::CallWindow;

    /// The media for the active call, as the workstation starts them.
    Core::Status startMedia(
        MediaSession::Role role, MediaOptions::Video video, MediaOptions options = {})
    {
        options.video = video;
        options.videoSize = Size;
        options.framesPerSecond = 15;
        options.videoKbps = 300;
        options.loopbackOnly = true;
        options.playRemoteAudio = false; // no sound card here: decoded and counted
        media = std::make_unique<MediaSession>(role, options);
        QObject::connect(media.get(), &MediaSession::localIceCandidate, media.get(),
            [this](const QString &candidate) { localCandidates.append(candidate); });
        QObject::connect(media.get(), &MediaSession::remoteFrame, media.get(),
            [this](const QImage &frame) { lastRemoteFrame = frame; });
        Assist::bindToCall(media.get(), calls.get());
        return media->start();
    }
};

/// The platform API with a window's bearer token, as the workstation's Session sends it.
class BearerTransport : public Platform::Transport
{
public:
    BearerTransport(const QString &base, const QByteArray &token)
        : m_client(QUrl(base))
        , m_token(token)
    { }
    void send(const Platform::ApiRequest &request, Platform::ResponseCallback callback) override
    {
        Platform::ApiRequest withToken = request;
        withToken.headers.append(
            { QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_token });
        m_client.send(withToken, std::move(callback));
    }
    QUrl resolve(const Platform::ApiRequest &request) const override
    {
        return m_client.resolve(request);
    }

private:
    Platform::ApiClient m_client;
    QByteArray m_token;
};

/// What fetchIceServers gives through \a transport (an error string when nothing came).
QJsonArray fetchedIceServers(Platform::Transport &transport, QObject *context, bool *answered)
{
    std::optional<QJsonArray> servers;
    Assist::fetchIceServers(
        transport, context, [&servers](const QJsonArray &given) { servers = given; });
    *answered = QTest::qWaitFor([&servers] { return servers.has_value(); }, 10000);
    return servers.value_or(QJsonArray());
}

/// What the application window's camera shows: red on the left, blue on the right.
QImage cameraPicture()
{
    QImage image(QSize(640, 480), QImage::Format_RGB32);
    QPainter painter(&image);
    painter.fillRect(0, 0, 320, 480, QColor(220, 30, 30));
    painter.fillRect(320, 0, 320, 480, QColor(30, 30, 220));
    return image;
}

/*!
 * The window's HD camera as drivers/api gives it (no camera on this machine): preview
 * frames in the drivers' RGB888, red on the left and blue on the right, 15 a second.
 */
class TestCamera : public Drivers::DocumentSource
{
public:
    TestCamera()
    {
        m_frame = cameraPicture().convertToFormat(QImage::Format_RGB888);
        QObject::connect(&m_timer, &QTimer::timeout, this,
            [this] { emit previewFrame(m_frame, m_clock.elapsed()); });
    }
    Drivers::SourceIdentity identity() const override
    {
        return { QStringLiteral("test:0"), QStringLiteral("test camera"), QStringLiteral("test"),
            {}, {} };
    }
    Drivers::SourceCapabilities capabilities() const override
    {
        return { { QSize(640, 480) }, QSize(640, 480), 15 };
    }
    Core::Status open() override
    {
        m_open = true;
        m_clock.start();
        return {};
    }
    void close() override
    {
        m_open = false;
        m_timer.stop();
    }
    bool isOpen() const override { return m_open; }
    QList<Drivers::OptionDescriptor> options() const override { return {}; }
    QVariant option(const QString &) const override { return {}; }
    Core::Status setOption(const QString &, const QVariant &) override { return {}; }
    Core::Status startPreview() override
    {
        m_timer.start(1000 / 15);
        return {};
    }
    void stopPreview() override { m_timer.stop(); }
    bool isPreviewing() const override { return m_timer.isActive(); }
    void captureStill() override { }
    void unplug()
    {
        close();
        emit unplugged();
    }

private:
    QImage m_frame;
    QTimer m_timer;
    QElapsedTimer m_clock;
    bool m_open = false;
};

/// What decoding a recorded chunk gave: per decoded stream, in the file's order, its kind
/// and how many buffers came out of the decoder.
struct Decoded
{
    QString error;
    QMutex mutex;
    QList<QPair<QByteArray, std::shared_ptr<std::atomic<qint64>>>> streams;

    int count(const QByteArray &kind) const
    {
        int n = 0;
        for (const auto &stream : streams)
            n += stream.first == kind;
        return n;
    }
    qint64 buffers(const QByteArray &kind, int ordinal) const
    {
        for (const auto &stream : streams) {
            if (stream.first == kind && ordinal-- == 0)
                return *stream.second;
        }
        return -1;
    }
};

GstPadProbeReturn countBuffer(GstPad *, GstPadProbeInfo *, gpointer counter)
{
    ++*static_cast<std::atomic<qint64> *>(counter);
    return GST_PAD_PROBE_OK;
}

/// A decoded stream of the chunk: counted into a fakesink of its own.
void onDecoded(GstElement *decodebin, GstPad *pad, gpointer data)
{
    auto *decoded = static_cast<Decoded *>(data);
    GstCaps *caps = gst_pad_query_caps(pad, nullptr);
    const QByteArray kind
        = QByteArray(gst_structure_get_name(gst_caps_get_structure(caps, 0))).split('/').value(0);
    gst_caps_unref(caps);
    auto counter = std::make_shared<std::atomic<qint64>>(0);
    {
        const QMutexLocker lock(&decoded->mutex);
        decoded->streams.append({ kind, counter });
    }
    GstElement *sink = gst_element_factory_make("fakesink", nullptr);
    g_object_set(sink, "sync", FALSE, "async", FALSE, nullptr);
    GstElement *pipeline = GST_ELEMENT(gst_element_get_parent(decodebin));
    gst_bin_add(GST_BIN(pipeline), sink);
    gst_element_sync_state_with_parent(sink);
    GstPad *sinkPad = gst_element_get_static_pad(sink, "sink");
    gst_pad_add_probe(sinkPad, GST_PAD_PROBE_TYPE_BUFFER, countBuffer, counter.get(), nullptr);
    gst_pad_link(pad, sinkPad);
    gst_object_unref(sinkPad);
    gst_object_unref(pipeline);
}

/// Decodes every stream of the recorded chunk \a path to its end.
void decodeChunk(const QString &path, Decoded *decoded)
{
    GstElement *pipeline = gst_pipeline_new(nullptr);
    GstElement *file = gst_element_factory_make("filesrc", nullptr);
    GstElement *decodebin = gst_element_factory_make("decodebin", nullptr);
    g_object_set(file, "location", path.toUtf8().constData(), nullptr);
    gst_bin_add_many(GST_BIN(pipeline), file, decodebin, nullptr);
    gst_element_link(file, decodebin);
    g_signal_connect(decodebin, "pad-added", G_CALLBACK(onDecoded), decoded);
    gst_element_set_state(pipeline, GST_STATE_PLAYING);
    GstBus *bus = gst_element_get_bus(pipeline);
    GstMessage *message = gst_bus_timed_pop_filtered(
        bus, 20 * GST_SECOND, GstMessageType(GST_MESSAGE_EOS | GST_MESSAGE_ERROR));
    if (!message) {
        decoded->error = QStringLiteral("no end of stream within 20 s");
    } else if (GST_MESSAGE_TYPE(message) == GST_MESSAGE_ERROR) {
        GError *failure = nullptr;
        gst_message_parse_error(message, &failure, nullptr);
        decoded->error = QString::fromUtf8(failure ? failure->message : "error");
        g_clear_error(&failure);
    }
    if (message)
        gst_message_unref(message);
    gst_object_unref(bus);
    gst_element_set_state(pipeline, GST_STATE_NULL);
    gst_object_unref(pipeline);
}

/// Checks every chunk \a manifest lists: its hash, its length, and that it decodes.
void checkChunks(const QString &directory, const QJsonObject &manifest, qint64 maxChunkMs,
    qint64 *remoteVideoFrames)
{
    const QJsonArray chunks = manifest.value(u"chunks").toArray();
    for (const QJsonValue &value : chunks) {
        const QJsonObject chunk = value.toObject();
        const QString path = QDir(directory).filePath(chunk.value(u"file").toString());
        QCOMPARE(Assist::CallRecording::fileSha256(path), chunk.value(u"sha256").toString());
        QCOMPARE(QFileInfo(path).size(), qint64(chunk.value(u"sizeBytes").toDouble()));
        const qint64 lengthMs
            = qint64(chunk.value(u"endMs").toDouble() - chunk.value(u"startMs").toDouble());
        QVERIFY2(lengthMs > 0 && lengthMs <= maxChunkMs, qPrintable(QString::number(lengthMs)));
        Decoded decoded;
        decodeChunk(path, &decoded);
        QVERIFY2(decoded.error.isEmpty(), qPrintable(path + u' ' + decoded.error));
        // Both directions as sent, never re-encoded: two VP8 pictures and two Opus sounds.
        // This side's picture and both sounds decode in every chunk; the other side's picture
        // needs its next keyframe (counted over the whole call).
        const QString counts = QStringLiteral("%1: video %2 %3, audio %4 %5")
                                   .arg(path)
                                   .arg(decoded.buffers("video", 0))
                                   .arg(decoded.buffers("video", 1))
                                   .arg(decoded.buffers("audio", 0))
                                   .arg(decoded.buffers("audio", 1));
        QVERIFY2(decoded.count("video") == 2 && decoded.count("audio") == 2, qPrintable(counts));
        QVERIFY2(decoded.buffers("video", 0) > 0 && decoded.buffers("audio", 0) > 0
                && decoded.buffers("audio", 1) > 0,
            qPrintable(counts));
        *remoteVideoFrames += decoded.buffers("video", 1);
    }
}

QJsonObject readManifest(const QString &directory)
{
    QFile file(QDir(directory).filePath(QStringLiteral("manifest.json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QColor averageAround(const QImage &image, QPoint centre)
{
    int r = 0, g = 0, b = 0, n = 0;
    for (int y = centre.y() - 8; y <= centre.y() + 8; ++y) {
        for (int x = centre.x() - 8; x <= centre.x() + 8; ++x) {
            const QColor c = image.pixelColor(x, y);
            r += c.red();
            g += c.green();
            b += c.blue();
            ++n;
        }
    }
    return QColor(r / n, g / n, b / n);
}
} // namespace

class TestCallMedia : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void pictureAndSoundFlowBothWaysThroughThePlatformsSignalling();
    void marksOnTheSharedPageTravelOnTheDataChannelWithin200Ms();
    void theCallerRecordsBothDirectionsInChunksWithAManifest();
    void aKilledCallerLeavesAPlayableRecordingUpToItsLastWholeChunk();
    void theCallMediaSendsADriversCameraFramesAndAuditsTheCall();
    void theCallGetsThePlatformsTurnServerAndStillConnectsOnLoopback();
    void iceServersThePlatformCannotGiveLeaveNone();
    void aDescriptionThatCannotBeReadFailsTheMedia_data();
    void aDescriptionThatCannotBeReadFailsTheMedia();

private:
    std::unique_ptr<InProcessHub> m_platform;
    QString m_base;
};

void TestCallMedia::initTestCase()
{
    QStringList missing;
    QVERIFY2(MediaSession::available(&missing),
        qPrintable(QStringLiteral("GStreamer elements missing (installer/install-deps.sh "
                                  "installs them): ")
            + missing.join(u',')));
}

void TestCallMedia::init()
{
    m_platform = std::make_unique<InProcessHub>();
    const QString started = m_platform->start([](Hub::HubConfig &config) {
        config.callTimeoutMs = 60000;
        config.presenceGraceMs = 300;
        // A TURN relay the platform hands out credentials for (contract §16); nobody
        // listens at its port, like a relay down or out of reach.
        config.turn.urls = { QStringLiteral("turn:127.0.0.1:9?transport=udp") };
        config.turn.secret = QByteArrayLiteral("tb-turn-secret");
        config.turn.ttlSecs = 600;
    });
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_base = m_platform->base;
}

void TestCallMedia::cleanup()
{
    m_platform.reset();
}

void TestCallMedia::pictureAndSoundFlowBothWaysThroughThePlatformsSignalling()
{
    // GIVEN the application window calling a home window, which answers
    Window app(m_base, QStringLiteral("xh-tb-03-wangli"), AppWindow);
    Window home(m_base, QStringLiteral("xh-tb-01-liuyang"), HomeWindow);
    QVERIFY(app.client->signedIn && app.client->open());
    QVERIFY(home.client->signedIn && home.client->open());
    const auto callId = app.calls->invite(Item);
    QVERIFY(callId.ok());
    QTRY_COMPARE(home.calls->incomingCalls().size(), 1);
    QVERIFY(home.calls->accept(*callId).ok());
    QTRY_COMPARE(app.calls->state(), CallSignalling::State::Active);
    QTRY_COMPARE(home.calls->state(), CallSignalling::State::Active);

    // WHEN both start their media: the caller offers, the home window answers
    QElapsedTimer sinceStart;
    sinceStart.start();
    QVERIFY(home.startMedia(MediaSession::Role::Answerer, MediaOptions::Video::TestPattern).ok());
    QVERIFY(app.startMedia(MediaSession::Role::Offerer, MediaOptions::Video::Frames).ok());
    const QImage picture = cameraPicture();
    QTimer camera; // the HD camera's frames, as Qt Multimedia delivers them
    QObject::connect(
        &camera, &QTimer::timeout, &camera, [&] { app.media->pushVideoFrame(picture); });
    camera.start(1000 / 15);

    // THEN ICE connects on loopback only, and each side decodes the other's picture and sound
    QTRY_COMPARE_WITH_TIMEOUT(app.media->state(), MediaSession::State::Connected, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(home.media->state(), MediaSession::State::Connected, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(home.media->remoteVideoFrames() > 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(app.media->remoteVideoFrames() > 0, 20000);
    qInfo("first frames both ways after %lld ms (pipelines started, offer/answer and ICE "
          "through the hub)",
        sinceStart.elapsed());
    for (const QString &candidate : std::as_const(app.localCandidates) + home.localCandidates) {
        if (!candidate.isEmpty())
            QVERIFY2(candidate.contains(QLatin1String("127.0.0.1")), qPrintable(candidate));
    }
    QVERIFY(!app.localCandidates.isEmpty() && !home.localCandidates.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(home.media->remoteVideoFrames() >= 15, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(app.media->remoteVideoFrames() >= 15, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(home.media->remoteAudioBuffers() >= 25, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(app.media->remoteAudioBuffers() >= 25, 20000);
    // AND each side counts the RTP of the picture it sends (its send rate, before the
    // network): at least a packet's header for each picture the other side decoded
    QVERIFY2(app.media->videoBytesSent() >= 12 * home.media->remoteVideoFrames(),
        qPrintable(QString::number(app.media->videoBytesSent())));
    QVERIFY2(home.media->videoBytesSent() >= 12 * app.media->remoteVideoFrames(),
        qPrintable(QString::number(home.media->videoBytesSent())));
    // AND the home window sees the application window's camera: red left, blue right
    QTRY_VERIFY(!home.lastRemoteFrame.isNull());
    QCOMPARE(home.lastRemoteFrame.size(), Size);
    const QColor left = averageAround(home.lastRemoteFrame, QPoint(80, 120));
    const QColor right = averageAround(home.lastRemoteFrame, QPoint(240, 120));
    QVERIFY2(left.red() > 150 && left.blue() < 90, qPrintable(left.name()));
    QVERIFY2(right.blue() > 150 && right.red() < 90, qPrintable(right.name()));
    QTRY_VERIFY(!app.lastRemoteFrame.isNull());
    QCOMPARE(app.lastRemoteFrame.size(), Size);

    // WHEN the home window hangs up
    QVERIFY(home.calls->hangup().ok());
    // THEN both media stop, and no more frames arrive
    QCOMPARE(home.media->state(), MediaSession::State::Stopped);
    QTRY_COMPARE(app.media->state(), MediaSession::State::Stopped);
    const qint64 framesAtEnd = app.media->remoteVideoFrames();
    QTest::qWait(300);
    QCOMPARE(app.media->remoteVideoFrames(), framesAtEnd);
}

void TestCallMedia::marksOnTheSharedPageTravelOnTheDataChannelWithin200Ms()
{
    // GIVEN an active call with its media connected on loopback, and each side's shared page
    // on the call's data channel
    Window app(m_base, QStringLiteral("xh-tb-03-wangli"), AppWindow);
    Window home(m_base, QStringLiteral("xh-tb-01-liuyang"), HomeWindow);
    QVERIFY(app.open() && home.open());
    const auto callId = app.calls->invite(Item);
    QVERIFY(callId.ok());
    QTRY_COMPARE(home.calls->incomingCalls().size(), 1);
    QVERIFY(home.calls->accept(*callId).ok());
    QTRY_COMPARE(app.calls->state(), CallSignalling::State::Active);
    QVERIFY(home.startMedia(MediaSession::Role::Answerer, MediaOptions::Video::TestPattern).ok());
    QVERIFY(app.startMedia(MediaSession::Role::Offerer, MediaOptions::Video::TestPattern).ok());
    QTRY_VERIFY_WITH_TIMEOUT(app.media->isChannelOpen(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(home.media->isChannelOpen(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(app.media->state(), MediaSession::State::Connected, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(home.media->state(), MediaSession::State::Connected, 20000);
    const auto bind = [](Window &window, const QString &windowId) {
        auto share = std::make_unique<Assist::PageShare>(
            windowId, [media = window.media.get()](const QString &text) {
                return media->sendChannelMessage(text);
            });
        QObject::connect(window.media.get(), &MediaSession::channelMessage, share.get(),
            &Assist::PageShare::handleMessage);
        return share;
    };
    auto appShare = bind(app, AppWindow);
    auto homeShare = bind(home, HomeWindow);
    const QString pageA = Core::sha256Hex("captured page 1");
    const QString pageB = Core::sha256Hex("case page 2");
    const QSize page(2480, 3508);

    // WHEN the caller shows the captured page
    QVERIFY(appShare->showPage(pageA, page, 1).ok());
    // THEN the home window shows it too
    QTRY_COMPARE(homeShare->currentPage(), pageA);

    // WHEN the home clerk draws 20 marks, one every 50 ms
    QElapsedTimer clock;
    clock.start();
    QHash<QString, qint64> sentAt;
    QList<qint64> latencies;
    QObject::connect(appShare.get(), &Assist::PageShare::remoteStroke, appShare.get(),
        [&](const Assist::Stroke &stroke) {
            latencies.append(clock.elapsed() - sentAt.value(stroke.id));
        });
    for (int i = 0; i < 20; ++i) {
        Assist::Stroke stroke;
        stroke.kind = Assist::Stroke::Kind::Pen;
        for (int p = 0; p < 40; ++p)
            stroke.points.append(QPointF(100 + 20 * i + p, 300 + 3 * p));
        const qint64 at = clock.elapsed();
        const auto id = homeShare->addStroke(stroke);
        QVERIFY2(id.ok(), id ? "" : qPrintable(id.error().toString()));
        sentAt.insert(*id, at);
        QTest::qWait(50);
    }
    QTRY_COMPARE(latencies.size(), 20);

    // THEN each appears at the caller's within 200 ms (95th percentile), at the same place
    std::sort(latencies.begin(), latencies.end());
    const qint64 p95 = latencies.at(18);
    qInfo("marks on the data channel, loopback: median %lld ms, p95 %lld ms, max %lld ms",
        latencies.at(10), p95, latencies.last());
    QVERIFY2(p95 <= 200, qPrintable(QString::number(p95)));
    QCOMPARE(appShare->strokes(pageA).size(), 20);
    QVERIFY(appShare->strokes(pageA).last() == homeShare->strokes(pageA).last());
    // AND undo, clear and a page switch by the home clerk are followed in step
    QVERIFY(homeShare->undo().ok());
    QTRY_COMPARE(appShare->strokes(pageA).size(), 19);
    QVERIFY(homeShare->showPage(pageB, page, 2).ok());
    QTRY_COMPARE(appShare->currentPage(), pageB);
    QCOMPARE(appShare->currentNumber(), 2);
    QVERIFY(appShare->showPage(pageA, page, 1).ok());
    QTRY_COMPARE(homeShare->currentPage(), pageA);
    QVERIFY(appShare->clear().ok());
    QTRY_VERIFY(homeShare->strokes(pageA).isEmpty());
    QVERIFY(home.calls->hangup().ok());
}

void TestCallMedia::theCallerRecordsBothDirectionsInChunksWithAManifest()
{
    // GIVEN an active call whose caller records it in chunks of at most 2 s
    Window app(m_base, QStringLiteral("xh-tb-03-wangli"), AppWindow);
    Window home(m_base, QStringLiteral("xh-tb-01-liuyang"), HomeWindow);
    QVERIFY(app.open() && home.open());
    const auto callId = app.calls->invite(Item);
    QVERIFY(callId.ok());
    QTRY_COMPARE(home.calls->incomingCalls().size(), 1);
    QVERIFY(home.calls->accept(*callId).ok());
    QTRY_COMPARE(app.calls->state(), CallSignalling::State::Active);
    QTemporaryDir recordings;
    const QString directory = recordings.filePath(*callId);
    MediaOptions recorded;
    recorded.recordingDirectory = directory;
    recorded.recordingChunkSeconds = 2;
    recorded.recordingInfo = { *callId, QStringLiteral("case-1"), Item, AppWindow,
        QStringLiteral("xh-tb-03-wangli"), HomeWindow, QStringLiteral("xh-tb-01-liuyang") };
    QVERIFY(home.startMedia(MediaSession::Role::Answerer, MediaOptions::Video::TestPattern).ok());
    const Core::Status recording
        = app.startMedia(MediaSession::Role::Offerer, MediaOptions::Video::TestPattern, recorded);
    QVERIFY2(recording.ok(), recording ? "" : qPrintable(recording.error().toString()));
    QSignalSpy chunkAdded(app.media.get(), &MediaSession::recordingChunkAdded);
    QSignalSpy finished(app.media.get(), &MediaSession::recordingFinished);

    // WHEN the call lasts until three chunks are closed, then the home window hangs up
    QTRY_VERIFY_WITH_TIMEOUT(chunkAdded.size() >= 3, 30000);
    QVERIFY(home.calls->hangup().ok());
    QTRY_COMPARE(app.media->state(), MediaSession::State::Stopped);

    // THEN the manifest lists every chunk with its hash, the call, the case, both windows and
    // clerks, start and end; the chunk being written at the hang-up is closed and listed too
    QCOMPARE(finished.size(), 1);
    const QJsonObject manifest = readManifest(directory);
    QCOMPARE(manifest.value(u"callId").toString(), *callId);
    QCOMPARE(manifest.value(u"caseId").toString(), QStringLiteral("case-1"));
    QCOMPARE(manifest.value(u"callerWindow").toString(), AppWindow);
    QCOMPARE(manifest.value(u"callerClerk").toString(), QStringLiteral("xh-tb-03-wangli"));
    QCOMPARE(manifest.value(u"homeWindow").toString(), HomeWindow);
    QCOMPARE(manifest.value(u"homeClerk").toString(), QStringLiteral("xh-tb-01-liuyang"));
    QCOMPARE(manifest.value(u"endReason").toString(), QStringLiteral("ended"));
    const QDateTime started
        = QDateTime::fromString(manifest.value(u"startedAt").toString(), Qt::ISODateWithMs);
    const QDateTime ended
        = QDateTime::fromString(manifest.value(u"endedAt").toString(), Qt::ISODateWithMs);
    QVERIFY(started.isValid() && ended.isValid() && started < ended);
    const QJsonArray chunks = manifest.value(u"chunks").toArray();
    QVERIFY2(chunks.size() >= 4, qPrintable(QString::number(chunks.size())));
    if (qEnvironmentVariableIsSet("DEBUG_RECORDING")) {
        qInfo().noquote() << QJsonDocument(manifest).toJson();
        for (const QFileInfo &info : QDir(directory).entryInfoList(QDir::Files))
            qInfo() << info.fileName() << info.size();
    }
    QCOMPARE(
        QDir(directory).entryList({ QStringLiteral("*.mkv") }, QDir::Files).size(), chunks.size());
    // AND every chunk is at most 2 s, decodes, and holds both directions, as sent: the other
    // side's picture is in the recording too
    qint64 remoteVideoFrames = 0;
    checkChunks(directory, manifest, 2000, &remoteVideoFrames);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(remoteVideoFrames > 0);
}

void TestCallMedia::aKilledCallerLeavesAPlayableRecordingUpToItsLastWholeChunk()
{
    // GIVEN a caller recording a call (a process of its own: this test run with
    // TONGBAN_RECORDING_CHILD set, both sides inside it, chunks of at most 2 s)
    QTemporaryDir recordings;
    const QString directory = recordings.filePath(QStringLiteral("killed-call"));
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TONGBAN_RECORDING_CHILD"), directory);
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted());

    // WHEN it is killed (SIGKILL) after closing two chunks, in the middle of the third
    QTRY_VERIFY_WITH_TIMEOUT(readManifest(directory).value(u"chunks").toArray().size() >= 2, 40000);
    QTest::qWait(700);
    child.kill();
    QVERIFY(child.waitForFinished());
    const QJsonObject left = readManifest(directory);
    QVERIFY(!left.contains(u"endedAt"));
    const int whole = int(left.value(u"chunks").toArray().size());

    // THEN recovery ends the recording at its last whole chunk, drops the partial one
    auto recovered = Assist::CallRecording::recover(directory);
    QVERIFY2(recovered.ok(), recovered ? "" : qPrintable(recovered.error().detail));
    QCOMPARE(recovered->endReason(), QStringLiteral("interrupted"));
    QCOMPARE(recovered->chunks().size(), whole);
    QCOMPARE(
        recovered->endedAt(), recovered->startedAt().addMSecs(recovered->chunks().last().endMs));
    QCOMPARE(QDir(directory).entryList({ QStringLiteral("*.mkv") }, QDir::Files).size(), whole);
    // AND every whole chunk plays: hash, length and a full decode of both directions
    qint64 remoteVideoFrames = 0;
    checkChunks(directory, readManifest(directory), 2000, &remoteVideoFrames);
}

void TestCallMedia::theCallMediaSendsADriversCameraFramesAndAuditsTheCall()
{
    // GIVEN an active call; the caller's media is a CallMedia with its HD camera from
    // drivers/api (frames in RGB888, as the UVC driver converts them off the GUI thread)
    Window app(m_base, QStringLiteral("xh-tb-03-wangli"), AppWindow);
    Window home(m_base, QStringLiteral("xh-tb-01-liuyang"), HomeWindow);
    QVERIFY(app.open() && home.open());
    const auto callId = app.calls->invite(Item);
    QVERIFY(callId.ok());
    QTRY_COMPARE(home.calls->incomingCalls().size(), 1);
    QVERIFY(home.calls->accept(*callId).ok());
    QTRY_COMPARE(app.calls->state(), CallSignalling::State::Active);
    QVERIFY(home.startMedia(MediaSession::Role::Answerer, MediaOptions::Video::TestPattern).ok());
    auto camera = std::make_shared<TestCamera>();
    QStringList audited;
    MediaOptions options;
    options.videoSize = Size;
    options.framesPerSecond = 15;
    options.videoKbps = 300;
    options.loopbackOnly = true;
    options.playRemoteAudio = false;
    options.dataChannel = false; // and no data channel: the offer has none
    Assist::CallMedia media(MediaSession::Role::Offerer, options, camera,
        [&audited](const QString &action, const QString &result, const QString &) {
            audited.append(action + u'/' + result);
        });
    QSignalSpy connected(&media, &Assist::CallMedia::connected);
    QSignalSpy cameraFailed(&media, &Assist::CallMedia::cameraFailed);
    // WHEN it starts
    QVERIFY(media.start(app.calls.get()).ok());
    // THEN the camera is opened and previewing, and the home window sees its picture
    QVERIFY(camera->isOpen() && camera->isPreviewing());
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(home.media->remoteVideoFrames() >= 10, 20000);
    QVERIFY(media.framesSent() > 0);
    const QColor left = averageAround(home.lastRemoteFrame, QPoint(80, 120));
    const QColor right = averageAround(home.lastRemoteFrame, QPoint(240, 120));
    QVERIFY2(left.red() > 150 && left.blue() < 90, qPrintable(left.name()));
    QVERIFY2(right.blue() > 150 && right.red() < 90, qPrintable(right.name()));
    QVERIFY(!media.session()->isChannelOpen());
    // WHEN the camera is unplugged THEN the call screen is told, and the trail has it
    camera->unplug();
    QCOMPARE(cameraFailed.size(), 1);
    QVERIFY(audited.contains(QStringLiteral("call.camera/failed")));
    // WHEN the media stop THEN the camera is closed
    media.stop();
    QVERIFY(!camera->isOpen());
    QVERIFY(home.calls->hangup().ok());
}

void TestCallMedia::theCallGetsThePlatformsTurnServerAndStillConnectsOnLoopback()
{
    // GIVEN a platform with TURN (coturn's static-auth-secret "tb-turn-secret", credentials
    // valid 600 s) at 2026-11-24 01:30:00Z, and the two windows of a call
    Window app(m_base, QStringLiteral("xh-tb-03-wangli"), AppWindow);
    Window home(m_base, QStringLiteral("xh-tb-01-liuyang"), HomeWindow);
    QVERIFY(app.open() && home.open());
    BearerTransport appPlatform(m_base, app.client->http.token);
    BearerTransport homePlatform(m_base, home.client->http.token);

    // WHEN each asks for its ICE servers before the call, as the call window does
    bool answered = false;
    const QJsonArray appServers = fetchedIceServers(appPlatform, this, &answered);
    QVERIFY(answered);
    const QJsonArray homeServers = fetchedIceServers(homePlatform, this, &answered);
    QVERIFY(answered);

    // THEN the caller's list has the relay with its coturn REST credentials for its window
    // (username "expiry:window", password base64(HMAC-SHA1(secret, username)))
    QCOMPARE(appServers.size(), 1);
    const QJsonObject turn = appServers.first().toObject();
    QCOMPARE(turn.value(u"urls").toArray().first().toString(),
        QStringLiteral("turn:127.0.0.1:9?transport=udp"));
    QCOMPARE(turn.value(u"username").toString(), QStringLiteral("1795484400:410402-tb-03"));
    QCOMPARE(turn.value(u"credential").toString(), QStringLiteral("WSru8nyUbxVx958xGzlSkVweKo8="));
    QCOMPARE(homeServers.first().toObject().value(u"username").toString(),
        QStringLiteral("1795484400:410402-tb-01"));

    // WHEN the call is placed and answered and both start their media with those servers
    const auto callId = app.calls->invite(Item);
    QVERIFY(callId.ok());
    QTRY_COMPARE(home.calls->incomingCalls().size(), 1);
    QVERIFY(home.calls->accept(*callId).ok());
    QTRY_COMPARE(app.calls->state(), CallSignalling::State::Active);
    MediaOptions homeOptions;
    homeOptions.iceServers = homeServers;
    QVERIFY(
        home.startMedia(MediaSession::Role::Answerer, MediaOptions::Video::TestPattern, homeOptions)
            .ok());
    MediaOptions options;
    options.videoSize = Size;
    options.framesPerSecond = 15;
    options.videoKbps = 300;
    options.loopbackOnly = true;
    options.playRemoteAudio = false;
    options.iceServers = appServers;
    Assist::CallMedia media(MediaSession::Role::Offerer, options, nullptr, {});
    QSignalSpy connected(&media, &Assist::CallMedia::connected);
    QVERIFY(media.start(app.calls.get()).ok());

    // THEN the session got the relay, user and password percent-encoded for webrtcbin
    QCOMPARE(media.session()->options().iceServers, appServers);
    const QStringList uris = MediaSession::turnServerUris(media.session()->options().iceServers);
    QCOMPARE(uris,
        QStringList { QStringLiteral("turn://1795484400%3A410402-tb-03:"
                                     "WSru8nyUbxVx958xGzlSkVweKo8%3D@127.0.0.1:9?transport=udp") });
    // AND a relay nobody answers does not keep the windows of one network apart
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(home.media->remoteVideoFrames() >= 5, 20000);
    media.stop();
    QVERIFY(home.calls->hangup().ok());
}

void TestCallMedia::iceServersThePlatformCannotGiveLeaveNone()
{
    // GIVEN a department session (no window: the platform refuses, 403) and a platform
    // nobody answers at
    HubTestClient department(m_base);
    QCOMPARE(
        department.login(QStringLiteral("xh-scjg-chenjing"), QString::fromUtf8(Hub::DemoPassword))
            .status,
        200);
    BearerTransport refused(m_base, department.token);
    BearerTransport unreachable(QStringLiteral("http://127.0.0.1:9"), department.token);
    for (Platform::Transport *transport :
        std::initializer_list<Platform::Transport *> { &refused, &unreachable }) {
        // WHEN the call window asks for the ICE servers
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("^ICE servers not fetched")));
        bool answered = false;
        const QJsonArray servers = fetchedIceServers(*transport, this, &answered);
        // THEN it is answered at once with none (the call goes on with host candidates),
        // and the failure is logged
        QVERIFY(answered);
        QVERIFY(servers.isEmpty());
    }
}

void TestCallMedia::aDescriptionThatCannotBeReadFailsTheMedia_data()
{
    QTest::addColumn<QString>("sdp");
    QTest::newRow("not SDP") << QStringLiteral("this is not SDP");
    // Parses, but has no ICE credentials, no DTLS fingerprint: webrtcbin refuses it.
    QTest::newRow("no ICE, no DTLS") << QStringLiteral(
        "v=0\r\no=- 1 0 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
        "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=rtpmap:96 VP8/90000\r\n");
}

void TestCallMedia::aDescriptionThatCannotBeReadFailsTheMedia()
{
    QFETCH(QString, sdp);
    MediaOptions options;
    options.loopbackOnly = true;
    options.playRemoteAudio = false;
    options.videoSize = Size;
    MediaSession media(MediaSession::Role::Answerer, options);
    QSignalSpy failed(&media, &MediaSession::failed);
    QVERIFY(media.start().ok());
    media.setRemoteDescription(sdp);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(media.state(), MediaSession::State::Failed);
    const auto error = failed.first().first().value<Core::Error>();
    QCOMPARE(error.code, int(Assist::MediaFailed));
    QVERIFY(!error.message.isEmpty());
}

/// The recording caller of aKilledCallerLeavesAPlayableRecordingUpToItsLastWholeChunk: a call
/// between two sessions of this process, recorded into \a directory until killed.
int runRecordingChild(int argc, char **argv, const QString &directory)
{
    QCoreApplication app(argc, argv);
    MediaOptions options;
    options.videoSize = Size;
    options.videoKbps = 300;
    options.loopbackOnly = true;
    options.playRemoteAudio = false;
    MediaSession home(MediaSession::Role::Answerer, options);
    options.recordingDirectory = directory;
    options.recordingChunkSeconds = 2;
    options.recordingInfo = { QStringLiteral("killed-call"), {}, Item, AppWindow,
        QStringLiteral("xh-tb-03-wangli"), HomeWindow, QStringLiteral("xh-tb-01-liuyang") };
    MediaSession caller(MediaSession::Role::Offerer, options);
    QObject::connect(
        &caller, &MediaSession::localDescription, &home, &MediaSession::setRemoteDescription);
    QObject::connect(
        &home, &MediaSession::localDescription, &caller, &MediaSession::setRemoteDescription);
    QObject::connect(
        &caller, &MediaSession::localIceCandidate, &home, &MediaSession::addRemoteIceCandidate);
    QObject::connect(
        &home, &MediaSession::localIceCandidate, &caller, &MediaSession::addRemoteIceCandidate);
    if (!home.start().ok() || !caller.start().ok())
        return 2;
    return app.exec();
}

int main(int argc, char **argv)
{
    const QString child = qEnvironmentVariable("TONGBAN_RECORDING_CHILD");
    if (!child.isEmpty())
        return runRecordingChild(argc, argv, child);
    QGuiApplication app(argc, argv);
    TestCallMedia test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_callmedia.moc"
