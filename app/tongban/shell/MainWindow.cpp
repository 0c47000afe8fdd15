#include "MainWindow.h"

#include "assist/CallPage.h"
#include "audit/AuditPage.h"
#include "cases/CapturePane.h"
#include "cases/ChecklistPage.h"
#include "cases/DecisionPage.h"
#include "cases/GuideReportDialog.h"
#include "cases/NewCasePage.h"
#include "guides/GuidesPage.h"
#include "outbox/OutboxPage.h"
#include "setup/SetupAssistant.h"
#include "shell/PlatformStatus.h"
#include "signin/SignInPage.h"
#include "today/TodayPage.h"

#include <assist/MediaSession.h>
#include <core/WorkCalendar.h>
#include <platform/RequestQueue.h>
#include <security/IdleWatcher.h>

#include <QApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QThreadPool>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>

#include <common/PlatformLink.h>
#include <common/Workstation.h>

namespace Tongban::Gui {

namespace {
/*!
 * Starts the call media's warm-up once the widget it watches has first been painted (issues
 * 15 and 18): the first call of a fresh workstation finds GStreamer, its plugins and the DTLS
 * certificate ready, made on a worker thread while the clerk types her password, and the
 * first screen is not held up by it.
 */
class CallWarmUpAfterFirstPaint : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            watched->removeEventFilter(this);
            QTimer::singleShot(0, this, [this] {
                Assist::MediaSession::prewarmInBackground();
                deleteLater();
            });
        }
        return QObject::eventFilter(watched, event);
    }
};

/// The F1 help's backdrop: covers the shell (following its size) and dims it.
class HelpBackdrop : public QWidget
{
public:
    explicit HelpBackdrop(QWidget *shell)
        : QWidget(shell)
    {
        shell->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == parentWidget() && event->type() == QEvent::Resize)
            setGeometry(parentWidget()->rect());
        return QWidget::eventFilter(watched, event);
    }
    void paintEvent(QPaintEvent *) override
    {
        QPainter(this).fillRect(rect(), QColor(10, 20, 35, 150));
    }
    void mousePressEvent(QMouseEvent *event) override
    {
        // A click beside the help closes it, as Esc does; the screen behind takes none.
        if (!childrenRect().contains(event->pos()))
            hide();
        event->accept();
    }
};
} // namespace

