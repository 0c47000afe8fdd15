#include "CorrectionInbox.h"

#include "Workstation.h"

#include <catalog/CatalogStore.h>
#include <intake/IntakeStore.h>
#include <platform/ApiClient.h>
#include <platform/CatalogSync.h>
#include <platform/RequestQueue.h>
#include <platform/ResultFeed.h>
#include <platform/TusUploader.h>
#include <security/AuditLog.h>
#include <storage/Database.h>
#include <storage/PageStore.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSqlQuery>

#include <memory>
#include <optional>

namespace Tongban::App {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tongban::App)
};

Core::Error unknown(const QString &requestId)
{
    return Core::Error { CorrectionUnknown,
        Tr::tr("This request for correction concerns a case that is not on this workstation. "
               "Ask IT support to check the window's data folder."),
        requestId };
}

Core::Error wrongState(const QString &what)
{
    return Core::Error { CorrectionWrongState,
        Tr::tr("This request for correction has already been handled at this step. Refresh "
               "Today and go on from where the case is."),
        what };
}

CorrectionRequest fromRow(const QSqlQuery &query)
{
    auto parsed = CorrectionInbox::parse(
        QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object());
    CorrectionRequest request = parsed ? *parsed : CorrectionRequest {};
    request.requestId = query.value(0).toString();
    request.clientCaseId = query.value(2).toString();
    request.state = query.value(3).toString();
    request.noticeSerial = query.value(4).toString();
    request.receivedAt = QDateTime::fromMSecsSinceEpoch(query.value(5).toLongLong());
    return request;
}

const QString Columns
    = QStringLiteral("request_id, body, client_case_id, state, notice_serial, received_at");

} // namespace

QStringList CorrectionRequest::materialIds() const
{
    QStringList ids;
    for (const Platform::NoticeDeficiency &d : deficiencies) {
        if (!ids.contains(d.materialId))
            ids << d.materialId;
    }
    return ids;
}

Storage::MigrationSet CorrectionInbox::schema()
{
    Storage::Migration first;
    first.version = 1;
    first.description = QStringLiteral("requests for correction from home departments");
    first.statements = {
        QStringLiteral("CREATE TABLE window_correction_requests (request_id TEXT PRIMARY KEY,"
                       " case_id TEXT NOT NULL, client_case_id TEXT, body TEXT NOT NULL,"
                       " due TEXT, state TEXT NOT NULL, notice_serial TEXT,"
                       " received_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)"),
    };
    return Storage::MigrationSet { QStringLiteral("window_corrections"), { first } };
}

Core::Result<CorrectionRequest> CorrectionInbox::parse(const QJsonObject &event)
{
    CorrectionRequest request;
    request.requestId = event.value(QStringLiteral("requestId")).toString();
    request.caseId = event.value(QStringLiteral("caseId")).toString();
    request.caseNumber = event.value(QStringLiteral("caseNumber")).toString();
    request.itemCode = event.value(QStringLiteral("itemCode")).toString();
    request.catalogVersion = event.value(QStringLiteral("catalogVersion")).toString();
    request.grant = event.value(QStringLiteral("grant")).toString(); // kept by adoptNotice()
    request.due = QDate::fromString(event.value(QStringLiteral("due")).toString(), Qt::ISODate);
    for (const QJsonValue &way : event.value(QStringLiteral("ways")).toArray())
        request.ways << way.toString();
    for (const QJsonValue &value : event.value(QStringLiteral("deficiencies")).toArray()) {
        const QJsonObject d = value.toObject();
        request.deficiencies.append({ d.value(QStringLiteral("materialId")).toString(),
            d.value(QStringLiteral("materialName")).toString(),
            d.value(QStringLiteral("code")).toString(),
            d.value(QStringLiteral("reason")).toString(),
            d.value(QStringLiteral("correction")).toString() });
    }
    bool complete = !request.requestId.isEmpty() && !request.caseId.isEmpty()
        && !request.itemCode.isEmpty() && !request.deficiencies.isEmpty();
    for (const Platform::NoticeDeficiency &d : std::as_const(request.deficiencies))
        complete = complete && !d.materialId.isEmpty() && !d.reason.isEmpty();
    if (!complete) {
        return Core::Error { CorrectionEventInvalid,
            Tr::tr("A request for correction from the platform could not be read. Tell IT "
                   "support."),
            request.requestId };
    }
    return request;
}

