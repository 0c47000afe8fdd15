#pragma once

#include <QEvent>
#include <QObject>

/*!
 * Counts mouse events reaching any widget (installed on the application): a keyboard-only
 * journey must send none.
 */
class MouseSpy : public QObject
{
public:
    int count = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
        case QEvent::Wheel:
            ++count;
            break;
        default:
            break;
        }
        return false;
    }
};
