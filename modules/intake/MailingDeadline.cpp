#include "MailingDeadline.h"

#include "IntakeStore.h"

#include <core/Clock.h>

#include <QSqlQuery>

namespace Tongban::Intake {

Core::Result<Core::DueDate> mailingDueDate(
    const Core::WorkCalendar &calendar, const QDate &receivedOn)
{
    return calendar.dueAfterWorkingDays(receivedOn, kMailingWorkingDays);
}

Core::Result<int> IntakeStore::recomputeProvisionalMailingDueDates(
    const Core::WorkCalendar &calendar)
{
    int changed = 0;
    const Core::Status status = m_db.transaction([&]() -> Core::Status {
        struct Row
        {
            qint64 id;
            QString caseId;
            QDate due;
            QDate receivedOn;
        };
        QList<Row> rows;
        QSqlQuery query(m_db.connection());
        if (!query.exec(QStringLiteral("SELECT id, case_id, due_date, created_at FROM"
                                       " intake_mailings WHERE due_provisional != 0")))
            return Storage::Database::queryError(query, QStringLiteral("provisional deadlines"));
        while (query.next()) {
            rows.append({ query.value(0).toLongLong(), query.value(1).toString(),
                QDate::fromString(query.value(2).toString(), Qt::ISODate),
                Core::chinaStandardDate(
                    QDateTime::fromString(query.value(3).toString(), Qt::ISODateWithMs)) });
        }
        query.finish();
        for (const Row &row : std::as_const(rows)) {
            const auto due = mailingDueDate(calendar, row.receivedOn);
            if (!due || due->provisional)
                continue; // still not settled: keep the provisional date
            query.prepare(QStringLiteral("UPDATE intake_mailings SET due_date = ?,"
                                         " due_provisional = 0 WHERE id = ?"));
            query.addBindValue(due->date.toString(Qt::ISODate));
            query.addBindValue(row.id);
            if (!query.exec())
                return Storage::Database::queryError(query, QStringLiteral("recompute deadline"));
            QSqlQuery number(m_db.connection());
            number.prepare(
                QStringLiteral("SELECT provisional_number FROM intake_cases WHERE case_id = ?"));
            number.addBindValue(row.caseId);
            const QString object
                = number.exec() && number.next() ? number.value(0).toString() : row.caseId;
            number.finish();
            const auto recorded = m_audit.append({ QStringLiteral("system"), {},
                QStringLiteral("mailing.due"), object, QStringLiteral("ok"),
                QStringLiteral("provisional %1 -> %2 (calendar now covers the year)")
                    .arg(row.due.toString(Qt::ISODate), due->date.toString(Qt::ISODate)) });
            if (!recorded)
                return recorded.error();
            ++changed;
        }
        return {};
    });
    if (!status)
        return status.error();
    return changed;
}

} // namespace Tongban::Intake
