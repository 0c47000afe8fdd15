#include "ApiParsing.h"

#include "PlatformErrors.h"
#include "Tr.h"

#include <storage/Database.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace Tongban::Platform {

namespace {

Core::Error invalid(const QString &what, const QString &why)
{
    return Core::Error { InvalidResponse,
        Tr::tr("The platform sent an answer this workstation cannot read. Try again later; "
               "if it keeps happening, call the hall's IT staff."),
        QString(what + QStringLiteral(": ") + why) };
}

QString stringMember(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isString() ? value.toString() : QString();
}

// Keeps detail text printable and bounded; it ends up in logs.
QString boundedText(QString text)
{
    constexpr int kMax = 500;
    if (text.size() > kMax)
        text = QString(text.left(kMax) + QStringLiteral("…"));
    for (QChar &c : text) {
        if (c.unicode() < 0x20)
            c = QLatin1Char(' ');
    }
    return text;
}

} // namespace

QString machineCode(const Core::Error &error)
{
    static const QRegularExpression re(QStringLiteral("(?:^| )code=([A-Za-z0-9_.-]+)"));
    const auto match = re.match(error.detail);
    return match.hasMatch() ? match.captured(1) : QString();
}

int httpStatus(const Core::Error &error)
{
    static const QRegularExpression re(QStringLiteral("(?:^| )http=([0-9]{3})"));
    const auto match = re.match(error.detail);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

bool isRetryable(const Core::Error &error)
{
    return error.code == NetworkUnavailable || error.code == ServerUnavailable
        || error.code == InvalidResponse || error.code == ResponseTooLarge;
}

bool waitsAndRetries(const Core::Error &error)
{
    return isRetryable(error) || error.code == SessionExpired || error.code == SessionReplaced
        || error.code == NotSignedIn || error.code == AccountLocked
        || error.code == Storage::DiskFull;
}

Core::Result<QJsonObject> parseJsonObject(const QByteArray &body, const QString &what)
{
    if (body.size() > kMaxResponseBytes)
        return invalid(what, QStringLiteral("body larger than 16 MiB"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(what,
            QString(QStringLiteral("not JSON (") + parseError.errorString() + QStringLiteral(" at ")
                + QString::number(parseError.offset) + QStringLiteral(")")));
    if (!document.isObject())
        return invalid(what, QStringLiteral("not a JSON object"));
    return document.object();
}

Core::Result<PlatformErrorBody> parseErrorBody(const QByteArray &body)
{
    auto object = parseJsonObject(body, QStringLiteral("error body"));
    if (!object)
        return object.error();
    const QJsonValue error = object->value(QLatin1String("error"));
    if (!error.isObject())
        return invalid(QStringLiteral("error body"), QStringLiteral("no \"error\" object"));
    const QJsonObject e = error.toObject();
    PlatformErrorBody parsed { stringMember(e, "code"), stringMember(e, "message"),
        stringMember(e, "detail") };
    static const QRegularExpression codeShape(QStringLiteral("^[a-z0-9_.]{1,64}$"));
    if (!codeShape.match(parsed.code).hasMatch())
        return invalid(QStringLiteral("error body"), QStringLiteral("missing or malformed code"));
    return parsed;
}

Core::Result<ClerkInfo> parseClerk(const QJsonObject &clerk)
{
    ClerkInfo info;
    info.account = stringMember(clerk, "account");
    info.name = stringMember(clerk, "name");
    info.role = stringMember(clerk, "role");
    const QJsonObject window = clerk.value(QLatin1String("window")).toObject();
    info.window.id = stringMember(window, "id");
    info.window.name = stringMember(window, "name");
    const QJsonObject jurisdiction = window.value(QLatin1String("jurisdiction")).toObject();
    info.window.jurisdiction.code = stringMember(jurisdiction, "code");
    info.window.jurisdiction.name = stringMember(jurisdiction, "name");
    if (info.account.isEmpty())
        return invalid(QStringLiteral("clerk"), QStringLiteral("no account"));
    return info;
}

Core::Result<SessionTokens> parseSession(const QByteArray &body)
{
    auto object = parseJsonObject(body, QStringLiteral("session"));
    if (!object)
        return object.error();
    SessionTokens tokens;
    tokens.accessToken = stringMember(*object, "accessToken").toUtf8();
    tokens.refreshToken = stringMember(*object, "refreshToken").toUtf8();
    if (tokens.accessToken.isEmpty() || tokens.refreshToken.isEmpty())
        return invalid(QStringLiteral("session"), QStringLiteral("missing tokens"));
    const QJsonValue expires = object->value(QLatin1String("expiresIn"));
    const QJsonValue refreshExpires = object->value(QLatin1String("refreshExpiresIn"));
    tokens.expiresInSecs = expires.isDouble() ? qint64(expires.toDouble()) : 0;
    tokens.refreshExpiresInSecs = refreshExpires.isDouble() ? qint64(refreshExpires.toDouble()) : 0;
    const QJsonValue clerk = object->value(QLatin1String("clerk"));
    if (clerk.isObject()) {
        auto parsedClerk = parseClerk(clerk.toObject());
        if (!parsedClerk)
            return parsedClerk.error();
        tokens.clerk = *parsedClerk;
    }
    const QJsonArray replaced = object->value(QLatin1String("replaced")).toArray();
    for (qsizetype i = 0; i < replaced.size() && i < 100; ++i)
        tokens.replacedWindows.append(
            boundedText(stringMember(replaced.at(i).toObject(), "windowId")));
    return tokens;
}

SessionReplacement parseSessionReplaced(const QJsonObject &object)
{
    SessionReplacement replaced;
    replaced.windowId = boundedText(stringMember(object, "windowId"));
    replaced.windowName = boundedText(stringMember(object, "windowName"));
    replaced.at = QDateTime::fromString(stringMember(object, "at"), Qt::ISODate);
    return replaced;
}

Core::Result<CaseCreated> parseCaseCreated(const QByteArray &body)
{
    auto object = parseJsonObject(body, QStringLiteral("case"));
    if (!object)
        return object.error();
    CaseCreated created { stringMember(*object, "caseId"), stringMember(*object, "status"), {} };
    if (created.caseId.isEmpty())
        return invalid(QStringLiteral("case"), QStringLiteral("no caseId"));
    const QJsonValue missing = object->value(QLatin1String("missingPages"));
    if (!missing.isUndefined() && !missing.isNull() && !missing.isArray())
        return invalid(QStringLiteral("case"), QStringLiteral("missingPages is not a list"));
    for (const QJsonValue &page : missing.toArray()) {
        if (!page.isString())
            return invalid(
                QStringLiteral("case"), QStringLiteral("missingPages entry not a string"));
        created.missingPages.append(page.toString());
    }
    return created;
}

Core::Result<CaseSubmitted> parseCaseSubmitted(const QByteArray &body)
{
    auto object = parseJsonObject(body, QStringLiteral("submit"));
    if (!object)
        return object.error();
    CaseSubmitted submitted { stringMember(*object, "caseId"), stringMember(*object, "status"),
        stringMember(*object, "caseNumber") };
    if (submitted.caseNumber.isEmpty())
        return invalid(QStringLiteral("submit"), QStringLiteral("no caseNumber"));
    return submitted;
}

Core::Result<QList<ResultInfo>> parseResults(const QByteArray &body)
{
    auto object = parseJsonObject(body, QStringLiteral("results"));
    if (!object)
        return object.error();
    const QJsonValue results = object->value(QLatin1String("results"));
    if (!results.isArray())
        return invalid(QStringLiteral("results"), QStringLiteral("no results list"));
    static const QRegularExpression hexShape(QStringLiteral("^[0-9a-f]{64}$"));
    QList<ResultInfo> list;
    for (const QJsonValue &value : results.toArray()) {
        if (!value.isObject())
            return invalid(QStringLiteral("results"), QStringLiteral("entry is not an object"));
        const QJsonObject r = value.toObject();
        ResultInfo info { stringMember(r, "resultId"), stringMember(r, "caseId"),
            stringMember(r, "caseNumber"), stringMember(r, "decision"), stringMember(r, "reasons"),
            QDateTime::fromString(stringMember(r, "issuedAt"), Qt::ISODate),
            stringMember(r, "documentSha256").toLower() };
        if (info.resultId.isEmpty() || info.caseId.isEmpty())
            return invalid(QStringLiteral("results"), QStringLiteral("entry without ids"));
        if (!hexShape.match(info.documentSha256).hasMatch())
            return invalid(QStringLiteral("results"), QStringLiteral("bad documentSha256"));
        list.append(info);
    }
    return list;
}

Core::Result<EventMessage> parseEventMessage(const QByteArray &message)
{
    auto object = parseJsonObject(message, QStringLiteral("event"));
    if (!object)
        return object.error();
    EventMessage event;
    event.raw = *object;
    event.type = stringMember(*object, "type");
    if (event.type.isEmpty())
        return invalid(QStringLiteral("event"), QStringLiteral("no type"));
    const auto integer = [&](const char *key) -> qint64 {
        const QJsonValue v = object->value(QLatin1String(key));
        if (!v.isDouble())
            return -1;
        const double d = v.toDouble();
        if (d < 0 || d > 9.0e15 || d != double(qint64(d)))
            return -1;
        return qint64(d);
    };
    if (event.type == QLatin1String("welcome")) {
        event.kind = EventMessage::Welcome;
        event.lastId = integer("lastId");
        if (event.lastId < 0)
            return invalid(QStringLiteral("welcome"), QStringLiteral("bad lastId"));
    } else if (event.type == QLatin1String("ping")) {
        event.kind = EventMessage::Ping;
    } else if (event.type == QLatin1String("error") && !object->contains(QLatin1String("id"))) {
        // A refused hello and other protocol errors: the §1 error shape under "error".
        event.kind = EventMessage::ServerError;
        const QJsonObject e = object->value(QLatin1String("error")).toObject();
        event.error = PlatformErrorBody { stringMember(e, "code"), stringMember(e, "message"),
            boundedText(stringMember(e, "detail")) };
        static const QRegularExpression codeShape(QStringLiteral("^[a-z0-9_.]{1,64}$"));
        if (!codeShape.match(event.error.code).hasMatch())
            event.error.code.clear();
    } else if (object->contains(QLatin1String("id"))) {
        event.kind = EventMessage::Event;
        event.id = integer("id");
        if (event.id <= 0)
            return invalid(QStringLiteral("event"), QStringLiteral("bad id"));
        event.at = QDateTime::fromString(stringMember(*object, "at"), Qt::ISODate);
        event.data = object->value(QLatin1String("data")).toObject();
    } else {
        // call.* relays and other messages without an id (§11).
        event.kind = EventMessage::Unknown;
    }
    return event;
}

bool isPlausibleId(const QString &id)
{
    if (id.isEmpty() || id.size() > 200 || id.contains(QLatin1Char('/')))
        return false;
    for (const QChar c : id) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    }
    return true;
}

Core::Result<ResultIssued> parseResultIssued(const QJsonObject &data)
{
    ResultIssued issued { stringMember(data, "resultId"), stringMember(data, "caseId"),
        stringMember(data, "caseNumber"), stringMember(data, "decision") };
    if (!isPlausibleId(issued.resultId))
        return invalid(QStringLiteral("result.issued"), QStringLiteral("missing or bad resultId"));
    if (!isPlausibleId(issued.caseId))
        return invalid(QStringLiteral("result.issued"), QStringLiteral("missing or bad caseId"));
    return issued;
}

namespace {

Core::Result<QString> createdId(const QByteArray &body, const char *member, const QString &what)
{
    auto object = parseJsonObject(body, what);
    if (!object)
        return object.error();
    const QString id = stringMember(*object, member);
    if (!isPlausibleId(id))
        return invalid(
            what, QString(QStringLiteral("missing or bad ") + QString::fromLatin1(member)));
    return id;
}

} // namespace

Core::Result<MailingCreated> parseMailingCreated(const QByteArray &body)
{
    auto id = createdId(body, "mailingId", QStringLiteral("mailing"));
    if (!id)
        return id.error();
    return MailingCreated { *id };
}

Core::Result<GuideReportCreated> parseGuideReportCreated(const QByteArray &body)
{
    auto id = createdId(body, "reportId", QStringLiteral("guide report"));
    if (!id)
        return id.error();
    return GuideReportCreated { *id };
}

Core::Error errorFromResponse(int status, const QByteArray &body)
{
    const auto parsed = parseErrorBody(body);
    const QString code = parsed ? parsed->code : QString();
    QString detail = QString(QStringLiteral("http=") + QString::number(status));
    if (!code.isEmpty())
        detail += QString(QStringLiteral(" code=") + code);
    if (parsed && !parsed->detail.isEmpty())
        detail += QString(QStringLiteral(" detail=") + boundedText(parsed->detail));
    if (parsed && !parsed->message.isEmpty())
        detail += QString(QStringLiteral(" message=") + boundedText(parsed->message));

    const auto make = [&](int errorCode, const QString &message) {
        return Core::Error { errorCode, message, detail };
    };
    if (code == QLatin1String("invalid_credentials"))
        return make(InvalidCredentials,
            Tr::tr("The account or the password is wrong. Check both and sign in again."));
    if (code == QLatin1String("account_locked")) {
        const QDateTime until
            = parsed ? QDateTime::fromString(parsed->detail, Qt::ISODate) : QDateTime();
        const QString when = until.isValid()
            ? until.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
            : Tr::tr("a quarter of an hour");
        Core::Error error = make(AccountLocked,
            Tr::tr("This account is locked after too many failed sign-ins. Try again after %1, "
                   "or ask the administrator to unlock it.")
                .arg(when));
        if (until.isValid())
            error.detail += QString(QStringLiteral(" until=") + until.toString(Qt::ISODate));
        return error;
    }
    if (code == QLatin1String("window_mismatch"))
        return make(WindowMismatch,
            Tr::tr("This account is not assigned to this window. Check the window setting or ask "
                   "the administrator."));
    if (code == QLatin1String("account_disabled"))
        return make(AccountDisabled,
            Tr::tr("This account is disabled. Ask the administrator to enable it."));
    if (code == QLatin1String("session_replaced"))
        return make(SessionReplaced,
            Tr::tr("This account signed in at another window, which ended the sign-in here. "
                   "Sign in again."));
    if (code == QLatin1String("token_expired") || code == QLatin1String("token_invalid"))
        return make(SessionExpired, Tr::tr("The sign-in has expired. Sign in again."));
    if (code == QLatin1String("validation_failed") || code == QLatin1String("unknown_item"))
        return make(ValidationFailed,
            Tr::tr("The platform refused the case as incomplete or wrong. Check it and transmit "
                   "it again."));
    if (status >= 500 || status == 408 || status == 429)
        return make(ServerUnavailable,
            Tr::tr("The platform is not available at the moment. The workstation keeps the work "
                   "and tries again by itself."));
    if (status == 404 || status == 410)
        return make(NotFound, Tr::tr("The platform does not know the requested record."));
    if (status == 409)
        return make(Conflict,
            Tr::tr("The platform reports a conflict with an earlier request. The workstation "
                   "will re-check and try again."));
    if (status == 401 || status == 403)
        return make(SessionExpired,
            Tr::tr("The platform refused the request for this sign-in. Sign in again."));
    return make(RequestRejected,
        Tr::tr("The platform refused the request. If it keeps happening, call the hall's IT "
               "staff."));
}

QByteArray encodeTusMetadata(const QList<QPair<QString, QByteArray>> &pairs)
{
    QByteArrayList parts;
    for (const auto &[key, value] : pairs) {
        QByteArray part = key.toLatin1();
        if (!value.isEmpty())
            part += ' ' + value.toBase64();
        parts.append(part);
    }
    return parts.join(',');
}

Core::Result<QHash<QString, QByteArray>> decodeTusMetadata(const QByteArray &header)
{
    QHash<QString, QByteArray> map;
    if (header.trimmed().isEmpty())
        return map;
    for (const QByteArray &rawPart : header.split(',')) {
        const QByteArray part = rawPart.trimmed();
        const qsizetype space = part.indexOf(' ');
        const QByteArray key = space < 0 ? part : part.left(space);
        if (key.isEmpty())
            return invalid(QStringLiteral("Upload-Metadata"), QStringLiteral("empty key"));
        QByteArray value;
        if (space >= 0) {
            const auto decoded = QByteArray::fromBase64Encoding(
                part.mid(space + 1).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return invalid(QStringLiteral("Upload-Metadata"), QStringLiteral("bad base64"));
            value = *decoded;
        }
        map.insert(QString::fromLatin1(key), value);
    }
    return map;
}

Core::Result<qint64> parseHeaderInteger(const QByteArray &value, const QString &what)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 18)
        return invalid(what, QStringLiteral("missing or too long"));
    for (char c : trimmed) {
        if (c < '0' || c > '9')
            return invalid(what, QStringLiteral("not a non-negative integer"));
    }
    return trimmed.toLongLong();
}

QDateTime parseHttpDate(const QByteArray &value)
{
    // Qt 6.4's Qt::RFC2822Date refuses the zone name "GMT", which HTTP requires.
    const QString text = QString::fromLatin1(value.trimmed());
    if (text.size() != 29 || !text.endsWith(QLatin1String(" GMT")))
        return {};
    QDateTime time
        = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    if (!time.isValid())
        return {};
    time.setTimeZone(QTimeZone::utc());
    return time;
}

QStringList parseHeaderList(const QByteArray &value)
{
    QStringList list;
    for (const QByteArray &part : value.split(',')) {
        const QString item = QString::fromLatin1(part.trimmed());
        if (!item.isEmpty())
            list.append(item);
    }
    return list;
}

Core::Result<ReservedSerialBlock> parseSerialBlock(const QByteArray &body)
{
    const auto invalidBlock = [](const QString &why) {
        return invalid(QStringLiteral("serial block"), why);
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject())
        return invalidBlock(QStringLiteral("not a JSON object"));
    const QJsonObject o = document.object();
    ReservedSerialBlock block;
    block.windowId = o.value(QLatin1String("windowId")).toString();
    block.serialPrefix = o.value(QLatin1String("serialPrefix")).toString();
    const QJsonValue first = o.value(QLatin1String("first"));
    const QJsonValue last = o.value(QLatin1String("last"));
    // Numbers up to 2^53 are exact in JSON doubles; serials stay far below.
    constexpr double kMax = 9007199254740991.0;
    if (!first.isDouble() || !last.isDouble()
        || first.toDouble() != double(qint64(first.toDouble()))
        || last.toDouble() != double(qint64(last.toDouble())) || first.toDouble() < 1
        || last.toDouble() > kMax)
        return invalidBlock(QStringLiteral("first and last must be positive integers"));
    block.first = qint64(first.toDouble());
    block.last = qint64(last.toDouble());
    static const QRegularExpression prefixPattern(QStringLiteral("^[A-Za-z0-9-]{1,64}$"));
    if (block.windowId.isEmpty() || !prefixPattern.match(block.serialPrefix).hasMatch()
        || block.last < block.first || block.last - block.first >= 100000)
        return invalidBlock(QStringLiteral("windowId, serialPrefix or the range is wrong"));
    return block;
}

} // namespace Tongban::Platform
