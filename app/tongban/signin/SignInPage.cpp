#include "SignInPage.h"

#include "shell/LineBreaks.h"

#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Tongban::Gui {

SignInPage::SignInPage(const QString &windowName, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("signInPage"));
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(2);
    auto *row = new QHBoxLayout;
    row->addStretch();
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));
    card->setMinimumWidth(440);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(36, 30, 36, 30);
    layout->setSpacing(14);
    m_title = new QLabel(card);
    m_title->setObjectName(QStringLiteral("pageTitle"));
    layout->addWidget(m_title);
    m_subtitle = new QLabel(windowName, card);
    m_subtitle->setObjectName(QStringLiteral("fieldName"));
    m_subtitle->setWordWrap(true);
    layout->addWidget(m_subtitle);

    auto *form = new QFormLayout;
    form->setSpacing(10);
    m_account = new QLineEdit(card);
    m_account->setObjectName(QStringLiteral("account"));
    m_account->setPlaceholderText(tr("Your own clerk account"));
    m_account->setMinimumHeight(36);
    form->addRow(tr("Account"), m_account);
    m_password = new QLineEdit(card);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMinimumHeight(36);
    form->addRow(tr("Password"), m_password);
    layout->addLayout(form);

    m_message = new QLabel(card);
    m_message->setObjectName(QStringLiteral("warning"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    m_signOut = new QPushButton(tr("Sign out"), card);
    m_signOut->setObjectName(QStringLiteral("secondary"));
    m_signOut->hide();
    buttons->addWidget(m_signOut);
    buttons->addStretch();
    m_submit = new QPushButton(card);
    m_submit->setObjectName(QStringLiteral("signIn"));
    m_submit->setDefault(true);
    m_submit->setMinimumWidth(140);
    buttons->addWidget(m_submit);
    layout->addLayout(buttons);

    auto *note = new QLabel(keepLastCharactersTogether(
                                tr("Accounts are personal and never shared; every act is recorded "
                                   "under your name.")),
        card);
    note->setObjectName(QStringLiteral("fieldName"));
    note->setWordWrap(true);
    layout->addWidget(note);
    m_setup = new QPushButton(tr("Window setup (administrator)…"), card);
    m_setup->setObjectName(QStringLiteral("windowSetup"));
    m_setup->setProperty("secondary", true);
    m_setup->setToolTip(tr("Platform, window identity and devices: for hall IT staff, with an "
                           "administrator's account."));
    layout->addWidget(m_setup, 0, Qt::AlignRight);

    row->addWidget(card);
    row->addStretch();
    outer->addLayout(row);
    outer->addStretch(3);

    connect(m_submit, &QPushButton::clicked, this, &SignInPage::submit);
    connect(m_password, &QLineEdit::returnPressed, this, &SignInPage::submit);
    connect(m_account, &QLineEdit::returnPressed, m_password, qOverload<>(&QWidget::setFocus));
    connect(m_signOut, &QPushButton::clicked, this, &SignInPage::signOutRequested);
    connect(m_setup, &QPushButton::clicked, this, &SignInPage::setupRequested);
    showSignIn();
}

void SignInPage::showSignIn()
{
    m_locked = false;
    m_title->setText(tr("Sign in"));
    m_account->clear();
    m_account->setReadOnly(false);
    m_password->clear();
    m_submit->setText(tr("Sign in"));
    m_signOut->hide();
    m_setup->show();
    m_message->hide();
    setBusy(false);
    m_account->setFocus();
}

void SignInPage::showLocked(const QString &account, const QString &clerkName, const QString &reason)
{
    m_locked = true;
    m_title->setText(reason.isEmpty() ? tr("Window locked") : tr("Signed in at another window"));
    m_account->setText(account);
    m_account->setReadOnly(true);
    m_password->clear();
    m_submit->setText(tr("Unlock"));
    m_signOut->show();
    m_setup->hide(); // a locked window is a clerk's: setting it up waits for the sign-out
    m_message->setText(tr("Locked after a period without use. Only %1 can unlock it; "
                          "another clerk must sign out first.")
                           .arg(clerkName));
    m_message->setObjectName(QStringLiteral("fieldName"));
    if (!reason.isEmpty()) {
        m_message->setText(reason);
        m_message->setObjectName(QStringLiteral("warning"));
    }
    m_message->setStyleSheet({}); // re-polish with the object name
    m_message->show();
    setBusy(false);
    m_password->setFocus();
}

void SignInPage::showLockedByClerk(const QString &account, const QString &clerkName)
{
    showLocked(account, clerkName);
    m_message->setText(tr("Locked by %1. Only %1 can unlock it; another clerk must sign out "
                          "first.")
                           .arg(clerkName));
}

void SignInPage::showError(const QString &message)
{
    m_message->setObjectName(QStringLiteral("warning"));
    m_message->setStyleSheet({}); // re-polish with the new object name
    m_message->setText(message);
    m_message->show();
    setBusy(false);
    m_password->clear();
    m_password->setFocus();
}

void SignInPage::setBusy(bool busy)
{
    m_submit->setEnabled(!busy);
    m_account->setEnabled(!busy);
    m_password->setEnabled(!busy);
}

void SignInPage::submit()
{
    const QString account = m_account->text().trimmed();
    if (account.isEmpty()) {
        showError(tr("Enter your account."));
        m_account->setFocus();
        return;
    }
    if (m_password->text().isEmpty()) {
        showError(tr("Enter your password."));
        return;
    }
    setBusy(true);
    emit signInRequested(account, m_password->text());
}

} // namespace Tongban::Gui