MainWindow::MainWindow(App::Workstation &station, App::PlatformLink *platform, QWidget *parent)
    : QMainWindow(parent)
    , m_station(station)
    , m_platform(platform)
{
    setWindowTitle(tr("Tongban Workstation"));
    setMinimumSize(1024, 640);
    m_cases = new CaseController(station, platform, this);
    m_platformStatus = new PlatformStatus(station, platform, this);

    const QString windowName = station.windowName().isEmpty()
        ? tr("Demo window (%1)").arg(station.windowId())
        : station.windowName();
    m_top = new QStackedWidget(this);
    m_signIn = new SignInPage(windowName, m_top);
    m_top->addWidget(m_signIn);
    if (m_platform && m_platform->calls())
        m_signIn->installEventFilter(new CallWarmUpAfterFirstPaint(m_signIn));

    m_shell = new QWidget(m_top);
    auto *rows = new QVBoxLayout(m_shell);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(0);

    // Header: product, window, case, clerk.
    auto *header = new QWidget(m_shell);
    header->setObjectName(QStringLiteral("header"));
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(20, 8, 20, 8);
    auto *product = new QLabel(tr("Tongban Workstation"), header);
    product->setObjectName(QStringLiteral("productName"));
    headerLayout->addWidget(product);
    headerLayout->addSpacing(24);
    m_caseLabel = new QLabel(header);
    m_caseLabel->setObjectName(QStringLiteral("headerInfo"));
    headerLayout->addWidget(m_caseLabel);
    headerLayout->addStretch();
    // The platform's state on every screen: connected, reconnecting since when, cases waiting.
    m_platformLabel = new QLabel(header);
    m_platformLabel->setObjectName(QStringLiteral("platformState"));
    headerLayout->addWidget(m_platformLabel);
    headerLayout->addSpacing(18);
    auto *windowLabel = new QLabel(windowName, header);
    windowLabel->setObjectName(QStringLiteral("headerInfo"));
    headerLayout->addWidget(windowLabel);
    m_clerkLabel = new QLabel(header);
    m_clerkLabel->setObjectName(QStringLiteral("headerInfo"));
    headerLayout->addSpacing(18);
    headerLayout->addWidget(m_clerkLabel);
    auto *lockButton = new QPushButton(tr("Lock"), header);
    lockButton->setObjectName(QStringLiteral("headerButton"));
    lockButton->setToolTip(tr("Lock the window now (Ctrl+L)"));
    headerLayout->addWidget(lockButton);
    auto *signOutButton = new QPushButton(tr("Sign out"), header);
    signOutButton->setObjectName(QStringLiteral("headerButton"));
    headerLayout->addWidget(signOutButton);
    rows->addWidget(header);

    auto *body = new QHBoxLayout;
    body->setSpacing(0);
    m_navigation = new QListWidget(m_shell);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFixedWidth(190);
    body->addWidget(m_navigation);
    m_stack = new QStackedWidget(m_shell);
    body->addWidget(m_stack, 1);
    rows->addLayout(body, 1);
    m_top->addWidget(m_shell);
    setCentralWidget(m_top);

    m_today = new TodayPage(station, station.calendar(), *m_cases, platform, m_stack);
    addScreen(Screen::Today, tr("Today"), m_today);
    m_newCase = new NewCasePage(station, *m_cases, m_stack);
    addScreen(Screen::NewCase, tr("New case"), m_newCase);
    addScreen(Screen::Guides, tr("Unified guides"), new GuidesPage(station, m_stack));
    m_capture = new CapturePane(station, *m_cases);
    m_checklist = new ChecklistPage(station, *m_cases, m_capture, m_stack);
    addScreen(Screen::Checklist, tr("Material checking"), m_checklist);
    m_decision = new DecisionPage(station, *m_cases, m_stack);
    addScreen(Screen::Notices, tr("Decision and notices"), m_decision);
    m_outbox = new OutboxPage(station, *m_cases, platform, m_stack);
    addScreen(Screen::Outbox, tr("Outbox and mailing"), m_outbox);
    m_call = new CallPage(station, *m_cases, platform, m_stack);
    addScreen(Screen::Assistance, tr("Video assistance"), m_call);
    m_audit = new AuditPage(station, m_stack);
    addScreen(Screen::Audit, tr("Audit trail"), m_audit);

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        m_stack->setCurrentIndex(row);
        const Screen screen = Screen(row);
        updateHeader();
        m_capture->setActive(screen == Screen::Checklist);
        switch (screen) {
        case Screen::Today:
            m_today->refresh();
            break;
        case Screen::NewCase:
            m_newCase->refresh();
            m_cases->setPosition(QStringLiteral("newCase"), QString());
            break;
        case Screen::Checklist:
            m_checklist->refresh();
            break;
        case Screen::Notices:
            m_decision->refresh();
            m_cases->setPosition(QStringLiteral("decision"), QString());
            break;
        case Screen::Outbox:
            m_outbox->refresh();
            break;
        case Screen::Audit:
            m_audit->refresh();
            break;
        case Screen::Assistance:
            m_call->refresh();
            break;
        default:
            break;
        }
        // The keyboard follows the screen: focus left on a widget of the screen just hidden
        // would keep this screen's shortcuts (Ctrl+P on the decision) from working.
        QWidget *page = m_stack->currentWidget();
        QWidget *focused = QApplication::focusWidget();
        if (screen == Screen::Notices && (!focused || !page->isAncestorOf(focused)))
            m_decision->takeFocus();
    });
    for (int i = 0; i < m_navigation->count(); ++i) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        connect(shortcut, &QShortcut::activated, this, [this, i] {
            if (m_top->currentWidget() == m_shell)
                m_navigation->setCurrentRow(i);
        });
    }
    auto *help = new QShortcut(QKeySequence(Qt::Key_F1), this);
    connect(help, &QShortcut::activated, this, &MainWindow::toggleHelp);
    auto *lockShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    connect(lockShortcut, &QShortcut::activated, this, [this] { lock(LockReason::Clerk); });
    connect(lockButton, &QPushButton::clicked, this, [this] { lock(LockReason::Clerk); });
    connect(signOutButton, &QPushButton::clicked, this, &MainWindow::requestSignOut);

    connect(m_newCase, &NewCasePage::checklistRequested, this,
        [this] { showScreen(Screen::Checklist); });
    connect(m_checklist, &ChecklistPage::decisionRequested, this,
        [this] { showScreen(Screen::Notices); });
    connect(m_checklist, &ChecklistPage::guideReportRequested, this, &MainWindow::reportGuideError);
    connect(
        m_checklist, &ChecklistPage::assistanceRequested, this, [this](const QString &materialId) {
            // A call not yet made shows the chosen page once connected; a call up shows it now.
            const QString page = m_checklist->currentPageId();
            m_call->prepareCall(materialId, page);
            if (m_call->isInCall() && !page.isEmpty())
                m_call->sharePage(page);
            showScreen(Screen::Assistance);
        });
    connect(m_checklist, &ChecklistPage::sharePageRequested, this,
        [this](const QString &materialId, const QString &pageId) {
            m_call->prepareCall(materialId);
            m_call->sharePage(pageId);
            showScreen(Screen::Assistance);
        });
    connect(m_call, &CallPage::callActiveChanged, m_checklist, &ChecklistPage::setCallActive);
    connect(m_call, &CallPage::incomingCountChanged, this, [this](int count) {
        // The home clerk may be on another screen: the rail and the status bar say it rings.
        QListWidgetItem *item = m_navigation->item(int(Screen::Assistance));
        item->setText(
            count > 0 ? tr("Video assistance (%1 ringing)").arg(count) : tr("Video assistance"));
        const QString ringing = tr("A call is ringing: open Video assistance to answer.");
        if (count > 0)
            statusBar()->showMessage(ringing, 15000);
        else if (statusBar()->currentMessage() == ringing)
            statusBar()->clearMessage(); // answered, taken or given up: no longer true
    });
    connect(m_decision, &DecisionPage::backToChecklist, this,
        [this] { showScreen(Screen::Checklist); });
    connect(m_decision, &DecisionPage::nextCaseRequested, this, [this] {
        m_cases->close();
        showScreen(Screen::NewCase);
    });
    connect(m_today, &TodayPage::caseRequested, this,
        [this](const QString &caseId, bool forCorrection) { openCase(caseId, forCorrection); });
    connect(m_cases, &CaseController::caseChanged, this, &MainWindow::updateHeader);
    connect(m_platformStatus, &PlatformStatus::changed, this, &MainWindow::updatePlatformLabel);
    m_today->setPlatformStatus(m_platformStatus);
    m_decision->setPlatformStatus(m_platformStatus);
    connect(m_cases, &CaseController::errorOccurred, this,
        [this](const QString &message) { statusBar()->showMessage(message, 15000); });

    connect(m_signIn, &SignInPage::signInRequested, this, &MainWindow::signIn);
    connect(m_signIn, &SignInPage::signOutRequested, this, &MainWindow::signOut);
    connect(m_signIn, &SignInPage::setupRequested, this, &MainWindow::openSetupAssistant);

    m_idle = new Security::IdleWatcher(std::chrono::minutes(station.idleLockMinutes()), this);
    connect(m_idle, &Security::IdleWatcher::idle, this, [this] { lock(LockReason::Idle); });
    if (Assist::CallSignalling *calls = platform ? platform->calls() : nullptr) {
        // A clerk in a video call talks and listens without touching the keyboard: the idle
        // lock waits until the call is over, then counts from the start.
        connect(calls, &Assist::CallSignalling::stateChanged, this,
            [this](Assist::CallSignalling::State state) {
                if (state == Assist::CallSignalling::State::Active)
                    m_idle->stop();
                else if (state == Assist::CallSignalling::State::Idle && isSignedIn()
                    && !isLocked())
                    armIdleLock();
            });
    }

    if (platform) {
        // One live session per account: signed in elsewhere, this window goes to the
        // sign-in screen like the idle lock (the open case stays), saying where and when.
        // The platform link has stopped and recorded it in the trail.
        connect(platform, &App::PlatformLink::sessionReplaced, this,
            [this](const Platform::SessionReplacement &by) {
                if (!m_clerk.isValid())
                    return;
                m_idle->stop();
                m_capture->setActive(false);
                m_signIn->showLocked(
                    m_clerk.account, m_clerk.name, App::PlatformLink::replacedMessage(by));
                m_top->setCurrentWidget(m_signIn);
                emit locked();
            });
    }

    const auto showCalendar = [this, &station, platform] {
        const QList<int> years = station.calendar().years();
        statusBar()->showMessage(
            tr("Data: %1    Calendar: %2-%3    Platform: %4")
                .arg(station.dataDirectory())
                .arg(years.isEmpty() ? 0 : years.first())
                .arg(years.isEmpty() ? 0 : years.last())
                .arg(platform && platform->isConfigured() ? platform->url().toString()
                                                          : tr("not configured")));
    };
    showCalendar();
    if (platform) {
        connect(platform, &App::PlatformLink::calendarChanged, this, [this, showCalendar] {
            showCalendar();
            m_today->refresh();
        });
    }
    m_top->setCurrentWidget(m_signIn);
    updateHeader();
}

