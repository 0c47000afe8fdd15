#include "GuideReportStore.h"

#include <storage/Database.h>

#include <QSqlQuery>
#include <QVariant>

namespace Tongban::Hub {

GuideReportStore::GuideReportStore(Storage::Database &database)
    : m_database(database)
{ }

bool GuideReportStore::caseVisible(const QString &caseId, bool wide, const QString &windowId,
    bool home, const QString &homeJurisdiction) const
{
    QSqlQuery known(m_database.connection());
    known.prepare(QStringLiteral("SELECT 1 FROM hub_cases WHERE id = ? AND (? OR window_id = ?"
                                 " OR (? AND home_jurisdiction = ?))"));
    known.addBindValue(caseId);
    known.addBindValue(wide ? 1 : 0);
    known.addBindValue(windowId);
    known.addBindValue(home ? 1 : 0);
    known.addBindValue(homeJurisdiction);
    return known.exec() && known.next();
}

Core::Result<std::optional<GuideReportStore::ClientReportMatch>>
GuideReportStore::findByClientReportId(const QString &account, const QString &clientReportId) const
{
    QSqlQuery existing(m_database.connection());
    existing.prepare(QStringLiteral("SELECT id, body_sha256 FROM hub_guide_reports"
                                    " WHERE account = ? AND client_report_id = ?"));
    existing.addBindValue(account);
    existing.addBindValue(clientReportId);
    if (!existing.exec())
        return Storage::Database::queryError(existing, QStringLiteral("find guide report"));
    if (!existing.next())
        return std::optional<ClientReportMatch>();
    return std::optional<ClientReportMatch>(
        ClientReportMatch { existing.value(0).toString(), existing.value(1).toString() });
}

Core::Status GuideReportStore::insert(const GuideReportRecord &report, const QString &bodySha256)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO hub_guide_reports (id, client_report_id, account, window_id, body_sha256,"
        " kind, item_code, material_id, case_id, text, jurisdiction_code, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(report.id);
    insert.addBindValue(report.clientReportId);
    insert.addBindValue(report.account);
    insert.addBindValue(report.windowId);
    insert.addBindValue(bodySha256);
    insert.addBindValue(report.kind);
    insert.addBindValue(report.itemCode);
    insert.addBindValue(report.materialId.isEmpty() ? QVariant() : QVariant(report.materialId));
    insert.addBindValue(report.caseId.isEmpty() ? QVariant() : QVariant(report.caseId));
    insert.addBindValue(report.text);
    insert.addBindValue(report.jurisdictionCode);
    insert.addBindValue(report.createdAtMs);
    if (!insert.exec())
        return Storage::Database::queryError(insert, QStringLiteral("insert guide report"));
    return {};
}

Core::Result<QList<GuideReportRecord>> GuideReportStore::list(
    bool wide, const QString &jurisdictionCode, const QString &kind, int limit) const
{
    // Never a null QString: SQLite would bind NULL and "? = ''" would be false.
    const QString kindOrEmpty = QString(QStringLiteral("") + kind);
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT id, client_report_id, kind, item_code, material_id, case_id, text, window_id,"
        " account, created_at, status, answer, answered_at, due_at, jurisdiction_code"
        " FROM hub_guide_reports WHERE (? OR jurisdiction_code = ?)"
        " AND (? = '' OR kind = ?) ORDER BY created_at DESC, rowid DESC LIMIT ?"));
    query.addBindValue(wide ? 1 : 0);
    query.addBindValue(jurisdictionCode);
    query.addBindValue(kindOrEmpty);
    query.addBindValue(kindOrEmpty);
    query.addBindValue(limit);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("list guide reports"));
    QList<GuideReportRecord> reports;
    while (query.next()) {
        GuideReportRecord report;
        report.id = query.value(0).toString();
        report.clientReportId = query.value(1).toString();
        report.kind = query.value(2).toString();
        report.itemCode = query.value(3).toString();
        report.materialId = query.value(4).toString();
        report.caseId = query.value(5).toString();
        report.text = query.value(6).toString();
        report.windowId = query.value(7).toString();
        report.account = query.value(8).toString();
        report.createdAtMs = query.value(9).toLongLong();
        report.status = query.value(10).toString();
        if (!query.value(11).isNull())
            report.answer = query.value(11).toString();
        if (!query.value(12).isNull())
            report.answeredAtMs = query.value(12).toLongLong();
        if (!query.value(13).isNull())
            report.dueAtMs = query.value(13).toLongLong();
        report.jurisdictionCode = query.value(14).toString();
        reports.append(report);
    }
    return reports;
}

} // namespace Tongban::Hub
