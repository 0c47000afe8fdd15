#pragma once

#include <QWidget>

namespace Tongban::Gui {

/*!
 * Stands in for a screen that is not built yet and says so plainly: what the
 * screen will do, and that it cannot be used today. Never pretends to work.
 */
class NotBuiltPage : public QWidget
{
    Q_OBJECT

public:
    NotBuiltPage(const QString &title, const QString &purpose, const QStringList &plannedSteps,
        QWidget *parent = nullptr);
};

} // namespace Tongban::Gui
