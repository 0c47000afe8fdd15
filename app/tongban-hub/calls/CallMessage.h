#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Tongban::Hub {

/*!
 * One call-signalling message a window sends over the events WebSocket
 * (contract §11), validated. Pure: no I/O, fuzzed by fuzz_hub_request.
 */
struct CallMessage
{
    enum class Kind { Invalid, Invite, Accept, Decline, Cancel, Offer, Answer, Ice, Hangup, Share };

    Kind kind = Kind::Invalid;
    QString type; ///< the wire name, e.g. "call.offer"
    QString callId;
    QString itemCode; ///< invite
    QString caseId; ///< invite, optional
    QString materialId; ///< invite, optional
    QString sdp; ///< offer, answer
    QString candidate; ///< ice
    QString sdpMid; ///< ice, optional
    int sdpMLineIndex = -1; ///< ice, optional (-1: absent)
    QString data; ///< share: a page-sharing message (the data channel's fallback)
};

/// Limits of a call message's members.
namespace CallLimits {
inline constexpr qsizetype MaxIdChars = 100;
inline constexpr qsizetype MaxSdpChars = 64 * 1024;
inline constexpr qsizetype MaxCandidateChars = 2048;
/// A call.share message's data (Assist::PageShare's messages are at most 256 KiB of UTF-8).
inline constexpr qsizetype MaxShareChars = 200 * 1024;
} // namespace CallLimits

/*!
 * Validates \a message as a client → server call message. On failure
 * returns nullopt and sets \a problem to a JSON-pointer-style reason.
 * A message whose type does not start with "call." is not a call message
 * (problem "/type: ...").
 */
std::optional<CallMessage> parseCallMessage(const QJsonObject &message, QString *problem);

/// True for an id of 1..100 characters from [A-Za-z0-9._:-].
bool isPlausibleCallId(const QString &id);

} // namespace Tongban::Hub
