#include "MailingService.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "events/EventService.h"
#include "security/Secrets.h"

#include <core/Hash.h>
#include <storage/Database.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Tongban::Hub {

namespace {

struct CaseInfo
{
    QString id;
    QString windowId;
    QString homeJurisdiction;
    QString caseNumber;
    QSet<QString> materialIds;
};

std::optional<CaseInfo> loadCaseInfo(
    Storage::Database &database, const Secrets *secrets, const QString &caseId)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("SELECT id, window_id, home_jurisdiction, case_number, body"
                                 " FROM hub_cases WHERE id = ?"));
    query.addBindValue(caseId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    CaseInfo info { query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
        query.value(3).toString(), {} };
    QString body = query.value(4).toString();
    if (secrets) {
        const Core::Result<QString> opened = secrets->open(body);
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

bool mayRead(const CaseInfo &info, const AuthContext &context)
{
    if (context.role == QLatin1String("admin"))
        return true;
    if (context.role == QLatin1String("department") || context.role == QLatin1String("home"))
        return info.homeJurisdiction == context.jurisdictionCode;
    return info.windowId == context.windowId;
}

HttpResponse caseNotFound(const QString &caseId)
{
    return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("案件不存在"), caseId);
}

HttpResponse mailingNotFound(const QString &mailingId)
{
    return errorResponse(
        404, QStringLiteral("not_found"), QStringLiteral("寄递记录不存在"), mailingId);
}

HttpResponse validationFailed(const QStringList &problems)
{
    return errorResponse(422, QStringLiteral("validation_failed"),
        QStringLiteral("寄递信息不完整或有误，请核对后重新提交"),
        problems.join(QStringLiteral("; ")));
}

QStringList validateMailing(const QJsonObject &body, const CaseInfo &info)
{
    QStringList problems;
    const QString clientMailingId = body.value(QStringLiteral("clientMailingId")).toString();
    if (clientMailingId.isEmpty() || clientMailingId.size() > 100)
        problems << QStringLiteral("/clientMailingId: required, at most 100 characters");
    const QString carrier = body.value(QStringLiteral("carrier")).toString();
    if (carrier.trimmed().isEmpty() || carrier.size() > 40)
        problems << QStringLiteral("/carrier: required, at most 40 characters");
    if (!isValidWaybill(body.value(QStringLiteral("waybill")).toString()))
        problems << QStringLiteral("/waybill: 8 to 30 letters or digits");
    if (!isRfc3339(body.value(QStringLiteral("sentAt")).toString()))
        problems << QStringLiteral("/sentAt: RFC 3339 time with offset");
    const QJsonValue materialsValue = body.value(QStringLiteral("materials"));
    const QJsonArray materials = materialsValue.toArray();
    if (!materialsValue.isArray() || materials.isEmpty() || materials.size() > 100) {
        problems << QStringLiteral("/materials: a non-empty array of materialIds");
    } else {
        QSet<QString> seen;
        for (qsizetype i = 0; i < materials.size(); ++i) {
            const QString id = materials.at(i).toString();
            if (!info.materialIds.contains(id) || seen.contains(id))
                problems << QStringLiteral("/materials/%1: not a material of the case, or repeated")
                                .arg(i);
            seen.insert(id);
        }
    }
    return problems;
}

} // namespace

bool isValidWaybill(const QString &waybill)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9]{8,30}$"));
    return pattern.match(waybill).hasMatch();
}

bool isRfc3339(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$"));
    return text.size() <= 40 && pattern.match(text).hasMatch()
        && QDateTime::fromString(text, Qt::ISODateWithMs).isValid();
}

MailingService::MailingService(Storage::Database &database, const Core::Clock &clock)
    : m_database(database)
    , m_clock(clock)
{ }

QJsonObject MailingService::mailingJson(const QString &mailingId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT id, client_mailing_id, case_id, carrier, waybill, sent_at, materials,"
        " received_at, received_by FROM hub_mailings WHERE id = ?"));
    query.addBindValue(mailingId);
    if (!query.exec() || !query.next())
        return {};
    const bool received = !query.value(7).isNull();
    return QJsonObject { { QStringLiteral("mailingId"), query.value(0).toString() },
        { QStringLiteral("clientMailingId"), query.value(1).toString() },
        { QStringLiteral("caseId"), query.value(2).toString() },
        { QStringLiteral("carrier"), query.value(3).toString() },
        { QStringLiteral("waybill"), query.value(4).toString() },
        { QStringLiteral("sentAt"), query.value(5).toString() },
        { QStringLiteral("materials"),
            QJsonDocument::fromJson(query.value(6).toString().toUtf8()).array() },
        { QStringLiteral("status"),
            received ? QStringLiteral("received") : QStringLiteral("sent") },
        { QStringLiteral("receivedAt"),
            received ? QJsonValue(
                rfc3339(QDateTime::fromMSecsSinceEpoch(query.value(7).toLongLong(), Qt::UTC)))
                     : QJsonValue() },
        { QStringLiteral("receivedBy"),
            received ? QJsonValue(query.value(8).toString()) : QJsonValue() } };
}

