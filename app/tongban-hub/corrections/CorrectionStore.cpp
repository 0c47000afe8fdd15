#include "CorrectionStore.h"

#include <storage/Database.h>

#include <QSqlQuery>

namespace Tongban::Hub {

namespace {

std::optional<QString> optionalText(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<QString>(value.toString());
}

QVariant nullIfEmpty(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

const QString NoticeColumns = QStringLiteral(
    "SELECT n.serial, n.window_id, w.name, w.jurisdiction_code, n.clerk, n.item_code,"
    " n.catalog_version, n.deficiencies, n.correction_due, n.case_id, n.client_case_id,"
    " n.created_at FROM hub_notices n JOIN hub_windows w ON w.id = n.window_id ");

QList<CorrectionStore::Notice> notices(QSqlQuery &query)
{
    QList<CorrectionStore::Notice> list;
    while (query.next()) {
        CorrectionStore::Notice n;
        n.serial = query.value(0).toString();
        n.windowId = query.value(1).toString();
        n.windowName = query.value(2).toString();
        n.windowJurisdiction = query.value(3).toString();
        n.clerk = query.value(4).toString();
        n.itemCode = query.value(5).toString();
        n.catalogVersion = query.value(6).toString();
        n.deficienciesJson = query.value(7).toString();
        n.correctionDue = optionalText(query.value(8));
        n.caseId = optionalText(query.value(9));
        n.clientCaseId = optionalText(query.value(10));
        n.createdAt = query.value(11).toLongLong();
        list.append(n);
    }
    return list;
}

} // namespace

CorrectionStore::CorrectionStore(Storage::Database &database)
    : m_database(database)
{ }

Core::Result<std::optional<CorrectionStore::CaseForRequest>> CorrectionStore::caseForRequest(
    const QString &caseId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT c.window_id, c.item_code, c.home_jurisdiction, c.case_number, c.body,"
        " (SELECT COUNT(*) FROM hub_results r WHERE r.case_id = c.id),"
        " (SELECT COUNT(*) FROM hub_correction_requests q WHERE q.case_id = c.id"
        " AND q.state = 'open') FROM hub_cases c WHERE c.id = ?"));
    query.addBindValue(caseId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("case for correction"));
    if (!query.next())
        return std::optional<CaseForRequest>();
    return std::optional<CaseForRequest>(CaseForRequest { query.value(0).toString(),
        query.value(1).toString(), query.value(2).toString(), query.value(3).toString(),
        query.value(4).toString(), query.value(5).toInt() > 0, query.value(6).toInt() > 0 });
}

Core::Status CorrectionStore::addRequest(const NewRequest &request)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO hub_correction_requests (id, case_id, by_account, deficiencies, ways,"
        " due, state, created_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?)"));
    insert.addBindValue(request.id);
    insert.addBindValue(request.caseId);
    insert.addBindValue(request.byAccount);
    insert.addBindValue(request.deficienciesJson);
    insert.addBindValue(request.waysJson);
    insert.addBindValue(request.due);
    insert.addBindValue(request.at);
    if (!insert.exec())
        return Storage::Database::queryError(insert, QStringLiteral("correction request"));
    return {};
}

Core::Result<std::optional<CorrectionStore::Request>> CorrectionStore::latestRequest(
    const QString &caseId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT q.id, q.deficiencies, q.ways, q.due, q.state, c.window_id, c.home_jurisdiction"
        " FROM hub_correction_requests q JOIN hub_cases c ON c.id = q.case_id"
        " WHERE q.case_id = ? ORDER BY q.created_at DESC LIMIT 1"));
    query.addBindValue(caseId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("correction request"));
    if (!query.next())
        return std::optional<Request>();
    return std::optional<Request>(Request { query.value(0).toString(), query.value(1).toString(),
        query.value(2).toString(), query.value(3).toString(), query.value(4).toString(),
        query.value(5).toString(), query.value(6).toString() });
}

Core::Result<std::optional<CorrectionStore::CaseForPages>> CorrectionStore::caseForPages(
    const QString &caseId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT c.window_id, c.home_jurisdiction, c.case_number, c.item_code,"
        " (SELECT q.id FROM hub_correction_requests q WHERE q.case_id = c.id"
        " AND q.state = 'open'), (SELECT q.deficiencies FROM hub_correction_requests q"
        " WHERE q.case_id = c.id AND q.state = 'open') FROM hub_cases c WHERE c.id = ?"));
    query.addBindValue(caseId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("case for pages"));
    if (!query.next())
        return std::optional<CaseForPages>();
    return std::optional<CaseForPages>(CaseForPages { query.value(0).toString(),
        query.value(1).toString(), query.value(2).toString(), query.value(3).toString(),
        optionalText(query.value(4)), query.value(5).toString() });
}

