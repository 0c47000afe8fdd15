// The call media's warm-up (issues 15 and 18: the first call of a fresh workstation). The
// workstation starts it at sign-in, long before any call; it must run once per process, off
// the GUI thread, and a call answered before it has finished must still connect. Each test
// needs a process whose warm-up has not run: this binary runs each case in a child of its
// own (TONGBAN_WARMUP_CASE), two MediaSessions of that child calling each other on 127.0.0.1.

#include "TestTime.h"

#include <assist/MediaSession.h>

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using Tongban::Assist::MediaOptions;
using Tongban::Assist::MediaSession;
using Tongban::Testing::scaledTimeout;

namespace {

QMutex g_mutex;
int g_warmUps = 0; ///< "call media prewarmed" messages
bool g_onGuiThread = false; ///< one of them was logged on the GUI thread
QThread *g_guiThread = nullptr;
QtMessageHandler g_previous = nullptr;

void countWarmUps(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.startsWith(QLatin1String("call media prewarmed"))) {
        const QMutexLocker lock(&g_mutex);
        ++g_warmUps;
        g_onGuiThread = g_onGuiThread || QThread::currentThread() == g_guiThread;
    }
    g_previous(type, context, message);
}

int warmUps()
{
    const QMutexLocker lock(&g_mutex);
    return g_warmUps;
}

/// Runs \a testCase in a child (a fresh process); its output on failure.
QString inChild(const QString &testCase)
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TONGBAN_WARMUP_CASE"), testCase);
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), { testCase });
    if (!child.waitForFinished(90000)) {
        child.kill();
        child.waitForFinished();
        return QStringLiteral("the child timed out: ") + QString::fromUtf8(child.readAll());
    }
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        return QString::fromUtf8(child.readAll());
    return {};
}

} // namespace

class TestCallWarmUp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theWarmUpRunsOnceOffTheGuiThread();
    void aCallAnsweredWhileTheWarmUpRunsConnects();
};

void TestCallWarmUp::initTestCase()
{
    if (!MediaSession::available())
        QSKIP("GStreamer's WebRTC parts are not installed");
    if (qEnvironmentVariableIsSet("TONGBAN_WARMUP_CASE")) {
        QLoggingCategory::setFilterRules(QStringLiteral("tongban.assist.media.info=true"));
        g_guiThread = QThread::currentThread();
        g_previous = qInstallMessageHandler(countWarmUps);
    }
}

void TestCallWarmUp::theWarmUpRunsOnceOffTheGuiThread()
{
    if (!qEnvironmentVariableIsSet("TONGBAN_WARMUP_CASE")) {
        const QString failure = inChild(QStringLiteral("theWarmUpRunsOnceOffTheGuiThread"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        return;
    }
    // GIVEN a process whose warm-up has not run
    QCOMPARE(MediaSession::prewarmState(), MediaSession::Prewarm::NotStarted);

    // WHEN the GUI thread asks for it three times (sign-in, the call window, a ring)
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 3; ++i)
        MediaSession::prewarmInBackground();
    const qint64 askedMs = timer.elapsed();

    // THEN the GUI thread is back at once while it runs, and it finishes
    QCOMPARE_NE(MediaSession::prewarmState(), MediaSession::Prewarm::NotStarted);
    QVERIFY2(askedMs < 100, qPrintable(QString::number(askedMs)));
    QTRY_COMPARE_WITH_TIMEOUT(
        MediaSession::prewarmState(), MediaSession::Prewarm::Done, scaledTimeout(30000));
    // AND it ran once, on another thread
    QCOMPARE(warmUps(), 1);
    QVERIFY(!g_onGuiThread);

    // WHEN it is asked for again, in the background and directly
    MediaSession::prewarmInBackground();
    QVERIFY(MediaSession::prewarm());
    QTest::qWait(200);
    // THEN nothing runs again
    QCOMPARE(warmUps(), 1);
}

void TestCallWarmUp::aCallAnsweredWhileTheWarmUpRunsConnects()
{
    if (!qEnvironmentVariableIsSet("TONGBAN_WARMUP_CASE")) {
        const QString failure = inChild(QStringLiteral("aCallAnsweredWhileTheWarmUpRunsConnects"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        return;
    }
    // GIVEN a process whose warm-up has just been started (a call rings the instant the
    // clerk has signed in, and she answers at once)
    QCOMPARE(MediaSession::prewarmState(), MediaSession::Prewarm::NotStarted);
    MediaSession::prewarmInBackground();

    // WHEN both sides of a call start their media before it has finished
    MediaOptions options;
    options.loopbackOnly = true;
    options.playRemoteAudio = false;
    MediaSession home(MediaSession::Role::Answerer, options);
    MediaSession caller(MediaSession::Role::Offerer, options);
    connect(&caller, &MediaSession::localDescription, &home, &MediaSession::setRemoteDescription);
    connect(&home, &MediaSession::localDescription, &caller, &MediaSession::setRemoteDescription);
    connect(&caller, &MediaSession::localIceCandidate, &home, &MediaSession::addRemoteIceCandidate);
    connect(&home, &MediaSession::localIceCandidate, &caller, &MediaSession::addRemoteIceCandidate);
    QSignalSpy homeFrames(&home, &MediaSession::remoteFrame);
    QSignalSpy callerFrames(&caller, &MediaSession::remoteFrame);
    QSignalSpy failures(&caller, &MediaSession::failed);
    QCOMPARE(MediaSession::prewarmState(), MediaSession::Prewarm::Running);
    QVERIFY(home.start().ok());
    QVERIFY(caller.start().ok());

    // THEN the pictures flow both ways, and the warm-up ran once all the same
    QTRY_VERIFY_WITH_TIMEOUT(
        !homeFrames.isEmpty() && !callerFrames.isEmpty(), scaledTimeout(30000));
    QVERIFY(failures.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(
        MediaSession::prewarmState(), MediaSession::Prewarm::Done, scaledTimeout(30000));
    QCOMPARE(warmUps(), 1);
    caller.stop();
    home.stop();
}

QTEST_MAIN(TestCallWarmUp)
#include "tst_callwarmup.moc"
