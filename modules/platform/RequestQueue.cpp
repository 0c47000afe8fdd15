#include "RequestQueue.h"

#include "ApiParsing.h"
#include "Logging.h"
#include "PlatformErrors.h"
#include "Tr.h"

#include <core/Alive.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>

namespace Tongban::Platform {

namespace {

const QString kPending = QStringLiteral("pending");
const QString kDone = QStringLiteral("done");
const QString kFailed = QStringLiteral("failed");
const QString kMailing = QStringLiteral("mailing");
const QString kGuideReport = QStringLiteral("guide_report");
const QString kNotice = QStringLiteral("notice"); ///< issue 17
const QString kRating = QStringLiteral("rating"); ///< issue 17, 好差评
const QString kRatingPrefix = QStringLiteral("rating:");

Core::Error invalidRequest(const QString &detail)
{
    return Core::Error { InvalidArgument,
        Tr::tr("This record cannot be sent to the platform: a required field is missing. "
               "Complete it and save it again."),
        detail };
}

QString rfc3339(const QDateTime &time)
{
    return time.toOffsetFromUtc(time.offsetFromUtc()).toString(Qt::ISODate);
}

} // namespace

Core::Result<ApiRequest> RequestQueue::mailingRequest(const MailingRecord &mailing)
{
    if (mailing.clientMailingId.isEmpty() || !isPlausibleId(mailing.caseId)
        || mailing.carrier.isEmpty() || mailing.waybill.isEmpty() || !mailing.sentAt.isValid())
        return invalidRequest(QStringLiteral("mailing: clientMailingId, caseId, carrier, waybill "
                                             "and sentAt are required"));
    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = QString(QStringLiteral("/cases/")
        + QString::fromLatin1(QUrl::toPercentEncoding(mailing.caseId))
        + QStringLiteral("/mailings"));
    request.body = QJsonDocument(
        QJsonObject { { QStringLiteral("clientMailingId"), mailing.clientMailingId },
            { QStringLiteral("carrier"), mailing.carrier },
            { QStringLiteral("waybill"), mailing.waybill },
            { QStringLiteral("sentAt"), rfc3339(mailing.sentAt) },
            { QStringLiteral("materials"), QJsonArray::fromStringList(mailing.materials) } })
                       .toJson(QJsonDocument::Compact);
    return request;
}

Core::Result<ApiRequest> RequestQueue::guideReportRequest(const GuideReport &report)
{
    static const QStringList kinds { QStringLiteral("guide_wrong"),
        QStringLiteral("extra_material_demanded"), QStringLiteral("review_point_mismatch"),
        QStringLiteral("catalog_invalid") };
    if (report.clientReportId.isEmpty() || !kinds.contains(report.kind)
        || (report.itemCode.isEmpty() && report.kind != QLatin1String("catalog_invalid")))
        return invalidRequest(QStringLiteral("guide report: clientReportId, itemCode and a known "
                                             "kind are required"));
    QJsonObject body { { QStringLiteral("clientReportId"), report.clientReportId },
        { QStringLiteral("itemCode"), report.itemCode }, { QStringLiteral("kind"), report.kind },
        { QStringLiteral("text"), report.text } };
    if (!report.materialId.isEmpty())
        body.insert(QStringLiteral("materialId"), report.materialId);
    if (!report.caseId.isEmpty())
        body.insert(QStringLiteral("caseId"), report.caseId);
    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = QStringLiteral("/guide-reports");
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

Core::Result<ApiRequest> RequestQueue::ratingRequest(
    const QString &clientCaseId, int score, const QString &comment)
{
    if (clientCaseId.isEmpty() || score < 1 || score > 5 || comment.size() > 500)
        return invalidRequest(QStringLiteral("rating: a case, a score of 1 to 5 and a comment "
                                             "of at most 500 characters"));
    QJsonObject body { { QStringLiteral("score"), score } };
    if (!comment.trimmed().isEmpty())
        body.insert(QStringLiteral("comment"), comment.trimmed());
    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    // The local case: run() puts the platform's case id in its place when sending.
    request.path = QString(QStringLiteral("/cases/")
        + QString::fromLatin1(QUrl::toPercentEncoding(clientCaseId)) + QStringLiteral("/rating"));
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

RequestQueue::RequestQueue(
    Storage::Database &db, Transport &transport, const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_transport(transport)
    , m_clock(clock)
    , m_retry(db, clock,
          RetryQueue::Table { QStringLiteral("platform_requests"), QStringLiteral("client_id"),
              { kPending }, kFailed },
          this, [this] { run(); })
{ }

RequestQueue::~RequestQueue()
{
    ++m_generation;
}

Core::Status RequestQueue::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_db.connection());
    if (!query.prepare(sql))
        return Storage::Database::queryError(query, QStringLiteral("request queue prepare"));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("request queue"));
    return {};
}

Core::Status RequestQueue::enqueueMailing(const MailingRecord &mailing)
{
    const auto request = mailingRequest(mailing);
    if (!request)
        return request.error();
    return enqueue(mailing.clientMailingId, kMailing, *request);
}

Core::Status RequestQueue::enqueueGuideReport(const GuideReport &report)
{
    const auto request = guideReportRequest(report);
    if (!request)
        return request.error();
    return enqueue(report.clientReportId, kGuideReport, *request);
}

Core::Status RequestQueue::enqueueRating(
    const QString &clientCaseId, int score, const QString &comment)
{
    const auto request = ratingRequest(clientCaseId, score, comment);
    if (!request)
        return request.error();
    return enqueue(kRatingPrefix + clientCaseId, kRating, *request);
}

Core::Status RequestQueue::enqueueNotice(const QString &serial, const ApiRequest &request)
{
    if (serial.isEmpty() || request.path != QLatin1String("/notices"))
        return invalidRequest(QStringLiteral("notice: serial and POST /notices required"));
    return enqueue(serial, kNotice, request);
}

Core::Status RequestQueue::enqueue(
    const QString &clientId, const QString &kind, const ApiRequest &request)
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    const Core::Status status = m_db.transaction([&]() -> Core::Status {
        QSqlQuery existing(m_db.connection());
        existing.prepare(
            QStringLiteral("SELECT kind, path, body FROM platform_requests WHERE client_id = ?"));
        existing.addBindValue(clientId);
        if (!existing.exec())
            return Storage::Database::queryError(existing, QStringLiteral("request lookup"));
        if (existing.next()) {
            if (existing.value(0).toString() == kind && existing.value(1).toString() == request.path
                && existing.value(2).toString().toUtf8() == request.body)
                return {};
            return invalidRequest(QString(QStringLiteral("client id ") + clientId
                + QStringLiteral(" already queued with another request")));
        }
        return exec(QStringLiteral("INSERT INTO platform_requests (client_id, kind, method, path,"
                                   " body, state, created_at, updated_at)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            { clientId, kind, QString::fromLatin1(request.method), request.path,
                QString::fromUtf8(request.body), kPending, now, now });
    });
    if (status && m_running)
        m_retry.scheduleWake();
    return status;
}

