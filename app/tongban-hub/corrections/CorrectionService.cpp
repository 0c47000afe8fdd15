#include "CorrectionService.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "calendar/CalendarService.h"
#include "catalogue/CatalogueService.h"
#include "delivery/DeliveryService.h"
#include "events/EventService.h"
#include "tus/UploadService.h"

#include <core/Hash.h>
#include <core/WorkCalendar.h>
#include <storage/Database.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Tongban::Hub {

namespace {

HttpResponse invalid(const QString &message, const QStringList &problems)
{
    return errorResponse(
        422, QStringLiteral("validation_failed"), message, problems.join(QStringLiteral("; ")));
}

HttpResponse notFound(const QString &what)
{
    return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("案件不存在"), what);
}

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonArray arrayOf(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).array();
}

const Catalog::MaterialRequirement *materialOf(
    const Catalog::ServiceItem &item, const QString &materialId)
{
    for (const Catalog::MaterialRequirement &m : item.materials) {
        if (m.id == materialId)
            return &m;
    }
    return nullptr;
}

const Catalog::Deficiency *deficiencyOf(
    const Catalog::MaterialRequirement &material, const QString &code)
{
    for (const Catalog::ReviewPoint &point : material.reviewPoints) {
        for (const Catalog::Deficiency &d : point.deficiencies) {
            if (d.code == code)
                return &d;
        }
    }
    return nullptr;
}

/// The 4-digit city part of a jurisdiction code (410402 -> 4104).
QString cityOf(const QString &jurisdiction)
{
    return jurisdiction.left(4);
}

QString windowJurisdiction(Storage::Database &database, const QString &windowId)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("SELECT jurisdiction_code FROM hub_windows WHERE id = ?"));
    query.addBindValue(windowId);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

} // namespace

Storage::MigrationSet CorrectionService::schema()
{
    Storage::Migration first;
    first.version = 1;
    first.description
        = QStringLiteral("requests for correction, one-time notices of windows, their lookups");
    first.statements = {
        QStringLiteral("CREATE TABLE hub_correction_requests (id TEXT PRIMARY KEY,"
                       " case_id TEXT NOT NULL REFERENCES hub_cases(id),"
                       " by_account TEXT NOT NULL, deficiencies TEXT NOT NULL,"
                       " ways TEXT NOT NULL, due TEXT NOT NULL, state TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL, answered_at BIGINT)"),
        // Pages the application window added to the case for a request (attached to it).
        QStringLiteral("CREATE TABLE hub_correction_pages (client_page_id TEXT PRIMARY KEY,"
                       " request_id TEXT NOT NULL REFERENCES hub_correction_requests(id))"),
        QStringLiteral("CREATE INDEX hub_correction_requests_case"
                       " ON hub_correction_requests(case_id, state)"),
        QStringLiteral("CREATE TABLE hub_notices (serial TEXT PRIMARY KEY,"
                       " window_id TEXT NOT NULL, clerk TEXT NOT NULL, item_code TEXT NOT NULL,"
                       " catalog_version TEXT NOT NULL, id_hash TEXT NOT NULL,"
                       " deficiencies TEXT NOT NULL, correction_due TEXT,"
                       " client_case_id TEXT, case_id TEXT, body_sha256 TEXT NOT NULL,"
                       " state TEXT NOT NULL, created_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX hub_notices_id_hash ON hub_notices(id_hash, state)"),
        QStringLiteral("CREATE TABLE hub_notice_lookups (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " account TEXT NOT NULL, window_id TEXT NOT NULL, by_key TEXT NOT NULL,"
                       " found INTEGER NOT NULL, at BIGINT NOT NULL)"),
    };
    return Storage::MigrationSet { QStringLiteral("hub_corrections"), { first } };
}

CorrectionService::CorrectionService(Storage::Database &database, const Core::Clock &clock,
    const CatalogueService &catalogue, const CalendarService &calendar, UploadService &uploads,
    IdentityHash hash)
    : m_database(database)
    , m_clock(clock)
    , m_catalogue(catalogue)
    , m_calendar(calendar)
    , m_uploads(uploads)
    , m_hash(std::move(hash))
{ }

