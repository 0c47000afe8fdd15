#pragma once

#include "CallQuality.h"
#include "CallRecording.h"

#include <core/Result.h>

#include <QImage>
#include <QJsonArray>
#include <QObject>
#include <QSize>
#include <QString>

#include <atomic>
#include <memory>

namespace Tongban::Assist {

class CallSignalling;

/// Where the media of a call come from and go to.
struct MediaOptions
{
    /// Where the picture sent comes from.
    enum class Video {
        TestPattern = 0, ///< a moving test pattern (tests, and a window without a camera)
        Frames, ///< pushVideoFrame(): the window's HD camera, through Qt Multimedia
    };
    Video video = Video::TestPattern;
    /// Where the sound sent comes from.
    enum class Audio {
        TestTone = 0, ///< a quiet tone (tests, and a window without a headset)
        Microphone, ///< the headset's microphone through PulseAudio
    };
    Audio audio = Audio::TestTone;
    /// With Audio::Microphone: a PulseAudio source name, or empty for the default source.
    QString microphoneDevice;
    /// Play the other party's sound on the default speaker (headset); off: decoded and counted.
    bool playRemoteAudio = true;
    QSize videoSize { 640, 360 };
    int framesPerSecond = 15;
    int videoKbps = 600;
    /// ICE on 127.0.0.1 only (a platform on loopback, and the tests); otherwise every local
    /// address.
    bool loopbackOnly = false;
    /// STUN server as "stun://host:port" (from the platform's welcome.iceServers), or empty.
    QString stunServer;
    /*!
     * The platform's ICE servers (GET /ice-servers: RTCIceServer objects with urls and, for
     * TURN, the short-lived username and credential): the first stun: URL is webrtcbin's
     * stun-server unless stunServer is set, every turn:/turns: URL is added with
     * add-turn-server (issue 15: halls on different networks meet through the relay).
     */
    QJsonArray iceServers;
    /// Only relayed candidates (webrtcbin ice-transport-policy=relay): the TURN path alone.
    bool relayOnly = false;
    /// The caller (Offerer) records the call here (see CallRecording: chunks of both
    /// directions as sent and received, and manifest.json); empty: not recorded.
    QString recordingDirectory;
    /// Longest chunk of the recording, in seconds (000 §15 asks for at most 10).
    int recordingChunkSeconds = 10;
    /// Written into the recording's manifest.
    RecordingInfo recordingInfo;
    /// The caller opens the data channel "assist" for the shared page; off (a test of the
    /// events-socket fallback), marks go through the platform (CallSignalling::sendShare).
    bool dataChannel = true;
    /// Benchmarks: a gst-launch fragment put between the video payloader and webrtcbin on
    /// the picture this side sends, e.g. "netsim drop-probability=0.05" (bench_call's poor
    /// network); empty: none. Never from configuration.
    QString videoSendFilter;
    /// Tests: the same for the sound (e.g. "netsim name=netsimaudio"); empty: none.
    QString audioSendFilter;
};

/*!
 * The media of one call: camera and microphone out, the other party's picture and sound in,
 * with GStreamer's webrtcbin (VP8 + Opus, one bundled transport). The signalling is not
 * here: the session says what to send (localDescription, localIceCandidate) and is told
 * what arrived (setRemoteDescription, addRemoteIceCandidate); bindToCall() connects it to
 * a CallSignalling.
 *
 * The caller is the Offerer: it makes the offer as soon as start() has built its pipeline.
 * The home window is the Answerer: it answers the offer given to setRemoteDescription().
 *
 * Pictures arrive as QImage (remoteFrame for the other party, localFrame for the self view)
 * on the GUI thread, at most one pending frame of each at a time: a slow screen drops
 * frames instead of queueing them. GStreamer's own threads never touch this object; they
 * post to it.
 *
 * GUI thread.
 */
class MediaSession : public QObject
{
    Q_OBJECT
public:
    enum class Role {
        Offerer = 1, ///< the caller (application window)
        Answerer, ///< the answering home window
    };
    Q_ENUM(Role)

    enum class State {
        Idle = 0, ///< not started
        Negotiating, ///< pipeline running; offer/answer and ICE under way
        Connected, ///< ICE connected: media flow
        Failed, ///< see failed(); the session is stopped
        Stopped, ///< stop() was called
    };
    Q_ENUM(State)

    MediaSession(Role role, MediaOptions options, QObject *parent = nullptr);
    ~MediaSession() override;

    /// Builds and starts the pipeline. Errors: GStreamer or one of its plugins missing, a
    /// device that cannot be opened (also reported later through failed()).
    Core::Status start();
    /// The other party's offer (Answerer) or answer (Offerer), as SDP text.
    void setRemoteDescription(const QString &sdp);
    /// A picture of this side's camera to send (MediaOptions::Video::Frames), at any size
    /// (the pipeline scales it to MediaOptions::videoSize); ignored unless the media are
    /// negotiating or connected.
    void pushVideoFrame(const QImage &frame);
    /// One of the other party's ICE candidates; an empty one is the end of its candidates.
    void addRemoteIceCandidate(const QString &candidate, int sdpMLineIndex);
    /// Ends the media. Idempotent.
    void stop();
    /*!
     * Sends \a text to the other party on the call's data channel ("assist": reliable,
     * ordered SCTP over the same transport as the media; the caller opens it before its
     * offer). NotConnected until channelOpen().
     */
    Core::Status sendChannelMessage(const QString &text);
    bool isChannelOpen() const { return m_channelOpen; }

