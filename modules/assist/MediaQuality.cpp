// The quality of a call (issue 15): the RTP session's statistics once a second, the quality
// panel's figures, the picture steered from them (QualitySteering), the heartbeat on the data
// channel and the watchdog that ends a call whose other side went silent.
#define GST_USE_UNSTABLE_API // gst/webrtc: its API is marked unstable in 1.22
#include "CallSignalling.h"
#include "MediaSessionPrivate.h"
#include "MediaStats.h"
#include "Tr.h"

#include <gst/video/video.h>

namespace Tongban::Assist {

using namespace media;

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
        gst_object_unref(element);
    }
}

} // namespace Tongban::Assist