Core::Status CorrectionInbox::receive(const QJsonObject &event)
{
    const auto parsed = parse(event);
    if (!parsed)
        return parsed.error();
    Storage::Database &db = m_station.database();
    QSqlQuery local(db.connection());
    local.prepare(
        QStringLiteral("SELECT client_case_id FROM outbox_cases WHERE server_case_id = ?"));
    local.addBindValue(parsed->caseId);
    if (!local.exec())
        return Storage::Database::queryError(local, QStringLiteral("correction case"));
    const QString clientCaseId = local.next() ? local.value(0).toString() : QString();
    const qint64 now = m_station.clock().now().toMSecsSinceEpoch();
    QSqlQuery insert(db.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO window_correction_requests (request_id, case_id, client_case_id, body, due,"
        " state, received_at, updated_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?)"
        " ON CONFLICT (request_id) DO NOTHING"));
    insert.addBindValue(parsed->requestId);
    insert.addBindValue(parsed->caseId);
    insert.addBindValue(clientCaseId.isEmpty() ? QVariant() : QVariant(clientCaseId));
    insert.addBindValue(QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)));
    insert.addBindValue(parsed->due.toString(Qt::ISODate));
    insert.addBindValue(now);
    insert.addBindValue(now);
    if (!insert.exec())
        return Storage::Database::queryError(insert, QStringLiteral("store correction request"));
    return {};
}

QList<CorrectionRequest> CorrectionInbox::open() const
{
    QList<CorrectionRequest> requests;
    QSqlQuery query(m_station.database().connection());
    if (!query.exec(QString(QStringLiteral("SELECT ") + Columns
            + QStringLiteral(" FROM window_correction_requests WHERE state <> 'answered'"
                             // another hall's notice adopted here: its visit is open already
                             " AND request_id NOT LIKE 'notice:%'"
                             " ORDER BY due, received_at"))))
        return requests;
    while (query.next())
        requests.append(fromRow(query));
    return requests;
}

