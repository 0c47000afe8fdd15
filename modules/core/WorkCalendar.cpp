#include "WorkCalendar.h"

#include "Logging.h"
#include "Tr.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Tongban::Core {

namespace {

constexpr int kMaxYearsAhead = 50; // bounds the walk of addWorkingDays on hostile input

Error yearNotCovered(int year)
{
    return Error { WorkCalendar::YearNotCovered,
        Tr::tr("The working-day calendar has no data for %1, so no deadline can be "
               "computed for that year. Update the catalogue from the platform, or "
               "ask IT to install a newer calendar.")
            .arg(year),
        QStringLiteral("year %1 not covered").arg(year) };
}

QDate parseDate(const QJsonValue &value)
{
    return QDate::fromString(value.toString(), Qt::ISODate);
}

} // namespace

const WorkCalendar &WorkCalendar::embedded()
{
    static const WorkCalendar calendar = [] {
        QFile file(QStringLiteral(":/tongban/core/calendar/cn-working-days.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qCCritical(lcCore) << "embedded working-day calendar missing from resources";
            return WorkCalendar();
        }
        Result<WorkCalendar> parsed = fromJson(file.readAll());
        if (!parsed) {
            qCCritical(lcCore) << "embedded working-day calendar invalid:" << parsed.error().detail;
            return WorkCalendar();
        }
        return std::move(parsed).value();
    }();
    return calendar;
}

Result<WorkCalendar> WorkCalendar::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const auto invalid = [](const QString &detail) {
        return Error { InvalidData,
            Tr::tr("The working-day calendar data is damaged and was not used. The "
                   "previous calendar stays in force."),
            detail };
    };
    if (parseError.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("JSON: ") + parseError.errorString());
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String("tongban-working-days")
        || root.value(QLatin1String("formatVersion")).toInt() != 1) {
        return invalid(QStringLiteral("not a tongban-working-days document of format version 1"));
    }

    WorkCalendar calendar;
    QStringList problems;
    const QJsonArray years = root.value(QLatin1String("years")).toArray();
    for (qsizetype yi = 0; yi < years.size(); ++yi) {
        const QJsonObject entry = years.at(yi).toObject();
        const QString where = QStringLiteral("/years/%1").arg(yi);
        const int year = entry.value(QLatin1String("year")).toInt();
        if (year < 1949 || year > 2200) {
            problems << where + QStringLiteral("/year: not a plausible year");
            continue;
        }
        if (calendar.m_years.contains(year)) {
            problems << where + QStringLiteral("/year: %1 listed twice").arg(year);
            continue;
        }
        calendar.m_years.insert(year);

        const QJsonArray holidays = entry.value(QLatin1String("holidays")).toArray();
        for (qsizetype hi = 0; hi < holidays.size(); ++hi) {
            const QJsonObject holiday = holidays.at(hi).toObject();
            const QString at = where + QStringLiteral("/holidays/%1").arg(hi);
            const QString name = holiday.value(QLatin1String("name")).toString();
            const QDate from = parseDate(holiday.value(QLatin1String("from")));
            const QDate to = parseDate(holiday.value(QLatin1String("to")));
            if (name.isEmpty() || !from.isValid() || !to.isValid() || to < from
                || from.daysTo(to) > 31) {
                problems << at
                        + QStringLiteral(": needs a name and a from..to range of at most 32 days");
                continue;
            }
            if (from.year() != year && to.year() != year) {
                problems << at + QStringLiteral(": range lies outside %1").arg(year);
                continue;
            }
            for (QDate d = from; d <= to; d = d.addDays(1))
                calendar.m_holidays.insert(d, name);
        }

        const QJsonArray workdays = entry.value(QLatin1String("workdays")).toArray();
        for (qsizetype wi = 0; wi < workdays.size(); ++wi) {
            const QJsonObject workday = workdays.at(wi).toObject();
            const QString at = where + QStringLiteral("/workdays/%1").arg(wi);
            const QDate date = parseDate(workday.value(QLatin1String("date")));
            if (!date.isValid() || date.year() != year) {
                problems << at + QStringLiteral(": needs a date in %1").arg(year);
                continue;
            }
            if (date.dayOfWeek() < 6) {
                problems << at
                        + QStringLiteral(": %1 is a weekday, not a make-up workday")
                              .arg(date.toString(Qt::ISODate));
                continue;
            }
            calendar.m_makeUpWorkdays.insert(date, workday.value(QLatin1String("for")).toString());
        }
    }
    for (auto it = calendar.m_makeUpWorkdays.cbegin(); it != calendar.m_makeUpWorkdays.cend();
         ++it) {
        if (calendar.m_holidays.contains(it.key())) {
            problems << QStringLiteral("%1 is both a holiday and a make-up workday")
                            .arg(it.key().toString(Qt::ISODate));
        }
    }
    if (calendar.m_years.isEmpty())
        problems << QStringLiteral("/years: no year listed");
    if (!problems.isEmpty())
        return invalid(problems.join(QStringLiteral("; ")));
    return calendar;
}

