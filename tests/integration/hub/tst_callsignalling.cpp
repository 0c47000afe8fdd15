// Assist::CallSignalling, one per window, on real WebSockets against the in-process
// tongban-hub (docs/platform-api.md §11): the application window of 新华区 (410402) calls,
// two home windows of 410402 answer. The call timeout is short only where a test waits for it.

#include "CallWindow.h"
#include "InProcessHub.h"

#include <assist/CallSignalling.h>

#include <QSignalSpy>
#include <QTest>

#include <Translations.h>

using namespace Tongban;
using Assist::CallSignalling;

namespace {
const QString AppWindow = QStringLiteral("410402-tb-03");
const QString Home1 = QStringLiteral("410402-tb-01");
const QString Home2 = QStringLiteral("410402-tb-02");
const QString Item = QStringLiteral("41040201012001000"); // home jurisdiction 410402

using Window = CallWindow;
} // namespace

class TestCallSignalling : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firstAcceptWinsAndSdpAndIcePass();
    void cancelDeclineAndHangup();
    void unansweredCallIsMissedOnBothSides();
    void refusedInviteAndLostConnectionEndTheCall();
    void aCallOutsideOfficeHoursSaysTheNextOpeningInTheClerksLanguage();
    void callerGivingUpWhileThisWindowAnswersEndsTheAnswer();

private:
    std::unique_ptr<InProcessHub> m_platform;
    QString m_base;
};

void TestCallSignalling::init()
{
    m_platform = std::make_unique<InProcessHub>();
    const bool shortTimeout
        = QByteArray(QTest::currentTestFunction()) == "unansweredCallIsMissedOnBothSides";
    const QString started = m_platform->start([shortTimeout](Hub::HubConfig &config) {
        config.callTimeoutMs = shortTimeout ? 300 : 60000;
        config.presenceGraceMs = 300;
    });
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_base = m_platform->base;
}

void TestCallSignalling::cleanup()
{
    m_platform.reset();
}

