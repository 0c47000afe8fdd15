#pragma once

#include "http/HttpTypes.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace Tongban::Hub {

/*!
 * The HTTP/1.1 wire format the hub reads and writes (RFC 9112), as pure functions and a
 * small state machine, so that the limits hold before a byte is kept and a fuzz target can
 * drive them without a socket. HubHttpServer feeds them as bytes arrive.
 */
namespace Wire {

/// Caps of a request head (request line and header fields).
struct HeadLimits
{
    qsizetype maxRequestLineBytes = 8 * 1024;
    qsizetype maxHeadBytes = 32 * 1024; ///< request line, fields and the empty line
    int maxHeaderCount = 100;
};

/// Where a request head ends in \a buffer (the index after "\r\n\r\n"), 0 when it has not
/// arrived yet, or -status (414 request line too long, 431 head too large) when the bytes
/// seen so far already break \a limits. Looks at most at maxHeadBytes bytes.
qsizetype findHeadEnd(QByteArrayView buffer, const HeadLimits &limits);

struct RequestHead
{
    QByteArray method;
    QByteArray target; ///< origin-form /path?query as sent
    QByteArray version; ///< HTTP/1.1 or HTTP/1.0
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray header(const QByteArray &name) const;
};

/// Parses a complete head (as delimited by findHeadEnd); nullopt with \a status (400, 431,
/// 505) when it is malformed.
std::optional<RequestHead> parseHead(QByteArrayView head, const HeadLimits &limits, int *status);

/// How the body of \a head is framed: none, a Content-Length or chunked.
struct BodyFraming
{
    enum Kind { None, Length, Chunked } kind = None;
    qint64 length = 0;
};
/// nullopt with \a status (400 conflicting or bad lengths, 501 another transfer coding).
std::optional<BodyFraming> bodyFraming(const RequestHead &head, int *status);

/*!
 * Decodes a chunked body as it arrives (RFC 9112 §7.1), appending the data to the body it
 * is given and never keeping more than \a maxBody bytes of data nor more than a line of
 * framing (a chunk-size line or a trailer field, each at most 4 KiB).
 */
class ChunkedDecoder
{
public:
    explicit ChunkedDecoder(qint64 maxBody)
        : m_maxBody(maxBody)
    { }
    enum Result { NeedMore, Done, Malformed, TooLarge };
    /// Consumes bytes from \a input (how many in \a consumed) and appends data to \a body
    /// (which the caller may empty between calls: the cap counts all data decoded).
    Result feed(QByteArrayView input, qsizetype *consumed, QByteArray *body);

private:
    enum State { Size, Data, DataEnd, Trailer };
    State m_state = Size;
    qint64 m_maxBody;
    qint64 m_remaining = 0;
    qint64 m_decoded = 0; ///< data bytes so far (the body may be handed on piece by piece)
    QByteArray m_line;
};

/// The reason phrase of \a status ("Not Found"; tus' 460 "Checksum Mismatch").
QByteArray reasonPhrase(int status);

/*!
 * The bytes of \a response as an answer to a request with \a method: status line, fields,
 * Content-Length (none for 1xx, 204, 304), "Connection: close" when \a close, and the body
 * (none for HEAD).
 */
QByteArray serializeResponse(const HttpResponse &response, const QByteArray &method, bool close);

} // namespace Wire
} // namespace Tongban::Hub
