#pragma once

#include <QWidget>

class QLabel;

namespace Tongban::Core {
class WorkCalendar;
}
namespace Tongban::App {
class Workstation;
}

namespace Tongban::Gui {

/*!
 * The clerk's start screen. At this stage it shows what the workstation can
 * already vouch for: today's working-day status and the mailing deadline it
 * implies, the local data (database, cases, pages, audit trail) and a plain
 * list of what is not built yet. refresh() re-reads everything.
 */
class TodayPage : public QWidget
{
    Q_OBJECT

public:
    TodayPage(
        App::Workstation &station, const Core::WorkCalendar &calendar, QWidget *parent = nullptr);

public slots:
    void refresh();

private:
    App::Workstation &m_station;
    const Core::WorkCalendar &m_calendar;
    QLabel *m_dateTitle = nullptr;
    QLabel *m_dayKind = nullptr;
    QLabel *m_nextWorkingDay = nullptr;
    QLabel *m_mailingDeadline = nullptr;
    QLabel *m_calendarYears = nullptr;
    QLabel *m_calendarWarning = nullptr;
    QLabel *m_dataFolder = nullptr;
    QLabel *m_database = nullptr;
    QLabel *m_cases = nullptr;
    QLabel *m_pages = nullptr;
    QLabel *m_audit = nullptr;
    QLabel *m_catalog = nullptr;
};

} // namespace Tongban::Gui
