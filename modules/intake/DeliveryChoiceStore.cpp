#include "DeliveryChoiceStore.h"

#include <storage/Database.h>

#include <QJsonDocument>
#include <QSqlQuery>

namespace Tongban::Intake {

Storage::MigrationSet DeliveryChoiceStore::schema()
{
    Storage::Migration first;
    first.version = 1;
    first.description = QStringLiteral("the applicant's choice of how to receive the result");
    first.statements = {
        QStringLiteral("CREATE TABLE intake_result_delivery (case_id TEXT PRIMARY KEY,"
                       " body TEXT NOT NULL)"),
    };
    return Storage::MigrationSet { QStringLiteral("intake_delivery"), { first } };
}

Core::Status DeliveryChoiceStore::save(
    Storage::Database &database, const QString &caseId, const ResultDelivery &choice)
{
    if (const Core::Status checked = choice.check(); !checked)
        return checked;
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("INSERT INTO intake_result_delivery (case_id, body) VALUES (?, ?)"
                                 " ON CONFLICT (case_id) DO UPDATE SET body = excluded.body"));
    query.addBindValue(caseId);
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(choice.toJson()).toJson(QJsonDocument::Compact)));
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("save delivery choice"));
    return {};
}

ResultDelivery DeliveryChoiceStore::load(Storage::Database &database, const QString &caseId)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("SELECT body FROM intake_result_delivery WHERE case_id = ?"));
    query.addBindValue(caseId);
    if (!query.exec() || !query.next())
        return {};
    return ResultDelivery::fromJson(
        QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object());
}

bool DeliveryChoiceStore::has(Storage::Database &database, const QString &caseId)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("SELECT 1 FROM intake_result_delivery WHERE case_id = ?"));
    query.addBindValue(caseId);
    return query.exec() && query.next();
}

} // namespace Tongban::Intake