HttpResponse CorrectionService::request(
    const QString &caseId, const QJsonObject &body, const AuthContext &context)
{
    if (context.role != QLatin1String("department") && context.role != QLatin1String("admin")) {
        return errorResponse(
            403, QStringLiteral("forbidden"), QStringLiteral("只有属地审批部门可以要求补正"));
    }
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT c.window_id, c.item_code, c.home_jurisdiction, c.case_number, c.body,"
        " (SELECT COUNT(*) FROM hub_results r WHERE r.case_id = c.id),"
        " (SELECT COUNT(*) FROM hub_correction_requests q WHERE q.case_id = c.id"
        " AND q.state = 'open') FROM hub_cases c WHERE c.id = ?"));
    query.addBindValue(caseId);
    if (!query.exec())
        return internalError(query.lastError().text());
    if (!query.next())
        return notFound(caseId);
    const QString windowId = query.value(0).toString();
    const QString itemCode = query.value(1).toString();
    const QString home = query.value(2).toString();
    const QString caseNumber = query.value(3).toString();
    const QString catalogVersion = PersonalData::openObject(m_secrets, query.value(4).toString())
                                       .value(QStringLiteral("catalogVersion"))
                                       .toString();
    const bool decided = query.value(5).toInt() > 0;
    const bool pending = query.value(6).toInt() > 0;
    query.finish();
    if (context.role != QLatin1String("admin") && home != context.jurisdictionCode)
        return notFound(caseId);
    if (caseNumber.isEmpty())
        return invalid(
            QStringLiteral("案件尚未提交，不能要求补正"), { QStringLiteral("not submitted") });
    if (decided) {
        return errorResponse(409, QStringLiteral("case_decided"),
            QStringLiteral("该案件已作出决定，不能再要求补正"), caseId);
    }
    if (pending) {
        return errorResponse(409, QStringLiteral("correction_pending"),
            QStringLiteral("该案件已有未完成的补正要求，一次性告知不得重复"), caseId);
    }
    const Catalog::ServiceItem *item = m_catalogue.catalog().item(itemCode);
    if (!item)
        return errorResponse(
            404, QStringLiteral("unknown_item"), QStringLiteral("事项不在现行目录中"), itemCode);

    QStringList problems;
    QJsonArray deficiencies;
    const QJsonArray given = body.value(QStringLiteral("deficiencies")).toArray();
    if (given.isEmpty())
        problems << QStringLiteral("/deficiencies: at least one");
    for (qsizetype i = 0; i < given.size(); ++i) {
        const QJsonObject entry = given.at(i).toObject();
        const QString where = QStringLiteral("/deficiencies/%1").arg(i);
        for (auto it = entry.begin(); it != entry.end(); ++it) {
            if (it.key() != QLatin1String("materialId") && it.key() != QLatin1String("code")) {
                problems << QStringLiteral("%1/%2: only materialId and code (a catalogue reason)")
                                .arg(where, it.key());
            }
        }
        const QString materialId = entry.value(QStringLiteral("materialId")).toString();
        const QString code = entry.value(QStringLiteral("code")).toString();
        const Catalog::MaterialRequirement *material = materialOf(*item, materialId);
        if (!material) {
            problems << QStringLiteral("%1/materialId: %2 is not a material of item %3")
                            .arg(where, materialId, itemCode);
            continue;
        }
        const Catalog::Deficiency *deficiency = deficiencyOf(*material, code);
        if (!deficiency) {
            problems << QStringLiteral(
                "%1/code: %2 is not a reason of material %3 in the catalogue")
                            .arg(where, code, materialId);
            continue;
        }
        deficiencies.append(QJsonObject { { QStringLiteral("materialId"), materialId },
            { QStringLiteral("materialName"), material->name }, { QStringLiteral("code"), code },
            { QStringLiteral("reason"), deficiency->reason },
            { QStringLiteral("correction"), deficiency->correction } });
    }
    static const QStringList knownWays { QStringLiteral("window"), QStringLiteral("mail"),
        QStringLiteral("online") };
    const QJsonArray ways = body.value(QStringLiteral("ways")).toArray();
    if (ways.isEmpty())
        problems << QStringLiteral("/ways: at least one of window, mail, online");
    for (const QJsonValue &way : ways) {
        if (!knownWays.contains(way.toString()))
            problems
                << QStringLiteral("/ways: %1 is not window, mail or online").arg(way.toString());
    }
    const QDate today = Core::chinaStandardDate(m_clock.now());
    QDate due;
    if (body.contains(QStringLiteral("due"))) {
        due = QDate::fromString(body.value(QStringLiteral("due")).toString(), Qt::ISODate);
        if (!due.isValid() || due < today)
            problems << QStringLiteral("/due: a date (YYYY-MM-DD) from today on");
    } else {
        const auto document = m_calendar.document();
        const auto calendar = document ? Core::WorkCalendar::fromJson(*document)
                                       : Core::Result<Core::WorkCalendar>(document.error());
        const auto computed = calendar ? calendar->dueAfterWorkingDays(today, item->correctionDays)
                                       : Core::Result<Core::DueDate>(calendar.error());
        if (!computed)
            return internalError(computed.error().detail);
        due = computed->date;
    }
    if (!problems.isEmpty()) {
        return invalid(
            QStringLiteral("补正要求只能选用目录中的标准理由，并写明补正方式和期限"), problems);
    }

    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject event { { QStringLiteral("requestId"), requestId },
        { QStringLiteral("caseId"), caseId }, { QStringLiteral("caseNumber"), caseNumber },
        { QStringLiteral("itemCode"), itemCode },
        { QStringLiteral("catalogVersion"), catalogVersion },
        { QStringLiteral("deficiencies"), deficiencies }, { QStringLiteral("ways"), ways },
        { QStringLiteral("due"), due.toString(Qt::ISODate) } };
    const Core::Status stored = m_database.transaction([&]() -> Core::Status {
        QSqlQuery insert(m_database.connection());
        insert.prepare(QStringLiteral(
            "INSERT INTO hub_correction_requests (id, case_id, by_account, deficiencies, ways,"
            " due, state, created_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?)"));
        insert.addBindValue(requestId);
        insert.addBindValue(caseId);
        insert.addBindValue(context.account);
        insert.addBindValue(compact(deficiencies));
        insert.addBindValue(compact(ways));
        insert.addBindValue(due.toString(Qt::ISODate));
        insert.addBindValue(m_clock.now().toMSecsSinceEpoch());
        if (!insert.exec())
            return Storage::Database::queryError(insert, QStringLiteral("correction request"));
        const auto appended = EventService::append(
            m_database, m_clock, windowId, QStringLiteral("case.correctionRequested"), event);
        if (!appended)
            return appended.error();
        // The applicant is texted in the same transaction (§15): one SMS, purpose correction.
        if (!m_secrets)
            return Core::Error { Core::ErrorRange::Platform + 70,
                QStringLiteral("The hub's data key is missing."), caseId };
        return DeliveryService::notifyApplicant(
            m_database, m_clock, *m_secrets, caseId, QStringLiteral("correction"));
    });
    if (!stored)
        return internalError(stored.error().detail);
    qCInfo(lcHub).noquote() << "case" << caseId << "correction requested by" << context.account;
    return jsonResponse(201, event);
}

