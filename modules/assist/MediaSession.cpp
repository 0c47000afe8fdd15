#define GST_USE_UNSTABLE_API // gst/webrtc: its API is marked unstable in 1.22
#include "MediaSession.h"

#include "CallSignalling.h"
#include "MediaStats.h"
#include "Tr.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QTimer>
#include <QUrl>

#include <condition_variable>
#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>
#include <gst/sdp/sdp.h>
#include <gst/video/video.h>
#include <gst/webrtc/webrtc.h>
#include <mutex>
#include <optional>

Q_LOGGING_CATEGORY(lcMedia, "tongban.assist.media")

namespace Tongban::Assist {

namespace {

/// What GStreamer's threads share with the session: they post to it while it lives.
struct Shared
{
    QMutex mutex;
    MediaSession *session = nullptr; ///< null once the session is going away
    bool playRemoteAudio = false; ///< set before the pipeline starts
    std::atomic<qint64> videoFrames { 0 };
    std::atomic<qint64> audioBuffers { 0 };
    std::atomic<bool> remoteFramePending { false };
    std::atomic<bool> localFramePending { false };
    std::atomic<qint64> heartbeats { 0 }; ///< the other side's heartbeats on the data channel
    bool recording = false; ///< set before the pipeline starts

    /// Chunks of the recording that GStreamer closed, not yet in the manifest (GUI thread
    /// takes them). Guarded by recordingMutex, like the rest of the recording's state.
    struct ClosedChunk
    {
        QString location;
        qint64 startMs = 0;
        qint64 endMs = 0;
    };
    std::mutex recordingMutex;
    std::condition_variable recordingChanged;
    QList<ClosedChunk> closedChunks;
    qint64 openedAtMs = -1; ///< running time of the chunk being written; -1: none open
    int closedCount = 0;
    bool recordingEnded = false; ///< splitmuxsink closed its last chunk after the streams' end

