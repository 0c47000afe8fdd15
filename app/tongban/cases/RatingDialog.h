#pragma once

#include <QDialog>

class QButtonGroup;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Tongban::Gui {

/*!
 * The applicant's 好差评 at the window (issue 17; 000 第三十二条, 004): the clerk turns the
 * screen towards the applicant after the receipt, who picks one of the five levels the
 * platform takes (§15: 5 非常满意 … 1 非常不满意), may add a comment, and sends it or skips.
 *
 * Keyboard alone: the focus starts on the levels (arrow keys move and choose, Alt+1 … Alt+5
 * choose a level directly), Tab goes to the comment and the buttons, Ctrl+Enter sends, Esc
 * skips. Nothing is sent here: the caller queues score() and comment().
 */
class RatingDialog : public QDialog
{
    Q_OBJECT
public:
    /// The longest comment the platform keeps (§15).
    static constexpr int kMaxComment = 500;

    RatingDialog(const QString &caseLine, QWidget *parent = nullptr);

    /// 1 … 5, or 0 while none is chosen.
    int score() const;
    QString comment() const;
    /// The level's name the applicant sees for \a score (1 … 5).
    static QString levelName(int score);

private:
    void update();

    QButtonGroup *m_levels = nullptr;
    QPlainTextEdit *m_comment = nullptr;
    QLabel *m_left = nullptr;
    QPushButton *m_send = nullptr;
};

} // namespace Tongban::Gui
