// The quality of a call (issue 15): the RTP session's statistics once a second, the quality
// panel's figures, the picture steered from them (QualitySteering), the heartbeat on the data
// channel and the watchdog that ends a call whose other side went silent.
#define GST_USE_UNSTABLE_API // gst/webrtc: its API is marked unstable in 1.22
#include "CallSignalling.h"
#include "MediaSessionPrivate.h"
#include "MediaStats.h"
#include "RtcpFeedback.h"
#include "Tr.h"

#include <algorithm>
#include <atomic>
#include <gst/video/video.h>

namespace Tongban::Assist {

using namespace media;

namespace {

/// Every report block the other side sent about our streams (RTCP as it arrives), kept on
/// the RTP session object: its "stats" keep only the last block of each report.
struct ReportBlocks
{
    std::mutex mutex;
    QMap<quint32, qint64> lost;
    /// The worst "fraction lost" (out of 256) per stream since the last sample took them.
    QMap<quint32, int> fractions;
    /// A report said more than 10 % of a stream's packets were lost since the one before:
    /// the next watchdog tick samples at once, not up to a second later (a cap drops a part
    /// of nearly every picture until the steering cuts the rate: the picture freezes).
    std::atomic<bool> heavyLoss { false };
    /// The packets of our streams the other side NACKed, each once.
    Internal::NackedPackets nacks;
};

constexpr const char *kReportBlocks = "tongban-report-blocks";

/// "Fraction lost" (out of 256) from which a report is heavy loss: over 10 %.
constexpr int kHeavyLossFraction = 26;
/// The soonest a sample follows the one before when a report shows heavy loss.
constexpr qint64 kHeavyLossSampleMs = 300;
/// The picture's packets NACKed since the last sample from which they may be heavy loss too
/// (QualitySteering::NackCapShare): at least this many, and over 3 % of those it sent since.
constexpr qint64 kHeavyLossNacked = 5;
/// RTCP reports' minimum interval (RTP randomises it to 0.5-1.5 times) under RTP's plain
/// profile. Under WebRTC's (SAVPF) RTPSession has no minimum (RFC 4585 3.5.1): the
/// interval is what kRtcpBitsPerSecond allows.
constexpr qint64 kReportIntervalMs = 500;
/// The session's RTCP bandwidth (bits/s, both sides' reports): RTPSession's default is 5 %
/// of the streams' estimated rate, at first of 64 kbit/s, and the first receiver report came
/// 3-5.5 s into a call (bench_call's trace, issue 15), after a cap had frozen the picture for
/// seconds. 16 kbit/s (2 % of an 800 kbit/s link): a report from each side about every
/// half second.
constexpr double kRtcpBitsPerSecond = 16000;

void onReceivingRtcp(GObject *, GstBuffer *buffer, gpointer data)
{
    auto *blocks = static_cast<ReportBlocks *>(data);
    GstMapInfo map;
    if (!gst_buffer_map(buffer, &map, GST_MAP_READ))
        return;
    QMap<quint32, qint64> lost;
    QMap<quint32, int> fractions;
    Internal::readReportBlocks(map.data, map.size, &lost, &fractions);
    const std::lock_guard lock(blocks->mutex);
    blocks->nacks.read(map.data, qsizetype(map.size));
    gst_buffer_unmap(buffer, &map);
    for (auto it = lost.cbegin(); it != lost.cend(); ++it)
        blocks->lost.insert(it.key(), it.value());
    for (auto it = fractions.cbegin(); it != fractions.cend(); ++it) {
        blocks->fractions.insert(it.key(), std::max(blocks->fractions.value(it.key()), it.value()));
        if (it.value() >= kHeavyLossFraction)
            blocks->heavyLoss = true;
    }
}

} // namespace

void MediaSession::reportEverySecond()
{
    // RTCP's receiver reports carry the loss and the round trip the steering reads: about
    // twice a second rather than RTP's default 5 s, so that it reacts within a second
    // (issue 15).
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
    g_object_set(session, "rtcp-fraction", kRtcpBitsPerSecond, nullptr);
    // (setting the minimum has the session reconsider when its next report goes)
    g_object_set(session, "rtcp-min-interval", guint64(kReportIntervalMs) * GST_MSECOND, nullptr);
    if (!g_object_get_data(session, kReportBlocks)) {
        // Owned by the session object: freed with it, after its last signal.
        auto *blocks = new ReportBlocks;
        g_object_set_data_full(session, kReportBlocks, blocks,
            [](gpointer data) { delete static_cast<ReportBlocks *>(data); });
        g_signal_connect(session, "on-receiving-rtcp", G_CALLBACK(onReceivingRtcp), blocks);
    }
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
    auto *blocks = d->rtpSession
        ? static_cast<ReportBlocks *>(g_object_get_data(d->rtpSession, kReportBlocks))
        : nullptr;
    // The picture's packets made and NACKed so far: over 10 % of them NACKed since the last
    // sample is heavy loss, as a report of it would be (the reports stop while the other side
    // NACKs: MediaSession.cpp).
    const qint64 packets = d->shared->videoPackets;
    qint64 nacked = 0;
    if (blocks) {
        const std::lock_guard lock(blocks->mutex);
        nacked = blocks->nacks.count(d->shared->videoSsrc);
    }
    const bool heavyNacks = nacked - d->nackedAtSample >= kHeavyLossNacked
        && double(nacked - d->nackedAtSample)
            > QualitySteering::NackCapShare * double(packets - d->packetsAtSample);
    const bool heavyLoss = (blocks && blocks->heavyLoss) || heavyNacks;
    if (d->lastSampleMs >= 0
        && now - d->lastSampleMs
            < (heavyLoss ? kHeavyLossSampleMs : kQualityIntervalMs - kWatchdogIntervalMs / 2))
        return;
    if (heavyLoss)
        qCDebug(lcMedia) << "heavy loss reported: sampling" << now - d->lastSampleMs
                         << "ms after the sample before; NACKed" << nacked - d->nackedAtSample
                         << "of" << packets - d->packetsAtSample << "packets";
    if (blocks)
        blocks->heavyLoss = false;
    d->lastSampleMs = now;
    d->packetsAtSample = packets;
    d->nackedAtSample = nacked;
    if (m_channelOpen && d->channel) {
        GError *error = nullptr;
        if (!gst_webrtc_data_channel_send_string_full(
                GST_WEBRTC_DATA_CHANNEL(d->channel), kHeartbeat, &error))
            g_clear_error(&error); // the watchdog says what follows
    }
    QualitySample sample;
    sample.atMs = now;
    sample.videoPackets = packets;
    sample.videoNacked = nacked;
    if (d->rtpSession) {
        GstStructure *stats = nullptr;
        g_object_get(d->rtpSession, "stats", &stats, nullptr); // the session locks itself
        if (stats) {
            Internal::readSessionStats(stats, &sample);
            if (blocks) {
                QMap<quint32, qint64> lost;
                QMap<quint32, int> fractions;
                {
                    const std::lock_guard lock(blocks->mutex);
                    lost = blocks->lost;
                    fractions.swap(blocks->fractions);
                }
                Internal::applyReportBlocks(stats, lost, &sample);
                for (auto it = sample.reported.begin(); it != sample.reported.end(); ++it) {
                    if (fractions.contains(it.key()))
                        it->fractionLost = double(fractions.value(it.key())) / 256.0;
                }
            }
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
    if (sample.videoBytesSent < 0)
        sample.videoBytesSent = d->shared->videoBytesSent;
    const VideoLevel before = d->steering->level();
    const QualityReport report = d->steering->add(sample);
    if (report.level != before) {
        applyVideoLevel(report.level);
        d->overshoot = 1.0; // another size: its own overshoot
    }
    // How much the encoder overshot what it was asked for since the last sample (a picture
    // of fine detail: vp8enc makes up to twice its target), smoothed; never below 1, so
    // that a quiet picture does not earn a higher target.
    const qint64 videoBytes = d->shared->videoBytesSent;
    if (d->overshootAtMs >= 0 && sample.atMs > d->overshootAtMs && d->appliedKbps > 0
        && report.level == before && report.level != VideoLevel::AudioOnly) {
        const double madeKbps
            = double(videoBytes - d->overshootBytes) * 8.0 / double(sample.atMs - d->overshootAtMs);
        const double ratio = qBound(1.0, madeKbps / double(d->appliedKbps), 3.0);
        d->overshoot = qBound(1.0, 0.5 * d->overshoot + 0.5 * ratio, 3.0);
    }
    d->overshootBytes = videoBytes;
    d->overshootAtMs = sample.atMs;
    // The encoder follows the target (over its overshoot) in steps of 5 % or more (each
    // change costs it a little).
    const int encoderKbps
        = qMax(QualitySteering::MinKbps / 2, int(report.targetKbps / d->overshoot));
    if (d->encoder && report.level != VideoLevel::AudioOnly
        && qAbs(encoderKbps - d->appliedKbps) * 20 >= d->appliedKbps) {
        d->appliedKbps = encoderKbps;
        g_object_set(d->encoder, "target-bitrate", gint(encoderKbps * 1000), nullptr);
    }
    qCDebug(lcMedia) << "quality: rtt" << report.roundTripMs << "loss" << report.lossPercent
                     << "send" << report.sendKbps << "receive" << report.receiveKbps << "fps"
                     << report.framesPerSecond << "target" << report.targetKbps << "encoder"
                     << d->appliedKbps << "overshoot" << d->overshoot << "level"
                     << int(report.level);
    if (lcMedia().isDebugEnabled()) {
        double fraction = -1;
        for (const QualitySample::Stream &stream : std::as_const(sample.reported))
            fraction = std::max(fraction, stream.fractionLost);
        qCDebug(lcMedia) << "  picture packets" << sample.videoPackets << "NACKed"
                         << sample.videoNacked << "reports' fraction lost" << fraction;
    }
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
        if (level <= VideoLevel::Standard360 && size.height() > 360)
            size = QSize(640, 360);
        if (level == VideoLevel::Low180) // half of it (320 x 180), even sides for I420
            size = QSize(qMax(16, size.width() / 4 * 2), qMax(16, size.height() / 4 * 2));
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