MainWindow::~MainWindow()
{
    // Work the window started on the application's thread pool (the database health check,
    // the call media's warm-up) may still be running when the window closes: it ends here,
    // before the workstation and the application are taken down under it. A window closed
    // within seconds of its start (tst_crashreturn's report, in CI) ended in "double
    // free" with a warm-up in flight; suspected, not proven. Bounded, so that a task that
    // never ends cannot hold the exit: QCoreApplication waits for the rest as it ends.
    QThreadPool::globalInstance()->waitForDone(10000);
}

void MainWindow::addScreen(Screen screen, const QString &label, QWidget *widget)
{
    Q_ASSERT(m_stack->count() == int(screen));
    auto *item = new QListWidgetItem(label, m_navigation);
    item->setToolTip(tr("Ctrl+%1").arg(int(screen) + 1));
    widget->setProperty("screen", int(screen));
    m_stack->addWidget(widget);
}

void MainWindow::showScreen(Screen screen)
{
    if (m_navigation->currentRow() == int(screen)) {
        // Re-entering the same screen still refreshes it.
        emit m_navigation->currentRowChanged(int(screen));
        return;
    }
    m_navigation->setCurrentRow(int(screen));
}

MainWindow::Screen MainWindow::currentScreen() const
{
    return Screen(m_stack->currentIndex());
}