void TestCallSignalling::firstAcceptWinsAndSdpAndIcePass()
{
    Window app(m_base, QStringLiteral("xh-tb-03-wangli"), AppWindow);
    Window home1(m_base, QStringLiteral("xh-tb-01-liuyang"), Home1);
    Window home2(m_base, QStringLiteral("xh-tb-02-zhanghua"), Home2);
    QVERIFY(app.open() && home1.open() && home2.open());
    QSignalSpy appConnected(app.calls.get(), &CallSignalling::connected);
    QSignalSpy home1Ended(home1.calls.get(), &CallSignalling::incomingEnded);

    // WHEN the application window calls about a material of an item of 410402
    const auto callId = app.calls->invite(Item, {}, QStringLiteral("application"));
    QVERIFY(callId.ok());
    QCOMPARE(app.calls->state(), CallSignalling::State::Inviting);
    // THEN it learns who rings, and both home windows see the call with its caller and material
    QTRY_COMPARE(app.calls->state(), CallSignalling::State::Ringing);
    QCOMPARE(app.calls->ringingWindows(), QStringList({ Home1, Home2 }));
    QTRY_COMPARE(home1.calls->incomingCalls().size(), 1);
    QTRY_COMPARE(home2.calls->incomingCalls().size(), 1);
    const CallSignalling::Incoming ringing = home2.calls->incomingCalls().first();
    QCOMPARE(ringing.callId, *callId);
    QCOMPARE(ringing.fromWindow, AppWindow);
    QVERIFY(!ringing.fromName.isEmpty());
    QCOMPARE(ringing.materialId, QStringLiteral("application"));
    // AND a second call cannot start meanwhile
    QCOMPARE(app.calls->invite(Item).error().code, int(Assist::CallBusy));

    // WHEN both home windows accept, the second a moment later
    QVERIFY(home2.calls->accept(*callId).ok());
    QCOMPARE(home2.calls->state(), CallSignalling::State::Answering);
    QTRY_COMPARE(home2.calls->state(), CallSignalling::State::Active);
    QVERIFY(home1.calls->accept(*callId).ok() || home1.calls->incomingCalls().isEmpty());
    // THEN the first is connected with the caller, and the other is told it was taken
    QTRY_COMPARE(app.calls->state(), CallSignalling::State::Active);
    QCOMPARE(appConnected.size(), 1);
    QCOMPARE(app.calls->peerWindow(), Home2);
    QCOMPARE(home2.calls->peerWindow(), AppWindow);
    // AND each has the other's window name from the platform, for the clerk to read
    QCOMPARE(app.calls->peerName(), QStringLiteral("新华区政务服务中心2号通办窗口"));
    QCOMPARE(home2.calls->peerName(), QStringLiteral("新华区政务服务中心3号通办窗口"));
    // AND the caller knows which home clerk answered (its recording names them)
    QCOMPARE(app.calls->peerClerk(), QStringLiteral("xh-tb-02-zhanghua"));
    QTRY_COMPARE(home1.calls->state(), CallSignalling::State::Idle);
    QTRY_VERIFY(home1.calls->incomingCalls().isEmpty());
    QCOMPARE(home1Ended.first().at(1).value<CallSignalling::End>(), CallSignalling::End::Taken);

    // WHEN they exchange an offer, an answer and candidates
    QSignalSpy offer(home2.calls.get(), &CallSignalling::offerReceived);
    QSignalSpy answer(app.calls.get(), &CallSignalling::answerReceived);
    QSignalSpy ice(app.calls.get(), &CallSignalling::iceReceived);
    QVERIFY(app.calls->sendOffer(QStringLiteral("v=0 offer")).ok());
    QTRY_COMPARE(offer.size(), 1);
    QCOMPARE(offer.first().first().toString(), QStringLiteral("v=0 offer"));
    QVERIFY(home2.calls->sendAnswer(QStringLiteral("v=0 answer")).ok());
    QVERIFY(home2.calls
                ->sendIce(QStringLiteral("candidate:1 1 UDP 1 127.0.0.1 9 typ host"),
                    QStringLiteral("0"), 0)
                .ok());
    QVERIFY(home2.calls->sendIce(QString(), {}, -1).ok()); // end of candidates
    // THEN each arrives at the other side as sent
    QTRY_COMPARE(answer.size(), 1);
    QCOMPARE(answer.first().first().toString(), QStringLiteral("v=0 answer"));
    QTRY_COMPARE(ice.size(), 2);
    QCOMPARE(ice.at(0).at(1).toString(), QStringLiteral("0"));
    QCOMPARE(ice.at(0).at(2).toInt(), 0);
    QCOMPARE(ice.at(1).at(0).toString(), QString());
    QCOMPARE(ice.at(1).at(2).toInt(), -1);

    // WHEN they send page-sharing messages through the platform (the data channel's
    // fallback, call.share)
    QSignalSpy appShare(app.calls.get(), &CallSignalling::shareReceived);
    QSignalSpy homeShare(home2.calls.get(), &CallSignalling::shareReceived);
    const QString stroke = QStringLiteral("{\"t\":\"stroke\",\"page\":\"ab\"}");
    QVERIFY(home2.calls->sendShare(stroke).ok());
    QVERIFY(app.calls->sendShare(QStringLiteral("{\"t\":\"undo\"}")).ok());
    // THEN each reaches the other party as sent
    QTRY_COMPARE(appShare.size(), 1);
    QCOMPARE(appShare.first().first().toString(), stroke);
    QTRY_COMPARE(homeShare.size(), 1);
    // AND a window that is not a party cannot put anything into the call: refused, not relayed
    home1.client->sendJson(QJsonObject { { QStringLiteral("type"), QStringLiteral("call.share") },
        { QStringLiteral("callId"), *callId }, { QStringLiteral("data"), QStringLiteral("{}") } });
    const QJsonObject refused = home1.client->waitFor(QStringLiteral("error"), *callId);
    QCOMPARE(refused.value(QStringLiteral("error"))[QStringLiteral("code")].toString(),
        QStringLiteral("forbidden"));
    QCOMPARE(refused.value(QStringLiteral("error"))[QStringLiteral("detail")].toString(),
        QStringLiteral("call.share"));
    // AND a message above the limit is refused too
    home2.client->sendJson(QJsonObject { { QStringLiteral("type"), QStringLiteral("call.share") },
        { QStringLiteral("callId"), *callId },
        { QStringLiteral("data"), QString(210 * 1024, u'x') } });
    QTest::qWait(300);
    QCOMPARE(appShare.size(), 1);
}

