// The first call of a freshly started workstation (issues 15 and 18): the call media's warm-up
// (MediaSession::prewarmInBackground: GStreamer, its plugins, the DTLS certificate, the codecs)
// starts on a worker thread once the sign-in screen has been painted, so that it is done long
// before the clerk can make or answer a call; the call screen need not have been opened, and
// signing in does not run it again. One workstation (its own data folder, PlatformLink,
// MainWindow) against tongban-hub in this process on 127.0.0.1, tokens in a real
// gnome-keyring (private D-Bus session). bench_callstart measures what it buys.

#include "shell/MainWindow.h"

#include <assist/MediaSession.h>

#include <QSettings>
#include <QTest>

#include <InProcessHub.h>
#include <Translations.h>
#include <accounts/AccountService.h>
#include <common/PlatformLink.h>
#include <common/Workstation.h>

using namespace Tongban;
using Tongban::Assist::MediaSession;

namespace {
const QString Clerk = QStringLiteral("xh-tb-03-wangli");
const QString Password = QStringLiteral("Tongban@2026");
const QString WindowThree = QStringLiteral("410402-tb-03");
} // namespace

class TestSignInWarmUp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theWarmUpStartsOnceTheSignInScreenIsPainted();
    void cleanupTestCase();

private:
    InProcessHub m_hub;
    QTemporaryDir m_dir;
    std::unique_ptr<App::Workstation> m_station;
    std::unique_ptr<App::PlatformLink> m_platform;
    std::unique_ptr<Gui::MainWindow> m_window;
};

void TestSignInWarmUp::initTestCase()
{
    if (!MediaSession::available())
        QSKIP("GStreamer's WebRTC parts are not installed");
    QCOMPARE(installTranslations(QString()), QStringLiteral("zh_CN"));
    const QString started = m_hub.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY(m_hub.hub->accounts()
                .addAccount(Clerk, QStringLiteral("王丽"), QStringLiteral("application"),
                    QStringLiteral("410402"), Password, { WindowThree })
                .ok());
    QSettings conf(m_dir.filePath(QStringLiteral("tongban.conf")), QSettings::IniFormat);
    conf.setValue(QStringLiteral("window/id"), WindowThree);
    conf.setValue(QStringLiteral("window/name"), QStringLiteral("新华区政务服务中心3号通办窗口"));
    conf.setValue(QStringLiteral("platform/url"), m_hub.base);
    conf.sync();
    auto opened = App::Workstation::open(m_dir.path());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    m_station = std::move(opened).value();
    m_platform = std::make_unique<App::PlatformLink>(*m_station);
    m_window = std::make_unique<Gui::MainWindow>(*m_station, m_platform.get());
    m_window->resize(1280, 800);
}

void TestSignInWarmUp::theWarmUpStartsOnceTheSignInScreenIsPainted()
{
    // GIVEN a freshly started workstation whose window is not shown yet: nothing of the call
    // media warmed up
    QCOMPARE(MediaSession::prewarmState(), MediaSession::Prewarm::NotStarted);

    // WHEN its sign-in screen is shown and painted
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    // THEN the warm-up starts without anyone signing in or opening the call screen
    QTRY_VERIFY_WITH_TIMEOUT(
        MediaSession::prewarmState() != MediaSession::Prewarm::NotStarted, 5000);
    QVERIFY(!m_window->isSignedIn());
    QVERIFY(!m_window->screenWidget(Gui::MainWindow::Screen::Assistance)->isVisible());

    // WHEN the clerk signs in meanwhile
    m_window->signIn(Clerk, Password);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isSignedIn(), 20000);
    // THEN it finishes on its own (tst_callwarmup: once, off the GUI thread)
    QTRY_COMPARE_WITH_TIMEOUT(MediaSession::prewarmState(), MediaSession::Prewarm::Done, 30000);
}

void TestSignInWarmUp::cleanupTestCase()
{
    m_window.reset();
    m_platform.reset();
    m_station.reset();
}

QTEST_MAIN(TestSignInWarmUp)
#include "tst_signinwarmup.moc"
