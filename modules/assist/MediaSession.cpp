// MediaSession: its life cycle (start, stop, failure) and the pipeline's bus.
#define GST_USE_UNSTABLE_API // gst/webrtc: its API is marked unstable in 1.22
#include "CallSignalling.h"
#include "MediaSessionPrivate.h"
#include "Tr.h"

Q_LOGGING_CATEGORY(lcMedia, "tongban.assist.media")

namespace Tongban::Assist {

using namespace media;

GstBusSyncReply MediaSession::Private::onBusMessage(GstBus *bus, GstMessage *message, gpointer data)
{
    // A sync handler that returns GST_BUS_DROP owns the message and must unref it
    // (GstBusSyncHandler): a message kept holds its source element, and with them the
    // whole pipeline and its ICE sockets outlived every call (issue 15, bench_call).
    const GstBusSyncReply reply = handleBusMessage(bus, message, data);
    gst_message_unref(message);
    return reply;
}

/// Handles \a message; always GST_BUS_DROP (onBusMessage unrefs it).
GstBusSyncReply MediaSession::Private::handleBusMessage(
    GstBus *, GstMessage *message, gpointer data)
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
    if (!safeForPipeline(m_options.microphoneDevice) || !safeForPipeline(m_options.stunServer)
        || !safeForPipeline(m_options.videoSendFilter)) {
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
    // What the quality steering turns (issue 15): MediaQuality.cpp.
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

    // Every transceiver sends and receives, and asks for retransmissions (NACK). Under
    // WebRTC's RTP profile every NACK goes in an early RTCP packet that puts the receiver's
    // next report off by a whole interval, so while packets are lost the reports stop for
    // seconds (bench_call's trace under a cap, issue 15): the quality steering counts the
    // NACKed packets of the picture as its loss (MediaQuality.cpp), not only the reports.
    GArray *transceivers = nullptr;
    g_signal_emit_by_name(d->webrtc, "get-transceivers", &transceivers);
    for (guint i = 0; transceivers && i < transceivers->len; ++i) {
        GObject *transceiver = g_array_index(transceivers, GObject *, i);
        g_object_set(transceiver, "do-nack", TRUE, nullptr);
    }
    if (transceivers)
        g_array_unref(transceivers);

    // A receiver asks again only for packets it knows are missing: a gap in the sequence
    // numbers. rtpjitterbuffer's default also guesses when the next packet is due and asks
    // for it when it is late (rtx-next-seqnum); on a quiet loopback, where the next picture
    // comes a little after the pause the guess allows, that NACKed 5-13 of about 60 packets
    // a second that all arrived, and the steering took them for a cap and dropped the
    // picture to sound alone (tst_callquality, issue 15). A lost packet is still asked for as
    // soon as the packet after it arrives.
    if (GstElement *rtpbin = gst_bin_get_by_name(GST_BIN(d->webrtc), "rtpbin")) {
        g_signal_connect(rtpbin, "new-jitterbuffer",
            G_CALLBACK(+[](GstElement *, GstElement *jitterbuffer, guint, guint, gpointer) {
                g_object_set(jitterbuffer, "rtx-next-seqnum", FALSE, nullptr);
            }),
            nullptr);
        gst_object_unref(rtpbin);
    }

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
    // What this side's picture costs the network: its RTP as the payloader makes it (lists
    // of packets, a picture's at a time), its packets and its SSRC.
    if (GstElement *payloader = gst_bin_get_by_name(GST_BIN(pipeline), "videopay")) {
        GstPad *pad = gst_element_get_static_pad(payloader, "src");
        gst_pad_add_probe(
            pad, GstPadProbeType(GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_BUFFER_LIST),
            [](GstPad *, GstPadProbeInfo *info, gpointer data) {
                Shared &counts = sharedOf(data);
                GstBuffer *first = nullptr;
                if (GST_PAD_PROBE_INFO_TYPE(info) & GST_PAD_PROBE_TYPE_BUFFER_LIST) {
                    GstBufferList *list = GST_PAD_PROBE_INFO_BUFFER_LIST(info);
                    counts.videoBytesSent += qint64(gst_buffer_list_calculate_size(list));
                    counts.videoPackets += qint64(gst_buffer_list_length(list));
                    first
                        = gst_buffer_list_length(list) > 0 ? gst_buffer_list_get(list, 0) : nullptr;
                } else {
                    first = GST_PAD_PROBE_INFO_BUFFER(info);
                    counts.videoBytesSent += qint64(gst_buffer_get_size(first));
                    ++counts.videoPackets;
                }
                // The SSRC: bytes 8-11 of the RTP header.
                guint8 ssrc[4];
                if (first && gst_buffer_extract(first, 8, ssrc, 4) == 4)
                    counts.videoSsrc = quint32(ssrc[0]) << 24 | quint32(ssrc[1]) << 16
                        | quint32(ssrc[2]) << 8 | quint32(ssrc[3]);
                return GST_PAD_PROBE_OK;
            },
            hold(shared), release);
        gst_object_unref(pad);
        gst_object_unref(payloader);
    }
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

qint64 MediaSession::remoteVideoFrames() const
{
    return d->shared->videoFrames;
}

qint64 MediaSession::remoteAudioBuffers() const
{
    return d->shared->audioBuffers;
}

qint64 MediaSession::videoBytesSent() const
{
    return d->shared->videoBytesSent;
}

} // namespace Tongban::Assist
