#include "HttpTypes.h"

#include "Logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QTimeZone>

#include <chrono>

namespace Tongban::Hub {

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &entry : headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpResponse jsonResponse(int status, const QJsonObject &body)
{
    HttpResponse response;
    response.status = status;
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    response.addHeader(
        QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json; charset=utf-8"));
    return response;
}

HttpResponse emptyResponse(int status)
{
    HttpResponse response;
    response.status = status;
    return response;
}

HttpResponse errorResponse(
    int status, const QString &code, const QString &message, const QString &detail)
{
    QJsonObject error { { QStringLiteral("code"), code }, { QStringLiteral("message"), message },
        { QStringLiteral("detail"), detail } };
    return jsonResponse(status, QJsonObject { { QStringLiteral("error"), error } });
}

HttpResponse internalError(const QString &detail)
{
    qCWarning(lcHub) << "internal error:" << detail;
    return errorResponse(
        500, QStringLiteral("internal"), QStringLiteral("平台内部错误，请稍后重试"), detail);
}

std::optional<QJsonObject> parseJsonBody(const QByteArray &body, HttpResponse *error)
{
    if (body.size() > Limits::MaxJsonBodyBytes) {
        *error = errorResponse(413, QStringLiteral("body_too_large"),
            QStringLiteral("请求内容过大"),
            QStringLiteral("JSON bodies are limited to %1 bytes").arg(Limits::MaxJsonBodyBytes));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("请求格式错误"),
            parseError.error != QJsonParseError::NoError
                ? QStringLiteral("JSON error at offset %1: %2")
                      .arg(parseError.offset)
                      .arg(parseError.errorString())
                : QStringLiteral("the body must be a JSON object"));
        return std::nullopt;
    }
    return document.object();
}

QByteArray parseBearer(const QByteArray &authorization)
{
    const QByteArray prefix = QByteArrayLiteral("bearer ");
    if (authorization.size() <= prefix.size()
        || authorization.left(prefix.size()).toLower() != prefix)
        return {};
    const QByteArray token = authorization.mid(prefix.size()).trimmed();
    if (token.isEmpty() || token.size() > 512 || token.contains(' '))
        return {};
    return token;
}

std::optional<QMap<QString, QByteArray>> parseTusMetadata(const QByteArray &header)
{
    QMap<QString, QByteArray> result;
    if (header.trimmed().isEmpty())
        return result;
    const QList<QByteArray> pairs = header.split(',');
    for (const QByteArray &rawPair : pairs) {
        const QByteArray pair = rawPair.trimmed();
        const QList<QByteArray> parts = pair.split(' ');
        if (parts.isEmpty() || parts.size() > 2 || parts.first().isEmpty())
            return std::nullopt;
        const QString key = QString::fromLatin1(parts.first());
        if (result.contains(key))
            return std::nullopt;
        QByteArray value;
        if (parts.size() == 2) {
            const auto decoded = QByteArray::fromBase64Encoding(
                parts.at(1), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return std::nullopt;
            value = decoded.decoded;
        }
        result.insert(key, value);
    }
    return result;
}

std::optional<qint64> parseNonNegative(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 18)
        return std::nullopt;
    for (char c : trimmed) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    bool ok = false;
    const qint64 number = trimmed.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return number;
}

std::optional<TusChecksum> parseTusChecksum(const QByteArray &header)
{
    const QList<QByteArray> parts = header.trimmed().split(' ');
    if (parts.size() != 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        parts.at(1), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return TusChecksum { parts.at(0).toLower(), decoded.decoded };
}

bool isSha256Hex(const QString &text)
{
    if (text.size() != 64)
        return false;
    for (QChar c : text) {
        const bool hex = (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
        if (!hex)
            return false;
    }
    return true;
}

QString rfc3339(const QDateTime &time)
{
    return time.toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai"))).toString(Qt::ISODate);
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c()
        .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace Tongban::Hub
