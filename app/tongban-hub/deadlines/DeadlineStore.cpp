#include "DeadlineStore.h"

#include <storage/Database.h>

#include <QSqlQuery>

namespace Tongban::Hub {

namespace {

std::optional<qint64> optionalMs(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

/// A null QString binds as NULL, which the NOT NULL columns refuse: unknown is ''.
QString notNull(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

DeadlineStore::DeadlineStore(Storage::Database &database)
    : m_database(database)
{ }

Core::Result<std::optional<DeadlineStore::CaseFacts>> DeadlineStore::caseFacts(
    const QString &caseId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT c.item_code, c.status, c.submitted_at, r.decision, r.issued_at,"
        " (SELECT MAX(q.answered_at) FROM hub_correction_requests q WHERE q.case_id = c.id)"
        " FROM hub_cases c LEFT JOIN hub_results r ON r.case_id = c.id WHERE c.id = ?"));
    query.addBindValue(caseId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("case for deadlines"));
    if (!query.next())
        return std::optional<CaseFacts>();
    CaseFacts facts;
    facts.itemCode = query.value(0).toString();
    facts.status = query.value(1).toString();
    facts.submittedAt = optionalMs(query.value(2));
    facts.decision = query.value(3).toString();
    facts.decidedAt = optionalMs(query.value(4));
    facts.lastCorrectionAnsweredAt = optionalMs(query.value(5));
    return std::optional<CaseFacts>(facts);
}

Core::Result<bool> DeadlineStore::hasOpenCorrection(const QString &caseId) const
{
    QSqlQuery open(m_database.connection());
    open.prepare(QStringLiteral("SELECT 1 FROM hub_correction_requests WHERE case_id = ?"
                                " AND state = 'open'"));
    open.addBindValue(caseId);
    if (!open.exec())
        return Storage::Database::queryError(open, QStringLiteral("open correction"));
    return open.next();
}

Core::Status DeadlineStore::store(const QString &caseId, const Deadlines &deadlines, qint64 now)
{
    QSqlQuery upsert(m_database.connection());
    upsert.prepare(QStringLiteral(
        "INSERT INTO hub_case_deadlines (case_id, received_on, acceptance_due, correction_due,"
        " decision_due, stage, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (case_id) DO UPDATE SET received_on = excluded.received_on,"
        " acceptance_due = excluded.acceptance_due, correction_due = excluded.correction_due,"
        " decision_due = excluded.decision_due, stage = excluded.stage,"
        " updated_at = excluded.updated_at"));
    upsert.addBindValue(caseId);
    upsert.addBindValue(notNull(deadlines.receivedOn));
    upsert.addBindValue(notNull(deadlines.acceptanceDue));
    upsert.addBindValue(notNull(deadlines.correctionDue));
    upsert.addBindValue(
        deadlines.decisionDue.isEmpty() ? QVariant() : QVariant(deadlines.decisionDue));
    upsert.addBindValue(deadlines.stage);
    upsert.addBindValue(now);
    if (!upsert.exec())
        return Storage::Database::queryError(upsert, QStringLiteral("store deadlines"));
    return {};
}

Core::Result<std::optional<DeadlineStore::Deadlines>> DeadlineStore::deadlines(
    const QString &caseId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT received_on, acceptance_due, correction_due, decision_due, stage"
                       " FROM hub_case_deadlines WHERE case_id = ?"));
    query.addBindValue(caseId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("deadlines of a case"));
    if (!query.next())
        return std::optional<Deadlines>();
    return std::optional<Deadlines>(
        Deadlines { query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString(), query.value(4).toString() });
}

Core::Result<QList<DeadlineStore::Running>> DeadlineStore::visible(
    const Scope &scope, int limit) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT c.id, c.case_number, c.item_code, c.window_id, c.home_jurisdiction, d.stage,"
        " CASE d.stage WHEN 'decision' THEN d.decision_due ELSE d.acceptance_due END AS due"
        " FROM hub_case_deadlines d JOIN hub_cases c ON c.id = d.case_id"
        " WHERE d.stage IN ('acceptance', 'decision', 'applicant')"
        " AND (? = 1 OR (? = 1 AND c.home_jurisdiction = ?) OR c.window_id = ?)"
        " ORDER BY due, c.id LIMIT ?"));
    query.addBindValue(scope.all ? 1 : 0);
    query.addBindValue(scope.homeJurisdiction.isEmpty() ? 0 : 1);
    query.addBindValue(scope.homeJurisdiction);
    query.addBindValue(scope.windowId);
    query.addBindValue(limit);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("deadlines"));
    QList<Running> list;
    while (query.next()) {
        list.append({ query.value(0).toString(), query.value(1).toString(),
            query.value(2).toString(), query.value(3).toString(), query.value(4).toString(),
            query.value(5).toString(), query.value(6).toString() });
    }
    return list;
}