QWidget *MainWindow::screenWidget(Screen screen) const
{
    return m_stack->widget(int(screen));
}

void MainWindow::armIdleLock()
{
    const Assist::CallSignalling *calls = m_platform ? m_platform->calls() : nullptr;
    if (calls && calls->state() == Assist::CallSignalling::State::Active)
        return; // the call's end arms it
    m_idle->start();
}

bool MainWindow::isIdleLockArmed() const
{
    return m_idle->isActive();
}

bool MainWindow::isLocked() const
{
    return m_signIn->isLocked() && m_top->currentWidget() == m_signIn;
}

void MainWindow::signIn(const QString &account, const QString &password)
{
    const bool unlocking = isLocked();
    if (unlocking && account != m_clerk.account) {
        m_signIn->showError(tr("Only %1 can unlock this window.").arg(m_clerk.name));
        return;
    }
    if (!m_platform) {
        m_signIn->showError(tr("No platform is configured for this workstation. Ask IT "
                               "support to set [platform] url in tongban.conf."));
        return;
    }
    m_signIn->setBusy(true);
    m_platform->signIn(
        account, password, [this, account, unlocking](Core::Result<Platform::ClerkInfo> result) {
            const QString action
                = unlocking ? QStringLiteral("session.unlock") : QStringLiteral("session.signIn");
            if (!result) {
                auditSession({ account, m_station.windowId(), action, account,
                    QStringLiteral("denied"), result.error().detail.left(200) });
                m_signIn->showError(result.error().message);
                return;
            }
            auditSession(
                { account, m_station.windowId(), action, account, QStringLiteral("ok"), {} });
            if (unlocking) {
                m_platform->setPresence(QStringLiteral("online")); // rung again (issue 15)
                m_top->setCurrentWidget(m_shell);
                m_signIn->showSignIn();
                armIdleLock();
                m_capture->setActive(currentScreen() == Screen::Checklist);
                return;
            }
            adoptClerk(Clerk { result->account, result->name, result->role });
        });
}

