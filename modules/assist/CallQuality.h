#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>

namespace Tongban::Assist {

/// What the call sends of its picture (issue 15): stepped down when the network is poor.
enum class VideoLevel {
    AudioOnly = 0, ///< no picture sent: below 150 kbit/s the sound alone goes through
    /// half the size of Standard360 (320 x 180): when the encoder cannot make 360p as small
    /// as the network needs (a picture of fine detail), or a low target on a fast call
    Low180,
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
        /// The worst share of its packets lost that the reports since the sample before
        /// give (RTCP's "fraction lost": since the other side's report before), 0 to 1;
        /// below 0 no report came since: a report's own figure, known from the first
        /// report of a call, not a difference of two.
        double fractionLost = -1;
    };
    QMap<quint32, Stream> reported;
    qint64 bytesSent = 0; ///< RTP bytes sent so far, all streams
    /// This side's picture as the payloader makes it (before the network), so far; below 0
    /// unknown: what the encoder really makes, against what it was asked for.
    qint64 videoBytesSent = -1;
    /// This side's picture: its RTP packets as the payloader made them so far (before the
    /// network), and how many of them the other side asked for again so far (RTCP NACK,
    /// each packet once: RtcpFeedback.h); below 0 unknown. Their share since the sample before
    /// is the picture's loss within a round trip, when the receiver reports are put off.
    qint64 videoPackets = -1;
    qint64 videoNacked = -1;
    qint64 bytesReceived = 0; ///< RTP bytes received so far, all streams
    qint64 framesDecoded = 0; ///< the other side's pictures decoded so far
};

/*!
 * What the quality panel shows, once a second. Unknown values are negative: the rates and the
 * frame rate are over the time since the report before, so the first report of a call has
 * none (the panel shows "measuring" there, not 0).
 */
struct QualityReport
{
    double roundTripMs = -1;
    double lossPercent = -1;
    double sendKbps = -1;
    double receiveKbps = -1;
    double framesPerSecond = -1;
    int targetKbps = 0; ///< what the video encoder is asked for now
    VideoLevel level = VideoLevel::Standard360;
};

/*!
 * Steers the call's picture from what the network does (issue 15, "Quality and
 * adaptation"), as a pure function of the samples it is given, so that it is tested
 * without a network:
 *
 * - The loss is the share of the packets sent in the last 3 s that the other side's
 *   receiver reports count as lost (reports come about twice a second). The panel shows
 * it over all streams; the steering takes the worst stream (the picture's loss is not diluted by
 *   the sound's clean packets). The loss now is the worst of the last report's (against the
 *   report before) and the reports' own "fraction lost" since the sample before: the
 *   first report of a call counts, and a sample taken at once after a report of heavy loss
 *   (MediaSession) acts on it; while that is over 2 % the target does not grow.
 * - The video target follows that loss: above 5 % loss it is cut by half the loss; above
 *   10 % (a cap: what does not fit is dropped) it is cut at once to 80 % of what got
 *   through (the picture's rate times one minus the loss: over the loss window or over
 *   the last report, the higher; the lower is kept as the capacity), but to no less than
 *   half the target in one cut,
 *   at most once in HoldAfterCutMs (the reports that follow a cut are about the seconds
 *   before it) unless a report shows more loss than the cut was made from (by 5 points: the
 *   cut came from a report about a second the cap bit only part of; the picture freezes
 *   until the rate is under the cap, issue 15), and that
 *   delivered rate is kept as the link's capacity: for CapacityMemoryMs the target grows
 *   to 90 % of it and no further. After that the target grows past it (a try: the link
 *   may have got faster); when the try finds the same capacity again (within 25 %), the
 *   next try waits twice as long, up to MaxCapacityMemoryMs (20, 40, 80, 120 s). Below 2 % loss
 * (and a round trip under 300 ms) it grows by 6 % a second, between the two it holds. It stays
 * between 100 kbit/s and the ceiling.
 * - While the other side's reports are put off (none for ReportsLateAfterMs: each of its
 *   NACKs puts the next off, RTPSession under WebRTC's profile), the picture's packets it
 *   NACKed since the sample before stand for the loss: over NackCapShare is a cap (the jitter
 *   buffer NACKs only a part of what a cap drops), cut to 80 % of the interval's rate times
 *   the share not NACKed, again after NackHoldAfterCutMs, at most MaxNackCuts times until a
 *   report comes (random loss is NACKed all the time). Not before the call's first report.
 * - A try above the capacity that finds a lasting loss of over 2 % (over the loss window)
 *   goes back to 90 % of the capacity, and the next try waits twice as long.
 * - The level follows the target: 720p from 900 kbit/s (where the call started at 720p),
 *   360p from 150 kbit/s (from lowFromKbps() on a call above 300 kbit/s, 180p below it),
 *   sound alone below 150 kbit/s.
 * - The encoder's floor: a picture of fine detail (noise, a busy scene) cannot be made as
 *   small as asked at a size (vp8enc at 360p 15 fps on noise makes about 1,000 kbit/s
 *   whatever it is asked). When the picture's rate stays 25 % over the target (two
 *   samples, or one while more than 10 % is lost), the picture steps down one size (not to
 *   sound alone: that is the loss's to decide) and the rate it made there is kept as that
 *   size's floor: the picture goes back to that size only once the target is 10 % above
 *   the floor, which proves the link carries it (for FloorMemoryMs, 5 min, after which the
 *   size is tried again: the picture may have become simpler; until then a picture that
 *   did become simpler stays at the smaller size).
 * - Stepping down is at once; stepping up waits until the target has stayed above the
 *   level's threshold for 5 s, so that a network at the edge does not flicker between two
 *   sizes, and then goes to the level the target allows.
 * - In sound alone the sound's loss stands for the network: the target goes on growing
 *   while sound gets through, and the picture comes back.
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

    /// Takes the next sample (at most one a second is expected); returns what to show (the
    /// first sample's rates unknown: there is no time to measure them over yet).
    QualityReport add(const QualitySample &sample);

    VideoLevel level() const { return m_level; }
    int targetKbps() const { return int(m_targetKbps); }
    /// The link's capacity as the last cut under heavy loss measured it; 0 unknown.
    int capacityKbps() const { return int(m_capacityKbps); }
    /// Below this target the picture goes at 180p: 300 kbit/s, or never (150) on a call
    /// whose own rate is 300 kbit/s or less.
    int lowFromKbps() const;
    /*!
     * The watchdog, as often as wanted: the other side's decoded frames and audio buffers
     * (\a mediaReceived) and data channel heartbeats so far, at \a atMs. Returns how long it
     * has been silent (neither moved); 0 before it ever sent anything.
     */
    qint64 watch(qint64 atMs, qint64 mediaReceived, qint64 heartbeatsReceived);
    qint64 peerSilentMs() const { return m_silentMs; }

    static constexpr int MinKbps = 100;
    static constexpr int AudioOnlyBelowKbps = 150;
    static constexpr int LowBelowKbps = 300;
    static constexpr int HighFromKbps = 900;
    static constexpr qint64 StepUpAfterMs = 5000;
    static constexpr qint64 LossWindowMs = 3000;
    static constexpr qint64 HoldAfterCutMs = 2000;
    /// The hold when the NACKs show the loss (they are about the packets of the last
    /// interval, not of the second before): the encoder follows a cut within a second.
    static constexpr qint64 NackHoldAfterCutMs = 1000;
    /// The NACKs count as the picture's loss once no report came for this long (they come
    /// about twice a second; each NACK puts the next off).
    static constexpr qint64 ReportsLateAfterMs = 1200;
    /// Cuts on NACKs alone until a report comes again.
    static constexpr int MaxNackCuts = 2;
    /// The share of the picture's packets NACKed that is a cap's loss while the reports are
    /// put off (the NACKs are a part of the loss only).
    static constexpr double NackCapShare = 0.03;
    /// The loss now is read over at least this many of a stream's packets (walking back
    /// through the reports as far as it takes), and discounted by its uncertainty over them:
    /// a packet or two lost by chance of a few is no cap (a 180p picture sends 10-15 a half
    /// second).
    static constexpr qint64 MinPacketsForLoss = 20;
    static constexpr qint64 PeerDeadAfterMs = 4000;
    static constexpr qint64 CapacityMemoryMs = 20000;
    static constexpr qint64 MaxCapacityMemoryMs = 120000;
    static constexpr qint64 FloorMemoryMs = 300000;

    /// The summary kept with the call: seconds per level, round trip, loss, rates, changes.
    QJsonObject summary() const;

