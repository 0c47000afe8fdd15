#include "MailingStore.h"

#include "security/Secrets.h"

#include <storage/Database.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace Tongban::Hub {

namespace {

const QString MailingColumns = QStringLiteral(
    "id, client_mailing_id, case_id, carrier, waybill, sent_at, materials, received_at,"
    " received_by");

MailingRecord mailingFrom(const QSqlQuery &query)
{
    MailingRecord mailing;
    mailing.id = query.value(0).toString();
    mailing.clientMailingId = query.value(1).toString();
    mailing.caseId = query.value(2).toString();
    mailing.carrier = query.value(3).toString();
    mailing.waybill = query.value(4).toString();
    mailing.sentAt = query.value(5).toString();
    mailing.materials = QJsonDocument::fromJson(query.value(6).toString().toUtf8()).array();
    if (!query.value(7).isNull())
        mailing.receivedAtMs = query.value(7).toLongLong();
    mailing.receivedBy = query.value(8).toString();
    return mailing;
}

} // namespace

MailingStore::MailingStore(Storage::Database &database)
    : m_database(database)
{ }

std::optional<MailingCase> MailingStore::caseOf(const QString &caseId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id, window_id, home_jurisdiction, case_number, body"
                                 " FROM hub_cases WHERE id = ?"));
    query.addBindValue(caseId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    MailingCase info { query.value(0).toString(), query.value(1).toString(),
        query.value(2).toString(), query.value(3).toString(), {} };
    QString body = query.value(4).toString();
    if (m_secrets) {
        const Core::Result<QString> opened = m_secrets->open(body);
        body = opened ? *opened : QString();
    }
    const QJsonArray materials = QJsonDocument::fromJson(body.toUtf8())
                                     .object()
                                     .value(QStringLiteral("materials"))
                                     .toArray();
    for (const QJsonValue &material : materials)
        info.materialIds.insert(material.toObject().value(QStringLiteral("materialId")).toString());
    return info;
}

Core::Result<std::optional<MailingStore::ClientMailingMatch>> MailingStore::findByClientMailingId(
    const QString &caseId, const QString &clientMailingId) const
{
    QSqlQuery existing(m_database.connection());
    existing.prepare(QStringLiteral("SELECT id, body_sha256 FROM hub_mailings"
                                    " WHERE case_id = ? AND client_mailing_id = ?"));
    existing.addBindValue(caseId);
    existing.addBindValue(clientMailingId);
    if (!existing.exec())
        return Storage::Database::queryError(existing, QStringLiteral("find mailing"));
    if (!existing.next())
        return std::optional<ClientMailingMatch>();
    return std::optional<ClientMailingMatch>(
        ClientMailingMatch { existing.value(0).toString(), existing.value(1).toString() });
}

Core::Status MailingStore::insert(const MailingRecord &mailing, const QString &account,
    const QString &bodySha256, qint64 createdAtMs)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO hub_mailings (id, client_mailing_id, account, case_id, body_sha256,"
        " carrier, waybill, sent_at, materials, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?)"));
    insert.addBindValue(mailing.id);
    insert.addBindValue(mailing.clientMailingId);
    insert.addBindValue(account);
    insert.addBindValue(mailing.caseId);
    insert.addBindValue(bodySha256);
    insert.addBindValue(mailing.carrier);
    insert.addBindValue(mailing.waybill);
    insert.addBindValue(mailing.sentAt);
    insert.addBindValue(
        QString::fromUtf8(QJsonDocument(mailing.materials).toJson(QJsonDocument::Compact)));
    insert.addBindValue(createdAtMs);
    if (!insert.exec())
        return Storage::Database::queryError(insert, QStringLiteral("insert mailing"));
    return {};
}

Core::Result<std::optional<MailingRecord>> MailingStore::find(const QString &mailingId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QString(QStringLiteral("SELECT ") + MailingColumns
        + QStringLiteral(" FROM hub_mailings WHERE id = ?")));
    query.addBindValue(mailingId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("read mailing"));
    if (!query.next())
        return std::optional<MailingRecord>();
    return std::optional<MailingRecord>(mailingFrom(query));
}

Core::Result<QList<MailingRecord>> MailingStore::ofCase(const QString &caseId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QString(QStringLiteral("SELECT ") + MailingColumns
        + QStringLiteral(" FROM hub_mailings WHERE case_id = ? ORDER BY created_at, rowid")));
    query.addBindValue(caseId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("list mailings"));
    QList<MailingRecord> mailings;
    while (query.next())
        mailings.append(mailingFrom(query));
    return mailings;
}

Core::Status MailingStore::markReceived(const QString &mailingId, qint64 nowMs,
    const QString &byWindow, const std::function<Core::Status()> &alsoInTransaction)
{
    return m_database.transaction([&]() -> Core::Status {
        QSqlQuery update(m_database.connection());
        update.prepare(QStringLiteral("UPDATE hub_mailings SET received_at = ?,"
                                      " received_by = ? WHERE id = ? AND received_at IS NULL"));
        update.addBindValue(nowMs);
        update.addBindValue(byWindow);
        update.addBindValue(mailingId);
        if (!update.exec())
            return Storage::Database::queryError(update, QStringLiteral("mailing received"));
        return alsoInTransaction ? alsoInTransaction() : Core::Status();
    });
}

} // namespace Tongban::Hub
