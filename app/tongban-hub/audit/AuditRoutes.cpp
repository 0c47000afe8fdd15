#include "AuditRoutes.h"

#include "accounts/AccountService.h"
#include "audit/AuditService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace Tongban::Hub {

namespace {

QString member(const QByteArray &json, const QString &name)
{
    return QJsonDocument::fromJson(json).object().value(name).toString();
}

QString errorCodeOf(const HttpResponse &response)
{
    return QJsonDocument::fromJson(response.body)
        .object()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

} // namespace

AuditRoutes::AuditRoutes(AuditService &service, Authenticate authenticate)
    : m_service(service)
    , m_authenticate(std::move(authenticate))
{ }

HttpResponse AuditRoutes::list(const HttpRequest &request, const AuthContext &context) const
{
    const QUrlQuery &query = request.query;
    bool afterOk = true;
    bool limitOk = true;
    const qint64 afterSeq = query.hasQueryItem(QStringLiteral("afterSeq"))
        ? query.queryItemValue(QStringLiteral("afterSeq")).toLongLong(&afterOk)
        : 0;
    const int limit = query.hasQueryItem(QStringLiteral("limit"))
        ? query.queryItemValue(QStringLiteral("limit")).toInt(&limitOk)
        : AuditService::DefaultPage;
    const auto page = m_service.list(context, afterOk ? afterSeq : -1, limitOk ? limit : -1,
        query.queryItemValue(QStringLiteral("kind")));
    if (!page) {
        if (page.error().code == AuditService::Forbidden)
            return errorResponse(403, QStringLiteral("forbidden"), page.error().message);
        if (page.error().code == AuditService::BadQuery)
            return errorResponse(
                400, QStringLiteral("bad_request"), page.error().message, page.error().detail);
        return errorResponse(500, QStringLiteral("internal"), QStringLiteral("服务器内部错误"));
    }
    QJsonArray entries;
    for (const AuditRow &row : page->rows) {
        entries.append(QJsonObject { { QStringLiteral("seq"), double(row.seq) },
            { QStringLiteral("at"),
                rfc3339(QDateTime::fromMSecsSinceEpoch(row.atMs, QTimeZone::utc())) },
            { QStringLiteral("kind"), row.kind }, { QStringLiteral("actor"), row.actor },
            { QStringLiteral("subject"), row.subject },
            { QStringLiteral("detail"), QJsonDocument::fromJson(row.detail.toUtf8()).object() },
            { QStringLiteral("prevHash"), row.previousHash },
            { QStringLiteral("hash"), row.hash } });
    }
    return jsonResponse(200,
        QJsonObject { { QStringLiteral("entries"), entries },
            { QStringLiteral("nextAfterSeq"),
                page->nextAfterSeq ? QJsonValue(double(page->nextAfterSeq)) : QJsonValue() } });
}

void AuditRoutes::observe(const HttpRequest &request, const HttpResponse &response) const
{
    static const QString prefix = QStringLiteral("/api/v1/");
    if (!request.path.startsWith(prefix) || response.status >= 500)
        return;
    const QStringList parts = request.path.mid(prefix.size()).split(QLatin1Char('/'));
    const QByteArray &method = request.method;
    const QString first = parts.value(0);
    const QString address = request.peer.isNull() ? QString() : request.peer.toString();

    // Sign-ins, successful or not (the name masked when it is no account).
    // Attempts refused by the throttle before any password check (423 locked, 429 too many
    // from the address) are not: the failures that set it off are, and a flood stays out.
    if (method == "POST" && parts.size() == 1 && first == QLatin1String("session")
        && response.status != 423 && response.status != 429) {
        const QString typed = member(request.body, QStringLiteral("account")).left(128);
        const bool ok = response.status == 200;
        QJsonObject detail { { QStringLiteral("address"), address },
            { QStringLiteral("status"), response.status } };
        if (!ok)
            detail.insert(QStringLiteral("error"), errorCodeOf(response));
        m_service.record({ ok ? QStringLiteral("signin") : QStringLiteral("signin.failed"),
            ok ? typed : m_service.signInName(typed),
            member(request.body, QStringLiteral("windowId")).left(64), detail });
        return;
    }

    // The other acts: by a signed-in account, only when they succeeded.
    QString kind;
    QString subject = parts.value(1);
    QJsonObject detail;
    const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
    if (method == "POST" && first == QLatin1String("cases") && parts.size() == 3) {
        const QString act = parts.at(2);
        if (act == QLatin1String("decision") && response.status == 201) {
            kind = QStringLiteral("decision");
            detail = { { QStringLiteral("decision"),
                           member(request.body, QStringLiteral("decision")) },
                { QStringLiteral("resultId"), answer.value(QStringLiteral("resultId")) } };
        } else if (act == QLatin1String("correction-request") && response.status == 201) {
            kind = QStringLiteral("correction.requested");
            detail = { { QStringLiteral("requestId"), answer.value(QStringLiteral("requestId")) } };
        } else if (act == QLatin1String("completion") && response.status == 201) {
            kind = QStringLiteral("completion");
            detail
                = { { QStringLiteral("deliveryId"), answer.value(QStringLiteral("deliveryId")) } };
        }
    } else if (method == "POST" && first == QLatin1String("cases") && parts.size() == 4
        && parts.at(2) == QLatin1String("correction-pages")
        && parts.at(3) == QLatin1String("submit") && response.status == 200) {
        // A correction finished by the case's own window, or at another hall with the grant
        // of the notice it found (§14.4): the grant itself is never kept, only that one was used.
        const bool atAnotherHall = !member(request.body, QStringLiteral("grant")).isEmpty();
        kind = atAnotherHall ? QStringLiteral("correction.corrected_at_another_hall")
                             : QStringLiteral("correction.corrected");
    } else if (method == "GET" && first == QLatin1String("calls") && parts.size() >= 3
        && parts.at(2) == QLatin1String("recording") && response.status == 200) {
        if (parts.size() == 3) {
            kind = QStringLiteral("recording.read");
        } else if (parts.size() == 5 && parts.at(3) == QLatin1String("chunks")) {
            kind = QStringLiteral("recording.download");
            detail = { { QStringLiteral("chunk"), parts.at(4) },
                { QStringLiteral("bytes"), double(response.body.size()) } };
        }
    } else if (method == "POST" && first == QLatin1String("call-escalations") && parts.size() == 3
        && parts.at(2) == QLatin1String("decision") && response.status == 204) {
        const QString decision = member(request.body, QStringLiteral("decision"));
        kind = decision == QLatin1String("excused") ? QStringLiteral("escalation.excused")
                                                    : QStringLiteral("escalation.confirmed");
    } else if (method == "PUT" && first == QLatin1String("office-hours") && parts.size() == 2
        && response.status == 200) {
        kind = QStringLiteral("office_hours.set");
    } else if (method == "POST" && first == QLatin1String("rectifications") && parts.size() == 2
        && response.status == 200) {
        kind = QStringLiteral("rectification.recorded");
    }
    if (kind.isEmpty())
        return;
    const auto context = m_authenticate(request);
    QJsonObject withWindow = detail;
    if (context && !context->windowId.isEmpty())
        withWindow.insert(QStringLiteral("windowId"), context->windowId);
    m_service.record(
        { kind, context ? context->account : QStringLiteral("(unknown)"), subject, withWindow });
}

} // namespace Tongban::Hub
