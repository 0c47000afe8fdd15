#pragma once
// The inside of MediaSession, shared by its parts (not installed, not for other classes):
// MediaSession.cpp (life cycle, the bus), MediaPipeline.cpp (the pipeline: sending and
// receiving halves, camera frames), MediaNegotiation.cpp (offer/answer, ICE, bindToCall),
// MediaDataChannel.cpp (the "assist" data channel), MediaRecording.cpp (the caller's
// recording). GST_USE_UNSTABLE_API must be defined before this header is included.

#include "MediaSession.h"

#include <QElapsedTimer>
#include <QList>
#include <QLoggingCategory>
#include <QMutex>
#include <QPair>
#include <QTimer>

#include <condition_variable>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/webrtc/webrtc.h>
#include <memory>
#include <mutex>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcMedia)

namespace Tongban::Assist {

namespace media {

/// What GStreamer's threads share with the session: they post to it while it lives.
struct Shared
{
    QMutex mutex;
    MediaSession *session = nullptr; ///< null once the session is going away
    bool playRemoteAudio = false; ///< set before the pipeline starts
    std::atomic<qint64> videoFrames { 0 };
    std::atomic<qint64> audioBuffers { 0 };
    std::atomic<qint64> videoBytesSent { 0 }; ///< RTP of this side's picture, before the network
    std::atomic<qint64> videoPackets { 0 }; ///< and its packets
    std::atomic<quint32> videoSsrc { 0 }; ///< its SSRC (what the other side's NACKs name)
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
inline gpointer hold(const SharedPtr &shared)
{
    return new SharedPtr(shared);
}

inline void release(gpointer data)
{
    delete static_cast<SharedPtr *>(data);
}

inline void releaseClosure(gpointer data, GClosure *)
{
    release(data);
}

inline Shared &sharedOf(gpointer data)
{
    return **static_cast<SharedPtr *>(data);
}

template<typename Function>
inline GCallback callback(Function function)
{
    return reinterpret_cast<GCallback>(function);
}

/// The sending half of \a options, in gst-launch syntax, ending in webrtcbin "webrtc" (with the
/// recording's inputs when recording). MediaPipeline.cpp.
QString pipelineDescription(const MediaOptions &options);
/// Whether \a value can be quoted into a pipeline description.
bool safeForPipeline(const QString &value);
/// gst_init once; false (and why in \a failure) when GStreamer cannot start.
bool initGStreamer(QString *failure);
/// webrtcbin's "pad-added": a stream from the other party, decoded (and recorded).
void onIncomingStream(GstElement *webrtc, GstPad *pad, gpointer data);
/// The self view's appsink: this side's picture to the GUI thread.
GstFlowReturn onSelfViewSample(GstAppSink *sink, gpointer data);

} // namespace media

/// The session's GStreamer side. Its static functions are GStreamer's callbacks: they run on
/// GStreamer's threads and post to the session.
struct MediaSession::Private
{
    media::SharedPtr shared = std::make_shared<media::Shared>();
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
    qint64 packetsAtSample = 0; ///< Shared::videoPackets at the last sample
    qint64 nackedAtSample = 0; ///< the picture's packets NACKed at the last sample
    std::optional<QualitySteering> steering;
    int appliedKbps = 0;
    /// What the encoder makes over what it is asked (its picture's RTP over target-bitrate,
    /// smoothed, at least 1): noise or a busy scene makes vp8enc overshoot its target, so it
    /// is asked for the steering's target divided by this.
    double overshoot = 1.0;
    qint64 overshootBytes = -1; ///< videoBytesSent at the last sample
    qint64 overshootAtMs = -1;

    // GStreamer callbacks of the negotiation (MediaNegotiation.cpp)
    /// An offer or answer that webrtcbin made: to the GUI thread as text.
    static void onDescriptionCreated(GstPromise *promise, gpointer data);
    static void onRemoteDescriptionSet(GstPromise *promise, gpointer data);
    static void onNegotiationNeeded(GstElement *, gpointer data);
    static void onIceCandidate(GstElement *, guint mline, gchar *candidate, gpointer data);
    static void onIceConnectionStateChanged(GstElement *webrtc, GParamSpec *, gpointer data);

    // GStreamer callbacks of the recording (MediaRecording.cpp)
    /// splitmuxsink opened or closed a chunk (on a streaming thread).
    static void onRecordingMessage(media::Shared &shared, const GstStructure *structure);

    // GStreamer callbacks of the data channel (MediaDataChannel.cpp)
    /// The answerer learns of the caller's data channel (a webrtcbin thread).
    static void onDataChannel(GstElement *, GObject *channel, gpointer data);
    static void onChannelOpen(GObject *, gpointer data);
    static void onChannelMessage(GObject *, gchar *text, gpointer data);

    // GStreamer callbacks of the bus (MediaSession.cpp)
    static GstBusSyncReply onBusMessage(GstBus *bus, GstMessage *message, gpointer data);
    /// Handles \a message; always GST_BUS_DROP (onBusMessage unrefs it).
    static GstBusSyncReply handleBusMessage(GstBus *, GstMessage *message, gpointer data);
};

} // namespace Tongban::Assist
