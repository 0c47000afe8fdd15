#include "CalendarStore.h"

#include "HubErrors.h"

#include <storage/Database.h>

#include <QFile>
#include <QSqlQuery>

namespace Tongban::Hub {

namespace {
const QString kEmbedded = QStringLiteral(":/tongban/core/calendar/cn-working-days.json");
}

CalendarStore::CalendarStore(Storage::Database &database)
    : m_database(database)
{ }

Core::Result<QByteArray> CalendarStore::builtIn() const
{
    QFile file(kEmbedded);
    if (!file.open(QIODevice::ReadOnly))
        return Core::Error { HubError::Calendar,
            QStringLiteral("The built-in calendar is missing."), kEmbedded };
    return file.readAll();
}

Core::Result<QMap<int, QByteArray>> CalendarStore::importedYears() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT year, body FROM hub_calendar_years ORDER BY year")))
        return Storage::Database::queryError(query, QStringLiteral("calendar years"));
    QMap<int, QByteArray> years;
    while (query.next())
        years.insert(query.value(0).toInt(), query.value(1).toString().toUtf8());
    return years;
}

Core::Result<QList<int>> CalendarStore::replaceYears(const QList<CalendarYear> &years,
    const QString &source, qint64 nowMs, const std::function<Core::Status()> &check)
{
    QList<int> replaced;
    const Core::Status stored = m_database.transaction([&]() -> Core::Status {
        QSqlQuery query(m_database.connection());
        for (const CalendarYear &year : years) {
            query.prepare(QStringLiteral("SELECT 1 FROM hub_calendar_years WHERE year = ?"));
            query.addBindValue(year.year);
            if (!query.exec())
                return Storage::Database::queryError(query, QStringLiteral("calendar year"));
            if (query.next())
                replaced << year.year;
            query.finish();
            query.prepare(QStringLiteral("DELETE FROM hub_calendar_years WHERE year = ?"));
            query.addBindValue(year.year);
            if (!query.exec())
                return Storage::Database::queryError(query, QStringLiteral("calendar year"));
            query.prepare(QStringLiteral("INSERT INTO hub_calendar_years (year, body, source,"
                                         " imported_at) VALUES (?, ?, ?, ?)"));
            query.addBindValue(year.year);
            query.addBindValue(QString::fromUtf8(year.body));
            query.addBindValue(source);
            query.addBindValue(nowMs);
            if (!query.exec())
                return Storage::Database::queryError(query, QStringLiteral("calendar year"));
        }
        return check ? check() : Core::Status();
    });
    if (!stored)
        return stored.error();
    return replaced;
}

} // namespace Tongban::Hub