void MainWindow::adoptClerk(const Clerk &clerk)
{
    m_clerk = clerk;
    m_cases->setClerk(clerk);
    m_call->setRole(clerk.role);
    m_top->setCurrentWidget(m_shell);
    m_signIn->showSignIn();
    armIdleLock();
    updateHeader();
    m_navigation->setCurrentRow(-1);
    showScreen(Screen::Today);
    resumeCase();
    // Database integrity and the audit chain: once per session, not on every visit.
    m_today->checkHealth();
    // The session's first call as fast as the next ones (issues 15 and 18): started at the
    // sign-in screen's first paint (CallWarmUpAfterFirstPaint); here for a sign-in screen
    // never painted (a no-op otherwise).
    if (m_platform && m_platform->calls())
        Assist::MediaSession::prewarmInBackground();
    emit signedIn();
}

void MainWindow::resumeCase()
{
    const QString caseId = m_station.intake().resumeCaseId();
    if (caseId.isEmpty())
        return;
    if (!m_cases->open(caseId))
        return;
    if (m_cases->draft().clerk != m_clerk.account) {
        // Another clerk's case: listed on Today, not opened under this account, and still
        // offered to its clerk at their next sign-in.
        m_cases->release();
        return;
    }
    const QString screen = m_cases->draft().screen;
    statusBar()->showMessage(
        tr("Case %1 reopened where you left it.").arg(m_cases->draft().provisionalNumber), 10000);
    m_cases->audit(QStringLiteral("case.resume"), screen);
    if (screen == QLatin1String("checklist"))
        showScreen(Screen::Checklist);
    else if (screen == QLatin1String("decision"))
        showScreen(Screen::Notices);
    else
        showScreen(Screen::NewCase);
}

void MainWindow::openCase(const QString &caseId, bool forCorrection)
{
    const bool opened
        = forCorrection ? m_cases->reopenForCorrection(caseId) : m_cases->open(caseId);
    if (!opened)
        return;
    if (forCorrection)
        showScreen(Screen::Checklist);
    else if (m_cases->draft().state == Intake::CaseDraft::State::Open)
        showScreen(m_cases->draft().screen == QLatin1String("checklist") ? Screen::Checklist
                                                                         : Screen::NewCase);
    else
        showScreen(Screen::Notices);
}

void MainWindow::reportGuideError(const QString &materialId)
{
    const Catalog::ServiceItem *item = m_cases->item();
    if (!item)
        return;
    QString materialName;
    for (const Catalog::MaterialRequirement &m : item->materials) {
        if (m.id == materialId)
            materialName = m.name;
    }
    GuideReportDialog dialog(item->name, materialName, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!m_platform || !m_platform->requests()) {
        statusBar()->showMessage(
            tr("No platform is configured: the report cannot be sent."), 15000);
        return;
    }
    Platform::GuideReport report;
    report.clientReportId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    report.itemCode = item->itemCode;
    report.materialId = materialId;
    report.caseId = m_platform->serverCaseId(m_cases->draft().caseId);
    report.kind = dialog.kind();
    report.text = dialog.text();
    if (auto queued = m_platform->requests()->enqueueGuideReport(report); !queued) {
        statusBar()->showMessage(queued.error().message, 15000);
        return;
    }
    m_platform->requests()->flush();
    m_cases->audit(QStringLiteral("guide.report"),
        QStringLiteral("%1 %2 %3").arg(report.clientReportId, materialId, report.kind));
    statusBar()->showMessage(tr("Guide error report sent to the platform."), 10000);
}