void RequestQueue::start()
{
    m_running = true;
    m_retry.scheduleWake();
}

void RequestQueue::stop()
{
    m_running = false;
    m_retry.stopTimer();
    ++m_generation;
    m_busy = false;
}

void RequestQueue::flush()
{
    const Core::Status s = m_retry.makeDue();
    if (!s)
        qCWarning(lcPlatform).noquote() << "request queue flush:" << s.error().toString();
    start();
}

void RequestQueue::run()
{
    if (!m_running || m_busy)
        return;
    m_retry.stopTimer();
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT client_id, kind, method, path, body FROM"
                                 " platform_requests WHERE state = ? AND next_attempt_at <= ?"
                                 " ORDER BY rowid LIMIT 1"));
    query.addBindValue(kPending);
    query.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if (!query.exec()) {
        qCWarning(lcPlatform).noquote()
            << "request queue:"
            << Storage::Database::queryError(query, QStringLiteral("next request")).detail;
        return;
    }
    if (!query.next()) {
        m_retry.armTimer();
        emit idle();
        return;
    }
    const QString clientId = query.value(0).toString();
    const QString kind = query.value(1).toString();
    ApiRequest request;
    request.method = query.value(2).toString().toLatin1();
    request.path = query.value(3).toString();
    request.body = query.value(4).toString().toUtf8();
    query.finish();
    if (kind == kRating) {
        // The platform's id of the local case, once the outbox got it; until then: later.
        QSqlQuery server(m_db.connection());
        server.prepare(QStringLiteral("SELECT server_case_id FROM outbox_cases"
                                      " WHERE client_case_id = ? AND server_case_id IS NOT NULL"));
        server.addBindValue(clientId.mid(kRatingPrefix.size()));
        if (!server.exec() || !server.next()) {
            attemptFailed(clientId,
                Core::Error { NetworkUnavailable,
                    Tr::tr("The case has not reached the platform yet: the rating is sent "
                           "after it."),
                    QStringLiteral("rating waits for the case") });
            return m_retry.scheduleWake();
        }
        request.path = QString(QStringLiteral("/cases/")
            + QString::fromLatin1(QUrl::toPercentEncoding(server.value(0).toString()))
            + QStringLiteral("/rating"));
    }
    m_busy = true;
    Core::Alive<RequestQueue> self(this);
    const quint64 generation = m_generation;
    m_transport.send(
        request, [self, generation, clientId, kind](Core::Result<ApiResponse> response) {
            if (!self || generation != self->m_generation)
                return;
            self->m_busy = false;
            self->answered(clientId, kind, std::move(response));
            self->m_retry.scheduleWake();
        });
}