private:
    VideoLevel levelFor(double kbps) const;
    void setLevel(VideoLevel level, qint64 atMs);

    VideoLevel m_ceiling;
    double m_maxKbps;
    double m_targetKbps;
    VideoLevel m_level;
    QualitySample m_last;
    bool m_haveLast = false;
    /// The samples of the last 5 s with a loss report (sent, lost), oldest first.
    QList<QualitySample> m_window;
    /// The picture's packets made and NACKed so far, over the loss window (atMs, made, nacked).
    struct NackCount
    {
        qint64 atMs;
        qint64 made;
        qint64 nacked;
    };
    QList<NackCount> m_nackWindow;
    QMap<quint32, QualitySample::Stream> m_known; ///< each stream's last report
    qint64 m_aboveSinceMs = -1; ///< when the target first allowed the next level up
    qint64 m_lastHeardMs = -1; ///< when media or a heartbeat last arrived
    qint64 m_watchedMedia = 0;
    qint64 m_watchedBeats = 0;
    qint64 m_silentMs = 0;
    // The network's capacity and the encoder's floors.
    double m_capacityKbps = 0; ///< what got through at the last cut under heavy loss
    qint64 m_capacityAtMs = -1;
    qint64 m_capacityMemoryMs = CapacityMemoryMs; ///< doubled each time the same link is found
    qint64 m_lastDeliveredCutMs = -1;
    double m_lossAtCut = 0; ///< the loss the last cut under heavy loss was made from
    qint64 m_lastReportMs = -1; ///< the last sample with a report's own loss ("fraction lost")
    int m_nackCuts = 0; ///< cuts on NACKs alone since that report
    qint64 m_levelSinceMs = -1; ///< when the current level began
    int m_overTarget = 0; ///< samples in a row the picture's rate was over the target
    double m_previousTargetKbps = 0;
    double m_lastVideoKbps = -1; ///< the picture's rate at the sample before
    double m_floorKbps[4] = { 0, 0, 0, 0 }; ///< per level: the rate it could not go below
    qint64 m_floorAtMs[4] = { -1, -1, -1, -1 };

    // The summary.
    qint64 m_msAt[4] = { 0, 0, 0, 0 };
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