    /// Runs \a call on the GUI thread if the session is still there then.
    template<typename Call>
    void post(Call &&call)
    {
        const QMutexLocker lock(&mutex);
        if (session)
            QMetaObject::invokeMethod(session, std::forward<Call>(call), Qt::QueuedConnection);
    }
};

using SharedPtr = std::shared_ptr<Shared>;

/// What each side sends on the data channel once a second while the call is connected.
constexpr char kHeartbeat[] = "{\"type\":\"media.heartbeat\"}";
/// How often the statistics are read and the heart beats.
constexpr int kQualityIntervalMs = 1000;
/// How often the watchdog looks (a dead peer is seen within 5 s).
constexpr int kWatchdogIntervalMs = 250;

/// User data for a GStreamer callback: a reference to Shared, released by GStreamer.
gpointer hold(const SharedPtr &shared)
{
    return new SharedPtr(shared);
}

void release(gpointer data)
{
    delete static_cast<SharedPtr *>(data);
}

void releaseClosure(gpointer data, GClosure *)
{
    release(data);
}

Shared &sharedOf(gpointer data)
{
    return **static_cast<SharedPtr *>(data);
}

template<typename Function>
GCallback callback(Function function)
{
    return reinterpret_cast<GCallback>(function);
}

QString quoted(const QString &value)
{
    return u'"' + value + u'"';
}

bool safeForPipeline(const QString &value)
{
    return !value.contains(u'"') && !value.contains(u'\\') && !value.contains(u'\n');
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

/// GStreamer's netsim named \a name where the options simulate a network, else nothing.
QString netsim(const MediaOptions &options, const QString &name)
{
    if (!options.simulateNetwork)
        return {};
    return QStringLiteral(" ! netsim name=%1 drop-probability=%2 max-kbps=%3")
        .arg(name)
        .arg(double(qBound(0, options.simulatedLossPercent, 100)) / 100.0)
        .arg(options.simulatedMaxKbps > 0 ? options.simulatedMaxKbps : -1);
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
    return webrtc + u' ' + camera
        + QStringLiteral(" ! videoconvert ! videoscale ! videorate ! capsfilter name=sendcaps"
                         " caps=\"video/x-raw,width=%1,height=%2,framerate=%3/1\" ! tee name=video"
                         " video. ! queue max-size-buffers=2 leaky=downstream"
                         " ! valve name=videovalve drop=false"
                         " ! vp8enc name=vp8enc deadline=1 cpu-used=6 end-usage=cbr"
                         " target-bitrate=%4 keyframe-max-dist=%5 %6 ! rtpvp8pay pt=96"
                         " ! application/x-rtp,media=video,encoding-name=VP8,payload=96%7"
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
                  netsim(options, QStringLiteral("netsimvideo")))
        + microphone
        + QStringLiteral(" ! audioconvert ! audioresample ! queue"
                         " ! opusenc audio-type=voice bitrate=32000 inband-fec=true %1"
                         " ! rtpopuspay pt=97"
                         " ! application/x-rtp,media=audio,encoding-name=OPUS,payload=97")
              .arg(recording ? QStringLiteral("! tee name=opusout ! queue") : QString())
        + netsim(options, QStringLiteral("netsimaudio")) + QStringLiteral(" ! webrtc.");
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

/// Why webrtcbin's answer to \a promise is not a success; empty when it is (its reply in
/// \a reply, owned by the promise).
QString replyError(GstPromise *promise, const GstStructure **reply)
{
    if (gst_promise_wait(promise) != GST_PROMISE_RESULT_REPLIED)
        return QStringLiteral("no reply");
    const GstStructure *structure = gst_promise_get_reply(promise);
    if (structure && gst_structure_has_field(structure, "error")) {
        GError *error = nullptr;
        gst_structure_get(structure, "error", G_TYPE_ERROR, &error, nullptr);
        const QString message = QString::fromUtf8(error ? error->message : "?");
        g_clear_error(&error);
        return message;
    }
    if (reply) {
        if (!structure)
            return QStringLiteral("empty reply");
        *reply = structure;
    }
    return {};
}

/// \a sdp as webrtcbin takes it, or null when it is not SDP with at least one media.
GstWebRTCSessionDescription *descriptionOf(const QString &sdp, GstWebRTCSDPType type)
{
    GstSDPMessage *message = nullptr;
    gst_sdp_message_new(&message);
    const QByteArray text = sdp.toUtf8();
    if (gst_sdp_message_parse_buffer(
            reinterpret_cast<const guint8 *>(text.constData()), guint(text.size()), message)
            != GST_SDP_OK
        || gst_sdp_message_medias_len(message) == 0) {
        gst_sdp_message_free(message);
        return nullptr;
    }
    return gst_webrtc_session_description_new(type, message); // takes the message
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

} // namespace

/// The session's GStreamer side. Its static functions are GStreamer's callbacks: they run on
/// GStreamer's threads and post to the session.
struct MediaSession::Private
{
    SharedPtr shared = std::make_shared<Shared>();
    GstElement *pipeline = nullptr;
    GstElement *webrtc = nullptr;
    GstElement *camera = nullptr; ///< appsrc with MediaOptions::Video::Frames
    QSize cameraFrameSize; ///< of the frames pushed, as the appsrc's caps say
    bool cameraFramePacked = false; ///< RGB (RGB888) rather than BGRx
    bool remoteDescriptionSet = false;
    QList<QPair<QString, int>> pendingCandidates;
    GstElement *recorder = nullptr; ///< splitmuxsink, while recording
    GObject *channel = nullptr; ///< the data channel (GstWebRTCDataChannel), once there is one
    std::optional<CallRecording> recording;
    /// Running time when the recording was told to end: the end of its last chunk, which
    /// splitmuxsink does not report for a chunk closed by the end of its streams.
    qint64 recordingStopMs = -1;

    // Quality (issue 15): the elements the steering turns, the poll, the steering itself.
    GstElement *encoder = nullptr; ///< vp8enc: target-bitrate
    GstElement *sendCaps = nullptr; ///< capsfilter: the picture's size
    GstElement *videoValve = nullptr; ///< valve: no picture at all below 150 kbit/s
    QTimer *qualityTimer = nullptr; ///< child of the session
    GObject *rtpSession = nullptr; ///< rtpbin's session 0 (RTPSession), once connected
    QElapsedTimer clock; ///< the watchdog's and the samples' time
    qint64 lastSampleMs = -1;
    std::optional<QualitySteering> steering;
    int appliedKbps = 0;

    /// An offer or answer that webrtcbin made: to the GUI thread as text.
    static void onDescriptionCreated(GstPromise *promise, gpointer data)
    {
        Shared &shared = sharedOf(data);
        const GstStructure *reply = nullptr;
        GstWebRTCSessionDescription *description = nullptr;
        QString failure = replyError(promise, &reply);
        if (failure.isEmpty()) {
            const char *field = gst_structure_has_field(reply, "offer") ? "offer" : "answer";
            gst_structure_get(
                reply, field, GST_TYPE_WEBRTC_SESSION_DESCRIPTION, &description, nullptr);
        }
        QString sdp;
        if (description) {
            gchar *text = gst_sdp_message_as_text(description->sdp);
            sdp = QString::fromUtf8(text);
            g_free(text);
            gst_webrtc_session_description_free(description);
        }
        gst_promise_unref(promise);
        shared.post([&shared, sdp, failure] {
            if (!failure.isEmpty()) {
                shared.session->fail(Core::Error {
                    MediaFailed, Tr::tr("The call's media could not be negotiated."), failure });
                return;
            }
            shared.session->onLocalDescription(sdp);
        });
    }

    static void onRemoteDescriptionSet(GstPromise *promise, gpointer data)
    {
        Shared &shared = sharedOf(data);
        const QString failure = replyError(promise, nullptr);
        gst_promise_unref(promise);
        shared.post([&shared, failure] {
            if (!failure.isEmpty()) {
                shared.session->fail(Core::Error { MediaFailed,
                    Tr::tr("The other window's call description was refused."), failure });
                return;
            }
            shared.session->remoteDescriptionSet();
        });
    }

    static void onNegotiationNeeded(GstElement *, gpointer data)
    {
        Shared &shared = sharedOf(data);
        shared.post([&shared] { shared.session->negotiationNeeded(); });
    }

    static void onIceCandidate(GstElement *, guint mline, gchar *candidate, gpointer data)
    {
        Shared &shared = sharedOf(data);
        const QString text = QString::fromUtf8(candidate);
        const int index = int(mline);
        shared.post([&shared, text, index] {
            if (shared.session->state() == MediaSession::State::Negotiating
                || shared.session->state() == MediaSession::State::Connected)
                emit shared.session->localIceCandidate(text, index);
        });
    }

    static void onIceConnectionStateChanged(GstElement *webrtc, GParamSpec *, gpointer data)
    {
        Shared &shared = sharedOf(data);
        GstWebRTCICEConnectionState state = GST_WEBRTC_ICE_CONNECTION_STATE_NEW;
        g_object_get(webrtc, "ice-connection-state", &state, nullptr);
        shared.post([&shared, state] { shared.session->onIceConnectionState(int(state)); });
    }

    /// splitmuxsink opened or closed a chunk (on a streaming thread).
    static void onRecordingMessage(Shared &shared, const GstStructure *structure)
    {
        if (!structure)
            return;
        if (gst_structure_has_name(structure, "GstBinForwarded")) {
            // The pipeline forwards its children's messages (message-forward): the one
            // wanted is splitmuxsink's own end of stream, posted once its last chunk is
            // written, never for the chunks it closes on the way.
            GstMessage *forwarded = nullptr;
            gst_structure_get(structure, "message", GST_TYPE_MESSAGE, &forwarded, nullptr);
            if (forwarded) {
                if (GST_MESSAGE_TYPE(forwarded) == GST_MESSAGE_EOS
                    && g_strcmp0(GST_OBJECT_NAME(GST_MESSAGE_SRC(forwarded)), "recorder") == 0) {
                    {
                        const std::lock_guard lock(shared.recordingMutex);
                        shared.recordingEnded = true;
                    }
                    shared.recordingChanged.notify_all();
                }
                gst_message_unref(forwarded);
            }
            return;
        }
        const bool opened = gst_structure_has_name(structure, "splitmuxsink-fragment-opened");
        const bool closed = gst_structure_has_name(structure, "splitmuxsink-fragment-closed");
        if (!opened && !closed)
            return;
        guint64 runningTime = 0;
        gst_structure_get_uint64(structure, "running-time", &runningTime);
        const qint64 atMs
            = GST_CLOCK_TIME_IS_VALID(runningTime) ? qint64(runningTime / 1000000) : 0;
        {
            const std::lock_guard lock(shared.recordingMutex);
            if (opened) {
                shared.openedAtMs = atMs;
            } else {
                const char *location = gst_structure_get_string(structure, "location");
                shared.closedChunks.append(
                    Shared::ClosedChunk { QString::fromUtf8(location ? location : ""),
                        qMax<qint64>(0, shared.openedAtMs), atMs });
                shared.openedAtMs = -1;
                ++shared.closedCount;
            }
        }
        shared.recordingChanged.notify_all();
        if (closed)
            shared.post([&shared] { shared.session->takeClosedChunks(); });
    }

    /// The answerer learns of the caller's data channel (a webrtcbin thread).
    static void onDataChannel(GstElement *, GObject *channel, gpointer data)
    {
        Shared &shared = sharedOf(data);
        g_object_ref(channel);
        shared.post([&shared, channel] { shared.session->attachChannel(channel); });
    }

    static void onChannelOpen(GObject *, gpointer data)
    {
        Shared &shared = sharedOf(data);
        shared.post([&shared] {
            if (!shared.session->m_channelOpen) {
                shared.session->m_channelOpen = true;
                emit shared.session->channelOpen();
            }
        });
    }

    static void onChannelMessage(GObject *, gchar *text, gpointer data)
    {
        Shared &shared = sharedOf(data);
        if (qstrcmp(text, kHeartbeat) == 0) { // the watchdog's, not the page's
            ++shared.heartbeats;
            return;
        }
        const QString message = QString::fromUtf8(text);
        shared.post([&shared, message] { emit shared.session->channelMessage(message); });
    }

    static GstBusSyncReply onBusMessage(GstBus *bus, GstMessage *message, gpointer data)
    {
        // A sync handler that returns GST_BUS_DROP owns the message and must unref it
        // (GstBusSyncHandler): a message kept holds its source element, and with them the
        // whole pipeline and its ICE sockets outlived every call (issue 15, bench_call).
        const GstBusSyncReply reply = handleBusMessage(bus, message, data);
        gst_message_unref(message);
        return reply;
    }

    /// Handles \a message; always GST_BUS_DROP (onBusMessage unrefs it).
    static GstBusSyncReply handleBusMessage(GstBus *, GstMessage *message, gpointer data)
    {
        // Nobody pops the bus: every message is handled (or not) here and dropped, so that
        // none pile up over a long call.
        Shared &shared = sharedOf(data);
        if (GST_MESSAGE_TYPE(message) == GST_MESSAGE_ELEMENT) {
            onRecordingMessage(shared, gst_message_get_structure(message));
            return GST_BUS_DROP;
        }
        if (GST_MESSAGE_TYPE(message) != GST_MESSAGE_ERROR)
            return GST_BUS_DROP;
        GError *error = nullptr;
        gchar *debug = nullptr;
        gst_message_parse_error(message, &error, &debug);
        const QString source = QString::fromUtf8(GST_OBJECT_NAME(GST_MESSAGE_SRC(message)));
        const QString detail = source + QStringLiteral(": ")
            + QString::fromUtf8(error ? error->message : "?") + QStringLiteral(" (")
            + QString::fromUtf8(debug ? debug : "") + u')';
        g_clear_error(&error);
        g_free(debug);
        shared.post([&shared, source, detail] {
            QString text;
            if (source == QLatin1String("microphone"))
                text = Tr::tr("The microphone for the call stopped working. Check the headset, "
                              "then call again.");
            else
                text = Tr::tr("The call's picture and sound stopped.");
            shared.session->fail(Core::Error { MediaFailed, text, detail });
        });
        return GST_BUS_DROP;
    }
};

MediaSession::MediaSession(Role role, MediaOptions options, QObject *parent)
    : QObject(parent)
    , m_role(role)
    , m_options(std::move(options))
    , d(std::make_unique<Private>())
{
    d->shared->session = this;
}

MediaSession::~MediaSession()
{
    {
        const QMutexLocker lock(&d->shared->mutex);
        d->shared->session = nullptr;
    }
    if (d->pipeline) {
        gst_element_set_state(d->pipeline, GST_STATE_NULL);
        gst_object_unref(d->webrtc);
        if (d->camera)
            gst_object_unref(d->camera);
        for (GstElement *element : { d->encoder, d->sendCaps, d->videoValve }) {
            if (element)
                gst_object_unref(element);
        }
        if (d->rtpSession)
            g_object_unref(d->rtpSession);
        if (d->recorder)
            gst_object_unref(d->recorder);
        if (d->channel) // its handlers post to the session, gone for them now
            g_object_unref(d->channel);
        gst_object_unref(d->pipeline);
    }
}

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
        "appsrc", "decodebin", "videoconvert", "audioconvert", "pulsesrc", "autoaudiosink" };
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

Core::Status MediaSession::start()
{
    if (m_state != State::Idle)
        return Core::Error { MediaFailed, Tr::tr("This call's media has already started."), {} };
    QStringList missing;
    if (!available(&missing)) {
        return Core::Error { MediaUnavailable,
            Tr::tr("Video calls need GStreamer parts that are not installed on this "
                   "workstation. Ask IT staff to run the installer again."),
            missing.join(u',') };
    }
    d->shared->recording = !m_options.recordingDirectory.isEmpty() && m_role == Role::Offerer;
    if (!d->shared->recording)
        m_options.recordingDirectory.clear(); // only the caller records (000 §15)
    if (!safeForPipeline(m_options.microphoneDevice) || !safeForPipeline(m_options.stunServer)) {
        return Core::Error { MediaUnavailable,
            Tr::tr("The camera or microphone setting for calls is not a device name."), {} };
    }
    GError *error = nullptr;
    const QByteArray description = pipelineDescription(m_options).toUtf8();
    GstElement *pipeline = gst_parse_launch(description.constData(), &error);
    if (!pipeline || error) {
        const QString detail = QString::fromUtf8(error ? error->message : "?");
        g_clear_error(&error);
        if (pipeline)
            gst_object_unref(pipeline);
        return Core::Error { MediaUnavailable,
            Tr::tr("The call's picture and sound could not be set up."), detail };
    }
    d->pipeline = pipeline;
    d->webrtc = gst_bin_get_by_name(GST_BIN(pipeline), "webrtc");
    d->shared->playRemoteAudio = m_options.playRemoteAudio;
    if (m_options.video == MediaOptions::Video::Frames)
        d->camera = gst_bin_get_by_name(GST_BIN(pipeline), "camera");
    d->encoder = gst_bin_get_by_name(GST_BIN(pipeline), "vp8enc");
    d->sendCaps = gst_bin_get_by_name(GST_BIN(pipeline), "sendcaps");
    d->videoValve = gst_bin_get_by_name(GST_BIN(pipeline), "videovalve");
    d->steering.emplace(
        m_options.videoSize.height() >= 720 ? VideoLevel::High720 : VideoLevel::Standard360,
        m_options.videoKbps);
    d->appliedKbps = m_options.videoKbps;
    d->qualityTimer = new QTimer(this);
    d->qualityTimer->setInterval(kWatchdogIntervalMs);
    connect(d->qualityTimer, &QTimer::timeout, this, &MediaSession::pollQuality);

    // The platform's STUN and TURN servers (issue 15), before anything is gathered.
    QString stun;
    const QStringList turn = turnServerUris(m_options.iceServers, &stun);
    if (m_options.stunServer.isEmpty() && !stun.isEmpty())
        g_object_set(d->webrtc, "stun-server", stun.toUtf8().constData(), nullptr);
    for (const QString &uri : turn) {
        gboolean added = FALSE;
        g_signal_emit_by_name(d->webrtc, "add-turn-server", uri.toUtf8().constData(), &added);
        if (!added)
            qCWarning(lcMedia).noquote()
                << "TURN server not taken:" << uri.section(QLatin1Char('@'), -1);
    }
    if (m_options.relayOnly)
        gst_util_set_object_arg(G_OBJECT(d->webrtc), "ice-transport-policy", "relay");

    if (m_options.loopbackOnly) {
        GObject *agent = nullptr;
        g_object_get(d->webrtc, "ice-agent", &agent, nullptr);
        gboolean added = FALSE;
        if (agent) {
            g_signal_emit_by_name(agent, "add-local-ip-address", "127.0.0.1", &added);
            g_object_unref(agent);
        }
        if (!added)
            qCWarning(lcMedia) << "could not restrict ICE to 127.0.0.1";
    }

    // Every transceiver sends and receives, and asks for retransmissions.
    GArray *transceivers = nullptr;
    g_signal_emit_by_name(d->webrtc, "get-transceivers", &transceivers);
    for (guint i = 0; transceivers && i < transceivers->len; ++i) {
        GObject *transceiver = g_array_index(transceivers, GObject *, i);
        g_object_set(transceiver, "do-nack", TRUE, nullptr);
    }
    if (transceivers)
        g_array_unref(transceivers);

    const SharedPtr &shared = d->shared;
    g_signal_connect_data(d->webrtc, "on-negotiation-needed",
        callback(Private::onNegotiationNeeded), hold(shared), releaseClosure, GConnectFlags(0));
    g_signal_connect_data(d->webrtc, "on-ice-candidate", callback(Private::onIceCandidate),
        hold(shared), releaseClosure, GConnectFlags(0));
    g_signal_connect_data(d->webrtc, "notify::ice-connection-state",
        callback(Private::onIceConnectionStateChanged), hold(shared), releaseClosure,
        GConnectFlags(0));
    g_signal_connect_data(d->webrtc, "pad-added", callback(onIncomingStream), hold(shared),
        releaseClosure, GConnectFlags(0));
    g_signal_connect_data(d->webrtc, "on-data-channel", callback(Private::onDataChannel),
        hold(shared), releaseClosure, GConnectFlags(0));
    GstElement *selfView = gst_bin_get_by_name(GST_BIN(pipeline), "selfview");
    GstAppSinkCallbacks callbacks {};
    callbacks.new_sample = onSelfViewSample;
    gst_app_sink_set_callbacks(GST_APP_SINK(selfView), &callbacks, hold(shared), release);
    gst_object_unref(selfView);
    GstBus *bus = gst_element_get_bus(pipeline);
    gst_bus_set_sync_handler(bus, Private::onBusMessage, hold(shared), release);
    gst_object_unref(bus);

    if (d->shared->recording) {
        if (const Core::Status recording = startRecording(); !recording) {
            gst_object_unref(d->webrtc);
            d->webrtc = nullptr;
            if (d->camera)
                gst_object_unref(d->camera);
            d->camera = nullptr;
            gst_object_unref(d->pipeline);
            d->pipeline = nullptr;
            return recording;
        }
    }

    setState(State::Negotiating);
    if (gst_element_set_state(pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
        const Core::Error failure { MediaUnavailable,
            Tr::tr("The camera or microphone for the call could not be opened. Check that "
                   "they are plugged in and not used by another program."),
            QString::fromUtf8(description) };
        fail(failure);
        return failure;
    }
    if (m_role == Role::Offerer && m_options.dataChannel) {
        // Before the offer (made once negotiation is needed, on the GUI thread later), so
        // that the offer carries it.
        GstElement *channel = nullptr;
        g_signal_emit_by_name(d->webrtc, "create-data-channel", "assist", nullptr, &channel);
        if (channel)
            attachChannel(channel); // takes the reference
        else
            qCWarning(lcMedia) << "no data channel: the shared page goes by the platform";
    }
    return {};
}

void MediaSession::attachChannel(void *channel)
{
    GObject *object = G_OBJECT(channel);
    if (d->channel || m_state == State::Stopped || m_state == State::Failed) {
        g_object_unref(object);
        return;
    }
    d->channel = object;
    const SharedPtr &shared = d->shared;
    g_signal_connect_data(object, "on-open", callback(Private::onChannelOpen), hold(shared),
        releaseClosure, GConnectFlags(0));
    g_signal_connect_data(object, "on-message-string", callback(Private::onChannelMessage),
        hold(shared), releaseClosure, GConnectFlags(0));
    GstWebRTCDataChannelState state = GST_WEBRTC_DATA_CHANNEL_STATE_CONNECTING;
    g_object_get(object, "ready-state", &state, nullptr);
    if (state == GST_WEBRTC_DATA_CHANNEL_STATE_OPEN && !m_channelOpen) {
        m_channelOpen = true;
        emit channelOpen();
    }
}

Core::Status MediaSession::sendChannelMessage(const QString &text)
{
    if (!d->channel || !m_channelOpen || m_state != State::Connected) {
        return Core::Error { NotConnected, Tr::tr("The call's data connection is not open yet."),
            {} };
    }
    GError *error = nullptr;
    const QByteArray bytes = text.toUtf8();
    if (!gst_webrtc_data_channel_send_string_full(
            GST_WEBRTC_DATA_CHANNEL(d->channel), bytes.constData(), &error)) {
        const QString detail = QString::fromUtf8(error ? error->message : "?");
        g_clear_error(&error);
        return Core::Error { NotConnected, Tr::tr("The call's data connection is not open yet."),
            detail };
    }
    return {};
}

Core::Status MediaSession::startRecording()
{
    auto recording = CallRecording::create(
        m_options.recordingDirectory, m_options.recordingInfo, QDateTime::currentDateTimeUtc());
    if (!recording)
        return recording.error();
    d->recording = std::move(*recording);
    GstElement *recorder = gst_element_factory_make("splitmuxsink", "recorder");
    GstElement *muxer = gst_element_factory_make("matroskamux", nullptr);
    if (!recorder || !muxer) {
        if (recorder)
            gst_object_unref(recorder);
        if (muxer)
            gst_object_unref(muxer);
        return Core::Error { MediaUnavailable,
            Tr::tr("Video calls need GStreamer parts that are not installed on this "
                   "workstation. Ask IT staff to run the installer again."),
            QStringLiteral("splitmuxsink, matroskamux") };
    }
    // The chunk is cut at a keyframe that splitmuxsink asks the encoder for a little before
    // the limit, so that no chunk is longer than recordingChunkSeconds.
    const qint64 chunkMs = qint64(qMax(1, m_options.recordingChunkSeconds)) * 1000;
    const qint64 thresholdMs = qMax<qint64>(500, chunkMs - 500);
    const QByteArray location
        = QDir(m_options.recordingDirectory).filePath(QStringLiteral("chunk-%05d.mkv")).toUtf8();
    g_object_set(recorder, "muxer", muxer, "location", location.constData(), "max-size-time",
        guint64(thresholdMs) * GST_MSECOND, "send-keyframe-requests", TRUE, nullptr);
    gst_bin_add(GST_BIN(d->pipeline), recorder);
    g_object_set(d->pipeline, "message-forward", TRUE, nullptr);
    d->recorder = GST_ELEMENT(gst_object_ref(recorder));
    static const char *const links[][2]
        = { { "reclocalvideo", "video" }, { "reclocalaudio", "audio_0" },
              { "recremotevideodepay", "video_aux_0" }, { "recremoteaudiodepay", "audio_1" } };
    for (const auto &[from, to] : links) {
        GstElement *element = gst_bin_get_by_name(GST_BIN(d->pipeline), from);
        const bool linked = element && gst_element_link_pads(element, "src", recorder, to);
        if (element)
            gst_object_unref(element);
        if (!linked) {
            return Core::Error { MediaUnavailable,
                Tr::tr("The call's picture and sound could not be set up."),
                QStringLiteral("recording: cannot link %1 to %2")
                    .arg(QLatin1String(from), QLatin1String(to)) };
        }
    }
    // The picture's size changes with the network (issue 15); Matroska takes one size per
    // track, VP8 carries the real one in its keyframes.
    for (const char *video : { "reclocalvideo", "recremotevideodepay" }) {
        GstElement *element = gst_bin_get_by_name(GST_BIN(d->pipeline), video);
        GstPad *pad = element ? gst_element_get_static_pad(element, "src") : nullptr;
        if (pad) {
            Internal::keepFirstCaps(pad);
            gst_object_unref(pad);
        }
        if (element)
            gst_object_unref(element);
    }
    return {};
}

void MediaSession::takeClosedChunks()
{
    QList<Shared::ClosedChunk> closed;
    {
        const std::lock_guard lock(d->shared->recordingMutex);
        closed.swap(d->shared->closedChunks);
    }
    if (!d->recording)
        return;
    for (const Shared::ClosedChunk &chunk : std::as_const(closed)) {
        const QString name = QFileInfo(chunk.location).fileName();
        qint64 endMs = chunk.endMs;
        if (endMs <= chunk.startMs)
            endMs = d->recordingStopMs;
        if (endMs <= chunk.startMs) {
            QFile::remove(chunk.location); // opened as the streams ended: holds no time
            continue;
        }
        if (const Core::Status added = d->recording->addChunk(name, chunk.startMs, endMs); !added) {
            qCWarning(lcMedia) << "recording chunk not listed:" << added.error().detail;
            continue;
        }
        emit recordingChunkAdded(d->recording->chunks().last().index);
    }
}

void MediaSession::finishRecording(const QString &reason)
{
    if (!d->recording || d->recording->isFinished())
        return;
    if (d->recorder) {
        // EOS into each input: splitmuxsink closes the chunk it writes once all have it.
        bool open = false;
        {
            const std::lock_guard lock(d->shared->recordingMutex);
            open = d->shared->openedAtMs >= 0 || d->shared->closedCount == 0;
        }
        if (GstClock *clock = gst_element_get_clock(d->pipeline)) {
            const GstClockTime now = gst_clock_get_time(clock);
            const GstClockTime base = gst_element_get_base_time(d->pipeline);
            if (now > base)
                d->recordingStopMs = qint64((now - base) / GST_MSECOND);
            gst_object_unref(clock);
        }
        for (const char *name :
            { "reclocalvideo", "reclocalaudio", "recremotevideo", "recremoteaudio" }) {
            GstElement *queue = gst_bin_get_by_name(GST_BIN(d->pipeline), name);
            if (!queue)
                continue;
            GstPad *pad = gst_element_get_static_pad(queue, "sink");
            gst_pad_send_event(pad, gst_event_new_eos());
            gst_object_unref(pad);
            gst_object_unref(queue);
        }
        if (open) {
            std::unique_lock lock(d->shared->recordingMutex);
            if (!d->shared->recordingChanged.wait_for(
                    lock, std::chrono::seconds(3), [&] { return d->shared->recordingEnded; }))
                qCWarning(lcMedia) << "the recording's last chunk was not closed within 3 s";
        }
    }
    takeClosedChunks();
    if (const Core::Status finished = d->recording->finish(QDateTime::currentDateTimeUtc(), reason);
        !finished)
        qCWarning(lcMedia) << "recording not ended:" << finished.error().detail;
    emit recordingFinished(d->recording->directory());
}

const CallRecording *MediaSession::recording() const
{
    return d->recording ? &*d->recording : nullptr;
}

void MediaSession::setRemoteDescription(const QString &sdp)
{
    if (m_state != State::Negotiating && m_state != State::Connected)
        return;
    GstWebRTCSessionDescription *description = descriptionOf(
        sdp, m_role == Role::Answerer ? GST_WEBRTC_SDP_TYPE_OFFER : GST_WEBRTC_SDP_TYPE_ANSWER);
    if (!description) {
        fail(Core::Error { MediaFailed,
            Tr::tr("The other window sent a call description that cannot be read."), {} });
        return;
    }
    GstPromise *promise = gst_promise_new_with_change_func(
        Private::onRemoteDescriptionSet, hold(d->shared), release);
    g_signal_emit_by_name(d->webrtc, "set-remote-description", description, promise);
    gst_webrtc_session_description_free(description);
}

void MediaSession::remoteDescriptionSet()
{
    if (m_state != State::Negotiating && m_state != State::Connected)
        return;
    d->remoteDescriptionSet = true;
    for (const auto &[candidate, index] : std::as_const(d->pendingCandidates))
        g_signal_emit_by_name(
            d->webrtc, "add-ice-candidate", guint(index), candidate.toUtf8().constData());
    d->pendingCandidates.clear();
    if (m_role == Role::Answerer) {
        GstPromise *promise = gst_promise_new_with_change_func(
            Private::onDescriptionCreated, hold(d->shared), release);
        g_signal_emit_by_name(d->webrtc, "create-answer", nullptr, promise);
    }
}

void MediaSession::negotiationNeeded()
{
    if (m_role != Role::Offerer || m_state != State::Negotiating)
        return;
    GstPromise *promise
        = gst_promise_new_with_change_func(Private::onDescriptionCreated, hold(d->shared), release);
    g_signal_emit_by_name(d->webrtc, "create-offer", nullptr, promise);
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

void MediaSession::addRemoteIceCandidate(const QString &candidate, int sdpMLineIndex)
{
    if (m_state != State::Negotiating && m_state != State::Connected)
        return;
    if (candidate.isEmpty() || sdpMLineIndex < 0)
        return; // the end of the other side's candidates: webrtcbin needs no word of it
    if (!d->remoteDescriptionSet) {
        d->pendingCandidates.append({ candidate, sdpMLineIndex });
        return;
    }
    g_signal_emit_by_name(
        d->webrtc, "add-ice-candidate", guint(sdpMLineIndex), candidate.toUtf8().constData());
}

void MediaSession::onLocalDescription(const QString &sdp)
{
    if (m_state != State::Negotiating && m_state != State::Connected)
        return;
    // webrtcbin's own text, back from the GUI thread's side of the promise.
    GstWebRTCSessionDescription *description = descriptionOf(
        sdp, m_role == Role::Offerer ? GST_WEBRTC_SDP_TYPE_OFFER : GST_WEBRTC_SDP_TYPE_ANSWER);
    if (!description) {
        fail(Core::Error {
            MediaFailed, Tr::tr("The call's media could not be negotiated."), sdp.left(200) });
        return;
    }
    g_signal_emit_by_name(d->webrtc, "set-local-description", description, nullptr);
    gst_webrtc_session_description_free(description);
    emit localDescription(sdp);
}

void MediaSession::onIceConnectionState(int state)
{
    switch (GstWebRTCICEConnectionState(state)) {
    case GST_WEBRTC_ICE_CONNECTION_STATE_CONNECTED:
    case GST_WEBRTC_ICE_CONNECTION_STATE_COMPLETED:
        if (m_state == State::Negotiating) {
            setState(State::Connected);
            reportEverySecond();
            if (d->qualityTimer)
                d->qualityTimer->start();
        }
        break;
    case GST_WEBRTC_ICE_CONNECTION_STATE_FAILED:
        fail(Core::Error { MediaFailed,
            Tr::tr("No picture or sound could reach the other window. The network between "
                   "the halls may block calls: tell IT staff."),
            QStringLiteral("ICE failed") });
        break;
    default:
        break;
    }
}

void MediaSession::stop()
{
    if (m_state == State::Stopped || m_state == State::Failed || m_state == State::Idle) {
        if (m_state == State::Idle)
            setState(State::Stopped);
        return;
    }
    finishRecording(QStringLiteral("ended"));
    if (d->pipeline)
        gst_element_set_state(d->pipeline, GST_STATE_NULL);
    setState(State::Stopped);
}

void MediaSession::fail(const Core::Error &error)
{
    if (m_state == State::Stopped || m_state == State::Failed)
        return;
    qCWarning(lcMedia) << "call media failed:" << error.detail;
    finishRecording(QStringLiteral("ended"));
    if (d->pipeline)
        gst_element_set_state(d->pipeline, GST_STATE_NULL);
    setState(State::Failed);
    emit failed(error);
}

void MediaSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    if (state != State::Connected && d->qualityTimer)
        d->qualityTimer->stop();
    emit stateChanged(state);
}

void MediaSession::reportEverySecond()
{
    // RTCP's receiver reports carry the loss and the round trip the steering reads: every
    // second rather than RTP's default 5 s, so that it reacts within seconds (issue 15).
    // The call's one bundled session is webrtcbin's rtpbin session 0.
    GstElement *rtpbin = d->webrtc ? gst_bin_get_by_name(GST_BIN(d->webrtc), "rtpbin") : nullptr;
    GObject *session = nullptr;
    if (rtpbin) {
        g_signal_emit_by_name(rtpbin, "get-internal-session", 0u, &session);
        gst_object_unref(rtpbin);
    }
    if (!session) {
        qCWarning(lcMedia) << "no RTP session in webrtcbin: no quality figures for this call";
        return;
    }
    g_object_set(session, "rtcp-min-interval", guint64(kQualityIntervalMs) * GST_MSECOND, nullptr);
    if (d->rtpSession)
        g_object_unref(d->rtpSession);
    d->rtpSession = session; // the reference get-internal-session gave
}

void MediaSession::pollQuality()
{
    if (m_state != State::Connected || !d->steering)
        return;
    if (!d->clock.isValid())
        d->clock.start();
    const qint64 now = d->clock.elapsed();
    const qint64 silentMs
        = d->steering->watch(now, d->shared->videoFrames + d->shared->audioBuffers,
            m_channelOpen ? qint64(d->shared->heartbeats) : 0);
    if (silentMs >= QualitySteering::PeerDeadAfterMs) {
        fail(Core::Error { MediaFailed,
            Tr::tr("Nothing has come from the other window for %1 seconds: its computer or "
                   "network may have stopped. The call has ended; call again.")
                .arg(silentMs / 1000),
            QStringLiteral("peer silent for %1 ms").arg(silentMs) });
        return;
    }
    if (d->lastSampleMs >= 0
        && now - d->lastSampleMs < kQualityIntervalMs - kWatchdogIntervalMs / 2)
        return;
    d->lastSampleMs = now;
    if (m_channelOpen && d->channel) {
        GError *error = nullptr;
        if (!gst_webrtc_data_channel_send_string_full(
                GST_WEBRTC_DATA_CHANNEL(d->channel), kHeartbeat, &error))
            g_clear_error(&error); // the watchdog says what follows
    }
    QualitySample sample;
    sample.atMs = now;
    if (d->rtpSession) {
        GstStructure *stats = nullptr;
        g_object_get(d->rtpSession, "stats", &stats, nullptr); // the session locks itself
        if (stats) {
            Internal::readSessionStats(stats, &sample);
            gst_structure_free(stats);
        }
    }
    takeQualitySample(sample);
}

void MediaSession::takeQualitySample(QualitySample sample)
{
    if (m_state != State::Connected || !d->steering)
        return;
    sample.framesDecoded = d->shared->videoFrames;
    const VideoLevel before = d->steering->level();
    const QualityReport report = d->steering->add(sample);
    if (report.level != before)
        applyVideoLevel(report.level);
    // The encoder follows the target in steps of 5 % or more (each change costs it a little).
    if (d->encoder && report.level != VideoLevel::AudioOnly
        && qAbs(report.targetKbps - d->appliedKbps) * 20 >= d->appliedKbps) {
        d->appliedKbps = report.targetKbps;
        g_object_set(d->encoder, "target-bitrate", gint(report.targetKbps * 1000), nullptr);
    }
    qCDebug(lcMedia) << "quality: rtt" << report.roundTripMs << "loss" << report.lossPercent
                     << "send" << report.sendKbps << "receive" << report.receiveKbps << "fps"
                     << report.framesPerSecond << "target" << report.targetKbps << "level"
                     << int(report.level);
    emit qualityReport(report);
}

void MediaSession::applyVideoLevel(VideoLevel level)
{
    qCInfo(lcMedia) << "picture sent:" << int(level) << "at" << d->steering->targetKbps()
                    << "kbit/s";
    if (d->videoValve)
        g_object_set(d->videoValve, "drop", level == VideoLevel::AudioOnly, nullptr);
    if (d->sendCaps && level != VideoLevel::AudioOnly) {
        QSize size = m_options.videoSize;
        if (level == VideoLevel::Standard360 && size.height() > 360)
            size = QSize(640, 360);
        GstCaps *caps = gst_caps_new_simple("video/x-raw", "width", G_TYPE_INT, size.width(),
            "height", G_TYPE_INT, size.height(), "framerate", GST_TYPE_FRACTION,
            qMax(1, m_options.framesPerSecond), 1, nullptr);
        g_object_set(d->sendCaps, "caps", caps, nullptr);
        gst_caps_unref(caps);
    }
    if (d->encoder && level != VideoLevel::AudioOnly) {
        // The picture comes back: start it with a keyframe.
        GstPad *pad = gst_element_get_static_pad(d->encoder, "src");
        gst_pad_send_event(
            pad, gst_video_event_new_upstream_force_key_unit(GST_CLOCK_TIME_NONE, TRUE, 0));
        gst_object_unref(pad);
    }
    emit videoLevelChanged(level);
}

VideoLevel MediaSession::videoLevel() const
{
    return d->steering ? d->steering->level() : VideoLevel::Standard360;
}

QJsonObject MediaSession::qualitySummary() const
{
    return d->steering ? d->steering->summary() : QJsonObject();
}

void MediaSession::setSimulatedNetwork(int lossPercent, int maxKbps)
{
    if (!d->pipeline)
        return;
    for (const char *name : { "netsimvideo", "netsimaudio" }) {
        GstElement *element = gst_bin_get_by_name(GST_BIN(d->pipeline), name);
        if (!element)
            continue;
        g_object_set(element, "drop-probability", gfloat(qBound(0, lossPercent, 100)) / 100.0f,
            "max-kbps", maxKbps > 0 ? gint(maxKbps) : -1, nullptr);
        gfloat now = -1;
        g_object_get(element, "drop-probability", &now, nullptr);
        qCDebug(lcMedia) << "simulated network" << name << now;
        gst_object_unref(element);
    }
}

qint64 MediaSession::remoteVideoFrames() const
{
    return d->shared->videoFrames;
}

qint64 MediaSession::remoteAudioBuffers() const
{
    return d->shared->audioBuffers;
}

void bindToCall(MediaSession *media, CallSignalling *calls)
{
    // A message that cannot go out means the call is over or its socket is down; the call's
    // signalling ends it then, and the session with it.
    QObject::connect(
        media, &MediaSession::localDescription, calls, [media, calls](const QString &sdp) {
            const Core::Status sent = media->role() == MediaSession::Role::Offerer
                ? calls->sendOffer(sdp)
                : calls->sendAnswer(sdp);
            if (!sent)
                qCWarning(lcMedia) << "description not sent:" << sent.error().message;
        });
    QObject::connect(media, &MediaSession::localIceCandidate, calls,
        [calls](const QString &candidate, int index) {
            if (const Core::Status sent = calls->sendIce(candidate, {}, index); !sent)
                qCWarning(lcMedia) << "candidate not sent:" << sent.error().message;
        });
    QObject::connect(calls, &CallSignalling::offerReceived, media, [media](const QString &sdp) {
        if (media->role() == MediaSession::Role::Answerer)
            media->setRemoteDescription(sdp);
    });
    QObject::connect(calls, &CallSignalling::answerReceived, media, [media](const QString &sdp) {
        if (media->role() == MediaSession::Role::Offerer)
            media->setRemoteDescription(sdp);
    });
    QObject::connect(calls, &CallSignalling::iceReceived, media,
        [media](const QString &candidate, const QString &, int index) {
            media->addRemoteIceCandidate(candidate, index);
        });
    QObject::connect(calls, &CallSignalling::ended, media, [media] { media->stop(); });
}

} // namespace Tongban::Assist
