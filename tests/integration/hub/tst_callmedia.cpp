// Assist::MediaSession: the media of a call, two GStreamer webrtcbin peers on loopback whose
// offer, answer and ICE candidates travel as call.offer / call.answer / call.ice over real
// WebSockets through the in-process tongban-hub (docs/platform-api.md §11), exactly as the
// workstation wires them (bindToCall). The application window sends frames pushed the way its
// HD camera pushes them; the home window sends GStreamer's test pattern. Both send a test tone.

#include "CallWindow.h"
#include "InProcessHub.h"

#include <assist/MediaSession.h>

#include <QElapsedTimer>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Tongban;
using Assist::CallSignalling;
using Assist::MediaOptions;
using Assist::MediaSession;

namespace {
const QString AppWindow = QStringLiteral("410402-tb-03");
const QString HomeWindow = QStringLiteral("410402-tb-01");
const QString Item = QStringLiteral("41040201012001000"); // home jurisdiction 410402
const QSize Size(320, 240);

/// A window in a call, and its media once the call is active.
struct Window : CallWindow
{
    std::unique_ptr<MediaSession> media;
    QStringList localCandidates;
    QImage lastRemoteFrame;

    using CallWindow::CallWindow;

    /// The media for the active call, as the workstation starts them.
    Core::Status startMedia(MediaSession::Role role, MediaOptions::Video video)
    {
        MediaOptions options;
        options.video = video;
        options.videoSize = Size;
        options.framesPerSecond = 15;
        options.videoKbps = 300;
        options.loopbackOnly = true;
        options.playRemoteAudio = false; // no sound card here: decoded and counted
        media = std::make_unique<MediaSession>(role, options);
        QObject::connect(media.get(), &MediaSession::localIceCandidate, media.get(),
            [this](const QString &candidate) { localCandidates.append(candidate); });
        QObject::connect(media.get(), &MediaSession::remoteFrame, media.get(),
            [this](const QImage &frame) { lastRemoteFrame = frame; });
        Assist::bindToCall(media.get(), calls.get());
        return media->start();
    }
};

/// What the application window's camera shows: red on the left, blue on the right.
QImage cameraPicture()
{
    QImage image(QSize(640, 480), QImage::Format_RGB32);
    QPainter painter(&image);
    painter.fillRect(0, 0, 320, 480, QColor(220, 30, 30));
    painter.fillRect(320, 0, 320, 480, QColor(30, 30, 220));
    return image;
}

QColor averageAround(const QImage &image, QPoint centre)
{
    int r = 0, g = 0, b = 0, n = 0;
    for (int y = centre.y() - 8; y <= centre.y() + 8; ++y) {
        for (int x = centre.x() - 8; x <= centre.x() + 8; ++x) {
            const QColor c = image.pixelColor(x, y);
            r += c.red();
            g += c.green();
            b += c.blue();
            ++n;
        }
    }
    return QColor(r / n, g / n, b / n);
}
} // namespace

class TestCallMedia : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void pictureAndSoundFlowBothWaysThroughThePlatformsSignalling();
    void aDescriptionThatCannotBeReadFailsTheMedia_data();
    void aDescriptionThatCannotBeReadFailsTheMedia();

private:
    std::unique_ptr<InProcessHub> m_platform;
    QString m_base;
};

void TestCallMedia::initTestCase()
{
    QStringList missing;
    QVERIFY2(MediaSession::available(&missing),
        qPrintable(QStringLiteral("GStreamer elements missing (installer/install-deps.sh "
                                  "installs them): ")
            + missing.join(u',')));
}

void TestCallMedia::init()
{
    m_platform = std::make_unique<InProcessHub>();
    const QString started = m_platform->start([](Hub::HubConfig &config) {
        config.callTimeoutMs = 60000;
        config.presenceGraceMs = 300;
    });
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_base = m_platform->base;
}

void TestCallMedia::cleanup()
{
    m_platform.reset();
}

