#pragma once

#include <QMainWindow>

class QListWidget;
class QStackedWidget;
class QLabel;

namespace Tongban::App {
class Workstation;
}

namespace Tongban::Gui {

class TodayPage;
class AuditPage;

/*!
 * The shell of the workstation: a header with the window and clerk, a
 * navigation rail (keyboard: Ctrl+1 ... Ctrl+8), the current screen and a
 * status bar. Screens that are not built yet say so instead of pretending.
 *
 * Does not own the Workstation, which must outlive it.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Screen { Today, NewCase, Guides, Checklist, Notices, Outbox, Assistance, Audit };
    Q_ENUM(Screen)

    explicit MainWindow(App::Workstation &station, QWidget *parent = nullptr);

    void showScreen(Screen screen);
    Screen currentScreen() const;
    QWidget *screenWidget(Screen screen) const;

private:
    void addScreen(Screen screen, const QString &label, QWidget *widget);

    App::Workstation &m_station;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    TodayPage *m_today = nullptr;
    AuditPage *m_audit = nullptr;
};

} // namespace Tongban::Gui
