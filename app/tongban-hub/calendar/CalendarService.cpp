#include "CalendarService.h"

#include "Logging.h"

#include <core/WorkCalendar.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace Tongban::Hub {

CalendarService::CalendarService(Storage::Database &database, const Core::Clock &clock)
    : m_store(database)
    , m_clock(clock)
{ }

Core::Result<QByteArray> CalendarService::document() const
{
    const auto builtIn = m_store.builtIn();
    if (!builtIn)
        return Core::Error { CalendarInvalid, builtIn.error().message, builtIn.error().detail };
    const QJsonObject embedded = QJsonDocument::fromJson(*builtIn).object();
    QMap<int, QJsonObject> years;
    for (const QJsonValue &value : embedded.value(QLatin1String("years")).toArray())
        years.insert(value.toObject().value(QLatin1String("year")).toInt(), value.toObject());

    const auto importedYears = m_store.importedYears();
    if (!importedYears)
        return importedYears.error();
    QStringList imported;
    for (auto it = importedYears->cbegin(); it != importedYears->cend(); ++it) {
        years.insert(it.key(), QJsonDocument::fromJson(it.value()).object());
        imported << QString::number(it.key());
    }
    QJsonArray list;
    for (const QJsonObject &year : std::as_const(years))
        list.append(year);
    QJsonObject out {
        { QStringLiteral("format"), QStringLiteral("tongban-working-days") },
        { QStringLiteral("formatVersion"), 1 },
        { QStringLiteral("region"), embedded.value(QLatin1String("region")) },
        { QStringLiteral("source"),
            imported.isEmpty()
                ? embedded.value(QLatin1String("source")).toString()
                : QString(embedded.value(QLatin1String("source")).toString()
                    + QStringLiteral("；平台导入：") + imported.join(QStringLiteral("、"))) },
        { QStringLiteral("years"), list },
    };
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

Core::Result<CalendarService::ImportReport> CalendarService::import(
    const QByteArray &json, const QString &source)
{
    const auto parsed = Core::WorkCalendar::fromJson(json);
    if (!parsed) {
        QString problems = parsed.error().detail;
        problems.replace(QStringLiteral("; "), QStringLiteral("\n"));
        return Core::Error { CalendarInvalid,
            QStringLiteral("The calendar file is invalid; nothing was imported."), problems };
    }
    ImportReport report;
    report.years = parsed->years();
    QList<CalendarYear> years;
    for (const QJsonValue &value :
        QJsonDocument::fromJson(json).object().value(QLatin1String("years")).toArray()) {
        QJsonObject year = value.toObject();
        year.insert(QStringLiteral("importedFrom"), source);
        years.append({ year.value(QLatin1String("year")).toInt(),
            QJsonDocument(year).toJson(QJsonDocument::Compact) });
    }
    const auto replaced = m_store.replaceYears(
        years, source, m_clock.now().toMSecsSinceEpoch(), [this]() -> Core::Status {
            // What the hub will serve must still be a valid calendar as a whole.
            const auto served = document();
            if (!served)
                return served.error();
            if (const auto whole = Core::WorkCalendar::fromJson(*served); !whole) {
                return Core::Error { CalendarInvalid,
                    QStringLiteral("The calendar file does not fit the calendar in force; "
                                   "nothing was imported."),
                    whole.error().detail };
            }
            return {};
        });
    if (!replaced)
        return replaced.error();
    report.replaced = *replaced;
    qCInfo(lcHub).noquote() << "calendar imported from" << source << "years" << report.years;
    return report;
}

} // namespace Tongban::Hub
