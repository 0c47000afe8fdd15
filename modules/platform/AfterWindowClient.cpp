#include "AfterWindowClient.h"

#include "ApiParsing.h"
#include "PlatformErrors.h"
#include "Tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace Tongban::Platform {

namespace {

Core::Error invalidAnswer(const QString &what)
{
    return Core::Error { InvalidResponse,
        Tr::tr("The platform's answer could not be read. Try again; if it persists, tell IT "
               "support."),
        what };
}

QJsonObject deficiencyJson(const NoticeDeficiency &d)
{
    QJsonObject object { { QStringLiteral("materialId"), d.materialId },
        { QStringLiteral("reason"), d.reason } };
    if (!d.materialName.isEmpty())
        object.insert(QStringLiteral("materialName"), d.materialName);
    if (!d.code.isEmpty())
        object.insert(QStringLiteral("code"), d.code);
    if (!d.correction.isEmpty())
        object.insert(QStringLiteral("correction"), d.correction);
    return object;
}

} // namespace

QStringList PlatformNotice::materialIds() const
{
    QStringList ids;
    for (const NoticeDeficiency &d : deficiencies) {
        if (!ids.contains(d.materialId))
            ids << d.materialId;
    }
    return ids;
}

Core::Result<ApiRequest> AfterWindowClient::registrationRequest(const NoticeRegistration &notice)
{
    if (notice.serial.isEmpty() || notice.itemCode.isEmpty() || notice.catalogVersion.isEmpty()
        || notice.applicantIdNumber.trimmed().isEmpty() || notice.deficiencies.isEmpty()) {
        return Core::Error { InvalidArgument,
            Tr::tr("The notice cannot be sent to the platform: it lacks its serial, item, "
                   "catalogue version, the applicant's number or its deficiencies."),
            notice.serial };
    }
    QJsonArray deficiencies;
    for (const NoticeDeficiency &d : notice.deficiencies)
        deficiencies.append(deficiencyJson(d));
    QJsonObject body { { QStringLiteral("serial"), notice.serial },
        { QStringLiteral("itemCode"), notice.itemCode },
        { QStringLiteral("catalogVersion"), notice.catalogVersion },
        { QStringLiteral("applicantIdNumber"), notice.applicantIdNumber.trimmed() },
        { QStringLiteral("deficiencies"), deficiencies } };
    if (!notice.clientCaseId.isEmpty())
        body.insert(QStringLiteral("clientCaseId"), notice.clientCaseId);
    if (!notice.caseId.isEmpty())
        body.insert(QStringLiteral("caseId"), notice.caseId);
    if (notice.correctionDue.isValid())
        body.insert(QStringLiteral("correctionDue"), notice.correctionDue.toString(Qt::ISODate));
    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = QStringLiteral("/notices");
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

void AfterWindowClient::registerNotice(
    const NoticeRegistration &notice, std::function<void(Core::Status)> done)
{
    const auto request = registrationRequest(notice);
    if (!request) {
        done(request.error());
        return;
    }
    m_transport.send(*request, [done](Core::Result<ApiResponse> response) {
        const auto ok = requireSuccess(std::move(response));
        done(ok ? Core::Status() : Core::Status(ok.error()));
    });
}

void AfterWindowClient::findNotices(NoticeKey key, const QString &value,
    std::function<void(Core::Result<QList<PlatformNotice>>)> done)
{
    QUrlQuery query;
    const QString name = key == NoticeKey::Serial ? QStringLiteral("serial")
        : key == NoticeKey::QrText                ? QStringLiteral("qr")
                                                  : QStringLiteral("idNumber");
    query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value.trimmed())));
    ApiRequest request;
    request.path = QString(QStringLiteral("/notices?") + query.toString(QUrl::FullyEncoded));
    m_transport.send(request, [done](Core::Result<ApiResponse> response) {
        const auto ok = requireSuccess(std::move(response));
        if (!ok)
            return done(ok.error());
        done(parseNotices(ok->body));
    });
}

void AfterWindowClient::deadlines(std::function<void(Core::Result<QList<CaseDeadline>>)> done)
{
    ApiRequest request;
    request.path = QStringLiteral("/deadlines");
    m_transport.send(request, [done](Core::Result<ApiResponse> response) {
        const auto ok = requireSuccess(std::move(response));
        if (!ok)
            return done(ok.error());
        done(parseDeadlines(ok->body));
    });
}

Core::Result<QList<PlatformNotice>> AfterWindowClient::parseNotices(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject() || !document.object().value(QLatin1String("notices")).isArray())
        return invalidAnswer(QStringLiteral("notices: array expected"));
    QList<PlatformNotice> notices;
    for (const QJsonValue &value : document.object().value(QLatin1String("notices")).toArray()) {
        const QJsonObject o = value.toObject();
        PlatformNotice notice;
        notice.serial = o.value(QLatin1String("serial")).toString();
        notice.windowId = o.value(QLatin1String("windowId")).toString();
        notice.windowName = o.value(QLatin1String("windowName")).toString();
        notice.clerk = o.value(QLatin1String("clerk")).toString();
        notice.itemCode = o.value(QLatin1String("itemCode")).toString();
        notice.catalogVersion = o.value(QLatin1String("catalogVersion")).toString();
        notice.caseId = o.value(QLatin1String("caseId")).toString();
        notice.clientCaseId = o.value(QLatin1String("clientCaseId")).toString();
        notice.correctionGrant = o.value(QLatin1String("correctionGrant")).toString();
        notice.correctionDue
            = QDate::fromString(o.value(QLatin1String("correctionDue")).toString(), Qt::ISODate);
        for (const QJsonValue &d : o.value(QLatin1String("deficiencies")).toArray()) {
            const QJsonObject entry = d.toObject();
            notice.deficiencies.append({ entry.value(QLatin1String("materialId")).toString(),
                entry.value(QLatin1String("materialName")).toString(),
                entry.value(QLatin1String("code")).toString(),
                entry.value(QLatin1String("reason")).toString(),
                entry.value(QLatin1String("correction")).toString() });
        }
        if (notice.serial.isEmpty() || notice.itemCode.isEmpty() || notice.catalogVersion.isEmpty()
            || notice.deficiencies.isEmpty())
            return invalidAnswer(QStringLiteral("notice without serial, item, version or list"));
        notices.append(notice);
    }
    return notices;
}

Core::Result<QList<CaseDeadline>> AfterWindowClient::parseDeadlines(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject() || !document.object().value(QLatin1String("deadlines")).isArray())
        return invalidAnswer(QStringLiteral("deadlines: array expected"));
    QList<CaseDeadline> list;
    for (const QJsonValue &value : document.object().value(QLatin1String("deadlines")).toArray()) {
        const QJsonObject o = value.toObject();
        list.append({ o.value(QLatin1String("caseId")).toString(),
            o.value(QLatin1String("caseNumber")).toString(),
            o.value(QLatin1String("itemCode")).toString(),
            o.value(QLatin1String("stage")).toString(),
            QDate::fromString(o.value(QLatin1String("due")).toString(), Qt::ISODate),
            o.value(QLatin1String("overdue")).toBool() });
    }
    return list;
}

} // namespace Tongban::Platform
