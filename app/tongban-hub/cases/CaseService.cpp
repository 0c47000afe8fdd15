#include "CaseService.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "catalogue/CatalogueService.h"
#include "delivery/DeliveryService.h"
#include "events/EventService.h"
#include "security/Secrets.h"
#include "tus/UploadService.h"

#include <core/Hash.h>
#include <storage/Database.h>
#include <storage/FileSystem.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>

namespace Tongban::Hub {

namespace {

HttpResponse validationFailed(const QStringList &problems)
{
    return errorResponse(422, QStringLiteral("validation_failed"),
        QStringLiteral("案件信息不完整或有误，请核对后重新提交"),
        problems.join(QStringLiteral("; ")));
}

HttpResponse caseNotFound(const QString &caseId)
{
    return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("案件不存在"), caseId);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QStringList validateCase(const QJsonObject &body)
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

/*!
 * The rules of 000 第六条 a transmitted case must meet (issue 12): no material
 * missing or deficient (such a case gets a one-time notice, it is not
 * transmitted), and 容缺 only where the catalogue in force allows it, with
 * the applicant's commitment. The first broken rule, as a 422 whose message
 * says what to do; nullopt when the case may be created.
 */
std::optional<HttpResponse> breaksCaseRules(
    const QJsonObject &body, const Catalog::ServiceItem &item, const QString &catalogVersion)
{
    const QJsonArray materials = body.value(QStringLiteral("materials")).toArray();
    const auto refused = [](const QString &message, const QString &detail) {
        return errorResponse(422, QStringLiteral("validation_failed"), message, detail);
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

struct CaseRow
{
    QString id;
    QString clientCaseId;
    QString windowId;
    QString itemCode;
    QString homeJurisdiction;
    QString status;
    QString caseNumber;
    QString provisionalNumber;
};

/// A case body as stored: sealed (it holds the applicant's identity number), or plain when
/// written before sealing or by a hub without a key.
QByteArray openBody(const Secrets *secrets, const QString &stored)
{
    if (!secrets)
        return stored.toUtf8();
    const Core::Result<QString> opened = secrets->open(stored);
    if (!opened) {
        qCWarning(lcHub).noquote()
            << "a stored case body cannot be opened:" << opened.error().detail;
        return {};
    }
    return opened->toUtf8();
}

std::optional<CaseRow> loadCase(
    Storage::Database &database, const Secrets *secrets, const QString &caseId, HttpResponse *error)
{
    QSqlQuery query(database.connection());
    query.prepare(
        QStringLiteral("SELECT id, client_case_id, window_id, item_code, home_jurisdiction,"
                       " status, case_number, body FROM hub_cases WHERE id = ?"));
    query.addBindValue(caseId);
    if (!query.exec()) {
        *error = internalError(query.lastError().text());
        return std::nullopt;
    }
    if (!query.next()) {
        *error = caseNotFound(caseId);
        return std::nullopt;
    }
    CaseRow row { query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
        query.value(3).toString(), query.value(4).toString(), query.value(5).toString(),
        query.value(6).toString(), {} };
    row.provisionalNumber = QJsonDocument::fromJson(openBody(secrets, query.value(7).toString()))
                                .object()
                                .value(QStringLiteral("provisionalNumber"))
                                .toString();
    return row;
}

bool mayRead(const CaseRow &row, const AuthContext &context)
{
    if (context.role == QLatin1String("admin"))
        return true;
    if (context.role == QLatin1String("department") || context.role == QLatin1String("home"))
        return row.homeJurisdiction == context.jurisdictionCode;
    return row.windowId == context.windowId;
}

struct PageRow
{
    QString clientPageId;
    QString materialId;
    QString sha256;
};

QList<PageRow> loadPages(Storage::Database &database, const QString &caseId)
{
    QList<PageRow> pages;
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("SELECT client_page_id, material_id, sha256 FROM hub_pages"
                                 " WHERE case_id = ? ORDER BY rowid"));
    query.addBindValue(caseId);
    if (query.exec()) {
        while (query.next())
            pages.append({ query.value(0).toString(), query.value(1).toString(),
                query.value(2).toString().toLower() });
    }
    return pages;
}

} // namespace

CaseService::CaseService(Storage::Database &database, const HubConfig &config,
    const Core::Clock &clock, const CatalogueService *catalogue, UploadService *uploads,
    const QString &resultsDir)
    : m_database(database)
    , m_config(config)
    , m_clock(clock)
    , m_catalogue(catalogue)
    , m_uploads(uploads)
    , m_resultsDir(resultsDir)
{ }

HttpResponse CaseService::create(const QJsonObject &body, const AuthContext &context)
{
    if (context.windowId.isEmpty()) {
        return errorResponse(
            403, QStringLiteral("forbidden"), QStringLiteral("请在受理窗口登录后再传送案件"));
    }
    const QStringList problems = validateCase(body);
    if (!problems.isEmpty())
        return validationFailed(problems);
    const QString clientCaseId = body.value(QStringLiteral("clientCaseId")).toString();
    const QByteArray canonical = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QString bodySha = Core::sha256Hex(canonical);

    // clientCaseId is the window's own id for the case: the same id from another window is
    // another case, and never answers with (or conflicts with) this window's.
    QSqlQuery existing(m_database.connection());
    existing.prepare(QStringLiteral(
        "SELECT id, body_sha256 FROM hub_cases WHERE window_id = ? AND client_case_id = ?"));
    existing.addBindValue(context.windowId);
    existing.addBindValue(clientCaseId);
    if (!existing.exec())
        return internalError(existing.lastError().text());
    QString caseId;
    int status = 201;
    if (existing.next()) {
        if (existing.value(1).toString() != bodySha) {
            return errorResponse(409, QStringLiteral("idempotency_conflict"),
                QStringLiteral("同一案件编号已用于内容不同的案件"), clientCaseId);
        }
        caseId = existing.value(0).toString();
        status = 200;
    } else {
        const QString itemCode = body.value(QStringLiteral("itemCode")).toString();
        const Catalog::ServiceItem *item
            = m_catalogue ? m_catalogue->catalog().item(itemCode) : nullptr;
        if (!item) {
            return errorResponse(404, QStringLiteral("unknown_item"),
                QStringLiteral("事项不在现行目录中"), itemCode);
        }
        if (auto refused = breaksCaseRules(body, *item, m_catalogue->catalog().catalogVersion)) {
            qCInfo(lcHub).noquote() << "case" << clientCaseId << "refused:" << refused->body;
            return *refused;
        }
        caseId = newId();
        const Core::Status stored = m_database.transaction([&]() -> Core::Status {
            QSqlQuery insert(m_database.connection());
            insert.prepare(QStringLiteral(
                "INSERT INTO hub_cases (id, client_case_id, body_sha256, body, account, window_id,"
                " item_code, home_jurisdiction, status, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'awaiting_files', ?)"));
            insert.addBindValue(caseId);
            insert.addBindValue(clientCaseId);
            insert.addBindValue(bodySha);
            insert.addBindValue(m_secrets ? m_secrets->seal(QString::fromUtf8(canonical))
                                          : QString::fromUtf8(canonical));
            insert.addBindValue(context.account);
            insert.addBindValue(context.windowId);
            insert.addBindValue(itemCode);
            insert.addBindValue(item->homeJurisdiction.code);
            insert.addBindValue(m_clock.now().toMSecsSinceEpoch());
            if (!insert.exec())
                return Storage::Database::queryError(insert, QStringLiteral("insert case"));
            const QJsonArray materials = body.value(QStringLiteral("materials")).toArray();
            for (const QJsonValue &materialValue : materials) {
                const QJsonObject material = materialValue.toObject();
                const QJsonArray pages = material.value(QStringLiteral("pages")).toArray();
                for (const QJsonValue &pageValue : pages) {
                    const QJsonObject page = pageValue.toObject();
                    QSqlQuery insertPage(m_database.connection());
                    insertPage.prepare(QStringLiteral(
                        "INSERT INTO hub_pages (client_page_id, case_id, material_id, sha256,"
                        " size_bytes, media_type) VALUES (?, ?, ?, ?, ?, ?)"));
                    insertPage.addBindValue(page.value(QStringLiteral("clientPageId")).toString());
                    insertPage.addBindValue(caseId);
                    insertPage.addBindValue(
                        material.value(QStringLiteral("materialId")).toString());
                    insertPage.addBindValue(
                        page.value(QStringLiteral("sha256")).toString().toLower());
                    insertPage.addBindValue(
                        qint64(page.value(QStringLiteral("sizeBytes")).toDouble()));
                    insertPage.addBindValue(page.value(QStringLiteral("mediaType")).toString());
                    if (!insertPage.exec()) {
                        // The primary key: a page id already used by another case.
                        return Core::Error { InvalidDecision, QString(),
                            QStringLiteral("clientPageId %1 is already used")
                                .arg(page.value(QStringLiteral("clientPageId")).toString()) };
                    }
                }
            }
            return {};
        });
        if (!stored) {
            if (stored.error().code == InvalidDecision)
                return validationFailed({ stored.error().detail });
            return internalError(stored.error().detail);
        }
    }

    QJsonArray missing;
    QString caseStatus;
    HttpResponse error;
    const auto row = loadCase(m_database, m_secrets, caseId, &error);
    if (!row)
        return error;
    for (const PageRow &page : loadPages(m_database, caseId)) {
        if (m_uploads->completedFile(caseId, page.clientPageId).isEmpty())
            missing.append(page.clientPageId);
    }
    QJsonObject answer { { QStringLiteral("caseId"), caseId },
        { QStringLiteral("status"), row->status }, { QStringLiteral("missingPages"), missing } };
    if (!row->caseNumber.isEmpty())
        answer.insert(QStringLiteral("caseNumber"), row->caseNumber);
    return jsonResponse(status, answer);
}

HttpResponse CaseService::get(const QString &caseId, const AuthContext &context)
{
    HttpResponse error;
    const auto row = loadCase(m_database, m_secrets, caseId, &error);
    if (!row)
        return error;
    if (!mayRead(*row, context))
        return caseNotFound(caseId);
    QJsonArray pages;
    for (const PageRow &page : loadPages(m_database, caseId)) {
        pages.append(QJsonObject { { QStringLiteral("clientPageId"), page.clientPageId },
            { QStringLiteral("materialId"), page.materialId },
            { QStringLiteral("received"),
                !m_uploads->completedFile(caseId, page.clientPageId).isEmpty() } });
    }
    return jsonResponse(200,
        QJsonObject { { QStringLiteral("caseId"), row->id },
            { QStringLiteral("clientCaseId"), row->clientCaseId },
            { QStringLiteral("provisionalNumber"), row->provisionalNumber },
            { QStringLiteral("itemCode"), row->itemCode },
            { QStringLiteral("status"), row->status },
            { QStringLiteral("caseNumber"),
                row->caseNumber.isEmpty() ? QJsonValue() : QJsonValue(row->caseNumber) },
            { QStringLiteral("pages"), pages } });
}

HttpResponse CaseService::submit(const QString &caseId, const AuthContext &context)
{
    HttpResponse error;
    const auto row = loadCase(m_database, m_secrets, caseId, &error);
    if (!row)
        return error;
    if (row->windowId != context.windowId)
        return caseNotFound(caseId);
    const auto submitted = [&](const QString &number) {
        return jsonResponse(200,
            QJsonObject { { QStringLiteral("caseId"), caseId },
                { QStringLiteral("status"),
                    row->status == QLatin1String("awaiting_files") ? QStringLiteral("submitted")
                                                                   : row->status },
                { QStringLiteral("caseNumber"), number } });
    };
    if (!row->caseNumber.isEmpty())
        return submitted(row->caseNumber);

    QStringList missing;
    QStringList mismatched;
    for (const PageRow &page : loadPages(m_database, caseId)) {
        const QString path = m_uploads->completedFile(caseId, page.clientPageId);
        if (path.isEmpty()) {
            missing << page.clientPageId;
            continue;
        }
        // The full hash is recomputed from the bytes on disk, not taken from the upload record.
        QFile file(path);
        Core::Sha256 hash;
        if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)
            || QString::fromLatin1(hash.result().toHex()) != page.sha256)
            mismatched << page.clientPageId;
    }
    if (!missing.isEmpty()) {
        HttpResponse response = errorResponse(409, QStringLiteral("pages_missing"),
            QStringLiteral("还有材料页面未上传完成"), missing.join(QLatin1Char(',')));
        return response;
    }
    if (!mismatched.isEmpty()) {
        return errorResponse(409, QStringLiteral("hash_mismatch"),
            QStringLiteral("材料文件校验不一致，请重新上传"), mismatched.join(QLatin1Char(',')));
    }