HttpResponse CorrectionService::current(const QString &caseId, const AuthContext &context) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT q.id, q.deficiencies, q.ways, q.due, q.state, c.window_id, c.home_jurisdiction"
        " FROM hub_correction_requests q JOIN hub_cases c ON c.id = q.case_id"
        " WHERE q.case_id = ? ORDER BY q.created_at DESC LIMIT 1"));
    query.addBindValue(caseId);
    if (!query.exec())
        return internalError(query.lastError().text());
    if (!query.next())
        return notFound(caseId);
    const bool home
        = context.role == QLatin1String("department") || context.role == QLatin1String("home");
    const bool allowed = context.role == QLatin1String("admin")
        || (home && query.value(6).toString() == context.jurisdictionCode)
        || query.value(5).toString() == context.windowId;
    if (!allowed)
        return notFound(caseId);
    return jsonResponse(200,
        QJsonObject { { QStringLiteral("requestId"), query.value(0).toString() },
            { QStringLiteral("caseId"), caseId },
            { QStringLiteral("deficiencies"), arrayOf(query.value(1).toString()) },
            { QStringLiteral("ways"), arrayOf(query.value(2).toString()) },
            { QStringLiteral("due"), query.value(3).toString() },
            { QStringLiteral("state"), query.value(4).toString() } });
}

