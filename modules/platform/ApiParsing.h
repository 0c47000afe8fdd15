#pragma once

#include <core/Result.h>

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

/*!
 * Pure parsers of the platform's answers (docs/platform-api.md). They take raw
 * bytes from the network, never trust them, and never crash: anything that is
 * not what the contract promises gives InvalidResponse. No I/O, no Qt event
 * loop: safe for libFuzzer targets and for any thread.
 */
namespace Tongban::Platform {

/// The largest body any parser accepts (and ApiClient reads), 16 MiB.
inline constexpr qint64 kMaxResponseBytes = 16 * 1024 * 1024;

/// `{"error": {"code", "message", "detail"}}` (§1).
struct PlatformErrorBody
{
    QString code;
    QString message; ///< zh_CN from the server; logged, never branched on
    QString detail;
};

struct Jurisdiction
{
    QString code;
    QString name;
};

struct WindowInfo
{
    QString id;
    QString name;
    Jurisdiction jurisdiction;
};

/// The `clerk` object of §2.
struct ClerkInfo
{
    QString account;
    QString name;
    QString role;
    WindowInfo window;
};

/// Answer of POST /session and POST /session/refresh (the latter has no clerk).
struct SessionTokens
{
    QByteArray accessToken;
    QByteArray refreshToken;
    qint64 expiresInSecs = 0;
    qint64 refreshExpiresInSecs = 0;
    ClerkInfo clerk;
    /// The windows whose sessions of this account this sign-in ended (§2 "replaced"; an
    /// empty id for a session without a window).
    QStringList replacedWindows;
};

/*!
 * Where and when the account signed in anew, ending this session (§2, §10): the
 * live message session.replaced, or the replacedBy member of a 401
 * session_replaced. No personal data.
 */
struct SessionReplacement
{
    QString windowId; ///< may be empty (a session without a window)
    QString windowName;
    QDateTime at; ///< invalid when the platform did not say
};

/// The {windowId, windowName, at} object of session.replaced / replacedBy; never fails.
SessionReplacement parseSessionReplaced(const QJsonObject &object);

/// Answer of POST /cases (§5).
struct CaseCreated
{
    QString caseId;
    QString status;
    QStringList missingPages; ///< clientPageIds the server still needs
};

/// Answer of POST /cases/{id}/submit (§5).
struct CaseSubmitted
{
    QString caseId;
    QString status;
    QString caseNumber;
};

/// One entry of GET /results (§7).
struct ResultInfo
{
    QString resultId;
    QString caseId;
    QString caseNumber;
    QString decision; ///< "accepted" or "rejected"
    QString reasons;
    QDateTime issuedAt;
    QString documentSha256; ///< lowercase hex
};

/// One WebSocket message from the server (§10).
struct EventMessage
{
    enum Kind { Unknown = 0, Welcome, Event, Ping, ServerError };
    Kind kind = Unknown;
    qint64 id = 0; ///< Event: its id
    qint64 lastId = 0; ///< Welcome: the server's last event id
    QString type; ///< "welcome", "result.issued", ...
    QDateTime at;
    QJsonObject data;
    QJsonObject raw;
    /// ServerError ({"type": "error", "error": {...}}, e.g. a refused hello): its error.
    PlatformErrorBody error;
};

/// The data of a `result.issued` event (§7, §10): resultId and caseId are required.
struct ResultIssued
{
    QString resultId;
    QString caseId;
    QString caseNumber; ///< when the platform sends it
    QString decision; ///< when the platform sends it
};

/// Answer of POST /cases/{caseId}/mailings (§8).
struct MailingCreated
{
    QString mailingId;
};

/// Answer of POST /guide-reports (§9).
struct GuideReportCreated
{
    QString reportId;
};

Core::Result<PlatformErrorBody> parseErrorBody(const QByteArray &body);
Core::Result<SessionTokens> parseSession(const QByteArray &body);
Core::Result<ClerkInfo> parseClerk(const QJsonObject &clerk);
Core::Result<CaseCreated> parseCaseCreated(const QByteArray &body);
Core::Result<CaseSubmitted> parseCaseSubmitted(const QByteArray &body);
Core::Result<QList<ResultInfo>> parseResults(const QByteArray &body);
Core::Result<EventMessage> parseEventMessage(const QByteArray &message);
/// The data object of a result.issued event; ids must be non-empty printable strings.
Core::Result<ResultIssued> parseResultIssued(const QJsonObject &data);
Core::Result<MailingCreated> parseMailingCreated(const QByteArray &body);
Core::Result<GuideReportCreated> parseGuideReportCreated(const QByteArray &body);
/// An id the platform gave (resultId, caseId, ...): 1..200 characters, no control
/// characters, no '/'. Such ids are safe to put, percent-encoded, in a request path.
bool isPlausibleId(const QString &id);

/// A JSON object body, or InvalidResponse naming \a what.
Core::Result<QJsonObject> parseJsonObject(const QByteArray &body, const QString &what);

/*!
 * The Error for a non-2xx answer: the module code for the machine code, a
 * translated message for the clerk, and "http=<status> code=<machine code>
 * detail=<server detail>" as detail. A body that is not the error shape still
 * gives a clear error for the status.
 */
Core::Error errorFromResponse(int httpStatus, const QByteArray &body);

/// Upload-Metadata encoding (tus 1.0): "key base64,key base64". Keys must be ASCII without
/// spaces or commas.
QByteArray encodeTusMetadata(const QList<QPair<QString, QByteArray>> &pairs);
Core::Result<QHash<QString, QByteArray>> decodeTusMetadata(const QByteArray &header);
/// A non-negative decimal header value such as Upload-Offset / Upload-Length.
Core::Result<qint64> parseHeaderInteger(const QByteArray &value, const QString &what);
/// An HTTP date in the IMF-fixdate form every server sends (RFC 9110 §5.6.7:
/// "Tue, 24 Nov 2026 06:30:00 GMT"), in UTC; invalid for anything else.
QDateTime parseHttpDate(const QByteArray &value);
/// A comma-separated header value, trimmed, empty entries dropped.
QStringList parseHeaderList(const QByteArray &value);

/// A block of serial numbers the platform reserved for a window (§3.1).
struct ReservedSerialBlock
{
    QString windowId;
    QString serialPrefix; ///< e.g. 410402-TB-03
    qint64 first = 0;
    qint64 last = 0;
};

/// The answer of POST /windows/{windowId}/serial-blocks; InvalidResponse unless it is one.
Core::Result<ReservedSerialBlock> parseSerialBlock(const QByteArray &body);

} // namespace Tongban::Platform
