// The marks of a call cut by the platform going away reach the platform once it is back, in
// the same session (issue 15: "the marked-up page is kept with the call"). The call window
// keeps a marked-up page 1.5 s after its last mark and when the call ends; when the hub goes
// away while marks come, the events socket drops, the call ends and that last keep fails: the
// marks stay in the window's journal (Assist::MarkupJournal). They used to wait there for the
// next start of the program; they must be kept as soon as the events channel is live again,
// each mark once.
//
// Real parts: tongban-hub in this process on 127.0.0.1 (stopped, then started again on the same
// port and data folder, as a restarted server); the application window is the real main
// window in this process, signed in with its tokens in a real gnome-keyring (private D-Bus
// session); this test answers as the home window on the events socket and marks the page
// through the platform (call.share), as the call window does while its data channel is not
// open.

#include "CallMarksFixture.h"
#include "assist/CallPage.h"
#include "cases/CaseController.h"
#include "shell/MainWindow.h"

#include <assist/CallSignalling.h>
#include <assist/MarkupJournal.h>
#include <assist/PageShare.h>
#include <catalog/Catalog.h>
#include <platform/ResultFeed.h>
#include <security/AuditLog.h>

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QJsonArray>
#include <QPainter>
#include <QPushButton>
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

namespace {

QStringList idsOf(const QList<Assist::Stroke> &strokes)
{
    QStringList ids;
    for (const Assist::Stroke &stroke : strokes)
        ids.append(stroke.id);
    return ids;
}
} // namespace

class TestCallMarksReconnect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void marksOfACallCutByTheHubAreKeptOnceWhenItIsBack();

private:
    /// The hub's record of the marks of \a sha256 in \a callId (its "markup" and "markedBy"),
    /// asked by the home window over HTTP; empty when none (or the hub is down).
    QJsonObject keptMarkup(const QString &callId, const QString &sha256)
    {
        return CallMarksFixture::keptMarkup(*m_home, callId, sha256);
    }

    /// The hub started again on its data folder and port, as a restarted server.
    QString restartHub()
    {
        Hub::HubConfig config;
        config.dataDir = m_hub.dir->path();
        config.pbkdf2Iterations = 1000;
        config.clock = m_hub.clock.get();
        config.eventPollMs = 50;
        auto created = Hub::Hub::create(config);
        if (!created)
            return created.error().toString();
        m_hub.hub = std::move(*created);
        const auto port = m_hub.hub->listen(QHostAddress::LocalHost, m_port);
        if (!port)
            return port.error().toString();
        return {};
    }

    /// The records of the app window's trail (window and cases) with \a action.
    QList<Security::AuditRecord> records(const QString &action)
    {
        QList<Security::AuditRecord> found;
        for (const Security::AuditRecord &record : m_station->audit().recent(200)) {
            if (record.action == action)
                found.append(record);
        }
        return found;
    }

    InProcessHub m_hub;
    quint16 m_port = 0;
    std::unique_ptr<CallWindow> m_home;
    QTemporaryDir m_dataDir;
    std::unique_ptr<App::Workstation> m_station;
    std::unique_ptr<App::PlatformLink> m_platform;
    std::unique_ptr<Gui::MainWindow> m_window;
};

void TestCallMarksReconnect::initTestCase()
{
    QCOMPARE(installTranslations(QString()), QStringLiteral("zh_CN"));
    const QString started = m_hub.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_port = quint16(QUrl(m_hub.base).port());
    m_home = std::make_unique<CallWindow>(m_hub.base, HomeAccount, HomeWindow);
    QVERIFY(m_home->open());
    QSettings conf(m_dataDir.filePath(QStringLiteral("tongban.conf")), QSettings::IniFormat);
    conf.setValue(QStringLiteral("window/id"), AppWindow);
    conf.setValue(QStringLiteral("window/name"), QStringLiteral("卫东区政务服务中心2号通办窗口"));
    conf.setValue(QStringLiteral("platform/url"), m_hub.base);
    conf.sync();
    auto station = App::Workstation::open(m_dataDir.path());
    QVERIFY(station);
    m_station = std::move(*station);
    m_platform = std::make_unique<App::PlatformLink>(*m_station);
    m_window = std::make_unique<Gui::MainWindow>(*m_station, m_platform.get());
    m_window->resize(1366, 768);
    m_window->show();
    m_window->signIn(AppAccount, Password);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isSignedIn(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_platform->results()->state(), Platform::ResultFeed::State::Live, 20000);
}