void TestCallMedia::pictureAndSoundFlowBothWaysThroughThePlatformsSignalling()
{
    // GIVEN the application window calling a home window, which answers
    Window app(m_base, QStringLiteral("xh-tb-03-wangli"), AppWindow);
    Window home(m_base, QStringLiteral("xh-tb-01-liuyang"), HomeWindow);
    QVERIFY(app.client->signedIn && app.client->open());
    QVERIFY(home.client->signedIn && home.client->open());
    const auto callId = app.calls->invite(Item);
    QVERIFY(callId.ok());
    QTRY_COMPARE(home.calls->incomingCalls().size(), 1);
    QVERIFY(home.calls->accept(*callId).ok());
    QTRY_COMPARE(app.calls->state(), CallSignalling::State::Active);
    QTRY_COMPARE(home.calls->state(), CallSignalling::State::Active);

    // WHEN both start their media: the caller offers, the home window answers
    QElapsedTimer sinceStart;
    sinceStart.start();
    QVERIFY(home.startMedia(MediaSession::Role::Answerer, MediaOptions::Video::TestPattern).ok());
    QVERIFY(app.startMedia(MediaSession::Role::Offerer, MediaOptions::Video::Frames).ok());
    const QImage picture = cameraPicture();
    QTimer camera; // the HD camera's frames, as Qt Multimedia delivers them
    QObject::connect(
        &camera, &QTimer::timeout, &camera, [&] { app.media->pushVideoFrame(picture); });
    camera.start(1000 / 15);

    // THEN ICE connects on loopback only, and each side decodes the other's picture and sound
    QTRY_COMPARE_WITH_TIMEOUT(app.media->state(), MediaSession::State::Connected, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(home.media->state(), MediaSession::State::Connected, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(home.media->remoteVideoFrames() > 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(app.media->remoteVideoFrames() > 0, 20000);
    qInfo("first frames both ways after %lld ms (pipelines started, offer/answer and ICE "
          "through the hub)",
        sinceStart.elapsed());
    for (const QString &candidate : std::as_const(app.localCandidates) + home.localCandidates) {
        if (!candidate.isEmpty())
            QVERIFY2(candidate.contains(QLatin1String("127.0.0.1")), qPrintable(candidate));
    }
    QVERIFY(!app.localCandidates.isEmpty() && !home.localCandidates.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(home.media->remoteVideoFrames() >= 15, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(app.media->remoteVideoFrames() >= 15, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(home.media->remoteAudioBuffers() >= 25, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(app.media->remoteAudioBuffers() >= 25, 20000);
    // AND the home window sees the application window's camera: red left, blue right
    QTRY_VERIFY(!home.lastRemoteFrame.isNull());
    QCOMPARE(home.lastRemoteFrame.size(), Size);
    const QColor left = averageAround(home.lastRemoteFrame, QPoint(80, 120));
    const QColor right = averageAround(home.lastRemoteFrame, QPoint(240, 120));
    QVERIFY2(left.red() > 150 && left.blue() < 90, qPrintable(left.name()));
    QVERIFY2(right.blue() > 150 && right.red() < 90, qPrintable(right.name()));
    QTRY_VERIFY(!app.lastRemoteFrame.isNull());
    QCOMPARE(app.lastRemoteFrame.size(), Size);

    // WHEN the home window hangs up
    QVERIFY(home.calls->hangup().ok());
    // THEN both media stop, and no more frames arrive
    QCOMPARE(home.media->state(), MediaSession::State::Stopped);
    QTRY_COMPARE(app.media->state(), MediaSession::State::Stopped);
    const qint64 framesAtEnd = app.media->remoteVideoFrames();
    QTest::qWait(300);
    QCOMPARE(app.media->remoteVideoFrames(), framesAtEnd);
}

void TestCallMedia::aDescriptionThatCannotBeReadFailsTheMedia_data()
{
    QTest::addColumn<QString>("sdp");
    QTest::newRow("not SDP") << QStringLiteral("this is not SDP");
    // Parses, but has no ICE credentials, no DTLS fingerprint: webrtcbin refuses it.
    QTest::newRow("no ICE, no DTLS") << QStringLiteral(
        "v=0\r\no=- 1 0 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
        "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=rtpmap:96 VP8/90000\r\n");
}

void TestCallMedia::aDescriptionThatCannotBeReadFailsTheMedia()
{
    QFETCH(QString, sdp);
    MediaOptions options;
    options.loopbackOnly = true;
    options.playRemoteAudio = false;
    options.videoSize = Size;
    MediaSession media(MediaSession::Role::Answerer, options);
    QSignalSpy failed(&media, &MediaSession::failed);
    QVERIFY(media.start().ok());
    media.setRemoteDescription(sdp);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(media.state(), MediaSession::State::Failed);
    const auto error = failed.first().first().value<Core::Error>();
    QCOMPARE(error.code, int(Assist::MediaFailed));
    QVERIFY(!error.message.isEmpty());
}

QTEST_MAIN(TestCallMedia)
#include "tst_callmedia.moc"
