// The applicant's 好差评 at the window (issue 17; 000 第三十二条, 004), on the real decision
// screen under Xvfb, by keyboard alone, in Chinese: after the receipt the clerk turns the
// screen, the applicant skips once, then rates 不满意 with a comment; the rating is kept in
// the workstation's request queue (kind rating) and reaches tongban-hub (in this process on
// 127.0.0.1) for the platform's case and the clerk, opening a rectification. The sign-in goes
// through PlatformLink with its tokens in a real gnome-keyring. Screenshot of the dialog in
// build/<preset>/screenshots/rating.png. Also: deadline and delivery events reach the
// after-window inbox that PlatformLink registers on the events channel, by exact type.

#include "CheckedDraft.h"
#include "cases/CaseController.h"
#include "cases/DecisionPage.h"
#include "cases/RatingDialog.h"

#include <intake/CaseManifest.h>
#include <intake/IntakeStore.h>
#include <platform/Outbox.h>
#include <platform/RequestQueue.h>
#include <security/AuditLog.h>

#include <QApplication>
#include <QDir>
#include <QInputMethodEvent>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

#include <InProcessHub.h>
#include <Translations.h>
#include <common/PlatformLink.h>
#include <common/Workstation.h>

using namespace Tongban;

namespace {
const QString Clerk = QStringLiteral("xh-tb-03-wangli");
const QString Item = QStringLiteral("41040201012001000");

int count(Hub::Hub &hub, const QString &sql)
{
    QSqlQuery query(hub.database().connection());
    return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
}

/// Runs \a act on the rating dialog once it is the active modal window.
void onRatingDialog(std::function<void(Gui::RatingDialog *)> act)
{
    auto *timer = new QTimer;
    timer->setInterval(30);
    QObject::connect(timer, &QTimer::timeout, [timer, act] {
        auto *dialog = qobject_cast<Gui::RatingDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isActiveWindow())
            return;
        timer->stop();
        timer->deleteLater();
        act(dialog);
    });
    timer->start();
}

void press(Qt::Key key, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    QTest::keyClick(QApplication::focusWidget(), key, mods);
}
} // namespace

class TestRating : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theApplicantRatesAtTheWindowAndThePlatformHasIt();
    void deadlineEventsReachTheirInboxByExactType();

private:
    /// A complete case of this window, receipt stage done and put in the outbox.
    QString transmitCase();

    InProcessHub m_hub;
    QTemporaryDir m_dir;
    std::unique_ptr<App::Workstation> m_station;
    std::unique_ptr<App::PlatformLink> m_platform;
};

void TestRating::initTestCase()
{
    QCOMPARE(installTranslations(QString()), QStringLiteral("zh_CN"));
    QFile style(QStringLiteral(":/tongban/ui/style/tongban.qss"));
    QVERIFY(style.open(QIODevice::ReadOnly));
    qApp->setStyleSheet(QString::fromUtf8(style.readAll()));
    const QString started = m_hub.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QSettings conf(m_dir.filePath(QStringLiteral("tongban.conf")), QSettings::IniFormat);
    conf.setValue(QStringLiteral("window/id"), QStringLiteral("410402-tb-03"));
    conf.setValue(QStringLiteral("window/code"), QStringLiteral("TB03"));
    conf.setValue(QStringLiteral("window/name"), QStringLiteral("新华区政务服务中心3号通办窗口"));
    conf.setValue(QStringLiteral("window/region"), QStringLiteral("410402"));
    conf.setValue(QStringLiteral("platform/url"), m_hub.base);
    conf.sync();
    auto opened = App::Workstation::open(m_dir.path());
    QVERIFY2(opened.ok(), qPrintable(opened ? QString() : opened.error().toString()));
    m_station = std::move(opened).value();
    m_platform = std::make_unique<App::PlatformLink>(*m_station);
    std::optional<Core::Result<Platform::ClerkInfo>> signedIn;
    m_platform->signIn(Clerk, QString::fromUtf8(Hub::DemoPassword),
        [&](Core::Result<Platform::ClerkInfo> clerk) { signedIn.emplace(clerk); });
    QTRY_VERIFY_WITH_TIMEOUT(signedIn.has_value(), 20000);
    QVERIFY2(signedIn->ok(), qPrintable(signedIn->ok() ? QString() : signedIn->error().toString()));
}