HttpResponse MailingService::create(
    const QString &caseId, const QJsonObject &body, const AuthContext &context)
{
    const auto info = loadCaseInfo(m_database, m_secrets, caseId);
    if (!info || !mayRead(*info, context))
        return caseNotFound(caseId);
    if (context.windowId.isEmpty() || info->windowId != context.windowId) {
        return errorResponse(403, QStringLiteral("forbidden"),
            QStringLiteral("只有受理该案件的窗口可以登记寄递"), caseId);
    }
    const QStringList problems = validateMailing(body, *info);
    if (!problems.isEmpty())
        return validationFailed(problems);
    const QString clientMailingId = body.value(QStringLiteral("clientMailingId")).toString();
    const QString bodySha = Core::sha256Hex(QJsonDocument(body).toJson(QJsonDocument::Compact));

    QSqlQuery existing(m_database.connection());
    existing.prepare(QStringLiteral("SELECT id, body_sha256 FROM hub_mailings"
                                    " WHERE case_id = ? AND client_mailing_id = ?"));
    existing.addBindValue(caseId);
    existing.addBindValue(clientMailingId);
    if (!existing.exec())
        return internalError(existing.lastError().text());
    if (existing.next()) {
        if (existing.value(1).toString() != bodySha) {
            return errorResponse(409, QStringLiteral("idempotency_conflict"),
                QStringLiteral("同一寄递编号已用于内容不同的寄递"), clientMailingId);
        }
        return jsonResponse(
            200, QJsonObject { { QStringLiteral("mailingId"), existing.value(0).toString() } });
    }
    const QString mailingId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO hub_mailings (id, client_mailing_id, account, case_id, body_sha256,"
        " carrier, waybill, sent_at, materials, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?)"));
    insert.addBindValue(mailingId);
    insert.addBindValue(clientMailingId);
    insert.addBindValue(context.account);
    insert.addBindValue(caseId);
    insert.addBindValue(bodySha);
    insert.addBindValue(body.value(QStringLiteral("carrier")).toString().trimmed());
    insert.addBindValue(body.value(QStringLiteral("waybill")).toString());
    insert.addBindValue(body.value(QStringLiteral("sentAt")).toString());
    insert.addBindValue(
        QString::fromUtf8(QJsonDocument(body.value(QStringLiteral("materials")).toArray())
                              .toJson(QJsonDocument::Compact)));
    insert.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if (!insert.exec())
        return internalError(insert.lastError().text());
    qCInfo(lcHub) << "mailing" << mailingId << "for case" << caseId;
    return jsonResponse(201, QJsonObject { { QStringLiteral("mailingId"), mailingId } });
}

HttpResponse MailingService::list(const QString &caseId, const AuthContext &context)
{
    const auto info = loadCaseInfo(m_database, m_secrets, caseId);
    if (!info || !mayRead(*info, context))
        return caseNotFound(caseId);
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT id FROM hub_mailings WHERE case_id = ? ORDER BY created_at, rowid"));
    query.addBindValue(caseId);
    if (!query.exec())
        return internalError(query.lastError().text());
    QJsonArray mailings;
    while (query.next())
        mailings.append(mailingJson(query.value(0).toString()));
    return jsonResponse(200, QJsonObject { { QStringLiteral("mailings"), mailings } });
}

HttpResponse MailingService::received(const QString &mailingId, const AuthContext &context)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT case_id, received_at FROM hub_mailings WHERE id = ?"));
    query.addBindValue(mailingId);
    if (!query.exec())
        return internalError(query.lastError().text());
    if (!query.next())
        return mailingNotFound(mailingId);
    const QString caseId = query.value(0).toString();
    const bool already = !query.value(1).isNull();
    const auto info = loadCaseInfo(m_database, m_secrets, caseId);
    if (!info || !mayRead(*info, context))
        return mailingNotFound(mailingId);
    if (context.role != QLatin1String("home") || context.windowId.isEmpty()
        || context.jurisdictionCode != info->homeJurisdiction) {
        return errorResponse(403, QStringLiteral("forbidden"),
            QStringLiteral("只有属地通办窗口可以确认收到原件"), mailingId);
    }
    if (!already) {
        const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
        const Core::Status stored = m_database.transaction([&]() -> Core::Status {
            QSqlQuery update(m_database.connection());
            update.prepare(QStringLiteral("UPDATE hub_mailings SET received_at = ?,"
                                          " received_by = ? WHERE id = ? AND received_at IS NULL"));
            update.addBindValue(nowMs);
            update.addBindValue(context.windowId);
            update.addBindValue(mailingId);
            if (!update.exec())
                return Storage::Database::queryError(update, QStringLiteral("mailing received"));
            const auto event = EventService::append(m_database, m_clock, info->windowId,
                QStringLiteral("mailing.received"),
                QJsonObject { { QStringLiteral("mailingId"), mailingId },
                    { QStringLiteral("caseId"), caseId },
                    { QStringLiteral("caseNumber"),
                        info->caseNumber.isEmpty() ? QJsonValue() : QJsonValue(info->caseNumber) },
                    { QStringLiteral("receivedAt"),
                        rfc3339(QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC)) },
                    { QStringLiteral("by"), context.windowId } });
            if (!event)
                return event.error();
            return {};
        });
        if (!stored)
            return internalError(stored.error().detail);
        qCInfo(lcHub) << "mailing" << mailingId << "received by" << context.windowId;
    }
    return jsonResponse(200, mailingJson(mailingId));
}

} // namespace Tongban::Hub