    const QDateTime now = m_clock.now();
    const QString day = now.toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai")))
                            .date()
                            .toString(QStringLiteral("yyyyMMdd"));
    QString number;
    const Core::Status issued = m_database.transaction([&]() -> Core::Status {
        QSqlQuery bump(m_database.connection());
        bump.prepare(QStringLiteral(
            "INSERT INTO hub_case_sequences (jurisdiction, day, last) VALUES (?, ?, 1)"
            " ON CONFLICT (jurisdiction, day) DO UPDATE SET last = last + 1"));
        bump.addBindValue(row->homeJurisdiction);
        bump.addBindValue(day);
        if (!bump.exec())
            return Storage::Database::queryError(bump, QStringLiteral("bump sequence"));
        QSqlQuery read(m_database.connection());
        read.prepare(QStringLiteral(
            "SELECT last FROM hub_case_sequences WHERE jurisdiction = ? AND day = ?"));
        read.addBindValue(row->homeJurisdiction);
        read.addBindValue(day);
        if (!read.exec() || !read.next())
            return Storage::Database::queryError(read, QStringLiteral("read sequence"));
        number = QStringLiteral("%1-%2-%3")
                     .arg(row->homeJurisdiction, day)
                     .arg(read.value(0).toLongLong(), 6, 10, QLatin1Char('0'));
        QSqlQuery update(m_database.connection());
        update.prepare(QStringLiteral("UPDATE hub_cases SET case_number = ?, status = 'submitted',"
                                      " submitted_at = ? WHERE id = ? AND case_number IS NULL"));
        update.addBindValue(number);
        update.addBindValue(now.toMSecsSinceEpoch());
        update.addBindValue(caseId);
        if (!update.exec() || update.numRowsAffected() != 1)
            return Storage::Database::queryError(update, QStringLiteral("issue case number"));
        return {};
    });
    if (!issued)
        return internalError(issued.error().detail);
    qCInfo(lcHub) << "case" << caseId << "submitted as" << number;
    return submitted(number);
}

