#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>

namespace Tongban::Assist {

/// What the call sends of its picture (issue 15): stepped down when the network is poor.
enum class VideoLevel {
    AudioOnly = 0, ///< no picture sent: below 150 kbit/s the sound alone goes through
    Standard360, ///< 640 x 360
    High720, ///< 1280 x 720
};

/*!
 * One reading of the call's statistics, once a second (webrtcbin's get-stats and the
 * session's own counters). Unknown values are negative.
 */
struct QualitySample
{
    qint64 atMs = 0; ///< a monotonic time
    double roundTripMs = -1; ///< from the other side's receiver reports (RTCP)
    /// Per stream this side sends (its SSRC): packets sent so far, and lost so far as the
    /// other side's last receiver report about it says (RTCP; below 0 with duplicates).
    /// Only streams with a report are here.
    struct Stream
    {
        qint64 sent = 0;
        qint64 lost = 0;
    };
    QMap<quint32, Stream> reported;
    qint64 bytesSent = 0; ///< RTP bytes sent so far, all streams
    qint64 bytesReceived = 0; ///< RTP bytes received so far, all streams
    qint64 framesDecoded = 0; ///< the other side's pictures decoded so far
};

/// What the quality panel shows, once a second.
struct QualityReport
{
    double roundTripMs = -1;
    double lossPercent = -1;
    double sendKbps = 0;
    double receiveKbps = 0;
    double framesPerSecond = 0;
    int targetKbps = 0; ///< what the video encoder is asked for now
    VideoLevel level = VideoLevel::Standard360;
};

/*!
 * Steers the call's picture from what the network does (issue 15, "Quality and
 * adaptation"), as a pure function of the samples it is given, so that it is tested
 * without a network:
 *
 * - The loss is the share of the packets sent in the last 3 s that the other side's
 *   receiver reports count as lost (reports come every second), over the streams both
 *   ends of that window have a report of.
 * - The video target follows that loss: above 5 % loss it is cut
 *   by half the loss, below 2 % (and a round trip under 300 ms) it grows by 6 % a
 *   second, between the two it holds. It stays between 100 kbit/s and the ceiling.
 * - The level follows the target: 720p from 900 kbit/s (where the call started at 720p),
 *   360p from 150 kbit/s, sound alone below. Stepping down is at once; stepping up waits
 *   until the target has stayed above the level's threshold for 5 s, so that a network at
 *   the edge does not flicker between two sizes.
 * - In sound alone the sound's loss stands for the network: the target goes on growing
 *   while sound gets through, and the picture comes back at 360p.
 *
 * The watchdog (watch()): a peer that sent nothing (no media decoded, no heartbeat) for 4 s
 * after having sent something is dead; checked four times a second, that is seen within 5 s
 * of its last packet.
 */
class QualitySteering
{
public:
    /// \a ceiling: the level the call starts at (its configured size); \a maxKbps its rate.
    QualitySteering(VideoLevel ceiling, int maxKbps);

    /// Takes the next sample (at most one a second is expected); returns what to show.
    QualityReport add(const QualitySample &sample);

    VideoLevel level() const { return m_level; }
    int targetKbps() const { return int(m_targetKbps); }
    /*!
     * The watchdog, as often as wanted: the other side's decoded frames and audio buffers
     * (\a mediaReceived) and data channel heartbeats so far, at \a atMs. Returns how long it
     * has been silent (neither moved); 0 before it ever sent anything.
     */
    qint64 watch(qint64 atMs, qint64 mediaReceived, qint64 heartbeatsReceived);
    qint64 peerSilentMs() const { return m_silentMs; }

    static constexpr int MinKbps = 100;
    static constexpr int AudioOnlyBelowKbps = 150;
    static constexpr int HighFromKbps = 900;
    static constexpr qint64 StepUpAfterMs = 5000;
    static constexpr qint64 LossWindowMs = 3000;
    static constexpr qint64 PeerDeadAfterMs = 4000;

    /// The summary kept with the call: seconds per level, round trip, loss, rates, changes.
    QJsonObject summary() const;

private:
    VideoLevel levelFor(double kbps) const;

    VideoLevel m_ceiling;
    double m_maxKbps;
    double m_targetKbps;
    VideoLevel m_level;
    QualitySample m_last;
    bool m_haveLast = false;
    /// The samples of the last 5 s with a loss report (sent, lost), oldest first.
    QList<QualitySample> m_window;
    QMap<quint32, QualitySample::Stream> m_known; ///< each stream's last report
    qint64 m_aboveSinceMs = -1; ///< when the target first allowed the next level up
    qint64 m_lastHeardMs = -1; ///< when media or a heartbeat last arrived
    qint64 m_watchedMedia = 0;
    qint64 m_watchedBeats = 0;
    qint64 m_silentMs = 0;

    // The summary.
    qint64 m_msAt[3] = { 0, 0, 0 };
    int m_levelChanges = 0;
    double m_rttSum = 0;
    int m_rttCount = 0;
    double m_maxLossPercent = 0;
    double m_sendKbpsSum = 0;
    double m_fpsSum = 0;
    int m_rateCount = 0;
};

} // namespace Tongban::Assist

Q_DECLARE_METATYPE(Tongban::Assist::QualityReport)
