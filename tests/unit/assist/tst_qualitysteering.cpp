// The call's picture steered from the network (issue 15, "Quality and adaptation"), without a
// network: QualitySteering fed one sample a second by a small model of an encoder and a link.
// The encoder makes the target it is asked for, but never less than its floor at the size it
// sends (vp8enc on a picture of noise: about 1,050 kbit/s at 360p, 260 at 180p); the link lets
// through its cap and drops the rest, which the next second's receiver report counts.

#include <assist/CallQuality.h>

#include <QTest>

#include <algorithm>

using Tongban::Assist::QualitySample;
using Tongban::Assist::QualitySteering;
using Tongban::Assist::VideoLevel;

namespace {

constexpr quint32 VideoSsrc = 0x1111;
constexpr quint32 AudioSsrc = 0x2222;

struct Link
{
    QualitySteering steering { VideoLevel::Standard360, 1200 };
    double floor360 = 1050;
    double floor180 = 260;
    int capKbps = 0; ///< 0: no cap
    double randomLoss = 0; ///< share of the picture's packets lost whatever the rate
    qint64 atMs = 0;
    qint64 videoBytes = 0;
    qint64 videoPackets = 0;
    qint64 videoLost = 0;
    qint64 audioPackets = 0;
    QualitySample::Stream reportedVideo; ///< what the last receiver report said (1 s late)
    QualitySample::Stream reportedAudio;
    double lastMadeKbps = 0;
    QList<VideoLevel> levels;

    /// One second: the encoder makes its picture, the link drops what is over the cap.
    void second()
    {
        const VideoLevel level = steering.level();
        double made = 0;
        if (level != VideoLevel::AudioOnly) {
            const double floor = level == VideoLevel::Low180 ? floor180 : floor360;
            made = std::max(floor, double(steering.targetKbps()));
        }
        lastMadeKbps = made;
        const qint64 packets = qint64(made / 10); // 10 kbit a packet
        qint64 lost = 0;
        if (capKbps > 0 && made > capKbps)
            lost = qint64((made - capKbps) / 10);
        lost += qint64(double(packets - lost) * randomLoss);
        atMs += 1000;
        videoBytes += qint64(made * 1000 / 8);
        // the report that arrives now is about the second before
        reportedVideo = { videoPackets, videoLost };
        reportedAudio = { audioPackets, 0 };
        videoPackets += packets - lost; // netsim sits before the session: it never sees them
        videoLost += lost;
        audioPackets += 50;
        QualitySample sample;
        sample.atMs = atMs;
        sample.roundTripMs = 2;
        sample.reported.insert(VideoSsrc, reportedVideo);
        sample.reported.insert(AudioSsrc, reportedAudio);
        sample.bytesSent = videoBytes;
        sample.videoBytesSent = videoBytes;
        const VideoLevel before = steering.level();
        const auto report = steering.add(sample);
        if (qEnvironmentVariableIsSet("TONGBAN_TRACE"))
            qInfo("%lld s: made %.0f lost %lld target %d level %d loss %.1f", atMs / 1000, made,
                lost, report.targetKbps, int(report.level), report.lossPercent);
        if (steering.level() != before)
            levels.append(steering.level());
    }
};

} // namespace

class TestQualitySteering : public QObject
{
    Q_OBJECT

private slots:
    void aCapTheEncoderCannotMeetAt360pStepsTo180pNotToSoundAlone();
    void thePictureComesBackTo360pOnceTheCapIsLifted();
    void aPictureThatMeetsItsTargetStaysAt360pUnderTheCap();
    void aLittleRandomLossDoesNotCutToWhatGotThrough();
};

