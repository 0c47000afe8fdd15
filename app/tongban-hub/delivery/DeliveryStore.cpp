#include "DeliveryStore.h"

#include <storage/Database.h>

#include <QSqlQuery>

namespace Tongban::Hub {

namespace {

std::optional<qint64> optionalMs(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

std::optional<QString> optionalText(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<QString>(value.toString());
}

QVariant orNull(const std::optional<QString> &value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant orNull(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant();
}

} // namespace

DeliveryStore::DeliveryStore(Storage::Database &database)
    : m_database(database)
{ }

Core::Result<std::optional<DeliveryStore::CaseInfo>> DeliveryStore::caseInfo(
    const QString &caseId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT window_id, home_jurisdiction, status, case_number, body"
                                 " FROM hub_cases WHERE id = ?"));
    query.addBindValue(caseId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("case"));
    if (!query.next())
        return std::optional<CaseInfo>();
    return std::optional<CaseInfo>(CaseInfo { query.value(0).toString(), query.value(1).toString(),
        query.value(2).toString(), query.value(3).toString(), query.value(4).toString() });
}

Core::Result<std::optional<DeliveryStore::Delivery>> DeliveryStore::delivery(
    const QString &deliveryId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT d.id, d.case_id, c.case_number, d.method, d.window_id, d.address, d.state,"
        " d.created_at, d.due_at, d.done_at, d.handed_by, d.received_by, d.carrier, d.waybill,"
        " d.recorded_by FROM hub_deliveries d JOIN hub_cases c ON c.id = d.case_id"
        " WHERE d.id = ?"));
    query.addBindValue(deliveryId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("delivery"));
    if (!query.next())
        return std::optional<Delivery>();
    Delivery d;
    d.id = query.value(0).toString();
    d.caseId = query.value(1).toString();
    d.caseNumber = query.value(2).toString();
    d.method = query.value(3).toString();
    d.windowId = query.value(4).toString();
    d.addressJson = query.value(5).toString();
    d.state = query.value(6).toString();
    d.createdAt = query.value(7).toLongLong();
    d.dueAt = query.value(8).toLongLong();
    d.doneAt = optionalMs(query.value(9));
    d.handedBy = optionalText(query.value(10));
    d.receivedBy = optionalText(query.value(11));
    d.carrier = optionalText(query.value(12));
    d.waybill = optionalText(query.value(13));
    d.recordedBy = optionalText(query.value(14));
    return std::optional<Delivery>(d);
}

Core::Result<std::optional<QPair<QString, QString>>> DeliveryStore::completion(
    const QString &caseId) const
{
    QSqlQuery existing(m_database.connection());
    existing.prepare(QStringLiteral("SELECT c.document_sha256, d.id FROM hub_completions c"
                                    " JOIN hub_deliveries d ON d.case_id = c.case_id"
                                    " WHERE c.case_id = ?"));
    existing.addBindValue(caseId);
    if (!existing.exec())
        return Storage::Database::queryError(existing, QStringLiteral("completion"));
    if (!existing.next())
        return std::optional<QPair<QString, QString>>();
    return std::optional<QPair<QString, QString>>(
        { existing.value(0).toString(), existing.value(1).toString() });
}

Core::Result<std::optional<QString>> DeliveryStore::homeWindow(
    const QString &jurisdiction, const QString &preferred) const
{
    QSqlQuery home(m_database.connection());
    home.prepare(QStringLiteral("SELECT id FROM hub_windows WHERE jurisdiction_code = ?"
                                " AND role IN ('home', 'both')"
                                " ORDER BY CASE WHEN id = ? THEN 0 ELSE 1 END, id"));
    home.addBindValue(jurisdiction);
    home.addBindValue(preferred);
    if (!home.exec())
        return Storage::Database::queryError(home, QStringLiteral("home window"));
    if (!home.next())
        return std::optional<QString>();
    return std::optional<QString>(home.value(0).toString());
}