void TestCallSignalling::cancelDeclineAndHangup()
{
    Window app(m_base, QStringLiteral("xh-tb-03-wangli"), AppWindow);
    Window home1(m_base, QStringLiteral("xh-tb-01-liuyang"), Home1);
    Window home2(m_base, QStringLiteral("xh-tb-02-zhanghua"), Home2);
    QVERIFY(app.open() && home1.open() && home2.open());

    // GIVEN a call ringing at both home windows
    const auto first = app.calls->invite(Item);
    QVERIFY(first.ok());
    QTRY_COMPARE(home1.calls->incomingCalls().size(), 1);
    QTRY_COMPARE(home2.calls->incomingCalls().size(), 1);
    // WHEN one declines and the caller gives up
    QSignalSpy declined(home2.calls.get(), &CallSignalling::incomingEnded);
    QVERIFY(home2.calls->decline(*first).ok());
    QVERIFY(home2.calls->incomingCalls().isEmpty());
    QCOMPARE(declined.first().at(1).value<CallSignalling::End>(), CallSignalling::End::Declined);
    QSignalSpy appEnded(app.calls.get(), &CallSignalling::ended);
    QVERIFY(app.calls->cancel().ok());
    // THEN the caller is free again and the ringing stops at the other window
    QCOMPARE(app.calls->state(), CallSignalling::State::Idle);
    QCOMPARE(appEnded.first().first().value<CallSignalling::End>(), CallSignalling::End::Cancelled);
    QTRY_VERIFY(home1.calls->incomingCalls().isEmpty());
    // AND accepting the cancelled call is refused here, without a message
    QCOMPARE(home1.calls->accept(*first).error().code, int(Assist::NoSuchCall));

    // GIVEN a second call, answered
    const auto second = app.calls->invite(Item);
    QVERIFY(second.ok());
    QTRY_COMPARE(home1.calls->incomingCalls().size(), 1);
    QVERIFY(home1.calls->accept(*second).ok());
    QTRY_COMPARE(app.calls->state(), CallSignalling::State::Active);
    QTRY_COMPARE(home1.calls->state(), CallSignalling::State::Active);
    // WHEN the home window hangs up
    QSignalSpy remote(app.calls.get(), &CallSignalling::ended);
    QVERIFY(home1.calls->hangup().ok());
    // THEN both are free, the caller told the other side ended it
    QCOMPARE(home1.calls->state(), CallSignalling::State::Idle);
    QTRY_COMPARE(remote.size(), 1);
    QCOMPARE(
        remote.first().first().value<CallSignalling::End>(), CallSignalling::End::RemoteHungUp);
    QCOMPARE(app.calls->state(), CallSignalling::State::Idle);
    // AND media messages outside a call are refused here
    QCOMPARE(app.calls->sendOffer(QStringLiteral("v=0")).error().code, int(Assist::NoSuchCall));
}

