#pragma once

#include <assist/CallQuality.h>

#include <QWidget>

class QLabel;

namespace Tongban::Gui {

/*!
 * The quality panel under a call (issue 15, "Quality and adaptation"): what the network made
 * of this window's picture (a notice while it is lowered), and the call's figures once a
 * second (round trip, loss, sending and receiving rate, frame rate). Hidden between calls.
 */
class CallQualityPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CallQualityPanel(QWidget *parent = nullptr);

    /// The call's figures; one not measured yet (negative) shows as a dash, and while the
    /// rates are not, the figures say they are being measured (tool tip, accessible text).
    void showReport(const Tongban::Assist::QualityReport &report);
    /// The picture is sent at \a level; \a ceiling is the level the call started at (back
    /// there, there is nothing to say).
    void showLevel(Tongban::Assist::VideoLevel level, Tongban::Assist::VideoLevel ceiling);
    /// The call ended: nothing shown.
    void reset();

private:
    void updateVisibility();

    QLabel *m_notice = nullptr; ///< the picture lowered on the network's account
    QLabel *m_figures = nullptr; ///< round trip, loss, rates, frame rate
};

} // namespace Tongban::Gui