Core::Result<std::optional<QPair<QString, QString>>> CorrectionStore::page(
    const QString &clientPageId) const
{
    QSqlQuery existing(m_database.connection());
    existing.prepare(
        QStringLiteral("SELECT case_id, sha256 FROM hub_pages WHERE client_page_id = ?"));
    existing.addBindValue(clientPageId);
    if (!existing.exec())
        return Storage::Database::queryError(existing, QStringLiteral("page"));
    if (!existing.next())
        return std::optional<QPair<QString, QString>>();
    return std::optional<QPair<QString, QString>>(
        { existing.value(0).toString(), existing.value(1).toString() });
}

Core::Status CorrectionStore::addPage(
    const QString &caseId, const Page &page, const QString &requestId)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO hub_pages (client_page_id, case_id, material_id,"
                                  " sha256, size_bytes, media_type) VALUES (?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(page.id);
    insert.addBindValue(caseId);
    insert.addBindValue(page.materialId);
    insert.addBindValue(page.sha256);
    insert.addBindValue(page.size);
    insert.addBindValue(page.mediaType);
    if (!insert.exec())
        return Storage::Database::queryError(insert, QStringLiteral("add page"));
    QSqlQuery attach(m_database.connection());
    attach.prepare(QStringLiteral(
        "INSERT INTO hub_correction_pages (client_page_id, request_id) VALUES (?, ?)"));
    attach.addBindValue(page.id);
    attach.addBindValue(requestId);
    if (!attach.exec())
        return Storage::Database::queryError(attach, QStringLiteral("attach page"));
    return {};
}

Core::Result<QList<QPair<QString, QString>>> CorrectionStore::requestPages(
    const QString &requestId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT p.client_page_id, p.sha256 FROM hub_correction_pages cp"
        " JOIN hub_pages p ON p.client_page_id = cp.client_page_id WHERE cp.request_id = ?"));
    query.addBindValue(requestId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("correction pages"));
    QList<QPair<QString, QString>> pages;
    while (query.next())
        pages.append({ query.value(0).toString(), query.value(1).toString() });
    return pages;
}

Core::Status CorrectionStore::answerRequest(const QString &requestId, qint64 at)
{
    QSqlQuery answer(m_database.connection());
    answer.prepare(QStringLiteral("UPDATE hub_correction_requests SET state = 'answered',"
                                  " answered_at = ? WHERE id = ? AND state = 'open'"));
    answer.addBindValue(at);
    answer.addBindValue(requestId);
    if (!answer.exec())
        return Storage::Database::queryError(answer, QStringLiteral("answer request"));
    return {};
}

Core::Result<QStringList> CorrectionStore::homeWindows(const QString &jurisdiction) const
{
    QSqlQuery homes(m_database.connection());
    homes.prepare(QStringLiteral(
        "SELECT DISTINCT w.id FROM hub_windows w JOIN hub_account_windows aw"
        " ON aw.window_id = w.id JOIN hub_accounts a ON a.account = aw.account"
        " WHERE w.jurisdiction_code = ? AND w.role IN ('home', 'both') AND a.role = 'home'"
        " AND a.disabled = 0 ORDER BY w.id"));
    homes.addBindValue(jurisdiction);
    if (!homes.exec())
        return Storage::Database::queryError(homes, QStringLiteral("home windows"));
    QStringList windows;
    while (homes.next())
        windows << homes.value(0).toString();
    return windows;
}

Core::Result<std::optional<QPair<QString, QString>>> CorrectionStore::notice(
    const QString &serial) const
{
    QSqlQuery existing(m_database.connection());
    existing.prepare(
        QStringLiteral("SELECT window_id, body_sha256 FROM hub_notices WHERE serial = ?"));
    existing.addBindValue(serial);
    if (!existing.exec())
        return Storage::Database::queryError(existing, QStringLiteral("notice"));
    if (!existing.next())
        return std::optional<QPair<QString, QString>>();
    return std::optional<QPair<QString, QString>>(
        { existing.value(0).toString(), existing.value(1).toString() });
}

Core::Status CorrectionStore::addNotice(const NewNotice &n)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO hub_notices (serial, window_id, clerk, item_code, catalog_version, id_hash,"
        " deficiencies, correction_due, client_case_id, case_id, body_sha256, state, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)"));
    insert.addBindValue(n.serial);
    insert.addBindValue(n.windowId);
    insert.addBindValue(n.clerk);
    insert.addBindValue(n.itemCode);
    insert.addBindValue(n.catalogVersion);
    insert.addBindValue(n.idHash);
    insert.addBindValue(n.deficienciesJson);
    insert.addBindValue(nullIfEmpty(n.correctionDue));
    insert.addBindValue(nullIfEmpty(n.clientCaseId));
    insert.addBindValue(nullIfEmpty(n.caseId));
    insert.addBindValue(n.bodySha256);
    insert.addBindValue(n.at);
    if (!insert.exec())
        return Storage::Database::queryError(insert, QStringLiteral("notice"));
    return {};
}

