#include "GuideReportService.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "catalogue/CatalogueService.h"

#include <core/Hash.h>
#include <storage/Database.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Tongban::Hub {

namespace {

const QStringList &reportKinds()
{
    static const QStringList kinds { QStringLiteral("guide_wrong"),
        QStringLiteral("extra_material_demanded"), QStringLiteral("review_point_mismatch"),
        QStringLiteral("catalog_invalid") };
    return kinds;
}

HttpResponse validationFailed(const QStringList &problems)
{
    return errorResponse(422, QStringLiteral("validation_failed"),
        QStringLiteral("纠错信息不完整或有误，请核对后重新提交"),
        problems.join(QStringLiteral("; ")));
}

bool optionalString(const QJsonObject &body, const QString &key, int maxChars)
{
    const QJsonValue value = body.value(key);
    return value.isUndefined() || value.isNull()
        || (value.isString() && value.toString().size() <= maxChars);
}

} // namespace

GuideReportService::GuideReportService(
    Storage::Database &database, const Core::Clock &clock, const CatalogueService &catalogue)
    : m_database(database)
    , m_clock(clock)
    , m_catalogue(catalogue)
{ }

HttpResponse GuideReportService::create(const QJsonObject &body, const AuthContext &context)
{
    QStringList problems;
    const QString clientReportId = body.value(QStringLiteral("clientReportId")).toString();
    if (clientReportId.isEmpty() || clientReportId.size() > 100)
        problems << QStringLiteral("/clientReportId: required, at most 100 characters");
    const QString kind = body.value(QStringLiteral("kind")).toString();
    if (!reportKinds().contains(kind))
        problems << QString(
            QStringLiteral("/kind: one of ") + reportKinds().join(QStringLiteral(", ")));
    const bool catalogInvalid = kind == QLatin1String("catalog_invalid");
    const QString itemCode = body.value(QStringLiteral("itemCode")).toString();
    if (!optionalString(body, QStringLiteral("itemCode"), 64)
        || (itemCode.isEmpty() && !catalogInvalid))
        problems << QStringLiteral("/itemCode: required (may be empty only for catalog_invalid)");
    if (!optionalString(body, QStringLiteral("materialId"), 100))
        problems << QStringLiteral("/materialId: a string of at most 100 characters");
    if (!optionalString(body, QStringLiteral("caseId"), 100))
        problems << QStringLiteral("/caseId: a string of at most 100 characters");
    if (!optionalString(body, QStringLiteral("text"), 4000))
        problems << QStringLiteral("/text: a string of at most 4000 characters");
    if (!problems.isEmpty())
        return validationFailed(problems);

    const QString materialId = body.value(QStringLiteral("materialId")).toString();
    const QString caseId = body.value(QStringLiteral("caseId")).toString();
    const Catalog::ServiceItem *item
        = itemCode.isEmpty() ? nullptr : m_catalogue.catalog().item(itemCode);
    if (!item && !catalogInvalid)
        return errorResponse(
            404, QStringLiteral("unknown_item"), QStringLiteral("事项不在现行目录中"), itemCode);
    if (item && !materialId.isEmpty() && !catalogInvalid) {
        bool known = false;
        for (const Catalog::MaterialRequirement &material : item->materials)
            known = known || material.id == materialId;
        if (!known)
            return validationFailed({ QStringLiteral("/materialId: not a material of the item") });
    }
    if (!caseId.isEmpty()) {
        QSqlQuery known(m_database.connection());
        // Only a case the reporter may read: another window's case is "no such case".
        known.prepare(QStringLiteral("SELECT 1 FROM hub_cases WHERE id = ? AND (? OR window_id = ?"
                                     " OR (? AND home_jurisdiction = ?))"));
        known.addBindValue(caseId);
        known.addBindValue(context.role == QLatin1String("admin") ? 1 : 0);
        known.addBindValue(context.windowId);
        known.addBindValue(
            context.role == QLatin1String("department") || context.role == QLatin1String("home")
                ? 1
                : 0);
        known.addBindValue(context.jurisdictionCode);
        if (!known.exec() || !known.next())
            return validationFailed({ QStringLiteral("/caseId: no such case") });
    }
    const QString jurisdiction = item ? item->homeJurisdiction.code : context.jurisdictionCode;
    const QString bodySha = Core::sha256Hex(QJsonDocument(body).toJson(QJsonDocument::Compact));

    QSqlQuery existing(m_database.connection());
    existing.prepare(QStringLiteral("SELECT id, body_sha256 FROM hub_guide_reports"
                                    " WHERE account = ? AND client_report_id = ?"));
    existing.addBindValue(context.account);
    existing.addBindValue(clientReportId);
    if (!existing.exec())
        return internalError(existing.lastError().text());
    if (existing.next()) {
        if (existing.value(1).toString() != bodySha) {
            return errorResponse(409, QStringLiteral("idempotency_conflict"),
                QStringLiteral("同一纠错编号已用于内容不同的纠错"), clientReportId);
        }
        return jsonResponse(
            200, QJsonObject { { QStringLiteral("reportId"), existing.value(0).toString() } });
    }
    const QString reportId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO hub_guide_reports (id, client_report_id, account, window_id, body_sha256,"
        " kind, item_code, material_id, case_id, text, jurisdiction_code, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(reportId);
    insert.addBindValue(clientReportId);
    insert.addBindValue(context.account);
    insert.addBindValue(context.windowId);
    insert.addBindValue(bodySha);
    insert.addBindValue(kind);
    insert.addBindValue(itemCode);
    insert.addBindValue(materialId.isEmpty() ? QVariant() : QVariant(materialId));
    insert.addBindValue(caseId.isEmpty() ? QVariant() : QVariant(caseId));
    insert.addBindValue(body.value(QStringLiteral("text")).toString());
    insert.addBindValue(jurisdiction);
    insert.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if (!insert.exec())
        return internalError(insert.lastError().text());
    qCInfo(lcHub) << "guide report" << reportId << kind << itemCode;
    return jsonResponse(201, QJsonObject { { QStringLiteral("reportId"), reportId } });
}

HttpResponse GuideReportService::list(const QUrlQuery &urlQuery, const AuthContext &context)
{
    const bool admin = context.role == QLatin1String("admin");
    if (!admin && context.role != QLatin1String("department")) {
        return errorResponse(403, QStringLiteral("forbidden"),
            QStringLiteral("只有审批部门和平台管理员可以查看纠错"));
    }
    // Never a null QString: SQLite would bind NULL and "? = ''" would be false.
    const QString kind
        = QString(QStringLiteral("") + urlQuery.queryItemValue(QStringLiteral("kind")));
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT id, client_report_id, kind, item_code, material_id, case_id, text, window_id,"
        " account, created_at, status, answer, answered_at, due_at"
        " FROM hub_guide_reports WHERE (? OR jurisdiction_code = ?)"
        " AND (? = '' OR kind = ?) ORDER BY created_at DESC, rowid DESC LIMIT 500"));
    query.addBindValue(admin ? 1 : 0);
    query.addBindValue(context.jurisdictionCode);
    query.addBindValue(kind);
    query.addBindValue(kind);
    if (!query.exec())
        return internalError(query.lastError().text());
    QJsonArray reports;
    const auto nullable = [](const QVariant &value) {
        return value.isNull() ? QJsonValue() : QJsonValue(value.toString());
    };
    const auto msTime = [](const QVariant &value) {
        return value.isNull()
            ? QJsonValue()
            : QJsonValue(rfc3339(QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC)));
    };
    while (query.next()) {
        reports.append(QJsonObject { { QStringLiteral("reportId"), query.value(0).toString() },
            { QStringLiteral("clientReportId"), query.value(1).toString() },
            { QStringLiteral("kind"), query.value(2).toString() },
            { QStringLiteral("itemCode"), query.value(3).toString() },
            { QStringLiteral("materialId"), nullable(query.value(4)) },
            { QStringLiteral("caseId"), nullable(query.value(5)) },
            { QStringLiteral("text"), query.value(6).toString() },
            { QStringLiteral("windowId"), query.value(7).toString() },
            { QStringLiteral("account"), query.value(8).toString() },
            { QStringLiteral("createdAt"),
                rfc3339(QDateTime::fromMSecsSinceEpoch(query.value(9).toLongLong(), Qt::UTC)) },
            // Issue 17 (module hub_delivery): the owning department's answer and deadline.
            { QStringLiteral("status"), query.value(10).toString() },
            { QStringLiteral("answer"), nullable(query.value(11)) },
            { QStringLiteral("answeredAt"), msTime(query.value(12)) },
            { QStringLiteral("dueAt"), msTime(query.value(13)) } });
    }
    return jsonResponse(200, QJsonObject { { QStringLiteral("reports"), reports } });
}

} // namespace Tongban::Hub
