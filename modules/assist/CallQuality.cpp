#include "CallQuality.h"

#include <QJsonArray>

#include <algorithm>

namespace Tongban::Assist {

namespace {

const char *levelName(VideoLevel level)
{
    switch (level) {
    case VideoLevel::AudioOnly:
        return "audio";
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

} // namespace

QualitySteering::QualitySteering(VideoLevel ceiling, int maxKbps)
    : m_ceiling(ceiling)
    , m_maxKbps(std::max(maxKbps, MinKbps))
    , m_targetKbps(m_maxKbps)
    , m_level(ceiling)
{ }

VideoLevel QualitySteering::levelFor(double kbps) const
{
    VideoLevel level = VideoLevel::AudioOnly;
    if (kbps >= HighFromKbps)
        level = VideoLevel::High720;
    else if (kbps >= AudioOnlyBelowKbps)
        level = VideoLevel::Standard360;
    return std::min(level, m_ceiling);
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

    // The loss over the last 5 s.
    // Each stream's last report (an RTP source keeps only one block per report, so a sample
    // may report one stream and the next another).
    for (auto it = sample.reported.cbegin(); it != sample.reported.cend(); ++it)
        m_known.insert(it.key(), it.value());
    if (!m_known.isEmpty()) {
        QualitySample known;
        known.atMs = sample.atMs;
        known.reported = m_known;
        m_window.append(known);
    }
    while (m_window.size() > 1 && sample.atMs - m_window.first().atMs > LossWindowMs)
        m_window.removeFirst();
    double loss = -1;
    if (m_window.size() > 1) {
        qint64 lost = 0, sent = 0;
        const auto &first = m_window.first().reported;
        const auto &last = m_window.last().reported;
        for (auto it = last.cbegin(); it != last.cend(); ++it) {
            const auto then = first.constFind(it.key());
            if (then == first.cend())
                continue;
            lost += it->lost - then->lost;
            sent += it->sent - then->sent;
        }
        if (sent >= 10)
            loss = std::clamp(double(lost) / double(sent + std::max<qint64>(lost, 0)), 0.0, 1.0);
    }
    report.lossPercent = loss >= 0 ? loss * 100.0 : -1;

    if (m_haveLast) {
        const qint64 elapsed = sample.atMs - m_last.atMs;
        report.sendKbps = rateKbps(sample.bytesSent - m_last.bytesSent, elapsed);
        report.receiveKbps = rateKbps(sample.bytesReceived - m_last.bytesReceived, elapsed);
        const qint64 frames = sample.framesDecoded - m_last.framesDecoded;
        report.framesPerSecond
            = elapsed > 0 && frames > 0 ? double(frames) * 1000.0 / double(elapsed) : 0.0;
        if (elapsed > 0)
            m_msAt[int(m_level)] += elapsed;
    }

    // The target follows the loss the other side reports.
    if (loss > 0.05) {
        m_targetKbps = std::max<double>(MinKbps, m_targetKbps * (1.0 - loss / 2.0));
    } else if (loss >= 0 && loss < 0.02 && (sample.roundTripMs < 0 || sample.roundTripMs < 300)) {
        m_targetKbps = std::min(m_maxKbps, m_targetKbps * 1.06 + 1.0);
    }

    // The level: down at once, up after StepUpAfterMs above the next threshold.
    const VideoLevel wanted = levelFor(m_targetKbps);
    if (wanted < m_level) {
        m_level = wanted;
        m_aboveSinceMs = -1;
        ++m_levelChanges;
    } else if (wanted > m_level) {
        if (m_aboveSinceMs < 0)
            m_aboveSinceMs = sample.atMs;
        if (sample.atMs - m_aboveSinceMs >= StepUpAfterMs) {
            m_level = VideoLevel(int(m_level) + 1); // one step at a time
            m_aboveSinceMs = -1;
            ++m_levelChanges;
        }
    } else {
        m_aboveSinceMs = -1;
    }

    if (sample.roundTripMs >= 0) {
        m_rttSum += sample.roundTripMs;
        ++m_rttCount;
    }
    m_maxLossPercent = std::max(m_maxLossPercent, report.lossPercent);
    if (m_haveLast) {
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
    for (VideoLevel level : { VideoLevel::High720, VideoLevel::Standard360, VideoLevel::AudioOnly })
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