void TestCallMarksReconnect::cleanupTestCase()
{
    m_window.reset();
    m_platform.reset();
    m_station.reset();
}

void TestCallMarksReconnect::marksOfACallCutByTheHubAreKeptOnceWhenItIsBack()
{
    using Assist::CallSignalling;
    // GIVEN the application window in a call with this home window about a page of its case
    Gui::CaseController &cases = m_window->cases();
    QVERIFY(cases.start(Item));
    QVERIFY(cases.item() && !cases.item()->materials.isEmpty());
    const QString material = cases.item()->materials.first().id;
    QVERIFY(cases.addPage(material, pageJpeg()));
    QString pageId;
    for (const Intake::MaterialState &state : cases.draft().materials) {
        if (state.materialId == material && !state.pages.isEmpty())
            pageId = state.pages.last().pageId;
    }
    QVERIFY(!pageId.isEmpty());
    auto *call = qobject_cast<Gui::CallPage *>(
        m_window->screenWidget(Gui::MainWindow::Screen::Assistance));
    QVERIFY(call);
    m_window->showScreen(Gui::MainWindow::Screen::Assistance);
    call->prepareCall(material, pageId);
    auto *button = call->findChild<QPushButton *>(QStringLiteral("callButton"));
    QVERIFY(button);
    QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 10000);
    QTest::mouseClick(button, Qt::LeftButton);

    CallSignalling &calls = *m_home->calls;
    QTRY_COMPARE_WITH_TIMEOUT(calls.incomingCalls().size(), qsizetype(1), 20000);
    const QString callId = calls.incomingCalls().first().callId;
    // The home side of the shared page, through the platform (no data channel here).
    Assist::PageShare share(
        HomeWindow, [&calls](const QString &message) { return calls.sendShare(message); });
    connect(&calls, &CallSignalling::shareReceived, &share, &Assist::PageShare::handleMessage);
    QVERIFY(calls.accept(callId).ok());
    QTRY_COMPARE_WITH_TIMEOUT(calls.state(), CallSignalling::State::Active, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!share.currentPage().isEmpty(), 30000);
    const QString sha = share.currentPage();
    const QSize size = share.currentSize();
    QVERIFY(call->pageShare());

    // WHEN the home clerk marks the page, a stroke every 200 ms (so the window's 1.5 s keep
    // never comes), and the hub goes away while marks still come
    int drawn = 0;
    const auto draw = [&] {
        Assist::Stroke stroke;
        stroke.kind = drawn % 2 ? Assist::Stroke::Kind::Box : Assist::Stroke::Kind::Pen;
        stroke.points = { QPointF(size.width() * (0.1 + 0.02 * drawn), size.height() * 0.3),
            QPointF(size.width() * (0.12 + 0.02 * drawn), size.height() * 0.6) };
        ++drawn;
        return share.addStroke(stroke).ok();
    };
    for (int i = 0; i < 6; ++i) {
        QVERIFY(draw());
        QTest::qWait(200);
    }
    QTRY_COMPARE_WITH_TIMEOUT(call->pageShare()->strokes(sha).size(), qsizetype(6), 5000);
    QVERIFY(draw()); // the last one may or may not get through: the hub goes now
    m_hub.hub.reset();
    QTRY_COMPARE_WITH_TIMEOUT(
        m_home->client->socket.state(), QAbstractSocket::UnconnectedState, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(calls.state(), CallSignalling::State::Idle, 10000);
    QVERIFY(!draw()); // the home window cannot send any more: its call ended
    // (the application window's call ended with its events socket, and its last keep failed:
    // the marks are in its journal only, none on the platform)
    QTRY_VERIFY_WITH_TIMEOUT(!call->isInCall(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const Security::AuditRecord &record : records(QStringLiteral("call.markup"))) {
                if (record.object == callId && record.result == QLatin1String("failed"))
                    return true;
            }
            return false;
        }(),
        20000);
    const Assist::MarkupJournal journal(m_dataDir.filePath(QStringLiteral("call-marks")));
    QStringList journaledIds;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const Assist::MarkupJournal::Entry &entry : journal.pending()) {
                if (entry.callId == callId && entry.pageSha256 == sha) {
                    journaledIds.clear();
                    for (const QJsonValue stroke : entry.markup.value(u"strokes").toArray())
                        journaledIds.append(stroke[u"id"].toString());
                    return journaledIds.size() >= 6;
                }
            }
            return false;
        }(),
        10000);
    // The strokes the application window got: those the home window sent before the hub went.
    const QStringList sentIds = idsOf(share.strokes(sha)).mid(0, journaledIds.size());
    QCOMPARE(journaledIds, sentIds);

    // WHEN the hub starts again (same port, same data) a few seconds later, the program not
    // restarted, nobody signing in again
    QTest::qWait(1500);
    const QString restarted = restartHub();
    QVERIFY2(restarted.isEmpty(), qPrintable(restarted));

    // THEN once the window's events channel is live again, the journaled marks are kept with
    // the call: every mark the window had, each once, by this window, with the PNG
    QTRY_COMPARE_WITH_TIMEOUT(
        m_platform->results()->state(), Platform::ResultFeed::State::Live, 60000);
    QJsonObject kept;
    QTRY_VERIFY_WITH_TIMEOUT(!(kept = keptMarkup(callId, sha)).isEmpty(), 30000);
    const QJsonObject markup = kept.value(u"markup").toObject();
    QCOMPARE(markup.value(u"pageSha256").toString(), sha);
    QStringList keptIds;
    for (const QJsonValue stroke : markup.value(u"strokes").toArray())
        keptIds.append(stroke[u"id"].toString());
    QCOMPARE(keptIds, journaledIds);
    QCOMPARE(QSet<QString>(keptIds.cbegin(), keptIds.cend()).size(), keptIds.size());
    QCOMPARE(kept.value(u"markedBy").toString(), AppWindow);
    const QString rendering = markup.value(u"renderingSha256").toString();
    const Reply png = m_home->client->http.send(
        "GET", QStringLiteral("/api/v1/calls/%1/pages/%2").arg(callId, rendering));
    QCOMPARE(png.status, 200);
    QCOMPARE(QImage::fromData(png.body, "PNG").size(), size);
    // AND the journal is emptied
    QTRY_VERIFY_WITH_TIMEOUT(journal.pending().isEmpty(), 10000);
    // AND the case's trail names the kept page once, after the reconnection (a second
    // reconnection keeps nothing again)
    const QString caseNumber = cases.draft().provisionalNumber;
    const auto keptRecords = [&] {
        int count = 0;
        for (const Security::AuditRecord &record : records(QStringLiteral("call.markup"))) {
            if (record.object == caseNumber && record.detail.contains(callId)
                && record.detail.contains(sha) && record.detail.contains(rendering)
                && record.detail.contains(QLatin1String("after=reconnect")))
                ++count;
        }
        return count;
    };
    QTRY_COMPARE_WITH_TIMEOUT(keptRecords(), 1, 10000);
    m_platform->results()->stop();
    m_platform->results()->start();
    QTRY_COMPARE_WITH_TIMEOUT(
        m_platform->results()->state(), Platform::ResultFeed::State::Live, 30000);
    QTest::qWait(1500);
    QCOMPARE(keptRecords(), 1);
}

QTEST_MAIN(TestCallMarksReconnect)
#include "tst_callmarksreconnect.moc"