Core::Status DeliveryStore::addCompletion(const NewCompletion &c)
{
    QSqlQuery completion(m_database.connection());
    completion.prepare(QStringLiteral("INSERT INTO hub_completions (case_id, document_sha256,"
                                      " completed_at, by_account) VALUES (?, ?, ?, ?)"));
    completion.addBindValue(c.caseId);
    completion.addBindValue(c.documentSha256);
    completion.addBindValue(c.at);
    completion.addBindValue(c.byAccount);
    if (!completion.exec())
        return Storage::Database::queryError(completion, QStringLiteral("completion"));
    QSqlQuery delivery(m_database.connection());
    delivery.prepare(
        QStringLiteral("INSERT INTO hub_deliveries (id, case_id, method, window_id, address, state,"
                       " created_at, due_at, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    delivery.addBindValue(c.deliveryId);
    delivery.addBindValue(c.caseId);
    delivery.addBindValue(c.method);
    delivery.addBindValue(c.windowId);
    delivery.addBindValue(c.addressJson);
    delivery.addBindValue(c.state);
    delivery.addBindValue(c.at);
    delivery.addBindValue(c.dueAt);
    delivery.addBindValue(orNull(c.doneAt));
    if (!delivery.exec())
        return Storage::Database::queryError(delivery, QStringLiteral("delivery"));
    QSqlQuery status(m_database.connection());
    status.prepare(QStringLiteral("UPDATE hub_cases SET status = 'completed' WHERE id = ?"));
    status.addBindValue(c.caseId);
    if (!status.exec())
        return Storage::Database::queryError(status, QStringLiteral("case status"));
    return {};
}

Core::Result<QStringList> DeliveryStore::deliveryIds(
    bool all, const QString &windowId, const QString &state, int limit) const
{
    QSqlQuery rows(m_database.connection());
    rows.prepare(QStringLiteral("SELECT id FROM hub_deliveries WHERE (? = 1 OR window_id = ?)"
                                " AND (? = '' OR state = ?) ORDER BY due_at, id LIMIT ?"));
    rows.addBindValue(all ? 1 : 0);
    rows.addBindValue(windowId);
    rows.addBindValue(state);
    rows.addBindValue(state);
    rows.addBindValue(limit);
    if (!rows.exec())
        return Storage::Database::queryError(rows, QStringLiteral("deliveries"));
    QStringList ids;
    while (rows.next())
        ids.append(rows.value(0).toString());
    return ids;
}

Core::Status DeliveryStore::recordHandover(const QString &deliveryId, const Handover &h)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral(
        "UPDATE hub_deliveries SET state = ?, done_at = ?, handed_by = ?, received_by = ?,"
        " carrier = ?, waybill = ?, recorded_by = ? WHERE id = ? AND state = 'pending'"));
    update.addBindValue(h.state);
    update.addBindValue(h.doneAt);
    update.addBindValue(orNull(h.handedBy));
    update.addBindValue(orNull(h.receivedBy));
    update.addBindValue(orNull(h.carrier));
    update.addBindValue(orNull(h.waybill));
    update.addBindValue(h.recordedBy);
    update.addBindValue(deliveryId);
    if (!update.exec())
        return Storage::Database::queryError(update, QStringLiteral("handover"));
    return {};
}

Core::Result<bool> DeliveryStore::windowDelivers(
    const QString &caseId, const QString &windowId) const
{
    QSqlQuery handing(m_database.connection());
    handing.prepare(QStringLiteral("SELECT 1 FROM hub_deliveries WHERE case_id = ?"
                                   " AND window_id = ?"));
    handing.addBindValue(caseId);
    handing.addBindValue(windowId);
    if (!handing.exec())
        return Storage::Database::queryError(handing, QStringLiteral("delivering window"));
    return handing.next();
}

Core::Result<std::optional<DeliveryStore::Rating>> DeliveryStore::rating(
    const QString &caseId, const QString &account) const
{
    QSqlQuery existing(m_database.connection());
    existing.prepare(QStringLiteral("SELECT score, comment FROM hub_ratings WHERE case_id = ?"
                                    " AND account = ?"));
    existing.addBindValue(caseId);
    existing.addBindValue(account);
    if (!existing.exec())
        return Storage::Database::queryError(existing, QStringLiteral("rating"));
    if (!existing.next())
        return std::optional<Rating>();
    return std::optional<Rating>(
        Rating { existing.value(0).toInt(), existing.value(1).toString() });
}

Core::Status DeliveryStore::addRating(const QString &caseId, const QString &account,
    const QString &windowId, const Rating &rating, qint64 at)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO hub_ratings (case_id, account, window_id,"
                                  " score, comment, rated_at) VALUES (?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(caseId);
    insert.addBindValue(account);
    insert.addBindValue(windowId);
    insert.addBindValue(rating.score);
    insert.addBindValue(rating.comment.isNull() ? QStringLiteral("") : rating.comment);
    insert.addBindValue(at);
    if (!insert.exec())
        return Storage::Database::queryError(insert, QStringLiteral("rating"));
    return {};
}

Core::Status DeliveryStore::openRectification(const QString &id, const QString &caseId,
    const QString &account, const QString &windowId, qint64 at)
{
    QSqlQuery open(m_database.connection());
    open.prepare(QStringLiteral("INSERT INTO hub_rectifications (id, case_id, account,"
                                " window_id, opened_at) VALUES (?, ?, ?, ?, ?)"));
    open.addBindValue(id);
    open.addBindValue(caseId);
    open.addBindValue(account);
    open.addBindValue(windowId);
    open.addBindValue(at);
    if (!open.exec())
        return Storage::Database::queryError(open, QStringLiteral("rectification"));
    return {};
}

