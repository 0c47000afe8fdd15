#pragma once

// The main job end to end through the real main window (tst_journey): the test class,
// its shared state and the steps both halves use. The steps are defined in tst_journey.cpp
// (cases, notices, results) and tst_journey_call.cpp (video assistance); they run in the
// order declared here, one journey.

#include "assist/CallPage.h"
#include "cases/CapturePane.h"
#include "cases/CaseController.h"
#include "cases/ChecklistPage.h"
#include "cases/DecisionPage.h"
#include "shell/MainWindow.h"

#include <assist/MarkupJournal.h>
#include <assist/MediaSession.h>
#include <assist/PageShare.h>
#include <core/Hash.h>
#include <intake/ResultDelivery.h>
#include <notices/NoticeStore.h>
#include <platform/ApiClient.h>
#include <platform/Outbox.h>
#include <platform/Session.h>
#include <security/AuditLog.h>
#include <widgets/MarkupView.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QInputMethodEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QWheelEvent>
#include <QrOnPage.h>

#include <Translations.h>
#include <algorithm>
#include <cmath>
#include <common/PlatformLink.h>
#include <common/Workstation.h>
#include <pwd.h>
#include <unistd.h>

namespace Tongban::Testing::Journey {

inline const QString kItem = QStringLiteral("41040201012001000"); // 个体工商户设立登记

/// tongban-hub as a child on 127.0.0.1 with the demo seed.
struct Hub
{
    QTemporaryDir dir;
    QProcess process;
    quint16 port = 0;

    bool start()
    {
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(QStringLiteral(TONGBAN_HUB),
            { QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--listen"),
                QStringLiteral("127.0.0.1:0"), QStringLiteral("--seed-demo"),
                QStringLiteral("--no-office-hours") }); // the real clock: calls at any hour
        QElapsedTimer timer;
        timer.start();
        QByteArray out;
        while (timer.elapsed() < 30000 && process.state() != QProcess::NotRunning) {
            process.waitForReadyRead(200);
            out += process.readAllStandardOutput();
            const int at = out.indexOf("listening on http://127.0.0.1:");
            if (at >= 0) {
                const int end = out.indexOf('\n', at);
                if (end > at) {
                    port = quint16(out.mid(at + 30, end - at - 30).trimmed().toUInt());
                    return port != 0;
                }
            }
        }
        return false;
    }
    ~Hub()
    {
        process.terminate();
        process.waitForFinished(5000);
    }
};

inline const QString EvaluationBase
    = QStringLiteral("https://hcp.example.gov.cn/evaluate?org=410403");

inline QStringList printedFiles()
{
    QStringList files;
    // cups-pdf writes to the job owner's home from the password database, not $HOME.
    const QString home = QString::fromLocal8Bit(getpwuid(getuid())->pw_dir);
    for (const QString &folder : { QString(home + QStringLiteral("/PDF")),
             QStringLiteral("/var/spool/cups-pdf/ANONYMOUS") }) {
        QDirIterator it(folder, { QStringLiteral("*.pdf") }, QDir::Files);
        while (it.hasNext())
            files << it.next();
    }
    return files;
}

inline QString pdfText(const QByteArray &pdf)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("n.pdf")));
    file.open(QIODevice::WriteOnly);
    file.write(pdf);
    file.close();
    QProcess p;
    p.start(QStringLiteral("pdftotext"), { file.fileName(), QStringLiteral("-") });
    p.waitForFinished(30000);
    QString text = QString::fromUtf8(p.readAllStandardOutput());
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    return text;
}

template<typename T>
T *find(QWidget *root, const QString &name)
{
    T *w = root->findChild<T *>(name);
    if (!w)
        qFatal("widget %s not found", qPrintable(name));
    return w;
}

inline void typeChinese(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QApplication::sendEvent(edit, &commit);
}

} // namespace Tongban::Testing::Journey