HttpResponse CorrectionService::registerNotice(const QJsonObject &body, const AuthContext &context)
{
    if (context.windowId.isEmpty()) {
        return errorResponse(
            403, QStringLiteral("forbidden"), QStringLiteral("请在受理窗口登录后再登记告知书"));
    }
    QStringList problems;
    const QString serial = body.value(QStringLiteral("serial")).toString();
    const QString prefix = QString(context.windowId.toUpper() + QStringLiteral("-GZ-"));
    if (!serial.startsWith(prefix) || serial.size() > 100)
        problems << QStringLiteral("/serial: a one-time notice serial of this window (%1...)")
                        .arg(prefix);
    const QString itemCode = body.value(QStringLiteral("itemCode")).toString();
    if (itemCode.isEmpty())
        problems << QStringLiteral("/itemCode: required");
    const QString catalogVersion = body.value(QStringLiteral("catalogVersion")).toString();
    if (catalogVersion.isEmpty())
        problems << QStringLiteral("/catalogVersion: required");
    const QString idNumber = body.value(QStringLiteral("applicantIdNumber")).toString().trimmed();
    if (idNumber.size() < 15 || idNumber.size() > 18)
        problems << QStringLiteral("/applicantIdNumber: identity number or credit code");
    const QJsonArray given = body.value(QStringLiteral("deficiencies")).toArray();
    if (given.isEmpty() || given.size() > 200)
        problems << QStringLiteral("/deficiencies: 1 to 200");
    QJsonArray deficiencies;
    for (qsizetype i = 0; i < given.size(); ++i) {
        const QJsonObject d = given.at(i).toObject();
        if (d.value(QStringLiteral("materialId")).toString().isEmpty()
            || d.value(QStringLiteral("reason")).toString().isEmpty())
            problems << QStringLiteral("/deficiencies/%1: materialId and reason required").arg(i);
        QJsonObject kept;
        for (const char *key : { "materialId", "materialName", "code", "reason", "correction" }) {
            const QString name = QString::fromLatin1(key);
            if (d.contains(name))
                kept.insert(name, d.value(name).toString().left(500));
        }
        deficiencies.append(kept);
    }
    const QString due = body.value(QStringLiteral("correctionDue")).toString();
    if (!due.isEmpty() && !QDate::fromString(due, Qt::ISODate).isValid())
        problems << QStringLiteral("/correctionDue: YYYY-MM-DD");
    if (!problems.isEmpty())
        return invalid(QStringLiteral("一次性告知书信息不完整或有误"), problems);

    QJsonObject canonical = body;
    canonical.remove(QStringLiteral("applicantIdNumber"));
    // The same body again is the same notice, also when an older hub stored it under its own
    // identity hash (IdentityHash::candidates; the first is the one stored now).
    QStringList bodyShas;
    for (const QString &idHash : m_hash.candidates(idNumber)) {
        canonical.insert(QStringLiteral("idHash"), idHash);
        bodyShas.append(Core::sha256Hex(QJsonDocument(canonical).toJson(QJsonDocument::Compact)));
    }
    const QString bodySha = bodyShas.first();
    QSqlQuery existing(m_database.connection());
    existing.prepare(
        QStringLiteral("SELECT window_id, body_sha256 FROM hub_notices WHERE serial = ?"));
    existing.addBindValue(serial);
    if (!existing.exec())
        return internalError(existing.lastError().text());
    if (existing.next()) {
        if (existing.value(0).toString() == context.windowId
            && bodyShas.contains(existing.value(1).toString()))
            return jsonResponse(200, QJsonObject { { QStringLiteral("serial"), serial } });
        return errorResponse(409, QStringLiteral("idempotency_conflict"),
            QStringLiteral("该编号的告知书已登记且内容不同"), serial);
    }
    existing.finish();
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO hub_notices (serial, window_id, clerk, item_code, catalog_version, id_hash,"
        " deficiencies, correction_due, client_case_id, case_id, body_sha256, state, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)"));
    insert.addBindValue(serial);
    insert.addBindValue(context.windowId);
    insert.addBindValue(context.account);
    insert.addBindValue(itemCode);
    insert.addBindValue(catalogVersion);
    insert.addBindValue(m_hash.of(idNumber));
    insert.addBindValue(compact(deficiencies));
    insert.addBindValue(due.isEmpty() ? QVariant() : QVariant(due));
    const QString clientCaseId = body.value(QStringLiteral("clientCaseId")).toString();
    insert.addBindValue(clientCaseId.isEmpty() ? QVariant() : QVariant(clientCaseId));
    const QString caseId = body.value(QStringLiteral("caseId")).toString();
    insert.addBindValue(caseId.isEmpty() ? QVariant() : QVariant(caseId));
    insert.addBindValue(bodySha);
    insert.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if (!insert.exec())
        return internalError(insert.lastError().text());
    qCInfo(lcHub).noquote() << "notice" << serial << "registered by window" << context.windowId;
    return jsonResponse(201, QJsonObject { { QStringLiteral("serial"), serial } });
}