QString TestRating::transmitCase()
{
    auto checked = Testing::checkedCompleteDraft(*m_station, Item, Clerk);
    if (!checked)
        return {};
    Intake::IntakeStore &intake = m_station->intake();
    Intake::CaseDraft &draft = checked->draft;
    const Intake::Assessment &a = checked->assessment;
    const QJsonObject &body = checked->body;
    Platform::Outbox *outbox = m_platform->outbox();
    if (!intake.transmit(draft, body, a.paperToMail(), Core::DueDate { QDate(2026, 11, 25), false },
            [outbox](const QJsonObject &b) { return outbox->enqueueWithin(b); }))
        return {};
    outbox->announce(draft.caseId);
    return draft.caseId;
}

void TestRating::theApplicantRatesAtTheWindowAndThePlatformHasIt()
{
    // GIVEN the decision screen of a case whose receipt was issued and which is in the outbox
    // (not yet on the platform)
    const QString localId = transmitCase();
    QVERIFY(!localId.isEmpty());
    Gui::CaseController cases(*m_station, m_platform.get());
    cases.setClerk({ Clerk, QStringLiteral("王丽"), QStringLiteral("application") });
    Gui::DecisionPage page(*m_station, cases);
    page.resize(1366, 768);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    QVERIFY(cases.open(localId));
    page.refresh();
    auto *rate = page.findChild<QPushButton *>(QStringLiteral("rateService"));
    QVERIFY(rate);
    // THEN the screen offers the applicant's rating, in Chinese
    QVERIFY(rate->isVisible() && rate->isEnabled());
    QVERIFY2(rate->text().contains(QStringLiteral("评价")), qPrintable(rate->text()));
    const QString ratingId = QStringLiteral("rating:") + localId;

    // WHEN Ctrl+R opens the dialog and the applicant skips it (Esc)
    QString skippedTitle;
    onRatingDialog([&](Gui::RatingDialog *dialog) {
        skippedTitle = dialog->windowTitle();
        press(Qt::Key_Escape);
    });
    page.setFocus();
    QTest::keyClick(&page, Qt::Key_R, Qt::ControlModifier);
    QTRY_VERIFY(!skippedTitle.isEmpty());
    // THEN nothing is queued, and the rating can still be given
    QVERIFY2(skippedTitle.contains(QStringLiteral("好差评")), qPrintable(skippedTitle));
    QCOMPARE(m_platform->requests()->state(ratingId), QString());
    QVERIFY(rate->isEnabled());

    // WHEN the button (Space) opens it again and, by keyboard alone, the applicant moves to
    // 不满意 (Down three times from 非常满意, Space), Tab to the comment, types it, Ctrl+Enter
    QString problem = QStringLiteral("dialog not seen");
    onRatingDialog([&](Gui::RatingDialog *dialog) {
        problem.clear();
        const auto *top = dialog->findChild<QRadioButton *>(QStringLiteral("rating_5"));
        if (QApplication::focusWidget() != top)
            problem = QStringLiteral("focus not on 非常满意");
        auto *send = dialog->findChild<QPushButton *>(QStringLiteral("sendRating"));
        if (send->isEnabled())
            problem = QStringLiteral("send enabled before a level is chosen");
        for (int i = 0; i < 3; ++i)
            press(Qt::Key_Down);
        press(Qt::Key_Space);
        if (dialog->score() != 2)
            problem = QStringLiteral("score %1 instead of 2").arg(dialog->score());
        press(Qt::Key_Tab);
        auto *comment = dialog->findChild<QPlainTextEdit *>(QStringLiteral("ratingComment"));
        if (QApplication::focusWidget() != comment)
            problem = QStringLiteral("Tab did not reach the comment");
        QInputMethodEvent commit; // Chinese, as a Pinyin input method commits it
        commit.setCommitString(QStringLiteral("等候时间太长"));
        QApplication::sendEvent(comment, &commit);
        QTest::qWait(100);
        const QString shots = QStringLiteral(TONGBAN_SCREENSHOT_ROOT);
        QDir().mkpath(shots);
        dialog->grab().save(shots + QStringLiteral("/rating.png"));
        if (!send->isEnabled())
            problem = QStringLiteral("send disabled with a level chosen");
        QStringList texts;
        for (const QRadioButton *level : dialog->findChildren<QRadioButton *>())
            texts << level->text();
        if (!texts.join(u'|').contains(QStringLiteral("非常不满意")))
            problem = QStringLiteral("levels not in Chinese: ") + texts.join(u'|');
        press(Qt::Key_Return, Qt::ControlModifier);
    });
    QTRY_VERIFY(page.isActiveWindow()); // the window is active again after the dialog
    rate->setFocus();
    QTest::keyClick(rate, Qt::Key_Space);
    QTRY_VERIFY2(
        problem.isEmpty() || problem != QStringLiteral("dialog not seen"), qPrintable(problem));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // THEN the rating is queued in the workstation's database, the screen thanks the
    // applicant, and a second rating is not offered
    QVERIFY(!m_platform->requests()->state(ratingId).isEmpty());
    QStringList shown;
    for (QLabel *label : page.findChildren<QLabel *>()) {
        if (label->isVisible())
            shown << label->text();
    }
    QVERIFY2(shown.join(u'|').contains(QStringLiteral("不满意")), qPrintable(shown.join(u'|')));
    QVERIFY(!rate->isEnabled());
    // AND the trail records the rating with its score but not the applicant's words
    bool traced = false;
    for (const Security::AuditRecord &record : m_station->audit().recent(200)) {
        if (record.action == QLatin1String("case.rated")) {
            traced = record.detail.contains(QStringLiteral("2"))
                && !record.detail.contains(QStringLiteral("等候"));
        }
    }
    QVERIFY(traced);

    // AND once the outbox has put the case on the platform, the rating reaches it: for the
    // platform's case, this clerk, score 2 with the comment, and a rectification is open
    QTRY_COMPARE_WITH_TIMEOUT(
        m_platform->requests()->state(ratingId), QStringLiteral("done"), 60000);
    const QString caseId = m_platform->serverCaseId(localId);
    QVERIFY(!caseId.isEmpty());
    QCOMPARE(count(*m_hub.hub,
                 QStringLiteral("SELECT COUNT(*) FROM hub_ratings WHERE score = 2 AND account = '")
                     + Clerk + QStringLiteral("' AND comment = '等候时间太长' AND case_id = '")
                     + caseId + QStringLiteral("'")),
        1);
    QCOMPARE(count(*m_hub.hub,
                 QStringLiteral("SELECT COUNT(*) FROM hub_rectifications WHERE case_id = '")
                     + caseId + QStringLiteral("' AND rectified_at IS NULL")),
        1);
    // AND Ctrl+R does nothing more
    QTest::keyClick(&page, Qt::Key_R, Qt::ControlModifier);
    QVERIFY(!QApplication::activeModalWidget());
}