// This header belongs to the two files of this one test, which spell names as the test always
// did.
using namespace Tongban;
using namespace Tongban::Testing::Journey;

/*!
 * The main job end to end (issue 6), through the real main window: the hub on
 * loopback, the clerk's token in a real gnome-keyring, the simulated document
 * camera and a real CUPS queue (TongbanPDF, cups-pdf).
 *
 * J1: a complete case -> receipt printed -> the case and every page on the hub
 * with matching hashes -> official number shown.
 * J2: two missing materials and one failed review point -> one-time notice
 * listing exactly those three -> the applicant returns -> correction -> receipt.
 *
 * A screenshot of every screen goes to $TONGBAN_SCREENSHOT_DIR when set.
 */
class tst_Journey : public QObject
{
    Q_OBJECT

private:
    Hub m_hub;
    QTemporaryDir m_dataDir;
    std::unique_ptr<App::Workstation> m_station;
    std::unique_ptr<App::PlatformLink> m_platform;
    std::unique_ptr<Gui::MainWindow> m_window;
    int m_shot = 0;
    QString m_completeCase;
    QTemporaryDir m_homeDataDir;
    QString m_sharedCallId; ///< the call whose page was marked
    QString m_sharedPage; ///< its SHA-256
    std::unique_ptr<App::Workstation> m_homeStation;
    std::unique_ptr<App::PlatformLink> m_homePlatform;
    std::unique_ptr<Gui::MainWindow> m_homeWindow;