    Role role() const { return m_role; }
    State state() const { return m_state; }
    /// What the session was made with (the ICE servers the call uses, among others).
    const MediaOptions &options() const { return m_options; }
    /// Decoded frames and audio buffers of the other party so far.
    qint64 remoteVideoFrames() const;
    qint64 remoteAudioBuffers() const;
    /// Bytes of RTP of this side's picture sent so far, as the payloader made them (the rate
    /// the call asks of the network; the quality panel's and bench_call's send rate).
    qint64 videoBytesSent() const;

    /*!
     * The quality of the call (issue 15), read once a second while connected: the panel's
     * figures in qualityReport(), and the picture steered from them (QualitySteering: 720p,
     * 360p, sound alone). The other side silent for 4 s (no media decoded, no heartbeat on
     * the data channel) fails the session: a dead peer is detected within 5 s.
     */
    VideoLevel videoLevel() const;
    /// What the call's quality was (QualitySteering::summary()), kept with the call.
    QJsonObject qualitySummary() const;
    /*!
     * Tests: sets the loss (percent) and rate cap (kbit/s, 0: none) of the GStreamer netsim
     * elements named "netsimvideo" and "netsimaudio" in MediaOptions' send filters.
     */
    void setSimulatedNetwork(int lossPercent, int maxKbps);

    /// The call's recording (MediaOptions::recordingDirectory), or null.
    const CallRecording *recording() const;

    /*!
     * \a servers (RTCIceServer objects) as webrtcbin takes them: the first STUN server as
     * "stun://host:port" in \a stun, and each TURN URL as "turn://user:pass@host:port?..."
     * with user and password percent-encoded (a coturn REST username holds a ':').
     */
    static QStringList turnServerUris(const QJsonArray &servers, QString *stun = nullptr);

    /// Whether this machine has the GStreamer parts a call needs; the missing ones in \a
    /// missing (element names).
    static bool available(QStringList *missing = nullptr);

    /*!
     * Makes the first call of the process start as fast as the next ones (issues 15 and 18:
     * answer to first frame): starts GStreamer, loads the plugins a call uses (ICE, DTLS,
     * SRTP, RTP, VP8, Opus, webrtcbin), makes the DTLS certificate every call of the process
     * shares (an RSA key, on a second thread meanwhile) and runs a frame through the VP8 and
     * Opus codecs. Blocks for a few hundred ms the first time, then returns at once; any
     * thread. False when GStreamer cannot start (start() says why).
     */
    static bool prewarm();
    /*!
     * prewarm() on the thread pool, once per process, returning at once: at sign-in (the
     * workstation's first call then finds everything ready), as the call window opens and as
     * a call rings. A call started while it runs connects (it waits for what it needs).
     * GUI thread.
     */
    static void prewarmInBackground();
    enum class Prewarm {
        NotStarted = 0,
        Running,
        Done, ///< done, or GStreamer could not start
    };
    Q_ENUM(Prewarm)
    /// Where the process's warm-up is; any thread.
    static Prewarm prewarmState();

signals:
    void stateChanged(Tongban::Assist::MediaSession::State state);
    /// Send to the other party: the offer (Offerer) or the answer (Answerer).
    void localDescription(const QString &sdp);
    /// Send to the other party; an empty candidate is the end of this side's candidates.
    void localIceCandidate(const QString &candidate, int sdpMLineIndex);
    void remoteFrame(const QImage &frame);
    void localFrame(const QImage &frame);
    /// The data channel can carry messages both ways now.
    void channelOpen();
    /// A message from the other party on the data channel.
    void channelMessage(const QString &text);
    /// The media failed (device lost, ICE failed, a plugin error); the session is stopped.
    void failed(const Tongban::Core::Error &error);
    /// The quality panel's figures, once a second while connected.
    void qualityReport(const Tongban::Assist::QualityReport &report);
    /// The picture sent was stepped down or up (720p, 360p, sound alone).
    void videoLevelChanged(Tongban::Assist::VideoLevel level);
    /// A chunk of the recording was closed and is listed in its manifest.
    void recordingChunkAdded(int index);
    /// The recording has its end (the media stopped or failed): all its chunks are listed.
    void recordingFinished(const QString &directory);

private:
    struct Private;
    friend struct Private;

    void setState(State state);
    void fail(const Core::Error &error);
    void negotiationNeeded();
    void onLocalDescription(const QString &sdp);
    void remoteDescriptionSet();
    void onIceConnectionState(int state);
    Core::Status startRecording();
    /// Adds the chunks GStreamer closed since the last call to the manifest.
    void takeClosedChunks();
    /// Closes the chunk being written (EOS into the recording) and ends the manifest.
    void finishRecording(const QString &reason);
    /// Takes a reference to \a channel (a GstWebRTCDataChannel).
    void attachChannel(void *channel);
    /// Receiver reports (RTCP) once a second; keeps the RTP session for its statistics.
    void reportEverySecond();
    /// The watchdog four times a second; once a second the statistics and the heartbeat.
    void pollQuality();
    /// The statistics of one poll: the panel and the steering.
    void takeQualitySample(QualitySample sample);
    void applyVideoLevel(VideoLevel level);

    Role m_role;
    MediaOptions m_options;
    State m_state = State::Idle;
    bool m_channelOpen = false;
    std::unique_ptr<Private> d;
};

/*!
 * Connects \a media to \a calls for the call now active: the session's descriptions and
 * candidates go out as call.offer / call.answer / call.ice, theirs come in, and the call's
 * end stops the session. The connections end with either object.
 */
void bindToCall(MediaSession *media, CallSignalling *calls);

} // namespace Tongban::Assist
