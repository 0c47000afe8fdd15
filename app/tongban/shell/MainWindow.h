#pragma once

#include "cases/CaseController.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace Tongban::App {
class PlatformLink;
class Workstation;
} // namespace Tongban::App
namespace Tongban::Security {
class IdleWatcher;
struct AuditEntry;
} // namespace Tongban::Security

namespace Tongban::Gui {

class AuditPage;
class CallPage;
class CapturePane;
class ChecklistPage;
class DecisionPage;
class NewCasePage;
class OutboxPage;
class PlatformStatus;
class SignInPage;
class TodayPage;

/*!
 * The shell of the workstation. Until a clerk signs in (with their own
 * platform account) only the sign-in screen shows. Then: a header with the
 * window and the clerk, a navigation rail (Ctrl+1 ... Ctrl+8), the current
 * screen and a status bar.
 *
 * After 10 minutes without input (tongban.conf [security] idleLockMinutes)
 * the window locks; only the same clerk unlocks it, or a sign-out lets
 * another sign in. Sign-in, lock, unlock and sign-out are audited.
 *
 * At sign-in the case the clerk was working on when the application
 * stopped (a crash included) is reopened on the same screen and material.
 *
 * Does not own the Workstation or the PlatformLink, which must outlive it.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Screen { Today, NewCase, Guides, Checklist, Notices, Outbox, Assistance, Audit };
    Q_ENUM(Screen)

    explicit MainWindow(App::Workstation &station, App::PlatformLink *platform = nullptr,
        QWidget *parent = nullptr);
    ~MainWindow() override;

    void showScreen(Screen screen);
    Screen currentScreen() const;
    QWidget *screenWidget(Screen screen) const;
    CaseController &cases() { return *m_cases; }
    CapturePane *capturePane() const { return m_capture; }
    PlatformStatus *platformStatus() const { return m_platformStatus; }

    /// Signs in through the platform (what the sign-in screen does).
    void signIn(const QString &account, const QString &password);
    /// Opens the shell for \a clerk once the platform accepted them.
    void adoptClerk(const Clerk &clerk);
    bool isSignedIn() const { return m_clerk.isValid(); }
    bool isLocked() const;
    /// The F1 help over the screen (null until first shown).
    QWidget *helpOverlay() const { return m_help; }
    /// Whether the idle lock is counting (not during a video call, nor while locked).
    bool isIdleLockArmed() const;
    /// Why the window locks: the idle time, or the clerk (Lock button, Ctrl+L).
    enum class LockReason { Invalid = 0, Idle, Clerk };
    void lock(LockReason reason = LockReason::Clerk);
    void signOut();
    /// The Sign out button: warns when a case is open (it is reopened at the next sign-in).
    void requestSignOut();
    /// 窗口设置 on the sign-in screen: the first-run assistant (administrator only).
    void openSetupAssistant();

signals:
    void signedIn();
    void locked();

private:
    void addScreen(Screen screen, const QString &label, QWidget *widget);
    void resumeCase();
    void openCase(const QString &caseId, bool forCorrection);
    void reportGuideError(const QString &materialId);
    void updateHeader();
    void updatePlatformLabel();
    /// F1: the keyboard shortcuts over the current screen.
    void toggleHelp();
    /// Starts the idle lock's count, unless a video call is active.
    void armIdleLock();
    void auditSession(const Security::AuditEntry &entry);

    App::Workstation &m_station;
    App::PlatformLink *m_platform = nullptr;
    CaseController *m_cases = nullptr;
    Clerk m_clerk;
    QStackedWidget *m_top = nullptr;
    SignInPage *m_signIn = nullptr;
    QWidget *m_shell = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_clerkLabel = nullptr;
    QLabel *m_caseLabel = nullptr;
    QLabel *m_platformLabel = nullptr;
    QWidget *m_help = nullptr;
    PlatformStatus *m_platformStatus = nullptr;
    TodayPage *m_today = nullptr;
    NewCasePage *m_newCase = nullptr;
    CapturePane *m_capture = nullptr;
    ChecklistPage *m_checklist = nullptr;
    DecisionPage *m_decision = nullptr;
    OutboxPage *m_outbox = nullptr;
    AuditPage *m_audit = nullptr;
    CallPage *m_call = nullptr;
    Security::IdleWatcher *m_idle = nullptr;
};

} // namespace Tongban::Gui