void TestCallSignalling::unansweredCallIsMissedOnBothSides()
{
    Window app(m_base, QStringLiteral("xh-tb-03-wangli"), AppWindow);
    Window home1(m_base, QStringLiteral("xh-tb-01-liuyang"), Home1);
    QVERIFY(app.open() && home1.open());
    QSignalSpy appEnded(app.calls.get(), &CallSignalling::ended);
    QSignalSpy homeEnded(home1.calls.get(), &CallSignalling::incomingEnded);
    // WHEN nobody answers within the (short) timeout
    QVERIFY(app.calls->invite(Item).ok());
    QTRY_COMPARE(home1.calls->incomingCalls().size(), 1);
    // THEN the caller and the rung window both learn it was missed, after the platform's time
    QTRY_COMPARE(appEnded.size(), 1);
    QCOMPARE(appEnded.first().first().value<CallSignalling::End>(), CallSignalling::End::Missed);
    QVERIFY(!app.calls->lastMissRangNobody()); // a window rang: it was let ring out
    QCOMPARE(app.calls->missAfterSeconds(), 1); // the platform's 300 ms, rounded up
    home1.client.reset(); // no home window online now
    QTest::qWait(200); // the platform has seen its socket close
    // WHEN the caller calls again THEN it is missed at once: nobody could ring
    QVERIFY(app.calls->invite(Item).ok());
    QTRY_COMPARE(appEnded.size(), 2);
    QCOMPARE(appEnded.last().first().value<CallSignalling::End>(), CallSignalling::End::Missed);
    QTRY_VERIFY(app.calls->lastMissRangNobody());
    QTRY_COMPARE(homeEnded.size(), 1);
    QCOMPARE(homeEnded.first().at(1).value<CallSignalling::End>(), CallSignalling::End::Missed);
    QVERIFY(home1.calls->incomingCalls().isEmpty());
}

void TestCallSignalling::refusedInviteAndLostConnectionEndTheCall()
{
    Window app(m_base, QStringLiteral("xh-tb-03-wangli"), AppWindow);
    Window home1(m_base, QStringLiteral("xh-tb-01-liuyang"), Home1);
    QVERIFY(app.open() && home1.open());
    // WHEN the caller names an item the catalogue does not have
    QSignalSpy ended(app.calls.get(), &CallSignalling::ended);
    QVERIFY(app.calls->invite(QStringLiteral("00000000000000000")).ok());
    // THEN the platform refuses it and the call ends with its reason
    QTRY_COMPARE(ended.size(), 1);
    QCOMPARE(ended.first().first().value<CallSignalling::End>(), CallSignalling::End::Refused);
    const auto error = ended.first().at(1).value<Core::Error>();
    QCOMPARE(error.code, int(Assist::CallRefused));
    QVERIFY2(error.detail.contains(QStringLiteral("unknown_item")), qPrintable(error.detail));
    QVERIFY(!error.message.isEmpty());

    // GIVEN an active call
    const auto callId = app.calls->invite(Item);
    QVERIFY(callId.ok());
    QTRY_COMPARE(home1.calls->incomingCalls().size(), 1);
    QVERIFY(home1.calls->accept(*callId).ok());
    QTRY_COMPARE(app.calls->state(), CallSignalling::State::Active);
    // WHEN the caller's events socket drops
    QSignalSpy homeEnded(home1.calls.get(), &CallSignalling::ended);
    ended.clear();
    app.client->close();
    // THEN the caller's call is over at once, and the platform ends it for the other party
    QTRY_COMPARE(ended.size(), 1);
    QCOMPARE(
        ended.first().first().value<CallSignalling::End>(), CallSignalling::End::ConnectionLost);
    QCOMPARE(app.calls->state(), CallSignalling::State::Idle);
    QTRY_COMPARE_WITH_TIMEOUT(homeEnded.size(), 1, 10000);
    QCOMPARE(
        homeEnded.first().first().value<CallSignalling::End>(), CallSignalling::End::RemoteHungUp);
    // AND signalling cannot be sent while the socket is down
    QCOMPARE(app.calls->invite(Item).error().code, int(Assist::NotConnected));
}