void MainWindow::lock(LockReason reason)
{
    if (!m_clerk.isValid() || isLocked())
        return;
    m_idle->stop();
    m_capture->setActive(false);
    auditSession({ m_clerk.account, m_station.windowId(), QStringLiteral("session.lock"),
        m_clerk.account, QStringLiteral("ok"),
        reason == LockReason::Idle ? QStringLiteral("idle") : QStringLiteral("clerk") });
    if (reason == LockReason::Idle)
        m_signIn->showLocked(m_clerk.account, m_clerk.name);
    else
        m_signIn->showLockedByClerk(m_clerk.account, m_clerk.name);
    m_top->setCurrentWidget(m_signIn);
    if (m_platform)
        m_platform->setPresence(QStringLiteral("away")); // a locked window is not rung
    emit locked();
}

void MainWindow::signOut()
{
    if (!m_clerk.isValid())
        return;
    m_idle->stop();
    m_capture->setActive(false);
    auditSession({ m_clerk.account, m_station.windowId(), QStringLiteral("session.signOut"),
        m_clerk.account, QStringLiteral("ok"), {} });
    m_clerk = {};
    m_cases->setClerk({});
    // The case stays on disk, listed on Today; it is not handed to the next clerk, and it is
    // reopened for this clerk at their next sign-in.
    if (m_cases->hasCase()) {
        if (m_cases->draft().state == Intake::CaseDraft::State::Open)
            m_cases->release();
        else
            m_cases->close();
    }
    if (m_platform)
        m_platform->signOut([] {});
    m_signIn->showSignIn();
    m_top->setCurrentWidget(m_signIn);
    updateHeader();
}

