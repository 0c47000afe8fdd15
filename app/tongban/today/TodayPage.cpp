#include "TodayPage.h"

#include "shell/Card.h"

#include <core/WorkCalendar.h>

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

#include <common/Workstation.h>

namespace Tongban::Gui {

TodayPage::TodayPage(App::Workstation &station, const Core::WorkCalendar &calendar, QWidget *parent)
    : QWidget(parent)
    , m_station(station)
    , m_calendar(calendar)
{
    setObjectName(QStringLiteral("todayPage"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(16);
    m_dateTitle = new QLabel(content);
    m_dateTitle->setObjectName(QStringLiteral("pageTitle"));
    layout->addWidget(m_dateTitle);

    auto *grid = new QGridLayout;
    grid->setSpacing(16);
    layout->addLayout(grid);

    auto *calendarCard = new Card(tr("Working days"), content);
    m_dayKind = calendarCard->addRow(tr("Today"));
    m_nextWorkingDay = calendarCard->addRow(tr("Next working day"));
    m_mailingDeadline = calendarCard->addRow(tr("Paper originals received today must be "
                                                "mailed by"));
    m_calendarYears = calendarCard->addRow(tr("Calendar data covers"));
    m_calendarWarning = calendarCard->addText(QString());
    m_calendarWarning->setObjectName(QStringLiteral("warning"));
    grid->addWidget(calendarCard, 0, 0);

    auto *dataCard = new Card(tr("This workstation"), content);
    m_dataFolder = dataCard->addRow(tr("Data folder"));
    m_database = dataCard->addRow(tr("Database"));
    m_cases = dataCard->addRow(tr("Cases stored"));
    m_pages = dataCard->addRow(tr("Pages stored"));
    m_audit = dataCard->addRow(tr("Audit trail"));
    m_catalog = dataCard->addRow(tr("Catalogue in force"));
    grid->addWidget(dataCard, 0, 1);

    auto *todo = new Card(tr("Not built yet"), content);
    todo->setProperty("tone", QStringLiteral("todo"));
    todo->addText(tr("This version keeps data safely, records every act and carries the unified "
                     "guides (see Unified guides), but it cannot receive an application yet. "
                     "Not built yet:"));
    for (const QString &item : { tr("Clerk sign-in with a personal account and the idle lock"),
             tr("Capture from the document camera or scanner"),
             tr("Guided material checking, the one-time notice and the receipt"),
             tr("Transmission to the unified acceptance platform, mailing and results"),
             tr("Video remote assistance with the home window"),
             tr("Installer and IT diagnostics") }) {
        todo->addText(QStringLiteral("•  ") + item);
    }
    grid->addWidget(todo, 1, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    layout->addStretch();

    refresh();
}

void TodayPage::refresh()
{
    const QLocale locale;
    const QDate today = m_station.clock().today();
    m_dateTitle->setText(tr("Today, %1").arg(locale.toString(today, QLocale::LongFormat)));

    const auto working = m_calendar.isWorkingDay(today);
    if (!working) {
        m_dayKind->setText(tr("Unknown: no calendar data for this year"));
    } else if (*working) {
        m_dayKind->setText(tr("Working day"));
    } else {
        const QString holiday = m_calendar.holidayName(today);
        m_dayKind->setText(
            holiday.isEmpty() ? tr("Rest day") : tr("Public holiday (%1)").arg(holiday));
    }

    const auto next = m_calendar.addWorkingDays(today, 1);
    const QString nextText = next ? locale.toString(*next, QLocale::LongFormat)
                                  : tr("cannot be computed: %1").arg(next.error().message);
    m_nextWorkingDay->setText(nextText);
    // 000 §17: paper originals go out within 1 working day of intake.
    m_mailingDeadline->setText(nextText);

    QStringList years;
    for (int year : m_calendar.years())
        years << QString::number(year);
    m_calendarYears->setText(years.join(QStringLiteral(", ")));
    const int nextYear = today.year() + 1;
    if (!m_calendar.coversYear(nextYear) && today.month() >= 10) {
        m_calendarWarning->setText(
            tr("The calendar has no data for %1 yet: deadlines that run into %1 cannot be "
               "computed. The platform will supply it; until then ask IT to update the "
               "calendar.")
                .arg(nextYear));
        m_calendarWarning->show();
    } else {
        m_calendarWarning->hide();
    }

    m_dataFolder->setText(m_station.dataDirectory());
    const auto integrity = m_station.database().integrityCheck();
    m_database->setText(integrity && *integrity == QLatin1String("ok")
            ? tr("Healthy (integrity check passed)")
            : tr("Damaged: call IT support before capturing anything"));
    m_cases->setText(QString::number(m_station.cases().count()));
    m_pages->setText(QString::number(m_station.pageCount()));
    const auto version = m_station.catalogs().activeVersion();
    m_catalog->setText(version
            ? tr("%1, %n item(s), published %2", nullptr, version->itemCount)
                  .arg(version->catalogVersion,
                      QLocale().toString(version->publishedAt.date(), QLocale::ShortFormat))
            : version.error().message);
    const auto report = m_station.audit().verify();
    if (!report) {
        m_audit->setText(tr("Could not be checked: %1").arg(report.error().message));
    } else if (report->ok) {
        m_audit->setText(tr("%n record(s), chain intact", nullptr, int(report->recordsChecked)));
    } else {
        m_audit->setText(tr("Tampering detected in %n record(s): call your supervisor", nullptr,
            int(report->problems.size())));
    }
}

} // namespace Tongban::Gui