void TestRating::deadlineEventsReachTheirInboxByExactType()
{
    // GIVEN the signed-in window's events channel live, with the after-window inbox that
    // PlatformLink registers (issue 17: typed inboxes, no routing by a type's prefix)
    QTRY_COMPARE_WITH_TIMEOUT(
        m_platform->results()->state(), Platform::ResultFeed::State::Live, 20000);
    QSignalSpy arrived(m_platform.get(), &App::PlatformLink::afterWindowEvent);
    const auto append = [this](const QString &type, const QJsonObject &data) {
        QSqlQuery insert(m_hub.hub->database().connection());
        insert.prepare(QStringLiteral(
            "INSERT INTO hub_events (window_id, type, at, data) VALUES (?, ?, ?, ?)"));
        insert.addBindValue(QStringLiteral("410402-tb-03"));
        insert.addBindValue(type);
        insert.addBindValue(QDateTime::currentMSecsSinceEpoch());
        insert.addBindValue(QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)));
        return insert.exec();
    };
    // WHEN the platform stores a look-alike type, then a deadline alert, then a delivery task
    QVERIFY(append(QStringLiteral("case.overdueSoon"), { { QStringLiteral("caseId"), 1 } }));
    QVERIFY(append(QStringLiteral("case.overdue"),
        { { QStringLiteral("caseNumber"), QStringLiteral("410402-20261124-000001") },
            { QStringLiteral("stage"), QStringLiteral("acceptance") } }));
    QVERIFY(append(QStringLiteral("delivery.task"),
        { { QStringLiteral("deliveryId"), QStringLiteral("d-1") } }));
    // THEN Today's inbox gets exactly the two of its types, in order, with their data
    QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 2, 20000);
    QCOMPARE(arrived.at(0).at(0).toString(), QStringLiteral("case.overdue"));
    QCOMPARE(arrived.at(0).at(1).toJsonObject().value(QStringLiteral("stage")).toString(),
        QStringLiteral("acceptance"));
    QCOMPARE(arrived.at(1).at(0).toString(), QStringLiteral("delivery.task"));
    QTest::qWait(200);
    QCOMPARE(arrived.size(), 2);
}

QTEST_MAIN(TestRating)
#include "tst_rating.moc"