QString CaseService::resultPath(const QString &resultId) const
{
    return QString(m_resultsDir + QLatin1Char('/') + resultId + QStringLiteral(".pdf"));
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
    HttpResponse error;
    const auto row = loadCase(m_database, m_secrets, caseId, &error);
    if (!row)
        return Core::Error { CaseNotFound, QStringLiteral("No such case."), caseId };
    if (row->caseNumber.isEmpty()) {
        return Core::Error { NotSubmitted,
            QStringLiteral("The case has not been submitted yet; it cannot be decided."), caseId };
    }
    const QString documentSha = Core::sha256Hex(pdf);

    QSqlQuery existing(m_database.connection());
    existing.prepare(
        QStringLiteral("SELECT id, decision, document_sha256 FROM hub_results WHERE case_id = ?"));
    existing.addBindValue(caseId);
    if (!existing.exec())
        return Storage::Database::queryError(existing, QStringLiteral("read result"));
    if (existing.next()) {
        if (existing.value(1).toString() == decision && existing.value(2).toString() == documentSha)
            return DecisionOutcome { existing.value(0).toString(), false };
        return Core::Error { Conflict, QStringLiteral("The case has already been decided."),
            existing.value(0).toString() };
    }

    const QString resultId = newId();
    Core::Status ensured = Storage::FileSystem::system().ensureDirectory(m_resultsDir);
    if (!ensured)
        return ensured.error();
    // The document is durable before the result that names it.
    const Core::Status written
        = Storage::FileSystem::system().writeNewFile(resultPath(resultId), pdf);
    if (!written)
        return written.error();
    const Core::Status stored = m_database.transaction([&]() -> Core::Status {
        QSqlQuery insert(m_database.connection());
        insert.prepare(QStringLiteral(
            "INSERT INTO hub_results (id, case_id, decision, reasons, issued_at, document_sha256,"
            " by_account) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        insert.addBindValue(resultId);
        insert.addBindValue(caseId);
        insert.addBindValue(decision);
        insert.addBindValue(reasons.isNull() ? QStringLiteral("") : reasons); // NULL is refused
        insert.addBindValue(m_clock.now().toMSecsSinceEpoch());
        insert.addBindValue(documentSha);
        insert.addBindValue(byAccount);
        if (!insert.exec())
            return Storage::Database::queryError(insert, QStringLiteral("insert result"));
        QSqlQuery update(m_database.connection());
        update.prepare(QStringLiteral("UPDATE hub_cases SET status = ? WHERE id = ?"));
        update.addBindValue(decision);
        update.addBindValue(caseId);
        if (!update.exec())
            return Storage::Database::queryError(update, QStringLiteral("update case"));
        const auto event = EventService::append(m_database, m_clock, row->windowId,
            QStringLiteral("result.issued"),
            QJsonObject { { QStringLiteral("resultId"), resultId },
                { QStringLiteral("caseId"), caseId },
                { QStringLiteral("caseNumber"), row->caseNumber },
                { QStringLiteral("decision"), decision } });
        if (!event)
            return event.error();
        // The applicant is texted (issue 17, 000 第十九条), through the SMS outbox.
        if (!m_secrets)
            return Core::Error { Core::ErrorRange::Platform + 70,
                QStringLiteral("The hub's data key is missing."), caseId };
        return DeliveryService::notifyApplicant(m_database, m_clock, *m_secrets, caseId,
            decision == QLatin1String("accepted") ? QStringLiteral("acceptance")
                                                  : QStringLiteral("rejection"));
    });
    if (!stored) {
        QFile::remove(resultPath(resultId));
        return stored.error();
    }
    qCInfo(lcHub) << "case" << caseId << decision << "result" << resultId;
    return DecisionOutcome { resultId, true };
}

HttpResponse CaseService::decisionRequest(
    const QString &caseId, const QJsonObject &body, const AuthContext &context)
{
    if (context.role != QLatin1String("department") && context.role != QLatin1String("admin")) {
        return errorResponse(
            403, QStringLiteral("forbidden"), QStringLiteral("只有属地审批部门可以作出受理决定"));
    }
    HttpResponse error;
    const auto row = loadCase(m_database, m_secrets, caseId, &error);
    if (!row)
        return error;
    if (!mayRead(*row, context))
        return caseNotFound(caseId);
    const auto document = QByteArray::fromBase64Encoding(
        body.value(QStringLiteral("document")).toString().toLatin1(),
        QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!document) {
        return validationFailed({ QStringLiteral("/document: base64 PDF required") });
    }
    const auto outcome = decide(caseId, body.value(QStringLiteral("decision")).toString(),
        body.value(QStringLiteral("reasons")).toString(), document.decoded, context.account);
    if (!outcome) {
        switch (outcome.error().code) {
        case CaseNotFound:
            return caseNotFound(caseId);
        case Conflict:
            return errorResponse(409, QStringLiteral("idempotency_conflict"),
                QStringLiteral("该案件已作出决定"), outcome.error().detail);
        case ReasonsRequired:
            return errorResponse(422, QStringLiteral("validation_failed"),
                QStringLiteral("不予受理必须写明理由，请填写理由后重新提交"),
                outcome.error().detail);
        case NotSubmitted:
        case InvalidDecision:
            return validationFailed({ outcome.error().detail });
        default:
            return internalError(outcome.error().detail);
        }
    }
    return jsonResponse(outcome->created ? 201 : 200,
        QJsonObject { { QStringLiteral("resultId"), outcome->resultId } });
}

HttpResponse CaseService::results(const QUrlQuery &urlQuery, const AuthContext &context)
{
    const QString since = urlQuery.queryItemValue(QStringLiteral("since"));
    const bool wide = context.role == QLatin1String("admin");
    const bool home
        = context.role == QLatin1String("department") || context.role == QLatin1String("home");
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT r.id, r.case_id, c.case_number, r.decision, r.reasons, r.issued_at,"
        " r.document_sha256 FROM hub_results r JOIN hub_cases c ON c.id = r.case_id"
        " WHERE r.seq > COALESCE((SELECT seq FROM hub_results WHERE id = ?), 0)"
        " AND (? OR (? AND c.home_jurisdiction = ?) OR c.window_id = ?) ORDER BY r.seq"));
    query.addBindValue(since);
    query.addBindValue(wide ? 1 : 0);
    query.addBindValue(home ? 1 : 0);
    query.addBindValue(context.jurisdictionCode);
    query.addBindValue(context.windowId);
    if (!query.exec())
        return internalError(query.lastError().text());
    QJsonArray list;
    while (query.next()) {
        list.append(QJsonObject { { QStringLiteral("resultId"), query.value(0).toString() },
            { QStringLiteral("caseId"), query.value(1).toString() },
            { QStringLiteral("caseNumber"), query.value(2).toString() },
            { QStringLiteral("decision"), query.value(3).toString() },
            { QStringLiteral("reasons"), query.value(4).toString() },
            { QStringLiteral("issuedAt"),
                rfc3339(QDateTime::fromMSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC)) },
            { QStringLiteral("documentSha256"), query.value(6).toString() } });
    }
    return jsonResponse(200, QJsonObject { { QStringLiteral("results"), list } });
}

HttpResponse CaseService::resultDocument(const QString &resultId, const AuthContext &context)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT case_id FROM hub_results WHERE id = ?"));
    query.addBindValue(resultId);
    if (!query.exec())
        return internalError(query.lastError().text());
    const HttpResponse notFound = errorResponse(
        404, QStringLiteral("not_found"), QStringLiteral("结果文书不存在"), resultId);
    if (!query.next())
        return notFound;
    HttpResponse error;
    const auto row = loadCase(m_database, m_secrets, query.value(0).toString(), &error);
    if (!row || !mayRead(*row, context))
        return notFound;
    QFile file(resultPath(resultId));
    if (!file.open(QIODevice::ReadOnly))
        return internalError(file.errorString());
    HttpResponse response;
    response.body = file.readAll();
    response.addHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/pdf"));
    return response;
}

} // namespace Tongban::Hub