QString CorrectionService::serialOfQrText(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype at = trimmed.lastIndexOf(QLatin1String("/n/"));
    return at >= 0 ? trimmed.mid(at + 3) : trimmed;
}

HttpResponse CorrectionService::lookup(const QUrlQuery &urlQuery, const AuthContext &context)
{
    // Only a window of the city: the applicant stands in front of it.
    const QString ownJurisdiction
        = context.windowId.isEmpty() ? QString() : windowJurisdiction(m_database, context.windowId);
    if (ownJurisdiction.isEmpty()) {
        return errorResponse(403, QStringLiteral("forbidden"),
            QStringLiteral("只有本市通办窗口可以查找一次性告知书"));
    }
    QString by;
    QString value;
    for (const char *key : { "serial", "qr", "idNumber" }) {
        const QString name = QString::fromLatin1(key);
        if (urlQuery.hasQueryItem(name)) {
            by = name;
            value = urlQuery.queryItemValue(name, QUrl::FullyDecoded).trimmed();
        }
    }
    if (by.isEmpty() || value.isEmpty() || value.size() > 300) {
        return invalid(QStringLiteral("请提供告知书编号、二维码内容或申请人证件号码"),
            { QStringLiteral("one of serial, qr, idNumber") });
    }
    QSqlQuery query(m_database.connection());
    const QString columns = QStringLiteral(
        "SELECT n.serial, n.window_id, w.name, w.jurisdiction_code, n.clerk, n.item_code,"
        " n.catalog_version, n.deficiencies, n.correction_due, n.case_id, n.client_case_id,"
        " n.created_at FROM hub_notices n JOIN hub_windows w ON w.id = n.window_id ");
    if (by == QLatin1String("idNumber")) {
        // Under the data key, and under an older hub's own key while it is kept.
        const QStringList hashes = m_hash.candidates(value);
        QStringList marks;
        for (qsizetype i = 0; i < hashes.size(); ++i)
            marks.append(QStringLiteral("?"));
        query.prepare(QString(columns + QStringLiteral("WHERE n.id_hash IN (") + marks.join(u',')
            + QStringLiteral(") AND n.state = 'open' ORDER BY n.created_at DESC LIMIT ?")));
        for (const QString &hash : hashes)
            query.addBindValue(hash);
    } else {
        query.prepare(QString(columns + QStringLiteral("WHERE n.serial = ? LIMIT ?")));
        query.addBindValue(by == QLatin1String("qr") ? serialOfQrText(value) : value);
    }
    query.addBindValue(kMaxLookupResults);
    if (!query.exec())
        return internalError(query.lastError().text());
    QJsonArray notices;
    while (query.next()) {
        if (cityOf(query.value(3).toString()) != cityOf(ownJurisdiction))
            continue; // another city's notice: not this platform's applicant
        notices.append(QJsonObject { { QStringLiteral("serial"), query.value(0).toString() },
            { QStringLiteral("windowId"), query.value(1).toString() },
            { QStringLiteral("windowName"), query.value(2).toString() },
            { QStringLiteral("clerk"), query.value(4).toString() },
            { QStringLiteral("itemCode"), query.value(5).toString() },
            { QStringLiteral("catalogVersion"), query.value(6).toString() },
            { QStringLiteral("deficiencies"), arrayOf(query.value(7).toString()) },
            { QStringLiteral("correctionDue"),
                query.value(8).isNull() ? QJsonValue() : QJsonValue(query.value(8).toString()) },
            { QStringLiteral("caseId"),
                query.value(9).isNull() ? QJsonValue() : QJsonValue(query.value(9).toString()) },
            { QStringLiteral("clientCaseId"),
                query.value(10).isNull() ? QJsonValue() : QJsonValue(query.value(10).toString()) },
            { QStringLiteral("issuedAt"),
                rfc3339(QDateTime::fromMSecsSinceEpoch(
                    query.value(11).toLongLong(), QTimeZone::utc())) } });
    }
    query.finish();
    // Every lookup is kept: who, at which window, by what (never the number itself), found.
    QSqlQuery audit(m_database.connection());
    audit.prepare(QStringLiteral("INSERT INTO hub_notice_lookups (account, window_id, by_key,"
                                 " found, at) VALUES (?, ?, ?, ?, ?)"));
    audit.addBindValue(context.account);
    audit.addBindValue(context.windowId);
    audit.addBindValue(by);
    audit.addBindValue(int(notices.size()));
    audit.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if (!audit.exec())
        return internalError(audit.lastError().text());
    qCInfo(lcHub).noquote() << "notice lookup by" << by << "at window" << context.windowId
                            << "found" << notices.size();
    return jsonResponse(200, QJsonObject { { QStringLiteral("notices"), notices } });
}

