#include "CallQuality.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace Tongban::Assist {

namespace {

const char *levelName(VideoLevel level)
{
    switch (level) {
    case VideoLevel::AudioOnly:
        return "audio";
    case VideoLevel::Low180:
        return "180p";
    case VideoLevel::Standard360:
        return "360p";
    case VideoLevel::High720:
        return "720p";
    }
    return "?";
}

double rateKbps(qint64 bytes, qint64 ms)
{
    // bits per ms = kbit/s; a counter that went back (a stream ended) counts nothing
    return ms > 0 && bytes > 0 ? double(bytes) * 8.0 / double(ms) : 0.0;
}

/*!
 * The share of \a packets lost that \a share of them lost shows with 95 % confidence (one
 * side, normal approximation): a loss read over a few packets is discounted by its
 * uncertainty. A 180p picture sends 10-15 packets a half second; with 5 % of them lost at
 * random, 2 or 3 of 12 lost now and then read as a cap's 10 % and more, and cut after cut
 * took BM_PoorNetwork's random loss to sound alone (1 run of 6 on a quiet machine). A cap's
 * loss of 40 % over 20 packets still shows over 22 %; over the hundreds of packets a second of
 * a 360p picture the bound is within a few points of the share.
 */
double lossSureOf(double share, qint64 packets)
{
    if (share <= 0 || packets <= 0)
        return std::max(share, 0.0);
    share = std::min(share, 1.0);
    return std::max(0.0, share - 1.645 * std::sqrt(share * (1.0 - share) / double(packets)));
}

/// The share of its packets a stream lost, from a receiver report's counts: \a lost, and
/// \a sent less those (below 0 with duplicates), 0 to 1.
double lostShare(qint64 lost, qint64 sent)
{
    return std::clamp(double(lost) / double(sent + std::max<qint64>(lost, 0)), 0.0, 1.0);
}

/// Raises \a share and \a sure to the loss of \a lost and \a sent (lostShare) and its lower
/// bound (lossSureOf), where those are higher.
void keepWorse(qint64 lost, qint64 sent, double &share, double &sure)
{
    const double now = lostShare(lost, sent);
    share = std::max(share, now);
    sure = std::max(sure, lossSureOf(now, sent + std::max<qint64>(lost, 0)));
}

} // namespace

QualitySteering::QualitySteering(VideoLevel ceiling, int maxKbps)
    : m_ceiling(ceiling)
    , m_maxKbps(std::max(maxKbps, MinKbps))
    , m_targetKbps(m_maxKbps)
    , m_level(ceiling)
{ }

int QualitySteering::lowFromKbps() const
{
    return m_maxKbps > LowBelowKbps ? LowBelowKbps : AudioOnlyBelowKbps;
}

VideoLevel QualitySteering::levelFor(double kbps) const
{
    VideoLevel level = VideoLevel::AudioOnly;
    if (kbps >= HighFromKbps)
        level = VideoLevel::High720;
    else if (kbps >= lowFromKbps())
        level = VideoLevel::Standard360;
    else if (kbps >= AudioOnlyBelowKbps)
        level = VideoLevel::Low180;
    return std::min(level, m_ceiling);
}

void QualitySteering::setLevel(VideoLevel level, qint64 atMs)
{
    m_level = level;
    m_aboveSinceMs = -1;
    m_levelSinceMs = atMs;
    m_overTarget = 0;
    ++m_levelChanges;
    if (level == VideoLevel::AudioOnly)
        m_capacityAtMs = -1; // the sound's loss steers from here
}

qint64 QualitySteering::watch(qint64 atMs, qint64 mediaReceived, qint64 heartbeatsReceived)
{
    // Silent since the counters last moved; nothing counts before the first sign of life.
    const bool heard = mediaReceived != m_watchedMedia || heartbeatsReceived != m_watchedBeats;
    m_watchedMedia = mediaReceived;
    m_watchedBeats = heartbeatsReceived;
    if (mediaReceived <= 0 && heartbeatsReceived <= 0)
        return m_silentMs = 0;
    if (heard || m_lastHeardMs < 0)
        m_lastHeardMs = atMs;
    return m_silentMs = atMs - m_lastHeardMs;
}

