// The marks of a killed call window reach the platform at its next start (issue 15: "the
// marked-up page is kept with the call"). The call window keeps a marked-up page on the
// platform 1.5 s after its last mark; a window killed before that finds the marks in its
// journal on disk (Assist::MarkupJournal) and must send them once it starts again.
//
// Real parts: tongban-hub in this process on 127.0.0.1; the application window is the real
// main window in a child process (tongban_callmarks_child) that signs in, captures a page and
// calls; this test answers as the home window on the events socket and marks the page; the
// child is killed with SIGKILL while marks still come; then the same data folder opens in a
// new main window here. Tokens in a real gnome-keyring (private D-Bus session).

#include "CallMarksFixture.h"
#include "shell/MainWindow.h"

#include <assist/CallSignalling.h>
#include <assist/MarkupJournal.h>
#include <assist/PageShare.h>
#include <security/AuditLog.h>

#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <CallWindow.h>
#include <InProcessHub.h>
#include <Translations.h>
#include <common/PlatformLink.h>
#include <common/Workstation.h>

using namespace Tongban;
using namespace CallMarksFixture;

class TestCallMarksRestart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aKilledWindowsMarksAreKeptWithTheCallAtItsNextStart();

private:
    /// The hub's record of the marks of \a sha256 in \a callId (its "markup" and
    /// "markedBy"), asked by the home window; empty when none.
    QJsonObject keptMarkup(const QString &callId, const QString &sha256)
    {
        return CallMarksFixture::keptMarkup(*m_home, callId, sha256);
    }

    InProcessHub m_hub;
    std::unique_ptr<CallWindow> m_home;
    QTemporaryDir m_dataDir;
};

void TestCallMarksRestart::initTestCase()
{
    QCOMPARE(installTranslations(QString()), QStringLiteral("zh_CN"));
    const QString started = m_hub.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_home = std::make_unique<CallWindow>(m_hub.base, HomeAccount, HomeWindow);
    QVERIFY(m_home->open());
    QSettings conf(m_dataDir.filePath(QStringLiteral("tongban.conf")), QSettings::IniFormat);
    conf.setValue(QStringLiteral("window/id"), AppWindow);
    conf.setValue(QStringLiteral("window/name"), QStringLiteral("卫东区政务服务中心2号通办窗口"));
    conf.setValue(QStringLiteral("platform/url"), m_hub.base);
    conf.sync();
}

void TestCallMarksRestart::aKilledWindowsMarksAreKeptWithTheCallAtItsNextStart()
{
    using Assist::CallSignalling;
    // GIVEN the application window (a child process) in a call with this home window about a
    // page it shows
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(
        QStringLiteral(TONGBAN_CALLMARKS_CHILD), { m_dataDir.path(), AppAccount, Password, Item });
    QVERIFY(child.waitForStarted());
    QString output;
    QTRY_VERIFY2_WITH_TIMEOUT(
        [&] {
            output += QString::fromUtf8(child.readAllStandardOutput());
            return output.contains(QLatin1String("calling"));
        }(),
        qPrintable(output), 60000);
    CallSignalling &calls = *m_home->calls;
    QTRY_COMPARE_WITH_TIMEOUT(calls.incomingCalls().size(), qsizetype(1), 20000);
    const QString callId = calls.incomingCalls().first().callId;
    // The home side of the shared page: the call has no data channel here, so the marks go
    // through the platform (call.share), as the call window's fallback does. Listening before
    // the answer: the application window shares its page as soon as the call is accepted.
    Assist::PageShare share(
        HomeWindow, [&calls](const QString &message) { return calls.sendShare(message); });
    connect(&calls, &CallSignalling::shareReceived, &share, &Assist::PageShare::handleMessage);
    QVERIFY(calls.accept(callId).ok());
    QTRY_COMPARE_WITH_TIMEOUT(calls.state(), CallSignalling::State::Active, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!share.currentPage().isEmpty(), 30000);
    const QString sha = share.currentPage();
    const QSize size = share.currentSize();

    // WHEN the home clerk marks the page, a stroke every 250 ms (so the window's 1.5 s keep
    // never comes), and the application window is killed once 8 of them are on its disk
    const Assist::MarkupJournal journal(m_dataDir.filePath(QStringLiteral("call-marks")));
    const auto journaled = [&] {
        for (const Assist::MarkupJournal::Entry &entry : journal.pending()) {
            if (entry.callId == callId && entry.pageSha256 == sha)
                return int(entry.markup.value(u"strokes").toArray().size());
        }
        return 0;
    };
    int drawn = 0;
    while (journaled() < 8) {
        QVERIFY2(drawn < 80, "the window journaled no marks");
        Assist::Stroke stroke;
        stroke.points = { QPointF(size.width() * (0.1 + 0.01 * drawn), size.height() * 0.3),
            QPointF(size.width() * (0.12 + 0.01 * drawn), size.height() * 0.6) };
        QVERIFY(share.addStroke(stroke).ok());
        ++drawn;
        QTest::qWait(250);
    }
    child.kill(); // SIGKILL: no destructor, no last keep
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    const int onDisk = journaled();
    QVERIFY(onDisk >= 8);
    // (the platform has none of them yet: the window never reached its keep)
    QVERIFY2(keptMarkup(callId, sha).isEmpty(), "killed too late to prove anything");

    // WHEN the window starts again on the same data folder and its clerk signs in
    auto station = App::Workstation::open(m_dataDir.path());
    QVERIFY(station);
    auto platform = std::make_unique<App::PlatformLink>(**station);
    auto window = std::make_unique<Gui::MainWindow>(**station, platform.get());
    window->resize(1366, 768);
    window->show();
    window->signIn(AppAccount, Password);
    QTRY_VERIFY_WITH_TIMEOUT(window->isSignedIn(), 20000);

    // THEN the journaled marks are kept with the call on the platform, by this window, without
    // the clerk opening the call screen
    QJsonObject kept;
    QTRY_VERIFY_WITH_TIMEOUT(!(kept = keptMarkup(callId, sha)).isEmpty(), 20000);
    QVERIFY(window->currentScreen() != Gui::MainWindow::Screen::Assistance);
    const QJsonObject markup = kept.value(u"markup").toObject();
    QCOMPARE(markup.value(u"pageSha256").toString(), sha);
    QCOMPARE(markup.value(u"strokes").toArray().size(), onDisk);
    QCOMPARE(kept.value(u"markedBy").toString(), AppWindow);
    // AND the PNG of the marked-up page is there too, the size of the page
    const QString rendering = markup.value(u"renderingSha256").toString();
    const Reply png = m_home->client->http.send(
        "GET", QStringLiteral("/api/v1/calls/%1/pages/%2").arg(callId, rendering));
    QCOMPARE(png.status, 200);
    QCOMPARE(QImage::fromData(png.body, "PNG").size(), size);
    // AND the journal is empty, and the window's trail says the marks were kept after a restart
    QTRY_VERIFY_WITH_TIMEOUT(journal.pending().isEmpty(), 10000);
    bool audited = false;
    for (const Security::AuditRecord &record : (*station)->audit().recent(50)) {
        audited = audited
            || (record.action == QLatin1String("call.markup") && record.object == callId
                && record.result == QLatin1String("kept")
                && record.detail.contains(QLatin1String("after=restart")));
    }
    QVERIFY(audited);
    window.reset();
    platform.reset();
}

QTEST_MAIN(TestCallMarksRestart)
#include "tst_callmarksrestart.moc"
