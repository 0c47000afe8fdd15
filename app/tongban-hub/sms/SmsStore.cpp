#include "SmsStore.h"

#include "Logging.h"

#include <storage/Database.h>

#include <QSqlQuery>

namespace Tongban::Hub {

namespace {

QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

/// A null QString binds as NULL, which the NOT NULL columns refuse.
QString notNull(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

SmsStore::SmsStore(Storage::Database &database)
    : m_database(database)
{ }

Core::Result<qint64> SmsStore::insert(const NewRow &row)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(
        QStringLiteral("INSERT INTO sms_outbox (window_id, phone, text, call_id, state,"
                       " created_at, purpose, case_id) VALUES (?, ?, ?, NULL, ?, ?, ?, ?)"));
    insert.addBindValue(notNull(row.windowId));
    insert.addBindValue(notNull(row.storedPhone));
    insert.addBindValue(notNull(row.text));
    insert.addBindValue(row.state);
    insert.addBindValue(row.createdAt);
    insert.addBindValue(notNull(row.purpose));
    insert.addBindValue(row.caseId.isEmpty() ? QVariant() : QVariant(row.caseId));
    if (!insert.exec())
        return Storage::Database::queryError(insert, QStringLiteral("queue SMS"));
    return insert.lastInsertId().toLongLong();
}

Core::Result<QList<SmsRecord>> SmsStore::list() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral(
            "SELECT id, window_id, phone, text, purpose, case_id, state, attempts, created_at,"
            " next_attempt_at, sent_at, reference, last_error FROM sms_outbox ORDER BY id")))
        return Storage::Database::queryError(query, QStringLiteral("list SMS"));
    QList<SmsRecord> list;
    while (query.next()) {
        SmsRecord record;
        record.id = query.value(0).toLongLong();
        record.windowId = query.value(1).toString();
        record.phone = query.value(2).toString();
        record.text = query.value(3).toString();
        record.purpose = query.value(4).toString();
        record.caseId = query.value(5).toString();
        record.state = query.value(6).toString();
        record.attempts = query.value(7).toInt();
        record.createdAt = fromMs(query.value(8));
        record.nextAttemptAt = fromMs(query.value(9));
        record.sentAt = fromMs(query.value(10));
        record.reference = query.value(11).toString();
        record.lastError = query.value(12).toString();
        list.append(record);
    }
    return list;
}

Core::Result<std::optional<SmsStore::DueRow>> SmsStore::nextDue(qint64 now) const
{
    QSqlQuery due(m_database.connection());
    due.prepare(QStringLiteral("SELECT id, phone, text, purpose, case_id, attempts FROM sms_outbox"
                               " WHERE state = 'queued' AND next_attempt_at <= ?"
                               " ORDER BY id LIMIT 1"));
    due.addBindValue(now);
    if (!due.exec())
        return Storage::Database::queryError(due, QStringLiteral("next SMS"));
    if (!due.next())
        return std::optional<DueRow>();
    DueRow row;
    row.id = due.value(0).toLongLong();
    row.storedPhone = due.value(1).toString();
    row.text = due.value(2).toString();
    row.purpose = due.value(3).toString();
    row.caseId = due.value(4).toString();
    row.attempts = due.value(5).toInt();
    return std::optional<DueRow>(row);
}

Core::Status SmsStore::recordAttempt(qint64 id, const Outcome &outcome)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE sms_outbox SET state = ?, attempts = ?,"
                                  " next_attempt_at = ?, sent_at = ?, reference = ?,"
                                  " last_error = ? WHERE id = ?"));
    update.addBindValue(outcome.state);
    update.addBindValue(outcome.attempts);
    update.addBindValue(outcome.nextAttemptAt);
    update.addBindValue(outcome.sentAt ? QVariant(*outcome.sentAt) : QVariant());
    update.addBindValue(outcome.reference.isEmpty() ? QVariant() : QVariant(outcome.reference));
    update.addBindValue(outcome.error.isEmpty() ? QVariant() : QVariant(outcome.error));
    update.addBindValue(id);
    if (!update.exec())
        return Storage::Database::queryError(update, QStringLiteral("sms"));
    return {};
}

Core::Result<QList<SmsStore::PlainPhone>> SmsStore::plainPhones() const
{
    QList<PlainPhone> rows;
    for (const QString &table : { QStringLiteral("hub_windows"), QStringLiteral("sms_outbox") }) {
        QSqlQuery plain(m_database.connection());
        if (!plain.exec(QString(QStringLiteral("SELECT id, phone FROM ") + table
                + QStringLiteral(" WHERE phone <> '' AND phone NOT LIKE 'tbs1:%'"))))
            return Storage::Database::queryError(plain, QStringLiteral("list plain phones"));
        while (plain.next())
            rows.append({ table, plain.value(0), plain.value(1).toString() });
    }
    return rows;
}

Core::Status SmsStore::replacePhones(const QList<PlainPhone> &rows, const QStringList &sealed)
{
    // The plain bytes are overwritten, not left in the file's free space (SQLite only; other
    // databases do not keep deleted rows readable in the same way).
    QSqlQuery pragma(m_database.connection());
    if (!pragma.exec(QStringLiteral("PRAGMA secure_delete = ON")))
        qCWarning(lcHub) << "secure_delete not set: plain phone numbers may stay in free pages";
    return m_database.transaction([&]() -> Core::Status {
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QSqlQuery update(m_database.connection());
            update.prepare(QString(QStringLiteral("UPDATE ") + rows.at(i).table
                + QStringLiteral(" SET phone = ? WHERE id = ?")));
            update.addBindValue(sealed.value(i));
            update.addBindValue(rows.at(i).id);
            if (!update.exec())
                return Storage::Database::queryError(update, QStringLiteral("seal phone"));
        }
        return {};
    });
}

} // namespace Tongban::Hub