std::optional<CorrectionService::OpenRequest> CorrectionService::openRequest(
    const QString &caseId, const AuthContext &context, HttpResponse *error) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT c.window_id, c.home_jurisdiction, c.case_number, c.item_code,"
        " (SELECT q.id FROM hub_correction_requests q WHERE q.case_id = c.id"
        " AND q.state = 'open'), (SELECT q.deficiencies FROM hub_correction_requests q"
        " WHERE q.case_id = c.id AND q.state = 'open') FROM hub_cases c WHERE c.id = ?"));
    query.addBindValue(caseId);
    if (!query.exec()) {
        *error = internalError(query.lastError().text());
        return std::nullopt;
    }
    // Only the application window of the case adds pages; to anyone else it does not exist.
    if (!query.next() || context.windowId.isEmpty()
        || query.value(0).toString() != context.windowId) {
        *error = notFound(caseId);
        return std::nullopt;
    }
    if (query.value(4).isNull()) {
        *error = errorResponse(409, QStringLiteral("no_correction_request"),
            QStringLiteral("该案件没有待补正的要求"), caseId);
        return std::nullopt;
    }
    OpenRequest open;
    open.id = query.value(4).toString();
    open.windowId = query.value(0).toString();
    open.jurisdiction = query.value(1).toString();
    open.caseNumber = query.value(2).toString();
    open.itemCode = query.value(3).toString();
    for (const QJsonValue &d : arrayOf(query.value(5).toString()))
        open.materials << d.toObject().value(QStringLiteral("materialId")).toString();
    return open;
}

