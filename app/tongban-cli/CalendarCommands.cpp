#include "Commands.h"

#include <core/WorkCalendar.h>

#include <QDate>

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
} // namespace

int calendarCheck(const QStringList &args, const CliOutput &out)
{
    QDate date;
    if (args.size() != 1 || !parseDate(args.first(), &date, out))
        return Usage;
    const auto &calendar = Core::WorkCalendar::embedded();
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

int calendarAdd(const QStringList &args, const CliOutput &out)
{
    QDate date;
    bool numberOk = false;
    const int days = args.value(1).toInt(&numberOk);
    if (args.size() != 2 || !parseDate(args.first(), &date, out) || !numberOk) {
        out.error(Tr::tr("Usage: tongban-cli calendar add YYYY-MM-DD N"));
        return Usage;
    }
    const auto result = Core::WorkCalendar::embedded().addWorkingDays(date, days);
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

} // namespace Tongban::Cli
