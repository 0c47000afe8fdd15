#pragma once

#include <core/Result.h>
#include <notices/NoticePrinter.h>

#include <QFutureWatcher>
#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Tongban::Core {
class WorkCalendar;
}
namespace Tongban::App {
class PlatformLink;
class Workstation;
} // namespace Tongban::App

namespace Tongban::Gui {

class PlatformStatus;
class AfterWindowCard;

class CaseController;
class DeliveriesCard;

/*!
 * The clerk's start screen: today's cases, cases awaiting correction (待补正,
 * found by the applicant's identity number too), the outbox, mailing tasks
 * with their deadlines (overdue in red), results pushed by the platform to
 * print for the applicant (受理/不予受理通知书, sent to the printer as the
 * platform's PDF and marked printed, followed by the handover slip 办件结果领取单 with the
 * 好差评 code, issue 17), the connection
 * and catalogue in force, the guides that changed since the clerk last used
 * them, the working-day calendar and the workstation's own health.
 *
 * refresh() re-reads the lists; the database integrity check and the audit
 * chain verification run once per session (checkHealth()), not on every
 * visit, and on a worker thread, because they take time proportional to the data.
 */
class TodayPage : public QWidget
{
    Q_OBJECT

public:
    /// What the screen says about the platform (the header's source; may be null).
    void setPlatformStatus(PlatformStatus *status);
    TodayPage(App::Workstation &station, const Core::WorkCalendar &calendar, CaseController &cases,
        App::PlatformLink *platform, QWidget *parent = nullptr);

public slots:
    void refresh();
    void checkHealth();

signals:
    /// The clerk opened a case; \a forCorrection when the applicant is back with corrections.
    void caseRequested(const QString &caseId, bool forCorrection);

private:
    PlatformStatus *m_platformStatus = nullptr;
    void refreshCases();
    void refreshOutbox();
    void refreshGuides();
    void findApplicant();
    void refreshResults();
    void printResult(const QString &resultId);
    /// Issue 17: prints the handover slip of \a resultId (办件结果领取单, with the 好差评 code).
    Core::Result<Notices::PrintedJob> printSlip(const QString &resultId);
    struct HealthFindings;
    /// Runs on a worker thread, on its own connection to the database at \a path.
    static HealthFindings findHealth(const QString &path);
    void showHealth(const HealthFindings &findings);

    App::Workstation &m_station;
    const Core::WorkCalendar &m_calendar;
    CaseController &m_caseController;
    App::PlatformLink *m_platform = nullptr;
    bool m_healthChecked = false;
    QFutureWatcher<HealthFindings> *m_healthCheck = nullptr;
    QLabel *m_dateTitle = nullptr;
    QTreeWidget *m_todayCases = nullptr;
    QTreeWidget *m_corrections = nullptr;
    QLineEdit *m_find = nullptr;
    QLabel *m_outbox = nullptr;
    QTreeWidget *m_mailings = nullptr;
    QTreeWidget *m_results = nullptr;
    DeliveriesCard *m_deliveries = nullptr; ///< issue 17: results to deliver, overdue in red
    QPushButton *m_reprintSlip = nullptr; ///< shown while a slip awaits printing again
    QStringList m_slipsToReprint; ///< the results whose slip did not print, oldest first
    QLabel *m_resultMessage = nullptr;
    QLabel *m_connection = nullptr;
    QLabel *m_guidesChanged = nullptr;
    QLabel *m_dayKind = nullptr;
    QLabel *m_nextWorkingDay = nullptr;
    QLabel *m_mailingDeadline = nullptr;
    QLabel *m_calendarYears = nullptr;
    QLabel *m_calendarWarning = nullptr;
    QLabel *m_dataFolder = nullptr;
    QLabel *m_database = nullptr;
    QLabel *m_casesStored = nullptr;
    QLabel *m_pages = nullptr;
    QLabel *m_audit = nullptr;
    QLabel *m_catalog = nullptr;
    AfterWindowCard *m_afterWindow = nullptr; ///< issue 17
};

} // namespace Tongban::Gui