HttpResponse CorrectionService::addPages(
    const QString &caseId, const QJsonObject &body, const AuthContext &context)
{
    HttpResponse error;
    const auto open = openRequest(caseId, context, &error);
    if (!open)
        return error;
    QStringList problems;
    struct Page
    {
        QString id, materialId, sha256, mediaType;
        qint64 size = 0;
    };
    QList<Page> pages;
    const QJsonArray materials = body.value(QStringLiteral("materials")).toArray();
    if (materials.isEmpty())
        problems << QStringLiteral("/materials: at least one");
    for (qsizetype m = 0; m < materials.size(); ++m) {
        const QJsonObject material = materials.at(m).toObject();
        const QString materialId = material.value(QStringLiteral("materialId")).toString();
        if (!open->materials.contains(materialId)) {
            problems << QStringLiteral("/materials/%1/materialId: %2 is not asked for by the "
                                       "request for correction")
                            .arg(m)
                            .arg(materialId);
        }
        const QJsonArray given = material.value(QStringLiteral("pages")).toArray();
        for (qsizetype p = 0; p < given.size(); ++p) {
            const QJsonObject page = given.at(p).toObject();
            Page entry { page.value(QStringLiteral("clientPageId")).toString(), materialId,
                page.value(QStringLiteral("sha256")).toString().toLower(),
                page.value(QStringLiteral("mediaType")).toString(),
                qint64(page.value(QStringLiteral("sizeBytes")).toDouble()) };
            const QString where = QStringLiteral("/materials/%1/pages/%2").arg(m).arg(p);
            if (entry.id.isEmpty() || entry.id.size() > 100 || !isSha256Hex(entry.sha256)
                || entry.size < 1 || entry.size > Limits::MaxUploadBytes
                || entry.mediaType.isEmpty())
                problems << QString(
                    where + QStringLiteral(": clientPageId, sha256, sizeBytes, mediaType"));
            pages.append(entry);
        }
    }
    if (pages.isEmpty() || pages.size() > 500)
        problems << QStringLiteral("/materials: 1 to 500 pages");
    if (!problems.isEmpty())
        return invalid(QStringLiteral("补正材料只能是补正要求列出的材料"), problems);
    const Core::Status stored = m_database.transaction([&]() -> Core::Status {
        for (const Page &page : std::as_const(pages)) {
            QSqlQuery existing(m_database.connection());
            existing.prepare(
                QStringLiteral("SELECT case_id, sha256 FROM hub_pages WHERE client_page_id = ?"));
            existing.addBindValue(page.id);
            if (!existing.exec())
                return Storage::Database::queryError(existing, QStringLiteral("page"));
            if (existing.next()) {
                if (existing.value(0).toString() == caseId
                    && existing.value(1).toString() == page.sha256)
                    continue; // sent again
                return Core::Error { 1, {},
                    QStringLiteral("clientPageId %1 is already used").arg(page.id) };
            }
            QSqlQuery insert(m_database.connection());
            insert.prepare(QStringLiteral(
                "INSERT INTO hub_pages (client_page_id, case_id, material_id, sha256,"
                " size_bytes, media_type) VALUES (?, ?, ?, ?, ?, ?)"));
            insert.addBindValue(page.id);
            insert.addBindValue(caseId);
            insert.addBindValue(page.materialId);
            insert.addBindValue(page.sha256);
            insert.addBindValue(page.size);
            insert.addBindValue(page.mediaType);
            if (!insert.exec())
                return Storage::Database::queryError(insert, QStringLiteral("add page"));
            QSqlQuery attach(m_database.connection());
            attach.prepare(QStringLiteral(
                "INSERT INTO hub_correction_pages (client_page_id, request_id) VALUES (?, ?)"));
            attach.addBindValue(page.id);
            attach.addBindValue(open->id);
            if (!attach.exec())
                return Storage::Database::queryError(attach, QStringLiteral("attach page"));
        }
        return {};
    });
    if (!stored) {
        if (stored.error().code == 1)
            return invalid(QStringLiteral("页面编号已被使用"), { stored.error().detail });
        return internalError(stored.error().detail);
    }
    QJsonArray missing;
    for (const Page &page : std::as_const(pages)) {
        if (m_uploads.completedFile(caseId, page.id).isEmpty())
            missing.append(page.id);
    }
    return jsonResponse(200,
        QJsonObject { { QStringLiteral("caseId"), caseId },
            { QStringLiteral("requestId"), open->id },
            { QStringLiteral("missingPages"), missing } });
}