Core::Result<QStringList> DeadlineStore::casesToRefresh(int limit) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT c.id FROM hub_cases c LEFT JOIN hub_case_deadlines d ON d.case_id = c.id"
        " WHERE c.submitted_at IS NOT NULL AND (d.case_id IS NULL"
        " OR d.stage IN ('acceptance', 'applicant', 'decision'))"
        " ORDER BY c.submitted_at LIMIT ?"));
    query.addBindValue(limit);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("open cases"));
    QStringList ids;
    while (query.next())
        ids << query.value(0).toString();
    return ids;
}

Core::Result<QList<DeadlineStore::Running>> DeadlineStore::running(int limit) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT c.id, c.case_number, c.item_code, c.window_id, c.home_jurisdiction,"
                       " d.stage, CASE d.stage WHEN 'decision' THEN d.decision_due"
                       " ELSE d.acceptance_due END FROM hub_case_deadlines d"
                       " JOIN hub_cases c ON c.id = d.case_id"
                       " WHERE d.stage IN ('acceptance', 'decision') LIMIT ?"));
    query.addBindValue(limit);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("running deadlines"));
    QList<Running> list;
    while (query.next()) {
        list.append({ query.value(0).toString(), query.value(1).toString(),
            query.value(2).toString(), query.value(3).toString(), query.value(4).toString(),
            query.value(5).toString(), query.value(6).toString() });
    }
    return list;
}

Core::Result<QList<QPair<QString, QString>>> DeadlineStore::homeWindowsWithPhones(
    const QString &jurisdiction) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT DISTINCT w.id, w.phone FROM hub_windows w"
        " JOIN hub_account_windows aw ON aw.window_id = w.id"
        " JOIN hub_accounts a ON a.account = aw.account WHERE w.jurisdiction_code = ?"
        " AND w.role IN ('home', 'both') AND a.role = 'home' AND a.disabled = 0 ORDER BY w.id"));
    query.addBindValue(jurisdiction);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("home windows"));
    QList<QPair<QString, QString>> windows;
    while (query.next())
        windows.append({ query.value(0).toString(), query.value(1).toString() });
    return windows;
}

Core::Result<bool> DeadlineStore::addAlert(const QString &caseId, const QString &stage,
    const QString &level, const QString &due, qint64 at)
{
    QSqlQuery alert(m_database.connection());
    alert.prepare(
        QStringLiteral("INSERT INTO hub_deadline_alerts (case_id, stage, level, due, at)"
                       " VALUES (?, ?, ?, ?, ?) ON CONFLICT (case_id, stage, level) DO NOTHING"));
    alert.addBindValue(caseId);
    alert.addBindValue(stage);
    alert.addBindValue(level);
    alert.addBindValue(due);
    alert.addBindValue(at);
    if (!alert.exec())
        return Storage::Database::queryError(alert, QStringLiteral("deadline alert"));
    return alert.numRowsAffected() == 1;
}

Core::Status DeadlineStore::queueSms(
    const QString &windowId, const QString &storedPhone, const QString &text, qint64 at)
{
    QSqlQuery sms(m_database.connection());
    sms.prepare(QStringLiteral("INSERT INTO sms_outbox (window_id, phone, text,"
                               " call_id, state, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    sms.addBindValue(windowId);
    sms.addBindValue(storedPhone);
    sms.addBindValue(text);
    sms.addBindValue(QVariant()); // not about a call
    sms.addBindValue(storedPhone.isEmpty() ? QStringLiteral("no_phone") : QStringLiteral("queued"));
    sms.addBindValue(at);
    if (!sms.exec())
        return Storage::Database::queryError(sms, QStringLiteral("queue SMS"));
    return {};
}

Core::Status DeadlineStore::transaction(const std::function<Core::Status()> &work)
{
    return m_database.transaction(work);
}

} // namespace Tongban::Hub
