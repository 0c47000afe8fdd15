#include "assist/CallPage.h"
#include "audit/AuditPage.h"
#include "shell/EmptyState.h"
#include "shell/MainWindow.h"

#include <widgets/SampleView.h>

#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>

#include <Translations.h>
#include <common/Workstation.h>

using namespace Tongban;

namespace {
QStringList labelTexts(QWidget *root)
{
    QStringList texts;
    for (QLabel *label : root->findChildren<QLabel *>())
        texts << label->text();
    return texts;
}

bool anyContains(const QStringList &texts, const QString &needle)
{
    for (const QString &text : texts) {
        if (text.contains(needle))
            return true;
    }
    return false;
}
} // namespace

/*!
 * The shell as a clerk meets it: in Chinese, with every screen reachable from
 * the keyboard, the Today screen telling the truth about the working day, and
 * the screens that are not built saying so.
 */
/// The demo clerk, as the platform would return them after sign-in.
const Gui::Clerk kClerk { QStringLiteral("xh-tb-03-wangli"), QStringLiteral("王丽"),
    QStringLiteral("application") };

class tst_MainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<App::Workstation> m_station;

private slots:
    void initTestCase()
    {
        QCOMPARE(installTranslations(QString()), QStringLiteral("zh_CN"));
        if (qEnvironmentVariableIsSet("TONGBAN_SCREENSHOT_DIR")) {
            // Screenshots for people to look at: with the application's style.
            QFile style(QStringLiteral(":/tongban/ui/style/tongban.qss"));
            if (style.open(QIODevice::ReadOnly))
                qApp->setStyleSheet(QString::fromUtf8(style.readAll()));
        }
        // GIVEN a workstation on 1 October 2025, 09:00 in Beijing (a public holiday)
        auto clock = std::make_unique<Core::ManualClock>(
            QDateTime(QDate(2025, 10, 1), QTime(1, 0), Qt::UTC));
        auto station = App::Workstation::open(m_dir.path(), std::move(clock));
        QVERIFY(station.ok());
        m_station = std::move(station).value();
        m_station->auditSystem(QStringLiteral("app.start"), QStringLiteral("ok"));
    }

    void startsInChineseWithEveryScreen()
    {
        Gui::MainWindow window(*m_station);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("通办工作站"));
        // Nothing but the sign-in screen before a clerk signs in
        auto *account = window.findChild<QLineEdit *>(QStringLiteral("account"));
        QVERIFY(account && account->isVisible());
        QVERIFY(!window.findChild<QListWidget *>(QStringLiteral("navigation"))->isVisible());
        window.adoptClerk(kClerk);
        QVERIFY(!account->isVisible());
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        QCOMPARE(navigation->count(), 8);
        QCOMPARE(navigation->item(0)->text(), QStringLiteral("今日"));
        QCOMPARE(navigation->item(7)->text(), QStringLiteral("留痕记录"));
        QCOMPARE(window.currentScreen(), Gui::MainWindow::Screen::Today);
    }

    void keyboardReachesEveryScreen()
    {
        Gui::MainWindow window(*m_station);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.adoptClerk(kClerk);
        for (int i = 7; i >= 0; --i) {
            QTest::keyClick(&window, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            QCOMPARE(int(window.currentScreen()), i);
        }
    }

    // Issue 14: an empty table showed its headers alone. Every empty list, table and tree of
    // every screen says 暂无… in its middle, and the line goes once a row is there.
    void everyEmptyListSaysSo()
    {
        // GIVEN a new window, no case yet
        QTemporaryDir dir;
        auto station = App::Workstation::open(dir.path());
        QVERIFY(station.ok());
        Gui::MainWindow window(**station);
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.adoptClerk(kClerk);
        QStringList problems;
        QStringList checked;
        for (int screen = 0; screen < 8; ++screen) {
            // WHEN each screen shows
            window.showScreen(Gui::MainWindow::Screen(screen));
            QApplication::processEvents();
            if (const QString shots = qEnvironmentVariable("TONGBAN_SCREENSHOT_DIR");
                !shots.isEmpty())
                window.grab().save(QStringLiteral("%1/empty-%2.png").arg(shots).arg(screen + 1));
            for (QAbstractItemView *view : window.findChildren<QAbstractItemView *>()) {
                if (!view->isVisible() || !view->model() || qobject_cast<QHeaderView *>(view)
                    || view->objectName() == QLatin1String("navigation")
                    || view->model()->rowCount(view->rootIndex()) > 0)
                    continue;
                // THEN each empty one says so, readably, where the rows would be
                QLabel *empty = Gui::emptyStateOf(view);
                const QString name = QStringLiteral("%1/%2 %3 in %4")
                                         .arg(screen)
                                         .arg(view->objectName(),
                                             QString::fromLatin1(view->metaObject()->className()),
                                             view->parentWidget()->objectName());
                checked << name;
                if (!empty || !empty->isVisible()
                    || !empty->text().startsWith(QStringLiteral("暂无"))
                    || !view->viewport()->rect().contains(empty->geometry().center()))
                    problems << name + QStringLiteral(": ") + (empty ? empty->text() : QString());
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // (today's four, the outbox's two, the checklist's and the decision's at least)
        QVERIFY2(checked.size() >= 8, qPrintable(checked.join(u' ')));
        // AND a row hides the line, a clear shows it again
        window.showScreen(Gui::MainWindow::Screen::Today);
        auto *cases = window.findChild<QTreeWidget *>(QStringLiteral("todayCases"));
        QVERIFY(Gui::emptyStateOf(cases)->isVisible());
        new QTreeWidgetItem(cases, { QStringLiteral("TB-1") });
        QVERIFY(!Gui::emptyStateOf(cases)->isVisible());
        cases->clear();
        QVERIFY(Gui::emptyStateOf(cases)->isVisible());
    }

    void todayTellsTheHolidayAndTheMailingDeadline()
    {
        Gui::MainWindow window(*m_station);
        window.adoptClerk(kClerk);
        const QStringList texts = labelTexts(window.screenWidget(Gui::MainWindow::Screen::Today));
        // 1 October 2025 is 国庆节; the next working day is Thursday 9 October.
        QVERIFY2(anyContains(texts, QStringLiteral("法定节假日（国庆节、中秋节）")),
            qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(anyContains(texts, QStringLiteral("2025年10月9日")));
        // AND the health of the workstation, checked on a worker thread
        QWidget *today = window.screenWidget(Gui::MainWindow::Screen::Today);
        QTRY_VERIFY2(anyContains(labelTexts(today), QStringLiteral("记录链完整")),
            qPrintable(labelTexts(today).join(QLatin1Char('|'))));
        QVERIFY(anyContains(labelTexts(today), QStringLiteral("完整性检查通过")));
    }

    // Issue 12: Today warns from 1 December when next year is missing from the calendar in
    // force, and shows a deadline computed without that year as provisional.
    void todayWarnsFromFirstDecemberOnly()
    {
        const auto warningShown = [](const QDateTime &now) {
            QTemporaryDir dir;
            auto station
                = App::Workstation::open(dir.path(), std::make_unique<Core::ManualClock>(now));
            if (!station)
                return QString(QStringLiteral("not opened"));
            Gui::MainWindow window(**station);
            window.adoptClerk(kClerk);
            QWidget *today = window.screenWidget(Gui::MainWindow::Screen::Today);
            for (QLabel *label : today->findChildren<QLabel *>(QStringLiteral("warning"))) {
                if (!label->isHidden() && label->text().contains(QStringLiteral("2027")))
                    return label->text();
            }
            return QString();
        };
        // GIVEN the built-in calendar (2024-2026)
        // WHEN it is 23:59 on 30 November 2026 in Beijing THEN Today does not warn
        QCOMPARE(warningShown(QDateTime(QDate(2026, 11, 30), QTime(15, 59), Qt::UTC)), QString());
        // WHEN it is 00:00 on 1 December 2026 in Beijing THEN it says what is missing and what
        // to do
        const QString warning = warningShown(QDateTime(QDate(2026, 11, 30), QTime(16, 0), Qt::UTC));
        QVERIFY2(
            warning.contains(QStringLiteral("tongban-hub calendar import")), qPrintable(warning));
    }

    void todayShowsProvisionalDeadlines()
    {
        // GIVEN 10:00 on 31 December 2026 in Beijing, the built-in calendar, and a case whose
        // paper originals are due on a provisional date
        QTemporaryDir dir;
        auto station = App::Workstation::open(dir.path(),
            std::make_unique<Core::ManualClock>(
                QDateTime(QDate(2026, 12, 31), QTime(2, 0), Qt::UTC)));
        QVERIFY(station.ok());
        Intake::CaseDraft draft = (*station)
                                      ->intake()
                                      .start(QStringLiteral("41040201012001000"), {},
                                          (*station)->intakeWindow(), kClerk.account)
                                      .value();
        QVERIFY((*station)->intake().addMailingTask(
            draft, { QStringLiteral("application") }, Core::DueDate { QDate(2027, 1, 1), true }));
        // WHEN the clerk looks at Today
        Gui::MainWindow window(**station);
        window.adoptClerk(kClerk);
        QWidget *today = window.screenWidget(Gui::MainWindow::Screen::Today);
        // THEN the mailing task's date says it is provisional
        auto *mailings = today->findChild<QTreeWidget *>(QStringLiteral("mailings"));
        QVERIFY(mailings);
        QCOMPARE(mailings->topLevelItemCount(), 1);
        QVERIFY2(mailings->topLevelItem(0)->text(0).contains(QStringLiteral("暂定")),
            qPrintable(mailings->topLevelItem(0)->text(0)));
        // AND its case number is whole in its column (issue 14: cut in Today's cards)
        const QString number = mailings->topLevelItem(0)->text(1);
        QVERIFY2(mailings->columnWidth(1) >= mailings->fontMetrics().horizontalAdvance(number),
            qPrintable(QStringLiteral("%1 in %2 px").arg(number).arg(mailings->columnWidth(1))));
        // AND so does the deadline for originals received today, which does not fail
        const QStringList texts = labelTexts(today);
        QVERIFY2(anyContains(texts, QStringLiteral("2027年1月1日")),
            qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(anyContains(texts, QStringLiteral("（暂定：仅按周末推算）")));
        QVERIFY(!anyContains(texts, QStringLiteral("无法计算")));
    }

    void todayReportsATamperedAuditTrail()
    {
        // GIVEN a workstation whose audit trail was rewritten behind the application's back
        QTemporaryDir dir;
        auto station = App::Workstation::open(dir.path());
        QVERIFY(station.ok());
        for (int i = 0; i < 3; ++i)
            (*station)->auditSystem(QStringLiteral("app.start"), QStringLiteral("ok"));
        QSqlQuery query((*station)->database().connection());
        QVERIFY(
            query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger'")));
        QStringList triggers;
        while (query.next())
            triggers << query.value(0).toString();
        for (const QString &trigger : triggers)
            QVERIFY(query.exec(QStringLiteral("DROP TRIGGER ") + trigger));
        QVERIFY(query.exec(QStringLiteral("UPDATE audit_log SET result = 'denied' WHERE id = 2")));
        // WHEN a clerk signs in
        Gui::MainWindow window(**station);
        window.adoptClerk(kClerk);
        // THEN Today says so in plain words
        QWidget *today = window.screenWidget(Gui::MainWindow::Screen::Today);
        QTRY_VERIFY2(anyContains(labelTexts(today), QStringLiteral("发现篡改")),
            qPrintable(labelTexts(today).join(QLatin1Char('|'))));
    }

    void videoAssistanceSaysCallsAreRecordedAndNothingIsMissing()
    {
        // A window without a platform, signed in as an application clerk
        Gui::MainWindow window(*m_station);
        window.adoptClerk(kClerk);
        auto *page = qobject_cast<Gui::CallPage *>(
            window.screenWidget(Gui::MainWindow::Screen::Assistance));
        QVERIFY(page);
        const QStringList texts = labelTexts(page);
        // Video assistance is whole (issue 15): the screen no longer names parts not built,
        // and says that calls are recorded
        QVERIFY2(!anyContains(texts, QStringLiteral("尚未建成")), qPrintable(texts.join(u'|')));
        QVERIFY(anyContains(texts, QStringLiteral("录像")));
        // the devices can be checked before a call, even without a platform
        QVERIFY(page->findChild<QPushButton *>(QStringLiteral("checkDevicesButton"))->isEnabled());
        // and without a platform no call can be placed
        QVERIFY(anyContains(texts, QStringLiteral("未配置平台")));
        QVERIFY(!page->findChild<QPushButton *>(QStringLiteral("callButton"))->isEnabled());
    }

    void theDeviceCheckOpensFromTheCallScreen()
    {
        // GIVEN the call screen with no call under way (simulated devices)
        Gui::MainWindow window(*m_station);
        window.adoptClerk(kClerk);
        window.resize(1366, 768);
        window.show();
        window.showScreen(Gui::MainWindow::Screen::Assistance);
        auto *button = window.findChild<QPushButton *>(QStringLiteral("checkDevicesButton"));
        QVERIFY(button && button->isVisible() && button->isEnabled());
        // WHEN the clerk opens the device check
        QStringList seen;
        QTimer::singleShot(0, &window, [&] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            QWidget *dialog = QApplication::activeModalWidget();
            QTest::qWait(300);
            if (const QString shots = qEnvironmentVariable("TONGBAN_SCREENSHOT_DIR");
                !shots.isEmpty())
                dialog->grab().save(QStringLiteral("%1/device-check-from-call.png").arg(shots));
            seen = labelTexts(dialog);
            dialog->close();
        });
        button->click();
        // THEN the assistant's device check showed, the document camera among its lines, and
        // it closed again
        QVERIFY2(anyContains(seen, QStringLiteral("高拍仪")), qPrintable(seen.join(u'|')));
        QVERIFY(!QApplication::activeModalWidget());
    }

    void lockAdmitsOnlyTheSameClerk()
    {
        // GIVEN a signed-in clerk
        Gui::MainWindow window(*m_station);
        window.show();
        window.adoptClerk(kClerk);
        QVERIFY(!window.isLocked());
        // WHEN the window locks (as after the idle time)
        window.lock();
        // THEN only the sign-in screen shows, with the clerk's account fixed
        QVERIFY(window.isLocked());
        auto *account = window.findChild<QLineEdit *>(QStringLiteral("account"));
        QVERIFY(account->isVisible());
        QCOMPARE(account->text(), kClerk.account);
        QVERIFY(account->isReadOnly());
        // and, locked by the clerk, it does not claim a period without use (issue 14)
        QVERIFY2(!anyContains(labelTexts(&window), QStringLiteral("无操作")),
            qPrintable(labelTexts(&window).join(u'|')));
        QVERIFY(anyContains(labelTexts(&window), QStringLiteral("王丽已锁定")));
        // and another account cannot unlock it
        window.signIn(QStringLiteral("wd-tb-02-zhaomin"), QStringLiteral("Tongban@2026"));
        QVERIFY(window.isLocked());
        QVERIFY(anyContains(labelTexts(&window), QStringLiteral("只有王丽")));
        // and the lock is in the audit trail
        auto *audit
            = qobject_cast<Gui::AuditPage *>(window.screenWidget(Gui::MainWindow::Screen::Audit));
        QVERIFY(audit);
        // signing out leaves the sign-in screen for anyone
        window.signOut();
        QVERIFY(!window.isLocked());
        QVERIFY(!window.isSignedIn());
        QVERIFY(!account->isReadOnly());
        QSqlQuery query(m_station->database().connection());
        QVERIFY(query.exec(QStringLiteral(
            "SELECT action FROM audit_log WHERE action LIKE 'session.%' ORDER BY id")));
        QStringList actions;
        while (query.next())
            actions << query.value(0).toString();
        QVERIFY2(actions.mid(actions.size() - 2)
                == QStringList(
                    { QStringLiteral("session.lock"), QStringLiteral("session.signOut") }),
            qPrintable(actions.join(u',')));
    }

    void guidesFindByPinyinAndDrawReviewPoints()
    {
        // J1: the clerk types gtgsh, opens 个体工商户设立登记 and reads its materials,
        // each with its review points drawn on the sample.
        Gui::MainWindow window(*m_station);
        window.adoptClerk(kClerk);
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentScreen(), Gui::MainWindow::Screen::Guides);
        QWidget *page = window.screenWidget(Gui::MainWindow::Screen::Guides);
        auto *search = page->findChild<QLineEdit *>(QStringLiteral("guideSearch"));
        QVERIFY(search);
        QTest::keyClicks(search, QStringLiteral("gtgsh"));
        auto *results = page->findChild<QListWidget *>(QStringLiteral("guideResults"));
        QVERIFY(results->count() >= 3);
        for (int i = 0; i < results->count(); ++i)
            QVERIFY2(results->item(i)->text().startsWith(QStringLiteral("个体工商户")),
                qPrintable(results->item(i)->text()));
        const QString setUp = QStringLiteral("个体工商户设立登记");
        for (int i = 0; i < results->count(); ++i) {
            if (results->item(i)->text().startsWith(setUp))
                results->setCurrentRow(i);
        }
        auto *guide = page->findChild<QTextBrowser *>(QStringLiteral("guideText"));
        QVERIFY(guide->toPlainText().contains(setUp));
        QVERIFY(guide->toPlainText().contains(QStringLiteral("新华区")));
        auto *materials = page->findChild<QListWidget *>(QStringLiteral("guideMaterials"));
        QVERIFY(materials->count() >= 4);
        materials->setCurrentRow(0);
        auto *points = page->findChild<QListWidget *>(QStringLiteral("guidePoints"));
        QVERIFY(points->count() >= 2);
        auto *sample = page->findChild<Widgets::SampleView *>(QStringLiteral("sampleView"));
        QVERIFY(sample->hasImage());
        points->setCurrentRow(0);
        // Every review point of the material has its region on the drawn sample.
        const auto catalog = m_station->catalogs().active();
        QVERIFY(catalog.ok());
        for (const auto &candidate : catalog->items) {
            if (candidate.name != setUp)
                continue;
            for (const auto &point : candidate.materials.first().reviewPoints) {
                const QRectF region = sample->regionRect(point.id);
                QVERIFY2(region.isValid() && QRectF(sample->rect()).contains(region),
                    qPrintable(point.id));
            }
        }
        if (qEnvironmentVariableIsSet("TONGBAN_SCREENSHOT_DIR"))
            window.grab().save(
                qEnvironmentVariable("TONGBAN_SCREENSHOT_DIR") + QStringLiteral("/guides.png"));
    }

    void auditScreenListsRecordsAndChecksTheChain()
    {
        Gui::MainWindow window(*m_station);
        window.show();
        window.adoptClerk(kClerk);
        window.showScreen(Gui::MainWindow::Screen::Audit);
        QWidget *page = window.screenWidget(Gui::MainWindow::Screen::Audit);
        auto *table = page->findChild<QTableWidget *>();
        QVERIFY(table);
        QVERIFY(table->rowCount() >= 1);
        QStringList actions;
        QStringList codes;
        for (int row = 0; row < table->rowCount(); ++row) {
            actions << table->item(row, 3)->text();
            codes << table->item(row, 3)->data(Qt::UserRole).toString();
        }
        // In the clerk's words, the code only for IT (issue 14: raw codes on screen)
        QVERIFY2(codes.contains(QStringLiteral("app.start")), qPrintable(codes.join(u',')));
        QVERIFY2(actions.contains(QStringLiteral("程序启动")), qPrintable(actions.join(u',')));
        QVERIFY2(!actions.contains(QStringLiteral("app.start")), qPrintable(actions.join(u',')));
        for (int row = 0; row < table->rowCount(); ++row)
            QVERIFY(table->item(row, 5)->text() != QLatin1String("ok"));
        auto *verify = page->findChild<QPushButton *>(QStringLiteral("verifyButton"));
        QTest::mouseClick(verify, Qt::LeftButton);
        auto *verdict = page->findChild<QLabel *>(QStringLiteral("verdict"));
        QVERIFY2(
            verdict->text().startsWith(QStringLiteral("记录链完整")), qPrintable(verdict->text()));
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
