#include "CaseStore.h"

#include <QSqlQuery>
#include <QUuid>

namespace Tongban::Storage {

using Core::Result;

CaseStore::CaseStore(Database &db, const Core::Clock &clock)
    : m_db(db)
    , m_clock(clock)
{ }

Result<QString> CaseStore::create(const QString &itemCode)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("INSERT INTO cases(id, item_code, created_at) VALUES(?, ?, ?)"));
    query.addBindValue(id);
    query.addBindValue(itemCode);
    query.addBindValue(m_clock.now().toString(Qt::ISODateWithMs));
    if (!query.exec())
        return Database::queryError(query, QStringLiteral("create case"));
    return id;
}

bool CaseStore::exists(const QString &caseId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT 1 FROM cases WHERE id = ?"));
    query.addBindValue(caseId);
    return query.exec() && query.next();
}

qint64 CaseStore::count() const
{
    QSqlQuery query(m_db.connection());
    if (query.exec(QStringLiteral("SELECT count(*) FROM cases")) && query.next())
        return query.value(0).toLongLong();
    return 0;
}

} // namespace Tongban::Storage
