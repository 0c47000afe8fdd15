#include "CaseService.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "catalogue/CatalogueService.h"
#include "delivery/DeliveryService.h"
#include "events/EventService.h"
#include "http/HttpTypes.h"
#include "security/Secrets.h"
#include "tus/UploadService.h"

#include <core/Hash.h>
#include <storage/Database.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimeZone>
#include <QUuid>

namespace Tongban::Hub {

namespace {

Core::Error validationFailed(const QStringList &problems)
{
    return { CaseService::ValidationFailed,
        QStringLiteral("案件信息不完整或有误，请核对后重新提交"),
        problems.join(QStringLiteral("; ")) };
}

Core::Error caseNotFound(const QString &caseId)
{
    return { CaseService::CaseNotFound, QStringLiteral("案件不存在"), caseId };
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/*!
 * The rules of 000 第六条 a transmitted case must meet (issue 12): no material
 * missing or deficient (such a case gets a one-time notice, it is not
 * transmitted), and 容缺 only where the catalogue in force allows it, with
 * the applicant's commitment. The first broken rule (ValidationFailed), whose message
 * says what to do; nullopt when the case may be created.
 */
std::optional<Core::Error> breaksCaseRules(
    const QJsonObject &body, const Catalog::ServiceItem &item, const QString &catalogVersion)
{
    const QJsonArray materials = body.value(QStringLiteral("materials")).toArray();
    const auto refused = [](const QString &message, const QString &detail) {
        return Core::Error { CaseService::ValidationFailed, message, detail };
    };
    for (qsizetype m = 0; m < materials.size(); ++m) {
        const QJsonObject material = materials.at(m).toObject();
        const QString id = material.value(QStringLiteral("materialId")).toString();
        const QString status = material.value(QStringLiteral("status")).toString();
        const Catalog::MaterialRequirement *requirement = nullptr;
        for (const Catalog::MaterialRequirement &r : item.materials) {
            if (r.id == id)
                requirement = &r;
        }
        const QString name = requirement ? requirement->name : id;
        const QString where = QStringLiteral("/materials/%1").arg(m);
        if (status == QLatin1String("missing") || status == QLatin1String("deficient")) {
            return refused(
                QStringLiteral("材料“%1”%2，材料不齐全的案件不能传送；"
                               "请出具一次性告知书，待申请人补正后再传送")
                    .arg(name,
                        status == QLatin1String("missing") ? QStringLiteral("缺少")
                                                           : QStringLiteral("不符合要求")),
                QStringLiteral("%1/status: %2 (%3); only received or tolerated materials may be "
                               "transmitted")
                    .arg(where, status, id));
        }
        if (status != QLatin1String("tolerated"))
            continue;
        if (!requirement || !requirement->tolerable) {
            return refused(QStringLiteral("材料“%1”在现行目录（版本 %2）中不允许容缺受理；"
                                          "请收取该材料后再传送，或出具一次性告知书")
                               .arg(name, catalogVersion),
                QStringLiteral("%1/status: tolerated, but material %2 of item %3 is not tolerable "
                               "in catalogue %4")
                    .arg(where, id, item.itemCode, catalogVersion));
        }
        if (material.value(QStringLiteral("commitment")).toString().trimmed().isEmpty()) {
            return refused(
                QStringLiteral("容缺受理的材料“%1”缺少申请人的承诺，请补充承诺后再传送").arg(name),
                QStringLiteral("%1/commitment: required for a tolerated material").arg(where));
        }
    }
    return std::nullopt;
}

bool mayRead(const CaseRecord &row, const AuthContext &context)
{
    if (context.role == QLatin1String("admin"))
        return true;
    if (context.role == QLatin1String("department") || context.role == QLatin1String("home"))
        return row.homeJurisdiction == context.jurisdictionCode;
    return row.windowId == context.windowId;
}

} // namespace

QStringList CaseService::validateCase(const QJsonObject &body)
{
    QStringList problems;
    const QString clientCaseId = body.value(QStringLiteral("clientCaseId")).toString();
    if (clientCaseId.isEmpty() || clientCaseId.size() > 100)
        problems << QStringLiteral("/clientCaseId: required, at most 100 characters");
    if (body.value(QStringLiteral("itemCode")).toString().isEmpty())
        problems << QStringLiteral("/itemCode: required");
    const QJsonObject applicant = body.value(QStringLiteral("applicant")).toObject();
    const QString kind = applicant.value(QStringLiteral("kind")).toString();
    if (kind != QLatin1String("naturalPerson") && kind != QLatin1String("legalPerson"))
        problems << QStringLiteral("/applicant/kind: naturalPerson or legalPerson");
    if (applicant.value(QStringLiteral("name")).toString().isEmpty())
        problems << QStringLiteral("/applicant/name: required");
    if (!body.value(QStringLiteral("materials")).isArray())
        problems << QStringLiteral("/materials: required array");
    problems << DeliveryService::validateChoice(body); // how the result reaches the applicant
    const QJsonArray materials = body.value(QStringLiteral("materials")).toArray();
    static const QStringList statuses { QStringLiteral("received"), QStringLiteral("tolerated"),
        QStringLiteral("missing"), QStringLiteral("deficient") };
    QSet<QString> pageIds;
    for (qsizetype m = 0; m < materials.size(); ++m) {
        const QJsonObject material = materials.at(m).toObject();
        const QString where = QStringLiteral("/materials/%1").arg(m);
        if (material.value(QStringLiteral("materialId")).toString().isEmpty())
            problems << QString(where + QStringLiteral("/materialId: required"));
        if (!statuses.contains(material.value(QStringLiteral("status")).toString()))
            problems << QString(
                where + QStringLiteral("/status: received, tolerated, missing or deficient"));
        const QJsonArray pages = material.value(QStringLiteral("pages")).toArray();
        for (qsizetype p = 0; p < pages.size(); ++p) {
            const QJsonObject page = pages.at(p).toObject();
            const QString pageWhere = QStringLiteral("%1/pages/%2").arg(where).arg(p);
            const QString pageId = page.value(QStringLiteral("clientPageId")).toString();
            if (pageId.isEmpty() || pageId.size() > 100)
                problems << QString(pageWhere + QStringLiteral("/clientPageId: required"));
            else if (pageIds.contains(pageId))
                problems << QString(pageWhere + QStringLiteral("/clientPageId: duplicate"));
            pageIds.insert(pageId);
            if (!isSha256Hex(page.value(QStringLiteral("sha256")).toString()))
                problems << QString(pageWhere + QStringLiteral("/sha256: 64 hex digits"));
            const double size = page.value(QStringLiteral("sizeBytes")).toDouble();
            if (size < 1 || size > double(Limits::MaxUploadBytes))
                problems << QString(pageWhere + QStringLiteral("/sizeBytes: 1 to 64 MiB"));
            if (page.value(QStringLiteral("mediaType")).toString().isEmpty())
                problems << QString(pageWhere + QStringLiteral("/mediaType: required"));
        }
    }
    return problems;
}

CaseService::CaseService(Storage::Database &database, const HubConfig &config,
    const Core::Clock &clock, const CatalogueService *catalogue, UploadService *uploads,
    const QString &resultsDir)
    : m_store(database, resultsDir)
    , m_config(config)
    , m_clock(clock)
    , m_catalogue(catalogue)
    , m_uploads(uploads)
{ }

void CaseService::setSecrets(const Secrets *secrets)
{
    m_secrets = secrets;
    m_store.setSecrets(secrets);
}

Core::Result<CaseRecord> CaseService::find(const QString &caseId)
{
    auto found = m_store.find(caseId);
    if (!found)
        return found.error();
    if (!*found)
        return caseNotFound(caseId);
    return **found;
}

Core::Result<CaseRecord> CaseService::readable(const QString &caseId, const AuthContext &context)
{
    auto row = find(caseId);
    if (row && !mayRead(*row, context))
        return caseNotFound(caseId);
    return row;
}

Core::Result<CaseCreated> CaseService::create(const QJsonObject &body, const AuthContext &context)
{
    if (context.windowId.isEmpty()) {
        return Core::Error { Forbidden, QStringLiteral("请在受理窗口登录后再传送案件"), QString() };
    }
    const QStringList problems = validateCase(body);
    if (!problems.isEmpty())
        return validationFailed(problems);
    const QString clientCaseId = body.value(QStringLiteral("clientCaseId")).toString();
    const QByteArray canonical = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QString bodySha = Core::sha256Hex(canonical);

    // clientCaseId is the window's own id for the case: the same id from another window is
    // another case, and never answers with (or conflicts with) this window's.
    const auto existing = m_store.findByClientCaseId(context.windowId, clientCaseId);
    if (!existing)
        return existing.error();
    CaseCreated answer;
    QString caseId;
    if (*existing) {
        if ((*existing)->bodySha256 != bodySha) {
            return Core::Error { IdempotencyConflict,
                QStringLiteral("同一案件编号已用于内容不同的案件"), clientCaseId };
        }
        caseId = (*existing)->id;
    } else {
        const QString itemCode = body.value(QStringLiteral("itemCode")).toString();
        const Catalog::ServiceItem *item
            = m_catalogue ? m_catalogue->catalog().item(itemCode) : nullptr;
        if (!item)
            return Core::Error { UnknownItem, QStringLiteral("事项不在现行目录中"), itemCode };
        if (auto refused = breaksCaseRules(body, *item, m_catalogue->catalog().catalogVersion)) {
            qCInfo(lcHub).noquote()
                << "case" << clientCaseId << "refused:" << refused->message << refused->detail;
            return *refused;
        }
        caseId = newId();
        NewCase newCase { caseId, clientCaseId, bodySha, canonical, context.account,
            context.windowId, itemCode, item->homeJurisdiction.code,
            m_clock.now().toMSecsSinceEpoch(), {} };
        const QJsonArray materials = body.value(QStringLiteral("materials")).toArray();
        for (const QJsonValue &materialValue : materials) {
            const QJsonObject material = materialValue.toObject();
            const QJsonArray pages = material.value(QStringLiteral("pages")).toArray();
            for (const QJsonValue &pageValue : pages) {
                const QJsonObject page = pageValue.toObject();
                newCase.pages.append({ page.value(QStringLiteral("clientPageId")).toString(),
                    material.value(QStringLiteral("materialId")).toString(),
                    page.value(QStringLiteral("sha256")).toString().toLower(),
                    qint64(page.value(QStringLiteral("sizeBytes")).toDouble()),
                    page.value(QStringLiteral("mediaType")).toString() });
            }
        }
        const Core::Status stored = m_store.insert(newCase);
        if (!stored) {
            if (stored.error().code == CaseStore::DuplicatePage)
                return validationFailed({ stored.error().detail });
            return Core::Error { StorageFailed, QString(), stored.error().detail };
        }
        answer.created = true;
    }

    auto row = find(caseId);
    if (!row)
        return row.error();
    answer.record = *row;
    for (const CasePage &page : m_store.pages(caseId)) {
        if (m_uploads->completedFile(caseId, page.clientPageId).isEmpty())
            answer.missingPages.append(page.clientPageId);
    }
    return answer;
}

Core::Result<CaseDetail> CaseService::get(const QString &caseId, const AuthContext &context)
{
    auto row = readable(caseId, context);
    if (!row)
        return row.error();
    CaseDetail detail { *row, {} };
    for (const CasePage &page : m_store.pages(caseId)) {
        detail.pages.append({ page.clientPageId, page.materialId,
            !m_uploads->completedFile(caseId, page.clientPageId).isEmpty() });
    }
    return detail;
}

Core::Result<CaseSubmitted> CaseService::submit(const QString &caseId, const AuthContext &context)
{
    const auto row = find(caseId);
    if (!row)
        return row.error();
    if (row->windowId != context.windowId)
        return caseNotFound(caseId);
    const auto submitted = [&](const QString &number) {
        return CaseSubmitted { caseId,
            row->status == QLatin1String("awaiting_files") ? QStringLiteral("submitted")
                                                           : row->status,
            number };
    };
    if (!row->caseNumber.isEmpty())
        return submitted(row->caseNumber);

    QStringList missing;
    QStringList mismatched;
    for (const CasePage &page : m_store.pages(caseId)) {
        const QString path = m_uploads->completedFile(caseId, page.clientPageId);
        if (path.isEmpty()) {
            missing << page.clientPageId;
            continue;
        }
        // The full hash is recomputed from the bytes on disk, not taken from the upload record.
        if (CaseStore::fileSha256(path) != page.sha256)
            mismatched << page.clientPageId;
    }
    if (!missing.isEmpty()) {
        return Core::Error { PagesMissing, QStringLiteral("还有材料页面未上传完成"),
            missing.join(QLatin1Char(',')) };
    }
    if (!mismatched.isEmpty()) {
        return Core::Error { HashMismatch, QStringLiteral("材料文件校验不一致，请重新上传"),
            mismatched.join(QLatin1Char(',')) };
    }

    const QDateTime now = m_clock.now();
    const QString day = now.toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai")))
                            .date()
                            .toString(QStringLiteral("yyyyMMdd"));
    const QString jurisdiction = row->homeJurisdiction;
    const auto number = m_store.issueNumber(
        caseId, jurisdiction, day, now.toMSecsSinceEpoch(), [&](qint64 sequence) {
            return QStringLiteral("%1-%2-%3")
                .arg(jurisdiction, day)
                .arg(sequence, 6, 10, QLatin1Char('0'));
        });
    if (!number)
        return Core::Error { StorageFailed, QString(), number.error().detail };
    qCInfo(lcHub) << "case" << caseId << "submitted as" << *number;
    return submitted(*number);
}

Core::Result<DecisionOutcome> CaseService::decide(const QString &caseId, const QString &decision,
    const QString &reasons, const QByteArray &pdf, const QString &byAccount)
{
    if (decision != QLatin1String("accepted") && decision != QLatin1String("rejected")) {
        return Core::Error { InvalidDecision,
            QStringLiteral("The decision must be accepted or rejected."), decision };
    }
    if (decision == QLatin1String("rejected") && reasons.trimmed().isEmpty()) {
        return Core::Error { ReasonsRequired,
            QStringLiteral("A rejection must state its reasons: give them with --reasons TEXT "
                           "(or \"reasons\" in the request)."),
            QStringLiteral("/reasons: required for a rejection") };
    }
    if (!pdf.startsWith("%PDF-")) {
        return Core::Error { InvalidDecision, QStringLiteral("The notice must be a PDF document."),
            QStringLiteral("document does not start with %PDF-") };
    }
    const auto found = m_store.find(caseId);
    if (!found || !*found)
        return Core::Error { CaseNotFound, QStringLiteral("No such case."), caseId };
    const CaseRecord &row = **found;
    if (row.caseNumber.isEmpty()) {
        return Core::Error { NotSubmitted,
            QStringLiteral("The case has not been submitted yet; it cannot be decided."), caseId };
    }
    const QString documentSha = Core::sha256Hex(pdf);

    const auto existing = m_store.resultOfCase(caseId);
    if (!existing)
        return existing.error();
    if (*existing) {
        if ((*existing)->decision == decision && (*existing)->documentSha256 == documentSha)
            return DecisionOutcome { (*existing)->id, false };
        return Core::Error { Conflict, QStringLiteral("The case has already been decided."),
            (*existing)->id };
    }

    ResultRecord result;
    result.id = newId();
    result.caseId = caseId;
    result.caseNumber = row.caseNumber;
    result.decision = decision;
    result.reasons = reasons;
    result.issuedAtMs = m_clock.now().toMSecsSinceEpoch();
    result.documentSha256 = documentSha;
    // The document is durable before the result that names it.
    const Core::Status written = m_store.writeResultDocument(result.id, pdf);
    if (!written)
        return written.error();
    Storage::Database &database = m_store.database();
    const Core::Status stored = m_store.insertResult(result, byAccount, [&]() -> Core::Status {
        const auto event
            = EventService::append(database, m_clock, row.windowId, QStringLiteral("result.issued"),
                QJsonObject { { QStringLiteral("resultId"), result.id },
                    { QStringLiteral("caseId"), caseId },
                    { QStringLiteral("caseNumber"), row.caseNumber },
                    { QStringLiteral("decision"), decision } });
        if (!event)
            return event.error();
        // The applicant is texted (issue 17, 000 第十九条), through the SMS outbox.
        if (!m_secrets)
            return Core::Error { Core::ErrorRange::Platform + 70,
                QStringLiteral("The hub's data key is missing."), caseId };
        return DeliveryService::notifyApplicant(database, m_clock, *m_secrets, caseId,
            decision == QLatin1String("accepted") ? QStringLiteral("acceptance")
                                                  : QStringLiteral("rejection"));
    });
    if (!stored) {
        m_store.removeResultDocument(result.id);
        return stored.error();
    }
    qCInfo(lcHub) << "case" << caseId << decision << "result" << result.id;
    return DecisionOutcome { result.id, true };
}

Core::Result<DecisionOutcome> CaseService::decideAs(const QString &caseId, const QString &decision,
    const QString &reasons, const std::optional<QByteArray> &pdf, const AuthContext &context)
{
    if (context.role != QLatin1String("department") && context.role != QLatin1String("admin")) {
        return Core::Error { Forbidden, QStringLiteral("只有属地审批部门可以作出受理决定"),
            QString() };
    }
    const auto row = readable(caseId, context);
    if (!row)
        return row.error();
    if (!pdf)
        return validationFailed({ QStringLiteral("/document: base64 PDF required") });
    return decide(caseId, decision, reasons, *pdf, context.account);
}

Core::Result<QList<ResultRecord>> CaseService::results(
    const QString &sinceResultId, const AuthContext &context)
{
    const bool wide = context.role == QLatin1String("admin");
    const bool home
        = context.role == QLatin1String("department") || context.role == QLatin1String("home");
    return m_store.results(sinceResultId, wide, home, context.jurisdictionCode, context.windowId);
}

Core::Result<QByteArray> CaseService::resultDocument(
    const QString &resultId, const AuthContext &context)
{
    const auto caseId = m_store.caseOfResult(resultId);
    if (!caseId)
        return caseId.error();
    const Core::Error notFound { ResultNotFound, QStringLiteral("结果文书不存在"), resultId };
    if (!*caseId)
        return notFound;
    const auto row = readable(**caseId, context);
    if (!row)
        return notFound;
    return m_store.readResultDocument(resultId);
}

} // namespace Tongban::Hub