void MainWindow::requestSignOut()
{
    if (m_cases->hasCase() && m_cases->draft().state == Intake::CaseDraft::State::Open) {
        const auto &d = m_cases->draft();
        const auto answer = QMessageBox::question(this, tr("Sign out"),
            tr("Case %1 (%2) is not finished. It is kept and opened again when you next sign "
               "in. Sign out now?")
                .arg(d.provisionalNumber,
                    d.applicant.name.isEmpty() ? tr("applicant not entered") : d.applicant.name),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    signOut();
}

void MainWindow::openSetupAssistant()
{
    SetupAssistant assistant(m_station.dataDirectory(), m_station.fakeDevices(), this);
    if (assistant.exec() != QDialog::Accepted)
        return;
    m_station.auditSystem(QStringLiteral("window.setup"), QStringLiteral("ok"),
        QStringLiteral("written %1").arg(assistant.writtenFile()));
    QMessageBox::information(this, tr("Window setup"),
        tr("The settings are written to %1. Restart the workstation so that it uses them.")
            .arg(assistant.writtenFile()));
}

void MainWindow::auditSession(const Security::AuditEntry &entry)
{
    if (auto recorded = m_station.audit().append(entry); !recorded) {
        qWarning("audit record not written: %s", qPrintable(recorded.error().toString()));
        statusBar()->showMessage(recorded.error().message, 15000);
    }
}

void MainWindow::toggleHelp()
{
    if (m_top->currentWidget() != m_shell)
        return;
    if (m_help && m_help->isVisible()) {
        m_help->hide();
        return;
    }
    if (!m_help) {
        // Every shortcut of the window in one place (F1 again or Esc closes it), on a dimmed
        // backdrop over the whole shell: the screen behind stays recognisable but no longer
        // competes with the help's text (issue 14).
        m_help = new HelpBackdrop(m_shell);
        m_help->setObjectName(QStringLiteral("helpOverlay"));
        auto *centre = new QVBoxLayout(m_help);
        centre->setAlignment(Qt::AlignCenter);
        auto *panel = new QFrame(m_help);
        panel->setObjectName(QStringLiteral("helpPanel"));
        panel->setAttribute(Qt::WA_StyledBackground);
        centre->addWidget(panel);
        auto *layout = new QVBoxLayout(panel);
        layout->setContentsMargins(28, 22, 28, 22);
        auto *title = new QLabel(tr("Keyboard shortcuts"), panel);
        title->setObjectName(QStringLiteral("pageTitle"));
        layout->addWidget(title);
        const QList<QPair<QString, QString>> keys {
            { tr("Ctrl+1 … Ctrl+8"), tr("Go to a screen (in the order of the list on the left)") },
            { tr("Ctrl+L"), tr("Lock the window") },
            { tr("Ctrl+Enter"), tr("New case: on to material checking") },
            { tr("1 … 9"), tr("Material checking: go to that review point") },
            { tr("↑ ↓"), tr("Material checking: previous or next review point") },
            { tr("Y / N"), tr("Mark the review point met / not met") },
            { tr("Space"), tr("Press the button with the focus") },
            { tr("F2"), tr("Capture a page") },
            { tr("Ctrl+↓ / Ctrl+↑"), tr("Next / previous material") },
            { tr("Ctrl+D"), tr("To the decision") },
            { tr("Ctrl+P"), tr("Issue and print the notice") },
            { tr("Ctrl+R"), tr("After the receipt: the applicant rates the service (好差评)") },
            { tr("Tab / Shift+Tab"), tr("Next / previous field") },
            { tr("F1"), tr("Show or hide this help") },
        };
        QString rows;
        for (const auto &[key, what] : keys) {
            rows += QStringLiteral("<tr><td style='padding:4px 18px 4px 0'><b>%1</b></td>"
                                   "<td style='padding:4px 0'>%2</td></tr>")
                        .arg(key.toHtmlEscaped(), what.toHtmlEscaped());
        }
        auto *table = new QLabel(QStringLiteral("<table>%1</table>").arg(rows), panel);
        table->setObjectName(QStringLiteral("helpTable"));
        layout->addWidget(table);
        auto *close = new QPushButton(tr("Close (Esc)"), panel);
        close->setObjectName(QStringLiteral("helpClose"));
        layout->addWidget(close, 0, Qt::AlignRight);
        connect(close, &QPushButton::clicked, m_help, &QWidget::hide);
        auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_help);
        escape->setContext(Qt::WidgetWithChildrenShortcut);
        connect(escape, &QShortcut::activated, m_help, &QWidget::hide);
    }
    m_help->setGeometry(m_shell->rect());
    m_help->show();
    m_help->raise();
    m_help->findChild<QPushButton *>(QStringLiteral("helpClose"))->setFocus();
}

void MainWindow::updatePlatformLabel()
{
    m_platformLabel->setText(m_platformStatus->text());
    const bool bad = m_platformStatus->state() == PlatformStatus::State::Reconnecting
        || m_platformStatus->failedCases() > 0;
    m_platformLabel->setProperty("state", bad ? QStringLiteral("bad") : QString());
    m_platformLabel->style()->unpolish(m_platformLabel);
    m_platformLabel->style()->polish(m_platformLabel);
    m_platformLabel->setToolTip(m_platformStatus->failedCases() > 0
            ? tr("Open Outbox and mailing (Ctrl+6) to see why and send again.")
            : QString());
}

void MainWindow::updateHeader()
{
    updatePlatformLabel();
    m_clerkLabel->setText(m_clerk.isValid()
            ? tr("Clerk: %1 (%2)")
                  .arg(m_clerk.name.isEmpty() ? m_clerk.account : m_clerk.name, m_clerk.account)
            : QString());
    // The case in hand: on New case only while it is being checked (not the one just done).
    const bool showCase = m_cases->hasCase()
        && (m_cases->draft().state == Intake::CaseDraft::State::Open
            || currentScreen() == Screen::Checklist || currentScreen() == Screen::Notices);
    if (showCase) {
        const auto &d = m_cases->draft();
        m_caseLabel->setText(tr("Case %1 %2")
                                 .arg(d.provisionalNumber,
                                     d.applicant.name.isEmpty() ? QString() : d.applicant.name));
    } else {
        m_caseLabel->clear();
    }
}

} // namespace Tongban::Gui