HttpResponse CorrectionService::finishPages(const QString &caseId, const AuthContext &context)
{
    HttpResponse error;
    const auto open = openRequest(caseId, context, &error);
    if (!open)
        return error;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT p.client_page_id, p.sha256 FROM hub_correction_pages cp"
        " JOIN hub_pages p ON p.client_page_id = cp.client_page_id WHERE cp.request_id = ?"));
    query.addBindValue(open->id);
    if (!query.exec())
        return internalError(query.lastError().text());
    QStringList missing;
    QStringList mismatched;
    int count = 0;
    while (query.next()) {
        ++count;
        const QString path = m_uploads.completedFile(caseId, query.value(0).toString());
        if (path.isEmpty()) {
            missing << query.value(0).toString();
            continue;
        }
        QFile file(path);
        Core::Sha256 hash;
        if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)
            || QString::fromLatin1(hash.result().toHex()) != query.value(1).toString())
            mismatched << query.value(0).toString();
    }
    query.finish();
    if (count == 0 || !missing.isEmpty()) {
        return errorResponse(409, QStringLiteral("pages_missing"),
            QStringLiteral("还有补正材料页面未上传完成"), missing.join(QLatin1Char(',')));
    }
    if (!mismatched.isEmpty()) {
        return errorResponse(409, QStringLiteral("hash_mismatch"),
            QStringLiteral("材料文件校验不一致，请重新上传"), mismatched.join(QLatin1Char(',')));
    }
    const QDateTime now = m_clock.now();
    const QJsonObject data { { QStringLiteral("caseId"), caseId },
        { QStringLiteral("caseNumber"), open->caseNumber },
        { QStringLiteral("requestId"), open->id }, { QStringLiteral("itemCode"), open->itemCode },
        { QStringLiteral("pages"), count } };
    const Core::Status stored = m_database.transaction([&]() -> Core::Status {
        QSqlQuery answer(m_database.connection());
        answer.prepare(QStringLiteral("UPDATE hub_correction_requests SET state = 'answered',"
                                      " answered_at = ? WHERE id = ? AND state = 'open'"));
        answer.addBindValue(now.toMSecsSinceEpoch());
        answer.addBindValue(open->id);
        if (!answer.exec())
            return Storage::Database::queryError(answer, QStringLiteral("answer request"));
        // The home windows of the jurisdiction learn that the corrected pages are there.
        QSqlQuery homes(m_database.connection());
        homes.prepare(QStringLiteral(
            "SELECT DISTINCT w.id FROM hub_windows w JOIN hub_account_windows aw"
            " ON aw.window_id = w.id JOIN hub_accounts a ON a.account = aw.account"
            " WHERE w.jurisdiction_code = ? AND w.role IN ('home', 'both') AND a.role = 'home'"
            " AND a.disabled = 0 ORDER BY w.id"));
        homes.addBindValue(open->jurisdiction);
        if (!homes.exec())
            return Storage::Database::queryError(homes, QStringLiteral("home windows"));
        QStringList windows;
        while (homes.next())
            windows << homes.value(0).toString();
        homes.finish();
        for (const QString &windowId : std::as_const(windows)) {
            const auto event = EventService::append(
                m_database, m_clock, windowId, QStringLiteral("case.corrected"), data);
            if (!event)
                return event.error();
        }
        return {};
    });
    if (!stored)
        return internalError(stored.error().detail);
    qCInfo(lcHub).noquote() << "case" << caseId << "corrected with" << count << "pages";
    return jsonResponse(200, data);
}

} // namespace Tongban::Hub
