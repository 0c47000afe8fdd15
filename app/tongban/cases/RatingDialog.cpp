#include "RatingDialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QStyle>
#include <QVBoxLayout>

namespace Tongban::Gui {

QString RatingDialog::levelName(int score)
{
    switch (score) {
    case 5:
        return tr("Very satisfied");
    case 4:
        return tr("Satisfied");
    case 3:
        return tr("Fairly satisfied");
    case 2:
        return tr("Dissatisfied");
    case 1:
        return tr("Very dissatisfied");
    default:
        return {};
    }
}

RatingDialog::RatingDialog(const QString &caseLine, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("ratingDialog"));
    setWindowTitle(tr("Rate our service (好差评)"));
    setMinimumWidth(560);
    // Read by the applicant across the counter: larger than the clerk's screens.
    setStyleSheet(QStringLiteral("QRadioButton { font-size: 20px; padding: 6px; }"
                                 " QRadioButton::indicator { width: 22px; height: 22px; }"));
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    auto *title = new QLabel(tr("How satisfied are you with the service at this window?"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    title->setWordWrap(true);
    layout->addWidget(title);
    auto *about = new QLabel(caseLine, this);
    about->setObjectName(QStringLiteral("fieldName"));
    about->setWordWrap(true);
    layout->addWidget(about);

    m_levels = new QButtonGroup(this);
    for (int score = 5; score >= 1; --score) {
        // "&5": Alt+5 chooses the level from anywhere in the dialog.
        auto *level
            = new QRadioButton(tr("&%1  %2").arg(QString::number(score), levelName(score)), this);
        level->setObjectName(QStringLiteral("rating_%1").arg(score));
        m_levels->addButton(level, score);
        layout->addWidget(level);
    }
    auto *commentLabel = new QLabel(tr("Comment (optional):"), this);
    layout->addWidget(commentLabel);
    m_comment = new QPlainTextEdit(this);
    m_comment->setObjectName(QStringLiteral("ratingComment"));
    m_comment->setTabChangesFocus(true);
    m_comment->setPlaceholderText(tr("What went well, or what we should do better"));
    m_comment->setMaximumHeight(110);
    commentLabel->setBuddy(m_comment);
    layout->addWidget(m_comment);
    m_left = new QLabel(this);
    m_left->setObjectName(QStringLiteral("fieldName"));
    layout->addWidget(m_left);

    auto *buttons = new QDialogButtonBox(this);
    m_send = buttons->addButton(tr("Send rating (Ctrl+Enter)"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(QStringLiteral("sendRating"));
    // Marked before it joins the box: addButton(text, role) polishes the button it makes at
    // once, and the style sheet does not see a property set after that (跳过 was filled).
    auto *skip = new QPushButton(tr("Skip (Esc)"));
    skip->setObjectName(QStringLiteral("skipRating"));
    skip->setProperty("secondary", true);
    buttons->addButton(skip, QDialogButtonBox::RejectRole);
    m_send->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (score() > 0 && comment().size() <= kMaxComment)
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (const QKeySequence &keys :
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) }) {
        auto *send = new QShortcut(keys, this);
        connect(send, &QShortcut::activated, m_send, &QPushButton::click);
    }
    connect(m_levels, &QButtonGroup::idToggled, this, [this] { update(); });
    connect(m_comment, &QPlainTextEdit::textChanged, this, [this] { update(); });
    update();
    m_levels->button(5)->setFocus(Qt::OtherFocusReason);
}

int RatingDialog::score() const
{
    return std::max(0, m_levels->checkedId());
}

QString RatingDialog::comment() const
{
    return m_comment->toPlainText().trimmed();
}

void RatingDialog::update()
{
    const int length = int(comment().size());
    m_left->setText(tr("%1 of %2 characters").arg(length).arg(kMaxComment));
    const QString state = length > kMaxComment ? QStringLiteral("bad") : QString();
    if (m_left->property("state").toString() != state) {
        m_left->setProperty("state", state);
        // The label is already polished: the style sheet sees the new state only when re-polished.
        m_left->style()->unpolish(m_left);
        m_left->style()->polish(m_left);
    }
    m_send->setEnabled(score() > 0 && length <= kMaxComment);
}

} // namespace Tongban::Gui
