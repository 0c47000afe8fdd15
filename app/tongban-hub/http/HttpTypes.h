#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace Tongban::Hub {

/*!
 * One HTTP request as the hub's handlers see it, independent of the server
 * library, so that handlers and parsers are pure functions a test or a fuzz
 * target can call without a socket.
 */
struct HttpRequest
{
    QByteArray method; ///< upper case: GET, POST, PATCH, HEAD, ...
    QString path; ///< decoded path, e.g. /api/v1/uploads/abc
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peer; ///< the client's address (null when not from a socket)
    /// When its head was whole (steadyNs(); 0 when not from a socket): the line check.
    qint64 arrivedNs = 0;

    /// Value of the first header named \a name (case-insensitive); empty when absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
};

struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /// > 0: the HTTP layer writes the answer no faster than this (the line check's cap).
    double paceBitsPerSecond = 0;
    /// The pace counts from then (steadyNs(); 0 or later: from when writing starts).
    qint64 paceFromNs = 0;

    HttpResponse &addHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({ name, value });
        return *this;
    }
    QByteArray header(const QByteArray &name) const;
};

/*!
 * A request body taken as it arrives instead of kept in memory (issue 13: a tus PATCH may
 * carry a whole page file). The HTTP layer opens one after the head, once the handler has
 * accepted the request (ownership, offset, ...), and hands it the body in pieces of at most
 * 64 KiB. Exactly one of finish() (the whole body arrived: the answer) or abort() (the
 * connection closed, stalled or sent a malformed body: no answer) is called.
 */
class BodySink
{
public:
    virtual ~BodySink() = default;
    /// The next bytes of the body; false: stop reading, finish() says why.
    virtual bool write(QByteArrayView data) = 0;
    virtual HttpResponse finish() = 0;
    virtual void abort() = 0;
};

/// The JSON success body with Content-Type application/json; charset=utf-8.
HttpResponse jsonResponse(int status, const QJsonObject &body);
/// A response without a body (204, 304, tus answers).
HttpResponse emptyResponse(int status);
/*!
 * The contract's error body {"error": {"code", "message", "detail"}} (§1, §12).
 * \a message is the zh_CN human text; \a detail technical.
 */
HttpResponse errorResponse(
    int status, const QString &code, const QString &message, const QString &detail = {});

/// 500 internal; \a detail is logged (it never holds personal data).
HttpResponse internalError(const QString &detail);

/// A monotonic time in nanoseconds (std::chrono::steady_clock), for HttpRequest::arrivedNs.
qint64 steadyNs();

/// Limits of the contract (§1, §6).
namespace Limits {
inline constexpr qsizetype MaxJsonBodyBytes = 1024 * 1024;
inline constexpr qsizetype MaxChunkBytes = 8 * 1024 * 1024; ///< a recording chunk (§11.1)
inline constexpr qint64 MaxUploadBytes = 64 * 1024 * 1024;
/// The largest tus PATCH (§6): a whole page file. Streamed to disk, never buffered; the
/// upload's own Upload-Length - Upload-Offset is the real cap of each PATCH.
inline constexpr qint64 MaxPatchBytes = MaxUploadBytes;
} // namespace Limits

// Pure parsing functions (no I/O), the surface a fuzz target exercises.

/*!
 * Parses a JSON request body into an object: nullopt (with \a error set to an
 * HttpResponse 400/413) when it is too large, not JSON or not an object.
 */
std::optional<QJsonObject> parseJsonBody(const QByteArray &body, HttpResponse *error);

/// The token of "Authorization: Bearer <token>"; empty when absent or malformed.
QByteArray parseBearer(const QByteArray &authorization);

/*!
 * Decodes tus Upload-Metadata ("key base64,key2 base64"); nullopt when
 * malformed (bad base64, empty or duplicate key, key with spaces).
 */
std::optional<QMap<QString, QByteArray>> parseTusMetadata(const QByteArray &header);

/// A non-negative decimal header value (Upload-Offset, Upload-Length); nullopt otherwise.
std::optional<qint64> parseNonNegative(const QByteArray &value);

struct TusChecksum
{
    QByteArray algorithm;
    QByteArray digest; ///< raw bytes (decoded from base64)
};
/// "sha256 <base64>"; nullopt when malformed.
std::optional<TusChecksum> parseTusChecksum(const QByteArray &header);

/// True when \a text is 64 lower- or upper-case hex digits.
bool isSha256Hex(const QString &text);

/// RFC 3339 with offset, in China Standard Time (the platform's zone).
QString rfc3339(const QDateTime &time);
/// RFC 7231 IMF-fixdate, for Upload-Expires.
QByteArray httpDate(const QDateTime &time);

} // namespace Tongban::Hub