    int hubCount(const QString &sql)
    {
        int n = -1;
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("hubcount"));
            db.setDatabaseName(m_hub.dir.filePath(QStringLiteral("hub.db")));
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(sql) && q.next())
                    n = q.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("hubcount"));
        return n;
    }

    /// Runs \a sql on the hub's database (beside the running hub, as its tools do).
    bool hubExec(const QString &sql)
    {
        bool done = false;
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("hubexec"));
            db.setDatabaseName(m_hub.dir.filePath(QStringLiteral("hub.db")));
            if (db.open()) {
                QSqlQuery q(db);
                done = q.exec(sql);
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("hubexec"));
        return done;
    }

    void screenshot(const QString &name, QWidget *window = nullptr)
    {
        const QString dir = qEnvironmentVariable("TONGBAN_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        if (m_shot == 0)
            QDir(dir).removeRecursively();
        QDir().mkpath(dir);
        QApplication::processEvents();
        (window ? window : m_window.get())
            ->grab()
            .save(QStringLiteral("%1/%2-%3.png")
                      .arg(dir)
                      .arg(++m_shot, 2, 10, QLatin1Char('0'))
                      .arg(name));
    }

    Gui::ChecklistPage *checklist() const
    {
        return qobject_cast<Gui::ChecklistPage *>(
            m_window->screenWidget(Gui::MainWindow::Screen::Checklist));
    }

    /// Starts a case for 个体工商户设立登记 for 张三 from the New case screen, as typed.
    void startCase(const QString &name, const QString &id)
    {
        m_window->showScreen(Gui::MainWindow::Screen::NewCase);
        QWidget *page = m_window->screenWidget(Gui::MainWindow::Screen::NewCase);
        auto *search = find<QLineEdit>(page, QStringLiteral("itemSearch"));
        search->clear();
        QTest::keyClicks(search, QStringLiteral("gtgsh"));
        auto *results = find<QListWidget>(page, QStringLiteral("itemResults"));
        QVERIFY(results->count() >= 1);
        QCOMPARE(results->item(0)->data(Qt::UserRole).toString(), kItem);
        results->setCurrentRow(0);
        QTest::mouseClick(find<QPushButton>(page, QStringLiteral("startCase")), Qt::LeftButton);
        QVERIFY(m_window->cases().hasCase());
        typeChinese(find<QLineEdit>(page, QStringLiteral("applicantName")), name);
        QTest::keyClicks(find<QLineEdit>(page, QStringLiteral("applicantId")), id);
        QCOMPARE(m_window->cases().draft().applicant.idNumber, id);
        screenshot(QStringLiteral("new-case"));
        QTest::mouseClick(find<QPushButton>(page, QStringLiteral("toChecklist")), Qt::LeftButton);
        QCOMPARE(m_window->currentScreen(), Gui::MainWindow::Screen::Checklist);
    }

    /// Captures one page of the current material with the document camera.
    void capturePage()
    {
        Gui::CapturePane *pane = m_window->capturePane();
        const QString material = checklist()->currentMaterial();
        const auto pagesOf = [this, material] {
            const Intake::MaterialState *m = m_window->cases().draft().material(material);
            return m ? int(m->pages.size()) : 0;
        };
        const int before = pagesOf();
        pane->captureNow();
        QTRY_COMPARE_WITH_TIMEOUT(pagesOf(), before + 1, 60000);
    }

    /// Marks every visible review point of the current material met (or \a failPoint not met).
    void markPoints(const QString &failPoint = {})
    {
        QApplication::processEvents(); // rows added to a shown layout appear on the next pass
        for (QWidget *row : checklist()->findChildren<QWidget *>()) {
            if (!row->isVisible() || !row->objectName().startsWith(QLatin1String("point_")))
                continue;
            const QString point = row->objectName().mid(6);
            auto *button = row->findChild<QPushButton *>(
                point == failPoint ? QStringLiteral("fail") : QStringLiteral("pass"));
            if (!button->isChecked()) // a second click would take the mark back
                QTest::mouseClick(button, Qt::LeftButton);
            if (point == failPoint) {
                // The clerk picks the guide's reason (nothing is picked for them).
                auto *reason = row->findChild<QComboBox *>(QStringLiteral("reason"));
                QVERIFY(reason->isVisible());
                if (reason->currentData().toString().isEmpty()) {
                    reason->setCurrentIndex(1);
                    emit reason->activated(1);
                }
            }
        }
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    void verifyOriginal()
    {
        auto *original = find<QCheckBox>(checklist(), QStringLiteral("originalVerified"));
        if (original->isVisible() && !original->isChecked())
            original->click();
    }

    void nextMaterial()
    {
        QTest::mouseClick(
            find<QPushButton>(checklist(), QStringLiteral("nextMaterial")), Qt::LeftButton);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    /// What the decision screen says, for a failure message.
    QString decisionText() const
    {
        QStringList texts;
        for (QLabel *label : decision()->findChildren<QLabel *>()) {
            if (label->isVisible())
                texts << label->text();
        }
        return texts.join(u'|');
    }

    Gui::DecisionPage *decision() const
    {
        return qobject_cast<Gui::DecisionPage *>(
            m_window->screenWidget(Gui::MainWindow::Screen::Notices));
    }

    /// Drags the mouse over \a canvas with the left button, from \a from to \a to.
    static void drag(QWidget *canvas, QPointF from, QPointF to)
    {
        const auto send = [canvas](QEvent::Type type, QPointF at, Qt::MouseButton button,
                              Qt::MouseButtons buttons) {
            QMouseEvent event(type, at, canvas->mapToGlobal(at), button, buttons, Qt::NoModifier);
            QApplication::sendEvent(canvas, &event);
        };
        send(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
        for (int i = 1; i <= 4; ++i)
            send(QEvent::MouseMove, from + (to - from) * i / 4.0, Qt::NoButton, Qt::LeftButton);
        send(QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
    }

    /// The body of the platform's answer to GET \a path with the application window's
    /// session; empty unless it succeeded within 10 s.
    QByteArray platformGetBytes(const QString &path)
    {
        std::optional<Core::Result<Platform::ApiResponse>> answer;
        Platform::ApiRequest request;
        request.path = path;
        m_platform->session()->send(
            request, [&answer](Core::Result<Platform::ApiResponse> r) { answer = std::move(r); });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000) || !*answer
            || !(*answer)->isSuccess())
            return {};
        return (*answer)->body;
    }

    /// The same answer as a JSON object (empty unless it succeeded).
    QJsonObject platformGet(const QString &path)
    {
        return QJsonDocument::fromJson(platformGetBytes(path)).object();
    }

    /// Both windows in a call: the home window answers the application window's call.
    void connectCall(Gui::CallPage *appPage, Gui::CallPage *homePage)
    {
        auto *incoming = find<QListWidget>(homePage, QStringLiteral("incomingCalls"));
        QTRY_COMPARE_WITH_TIMEOUT(incoming->count(), 1, 10000);
        QTest::mouseClick(
            find<QPushButton>(homePage, QStringLiteral("answerButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(appPage->media() && homePage->media(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            appPage->media()->state(), Assist::MediaSession::State::Connected, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(
            homePage->media()->state(), Assist::MediaSession::State::Connected, 20000);
    }

    /*!
     * Waits up to 5 s for a stroke of the other side to reach \a share (\a arrived set by the
     * test's own handler). The application's event loop sleeps in poll() and handles a message
     * the moment it arrives; QTRY_VERIFY's QTest::qWait sleeps 10 ms between rounds of events,
     * which added up to 10 ms per hop to the stroke latency measured (not the clerk's wait).
     */
    static bool waitForStroke(Assist::PageShare *share, const qint64 &arrived)
    {
        if (arrived >= 0)
            return true;
        QEventLoop loop;
        QObject::connect(share, &Assist::PageShare::remoteStroke, &loop, &QEventLoop::quit);
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        loop.exec();
        return arrived >= 0;
    }

    /// The home clerk draws 20 strokes of \a stroke (canvas pixels) across \a area (the page
    /// on the home window's canvas) at \a row of its height; the milliseconds from each drag
    /// to its arrival on the application side, as far as they arrived (5 s each at most).
    static QList<double> drawStrokes(Widgets::MarkupView *homeView, Assist::PageShare *appShare,
        const QRectF &area, double row, QPointF stroke)
    {
        QList<double> latencies;
        QElapsedTimer sent;
        qint64 arrived = -1;
        QObject guard;
        QObject::connect(appShare, &Assist::PageShare::remoteStroke, &guard,
            [&](const Assist::Stroke &) { arrived = sent.nsecsElapsed(); });
        for (int i = 0; i < 20; ++i) {
            const QPointF from
                = area.topLeft() + QPointF(area.width() * (0.1 + 0.04 * i), area.height() * row);
            arrived = -1;
            sent.start();
            drag(homeView->canvas(), from, from + stroke);
            if (!waitForStroke(appShare, arrived))
                break;
            latencies.append(arrived / 1e6);
        }
        return latencies;
    }

    static QString percentiles(QList<double> values, double *median, double *p95)
    {
        std::sort(values.begin(), values.end());
        *median = values.at(values.size() / 2);
        *p95 = values.at(qMin(values.size() - 1, int(std::ceil(values.size() * 0.95)) - 1));
        return QStringLiteral("n=%1 median %2 ms p95 %3 ms max %4 ms")
            .arg(values.size())
            .arg(*median, 0, 'f', 1)
            .arg(*p95, 0, 'f', 1)
            .arg(values.last(), 0, 'f', 1);
    }

private slots:
    void initTestCase();
    void signInWithTheClerksOwnAccount();
    void completeCaseGetsAReceiptAndReachesTheHub();
    void waybillReachesThePlatform();
    void resultsPrintFromToday();
    void callForHelpRidesOnTheEventsSocket();
    void incompleteCaseGetsOneNoticeThenIsCorrected();
    void callWithNobodyOnlineSaysSo();
    void videoCallWithTheHomeWindow();
    void marksGoThroughThePlatformWithoutTheDataChannel();
    void cleanupTestCase();
};
