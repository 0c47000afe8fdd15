#include "Commands.h"

#include <core/WorkCalendar.h>
#include <platform/CatalogSync.h>

#include <QDate>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <common/Workstation.h>

namespace Tongban::Cli {

namespace {
bool parseDate(const QString &text, QDate *date, const CliOutput &out)
{
    *date = QDate::fromString(text, Qt::ISODate);
    if (!date->isValid()) {
        out.error(Tr::tr("Not a date: %1 (expected YYYY-MM-DD)").arg(text));
        return false;
    }
    return true;
}

/*!
 * The calendar in force at the workstation of \a dataDir (built-in years and the
 * platform's, as the window uses them), or the built-in one when that folder
 * holds no workstation yet: a calendar question never creates a database.
 */
struct CalendarInForce
{
    std::unique_ptr<App::Workstation> station;
    Core::WorkCalendar calendar = Core::WorkCalendar::embedded();
    QDate today = Core::SystemClock().today();
};

std::unique_ptr<CalendarInForce> calendarInForce(const QString &dataDir, const CliOutput &out)
{
    auto inForce = std::make_unique<CalendarInForce>();
    if (!QFileInfo::exists(dataDir + QStringLiteral("/workstation.sqlite")))
        return inForce;
    auto station = App::Workstation::open(dataDir);
    if (!station) {
        out.error(station.error().toString());
        return nullptr;
    }
    inForce->station = std::move(station).value();
    inForce->calendar = inForce->station->calendar();
    inForce->today = inForce->station->clock().today();
    return inForce;
}
} // namespace

int calendarCheck(const QStringList &args, const QString &dataDir, const CliOutput &out)
{
    QDate date;
    if (args.size() != 1 || !parseDate(args.first(), &date, out))
        return Usage;
    const auto inForce = calendarInForce(dataDir, out);
    if (!inForce)
        return Invalid;
    const Core::WorkCalendar &calendar = inForce->calendar;
    const auto working = calendar.isWorkingDay(date);
    if (!working) {
        out.error(working.error().message);
        out.emitJson({ { QStringLiteral("date"), date.toString(Qt::ISODate) },
            { QStringLiteral("error"), working.error().code } });
        return Invalid;
    }
    const QString holiday = calendar.holidayName(date);
    out.emitJson({ { QStringLiteral("date"), date.toString(Qt::ISODate) },
        { QStringLiteral("workingDay"), *working }, { QStringLiteral("holiday"), holiday } });
    if (*working)
        out.human(Tr::tr("%1: working day").arg(date.toString(Qt::ISODate)));
    else if (!holiday.isEmpty())
        out.human(Tr::tr("%1: public holiday (%2)").arg(date.toString(Qt::ISODate), holiday));
    else
        out.human(Tr::tr("%1: rest day").arg(date.toString(Qt::ISODate)));
    return Ok;
}

int calendarAdd(const QStringList &args, const QString &dataDir, const CliOutput &out)
{
    QDate date;
    bool numberOk = false;
    const int days = args.value(1).toInt(&numberOk);
    if (args.size() != 2 || !parseDate(args.first(), &date, out) || !numberOk) {
        out.error(Tr::tr("Usage: tongban-cli calendar add YYYY-MM-DD N"));
        return Usage;
    }
    const auto inForce = calendarInForce(dataDir, out);
    if (!inForce)
        return Invalid;
    const auto result = inForce->calendar.addWorkingDays(date, days);
    if (!result) {
        out.error(result.error().message);
        out.emitJson({ { QStringLiteral("error"), result.error().code } });
        return Invalid;
    }
    out.emitJson({ { QStringLiteral("from"), date.toString(Qt::ISODate) },
        { QStringLiteral("workingDays"), days },
        { QStringLiteral("date"), result->toString(Qt::ISODate) } });
    out.human(result->toString(Qt::ISODate));
    return Ok;
}

int calendarYears(const QString &dataDir, const CliOutput &out)
{
    const auto inForce = calendarInForce(dataDir, out);
    if (!inForce)
        return Invalid;
    // The years of the platform's calendar, as CatalogSync keeps it in the workstation database.
    QList<int> fromPlatform;
    if (inForce->station) {
        if (const auto stored
            = Platform::CatalogSync::storedCalendarDocument(inForce->station->database())) {
            if (const auto platform = Core::WorkCalendar::fromJson(*stored))
                fromPlatform = platform->years();
        }
    }
    QJsonArray years;
    QStringList names;
    for (int year : inForce->calendar.years()) {
        const bool platform = fromPlatform.contains(year);
        years.append(QJsonObject { { QStringLiteral("year"), year },
            { QStringLiteral("source"),
                platform ? QStringLiteral("platform") : QStringLiteral("built-in") } });
        names << (platform ? Tr::tr("%1 (platform)").arg(year) : QString::number(year));
    }
    const QList<int> missing = inForce->calendar.missingYears(inForce->today);
    QJsonArray missingJson;
    for (int year : missing)
        missingJson.append(year);
    out.emitJson({ { QStringLiteral("years"), years },
        { QStringLiteral("today"), inForce->today.toString(Qt::ISODate) },
        { QStringLiteral("missing"), missingJson } });
    out.human(Tr::tr("Working-day calendar in force: %1").arg(names.join(QStringLiteral(", "))));
    if (!missing.isEmpty()) {
        out.human(Core::WorkCalendar::missingYearsFinding(missing));
        out.human(QStringLiteral("    → ") + Core::WorkCalendar::missingYearsAdvice(missing));
    }
    return Ok;
}

} // namespace Tongban::Cli