void TestCallSignalling::callerGivingUpWhileThisWindowAnswersEndsTheAnswer()
{
    // The platform processes the caller's cancel before this window's accept: the window
    // hears call.cancelled while answering (the accept is then refused, but it must not wait
    // for that). Messages in and out here are the ones §11 defines, without a hub in between.
    QList<QJsonObject> sent;
    CallSignalling calls([&sent](const QJsonObject &message) {
        sent.append(message);
        return Core::Status();
    });
    QSignalSpy ended(&calls, &CallSignalling::ended);
    QSignalSpy incomingEnded(&calls, &CallSignalling::incomingEnded);
    const QString callId = QStringLiteral("c0ffee00-0000-4000-8000-000000000001");
    // GIVEN a call ringing here, and this window answering it
    calls.handleMessage({ { QStringLiteral("type"), QStringLiteral("call.ringing") },
        { QStringLiteral("callId"), callId }, { QStringLiteral("from"), AppWindow },
        { QStringLiteral("itemCode"), Item } });
    QCOMPARE(calls.incomingCalls().size(), 1);
    QVERIFY(calls.accept(callId).ok());
    QCOMPARE(sent.last().value(QStringLiteral("type")).toString(), QStringLiteral("call.accept"));
    QCOMPARE(calls.state(), CallSignalling::State::Answering);
    // WHEN the platform says the caller gave up
    calls.handleMessage({ { QStringLiteral("type"), QStringLiteral("call.cancelled") },
        { QStringLiteral("callId"), callId } });
    // THEN the answer is over, the ringing too, and the window is free for the next call
    QCOMPARE(calls.state(), CallSignalling::State::Idle);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.first().first().value<CallSignalling::End>(), CallSignalling::End::Cancelled);
    QCOMPARE(incomingEnded.size(), 1);
    QVERIFY(calls.incomingCalls().isEmpty());
}

void TestCallSignalling::aCallOutsideOfficeHoursSaysTheNextOpeningInTheClerksLanguage()
{
    Window app(m_base, QStringLiteral("xh-tb-03-wangli"), AppWindow);
    Window home1(m_base, QStringLiteral("xh-tb-01-liuyang"), Home1);
    QVERIFY(app.open() && home1.open());
    QSignalSpy ended(app.calls.get(), &CallSignalling::ended);
    const auto refusedCall = [&]() -> Core::Error {
        ended.clear();
        if (!app.calls->invite(Item).ok() || !QTest::qWaitFor([&] { return !ended.isEmpty(); }))
            return {};
        if (ended.first().first().value<CallSignalling::End>() != CallSignalling::End::Refused)
            return {};
        return ended.first().at(1).value<Core::Error>();
    };
    // GIVEN 国庆节 (2026-10-01, a holiday of the platform's calendar), 10:00 in Beijing, and
    // a clerk working in English
    m_platform->clock->set(
        QDateTime(QDate(2026, 10, 1), QTime(10, 0), QTimeZone(QByteArrayLiteral("Asia/Shanghai"))));
    QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en"));
    // WHEN the application window calls
    const Core::Error english = refusedCall();
    // THEN the platform's outside_office_hours (its message in Chinese) is said in English,
    // with the next opening: the first working day after the holiday, 09:00 Beijing time
    QCOMPARE(english.code, int(Assist::CallRefused));
    QVERIFY2(english.detail.contains(QStringLiteral("code=outside_office_hours")),
        qPrintable(english.detail));
    QVERIFY2(english.message.contains(QStringLiteral("outside their office hours"))
            && english.message.contains(QStringLiteral("2026-10-08 Thursday 09:00")),
        qPrintable(english.message));
    for (const QChar c : english.message)
        QVERIFY2(c.unicode() < 0x2E80, qPrintable(english.message)); // no Chinese left in it

    // GIVEN the same clerk working in Chinese, a Tuesday at 18:00 after the office closed
    QCOMPARE(installTranslations(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    m_platform->clock->set(QDateTime(
        QDate(2026, 11, 24), QTime(18, 0), QTimeZone(QByteArrayLiteral("Asia/Shanghai"))));
    // WHEN it calls THEN it reads when the home windows open next, the next morning
    const Core::Error chinese = refusedCall();
    QVERIFY2(chinese.message.contains(QStringLiteral("不在办公时间"))
            && chinese.message.contains(QStringLiteral("2026-11-25 星期三 09:00")),
        qPrintable(chinese.message));
    QCOMPARE(app.calls->state(), CallSignalling::State::Idle);
}

QTEST_GUILESS_MAIN(TestCallSignalling)
#include "tst_callsignalling.moc"