Core::Result<QString> CorrectionStore::windowJurisdiction(const QString &windowId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT jurisdiction_code FROM hub_windows WHERE id = ?"));
    query.addBindValue(windowId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("window"));
    return query.next() ? query.value(0).toString() : QString();
}

Core::Result<QList<CorrectionStore::Notice>> CorrectionStore::noticeBySerial(
    const QString &serial, int limit) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QString(NoticeColumns + QStringLiteral("WHERE n.serial = ? LIMIT ?")));
    query.addBindValue(serial);
    query.addBindValue(limit);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("notices"));
    return notices(query);
}

Core::Result<QList<CorrectionStore::Notice>> CorrectionStore::openNoticesByIdHash(
    const QStringList &idHashes, int limit) const
{
    QStringList marks;
    for (qsizetype i = 0; i < idHashes.size(); ++i)
        marks.append(QStringLiteral("?"));
    QSqlQuery query(m_database.connection());
    query.prepare(QString(NoticeColumns + QStringLiteral("WHERE n.id_hash IN (") + marks.join(u',')
        + QStringLiteral(") AND n.state = 'open' ORDER BY n.created_at DESC LIMIT ?")));
    for (const QString &hash : idHashes)
        query.addBindValue(hash);
    query.addBindValue(limit);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("notices"));
    return notices(query);
}

Core::Status CorrectionStore::auditLookup(
    const QString &account, const QString &windowId, const QString &by, int found, qint64 at)
{
    QSqlQuery audit(m_database.connection());
    audit.prepare(QStringLiteral("INSERT INTO hub_notice_lookups (account, window_id, by_key,"
                                 " found, at) VALUES (?, ?, ?, ?, ?)"));
    audit.addBindValue(account);
    audit.addBindValue(windowId);
    audit.addBindValue(by);
    audit.addBindValue(found);
    audit.addBindValue(at);
    if (!audit.exec())
        return Storage::Database::queryError(audit, QStringLiteral("lookup audit"));
    return {};
}

Core::Status CorrectionStore::addGrant(const Grant &grant)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO hub_correction_grants (token_sha256, serial, case_id, request_id, window_id,"
        " account, by_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &value : { QVariant(grant.tokenSha256), QVariant(grant.serial),
             QVariant(grant.caseId), QVariant(grant.requestId), QVariant(grant.windowId),
             QVariant(grant.account), QVariant(grant.by), QVariant(grant.at) })
        insert.addBindValue(value);
    if (!insert.exec())
        return Storage::Database::queryError(insert, QStringLiteral("correction grant"));
    return {};
}

Core::Result<std::optional<CorrectionStore::Grant>> CorrectionStore::grant(
    const QString &tokenSha256) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT serial, case_id, request_id, window_id, account, by_key,"
                                 " created_at FROM hub_correction_grants WHERE token_sha256 = ?"));
    query.addBindValue(tokenSha256);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("correction grant"));
    if (!query.next())
        return std::optional<Grant>();
    return std::optional<Grant>(Grant { tokenSha256, query.value(0).toString(),
        query.value(1).toString(), query.value(2).toString(), query.value(3).toString(),
        query.value(4).toString(), query.value(5).toString(), query.value(6).toLongLong() });
}

Core::Status CorrectionStore::useGrant(const QString &tokenSha256, qint64 at)
{
    QSqlQuery update(m_database.connection());
    update.prepare(
        QStringLiteral("UPDATE hub_correction_grants SET finished_at = ? WHERE token_sha256 = ?"));
    update.addBindValue(at);
    update.addBindValue(tokenSha256);
    if (!update.exec())
        return Storage::Database::queryError(update, QStringLiteral("use correction grant"));
    return {};
}

Core::Status CorrectionStore::addPageWindow(const QString &clientPageId, const QString &windowId)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO hub_correction_page_windows (client_page_id, window_id) VALUES (?, ?)"));
    insert.addBindValue(clientPageId);
    insert.addBindValue(windowId);
    if (!insert.exec())
        return Storage::Database::queryError(insert, QStringLiteral("correction page window"));
    return {};
}

Core::Status CorrectionStore::transaction(const std::function<Core::Status()> &work)
{
    return m_database.transaction(work);
}

} // namespace Tongban::Hub