void RequestQueue::answered(
    const QString &clientId, const QString &kind, Core::Result<ApiResponse> response)
{
    const auto ok = requireSuccess(std::move(response));
    if (!ok)
        return attemptFailed(clientId, ok.error());
    QString serverId;
    if (kind == kMailing) {
        const auto created = parseMailingCreated(ok->body);
        if (!created)
            return attemptFailed(clientId, created.error());
        serverId = created->mailingId;
    } else if (kind == kRating) {
        serverId
            = QJsonDocument::fromJson(ok->body).object().value(QStringLiteral("caseId")).toString();
    } else if (kind == kNotice) {
        // The platform answers with the serial it registered (201, or 200 when repeated).
        serverId
            = QJsonDocument::fromJson(ok->body).object().value(QStringLiteral("serial")).toString();
        if (serverId != clientId)
            return attemptFailed(clientId,
                Core::Error { InvalidResponse, {}, QStringLiteral("notice: serial expected") });
    } else {
        const auto created = parseGuideReportCreated(ok->body);
        if (!created)
            return attemptFailed(clientId, created.error());
        serverId = created->reportId;
    }
    const Core::Status s = exec(QStringLiteral("UPDATE platform_requests SET state = ?,"
                                               " server_id = ?, last_error = NULL, updated_at = ?"
                                               " WHERE client_id = ?"),
        { kDone, serverId, m_clock.now().toMSecsSinceEpoch(), clientId });
    if (!s)
        return attemptFailed(clientId, s.error());
    qCInfo(lcPlatform).noquote() << kind << clientId << "recorded by the platform as" << serverId
                                 << QString(QStringLiteral("(HTTP ") + QString::number(ok->status)
                                        + QLatin1Char(')'));
    emit requestDone(clientId, kind, serverId);
}

void RequestQueue::attemptFailed(const QString &clientId, const Core::Error &error)
{
    const bool retry = waitsAndRetries(error);
    const auto recorded = m_retry.recordFailure(clientId, error, retry);
    const int attempts = recorded ? recorded->attempts : 0;
    const QDateTime next = recorded ? recorded->next : QDateTime();
    if (!recorded)
        qCWarning(lcPlatform).noquote() << "request queue:" << recorded.error().toString();
    qCInfo(lcPlatform).noquote() << "request" << clientId << "attempt" << attempts << "failed"
                                 << (retry ? "(retried)" : "(not retried)") << error.detail;
    emit requestError(clientId, error, next);
}

QString RequestQueue::serverId(const QString &clientId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT server_id FROM platform_requests WHERE client_id = ?"));
    query.addBindValue(clientId);
    return (query.exec() && query.next()) ? query.value(0).toString() : QString();
}

QString RequestQueue::state(const QString &clientId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT state FROM platform_requests WHERE client_id = ?"));
    query.addBindValue(clientId);
    return (query.exec() && query.next()) ? query.value(0).toString() : QString();
}

QJsonObject RequestQueue::status() const
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("SELECT client_id, kind, state, server_id, attempts,"
                                   " next_attempt_at, last_error FROM platform_requests"
                                   " ORDER BY rowid")))
        return {};
    QJsonObject counts { { kPending, 0 }, { kDone, 0 }, { kFailed, 0 } };
    QJsonArray requests;
    while (query.next()) {
        const QString state = query.value(2).toString();
        counts.insert(state, counts.value(state).toInt() + 1);
        const qint64 next = query.value(5).toLongLong();
        requests.append(QJsonObject { { QStringLiteral("clientId"), query.value(0).toString() },
            { QStringLiteral("kind"), query.value(1).toString() },
            { QStringLiteral("state"), state },
            { QStringLiteral("serverId"), query.value(3).toString() },
            { QStringLiteral("attempts"), query.value(4).toInt() },
            { QStringLiteral("nextAttemptAt"),
                next > 0 ? QDateTime::fromMSecsSinceEpoch(next, Qt::UTC).toString(Qt::ISODate)
                         : QString() },
            { QStringLiteral("lastError"), query.value(6).toString() } });
    }
    return QJsonObject { { QStringLiteral("counts"), counts },
        { QStringLiteral("requests"), requests } };
}

} // namespace Tongban::Platform
