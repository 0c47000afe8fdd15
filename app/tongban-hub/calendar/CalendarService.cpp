#include "CalendarService.h"

#include "Logging.h"

#include <core/WorkCalendar.h>
#include <storage/Database.h>

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSqlQuery>

namespace Tongban::Hub {

namespace {

const QString kEmbedded = QStringLiteral(":/tongban/core/calendar/cn-working-days.json");

QByteArray etagOf(const QByteArray &body)
{
    return QByteArray(
        '"' + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex() + '"');
}

} // namespace

CalendarService::CalendarService(Storage::Database &database, const Core::Clock &clock)
    : m_database(database)
    , m_clock(clock)
{ }

Core::Result<QByteArray> CalendarService::document() const
{
    QFile file(kEmbedded);
    if (!file.open(QIODevice::ReadOnly))
        return Core::Error { CalendarInvalid, QStringLiteral("The built-in calendar is missing."),
            kEmbedded };
    const QJsonObject embedded = QJsonDocument::fromJson(file.readAll()).object();
    QMap<int, QJsonObject> years;
    for (const QJsonValue &value : embedded.value(QLatin1String("years")).toArray())
        years.insert(value.toObject().value(QLatin1String("year")).toInt(), value.toObject());

    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT year, body FROM hub_calendar_years ORDER BY year")))
        return Storage::Database::queryError(query, QStringLiteral("calendar years"));
    QStringList imported;
    while (query.next()) {
        years.insert(query.value(0).toInt(),
            QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object());
        imported << query.value(0).toString();
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

HttpResponse CalendarService::calendar(const HttpRequest &request) const
{
    const auto body = document();
    if (!body) {
        qCWarning(lcHub).noquote() << "calendar not served:" << body.error().detail;
        return internalError(body.error().detail);
    }
    const QByteArray etag = etagOf(*body);
    const QByteArray ifNoneMatch = request.header(QByteArrayLiteral("If-None-Match"));
    for (const QByteArray &candidate : ifNoneMatch.split(',')) {
        const QByteArray tag = candidate.trimmed();
        if (tag == etag || tag == QByteArrayLiteral("*") || tag == QByteArray("W/" + etag)) {
            HttpResponse notModified = emptyResponse(304);
            notModified.addHeader(QByteArrayLiteral("ETag"), etag);
            return notModified;
        }
    }
    HttpResponse response;
    response.body = *body;
    response.addHeader(
        QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json; charset=utf-8"));
    response.addHeader(QByteArrayLiteral("ETag"), etag);
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache"));
    return response;
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
    const QJsonArray years
        = QJsonDocument::fromJson(json).object().value(QLatin1String("years")).toArray();
    const Core::Status stored = m_database.transaction([&]() -> Core::Status {
        QSqlQuery query(m_database.connection());
        for (const QJsonValue &value : years) {
            QJsonObject year = value.toObject();
            const int number = year.value(QLatin1String("year")).toInt();
            year.insert(QStringLiteral("importedFrom"), source);
            query.prepare(QStringLiteral("SELECT 1 FROM hub_calendar_years WHERE year = ?"));
            query.addBindValue(number);
            if (!query.exec())
                return Storage::Database::queryError(query, QStringLiteral("calendar year"));
            if (query.next())
                report.replaced << number;
            query.finish();
            query.prepare(QStringLiteral("DELETE FROM hub_calendar_years WHERE year = ?"));
            query.addBindValue(number);
            if (!query.exec())
                return Storage::Database::queryError(query, QStringLiteral("calendar year"));
            query.prepare(QStringLiteral("INSERT INTO hub_calendar_years (year, body, source,"
                                         " imported_at) VALUES (?, ?, ?, ?)"));
            query.addBindValue(number);
            query.addBindValue(
                QString::fromUtf8(QJsonDocument(year).toJson(QJsonDocument::Compact)));
            query.addBindValue(source);
            query.addBindValue(m_clock.now().toMSecsSinceEpoch());
            if (!query.exec())
                return Storage::Database::queryError(query, QStringLiteral("calendar year"));
        }
        // What the hub will serve must still be a valid calendar as a whole.
        const auto served = document();
        if (!served)
            return served.error();
        if (const auto whole = Core::WorkCalendar::fromJson(*served); !whole) {
            return Core::Error { CalendarInvalid,
                QStringLiteral("The calendar file does not fit the calendar in force; nothing "
                               "was imported."),
                whole.error().detail };
        }
        return {};
    });
    if (!stored)
        return stored.error();
    qCInfo(lcHub).noquote() << "calendar imported from" << source << "years" << report.years;
    return report;
}

} // namespace Tongban::Hub
