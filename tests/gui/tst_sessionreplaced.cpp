// One live session per account (issue 12) through two real main windows: two workstations
// (each its own data folder, PlatformLink and MainWindow) against tongban-hub in this
// process on 127.0.0.1, tokens in a real gnome-keyring (private D-Bus session). The clerk
// works at window 3, then signs in at window 4: window 3 goes to the sign-in screen saying
// where and when, keeps its open case, and both trails say so; signing in again at window 3
// ends window 4's session in turn.

#include "cases/CaseController.h"
#include "shell/MainWindow.h"
#include "signin/SignInPage.h"

#include <security/AuditLog.h>
#include <storage/Database.h>

#include <QApplication>
#include <QLabel>
#include <QSettings>
#include <QSqlQuery>
#include <QTest>

#include <InProcessHub.h>
#include <Translations.h>
#include <accounts/AccountService.h>
#include <common/PlatformLink.h>
#include <common/Workstation.h>

using namespace Tongban;

namespace {
const QString Clerk = QStringLiteral("xh-tb-03-wangli");
const QString Password = QStringLiteral("Tongban@2026");
const QString WindowThree = QStringLiteral("410402-tb-03");
const QString WindowFour = QStringLiteral("410402-tb-04");
const QString WindowFourName = QStringLiteral("新华区政务服务中心4号通办窗口");
const QString Item = QStringLiteral("41040201012001000");

/// One workstation: its data folder, configured as IT would, and its window.
struct Station
{
    QTemporaryDir dir;
    std::unique_ptr<App::Workstation> station;
    std::unique_ptr<App::PlatformLink> platform;
    std::unique_ptr<Gui::MainWindow> window;

    QString open(const QString &windowId, const QString &windowName, const QString &base)
    {
        QSettings conf(dir.filePath(QStringLiteral("tongban.conf")), QSettings::IniFormat);
        conf.setValue(QStringLiteral("window/id"), windowId);
        conf.setValue(QStringLiteral("window/name"), windowName);
        conf.setValue(QStringLiteral("platform/url"), base);
        conf.sync();
        auto opened = App::Workstation::open(dir.path());
        if (!opened)
            return opened.error().toString();
        station = std::move(opened).value();
        platform = std::make_unique<App::PlatformLink>(*station);
        window = std::make_unique<Gui::MainWindow>(*station, platform.get());
        window->resize(1280, 800);
        window->show();
        return {};
    }

    /// The newest audit record of \a action; empty when none.
    Security::AuditRecord lastAudit(const QString &action) const
    {
        for (const Security::AuditRecord &record : station->audit().recent(50)) {
            if (record.action == action)
                return record;
        }
        return {};
    }

    QString signInMessage() const
    {
        const auto *page = window->findChild<Gui::SignInPage *>();
        const auto *message = page ? page->findChild<QLabel *>(QStringLiteral("warning")) : nullptr;
        return message && message->isVisible() ? message->text() : QString();
    }
};
} // namespace

class TestSessionReplaced : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aSignInAtAnotherWindowEndsTheSessionHere();
    void signingInAgainHereEndsTheOtherWindowsSession();
    void anUnlockHereDoesNotDisplaceThisWindow();
    void cleanupTestCase();

private:
    InProcessHub m_hub;
    Station m_three;
    Station m_four;
};

void TestSessionReplaced::initTestCase()
{
    QCOMPARE(installTranslations(QString()), QStringLiteral("zh_CN"));
    const QString started = m_hub.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    // GIVEN the clerk assigned to windows 3 and 4 of her hall, each on its own workstation
    Hub::AccountService &accounts = m_hub.hub->accounts();
    QVERIFY(accounts
                .addWindow(WindowFour, WindowFourName, QStringLiteral("application"),
                    QStringLiteral("410402"), QStringLiteral("新华区"))
                .ok());
    QVERIFY(accounts
                .addAccount(Clerk, QStringLiteral("王丽"), QStringLiteral("application"),
                    QStringLiteral("410402"), Password, { WindowThree, WindowFour })
                .ok());
    QString opened
        = m_three.open(WindowThree, QStringLiteral("新华区政务服务中心3号通办窗口"), m_hub.base);
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
    opened = m_four.open(WindowFour, WindowFourName, m_hub.base);
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
}

