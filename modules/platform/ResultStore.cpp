#include "ResultStore.h"

#include "Logging.h"
#include "PlatformErrors.h"
#include "Tr.h"

#include <QSqlQuery>
#include <QVariant>

namespace Tongban::Platform {

ResultStore::ResultStore(Storage::Database &db, const Core::Clock &clock)
    : m_db(db)
    , m_clock(clock)
{ }

QList<StoredResult> ResultStore::query(const QString &where) const
{
    QList<StoredResult> list;
    QSqlQuery query(m_db.connection());
    if (!query.exec(
            QString(QStringLiteral("SELECT result_id, case_id, case_number, decision, reasons,"
                                   " issued_at, document_sha256, event_id, stored_at, printed_at"
                                   " FROM platform_results ")
                + where + QStringLiteral(" ORDER BY stored_at, event_id")))) {
        qCWarning(lcPlatform).noquote()
            << "results:" << Storage::Database::queryError(query, QStringLiteral("list")).detail;
        return list;
    }
    while (query.next()) {
        StoredResult r;
        r.resultId = query.value(0).toString();
        r.caseId = query.value(1).toString();
        r.caseNumber = query.value(2).toString();
        r.decision = query.value(3).toString();
        r.reasons = query.value(4).toString();
        r.issuedAt = QDateTime::fromString(query.value(5).toString(), Qt::ISODate);
        r.documentSha256 = query.value(6).toString();
        r.eventId = query.value(7).toLongLong();
        r.storedAt = QDateTime::fromMSecsSinceEpoch(query.value(8).toLongLong(), Qt::UTC);
        if (!query.value(9).isNull())
            r.printedAt = QDateTime::fromMSecsSinceEpoch(query.value(9).toLongLong(), Qt::UTC);
        list.append(r);
    }
    return list;
}

QList<StoredResult> ResultStore::awaitingPrint() const
{
    return query(QStringLiteral("WHERE printed_at IS NULL"));
}

QList<StoredResult> ResultStore::results() const
{
    return query(QString());
}

Core::Result<QByteArray> ResultStore::document(const QString &resultId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT document FROM platform_results WHERE result_id = ?"));
    query.addBindValue(resultId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("result document"));
    if (!query.next())
        return Core::Error { NotFound, Tr::tr("This result is not kept on this workstation."),
            resultId };
    return query.value(0).toByteArray();
}

Core::Status ResultStore::markPrinted(const QString &resultId)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("UPDATE platform_results SET printed_at = ? WHERE result_id = ?"
                                 " AND printed_at IS NULL"));
    query.addBindValue(m_clock.now().toMSecsSinceEpoch());
    query.addBindValue(resultId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("mark printed"));
    if (query.numRowsAffected() == 0) {
        QSqlQuery exists(m_db.connection());
        exists.prepare(QStringLiteral("SELECT 1 FROM platform_results WHERE result_id = ?"));
        exists.addBindValue(resultId);
        if (!exists.exec() || !exists.next())
            return Core::Error { NotFound, Tr::tr("This result is not kept on this workstation."),
                resultId };
    }
    return {};
}

} // namespace Tongban::Platform
