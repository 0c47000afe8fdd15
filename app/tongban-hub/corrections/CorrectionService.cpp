#include "CorrectionService.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "calendar/CalendarService.h"
#include "catalogue/CatalogueService.h"
#include "delivery/DeliveryService.h"
#include "events/EventService.h"
#include "http/HttpTypes.h"
#include "tus/UploadService.h"

#include <core/Hash.h>
#include <core/WorkCalendar.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QUuid>

namespace Tongban::Hub {

namespace {

Core::Error error(
    CorrectionService::ErrorCode code, const QString &message, const QString &detail = {})
{
    return Core::Error { code, message, detail };
}

Core::Error invalid(const QString &message, const QStringList &problems)
{
    return error(CorrectionService::Invalid, message, problems.join(QStringLiteral("; ")));
}

Core::Error notFound(const QString &what)
{
    return error(CorrectionService::NotFound, QStringLiteral("案件不存在"), what);
}

Core::Error failed(const QString &detail)
{
    return error(CorrectionService::Failed, QStringLiteral("Internal error."), detail);
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

QJsonValue orNull(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
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

Storage::MigrationSet CorrectionService::anyHallSchema()
{
    Storage::Migration first;
    first.version = 1;
    first.description = QStringLiteral("grants to correct at another hall, their pages' windows");
    first.statements = {
        // Only the SHA-256 of a grant's token is kept; the window that found the notice, by
        // what, and the request it answers.
        QStringLiteral("CREATE TABLE hub_correction_grants (token_sha256 TEXT PRIMARY KEY,"
                       " serial TEXT NOT NULL, case_id TEXT NOT NULL REFERENCES hub_cases(id),"
                       " request_id TEXT NOT NULL REFERENCES hub_correction_requests(id),"
                       " window_id TEXT NOT NULL, account TEXT NOT NULL, by_key TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL, finished_at BIGINT)"),
        QStringLiteral("CREATE INDEX hub_correction_grants_request"
                       " ON hub_correction_grants(request_id)"),
        // A page added at another hall: that window uploads it (tus checks the window).
        QStringLiteral("CREATE TABLE hub_correction_page_windows (client_page_id TEXT PRIMARY KEY,"
                       " window_id TEXT NOT NULL)"),
    };
    return Storage::MigrationSet { QStringLiteral("hub_correction_grants"), { first } };
}

CorrectionService::CorrectionService(Storage::Database &database, const Core::Clock &clock,
    const CatalogueService &catalogue, const CalendarService &calendar, UploadService &uploads,
    IdentityHash hash)
    : m_store(database)
    , m_database(database)
    , m_clock(clock)
    , m_catalogue(catalogue)
    , m_calendar(calendar)
    , m_uploads(uploads)
    , m_hash(std::move(hash))
{ }

Core::Result<QJsonObject> CorrectionService::request(
    const QString &caseId, const QJsonObject &body, const AuthContext &context)
{
    if (context.role != QLatin1String("department") && context.role != QLatin1String("admin"))
        return error(Forbidden, QStringLiteral("只有属地审批部门可以要求补正"));
    const auto found = m_store.caseForRequest(caseId);
    if (!found)
        return failed(found.error().detail);
    if (!*found)
        return notFound(caseId);
    const CorrectionStore::CaseForRequest &theCase = **found;
    const QString &windowId = theCase.windowId;
    const QString &itemCode = theCase.itemCode;
    const QString &caseNumber = theCase.caseNumber;
    const QString catalogVersion = PersonalData::openObject(m_secrets, theCase.storedBody)
                                       .value(QStringLiteral("catalogVersion"))
                                       .toString();
    if (context.role != QLatin1String("admin")
        && theCase.homeJurisdiction != context.jurisdictionCode)
        return notFound(caseId);
    if (caseNumber.isEmpty())
        return invalid(
            QStringLiteral("案件尚未提交，不能要求补正"), { QStringLiteral("not submitted") });
    if (theCase.decided)
        return error(CaseDecided, QStringLiteral("该案件已作出决定，不能再要求补正"), caseId);
    if (theCase.pending) {
        return error(CorrectionPending,
            QStringLiteral("该案件已有未完成的补正要求，一次性告知不得重复"), caseId);
    }
    const Catalog::ServiceItem *item = m_catalogue.catalog().item(itemCode);
    if (!item)
        return error(UnknownItem, QStringLiteral("事项不在现行目录中"), itemCode);

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
            return failed(computed.error().detail);
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
    const Core::Status stored = m_store.transaction([&]() -> Core::Status {
        if (const Core::Status added
            = m_store.addRequest({ requestId, caseId, context.account, compact(deficiencies),
                compact(ways), due.toString(Qt::ISODate), m_clock.now().toMSecsSinceEpoch() });
            !added)
            return added;
        const auto appended = EventService::append(
            m_database, m_clock, windowId, QStringLiteral("case.correctionRequested"), event);
        if (!appended)
            return appended.error();
        // The applicant is texted in the same transaction (§15): one SMS, purpose correction.
        if (!m_secrets)
            return Core::Error { Failed, QStringLiteral("The hub's data key is missing."), caseId };
        return DeliveryService::notifyApplicant(
            m_database, m_clock, *m_secrets, caseId, QStringLiteral("correction"));
    });
    if (!stored)
        return failed(stored.error().detail);
    qCInfo(lcHub).noquote() << "case" << caseId << "correction requested by" << context.account;
    return event;
}

Core::Result<QJsonObject> CorrectionService::current(
    const QString &caseId, const AuthContext &context) const
{
    const auto found = m_store.latestRequest(caseId);
    if (!found)
        return failed(found.error().detail);
    if (!*found)
        return notFound(caseId);
    const CorrectionStore::Request &request = **found;
    const bool home
        = context.role == QLatin1String("department") || context.role == QLatin1String("home");
    const bool allowed = context.role == QLatin1String("admin")
        || (home && request.homeJurisdiction == context.jurisdictionCode)
        || request.windowId == context.windowId;
    if (!allowed)
        return notFound(caseId);
    return QJsonObject { { QStringLiteral("requestId"), request.id },
        { QStringLiteral("caseId"), caseId },
        { QStringLiteral("deficiencies"), arrayOf(request.deficienciesJson) },
        { QStringLiteral("ways"), arrayOf(request.waysJson) },
        { QStringLiteral("due"), request.due }, { QStringLiteral("state"), request.state } };
}

Core::Result<CorrectionService::Registered> CorrectionService::registerNotice(
    const QJsonObject &body, const AuthContext &context)
{
    if (context.windowId.isEmpty())
        return error(Forbidden, QStringLiteral("请在受理窗口登录后再登记告知书"));
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
    const auto existing = m_store.notice(serial);
    if (!existing)
        return failed(existing.error().detail);
    if (*existing) {
        if ((*existing)->first == context.windowId && bodyShas.contains((*existing)->second))
            return Registered { serial, false };
        return error(NoticeConflict, QStringLiteral("该编号的告知书已登记且内容不同"), serial);
    }
    CorrectionStore::NewNotice notice;
    notice.serial = serial;
    notice.windowId = context.windowId;
    notice.clerk = context.account;
    notice.itemCode = itemCode;
    notice.catalogVersion = catalogVersion;
    notice.idHash = m_hash.of(idNumber);
    notice.deficienciesJson = compact(deficiencies);
    notice.correctionDue = due;
    notice.clientCaseId = body.value(QStringLiteral("clientCaseId")).toString();
    notice.caseId = body.value(QStringLiteral("caseId")).toString();
    notice.bodySha256 = bodySha;
    notice.at = m_clock.now().toMSecsSinceEpoch();
    if (const Core::Status added = m_store.addNotice(notice); !added)
        return failed(added.error().detail);
    qCInfo(lcHub).noquote() << "notice" << serial << "registered by window" << context.windowId;
    return Registered { serial, true };
}

QString CorrectionService::serialOfQrText(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype at = trimmed.lastIndexOf(QLatin1String("/n/"));
    return at >= 0 ? trimmed.mid(at + 3) : trimmed;
}

Core::Result<QJsonArray> CorrectionService::lookup(
    const QString &by, const QString &value, const AuthContext &context)
{
    // Only a window of the city: the applicant stands in front of it.
    const auto own = context.windowId.isEmpty() ? Core::Result<QString>(QString())
                                                : m_store.windowJurisdiction(context.windowId);
    if (!own)
        return failed(own.error().detail);
    const QString ownJurisdiction = *own;
    if (ownJurisdiction.isEmpty())
        return error(Forbidden, QStringLiteral("只有本市通办窗口可以查找一次性告知书"));
    static const QStringList keys { QStringLiteral("serial"), QStringLiteral("qr"),
        QStringLiteral("idNumber") };
    if (!keys.contains(by) || value.isEmpty() || value.size() > 300) {
        return invalid(QStringLiteral("请提供告知书编号、二维码内容或申请人证件号码"),
            { QStringLiteral("one of serial, qr, idNumber") });
    }
    // By identity number: under the data key, and under an older hub's own key while it is kept.
    const auto found = by == QLatin1String("idNumber")
        ? m_store.openNoticesByIdHash(m_hash.candidates(value), kMaxLookupResults)
        : m_store.noticeBySerial(
            by == QLatin1String("qr") ? serialOfQrText(value) : value, kMaxLookupResults);
    if (!found)
        return failed(found.error().detail);
    QJsonArray notices;
    for (const CorrectionStore::Notice &n : *found) {
        if (cityOf(n.windowJurisdiction) != cityOf(ownJurisdiction))
            continue; // another city's notice: not this platform's applicant
        notices.append(QJsonObject { { QStringLiteral("serial"), n.serial },
            { QStringLiteral("windowId"), n.windowId },
            { QStringLiteral("windowName"), n.windowName }, { QStringLiteral("clerk"), n.clerk },
            { QStringLiteral("itemCode"), n.itemCode },
            { QStringLiteral("catalogVersion"), n.catalogVersion },
            { QStringLiteral("deficiencies"), arrayOf(n.deficienciesJson) },
            { QStringLiteral("correctionDue"), orNull(n.correctionDue) },
            { QStringLiteral("caseId"), orNull(n.caseId) },
            { QStringLiteral("clientCaseId"), orNull(n.clientCaseId) },
            { QStringLiteral("issuedAt"),
                rfc3339(QDateTime::fromMSecsSinceEpoch(n.createdAt, QTimeZone::utc())) } });
        const auto grant = grantFor(n, by, context);
        if (!grant)
            return failed(grant.error().detail);
        if (!grant->isEmpty()) {
            QJsonObject withGrant = notices.last().toObject();
            withGrant.insert(QStringLiteral("correctionGrant"), *grant);
            notices.replace(notices.size() - 1, withGrant);
        }
    }
    // Every lookup is kept: who, at which window, by what (never the number itself), found.
    if (const Core::Status audited = m_store.auditLookup(context.account, context.windowId, by,
            int(notices.size()), m_clock.now().toMSecsSinceEpoch());
        !audited)
        return failed(audited.error().detail);
    qCInfo(lcHub).noquote() << "notice lookup by" << by << "at window" << context.windowId
                            << "found" << notices.size();
    return notices;
}

Core::Result<QString> CorrectionService::grantFor(
    const CorrectionStore::Notice &notice, const QString &by, const AuthContext &context)
{
    if (!notice.caseId || notice.caseId->isEmpty())
        return QString(); // a notice of the window's own visit: no platform case yet
    const auto found = m_store.caseForPages(*notice.caseId);
    if (!found)
        return found.error();
    if (!*found || !(*found)->openRequestId || (*found)->windowId == context.windowId)
        return QString(); // nothing to correct, or the case's own window (needs no grant)
    QByteArray token(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(
        reinterpret_cast<quint32 *>(token.data()), token.size() / int(sizeof(quint32)));
    const QString text = QString::fromLatin1(token.toHex());
    CorrectionStore::Grant grant { Core::sha256Hex(text.toLatin1()), notice.serial, *notice.caseId,
        *(*found)->openRequestId, context.windowId, context.account, by,
        m_clock.now().toMSecsSinceEpoch() };
    if (const Core::Status added = m_store.addGrant(grant); !added)
        return added.error();
    qCInfo(lcHub).noquote() << "correction grant for notice" << notice.serial << "to window"
                            << context.windowId << "(found by" << by << ")";
    return text;
}

Core::Result<CorrectionService::OpenRequest> CorrectionService::openRequest(
    const QString &caseId, const AuthContext &context, const QString &grant) const
{
    const auto found = m_store.caseForPages(caseId);
    if (!found)
        return failed(found.error().detail);
    if (!*found || context.windowId.isEmpty())
        return notFound(caseId);
    const CorrectionStore::CaseForPages &theCase = **found;
    OpenRequest open;
    // The application window of the case adds pages; another window of the city only with the
    // grant it got for this case with the notice it found (§14.4). To anyone else the case
    // does not exist.
    if (theCase.windowId != context.windowId) {
        if (grant.isEmpty() || grant.size() > 128)
            return notFound(caseId);
        const auto given = m_store.grant(Core::sha256Hex(grant.toLatin1()));
        if (!given)
            return failed(given.error().detail);
        if (!*given || (*given)->caseId != caseId || (*given)->windowId != context.windowId) {
            qCWarning(lcHub).noquote() << "correction of case" << caseId << "refused to window"
                                       << context.windowId << "(no grant of its own for it)";
            return notFound(caseId);
        }
        const auto own = m_store.windowJurisdiction(context.windowId);
        const auto home = m_store.windowJurisdiction(theCase.windowId);
        if (!own || !home)
            return failed(!own ? own.error().detail : home.error().detail);
        if (own->isEmpty() || cityOf(*own) != cityOf(*home))
            return notFound(caseId);
        // The grant answers one request: once it is answered (or another one is open) the
        // grant is spent.
        if (!theCase.openRequestId || *theCase.openRequestId != (*given)->requestId)
            return error(NoCorrectionRequest, QStringLiteral("该案件没有待补正的要求"), caseId);
        open.grantSha256 = (*given)->tokenSha256;
        open.serial = (*given)->serial;
    }
    if (!theCase.openRequestId)
        return error(NoCorrectionRequest, QStringLiteral("该案件没有待补正的要求"), caseId);
    open.id = *theCase.openRequestId;
    open.windowId = theCase.windowId;
    open.jurisdiction = theCase.homeJurisdiction;
    open.caseNumber = theCase.caseNumber;
    open.itemCode = theCase.itemCode;
    for (const QJsonValue &d : arrayOf(theCase.openDeficienciesJson))
        open.materials << d.toObject().value(QStringLiteral("materialId")).toString();
    return open;
}

Core::Result<QJsonObject> CorrectionService::addPages(
    const QString &caseId, const QJsonObject &body, const AuthContext &context)
{
    const auto open = openRequest(caseId, context, body.value(QStringLiteral("grant")).toString());
    if (!open)
        return open.error();
    QStringList problems;
    QList<CorrectionStore::Page> pages;
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
            CorrectionStore::Page entry { page.value(QStringLiteral("clientPageId")).toString(),
                materialId, page.value(QStringLiteral("sha256")).toString().toLower(),
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
    const Core::Status stored = m_store.transaction([&]() -> Core::Status {
        for (const CorrectionStore::Page &page : std::as_const(pages)) {
            const auto existing = m_store.page(page.id);
            if (!existing)
                return existing.error();
            if (*existing) {
                if ((*existing)->first == caseId && (*existing)->second == page.sha256)
                    continue; // sent again
                return Core::Error { Invalid, QStringLiteral("页面编号已被使用"),
                    QStringLiteral("clientPageId %1 is already used").arg(page.id) };
            }
            if (const Core::Status added = m_store.addPage(caseId, page, open->id); !added)
                return added;
            if (!open->grantSha256.isEmpty()) {
                if (const Core::Status kept = m_store.addPageWindow(page.id, context.windowId);
                    !kept)
                    return kept;
            }
        }
        return {};
    });
    if (!stored) {
        if (stored.error().code == Invalid)
            return stored.error();
        return failed(stored.error().detail);
    }
    QJsonArray missing;
    for (const CorrectionStore::Page &page : std::as_const(pages)) {
        if (m_uploads.completedFile(caseId, page.id).isEmpty())
            missing.append(page.id);
    }
    return QJsonObject { { QStringLiteral("caseId"), caseId },
        { QStringLiteral("requestId"), open->id }, { QStringLiteral("missingPages"), missing } };
}

Core::Result<QJsonObject> CorrectionService::finishPages(
    const QString &caseId, const AuthContext &context, const QString &grant)
{
    const auto open = openRequest(caseId, context, grant);
    if (!open)
        return open.error();
    const auto pages = m_store.requestPages(open->id);
    if (!pages)
        return failed(pages.error().detail);
    QStringList missing;
    QStringList mismatched;
    const int count = int(pages->size());
    for (const auto &[pageId, sha256] : *pages) {
        const QString path = m_uploads.completedFile(caseId, pageId);
        if (path.isEmpty()) {
            missing << pageId;
            continue;
        }
        QFile file(path);
        Core::Sha256 hash;
        if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)
            || QString::fromLatin1(hash.result().toHex()) != sha256)
            mismatched << pageId;
    }
    if (count == 0 || !missing.isEmpty()) {
        return error(PagesMissing, QStringLiteral("还有补正材料页面未上传完成"),
            missing.join(QLatin1Char(',')));
    }
    if (!mismatched.isEmpty()) {
        return error(HashMismatch, QStringLiteral("材料文件校验不一致，请重新上传"),
            mismatched.join(QLatin1Char(',')));
    }
    const QDateTime now = m_clock.now();
    QJsonObject data { { QStringLiteral("caseId"), caseId },
        { QStringLiteral("caseNumber"), open->caseNumber },
        { QStringLiteral("requestId"), open->id }, { QStringLiteral("itemCode"), open->itemCode },
        { QStringLiteral("pages"), count } };
    const bool elsewhere = !open->grantSha256.isEmpty();
    if (elsewhere) {
        data.insert(QStringLiteral("correctedAt"), context.windowId);
        data.insert(QStringLiteral("noticeSerial"), open->serial);
    }
    const Core::Status stored = m_store.transaction([&]() -> Core::Status {
        if (const Core::Status answered = m_store.answerRequest(open->id, now.toMSecsSinceEpoch());
            !answered)
            return answered;
        // The home windows of the jurisdiction learn that the corrected pages are there.
        const auto windows = m_store.homeWindows(open->jurisdiction);
        if (!windows)
            return windows.error();
        QStringList told = *windows;
        if (elsewhere) {
            // Corrected at another hall: the application window learns it too (its inbox
            // closes the request), and the grant is spent.
            if (!told.contains(open->windowId))
                told.append(open->windowId);
            if (const Core::Status used
                = m_store.useGrant(open->grantSha256, now.toMSecsSinceEpoch());
                !used)
                return used;
        }
        for (const QString &windowId : std::as_const(told)) {
            const auto event = EventService::append(
                m_database, m_clock, windowId, QStringLiteral("case.corrected"), data);
            if (!event)
                return event.error();
        }
        return {};
    });
    if (!stored)
        return failed(stored.error().detail);
    qCInfo(lcHub).noquote() << "case" << caseId << "corrected with" << count << "pages"
                            << (elsewhere ? QString(QStringLiteral("at window ") + context.windowId)
                                          : QString());
    return data;
}

} // namespace Tongban::Hub
