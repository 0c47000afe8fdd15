#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Tongban::Gui {

/*!
 * Sign-in (and unlock) screen. The clerk signs in with their own platform
 * account (never shared, 000 §14); when the window is locked, only the same
 * clerk can unlock it, or sign out so that another can sign in.
 *
 * The page only collects and shows: signInRequested() / unlockRequested()
 * carry the credentials to the shell, which answers with showError() or
 * moves on.
 */
class SignInPage : public QWidget
{
    Q_OBJECT
public:
    explicit SignInPage(const QString &windowName, QWidget *parent = nullptr);

    /// Ready for a new sign-in (empty fields).
    void showSignIn();
    /// Locked for \a account: only the password can be typed. \a reason, when given, replaces
    /// the idle-lock explanation (the account signed in at another window).
    void showLocked(const QString &account, const QString &clerkName, const QString &reason = {});
    /// Locked with the Lock button or Ctrl+L (not "after a period without use").
    void showLockedByClerk(const QString &account, const QString &clerkName);
    void showError(const QString &message);
    void setBusy(bool busy);
    bool isLocked() const { return m_locked; }

signals:
    void signInRequested(const QString &account, const QString &password);
    void signOutRequested();
    /// 窗口设置: the first-run assistant, for an administrator (issue 16).
    void setupRequested();

private:
    void submit();

    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLineEdit *m_account = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_signOut = nullptr;
    QPushButton *m_setup = nullptr;
    QLabel *m_message = nullptr;
    bool m_locked = false;
};

} // namespace Tongban::Gui
