#pragma once

#include <assist/CallSignalling.h>

#include <QWidget>

class QListWidget;
class QPushButton;

namespace Tongban::App {
class Workstation;
}

namespace Tongban::Gui {

/*!
 * The calls ringing at a home window (journeys J4–J5): each names the calling window, the item
 * and the material, by their names in the catalogue in force; the clerk answers or declines
 * the one chosen. The call screen shows it to home clerks.
 */
class IncomingCallsBox : public QWidget
{
    Q_OBJECT
public:
    explicit IncomingCallsBox(App::Workstation &station, QWidget *parent = nullptr);

    /// Lists \a calls, keeping the one chosen (or choosing a lone call).
    void setCalls(const QList<Tongban::Assist::CallSignalling::Incoming> &calls);
    /// The chosen call's id; empty when none.
    QString currentCallId() const;
    /// Answer needs a chosen call and \a mayAnswer (no call here, nothing under way).
    void updateButtons(bool mayAnswer);

signals:
    void answerRequested();
    void declineRequested();
    void choiceChanged();

private:
    App::Workstation &m_station;
    QListWidget *m_list = nullptr;
    QPushButton *m_answer = nullptr;
    QPushButton *m_decline = nullptr;
};

} // namespace Tongban::Gui