Core::Result<QList<DeliveryStore::Rectification>> DeliveryStore::rectifications(
    const QString &state, int limit) const
{
    QSqlQuery rows(m_database.connection());
    rows.prepare(
        QStringLiteral("SELECT r.id, r.case_id, c.case_number, r.account, r.window_id, r.opened_at,"
                       " r.rectified_at, r.rectified_by, r.rectification, g.score, g.comment"
                       " FROM hub_rectifications r JOIN hub_cases c ON c.id = r.case_id"
                       " LEFT JOIN hub_ratings g ON g.case_id = r.case_id AND g.account = r.account"
                       " WHERE (? = '' OR (? = 'open' AND r.rectified_at IS NULL)"
                       " OR (? = 'rectified' AND r.rectified_at IS NOT NULL))"
                       " ORDER BY r.opened_at, r.id LIMIT ?"));
    rows.addBindValue(state);
    rows.addBindValue(state);
    rows.addBindValue(state);
    rows.addBindValue(limit);
    if (!rows.exec())
        return Storage::Database::queryError(rows, QStringLiteral("rectifications"));
    QList<Rectification> list;
    while (rows.next()) {
        Rectification r;
        r.id = rows.value(0).toString();
        r.caseId = rows.value(1).toString();
        r.caseNumber = rows.value(2).toString();
        r.account = rows.value(3).toString();
        r.windowId = rows.value(4).toString();
        r.openedAt = rows.value(5).toLongLong();
        r.rectifiedAt = optionalMs(rows.value(6));
        r.rectifiedBy = rows.value(7).toString();
        r.rectification = rows.value(8).toString();
        r.score = rows.value(9).toInt();
        r.comment = rows.value(10).toString();
        list.append(r);
    }
    return list;
}

Core::Result<bool> DeliveryStore::rectify(
    const QString &id, const QString &byAccount, const QString &text, qint64 at)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE hub_rectifications SET rectified_at = ?,"
                                  " rectified_by = ?, rectification = ?"
                                  " WHERE id = ? AND rectified_at IS NULL"));
    update.addBindValue(at);
    update.addBindValue(byAccount);
    update.addBindValue(text);
    update.addBindValue(id);
    if (!update.exec())
        return Storage::Database::queryError(update, QStringLiteral("rectify"));
    QSqlQuery exists(m_database.connection());
    exists.prepare(QStringLiteral("SELECT 1 FROM hub_rectifications WHERE id = ?"));
    exists.addBindValue(id);
    if (!exists.exec())
        return Storage::Database::queryError(exists, QStringLiteral("rectification"));
    return exists.next();
}

Core::Result<std::optional<DeliveryStore::GuideReport>> DeliveryStore::guideReport(
    const QString &reportId) const
{
    QSqlQuery report(m_database.connection());
    report.prepare(QStringLiteral("SELECT jurisdiction_code, window_id, status, item_code,"
                                  " created_at FROM hub_guide_reports WHERE id = ?"));
    report.addBindValue(reportId);
    if (!report.exec())
        return Storage::Database::queryError(report, QStringLiteral("guide report"));
    if (!report.next())
        return std::optional<GuideReport>();
    return std::optional<GuideReport>(
        GuideReport { report.value(0).toString(), report.value(1).toString(),
            report.value(2).toString(), report.value(3).toString(), report.value(4).toLongLong() });
}

Core::Result<std::optional<qint64>> DeliveryStore::reportWithoutDeadline(
    const QString &reportId) const
{
    QSqlQuery report(m_database.connection());
    report.prepare(QStringLiteral("SELECT created_at FROM hub_guide_reports WHERE id = ?"
                                  " AND due_at IS NULL"));
    report.addBindValue(reportId);
    if (!report.exec())
        return Storage::Database::queryError(report, QStringLiteral("guide report"));
    if (!report.next())
        return std::optional<qint64>();
    return std::optional<qint64>(report.value(0).toLongLong());
}

Core::Status DeliveryStore::setReportDeadline(const QString &reportId, qint64 dueAt)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE hub_guide_reports SET due_at = ? WHERE id = ?"));
    update.addBindValue(dueAt);
    update.addBindValue(reportId);
    if (!update.exec())
        return Storage::Database::queryError(update, QStringLiteral("guide report deadline"));
    return {};
}

Core::Status DeliveryStore::answerReport(const QString &reportId, const QString &status,
    const QString &answer, const QString &byAccount, qint64 at, qint64 dueAt)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE hub_guide_reports SET status = ?, answer = ?,"
                                  " answered_by = ?, answered_at = ?, due_at = ? WHERE id = ?"));
    update.addBindValue(status);
    update.addBindValue(answer);
    update.addBindValue(byAccount);
    update.addBindValue(at);
    update.addBindValue(dueAt);
    update.addBindValue(reportId);
    if (!update.exec())
        return Storage::Database::queryError(update, QStringLiteral("answer report"));
    return {};
}

Core::Status DeliveryStore::transaction(const std::function<Core::Status()> &work)
{
    return m_database.transaction(work);
}

} // namespace Tongban::Hub
