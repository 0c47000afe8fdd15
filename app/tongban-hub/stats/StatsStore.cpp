#include "StatsStore.h"

#include <storage/Database.h>

#include <QSqlQuery>

#include <functional>

namespace Tongban::Hub {

namespace {

/// Runs \a sql with the period's two bounds and calls \a row for each result row.
Core::Status eachRow(Storage::Database &database, const QString &sql, qint64 begin, qint64 end,
    const std::function<void(const QSqlQuery &)> &row)
{
    QSqlQuery query(database.connection());
    query.prepare(sql);
    query.addBindValue(begin);
    query.addBindValue(end);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("stats query"));
    while (query.next())
        row(query);
    return {};
}

} // namespace

StatsStore::StatsStore(Storage::Database &database)
    : m_database(database)
{ }

Core::Result<QList<StatsStore::CaseRow>> StatsStore::transmittedCases(
    qint64 begin, qint64 end) const
{
    QList<CaseRow> rows;
    const Core::Status read = eachRow(m_database,
        QStringLiteral("SELECT c.window_id, w.jurisdiction_code, c.home_jurisdiction, c.body,"
                       " c.submitted_at, r.issued_at FROM hub_cases c"
                       " LEFT JOIN hub_windows w ON w.id = c.window_id"
                       " LEFT JOIN hub_results r ON r.case_id = c.id"
                       " WHERE c.case_number IS NOT NULL AND c.submitted_at >= ?"
                       " AND c.submitted_at < ?"),
        begin, end, [&](const QSqlQuery &query) {
            CaseRow row;
            row.windowId = query.value(0).toString();
            row.applicationJurisdiction = query.value(1).toString();
            row.homeJurisdiction = query.value(2).toString();
            row.body = query.value(3).toString();
            row.submittedAt = query.value(4).toLongLong();
            if (!query.value(5).isNull())
                row.decidedAt = query.value(5).toLongLong();
            rows.append(row);
        });
    if (!read)
        return read.error();
    return rows;
}

Core::Result<QList<StatsStore::DecisionRow>> StatsStore::decisions(qint64 begin, qint64 end) const
{
    QList<DecisionRow> rows;
    const Core::Status read = eachRow(m_database,
        QStringLiteral("SELECT r.decision, r.issued_at, c.submitted_at FROM hub_results r"
                       " JOIN hub_cases c ON c.id = r.case_id"
                       " WHERE r.issued_at >= ? AND r.issued_at < ?"),
        begin, end, [&](const QSqlQuery &query) {
            rows.append({ query.value(0).toString(), query.value(1).toLongLong(),
                query.value(2).toLongLong() });
        });
    if (!read)
        return read.error();
    return rows;
}

Core::Result<int> StatsStore::correctedCases(qint64 begin, qint64 end) const
{
    int count = 0;
    const Core::Status read = eachRow(m_database,
        QStringLiteral("SELECT COUNT(DISTINCT case_id) FROM hub_correction_requests"
                       " WHERE created_at >= ? AND created_at < ?"),
        begin, end, [&](const QSqlQuery &query) { count = query.value(0).toInt(); });
    if (!read)
        return read.error();
    return count;
}

Core::Result<QList<StatsStore::MailingRow>> StatsStore::mailings(qint64 begin, qint64 end) const
{
    QList<MailingRow> rows;
    const Core::Status read = eachRow(m_database,
        QStringLiteral("SELECT m.sent_at, c.body FROM hub_mailings m"
                       " JOIN hub_cases c ON c.id = m.case_id"
                       " WHERE m.created_at >= ? AND m.created_at < ?"),
        begin, end, [&](const QSqlQuery &query) {
            rows.append({ query.value(0).toString(), query.value(1).toString() });
        });
    if (!read)
        return read.error();
    return rows;
}

Core::Result<QList<StatsStore::DeliveryRow>> StatsStore::deliveries(qint64 begin, qint64 end) const
{
    QList<DeliveryRow> rows;
    const Core::Status read = eachRow(m_database,
        QStringLiteral("SELECT state, due_at, done_at FROM hub_deliveries"
                       " WHERE created_at >= ? AND created_at < ?"),
        begin, end, [&](const QSqlQuery &query) {
            rows.append({ query.value(0).toString(), query.value(1).toLongLong(),
                query.value(2).toLongLong() });
        });
    if (!read)
        return read.error();
    return rows;
}

Core::Result<QList<StatsStore::MissedCallRow>> StatsStore::missedCalls(
    qint64 begin, qint64 end) const
{
    QList<MissedCallRow> rows;
    const Core::Status read = eachRow(m_database,
        QStringLiteral("SELECT window_id, month FROM hub_missed_calls WHERE at >= ? AND at < ?"),
        begin, end, [&](const QSqlQuery &query) {
            rows.append({ query.value(0).toString(), query.value(1).toString() });
        });
    if (!read)
        return read.error();
    return rows;
}

Core::Result<QList<StatsStore::RatingRow>> StatsStore::ratings(qint64 begin, qint64 end) const
{
    QList<RatingRow> rows;
    const Core::Status read = eachRow(m_database,
        QStringLiteral("SELECT g.score, r.rectified_at FROM hub_ratings g"
                       " LEFT JOIN hub_rectifications r ON r.case_id = g.case_id"
                       " AND r.account = g.account"
                       " WHERE g.rated_at >= ? AND g.rated_at < ?"),
        begin, end, [&](const QSqlQuery &query) {
            rows.append({ query.value(0).toInt(), !query.value(1).isNull() });
        });
    if (!read)
        return read.error();
    return rows;
}

Core::Result<QStringList> StatsStore::smsStates(qint64 begin, qint64 end) const
{
    QStringList states;
    const Core::Status read = eachRow(m_database,
        QStringLiteral("SELECT state FROM sms_outbox WHERE created_at >= ? AND created_at < ?"),
        begin, end, [&](const QSqlQuery &query) { states.append(query.value(0).toString()); });
    if (!read)
        return read.error();
    return states;
}

Core::Result<QMap<QString, QString>> StatsStore::jurisdictionNames() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT DISTINCT jurisdiction_code, jurisdiction_name"
                                   " FROM hub_windows ORDER BY jurisdiction_code")))
        return Storage::Database::queryError(query, QStringLiteral("jurisdiction names"));
    QMap<QString, QString> names;
    while (query.next()) {
        if (!query.value(1).toString().isEmpty())
            names.insert(query.value(0).toString(), query.value(1).toString());
    }
    return names;
}

Core::Result<QMap<QString, QString>> StatsStore::windowNames() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT id, name FROM hub_windows")))
        return Storage::Database::queryError(query, QStringLiteral("window names"));
    QMap<QString, QString> names;
    while (query.next())
        names.insert(query.value(0).toString(), query.value(1).toString());
    return names;
}

} // namespace Tongban::Hub
