// MediaSession: the pipeline (sending and receiving halves, camera frames), what it needs.
#define GST_USE_UNSTABLE_API // gst/webrtc: its API is marked unstable in 1.22
#include "MediaSessionPrivate.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QThreadPool>
#include <QUrl>

#include <atomic>
#include <gst/app/gstappsrc.h>
#include <gst/video/video.h>
#include <thread>

namespace Tongban::Assist {

using namespace media;

namespace {

QString quoted(const QString &value)
{
    return u'"' + value + u'"';
}

/*!
 * The recording's four inputs, each a queue that drops its oldest buffers rather than hold
 * the call up: this side's VP8 and Opus as encoded (from the tees vp8out and opusout), and
 * the other side's RTP (linked when its streams arrive), depayloaded, never decoded. Their
 * ends are linked to the splitmuxsink by startRecording().
 */
QString recordingInputs()
{
    const QString queue = QStringLiteral(" queue max-size-buffers=0 max-size-bytes=0"
                                         " max-size-time=5000000000 leaky=downstream name=");
    return QStringLiteral(" vp8out. !") + queue + QStringLiteral("reclocalvideo")
        + QStringLiteral(" opusout. !") + queue + QStringLiteral("reclocalaudio") + queue
        + QStringLiteral("recremotevideo ! rtpvp8depay wait-for-keyframe=true"
                         " name=recremotevideodepay")
        + queue + QStringLiteral("recremoteaudio ! rtpopusdepay name=recremoteaudiodepay");
}

/// A decoded picture as an image of its own (the GStreamer buffer goes back at once).
QImage imageOf(GstSample *sample)
{
    GstVideoInfo info;
    if (!gst_video_info_from_caps(&info, gst_sample_get_caps(sample)))
        return {};
    GstBuffer *buffer = gst_sample_get_buffer(sample);
    GstVideoFrame frame;
    if (!gst_video_frame_map(&frame, &info, buffer, GST_MAP_READ))
        return {};
    const QImage view(static_cast<const uchar *>(GST_VIDEO_FRAME_PLANE_DATA(&frame, 0)),
        GST_VIDEO_FRAME_WIDTH(&frame), GST_VIDEO_FRAME_HEIGHT(&frame),
        GST_VIDEO_FRAME_PLANE_STRIDE(&frame, 0), QImage::Format_RGB32);
    QImage copy = view.copy();
    gst_video_frame_unmap(&frame);
    return copy;
}

GstFlowReturn onRemoteSample(GstAppSink *sink, gpointer data)
{
    Shared &shared = sharedOf(data);
    GstSample *sample = gst_app_sink_pull_sample(sink);
    if (!sample)
        return GST_FLOW_OK;
    ++shared.videoFrames;
    if (!shared.remoteFramePending.exchange(true)) {
        QImage image = imageOf(sample);
        shared.post([&shared, image = std::move(image)] {
            shared.remoteFramePending = false;
            if (!image.isNull())
                emit shared.session->remoteFrame(image);
        });
    }
    gst_sample_unref(sample);
    return GST_FLOW_OK;
}

GstPadProbeReturn onRemoteAudio(GstPad *, GstPadProbeInfo *, gpointer data)
{
    ++sharedOf(data).audioBuffers;
    return GST_PAD_PROBE_OK;
}

/// Where decoded media of the other party go: a picture sink, a speaker (or a counter).
void onDecodedPad(GstElement *decodebin, GstPad *pad, gpointer data)
{
    const SharedPtr &shared = *static_cast<SharedPtr *>(data);
    GstCaps *caps = gst_pad_get_current_caps(pad);
    if (!caps)
        caps = gst_pad_query_caps(pad, nullptr);
    const QByteArray kind = gst_structure_get_name(gst_caps_get_structure(caps, 0));
    gst_caps_unref(caps);
    const bool video = kind.startsWith("video/");
    const char *description = video
        ? "queue max-size-buffers=2 leaky=downstream ! videoconvert"
          " ! video/x-raw,format=BGRx ! appsink name=remote sync=false max-buffers=1 drop=true"
        : shared->playRemoteAudio ? "queue ! audioconvert ! audioresample ! autoaudiosink"
                                  : "queue ! audioconvert ! fakesink sync=false";
    GError *error = nullptr;
    GstElement *branch = gst_parse_bin_from_description(description, TRUE, &error);
    if (!branch) {
        const QString message = QString::fromUtf8(error ? error->message : "?");
        g_clear_error(&error);
        qCWarning(lcMedia) << "cannot build the receiving branch:" << message;
        return;
    }
    GstElement *pipeline = GST_ELEMENT(gst_element_get_parent(decodebin));
    gst_bin_add(GST_BIN(pipeline), branch);
    if (video) {
        GstElement *sink = gst_bin_get_by_name(GST_BIN(branch), "remote");
        GstAppSinkCallbacks callbacks {};
        callbacks.new_sample = onRemoteSample;
        gst_app_sink_set_callbacks(GST_APP_SINK(sink), &callbacks, hold(shared), release);
        gst_object_unref(sink);
    }
    GstPad *sinkPad = gst_element_get_static_pad(branch, "sink");
    if (!video)
        gst_pad_add_probe(sinkPad, GST_PAD_PROBE_TYPE_BUFFER, onRemoteAudio, hold(shared), release);
    gst_element_sync_state_with_parent(branch);
    if (gst_pad_link(pad, sinkPad) != GST_PAD_LINK_OK)
        qCWarning(lcMedia) << "cannot link the decoded" << kind;
    gst_object_unref(sinkPad);
    gst_object_unref(pipeline);
}

} // namespace

namespace media {

bool safeForPipeline(const QString &value)
{
    return !value.contains(u'"') && !value.contains(u'\\') && !value.contains(u'\n');
}

/// The sending half, in gst-launch syntax, ending in webrtcbin "webrtc".
QString pipelineDescription(const MediaOptions &options)
{
    const bool recording = !options.recordingDirectory.isEmpty();
    const int fps = qMax(1, options.framesPerSecond);
    const QString camera = options.video == MediaOptions::Video::TestPattern
        ? QStringLiteral("videotestsrc is-live=true pattern=ball")
        : QStringLiteral("appsrc name=camera is-live=true format=time do-timestamp=true");
    QString microphone = options.audio == MediaOptions::Audio::TestTone
        ? QStringLiteral("audiotestsrc is-live=true wave=sine volume=0.05")
        : QStringLiteral("pulsesrc name=microphone");
    if (options.audio == MediaOptions::Audio::Microphone && !options.microphoneDevice.isEmpty())
        microphone += QStringLiteral(" device=") + quoted(options.microphoneDevice);
    QString webrtc = QStringLiteral("webrtcbin name=webrtc bundle-policy=max-bundle latency=60");
    if (!options.stunServer.isEmpty())
        webrtc += QStringLiteral(" stun-server=") + quoted(options.stunServer);
    // The recording's inputs come first: after a reference ("webrtc.") the parser takes no
    // other reference, and links to the tees named later are resolved once all is parsed.
    if (recording)
        webrtc += recordingInputs();
    return webrtc + u' '
        + camera
        // sendcaps, videovalve and vp8enc are what the quality steering turns (issue 15).
        + QStringLiteral(" ! videoconvert ! videoscale ! videorate ! capsfilter name=sendcaps"
                         " caps=\"video/x-raw,width=%1,height=%2,framerate=%3/1\" ! tee name=video"
                         " video. ! queue max-size-buffers=2 leaky=downstream"
                         " ! valve name=videovalve drop=false"
                         " ! vp8enc name=vp8enc deadline=1 cpu-used=6 end-usage=cbr"
                         " target-bitrate=%4 keyframe-max-dist=%5 max-intra-bitrate=300"
                         // a real-time call's rate buffer (1 s, as WebRTC's): after a cut
                         // the encoder follows within a second, not libvpx's default 6 s
                         " buffer-size=1000 buffer-initial-size=500 buffer-optimal-size=600"
                         " %6 ! rtpvp8pay name=videopay pt=96"
                         " ! application/x-rtp,media=video,encoding-name=VP8,payload=96 %7"
                         " ! webrtc."
                         " video. ! queue max-size-buffers=1 leaky=downstream ! videoconvert"
                         " ! video/x-raw,format=BGRx ! appsink name=selfview sync=false"
                         " max-buffers=1 drop=true ")
              .arg(options.videoSize.width())
              .arg(options.videoSize.height())
              .arg(fps)
              .arg(options.videoKbps * 1000)
              .arg(fps * 2)
              .arg(recording ? QStringLiteral("! tee name=vp8out ! queue") : QString(),
                  options.videoSendFilter.isEmpty()
                      ? QString()
                      : QStringLiteral("! ") + options.videoSendFilter)
        + microphone
        + QStringLiteral(" ! audioconvert ! audioresample ! queue"
                         " ! opusenc audio-type=voice bitrate=32000 inband-fec=true %1"
                         " ! rtpopuspay pt=97"
                         " ! application/x-rtp,media=audio,encoding-name=OPUS,payload=97 %2"
                         " ! webrtc.")
              .arg(recording ? QStringLiteral("! tee name=opusout ! queue") : QString(),
                  options.audioSendFilter.isEmpty()
                      ? QString()
                      : QStringLiteral("! ") + options.audioSendFilter);
}

GstFlowReturn onSelfViewSample(GstAppSink *sink, gpointer data)
{
    Shared &shared = sharedOf(data);
    GstSample *sample = gst_app_sink_pull_sample(sink);
    if (!sample)
        return GST_FLOW_OK;
    if (!shared.localFramePending.exchange(true)) {
        QImage image = imageOf(sample);
        shared.post([&shared, image = std::move(image)] {
            shared.localFramePending = false;
            if (!image.isNull())
                emit shared.session->localFrame(image);
        });
    }
    gst_sample_unref(sample);
    return GST_FLOW_OK;
}

/// A stream from the other party: decode it.
void onIncomingStream(GstElement *webrtc, GstPad *pad, gpointer data)
{
    if (GST_PAD_DIRECTION(pad) != GST_PAD_SRC)
        return;
    const SharedPtr &shared = *static_cast<SharedPtr *>(data);
    GstElement *decodebin = gst_element_factory_make("decodebin", nullptr);
    g_signal_connect_data(decodebin, "pad-added", callback(onDecodedPad), hold(shared),
        releaseClosure, GConnectFlags(0));
    GstElement *pipeline = GST_ELEMENT(gst_element_get_parent(webrtc));
    gst_bin_add(GST_BIN(pipeline), decodebin);
    gst_element_sync_state_with_parent(decodebin);
    GstPad *sinkPad = gst_element_get_static_pad(decodebin, "sink");
    GstElement *recorder = nullptr;
    if (shared->recording) {
        // The RTP as received goes to the recording too (depayloaded there, not decoded).
        GstCaps *caps = gst_pad_get_current_caps(pad);
        if (!caps)
            caps = gst_pad_query_caps(pad, nullptr);
        const char *media = gst_structure_get_string(gst_caps_get_structure(caps, 0), "media");
        const QByteArray kind = media ? media : "";
        gst_caps_unref(caps);
        recorder = gst_bin_get_by_name(GST_BIN(pipeline),
            kind == "video"       ? "recremotevideo"
                : kind == "audio" ? "recremoteaudio"
                                  : "-");
    }
    GstPad *recorderPad = recorder ? gst_element_get_static_pad(recorder, "sink") : nullptr;
    if (recorderPad && !gst_pad_is_linked(recorderPad)) {
        GstElement *tee = gst_element_factory_make("tee", nullptr);
        gst_bin_add(GST_BIN(pipeline), tee);
        gst_element_sync_state_with_parent(tee);
        GstPad *teeSink = gst_element_get_static_pad(tee, "sink");
        gst_pad_link(pad, teeSink);
        gst_object_unref(teeSink);
        GstPad *toDecoder = gst_element_request_pad_simple(tee, "src_%u");
        gst_pad_link(toDecoder, sinkPad);
        gst_object_unref(toDecoder);
        GstPad *toRecorder = gst_element_request_pad_simple(tee, "src_%u");
        gst_pad_link(toRecorder, recorderPad);
        gst_object_unref(toRecorder);
    } else {
        gst_pad_link(pad, sinkPad);
    }
    if (recorderPad)
        gst_object_unref(recorderPad);
    if (recorder)
        gst_object_unref(recorder);
    gst_object_unref(sinkPad);
    gst_object_unref(pipeline);
}

bool initGStreamer(QString *failure)
{
    static std::once_flag once;
    static QString error;
    std::call_once(once, [] {
        GError *gerror = nullptr;
        if (!gst_init_check(nullptr, nullptr, &gerror)) {
            error = QString::fromUtf8(gerror ? gerror->message : "gst_init_check failed");
            g_clear_error(&gerror);
        }
    });
    if (failure)
        *failure = error;
    return error.isEmpty();
}

} // namespace media

bool MediaSession::available(QStringList *missing)
{
    QString failure;
    if (!initGStreamer(&failure)) {
        if (missing)
            *missing = { QStringLiteral("gstreamer") };
        return false;
    }
    static const char *const needed[] = { "webrtcbin", "nicesrc", "dtlssrtpenc", "vp8enc", "vp8dec",
        "opusenc", "opusdec", "rtpvp8pay", "rtpopuspay", "videotestsrc", "audiotestsrc", "appsink",
        "appsrc", "decodebin", "videoconvert", "audioconvert", "pulsesrc", "autoaudiosink", "valve",
        "capsfilter" };
    QStringList absent;
    for (const char *name : needed) {
        if (GstElementFactory *factory = gst_element_factory_find(name))
            gst_object_unref(factory);
        else
            absent.append(QString::fromLatin1(name));
    }
    if (missing)
        *missing = absent;
    return absent.isEmpty();
}

namespace {

std::atomic<int> g_prewarm { int(MediaSession::Prewarm::NotStarted) };

/// The DTLS certificate every call of the process shares: dtlssrtpdec makes it as its first
/// instance is made (GStreamer's DTLS agent without a PEM, an RSA key: 50-400 ms of CPU).
void makeCertificate()
{
    if (GstElement *element = gst_element_factory_make("dtlssrtpdec", nullptr))
        gst_object_unref(gst_object_ref_sink(element));
}

/// Loads the plugins a call uses and runs one frame through each codec.
void loadPluginsAndCodecs()
{
    // Making an element loads its plugin.
    static const char *const elements[] = { "webrtcbin", "nicesrc", "nicesink", "dtlssrtpenc",
        "srtpenc", "srtpdec", "rtpbin", "rtpjitterbuffer", "rtpvp8pay", "rtpvp8depay", "rtpopuspay",
        "rtpopusdepay", "decodebin", "appsrc", "appsink", "tee", "splitmuxsink", "matroskamux",
        "valve", "videoscale", "videorate" };
    for (const char *name : elements) {
        if (GstElement *element = gst_element_factory_make(name, nullptr))
            gst_object_unref(gst_object_ref_sink(element));
    }
    // One frame through each codec: their libraries loaded and initialised once; the
    // picture converted to BGRx as the receiving branch does.
    GError *error = nullptr;
    GstElement *codecs = gst_parse_launch(
        "videotestsrc num-buffers=1 ! video/x-raw,width=64,height=64 ! videoconvert"
        " ! vp8enc deadline=1 ! vp8dec ! videoconvert ! video/x-raw,format=BGRx"
        " ! fakesink sync=false"
        " audiotestsrc num-buffers=1 ! audioconvert ! audioresample ! opusenc ! opusdec"
        " ! fakesink sync=false",
        &error);
    g_clear_error(&error);
    if (!codecs)
        return;
    gst_element_set_state(codecs, GST_STATE_PLAYING);
    GstBus *bus = gst_element_get_bus(codecs);
    if (GstMessage *done = gst_bus_timed_pop_filtered(
            bus, 2 * GST_SECOND, GstMessageType(GST_MESSAGE_EOS | GST_MESSAGE_ERROR)))
        gst_message_unref(done);
    gst_object_unref(bus);
    gst_element_set_state(codecs, GST_STATE_NULL);
    gst_object_unref(codecs);
}

} // namespace

bool MediaSession::prewarm()
{
    static std::once_flag once;
    std::call_once(once, [] {
        g_prewarm = int(Prewarm::Running);
        QElapsedTimer timer;
        timer.start();
        if (initGStreamer(nullptr)) {
            // The certificate (the slowest part, CPU alone) beside the plugins and codecs
            // (issue 18: the first call of a fresh workstation): on two cores the warm-up
            // takes the longer of the two, not their sum.
            std::thread certificate(makeCertificate);
            loadPluginsAndCodecs();
            certificate.join();
            qCInfo(lcMedia) << "call media prewarmed in" << timer.elapsed() << "ms";
        }
        g_prewarm = int(Prewarm::Done);
    });
    return initGStreamer(nullptr);
}

void MediaSession::prewarmInBackground()
{
    int notStarted = int(Prewarm::NotStarted);
    if (!g_prewarm.compare_exchange_strong(notStarted, int(Prewarm::Running)))
        return; // running or done: once per process
    // The application's pool, which QCoreApplication waits for as it ends: a warm-up still
    // running at exit finishes before GStreamer and Qt go.
    QThreadPool::globalInstance()->start([] { prewarm(); });
}

MediaSession::Prewarm MediaSession::prewarmState()
{
    return Prewarm(g_prewarm.load());
}

QStringList MediaSession::turnServerUris(const QJsonArray &servers, QString *stun)
{
    QStringList turn;
    for (const QJsonValue &value : servers) {
        const QJsonObject server = value.toObject();
        QStringList urls;
        const QJsonValue given = server.value(QStringLiteral("urls"));
        if (given.isString())
            urls << given.toString();
        for (const QJsonValue &url : given.toArray())
            urls << url.toString();
        const QByteArray user
            = QUrl::toPercentEncoding(server.value(QStringLiteral("username")).toString());
        const QByteArray password
            = QUrl::toPercentEncoding(server.value(QStringLiteral("credential")).toString());
        for (const QString &url : std::as_const(urls)) {
            // RFC 7064/7065 URIs ("stun:host:port", "turn:host:port?transport=udp") have no
            // "//"; webrtcbin parses them as URIs with an authority.
            const qsizetype colon = url.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                continue;
            const QString scheme = url.left(colon).toLower();
            QString rest = url.mid(colon + 1);
            if (rest.startsWith(QLatin1String("//")))
                rest = rest.mid(2);
            if (rest.isEmpty() || rest.contains(QLatin1Char('@'))
                || rest.contains(QLatin1Char(' ')))
                continue;
            if (scheme == QLatin1String("stun")) {
                if (stun && stun->isEmpty())
                    *stun = QString(QStringLiteral("stun://") + rest);
            } else if ((scheme == QLatin1String("turn") || scheme == QLatin1String("turns"))
                && !user.isEmpty()) {
                turn << QString(scheme + QStringLiteral("://") + QString::fromLatin1(user)
                    + QLatin1Char(':') + QString::fromLatin1(password) + QLatin1Char('@') + rest);
            }
        }
    }
    return turn;
}

void MediaSession::pushVideoFrame(const QImage &frame)
{
    if (m_options.video != MediaOptions::Video::Frames || !d->camera || frame.isNull()
        || (m_state != State::Negotiating && m_state != State::Connected))
        return;
    // Camera frames are opaque: ARGB32 is RGB32 with an alpha of 255, BGRx in memory; RGB888
    // (what the drivers' preview gives) goes in as GStreamer's RGB. Any conversion to I420 is
    // the pipeline's, on its own thread, like the scaling to videoSize: not here on the GUI
    // thread. Other formats (rare) are converted here.
    const bool packed = frame.format() == QImage::Format_RGB888;
    const QImage image = packed || frame.format() == QImage::Format_RGB32
            || frame.format() == QImage::Format_ARGB32
            || frame.format() == QImage::Format_ARGB32_Premultiplied
        ? frame
        : frame.convertToFormat(QImage::Format_RGB32);
    if (image.size() != d->cameraFrameSize || packed != d->cameraFramePacked) {
        d->cameraFrameSize = image.size();
        d->cameraFramePacked = packed;
        GstCaps *caps
            = gst_caps_new_simple("video/x-raw", "format", G_TYPE_STRING, packed ? "RGB" : "BGRx",
                "width", G_TYPE_INT, image.width(), "height", G_TYPE_INT, image.height(),
                "framerate", GST_TYPE_FRACTION, qMax(1, m_options.framesPerSecond), 1, nullptr);
        gst_app_src_set_caps(GST_APP_SRC(d->camera), caps);
        gst_caps_unref(caps);
    }
    // GStreamer's stride: BGRx 4 bytes a pixel; RGB 3, rows rounded up to 4 bytes.
    const gsize rowBytes
        = packed ? (gsize(image.width()) * 3 + 3) & ~gsize(3) : gsize(image.width()) * 4;
    const gsize pixelBytes = gsize(image.width()) * (packed ? 3 : 4);
    GstBuffer *buffer = gst_buffer_new_allocate(nullptr, rowBytes * gsize(image.height()), nullptr);
    GstMapInfo map;
    gst_buffer_map(buffer, &map, GST_MAP_WRITE);
    if (gsize(image.bytesPerLine()) == rowBytes) {
        memcpy(map.data, image.constBits(), map.size);
    } else {
        for (int y = 0; y < image.height(); ++y)
            memcpy(map.data + rowBytes * gsize(y), image.constScanLine(y), pixelBytes);
    }
    gst_buffer_unmap(buffer, &map);
    gst_app_src_push_buffer(GST_APP_SRC(d->camera), buffer); // takes the buffer
}

} // namespace Tongban::Assist
