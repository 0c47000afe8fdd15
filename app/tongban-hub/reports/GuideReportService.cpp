#include "GuideReportService.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "catalogue/CatalogueService.h"

#include <core/Hash.h>

#include <QJsonDocument>
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

Core::Error validationFailed(const QStringList &problems)
{
    return { GuideReportService::ValidationFailed,
        QStringLiteral("纠错信息不完整或有误，请核对后重新提交"),
        problems.join(QStringLiteral("; ")) };
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
    : m_store(database)
    , m_clock(clock)
    , m_catalogue(catalogue)
{ }

Core::Result<GuideReportService::Created> GuideReportService::create(
    const QJsonObject &body, const AuthContext &context)
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
        return Core::Error { UnknownItem, QStringLiteral("事项不在现行目录中"), itemCode };
    if (item && !materialId.isEmpty() && !catalogInvalid) {
        bool known = false;
        for (const Catalog::MaterialRequirement &material : item->materials)
            known = known || material.id == materialId;
        if (!known)
            return validationFailed({ QStringLiteral("/materialId: not a material of the item") });
    }
    // Only a case the reporter may read: another window's case is "no such case".
    if (!caseId.isEmpty()
        && !m_store.caseVisible(caseId, context.role == QLatin1String("admin"), context.windowId,
            context.role == QLatin1String("department") || context.role == QLatin1String("home"),
            context.jurisdictionCode))
        return validationFailed({ QStringLiteral("/caseId: no such case") });
    const QString bodySha = Core::sha256Hex(QJsonDocument(body).toJson(QJsonDocument::Compact));

    const auto existing = m_store.findByClientReportId(context.account, clientReportId);
    if (!existing)
        return Core::Error { StorageFailed, QString(), existing.error().detail };
    if (*existing) {
        if ((*existing)->bodySha256 != bodySha) {
            return Core::Error { IdempotencyConflict,
                QStringLiteral("同一纠错编号已用于内容不同的纠错"), clientReportId };
        }
        return Created { (*existing)->id, false };
    }
    GuideReportRecord report;
    report.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    report.clientReportId = clientReportId;
    report.account = context.account;
    report.windowId = context.windowId;
    report.kind = kind;
    report.itemCode = itemCode;
    report.materialId = materialId;
    report.caseId = caseId;
    report.text = body.value(QStringLiteral("text")).toString();
    report.jurisdictionCode = item ? item->homeJurisdiction.code : context.jurisdictionCode;
    report.createdAtMs = m_clock.now().toMSecsSinceEpoch();
    if (const Core::Status stored = m_store.insert(report, bodySha); !stored)
        return Core::Error { StorageFailed, QString(), stored.error().detail };
    qCInfo(lcHub) << "guide report" << report.id << kind << itemCode;
    return Created { report.id, true };
}

Core::Result<QList<GuideReportRecord>> GuideReportService::list(
    const QString &kind, const AuthContext &context)
{
    const bool admin = context.role == QLatin1String("admin");
    if (!admin && context.role != QLatin1String("department")) {
        return Core::Error { Forbidden, QStringLiteral("只有审批部门和平台管理员可以查看纠错"),
            QString() };
    }
    auto reports = m_store.list(admin, context.jurisdictionCode, kind, MaxListed);
    if (!reports)
        return Core::Error { StorageFailed, QString(), reports.error().detail };
    return reports;
}

} // namespace Tongban::Hub