void TestSessionReplaced::aSignInAtAnotherWindowEndsTheSessionHere()
{
    // GIVEN the clerk signed in at window 3, its events socket live, a case open
    m_three.window->signIn(Clerk, Password);
    QTRY_VERIFY_WITH_TIMEOUT(m_three.window->isSignedIn(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_three.platform->results()->state(), Platform::ResultFeed::State::Live, 20000);
    QVERIFY(m_three.window->cases().start(Item));
    const QString openCase = m_three.window->cases().draft().caseId;

    // WHEN she signs in at window 4
    m_four.window->signIn(Clerk, Password);
    QTRY_VERIFY_WITH_TIMEOUT(m_four.window->isSignedIn(), 20000);

    // THEN window 3 goes to the sign-in screen, locked for her, saying where and when
    QTRY_VERIFY_WITH_TIMEOUT(m_three.window->isLocked(), 20000);
    const QString message = m_three.signInMessage();
    QVERIFY2(message.contains(WindowFourName), qPrintable(message));
    QVERIFY2(message.contains(m_hub.clock->now().toOffsetFromUtc(8 * 3600).toString(
                 QStringLiteral("yyyy-MM-dd HH:mm"))),
        qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("重新登录")), qPrintable(message));
    // AND its link has stopped: no socket, no token kept
    QCOMPARE(m_three.platform->results()->state(), Platform::ResultFeed::State::Stopped);
    QVERIFY(!m_three.platform->session()->isSignedIn());
    // AND the open case is still there, on screen and on disk
    QVERIFY(m_three.window->cases().hasCase());
    QCOMPARE(m_three.window->cases().draft().caseId, openCase);
    QCOMPARE(m_three.station->intake().resumeCaseId(), openCase);
    // AND window 3's trail says its session was replaced, by window 4
    const Security::AuditRecord replaced = m_three.lastAudit(QStringLiteral("session.replaced"));
    QCOMPARE(replaced.clerk, Clerk);
    QVERIFY2(replaced.detail.contains(WindowFour), qPrintable(replaced.detail));
    // AND window 4's trail says it ended the session at window 3
    const Security::AuditRecord replacing = m_four.lastAudit(QStringLiteral("session.replace"));
    QCOMPARE(replacing.clerk, Clerk);
    QVERIFY2(replacing.detail.contains(WindowThree), qPrintable(replacing.detail));
}

void TestSessionReplaced::signingInAgainHereEndsTheOtherWindowsSession()
{
    // GIVEN window 3 displaced as above, window 4 live
    QTRY_COMPARE_WITH_TIMEOUT(
        m_four.platform->results()->state(), Platform::ResultFeed::State::Live, 20000);
    const QString openCase = m_three.window->cases().draft().caseId;
    // WHEN she signs in again at window 3
    m_three.window->signIn(Clerk, Password);
    // THEN window 3 is back on her open case, its socket live again
    QTRY_VERIFY_WITH_TIMEOUT(!m_three.window->isLocked(), 20000);
    QCOMPARE(m_three.window->cases().draft().caseId, openCase);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_three.platform->results()->state(), Platform::ResultFeed::State::Live, 20000);
    // AND window 4 is the one sent to the sign-in screen now, naming window 3
    QTRY_VERIFY_WITH_TIMEOUT(m_four.window->isLocked(), 20000);
    QVERIFY2(m_four.signInMessage().contains(QStringLiteral("3号通办窗口")),
        qPrintable(m_four.signInMessage()));
    QVERIFY2(m_four.lastAudit(QStringLiteral("session.replaced")).detail.contains(WindowThree),
        qPrintable(m_four.lastAudit(QStringLiteral("session.replaced")).detail));
    // AND window 3 stays signed in: the end of its own earlier session did not displace it
    QTest::qWait(1500);
    QVERIFY(!m_three.window->isLocked());
    QVERIFY(m_three.platform->session()->isSignedIn());
    QCOMPARE(m_three.platform->results()->state(), Platform::ResultFeed::State::Live);
}

void TestSessionReplaced::anUnlockHereDoesNotDisplaceThisWindow()
{
    // GIVEN window 3 signed in and live, its trail's count of session.replaced
    const auto replacedCount = [this] {
        int count = 0;
        for (const Security::AuditRecord &record : m_three.station->audit().recent(200))
            count += record.action == QLatin1String("session.replaced") ? 1 : 0;
        return count;
    };
    const int before = replacedCount();
    // WHEN the window locks and she unlocks it (a new sign-in at the same window, which ends
    // the window's own earlier session on the platform)
    m_three.window->lock();
    QVERIFY(m_three.window->isLocked());
    // (issue 15) THEN the platform shows the locked window away, not online
    const auto presence = [this] {
        QSqlQuery query(m_hub.hub->database().connection());
        query.prepare(QStringLiteral("SELECT presence FROM hub_windows WHERE id = ?"));
        query.addBindValue(WindowThree);
        return query.exec() && query.next() ? query.value(0).toString() : QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(presence(), QStringLiteral("away"), 20000);
    m_three.window->signIn(Clerk, Password);
    QTRY_VERIFY_WITH_TIMEOUT(!m_three.window->isLocked(), 20000);
    // AND online again once unlocked
    QTRY_COMPARE_WITH_TIMEOUT(presence(), QStringLiteral("online"), 20000);
    // THEN the window carries on: its socket says hello again with the new tokens
    QTRY_COMPARE_WITH_TIMEOUT(
        m_three.platform->results()->state(), Platform::ResultFeed::State::Live, 20000);
    QTest::qWait(1500);
    QVERIFY(!m_three.window->isLocked());
    QVERIFY(m_three.platform->session()->isSignedIn());
    QCOMPARE(m_three.platform->results()->state(), Platform::ResultFeed::State::Live);
    // AND nothing says it was replaced
    QCOMPARE(replacedCount(), before);
}

void TestSessionReplaced::cleanupTestCase()
{
    for (Station *s : { &m_three, &m_four }) {
        s->window.reset();
        s->platform.reset();
        s->station.reset();
    }
}

QTEST_MAIN(TestSessionReplaced)
#include "tst_sessionreplaced.moc"
