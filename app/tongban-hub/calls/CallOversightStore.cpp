#include "CallOversightStore.h"

#include <storage/Database.h>

#include <QSqlError>
#include <QSqlQuery>

namespace Tongban::Hub {

namespace {

EscalationRow escalationRow(const QSqlQuery &select)
{
    EscalationRow row;
    row.id = select.value(0).toString();
    row.windowId = select.value(1).toString();
    row.month = select.value(2).toString();
    row.misses = select.value(3).toInt();
    row.createdAtMs = select.value(4).toLongLong();
    row.state = select.value(5).toString();
    if (!select.value(6).isNull())
        row.decidedBy = select.value(6).toString();
    if (!select.value(7).isNull())
        row.decidedAtMs = select.value(7).toLongLong();
    if (!select.value(8).isNull())
        row.note = select.value(8).toString();
    return row;
}

const QString EscalationColumns = QStringLiteral(
    "id, window_id, month, miss_count, created_at, state, decided_by, decided_at, note");

} // namespace

CallOversightStore::CallOversightStore(Storage::Database &database)
    : m_database(database)
{ }

std::optional<QString> CallOversightStore::officeHours(const QString &jurisdiction) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT spans FROM hub_office_hours WHERE jurisdiction_code = ?"));
    query.addBindValue(jurisdiction);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return query.value(0).toString();
}

Core::Status CallOversightStore::setOfficeHours(
    const QString &jurisdiction, const QString &spans, const QString &account, qint64 nowMs)
{
    return m_database.transaction([&]() -> Core::Status {
        QSqlQuery remove(m_database.connection());
        remove.prepare(QStringLiteral("DELETE FROM hub_office_hours WHERE jurisdiction_code = ?"));
        remove.addBindValue(jurisdiction);
        if (!remove.exec())
            return Storage::Database::queryError(remove, QStringLiteral("office hours"));
        QSqlQuery insert(m_database.connection());
        insert.prepare(QStringLiteral("INSERT INTO hub_office_hours (jurisdiction_code, spans,"
                                      " updated_by, updated_at) VALUES (?, ?, ?, ?)"));
        insert.addBindValue(jurisdiction);
        insert.addBindValue(spans);
        insert.addBindValue(account);
        insert.addBindValue(nowMs);
        if (!insert.exec())
            return Storage::Database::queryError(insert, QStringLiteral("office hours"));
        return {};
    });
}

std::optional<QPair<QString, QString>> CallOversightStore::window(const QString &windowId) const
{
    QSqlQuery name(m_database.connection());
    name.prepare(QStringLiteral("SELECT jurisdiction_code, name FROM hub_windows WHERE id = ?"));
    name.addBindValue(windowId);
    if (!name.exec() || !name.next())
        return std::nullopt;
    return QPair<QString, QString> { name.value(0).toString(), name.value(1).toString() };
}

QStringList CallOversightStore::admins(const QString &jurisdiction) const
{
    QSqlQuery admins(m_database.connection());
    admins.prepare(jurisdiction.isEmpty()
            ? QStringLiteral("SELECT account FROM hub_accounts WHERE role = 'admin'"
                             " AND disabled = 0 ORDER BY account")
            : QStringLiteral("SELECT account FROM hub_accounts WHERE role = 'admin'"
                             " AND disabled = 0 AND jurisdiction_code = ? ORDER BY account"));
    if (!jurisdiction.isEmpty())
        admins.addBindValue(jurisdiction);
    QStringList found;
    if (admins.exec()) {
        while (admins.next())
            found << admins.value(0).toString();
    }
    return found;
}

int CallOversightStore::missCount(const QString &windowId, const QString &month) const
{
    QSqlQuery count(m_database.connection());
    count.prepare(
        QStringLiteral("SELECT COUNT(*) FROM hub_missed_calls WHERE window_id = ? AND month = ?"));
    count.addBindValue(windowId);
    count.addBindValue(month);
    return count.exec() && count.next() ? count.value(0).toInt() : 0;
}

std::optional<bool> CallOversightStore::escalationExists(const QString &id) const
{
    QSqlQuery existing(m_database.connection());
    existing.prepare(QStringLiteral("SELECT 1 FROM hub_call_escalations WHERE id = ?"));
    existing.addBindValue(id);
    if (!existing.exec())
        return std::nullopt;
    return existing.next();
}

Core::Status CallOversightStore::insertEscalation(
    const EscalationRow &row, const std::function<Core::Status()> &alsoStore)
{
    return m_database.transaction([&]() -> Core::Status {
        QSqlQuery insert(m_database.connection());
        insert.prepare(QStringLiteral("INSERT INTO hub_call_escalations (id, window_id, month,"
                                      " miss_count, created_at, state) VALUES (?, ?, ?, ?, ?,"
                                      " 'open')"));
        insert.addBindValue(row.id);
        insert.addBindValue(row.windowId);
        insert.addBindValue(row.month);
        insert.addBindValue(row.misses);
        insert.addBindValue(row.createdAtMs);
        if (!insert.exec())
            return Storage::Database::queryError(insert, QStringLiteral("escalation"));
        return alsoStore ? alsoStore() : Core::Status {};
    });
}