std::optional<CorrectionRequest> CorrectionInbox::request(const QString &requestId) const
{
    QSqlQuery query(m_station.database().connection());
    query.prepare(QString(QStringLiteral("SELECT ") + Columns
        + QStringLiteral(" FROM window_correction_requests WHERE request_id = ?")));
    query.addBindValue(requestId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return fromRow(query);
}

namespace {

/// case.correctionRequested on the events channel: kept before the event is marked processed.
class CorrectionEventInbox : public Platform::EventInbox
{
public:
    explicit CorrectionEventInbox(Workstation &station)
        : m_station(station)
    { }
    void processStored(const Platform::EventMessage &event, Platform::EventCompletion done) override
    {
        const Core::Status stored = CorrectionInbox(m_station).receive(event.data);
        if (!stored && stored.error().code == CorrectionEventInvalid) {
            // Sending it again would not make it readable: logged, and the channel goes on.
            qWarning("request for correction not readable, skipped: %s",
                qPrintable(stored.error().toString()));
            return done({});
        }
        // A failure to keep it leaves it unmarked: the platform sends it again.
        done(stored);
    }

private:
    Workstation &m_station;
};

/// case.corrected: a request of this window answered at another hall (§14.4).
class CorrectedEventInbox : public Platform::EventInbox
{
public:
    explicit CorrectedEventInbox(Workstation &station)
        : m_station(station)
    { }
    void processStored(const Platform::EventMessage &event, Platform::EventCompletion done) override
    {
        done(CorrectionInbox(m_station).correctedElsewhere(event.data));
    }

private:
    Workstation &m_station;
};

} // namespace

void CorrectionInbox::follow(Platform::ResultFeed &feed, Workstation &station)
{
    feed.channel().addInbox(std::make_shared<CorrectionEventInbox>(station),
        { QStringLiteral("case.correctionRequested") });
    feed.channel().addInbox(
        std::make_shared<CorrectedEventInbox>(station), { QStringLiteral("case.corrected") });
}

Core::Status CorrectionInbox::correctedElsewhere(const QJsonObject &event)
{
    const QString requestId = event.value(QStringLiteral("requestId")).toString();
    const QString at = event.value(QStringLiteral("correctedAt")).toString();
    if (requestId.isEmpty() || at.isEmpty() || at == m_station.windowId())
        return {};
    const auto found = request(requestId);
    if (!found || found->state == QLatin1String("answered"))
        return {};
    if (const Core::Status answered = setState(requestId, QStringLiteral("answered")); !answered)
        return answered;
    const auto recorded
        = m_station.audit().append({ QStringLiteral("platform"), m_station.windowId(),
            QStringLiteral("case.correctedElsewhere"), found->caseNumber, QStringLiteral("ok"),
            QStringLiteral("request %1 answered at window %2 with notice %3")
                .arg(requestId, at, event.value(QStringLiteral("noticeSerial")).toString()) });
    return recorded ? Core::Status {} : Core::Status { recorded.error() };
}

Core::Status CorrectionInbox::adoptNotice(
    const Platform::PlatformNotice &notice, const QString &clientCaseId)
{
    if (notice.caseId.isEmpty() || notice.correctionGrant.isEmpty())
        return {};
    QJsonArray deficiencies;
    for (const Platform::NoticeDeficiency &d : notice.deficiencies) {
        deficiencies.append(QJsonObject { { QStringLiteral("materialId"), d.materialId },
            { QStringLiteral("materialName"), d.materialName }, { QStringLiteral("code"), d.code },
            { QStringLiteral("reason"), d.reason },
            { QStringLiteral("correction"), d.correction } });
    }
    const QString requestId = QString(QStringLiteral("notice:") + notice.serial);
    const QJsonObject body { { QStringLiteral("requestId"), requestId },
        { QStringLiteral("caseId"), notice.caseId },
        { QStringLiteral("itemCode"), notice.itemCode },
        { QStringLiteral("catalogVersion"), notice.catalogVersion },
        { QStringLiteral("deficiencies"), deficiencies },
        { QStringLiteral("due"), notice.correctionDue.toString(Qt::ISODate) },
        { QStringLiteral("grant"), notice.correctionGrant } };
    const qint64 now = m_station.clock().now().toMSecsSinceEpoch();
    // A later lookup of the same notice gives a new grant: the visit goes on with it.
    QSqlQuery insert(m_station.database().connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO window_correction_requests (request_id, case_id, client_case_id, body, due,"
        " state, notice_serial, received_at, updated_at) VALUES (?, ?, ?, ?, ?, 'noticed', ?, ?, ?)"
        " ON CONFLICT (request_id) DO UPDATE SET client_case_id = excluded.client_case_id,"
        " body = excluded.body, state = 'noticed', updated_at = excluded.updated_at"));
    insert.addBindValue(requestId);
    insert.addBindValue(notice.caseId);
    insert.addBindValue(clientCaseId);
    insert.addBindValue(QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact)));
    insert.addBindValue(notice.correctionDue.toString(Qt::ISODate));
    insert.addBindValue(notice.serial);
    insert.addBindValue(now);
    insert.addBindValue(now);
    if (!insert.exec())
        return Storage::Database::queryError(insert, QStringLiteral("adopt notice"));
    return {};
}

