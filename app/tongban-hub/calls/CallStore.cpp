#include "CallStore.h"

#include <storage/Database.h>

#include <QSqlError>
#include <QSqlQuery>

namespace Tongban::Hub {

CallStore::CallStore(Storage::Database &database)
    : m_database(database)
{ }

Core::Result<int> CallStore::endInterrupted(qint64 nowMs)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE hub_calls SET state = 'interrupted', ended_at = ?"
                                 " WHERE state IN ('ringing', 'active')"));
    query.addBindValue(nowMs);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("end interrupted calls"));
    return query.numRowsAffected();
}

bool CallStore::exists(const QString &callId) const
{
    QSqlQuery used(m_database.connection());
    used.prepare(QStringLiteral("SELECT 1 FROM hub_calls WHERE id = ?"));
    used.addBindValue(callId);
    return used.exec() && used.next();
}

std::optional<QString> CallStore::caseJurisdiction(
    const QString &caseId, const QString &windowId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT home_jurisdiction FROM hub_cases WHERE id = ? AND window_id = ?"));
    query.addBindValue(caseId);
    query.addBindValue(windowId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return query.value(0).toString();
}

QStringList CallStore::homeWindows(const QString &jurisdiction) const
{
    // A home window: a window of the jurisdiction that a "home" account serves.
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT DISTINCT w.id FROM hub_windows w JOIN hub_account_windows aw ON aw.window_id = w.id"
        " JOIN hub_accounts a ON a.account = aw.account WHERE w.jurisdiction_code = ?"
        " AND w.role IN ('home', 'both') AND a.role = 'home' AND a.disabled = 0 ORDER BY w.id"));
    query.addBindValue(jurisdiction);
    QStringList ids;
    if (query.exec()) {
        while (query.next())
            ids << query.value(0).toString();
    }
    return ids;
}

Core::Status CallStore::insert(const CallRecord &call)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO hub_calls (id, caller_window, item_code, case_id, jurisdiction_code, state,"
        " started_at, caller_account) VALUES (?, ?, ?, ?, ?, 'ringing', ?, ?)"));
    insert.addBindValue(call.id);
    insert.addBindValue(call.callerWindow);
    insert.addBindValue(call.itemCode);
    insert.addBindValue(call.caseId.isEmpty() ? QVariant() : QVariant(call.caseId));
    insert.addBindValue(call.jurisdiction);
    insert.addBindValue(call.startedMs);
    insert.addBindValue(call.callerAccount);
    if (!insert.exec())
        return Storage::Database::queryError(insert, QStringLiteral("record a call"));
    return {};
}

Core::Status CallStore::recordAnswer(const QString &callId, const QString &windowId,
    const QString &account, qint64 answeredMs, qint64 answerMs)
{
    QSqlQuery update(m_database.connection());
    update.prepare(
        QStringLiteral("UPDATE hub_calls SET state = 'active', answered_by = ?,"
                       " answered_account = ?, answered_at = ?, answer_ms = ? WHERE id = ?"));
    update.addBindValue(windowId);
    update.addBindValue(account);
    update.addBindValue(answeredMs);
    update.addBindValue(answerMs);
    update.addBindValue(callId);
    if (!update.exec())
        return Storage::Database::queryError(update, QStringLiteral("record an answer"));
    return {};
}

Core::Status CallStore::recordEnd(
    const QString &callId, const QString &state, qint64 endedMs, const QString &answeredBy)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE hub_calls SET state = ?, ended_at = ?,"
                                  " answered_by = COALESCE(?, answered_by) WHERE id = ?"));
    update.addBindValue(state);
    update.addBindValue(endedMs);
    update.addBindValue(answeredBy.isEmpty() ? QVariant() : QVariant(answeredBy));
    update.addBindValue(callId);
    if (!update.exec())
        return Storage::Database::queryError(update, QStringLiteral("record the end of a call"));
    return {};
}

Core::Result<QList<QPair<QString, QString>>> CallStore::recordMisses(const QString &callId,
    const QStringList &windows, const QString &month, qint64 atMs, const QString &text)
{
    QList<QPair<QString, QString>> phones;
    const Core::Status stored = m_database.transaction([&]() -> Core::Status {
        for (const QString &windowId : windows) {
            QSqlQuery miss(m_database.connection());
            // Portable: one miss per call and window (the primary key), an existing one kept.
            miss.prepare(QStringLiteral("INSERT INTO hub_missed_calls (call_id, window_id,"
                                        " month, at) SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT"
                                        " 1 FROM hub_missed_calls WHERE call_id = ? AND"
                                        " window_id = ?)"));
            miss.addBindValue(callId);
            miss.addBindValue(windowId);
            miss.addBindValue(month);
            miss.addBindValue(atMs);
            miss.addBindValue(callId);
            miss.addBindValue(windowId);
            if (!miss.exec())
                return Storage::Database::queryError(miss, QStringLiteral("record missed call"));
            QSqlQuery phone(m_database.connection());
            phone.prepare(QStringLiteral("SELECT phone FROM hub_windows WHERE id = ?"));
            phone.addBindValue(windowId);
            const QString number
                = phone.exec() && phone.next() ? phone.value(0).toString() : QString();
            QSqlQuery sms(m_database.connection());
            sms.prepare(QStringLiteral("INSERT INTO sms_outbox (window_id, phone, text, call_id,"
                                       " state, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
            sms.addBindValue(windowId);
            sms.addBindValue(number);
            sms.addBindValue(text);
            sms.addBindValue(callId);
            sms.addBindValue(
                number.isEmpty() ? QStringLiteral("no_phone") : QStringLiteral("queued"));
            sms.addBindValue(atMs);
            if (!sms.exec())
                return Storage::Database::queryError(sms, QStringLiteral("queue SMS"));
            phones.append({ windowId, number });
        }
        return {};
    });
    if (!stored)
        return stored.error();
    return phones;
}

Core::Result<QList<MissedCallRow>> CallStore::missedCalls(
    const QString &windowId, const QString &month) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT m.call_id, m.at, c.caller_window, c.item_code, c.case_id FROM hub_missed_calls m"
        " JOIN hub_calls c ON c.id = m.call_id WHERE m.window_id = ? AND m.month = ?"
        " ORDER BY m.at, m.rowid"));
    query.addBindValue(windowId);
    query.addBindValue(month);
    if (!query.exec())
        return Core::Error { 0, QString(), query.lastError().text() };
    QList<MissedCallRow> rows;
    while (query.next()) {
        rows.append({ query.value(0).toString(),
            QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC),
            query.value(2).toString(), query.value(3).toString(),
            query.value(4).isNull() ? QString() : query.value(4).toString() });
    }
    return rows;
}

QList<SmsOutboxRow> CallStore::smsOutbox(Storage::Database &database)
{
    QList<SmsOutboxRow> list;
    QSqlQuery query(database.connection());
    if (!query.exec(QStringLiteral("SELECT id, window_id, phone, text, call_id, state, created_at"
                                   " FROM sms_outbox ORDER BY id")))
        return list;
    while (query.next()) {
        list.append(
            { query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                query.value(3).toString(), query.value(4).toString(), query.value(5).toString(),
                QDateTime::fromMSecsSinceEpoch(query.value(6).toLongLong(), Qt::UTC) });
    }
    return list;
}

} // namespace Tongban::Hub