Core::Result<QList<EscalationRow>> CallOversightStore::escalations(
    const QString &month, const QString &state, int limit) const
{
    QSqlQuery select(m_database.connection());
    select.prepare(QStringLiteral("SELECT %1 FROM hub_call_escalations WHERE (? = '' OR month = ?)"
                                  " AND (? = '' OR state = ?) ORDER BY created_at, id LIMIT ?")
                       .arg(EscalationColumns));
    select.addBindValue(month);
    select.addBindValue(month);
    select.addBindValue(state);
    select.addBindValue(state);
    select.addBindValue(limit);
    if (!select.exec())
        return Core::Error { 0, QString(), select.lastError().text() };
    QList<EscalationRow> rows;
    while (select.next())
        rows.append(escalationRow(select));
    return rows;
}

Core::Result<int> CallOversightStore::decide(const QString &id, const QString &decision,
    const QString &account, qint64 nowMs, const QString &note)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE hub_call_escalations SET state = ?, decided_by = ?,"
                                  " decided_at = ?, note = ? WHERE id = ? AND state = 'open'"));
    update.addBindValue(decision);
    update.addBindValue(account);
    update.addBindValue(nowMs);
    update.addBindValue(note);
    update.addBindValue(id);
    if (!update.exec())
        return Core::Error { 0, QString(), update.lastError().text() };
    return update.numRowsAffected();
}

std::optional<QString> CallOversightStore::escalationState(const QString &id) const
{
    QSqlQuery exists(m_database.connection());
    exists.prepare(QStringLiteral("SELECT state FROM hub_call_escalations WHERE id = ?"));
    exists.addBindValue(id);
    if (exists.exec() && exists.next())
        return exists.value(0).toString();
    return std::nullopt;
}

Core::Result<QHash<QString, QPair<QString, QString>>> CallOversightStore::windows(
    Storage::Database &database)
{
    QSqlQuery windows(database.connection());
    if (!windows.exec(QStringLiteral("SELECT id, jurisdiction_code, name FROM hub_windows")))
        return Storage::Database::queryError(windows, QStringLiteral("report windows"));
    QHash<QString, QPair<QString, QString>> found;
    while (windows.next()) {
        found.insert(windows.value(0).toString(),
            { windows.value(1).toString(), windows.value(2).toString() });
    }
    return found;
}

Core::Result<QList<QPair<QString, int>>> CallOversightStore::missesPerWindow(
    Storage::Database &database, const QString &month)
{
    QSqlQuery misses(database.connection());
    misses.prepare(QStringLiteral(
        "SELECT window_id, COUNT(*) FROM hub_missed_calls WHERE month = ? GROUP BY window_id"));
    misses.addBindValue(month);
    if (!misses.exec())
        return Storage::Database::queryError(misses, QStringLiteral("report misses"));
    QList<QPair<QString, int>> found;
    while (misses.next())
        found.append({ misses.value(0).toString(), misses.value(1).toInt() });
    return found;
}

Core::Result<QList<ReportedCall>> CallOversightStore::calls(
    Storage::Database &database, qint64 startMs, qint64 endMs)
{
    QSqlQuery calls(database.connection());
    calls.prepare(QStringLiteral(
        "SELECT caller_window, caller_account, state, answered_by, answer_ms FROM hub_calls"
        " WHERE started_at >= ? AND started_at < ? ORDER BY started_at"));
    calls.addBindValue(startMs);
    calls.addBindValue(endMs);
    if (!calls.exec())
        return Storage::Database::queryError(calls, QStringLiteral("report calls"));
    QList<ReportedCall> found;
    while (calls.next()) {
        ReportedCall call { calls.value(0).toString(), calls.value(1).toString(),
            calls.value(2).toString(), calls.value(3).toString(), std::nullopt };
        if (!calls.value(4).isNull())
            call.answerMs = calls.value(4).toLongLong();
        found.append(call);
    }
    return found;
}

Core::Result<QList<EscalationRow>> CallOversightStore::escalationsOf(
    Storage::Database &database, const QString &month)
{
    QSqlQuery escalations(database.connection());
    escalations.prepare(QStringLiteral("SELECT %1 FROM hub_call_escalations WHERE month = ?"
                                       " ORDER BY id")
                            .arg(EscalationColumns));
    escalations.addBindValue(month);
    if (!escalations.exec())
        return Storage::Database::queryError(escalations, QStringLiteral("report escalations"));
    QList<EscalationRow> found;
    while (escalations.next())
        found.append(escalationRow(escalations));
    return found;
}

} // namespace Tongban::Hub
