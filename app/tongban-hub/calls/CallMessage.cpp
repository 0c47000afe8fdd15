#include "CallMessage.h"

#include <QJsonValue>

namespace Tongban::Hub {

namespace {

using Kind = CallMessage::Kind;

Kind kindOf(const QString &type)
{
    static const struct
    {
        const char *name;
        Kind kind;
    } kinds[] = { { "call.invite", Kind::Invite }, { "call.accept", Kind::Accept },
        { "call.decline", Kind::Decline }, { "call.cancel", Kind::Cancel },
        { "call.offer", Kind::Offer }, { "call.answer", Kind::Answer }, { "call.ice", Kind::Ice },
        { "call.hangup", Kind::Hangup }, { "call.share", Kind::Share } };
    for (const auto &entry : kinds) {
        if (type == QLatin1String(entry.name))
            return entry.kind;
    }
    return Kind::Invalid;
}

/// A string member of at most \a maxChars; \a required: also non-empty.
bool stringMember(
    const QJsonObject &object, const char *key, qsizetype maxChars, bool required, QString *out)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull()) {
        out->clear();
        return !required;
    }
    if (!value.isString())
        return false;
    *out = value.toString();
    if (out->size() > maxChars)
        return false;
    return !required || !out->isEmpty();
}

} // namespace

bool isPlausibleCallId(const QString &id)
{
    if (id.isEmpty() || id.size() > CallLimits::MaxIdChars)
        return false;
    for (const QChar c : id) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.')
            || c == QLatin1Char('_') || c == QLatin1Char(':') || c == QLatin1Char('-');
        if (!ok)
            return false;
    }
    return true;
}

std::optional<CallMessage> parseCallMessage(const QJsonObject &message, QString *problem)
{
    CallMessage parsed;
    parsed.type = message.value(QLatin1String("type")).toString();
    parsed.kind = kindOf(parsed.type);
    if (parsed.kind == Kind::Invalid) {
        *problem = QStringLiteral("/type: not a call message this server accepts");
        return std::nullopt;
    }
    parsed.callId = message.value(QLatin1String("callId")).toString();
    if (!isPlausibleCallId(parsed.callId)) {
        *problem = QStringLiteral("/callId: 1 to 100 characters of A-Z a-z 0-9 . _ : -");
        return std::nullopt;
    }
    switch (parsed.kind) {
    case Kind::Invite:
        if (!stringMember(message, "itemCode", 64, true, &parsed.itemCode)) {
            *problem = QStringLiteral("/itemCode: required");
            return std::nullopt;
        }
        if (!stringMember(message, "caseId", CallLimits::MaxIdChars, false, &parsed.caseId)
            || !stringMember(
                message, "materialId", CallLimits::MaxIdChars, false, &parsed.materialId)) {
            *problem = QStringLiteral("/caseId, /materialId: strings of at most 100 characters");
            return std::nullopt;
        }
        break;
    case Kind::Offer:
    case Kind::Answer:
        if (!stringMember(message, "sdp", CallLimits::MaxSdpChars, true, &parsed.sdp)) {
            *problem = QStringLiteral("/sdp: required, at most 64 KiB");
            return std::nullopt;
        }
        break;
    case Kind::Ice: {
        // An empty candidate is legal: it signals the end of candidates.
        if (!stringMember(
                message, "candidate", CallLimits::MaxCandidateChars, false, &parsed.candidate)
            || !message.value(QLatin1String("candidate")).isString()) {
            *problem = QStringLiteral("/candidate: required string, at most 2048 characters");
            return std::nullopt;
        }
        if (!stringMember(message, "sdpMid", 64, false, &parsed.sdpMid)) {
            *problem = QStringLiteral("/sdpMid: a string of at most 64 characters");
            return std::nullopt;
        }
        const QJsonValue index = message.value(QLatin1String("sdpMLineIndex"));
        if (!index.isUndefined() && !index.isNull()) {
            const double number = index.toDouble(-1);
            if (!index.isDouble() || number < 0 || number > 255 || number != double(int(number))) {
                *problem = QStringLiteral("/sdpMLineIndex: an integer 0..255");
                return std::nullopt;
            }
            parsed.sdpMLineIndex = int(number);
        }
        break;
    }
    case Kind::Share:
        if (!stringMember(message, "data", CallLimits::MaxShareChars, true, &parsed.data)) {
            *problem = QStringLiteral("/data: required, at most 200 KiB");
            return std::nullopt;
        }
        break;
    default:
        break;
    }
    return parsed;
}

} // namespace Tongban::Hub