QualityReport QualitySteering::add(const QualitySample &sample)
{
    QualityReport report;
    report.roundTripMs = sample.roundTripMs;

    // The reports' own loss since the sample before (RTCP's fraction lost), the worst
    // stream's among those that sent enough packets since for it to mean something, as sure
    // as those packets make it (lossSureOf).
    double fresh = -1;
    double freshSure = -1; // (what the thresholds below read)
    for (auto it = sample.reported.cbegin(); it != sample.reported.cend(); ++it) {
        const auto then = m_known.constFind(it.key());
        const qint64 sentSince = then == m_known.cend() ? it->sent : it->sent - then->sent;
        if (it->fractionLost >= 0 && sentSince >= MinPacketsForLoss) {
            fresh = std::max(fresh, std::clamp(it->fractionLost, 0.0, 1.0));
            freshSure = std::max(freshSure, lossSureOf(it->fractionLost, sentSince));
        }
    }
    // And the picture's packets the other side NACKed since the sample before, of those it
    // made: the loss within a round trip, while the reports are put off by the NACKs.
    double nackShare = -1;
    if (m_haveLast && sample.videoPackets >= 0 && m_last.videoPackets >= 0
        && sample.videoNacked >= 0 && m_last.videoNacked >= 0) {
        const qint64 made = sample.videoPackets - m_last.videoPackets;
        const qint64 nacked = sample.videoNacked - m_last.videoNacked;
        if (made >= 10)
            nackShare = std::clamp(double(nacked) / double(made), 0.0, 1.0);
    }
    // The same over the loss window: a loss that lasts, not a packet now and then.
    double nackWindowShare = -1;
    if (sample.videoPackets >= 0 && sample.videoNacked >= 0) {
        m_nackWindow.append({ sample.atMs, sample.videoPackets, sample.videoNacked });
        while (m_nackWindow.size() > 1 && sample.atMs - m_nackWindow.first().atMs > LossWindowMs)
            m_nackWindow.removeFirst();
        const qint64 made = m_nackWindow.last().made - m_nackWindow.first().made;
        if (made >= 20)
            nackWindowShare = std::clamp(
                double(m_nackWindow.last().nacked - m_nackWindow.first().nacked) / double(made),
                0.0, 1.0);
    }
    const double reportsFresh = fresh;
    // The NACKs stand for the loss only while the reports are put off (no report for
    // ReportsLateAfterMs): a receiver NACKs packets that are late, not lost (with the NACKs
    // always counted, 2 of 6 soak_callquality_cap runs at load 5-8 went to sound alone under
    // the cap; a receiver that guessed when the next packet was due NACKed arrivals on a
    // quiet loopback, MediaSession::start), and its reports, which come while it NACKs
    // little, count only what never came.
    if (fresh >= 0) {
        m_lastReportMs = sample.atMs;
        m_nackCuts = 0;
    }
    // (Not before the call's first report: in one soak_callquality_cap run with the NACKs
    // counted from the start, the answerer's 300 kbit/s picture went to sound alone at the
    // call's start with no loss in its reports, packets late rather than lost.)
    const bool reportsLate
        = m_lastReportMs >= 0 && sample.atMs - m_lastReportMs > ReportsLateAfterMs;
    if (!reportsLate) {
        nackShare = -1;
        nackWindowShare = -1;
    }
    fresh = std::max(fresh, nackShare);
    freshSure = std::max(freshSure, nackShare);

    // The loss over the last 5 s.
    // Each stream's last report (an RTP source keeps only one block per report, so a sample
    // may report one stream and the next another).
    for (auto it = sample.reported.cbegin(); it != sample.reported.cend(); ++it)
        m_known.insert(it.key(), it.value());
    if (!m_known.isEmpty()) {
        QualitySample known;
        known.atMs = sample.atMs;
        known.reported = m_known;
        known.videoBytesSent = sample.videoBytesSent;
        m_window.append(known);
    }
    while (m_window.size() > 1 && sample.atMs - m_window.first().atMs > LossWindowMs)
        m_window.removeFirst();
    double loss = -1; // over all streams: what the panel shows
    double worst = -1; // the worst stream's: what the steering follows
    double recent = -1; // the worst stream's in the last report alone
    double worstSure = -1; // and both as sure as their packets make them (lossSureOf)
    double recentSure = -1;
    if (m_window.size() > 1) {
        qint64 lost = 0, sent = 0;
        const auto &first = m_window.first().reported;
        const auto &last = m_window.last().reported;
        for (auto it = last.cbegin(); it != last.cend(); ++it) {
            const auto then = first.constFind(it.key());
            if (then == first.cend())
                continue;
            const qint64 streamLost = it->lost - then->lost;
            const qint64 streamSent = it->sent - then->sent;
            lost += streamLost;
            sent += streamSent;
            if (streamSent >= MinPacketsForLoss)
                keepWorse(streamLost, streamSent, worst, worstSure);
        }
        if (sent >= 10)
            loss = lostShare(lost, sent);
        // The last report's: what a cap does now, not diluted by the seconds before it.
        // Over the last MinPacketsForLoss packets of the stream at least: a still picture
        // makes 7 or so a half second, and samples come every half second after a report of heavy
        // loss; its loss of 40 % was never seen in one (tst_callquality on a quiet machine).
        for (auto it = last.cbegin(); it != last.cend(); ++it) {
            for (qsizetype at = m_window.size() - 2; at >= 0; --at) {
                const auto &before = m_window.at(at).reported;
                const auto then = before.constFind(it.key());
                if (then == before.cend())
                    break;
                const qint64 streamLost = it->lost - then->lost;
                const qint64 streamSent = it->sent - then->sent;
                if (streamSent < MinPacketsForLoss)
                    continue;
                keepWorse(streamLost, streamSent, recent, recentSure);
                break;
            }
        }
    }
    report.lossPercent = loss >= 0 ? loss * 100.0 : -1;
    if (worst < 0)
        worstSure = worst = loss;
    if (worst < 0) { // the call's first report
        worst = fresh;
        worstSure = freshSure;
    }

    // While the reports are put off, NACKs of more than NackCapShare of the picture's packets
    // are a cap's loss: the jitter buffer NACKs only the packets whose deadline has not
    // passed (bench_call, a document under an 800 kbit/s cap: 7-10 % of the packets NACKed
    // while 30-40 % were lost, the reports put off for 6 s), so the share is less than the
    // loss; each cut takes a quarter or so, again each NackHoldAfterCutMs while it lasts.
    // At most MaxNackCuts of them until a report comes: a random loss of 5 % is NACKed all
    // the time (its reports never come) and is no cap, and cut after cut took bench_call's
    // 5 % loss case to sound alone.
    const bool byNacks = nackShare > NackCapShare && nackShare >= std::max(recent, reportsFresh)
        && m_nackCuts < MaxNackCuts;

    double videoKbps = -1; // what the picture made since the last sample
    if (m_haveLast && sample.atMs > m_last.atMs) {
        const qint64 elapsed = sample.atMs - m_last.atMs;
        report.sendKbps = rateKbps(sample.bytesSent - m_last.bytesSent, elapsed);
        report.receiveKbps = rateKbps(sample.bytesReceived - m_last.bytesReceived, elapsed);
        const qint64 frames = sample.framesDecoded - m_last.framesDecoded;
        report.framesPerSecond = frames > 0 ? double(frames) * 1000.0 / double(elapsed) : 0.0;
        m_msAt[int(m_level)] += elapsed;
        if (sample.videoBytesSent >= 0 && m_last.videoBytesSent >= 0)
            videoKbps = rateKbps(sample.videoBytesSent - m_last.videoBytesSent, elapsed);
    }
    if (m_levelSinceMs < 0)
        m_levelSinceMs = sample.atMs;
    const bool picture = m_level != VideoLevel::AudioOnly;

    // The encoder's floor: the picture's rate over what it was asked for (the target of this
    // sample and of the one before: the encoder takes a moment to follow a cut), after the
    // keyframe of a new size. The smallest picture is the loss's to take away.
    const double targetBefore = m_targetKbps;
    bool overFloor = false;
    if (picture && m_level > VideoLevel::Low180 && videoKbps >= 0
        && sample.atMs - m_levelSinceMs >= 2000) {
        const double asked = std::max(targetBefore, m_previousTargetKbps);
        m_overTarget = videoKbps > asked * 1.25 ? m_overTarget + 1 : 0;
        if (m_overTarget >= 2
            || (m_overTarget >= 1 && (std::max(worstSure, freshSure) > 0.10 || byNacks))) {
            overFloor = true;
            // The lower of the last two intervals' rates: after a report of heavy loss an
            // interval can be half a second, and one keyframe in it made a floor that
            // 360p's target never cleared again (tst_callquality's cap test).
            m_floorKbps[int(m_level)]
                = m_lastVideoKbps > 0 ? std::min(videoKbps, m_lastVideoKbps) : videoKbps;
            m_floorAtMs[int(m_level)] = sample.atMs;
        }
    }

    // The target follows the loss the other side reports.
    // Cuts follow the loss now (the last report's, or the reports' own since the sample
    // before), not one the window still remembers.
    double lossNow = std::max(recent, fresh);
    double lossNowSure = std::max(recentSure, freshSure);
    if (lossNow < 0) {
        lossNow = worst;
        lossNowSure = worstSure;
    }
    // The reports that follow a cut are about the seconds before it: they cut again only
    // when they show more loss than the cut was made from (it came from a report about a
    // second the cap bit only part of, and every picture that loses a packet is lost).
    // The NACKs are about this interval's packets (within a round trip), not the second
    // before: when they show the heavy loss, the cut is made from this interval's rate, and
    // a loss that goes on NackHoldAfterCutMs after a cut (the encoder follows a cut within a
    // second) cuts again.
    const bool holding = m_lastDeliveredCutMs >= 0
        && sample.atMs - m_lastDeliveredCutMs < (byNacks ? NackHoldAfterCutMs : HoldAfterCutMs)
        && lossNow <= m_lossAtCut + 0.05;
    // A try above the capacity (its memory past) that finds a loss lasting over the window.
    const bool lossyAboveCapacity = picture && m_capacityKbps > 0 && m_capacityAtMs >= 0
        && m_targetKbps > m_capacityKbps && lossNow > 0.02
        && std::max(worst, nackWindowShare) > 0.02;
    if ((lossNowSure > 0.10 || byNacks) && picture && videoKbps > 0 && !holding) {
        // A cap: what got through is the link's capacity; go under it at once.
        // What got through: over the loss window (its rate and its loss, the seconds before
        // the loss began included: too high at first) and over the last second (its loss
        // with the rate of the second before, which the report is about: too low after a
        // burst). The cut goes to 80 % of the higher; the lower is kept as the capacity that
        // stops the target growing (it never lowers the target by itself).
        const double lastSecond
            = (byNacks || m_lastVideoKbps <= 0 ? videoKbps : m_lastVideoKbps) * (1.0 - lossNow);
        double overWindow = lastSecond;
        const double windowLoss = byNacks ? std::max(worst, nackShare) : worst;
        // (the NACKs can show a loss before the call's first report: no window yet)
        if (m_window.size() > 1 && m_window.first().videoBytesSent >= 0
            && sample.videoBytesSent >= 0 && sample.atMs > m_window.first().atMs
            && windowLoss >= 0) {
            const QualitySample &from = m_window.first();
            overWindow
                = rateKbps(sample.videoBytesSent - from.videoBytesSent, sample.atMs - from.atMs)
                * (1.0 - windowLoss);
        }
        // The capacity is also no more than this interval's rate times the loss now: the
        // burst at a call's start (2 Mbit/s in its first second, mostly lost) made both
        // estimates above too high, and the target grew back over the cap (bench_call).
        const double delivered = std::min({ lastSecond, overWindow, videoKbps * (1.0 - lossNow) });
        // (what the NACKs show is this interval's: its rate, not the window's)
        const double cutTo = byNacks ? 0.8 * lastSecond : 0.75 * std::max(lastSecond, overWindow);
        // The same link found again after trying above it: wait twice as long before the
        // next try (up to 2 min); another link: from the start.
        const bool sameLink = m_capacityKbps > 0 && delivered > 0.75 * m_capacityKbps
            && delivered < 1.25 * m_capacityKbps;
        m_capacityMemoryMs
            = sameLink && m_capacityAtMs >= 0 && sample.atMs - m_capacityAtMs >= m_capacityMemoryMs
            ? std::min(2 * m_capacityMemoryMs, MaxCapacityMemoryMs)
            : sameLink ? m_capacityMemoryMs
                       : CapacityMemoryMs;
        m_capacityKbps = delivered;
        m_capacityAtMs = sample.atMs;
        m_lastDeliveredCutMs = sample.atMs;
        m_lossAtCut = lossNow;
        if (byNacks)
            ++m_nackCuts;
        // At most half the target in one cut: a burst at a call's start (the picture
        // queued while the call connected) can lose most of a second's packets, and a cut
        // to what got through then took the call to sound alone for 14 s (bench_call).
        // (a NACKed share is less than the loss: the cut goes to cutTo)
        m_targetKbps = std::max<double>({ MinKbps, 0.5 * m_targetKbps,
            byNacks ? std::min(m_targetKbps, cutTo)
                    : std::min(m_targetKbps * (1.0 - lossNow / 2.0), cutTo) });
    } else if (lossyAboveCapacity && !holding) {
        // A try above the capacity that finds loss, too little for a cap's cut (the rate a
        // little over the link's: a few percent lost, for as long as the try lasts; over the
        // loss window too, not a packet lost now and then): the same link; back under it,
        // and the next try waits twice as long.
        if (sample.atMs - m_capacityAtMs >= m_capacityMemoryMs)
            m_capacityMemoryMs = std::min(2 * m_capacityMemoryMs, MaxCapacityMemoryMs);
        m_capacityAtMs = sample.atMs;
        m_lastDeliveredCutMs = sample.atMs;
        m_lossAtCut = lossNow;
        m_targetKbps = std::max<double>(MinKbps, 0.9 * m_capacityKbps);
    } else if (worstSure > 0.05) {
        if (!holding && lossNowSure > 0.05)
            m_targetKbps = std::max<double>(MinKbps, m_targetKbps * (1.0 - worst / 2.0));
    } else if (worst >= 0 && worst < 0.02 && fresh < 0.02
        && (sample.roundTripMs < 0 || sample.roundTripMs < 300)) {
        double grown = std::min(m_maxKbps, m_targetKbps * 1.06 + 1.0);
        if (m_capacityAtMs >= 0 && sample.atMs - m_capacityAtMs < m_capacityMemoryMs)
            grown = std::min(grown, std::max(m_targetKbps, 0.9 * m_capacityKbps));
        m_targetKbps = grown;
    }
    m_previousTargetKbps = targetBefore;
    m_lastVideoKbps = videoKbps;

    // The level: down at once, up after StepUpAfterMs above the next threshold; not back to
    // a size whose floor the target does not clear.
    VideoLevel wanted = levelFor(m_targetKbps);
    if (overFloor)
        wanted = std::min(wanted, VideoLevel(int(m_level) - 1));
    while (wanted > VideoLevel::Low180 && m_floorAtMs[int(wanted)] >= 0
        && sample.atMs - m_floorAtMs[int(wanted)] < FloorMemoryMs
        && m_targetKbps < 1.1 * m_floorKbps[int(wanted)])
        wanted = VideoLevel(int(wanted) - 1);
    if (wanted < m_level) {
        setLevel(wanted, sample.atMs);
    } else if (wanted > m_level) {
        if (m_aboveSinceMs < 0)
            m_aboveSinceMs = sample.atMs;
        if (sample.atMs - m_aboveSinceMs >= StepUpAfterMs)
            setLevel(wanted, sample.atMs);
    } else {
        m_aboveSinceMs = -1;
    }

    if (sample.roundTripMs >= 0) {
        m_rttSum += sample.roundTripMs;
        ++m_rttCount;
    }
    m_maxLossPercent = std::max(m_maxLossPercent, report.lossPercent);
    if (report.sendKbps >= 0) {
        m_sendKbpsSum += report.sendKbps;
        m_fpsSum += report.framesPerSecond;
        ++m_rateCount;
    }

    m_last = sample;
    m_haveLast = true;
    report.targetKbps = targetKbps();
    report.level = m_level;
    return report;
}

QJsonObject QualitySteering::summary() const
{
    QJsonObject seconds;
    for (VideoLevel level :
        { VideoLevel::High720, VideoLevel::Standard360, VideoLevel::Low180, VideoLevel::AudioOnly })
        seconds.insert(QLatin1String(levelName(level)), double(m_msAt[int(level)]) / 1000.0);
    return {
        { QStringLiteral("secondsAt"), seconds },
        { QStringLiteral("levelChanges"), m_levelChanges },
        { QStringLiteral("finalLevel"), QLatin1String(levelName(m_level)) },
        { QStringLiteral("meanRoundTripMs"), m_rttCount ? m_rttSum / m_rttCount : -1.0 },
        { QStringLiteral("maxLossPercent"), m_maxLossPercent },
        { QStringLiteral("meanSendKbps"), m_rateCount ? m_sendKbpsSum / m_rateCount : 0.0 },
        { QStringLiteral("meanFramesPerSecond"), m_rateCount ? m_fpsSum / m_rateCount : 0.0 },
    };
}

} // namespace Tongban::Assist