std::optional<CorrectionRequest> CorrectionInbox::noticedForCase(const QString &clientCaseId) const
{
    QSqlQuery query(m_station.database().connection());
    query.prepare(QString(QStringLiteral("SELECT ") + Columns
        + QStringLiteral(" FROM window_correction_requests WHERE client_case_id = ?"
                         " AND state = 'noticed' ORDER BY received_at DESC LIMIT 1")));
    query.addBindValue(clientCaseId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return fromRow(query);
}

QString CorrectionInbox::todayLine(const CorrectionRequest &request)
{
    return Tr::tr("The home department asks for correction of case %1: the applicant brings "
                  "the listed materials by %2.")
        .arg(request.caseNumber, request.due.toString(Qt::ISODate));
}

Core::Status CorrectionInbox::setState(
    const QString &requestId, const QString &state, const QString &serial)
{
    QSqlQuery update(m_station.database().connection());
    update.prepare(QStringLiteral("UPDATE window_correction_requests SET state = ?,"
                                  " notice_serial = COALESCE(?, notice_serial), updated_at = ?"
                                  " WHERE request_id = ?"));
    update.addBindValue(state);
    update.addBindValue(serial.isEmpty() ? QVariant() : QVariant(serial));
    update.addBindValue(m_station.clock().now().toMSecsSinceEpoch());
    update.addBindValue(requestId);
    if (!update.exec())
        return Storage::Database::queryError(update, QStringLiteral("correction state"));
    return {};
}

Core::Result<Notices::IssuedNotice> CorrectionInbox::issueNotice(const QString &requestId,
    const QString &clerk, const QString &lookupBaseUrl, Platform::RequestQueue *requests)
{
    const auto found = request(requestId);
    if (!found || found->clientCaseId.isEmpty())
        return unknown(requestId);
    if (found->state != QLatin1String("open"))
        return wrongState(found->state);
    auto loaded = m_station.intake().load(found->clientCaseId);
    if (!loaded)
        return loaded.error();
    Intake::CaseDraft draft = *loaded;

    Notices::NoticeContent content;
    content.kind = Notices::NoticeKind::OneTimeNotice;
    content.itemCode = found->itemCode;
    if (const auto catalog = m_station.catalogs().version(found->catalogVersion); catalog) {
        if (const Catalog::ServiceItem *item = catalog->item(found->itemCode))
            content.itemName = item->name;
    }
    content.applicantName = draft.applicant.name;
    content.applicantId = draft.applicant.idNumber;
    content.windowName = m_station.windowName();
    content.windowAddress = m_station.windowAddress();
    content.windowPhone = m_station.windowPhone();
    content.clerkName = clerk;
    content.issuedAt = m_station.clock().now();
    content.provisionalNumber = draft.provisionalNumber;
    content.caseNumber = found->caseNumber;
    content.lookupBaseUrl = lookupBaseUrl;
    content.correctionDue = found->due;
    content.evaluationUrl = m_station.evaluationUrl();
    // The department's choice, in the catalogue's words as the platform sent them.
    for (const Platform::NoticeDeficiency &d : found->deficiencies) {
        Notices::Deficiency deficiency;
        deficiency.kind = Notices::Deficiency::Kind::ReviewPointFailed;
        deficiency.material = d.materialName.isEmpty() ? d.materialId : d.materialName;
        deficiency.reason = d.reason;
        deficiency.correction = d.correction;
        content.deficiencies.append(deficiency);
    }

    std::optional<Notices::IssuedNotice> issued;
    const Core::Status done = m_station.database().transaction([&]() -> Core::Status {
        if (Core::Status waiting
            = m_station.intake().awaitRequestedCorrection(draft, found->materialIds());
            !waiting)
            return waiting;
        auto notice = m_station.notices().issue(
            content, { draft.caseId, m_station.windowId(), m_station.windowCode(), clerk });
        if (!notice)
            return notice.error();
        issued = *notice;
        if (Core::Status noticed = setState(requestId, QStringLiteral("noticed"), notice->serial);
            !noticed)
            return noticed;
        if (!requests)
            return {};
        // Issue 17: the applicant may correct at any hall (§14.3), as for this window's own
        // notices: queued with the notice, sent once whenever the platform is reachable.
        Platform::NoticeRegistration registration;
        registration.serial = notice->serial;
        registration.itemCode = found->itemCode;
        registration.catalogVersion
            = found->catalogVersion.isEmpty() ? draft.catalogVersion : found->catalogVersion;
        registration.applicantIdNumber = draft.applicant.idNumber;
        registration.clientCaseId = draft.caseId;
        registration.caseId = found->caseId;
        registration.correctionDue = found->due;
        registration.deficiencies = found->deficiencies;
        const auto request = Platform::AfterWindowClient::registrationRequest(registration);
        if (!request) {
            qWarning("notice %s not registered with the platform: no applicant number",
                qPrintable(notice->serial));
            return {};
        }
        return requests->enqueueNotice(notice->serial, *request);
    });
    if (!done)
        return done.error();
    if (requests) {
        QMetaObject::invokeMethod(
            requests, [requests] { requests->flush(); }, Qt::QueuedConnection);
    }
    return *issued;
}

Core::Result<Intake::CaseDraft> CorrectionInbox::reopen(const QString &requestId)
{
    const auto found = request(requestId);
    if (!found || found->clientCaseId.isEmpty())
        return unknown(requestId);
    if (found->state != QLatin1String("noticed"))
        return wrongState(found->state);
    auto loaded = m_station.intake().load(found->clientCaseId);
    if (!loaded)
        return loaded.error();
    Intake::CaseDraft draft = *loaded;
    if (draft.state == Intake::CaseDraft::State::Open)
        return draft; // reopened before
    if (Core::Status reopened = m_station.intake().reopenForCorrection(draft); !reopened)
        return reopened.error();
    return draft;
}

namespace {

/// One run of sendPages(): declare, upload one page after another, submit.
struct PageSender : std::enable_shared_from_this<PageSender>
{
    Platform::Transport *transport = nullptr;
    QString caseId;
    QString grant; ///< corrected at another hall (§14.4)
    QList<Platform::TusUploadSpec> uploads;
    std::function<void(Core::Status)> finish;
    QPointer<Platform::TusUploader> uploader;
    bool ended = false;

    ~PageSender()
    {
        if (uploader)
            uploader->deleteLater();
    }

    void end(const Core::Status &status)
    {
        if (ended)
            return;
        ended = true;
        const auto call = finish;
        call(status);
    }

    void post(const QString &path, const QByteArray &body, std::function<void()> next)
    {
        Platform::ApiRequest request;
        request.method = QByteArrayLiteral("POST");
        request.path = path;
        request.body = body;
        auto self = shared_from_this();
        transport->send(request, [self, next](Core::Result<Platform::ApiResponse> response) {
            const auto checked = Platform::requireSuccess(std::move(response));
            if (!checked)
                return self->end(checked.error());
            next();
        });
    }

    void uploadNext()
    {
        if (uploader)
            uploader->deleteLater(); // it may be emitting finished() right now
        if (uploads.isEmpty()) {
            auto self = shared_from_this();
            post(QString(QStringLiteral("/cases/") + caseId
                     + QStringLiteral("/correction-pages/submit")),
                grant.isEmpty() ? QByteArray()
                                : QJsonDocument(QJsonObject { { QStringLiteral("grant"), grant } })
                                      .toJson(QJsonDocument::Compact),
                [self] { self->end({}); });
            return;
        }
        const Platform::TusUploadSpec spec = uploads.takeFirst();
        uploader = new Platform::TusUploader(*transport);
        auto self = shared_from_this();
        QObject::connect(uploader.data(), &Platform::TusUploader::finished, uploader.data(),
            [self] { self->uploadNext(); });
        QObject::connect(uploader.data(), &Platform::TusUploader::failed, uploader.data(),
            [self](const Core::Error &error) { self->end(error); });
        uploader->start(spec);
    }
};

} // namespace

void CorrectionInbox::sendPages(const QString &requestId, Platform::Transport &transport,
    std::function<void(Core::Status)> done)
{
    const auto found = request(requestId);
    if (!found || found->clientCaseId.isEmpty())
        return done(unknown(requestId));
    if (found->state != QLatin1String("noticed"))
        return done(wrongState(found->state));
    auto loaded = m_station.intake().load(found->clientCaseId);
    if (!loaded)
        return done(loaded.error());
    const Intake::CaseDraft draft = *loaded;
    if (draft.state != Intake::CaseDraft::State::Open)
        return done(wrongState(QStringLiteral("case not reopened")));

    // Pages transmitted with the case are on the platform already: only new ones go.
    QStringList sent;
    QSqlQuery query(m_station.database().connection());
    query.prepare(
        QStringLiteral("SELECT client_page_id FROM outbox_pages WHERE client_case_id = ?"));
    query.addBindValue(draft.caseId);
    if (query.exec()) {
        while (query.next())
            sent << query.value(0).toString();
    }
    Platform::ApiRequest uploads;
    uploads.path = QStringLiteral("/uploads");
    const QUrl endpoint = transport.resolve(uploads);

    auto sender = std::make_shared<PageSender>();
    sender->transport = &transport;
    sender->caseId = found->caseId;
    sender->grant = found->grant;
    QJsonArray materials;
    for (const QString &materialId : found->materialIds()) {
        const Intake::MaterialState *state = draft.material(materialId);
        QJsonArray pages;
        for (const Intake::CapturedPage &captured :
            state ? state->pages : QList<Intake::CapturedPage>()) {
            if (sent.contains(captured.pageId))
                continue;
            const auto record = m_station.pages().page(captured.pageId);
            if (!record)
                return done(record.error());
            const auto bytes = m_station.pages().read(captured.pageId);
            if (!bytes)
                return done(bytes.error());
            pages.append(QJsonObject { { QStringLiteral("clientPageId"), record->id },
                { QStringLiteral("sha256"), record->sha256 },
                { QStringLiteral("sizeBytes"), record->sizeBytes },
                { QStringLiteral("mediaType"), record->mediaType } });
            Platform::TusUploadSpec spec;
            spec.endpoint = endpoint;
            spec.data = *bytes;
            spec.metadata = { { QStringLiteral("caseId"), found->caseId.toUtf8() },
                { QStringLiteral("clientPageId"), record->id.toUtf8() },
                { QStringLiteral("sha256"), record->sha256.toLatin1() },
                { QStringLiteral("mediaType"), record->mediaType.toUtf8() } };
            sender->uploads.append(spec);
        }
        if (!pages.isEmpty()) {
            materials.append(QJsonObject {
                { QStringLiteral("materialId"), materialId }, { QStringLiteral("pages"), pages } });
        }
    }
    if (materials.isEmpty())
        return done(Core::Error { CorrectionWrongState,
            Tr::tr("No page was captured for the materials the home department asked for. "
                   "Capture them, then send again."),
            requestId });

    Workstation *station = &m_station;
    // Runs later: the inbox is a light view that may be gone by then, the station is not.
    sender->finish = [station, requestId, caseId = draft.caseId, done](Core::Status status) {
        if (status) {
            status = station->database().transaction([&]() -> Core::Status {
                auto current = station->intake().load(caseId);
                if (!current)
                    return current.error();
                Intake::CaseDraft answered = *current;
                if (Core::Status complete = station->intake().markComplete(answered); !complete)
                    return complete;
                return CorrectionInbox(*station).setState(requestId, QStringLiteral("answered"));
            });
        }
        done(status);
    };
    sender->post(
        QString(QStringLiteral("/cases/") + found->caseId + QStringLiteral("/correction-pages")),
        QJsonDocument(found->grant.isEmpty()
                ? QJsonObject { { QStringLiteral("materials"), materials } }
                : QJsonObject { { QStringLiteral("materials"), materials },
                    { QStringLiteral("grant"), found->grant } })
            .toJson(QJsonDocument::Compact),
        [sender] { sender->uploadNext(); });
}

} // namespace Tongban::App