Result<bool> WorkCalendar::isWorkingDay(const QDate &date) const
{
    if (!date.isValid() || !m_years.contains(date.year()))
        return yearNotCovered(date.year());
    if (m_makeUpWorkdays.contains(date))
        return true;
    if (m_holidays.contains(date))
        return false;
    return date.dayOfWeek() < 6;
}

Result<QDate> WorkCalendar::addWorkingDays(const QDate &from, int days) const
{
    if (!from.isValid() || !m_years.contains(from.year()))
        return yearNotCovered(from.year());
    const int step = days < 0 ? -1 : 1;
    int remaining = std::abs(days);
    QDate date = from;
    const QDate limit = from.addYears(step * kMaxYearsAhead);
    while (remaining > 0) {
        date = date.addDays(step);
        if (date == limit)
            return yearNotCovered(date.year());
        const Result<bool> working = isWorkingDay(date);
        if (!working)
            return working.error();
        if (*working)
            --remaining;
    }
    return date;
}

Result<DueDate> WorkCalendar::dueAfterWorkingDays(const QDate &from, int days) const
{
    if (!from.isValid() || days < 0) {
        return Error {
            InvalidData,
            Tr::tr("No deadline can be computed from this date. Check the computer's clock."),
            QStringLiteral("dueAfterWorkingDays(%1, %2)").arg(from.toString(Qt::ISODate)).arg(days)
        };
    }
    DueDate due { from, !m_years.contains(from.year()) };
    for (int remaining = days; remaining > 0;) {
        due.date = due.date.addDays(1);
        const QDate &d = due.date;
        bool working = d.dayOfWeek() < 6;
        if (m_years.contains(d.year()))
            working = m_makeUpWorkdays.contains(d) || (working && !m_holidays.contains(d));
        else
            due.provisional = true;
        if (working)
            --remaining;
    }
    return due;
}

QList<int> WorkCalendar::missingYears(const QDate &today) const
{
    QList<int> missing;
    if (!today.isValid())
        return missing;
    if (!m_years.contains(today.year()))
        missing << today.year();
    // From 1 December a deadline can run into January: next year's data must be there.
    if (today.month() == 12 && !m_years.contains(today.year() + 1))
        missing << today.year() + 1;
    return missing;
}

namespace {
QString yearList(const QList<int> &years)
{
    QStringList names;
    for (int year : years)
        names << QString::number(year);
    return names.join(QStringLiteral(", "));
}
} // namespace

QString WorkCalendar::missingYearsFinding(const QList<int> &years)
{
    return Tr::tr("The working-day calendar in force has no data for %1.").arg(yearList(years));
}

QString WorkCalendar::missingYearsAdvice(const QList<int> &years)
{
    return Tr::tr("Mailing deadlines in %1 are computed on weekends only and marked "
                  "provisional until the year arrives. Ask the platform administrator to "
                  "import the %1 calendar (tongban-hub calendar import); this window takes it "
                  "at the next sign-in and recomputes the provisional deadlines.")
        .arg(yearList(years));
}

QString WorkCalendar::holidayName(const QDate &date) const
{
    return m_holidays.value(date);
}

QList<int> WorkCalendar::years() const
{
    QList<int> list(m_years.cbegin(), m_years.cend());
    std::sort(list.begin(), list.end());
    return list;
}

WorkCalendar WorkCalendar::withYearsFrom(const WorkCalendar &newer) const
{
    WorkCalendar merged;
    for (int year : m_years) {
        if (!newer.m_years.contains(year))
            merged.m_years.insert(year);
    }
    const auto keep = [&](const QHash<QDate, QString> &mine, const QHash<QDate, QString> &theirs,
                          QHash<QDate, QString> &out) {
        for (auto it = mine.cbegin(); it != mine.cend(); ++it) {
            if (merged.m_years.contains(it.key().year()))
                out.insert(it.key(), it.value());
        }
        for (auto it = theirs.cbegin(); it != theirs.cend(); ++it) {
            if (newer.m_years.contains(it.key().year()))
                out.insert(it.key(), it.value());
        }
    };
    keep(m_holidays, newer.m_holidays, merged.m_holidays);
    keep(m_makeUpWorkdays, newer.m_makeUpWorkdays, merged.m_makeUpWorkdays);
    merged.m_years.unite(newer.m_years);
    return merged;
}

} // namespace Tongban::Core