void TestQualitySteering::aCapTheEncoderCannotMeetAt360pStepsTo180pNotToSoundAlone()
{
    // GIVEN a 360p call at 1,200 kbit/s whose encoder cannot make 360p below 1,050 kbit/s
    Link link;
    for (int i = 0; i < 5; ++i)
        link.second();
    QCOMPARE(link.steering.level(), VideoLevel::Standard360);

    // WHEN the link lets through 800 kbit/s, for two minutes
    link.capKbps = 800;
    int underFrom = -1;
    int overAfter = 0;
    int firstOverAfter = -1;
    for (int second = 1; second <= 120; ++second) {
        link.second();
        const bool over = link.lastMadeKbps > link.capKbps;
        if (underFrom < 0 && !over)
            underFrom = second;
        else if (underFrom > 0 && over && ++overAfter == 1)
            firstOverAfter = second;
    }

    // THEN the picture steps down to 180p within a few seconds and stays under the cap but
    // for the tries of the link above its capacity (20 s after the cut, then 40 s, 80 s:
    // up to 4 s over the cap each, not more often); the sound alone is never needed, and
    // 360p is not tried again while its floor is known
    QVERIFY2(underFrom > 0 && underFrom <= 8, qPrintable(QString::number(underFrom)));
    QVERIFY2(firstOverAfter < 0 || firstOverAfter - underFrom >= 18,
        qPrintable(QString::number(firstOverAfter)));
    QVERIFY2(overAfter <= 12, qPrintable(QString::number(overAfter)));
    QCOMPARE(link.steering.level(), VideoLevel::Low180);
    QCOMPARE(link.levels, QList<VideoLevel> { VideoLevel::Low180 });
    QVERIFY(link.steering.targetKbps() <= 800);
    QVERIFY(link.steering.capacityKbps() > 0 && link.steering.capacityKbps() <= 850);
}

void TestQualitySteering::thePictureComesBackTo360pOnceTheCapIsLifted()
{
    // GIVEN the call of the test before, down at 180p under the cap
    Link link;
    link.capKbps = 800;
    for (int i = 0; i < 15; ++i)
        link.second();
    QCOMPARE(link.steering.level(), VideoLevel::Low180);

    // WHEN the cap is lifted
    link.capKbps = 0;
    int back = -1;
    for (int second = 1; second <= 60 && back < 0; ++second) {
        link.second();
        if (link.steering.level() == VideoLevel::Standard360)
            back = second;
    }

    // THEN 360p comes back once the measured capacity is forgotten (20 s after the last cut)
    // and the target has stayed above 360p's floor for 5 s
    QVERIFY2(back > 0 && back <= 40, qPrintable(QString::number(back)));
    QVERIFY(link.steering.targetKbps() >= 1.1 * link.floor360);
}

void TestQualitySteering::aPictureThatMeetsItsTargetStaysAt360pUnderTheCap()
{
    // GIVEN a 360p call whose picture (a page under the camera) the encoder makes at any
    // rate it is asked
    Link link;
    link.floor360 = 100;
    link.floor180 = 50;
    for (int i = 0; i < 5; ++i)
        link.second();

    // WHEN the link lets through 800 kbit/s
    link.capKbps = 800;
    int underFrom = -1;
    int overAfter = 0;
    int firstOverAfter = -1;
    for (int second = 1; second <= 60; ++second) {
        link.second();
        const bool over = link.lastMadeKbps > link.capKbps;
        if (underFrom < 0 && !over)
            underFrom = second;
        else if (underFrom > 0 && over && ++overAfter == 1)
            firstOverAfter = second;
    }

    // THEN the target goes under the cap at once, at 360p, but for a try above it 20 s later
    QVERIFY2(underFrom > 0 && underFrom <= 6, qPrintable(QString::number(underFrom)));
    QVERIFY2(firstOverAfter < 0 || firstOverAfter - underFrom >= 18,
        qPrintable(QString::number(firstOverAfter)));
    QVERIFY2(overAfter <= 4, qPrintable(QString::number(overAfter)));
    QCOMPARE(link.steering.level(), VideoLevel::Standard360);
    QVERIFY(link.levels.isEmpty());
    QVERIFY(link.steering.targetKbps() >= 600); // not cut far below what the link carries
}

void TestQualitySteering::aLittleRandomLossDoesNotCutToWhatGotThrough()
{
    // GIVEN a 360p call at 1,200 kbit/s whose encoder meets its target
    Link link;
    link.floor360 = 100;

    // WHEN 7 % of the picture is lost at random (not a cap)
    link.randomLoss = 0.07;
    for (int i = 0; i < 4; ++i)
        link.second();

    // THEN the target is cut by half the loss a second, not at once to what got through,
    // and no capacity is remembered
    QVERIFY2(
        link.steering.targetKbps() > 1000, qPrintable(QString::number(link.steering.targetKbps())));
    QCOMPARE(link.steering.capacityKbps(), 0);
    QCOMPARE(link.steering.level(), VideoLevel::Standard360);
}

QTEST_GUILESS_MAIN(TestQualitySteering)
#include "tst_qualitysteering.moc"
