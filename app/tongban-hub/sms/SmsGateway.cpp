#include "SmsGateway.h"

#include "Logging.h"
#include "calls/CallService.h"
#include "http/HttpTypes.h"
#include "security/Secrets.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Tongban::Hub {

namespace {

/// \a value as the inside of a JSON string (no quotes).
QString jsonEscaped(const QString &value)
{
    const QByteArray quoted = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    // ["..."] → ...
    return QString::fromUtf8(quoted.mid(2, quoted.size() - 4));
}

} // namespace

FileSmsGateway::FileSmsGateway(const QString &path)
    : m_path(path)
{ }

void FileSmsGateway::send(const OutgoingSms &sms, std::function<void(SmsAttempt)> done)
{
    QFile file(m_path);
    const QFileDevice::Permissions privateMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append, privateMode)) {
        done({ SmsAttempt::RetryLater, {}, file.errorString() });
        return;
    }
    // A file left wider by hand or by a restored backup is narrowed again.
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
        | QFileDevice::ExeOther;
    if (file.permissions() & others)
        file.setPermissions(privateMode);
    const QJsonObject line { { QStringLiteral("id"), sms.id },
        { QStringLiteral("at"), rfc3339(QDateTime::currentDateTimeUtc()) },
        { QStringLiteral("to"),
            m_secrets ? m_secrets->seal(sms.phone) : CallService::maskPhone(sms.phone) },
        { QStringLiteral("toMasked"), CallService::maskPhone(sms.phone) },
        { QStringLiteral("text"), sms.text }, { QStringLiteral("purpose"), sms.purpose },
        { QStringLiteral("caseId"), sms.caseId } };
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        done({ SmsAttempt::RetryLater, {}, file.errorString() });
        return;
    }
    file.close();
    done({ SmsAttempt::Sent, QStringLiteral("file:%1").arg(sms.id), {} });
}

HttpSmsGateway::HttpSmsGateway(const SmsConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_network(new QNetworkAccessManager(this))
{ }

QByteArray HttpSmsGateway::render(const QString &pattern, const OutgoingSms &sms)
{
    QString body = pattern;
    const std::pair<QString, QString> values[] = {
        { QStringLiteral("{id}"), QString::number(sms.id) },
        { QStringLiteral("{phone}"), sms.phone },
        { QStringLiteral("{text}"), sms.text },
        { QStringLiteral("{purpose}"), sms.purpose },
        { QStringLiteral("{caseId}"), sms.caseId },
    };
    // One pass from left to right, so that a value containing "{text}" is not replaced again.
    QString out;
    qsizetype at = 0;
    while (at < body.size()) {
        bool replaced = false;
        for (const auto &[key, value] : values) {
            if (QStringView(body).mid(at).startsWith(key)) {
                out += jsonEscaped(value);
                at += key.size();
                replaced = true;
                break;
            }
        }
        if (!replaced)
            out += body.at(at++);
    }
    return out.toUtf8();
}

void HttpSmsGateway::send(const OutgoingSms &sms, std::function<void(SmsAttempt)> done)
{
    QNetworkRequest request { QUrl(m_config.httpUrl) };
    request.setHeader(QNetworkRequest::ContentTypeHeader, m_config.httpContentType);
    request.setTransferTimeout(qMax(1, m_config.httpTimeoutMs));
    QNetworkReply *reply = m_network->post(request, render(m_config.httpTemplate, sms));
    const qint64 id = sms.id;
    connect(reply, &QNetworkReply::finished, this, [reply, id, done = std::move(done)]() {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        if (status >= 200 && status < 300) {
            const QJsonObject json = QJsonDocument::fromJson(answer).object();
            const bool delivered
                = json.value(QStringLiteral("status")).toString() == QLatin1String("delivered");
            done({ delivered ? SmsAttempt::Delivered : SmsAttempt::Sent,
                json.value(QStringLiteral("id")).toVariant().toString(), {} });
            return;
        }
        const bool temporary = status == 0 || status == 408 || status == 429 || status >= 500;
        const QString why = status == 0
            ? reply->errorString()
            : QStringLiteral("HTTP %1 %2")
                  .arg(status)
                  .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        // The answer's body is not kept: an operator may echo the number.
        qCInfo(lcHub).noquote() << "SMS" << id << "gateway answer:" << why;
        done({ temporary ? SmsAttempt::RetryLater : SmsAttempt::Refused, {}, why });
    });
}

} // namespace Tongban::Hub
