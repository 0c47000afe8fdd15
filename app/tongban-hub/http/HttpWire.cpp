#include "http/HttpWire.h"

#include <algorithm>

namespace Tongban::Hub::Wire {

namespace {

constexpr qsizetype MaxChunkLineBytes = 4 * 1024;

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

} // namespace

qsizetype findHeadEnd(QByteArrayView buffer, const HeadLimits &limits)
{
    const QByteArrayView seen = buffer.first(qMin(buffer.size(), limits.maxHeadBytes));
    const qsizetype lineEnd = seen.indexOf('\n');
    if ((lineEnd < 0 && seen.size() > limits.maxRequestLineBytes)
        || lineEnd > limits.maxRequestLineBytes)
        return -414;
    const qsizetype end = seen.indexOf(QByteArrayView("\r\n\r\n"));
    if (end >= 0)
        return end + 4;
    if (buffer.size() >= limits.maxHeadBytes)
        return -431;
    return 0;
}

QByteArray RequestHead::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

std::optional<RequestHead> parseHead(QByteArrayView head, const HeadLimits &limits, int *status)
{
    *status = 400;
    if (head.size() > limits.maxHeadBytes) {
        *status = 431;
        return std::nullopt;
    }
    RequestHead result;
    qsizetype pos = 0;
    bool first = true;
    while (pos < head.size()) {
        const qsizetype end = head.indexOf(QByteArrayView("\r\n"), pos);
        if (end < 0)
            return std::nullopt;
        const QByteArrayView line = head.sliced(pos, end - pos);
        pos = end + 2;
        if (first) {
            first = false;
            if (line.size() > limits.maxRequestLineBytes) {
                *status = 414;
                return std::nullopt;
            }
            const qsizetype sp1 = line.indexOf(' ');
            const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
            if (sp1 <= 0 || sp2 <= sp1 + 1 || line.indexOf(' ', sp2 + 1) >= 0)
                return std::nullopt;
            result.method = line.first(sp1).toByteArray();
            result.target = line.sliced(sp1 + 1, sp2 - sp1 - 1).toByteArray();
            result.version = line.sliced(sp2 + 1).toByteArray();
            if (!isToken(result.method) || !result.target.startsWith('/'))
                return std::nullopt;
            for (const char c : result.target) {
                if (uchar(c) <= 0x20 || uchar(c) >= 0x7f)
                    return std::nullopt;
            }
            if (result.version != "HTTP/1.1" && result.version != "HTTP/1.0") {
                if (result.version.startsWith("HTTP/"))
                    *status = 505;
                return std::nullopt;
            }
            continue;
        }
        if (line.isEmpty())
            break; // the empty line that ends the head
        if (result.headers.size() >= limits.maxHeaderCount) {
            *status = 431;
            return std::nullopt;
        }
        const qsizetype colon = line.indexOf(':');
        // No obsolete line folding, no space before the colon (RFC 9112 §5.1, §5.2).
        if (colon <= 0 || !isToken(line.first(colon)))
            return std::nullopt;
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        for (const char c : value) {
            if ((uchar(c) < 0x20 && c != '\t') || c == 0x7f)
                return std::nullopt;
        }
        result.headers.append({ line.first(colon).toByteArray(), value.toByteArray() });
    }
    if (first)
        return std::nullopt;
    if (result.version == "HTTP/1.1"
        && std::none_of(result.headers.cbegin(), result.headers.cend(),
            [](const auto &h) { return h.first.compare("Host", Qt::CaseInsensitive) == 0; }))
        return std::nullopt;
    *status = 0;
    return result;
}

std::optional<BodyFraming> bodyFraming(const RequestHead &head, int *status)
{
    *status = 400;
    BodyFraming framing;
    bool haveLength = false;
    bool haveEncoding = false;
    for (const auto &[name, value] : head.headers) {
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            const std::optional<qint64> length = parseNonNegative(value);
            if (!length || (haveLength && *length != framing.length))
                return std::nullopt;
            haveLength = true;
            framing.length = *length;
        } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            if (haveEncoding)
                return std::nullopt;
            haveEncoding = true;
            if (value.trimmed().compare("chunked", Qt::CaseInsensitive) != 0) {
                *status = 501;
                return std::nullopt;
            }
        }
    }
    if (haveEncoding && haveLength)
        return std::nullopt; // request smuggling shape (RFC 9112 §6.1): refused
    if (haveEncoding)
        framing.kind = BodyFraming::Chunked;
    else if (haveLength && framing.length > 0)
        framing.kind = BodyFraming::Length;
    *status = 0;
    return framing;
}

ChunkedDecoder::Result ChunkedDecoder::feed(
    QByteArrayView input, qsizetype *consumed, QByteArray *body)
{
    qsizetype pos = 0;
    const auto finish = [&](Result result) {
        *consumed = pos;
        return result;
    };
    while (pos < input.size()) {
        if (m_state == Data) {
            const qsizetype take = qsizetype(qMin<qint64>(m_remaining, input.size() - pos));
            body->append(input.sliced(pos, take));
            pos += take;
            m_remaining -= take;
            m_decoded += take;
            if (m_remaining == 0)
                m_state = DataEnd;
            continue;
        }
        // A line: chunk size, the CRLF after data, or a trailer field.
        const qsizetype newline = input.indexOf('\n', pos);
        const qsizetype end = newline < 0 ? input.size() : newline + 1;
        m_line.append(input.sliced(pos, end - pos));
        pos = end;
        if (m_line.size() > MaxChunkLineBytes)
            return finish(Malformed);
        if (newline < 0)
            return finish(NeedMore);
        if (!m_line.endsWith("\r\n"))
            return finish(Malformed);
        const QByteArray line = m_line.chopped(2);
        m_line.clear();
        switch (m_state) {
        case DataEnd:
            if (!line.isEmpty())
                return finish(Malformed);
            m_state = Size;
            break;
        case Size: {
            const qsizetype semicolon = line.indexOf(';'); // chunk extensions are ignored
            const QByteArray digits = (semicolon < 0 ? line : line.left(semicolon)).trimmed();
            if (digits.isEmpty() || digits.size() > 15)
                return finish(Malformed);
            bool ok = false;
            const qint64 size = digits.toLongLong(&ok, 16);
            if (!ok || size < 0)
                return finish(Malformed);
            if (m_decoded + size > m_maxBody)
                return finish(TooLarge);
            m_remaining = size;
            m_state = size == 0 ? Trailer : Data;
            break;
        }
        case Trailer:
            if (line.isEmpty())
                return finish(Done);
            break; // trailer fields are read and dropped
        case Data:
            break;
        }
    }
    return finish(NeedMore);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 423:
        return "Locked";
    case 428:
        return "Precondition Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 460:
        return "Checksum Mismatch";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

QByteArray serializeResponse(const HttpResponse &response, const QByteArray &method, bool close)
{
    const bool head = method == "HEAD";
    const bool noBody = response.status < 200 || response.status == 204 || response.status == 304;
    QByteArray out;
    out.reserve(256 + (head || noBody ? 0 : response.body.size()));
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status)
        + "\r\n";
    for (const auto &[name, value] : response.headers) {
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0
            || name.compare("Connection", Qt::CaseInsensitive) == 0)
            continue;
        out += name + ": " + value + "\r\n";
    }
    if (!noBody)
        out += "Content-Length: " + QByteArray::number(head ? 0 : response.body.size()) + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!head && !noBody)
        out += response.body;
    return out;
}

} // namespace Tongban::Hub::Wire
