#include "HubHttpServer.h"

#include "HubErrors.h"
#include "Logging.h"
#include "http/HttpWire.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSslCipher>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace Tongban::Hub {

namespace {

constexpr auto EventsPath = "/api/v1/events";

/// See HubHttpServer: acknowledge at once; not sticky, so set again when data arrives.
void quickAck(qintptr descriptor)
{
    const int on = 1;
    ::setsockopt(int(descriptor), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
    ::setsockopt(int(descriptor), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

class Listener : public QTcpServer
{
public:
    Listener(std::function<void(qintptr)> accept, QObject *parent)
        : QTcpServer(parent)
        , m_accept(std::move(accept))
    { }

protected:
    void incomingConnection(qintptr descriptor) override { m_accept(descriptor); }

private:
    std::function<void(qintptr)> m_accept;
};

/// One address per client, IPv4-mapped IPv6 addresses as IPv4.
QString addressKey(const QHostAddress &address)
{
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(v4).toString() : address.toString();
}

HttpResponse limitError(int status)
{
    switch (status) {
    case 413:
        return errorResponse(413, QStringLiteral("body_too_large"), QStringLiteral("请求内容过大"),
            QStringLiteral("body over the route's limit"));
    case 414:
        return errorResponse(414, QStringLiteral("request_line_too_long"),
            QStringLiteral("请求地址过长"), QStringLiteral("request line over the limit"));
    case 431:
        return errorResponse(431, QStringLiteral("headers_too_large"), QStringLiteral("请求头过大"),
            QStringLiteral("request head over the limit"));
    case 501:
        return errorResponse(501, QStringLiteral("not_implemented"),
            QStringLiteral("不支持的传输编码"), QStringLiteral("only chunked is understood"));
    case 505:
        return errorResponse(
            505, QStringLiteral("http_version_not_supported"), QStringLiteral("仅支持 HTTP/1.1"));
    default:
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("请求格式错误"),
            QStringLiteral("malformed HTTP request"));
    }
}

} // namespace

/*!
 * One client connection: reads a request at a time under the server's limits, hands it to
 * the handler and writes the answer. Deletes itself (and its socket) when the socket closes,
 * except for a WebSocket upgrade, where the socket goes to the QWebSocketServer.
 */
class HttpConnection : public QObject
{
public:
    HttpConnection(HubHttpServer &server, QTcpSocket *socket, const QString &address)
        : QObject(&server)
        , m_server(server)
        , m_socket(socket)
        , m_address(address)
    {
        const HttpLimits &limits = m_server.m_limits;
        m_headLimits.maxRequestLineBytes = limits.maxRequestLineBytes;
        m_headLimits.maxHeadBytes = limits.maxHeadBytes;
        m_headLimits.maxHeaderCount = limits.maxHeaderCount;
        socket->setParent(this);
        // Never more than a head (or a piece of body) in memory: the rest waits in the kernel.
        socket->setReadBufferSize(qMax<qint64>(limits.maxHeadBytes, 64 * 1024));
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] { timedOut(); });
        const qintptr descriptor = socket->socketDescriptor();
        connect(socket, &QTcpSocket::readyRead, this, [this, descriptor] {
            quickAck(descriptor);
            if (m_state == State::Closing)
                m_socket->skip(m_socket->bytesAvailable()); // drained, never kept
            else
                process();
        });
        connect(socket, &QTcpSocket::bytesWritten, this, [this] {
            const bool pending = m_socket->bytesToWrite() > 0;
            if (m_state == State::Closing && !pending)
                lingerAfterWrite();
            else if (m_state == State::Closing || m_state == State::Idle)
                m_timer.start(
                    pending ? m_server.m_limits.writeTimeoutMs : m_server.m_limits.idleTimeoutMs);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this] { finished(); });
        connect(socket, &QAbstractSocket::errorOccurred, this, [this] {
            if (m_socket->state() != QAbstractSocket::ConnectedState)
                finished();
        });
        m_state = State::Head; // a fresh connection owes its head within the header timeout
        m_timer.start(limits.headerTimeoutMs);
    }

    ~HttpConnection() override
    {
        dropBody();
        m_server.released(m_address);
    }

    void startTls(const QSslConfiguration &configuration)
    {
        auto *ssl = static_cast<QSslSocket *>(m_socket);
        ssl->setSslConfiguration(configuration);
        connect(ssl, &QSslSocket::encrypted, this, [this] { process(); });
        connect(ssl, &QSslSocket::sslErrors, this, [this] { m_socket->abort(); });
        ssl->startServerEncryption();
    }

private:
    enum class State { Head, Body, Handling, Idle, Closing, Gone };

    void process()
    {
        while (m_state == State::Head || m_state == State::Body || m_state == State::Idle) {
            if (m_socket->bytesAvailable() <= 0)
                return;
            if (m_state == State::Idle) {
                m_state = State::Head;
                m_timer.start(m_server.m_limits.headerTimeoutMs);
            }
            if (m_state == State::Head && !readHead())
                return;
            if (m_state == State::Body && !readBody())
                return;
        }
    }

    /// False when it must wait (or the connection is done with).
    bool readHead()
    {
        const QByteArray seen = m_socket->peek(m_headLimits.maxHeadBytes);
        const qsizetype end = Wire::findHeadEnd(seen, m_headLimits);
        if (end < 0) {
            refuse(int(-end));
            return false;
        }
        if (end == 0)
            return false;
        int status = 0;
        std::optional<Wire::RequestHead> head
            = Wire::parseHead(QByteArrayView(seen).first(end), m_headLimits, &status);
        if (!head) {
            refuse(status);
            return false;
        }
        const QUrl url(QString::fromLatin1(head->target));
        if (!url.isValid()) {
            refuse(400);
            return false;
        }
        m_request = HttpRequest {};
        m_request.method = head->method.toUpper();
        m_request.path = url.path(QUrl::FullyDecoded);
        m_request.query = QUrlQuery(url.query(QUrl::FullyEncoded));
        m_request.headers = head->headers;
        m_request.peer = QHostAddress(m_address);
        m_request.arrivedNs = steadyNs();
        m_close = head->version == "HTTP/1.0"
            ? head->header("Connection").toLower() != "keep-alive"
            : head->header("Connection").toLower().contains("close");

        if (head->header("Upgrade").toLower() == "websocket" && m_request.method == "GET"
            && m_request.path == QLatin1String(EventsPath)) {
            upgrade(); // the head stays in the socket for the WebSocket handshake
            return false;
        }
        m_socket->skip(end);

        const std::optional<Wire::BodyFraming> framing = Wire::bodyFraming(*head, &status);
        if (!framing) {
            refuse(status);
            return false;
        }
        m_framing = *framing;
        m_bodyLimit = m_server.m_bodyLimit(m_request.method, m_request.path);
        if (m_framing.kind == Wire::BodyFraming::Length && m_framing.length > m_bodyLimit) {
            refuse(413); // before a byte of the body is read
            return false;
        }
        if (m_framing.kind == Wire::BodyFraming::None) {
            dispatch();
            return false;
        }
        if (m_server.m_streamer) {
            // The handler decides (ownership, offset, ...) before a byte of the body is read.
            std::optional<HttpResponse> refusal;
            m_sink = m_server.m_streamer(m_request, &refusal);
            if (!m_sink && refusal) {
                m_state = State::Handling;
                m_close = true; // the body stays unread
                const QByteArray method = m_request.method;
                respond(method, std::move(*refusal));
                return false;
            }
        }
        if (!m_sink && m_framing.kind == Wire::BodyFraming::Length && !reserve(m_framing.length)) {
            refuseBusy();
            return false;
        }
        if (head->header("Expect").toLower() == "100-continue")
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        m_chunked = Wire::ChunkedDecoder(m_bodyLimit);
        m_state = State::Body;
        m_timer.start(m_server.m_limits.bodyProgressTimeoutMs);
        return true;
    }

    bool readBody()
    {
        const qint64 available = m_socket->bytesAvailable();
        if (available <= 0)
            return false;
        m_timer.start(m_server.m_limits.bodyProgressTimeoutMs); // progress
        if (m_sink)
            return streamBody(available);
        if (m_framing.kind == Wire::BodyFraming::Length) {
            const qint64 want = m_framing.length - m_request.body.size();
            m_request.body.append(m_socket->read(qMin(want, available)));
            if (m_request.body.size() < m_framing.length)
                return false;
            dispatch();
            return false;
        }
        const QByteArray piece = m_socket->peek(qMin<qint64>(available, 64 * 1024));
        qsizetype consumed = 0;
        const Wire::ChunkedDecoder::Result result
            = m_chunked.feed(piece, &consumed, &m_request.body);
        m_socket->skip(consumed);
        if (m_request.body.size() > m_reserved && !reserve(m_request.body.size() - m_reserved)) {
            refuseBusy();
            return false;
        }
        switch (result) {
        case Wire::ChunkedDecoder::NeedMore:
            return true;
        case Wire::ChunkedDecoder::Done:
            dispatch();
            return false;
        case Wire::ChunkedDecoder::TooLarge:
            refuse(413);
            return false;
        case Wire::ChunkedDecoder::Malformed:
            refuse(400);
            return false;
        }
        return false;
    }

    /// A body that goes to m_sink as it arrives: never more than a socket buffer in memory.
    bool streamBody(qint64 available)
    {
        Wire::ChunkedDecoder::Result result = Wire::ChunkedDecoder::NeedMore;
        bool written = true;
        if (m_framing.kind == Wire::BodyFraming::Length) {
            const QByteArray piece = m_socket->read(
                qMin(m_framing.length - m_streamed, qMin<qint64>(available, Piece)));
            m_streamed += piece.size();
            written = m_sink->write(piece);
            if (m_streamed == m_framing.length)
                result = Wire::ChunkedDecoder::Done;
        } else {
            const QByteArray piece = m_socket->peek(qMin<qint64>(available, Piece));
            qsizetype consumed = 0;
            QByteArray data;
            result = m_chunked.feed(piece, &consumed, &data);
            m_socket->skip(consumed);
            m_streamed += data.size();
            if (!data.isEmpty())
                written = m_sink->write(data);
        }
        if (!written || result == Wire::ChunkedDecoder::Done) {
            // Done, or the sink stopped (over the upload's length, a disk error): its answer.
            m_state = State::Handling;
            m_timer.stop();
            std::unique_ptr<BodySink> sink = std::move(m_sink);
            if (!written)
                m_close = true; // the rest of the body stays unread
            const QByteArray method = m_request.method;
            respond(method, sink->finish());
            return false;
        }
        switch (result) {
        case Wire::ChunkedDecoder::TooLarge:
            refuse(413);
            return false;
        case Wire::ChunkedDecoder::Malformed:
            refuse(400);
            return false;
        default:
            return true;
        }
    }

    bool reserve(qint64 bytes)
    {
        if (!m_server.reserveBody(bytes))
            return false;
        m_reserved += bytes;
        return true;
    }

    /// The body in hand is let go: its memory reservation, or its sink (aborted: it keeps
    /// what is durable).
    void dropBody()
    {
        if (m_reserved > 0)
            m_server.releaseBody(m_reserved);
        m_reserved = 0;
        m_streamed = 0;
        if (std::unique_ptr<BodySink> sink = std::move(m_sink))
            sink->abort();
    }

    /// 503 with Retry-After: bodies in memory over the hub's budget (issue 13).
    void refuseBusy()
    {
        if (m_server.m_busyRefused++ % 1000 == 0) {
            qCWarning(lcHub) << "request body refused: bodies in memory over the budget ("
                             << m_server.m_buffered << "bytes)";
        }
        m_state = State::Handling;
        m_close = true;
        HttpResponse busy = errorResponse(503, QStringLiteral("unavailable"),
            QStringLiteral("平台繁忙，请稍后重试"),
            QStringLiteral("request bodies in memory over the hub's budget"));
        busy.addHeader(QByteArrayLiteral("Retry-After"),
            QByteArray::number(m_server.m_limits.busyRetryAfterSecs));
        const QByteArray method = m_request.method.isEmpty() ? QByteArray("GET") : m_request.method;
        respond(method, busy);
    }

    void dispatch()
    {
        m_state = State::Handling;
        m_timer.stop();
        const QByteArray method = m_request.method;
        QPointer<HttpConnection> self(this);
        m_server.m_handler(std::move(m_request), [self, method](HttpResponse response) {
            if (self)
                self->respond(method, std::move(response));
        });
    }

    void respond(const QByteArray &method, HttpResponse response)
    {
        if (m_state != State::Handling)
            return;
        if (method == "HEAD" && response.status >= 400) {
            // A HEAD answer has no body (RFC 9110): the machine code of §1 travels
            // in the Tongban-Error header instead.
            const QByteArray code = QJsonDocument::fromJson(response.body)
                                        .object()
                                        .value(QLatin1String("error"))
                                        .toObject()
                                        .value(QLatin1String("code"))
                                        .toString()
                                        .toLatin1();
            if (!code.isEmpty() && response.header(QByteArrayLiteral("Tongban-Error")).isEmpty())
                response.addHeader(QByteArrayLiteral("Tongban-Error"), code);
        }
        const QByteArray wire = Wire::serializeResponse(response, method, m_close);
        if (response.paceBitsPerSecond > 0) {
            writePaced(wire, response.paceBitsPerSecond, response.paceFromNs);
            return;
        }
        m_socket->write(wire);
        written();
    }

    /// The line check's answers (issue 16): written in slices every 5 ms, no faster than
    /// \a bitsPerSecond; the connection takes no other request meanwhile.
    void writePaced(const QByteArray &wire, double bitsPerSecond, qint64 fromNs)
    {
        auto *timer = new QTimer(this);
        timer->setTimerType(Qt::PreciseTimer);
        const qint64 startNs = fromNs > 0 ? qMin(fromNs, steadyNs()) : steadyNs();
        auto offset = std::make_shared<qsizetype>(0);
        const auto tick = [this, timer, wire, bitsPerSecond, startNs, offset] {
            if (m_state != State::Handling) { // closed meanwhile
                timer->stop();
                timer->deleteLater();
                return;
            }
            const double seconds = double(steadyNs() - startNs) / 1e9;
            const qsizetype due
                = qMin<qsizetype>(wire.size(), qsizetype(seconds * bitsPerSecond / 8.0));
            if (due > *offset) {
                m_socket->write(wire.constData() + *offset, due - *offset);
                *offset = due;
            }
            if (*offset == wire.size()) {
                timer->stop();
                timer->deleteLater();
                written();
            }
        };
        connect(timer, &QTimer::timeout, this, tick);
        timer->start(5);
        QTimer::singleShot(0, timer, tick); // the first slice at once
    }

    /// After the whole answer went to the socket: close, or wait for the next request.
    void written()
    {
        m_request = HttpRequest {};
        dropBody();
        if (m_close) {
            closeAfterWrite();
            return;
        }
        m_state = State::Idle;
        m_timer.start(m_socket->bytesToWrite() > 0 ? m_server.m_limits.writeTimeoutMs
                                                   : m_server.m_limits.idleTimeoutMs);
        // A pipelined request may already wait in the buffer.
        QMetaObject::invokeMethod(
            this, [this] { process(); }, Qt::QueuedConnection);
    }

    /// Answers \a status (a limit or a malformed request) and closes: the rest is not read.
    void refuse(int status)
    {
        dropBody(); // a streamed body cut short keeps what is durable
        m_state = State::Handling;
        m_close = true;
        const QByteArray method = m_request.method.isEmpty() ? QByteArray("GET") : m_request.method;
        qCDebug(lcHub) << "request refused with" << status << "from" << m_address;
        respond(method, limitError(status));
    }

    /// Writes the answer, then closes: what the client still sends is drained (not kept) for
    /// a moment so that it can read the answer instead of a reset.
    void closeAfterWrite()
    {
        m_state = State::Closing;
        m_timer.start(m_server.m_limits.writeTimeoutMs);
        if (m_socket->bytesAvailable() > 0)
            m_socket->skip(m_socket->bytesAvailable());
    }

    void lingerAfterWrite()
    {
        if (m_lingering)
            return;
        m_lingering = true;
        if (qobject_cast<QSslSocket *>(m_socket))
            m_socket->disconnectFromHost();
        else
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
        m_timer.start(qMin(1000, m_server.m_limits.writeTimeoutMs));
    }

    void timedOut()
    {
        switch (m_state) {
        case State::Head:
        case State::Body:
            qCDebug(lcHub) << "slow request from" << m_address << "closed";
            m_socket->abort();
            break;
        case State::Idle:
        case State::Closing:
            m_socket->abort();
            break;
        case State::Handling:
        case State::Gone:
            break;
        }
        finished();
    }

    void upgrade()
    {
        m_state = State::Gone;
        m_timer.stop();
        disconnect(m_socket, nullptr, this, nullptr);
        QTcpSocket *socket = m_socket;
        m_socket = nullptr;
        socket->setParent(nullptr);
        // The socket keeps its slot of the address until it is destroyed.
        m_server.m_perAddress[m_address] += 1;
        m_server.m_total += 1;
        QPointer<HubHttpServer> server(&m_server);
        const QString address = m_address;
        connect(socket, &QObject::destroyed, &m_server, [server, address] {
            if (server)
                server->released(address);
        });
        m_server.m_webSocketServer->handleConnection(socket);
        deleteLater();
    }

    void finished()
    {
        if (m_state == State::Gone)
            return;
        m_state = State::Gone;
        m_timer.stop();
        dropBody();
        deleteLater();
    }

    HubHttpServer &m_server;
    QTcpSocket *m_socket;
    QString m_address;
    Wire::HeadLimits m_headLimits;
    QTimer m_timer;
    State m_state = State::Head;
    HttpRequest m_request;
    Wire::BodyFraming m_framing;
    Wire::ChunkedDecoder m_chunked { 0 };
    qint64 m_bodyLimit = 0;
    static constexpr qint64 Piece = 64 * 1024;
    std::unique_ptr<BodySink> m_sink; ///< a streamed body's destination
    qint64 m_streamed = 0; ///< body bytes handed to m_sink
    qint64 m_reserved = 0; ///< body bytes counted against the server's memory budget
    bool m_close = false;
    bool m_lingering = false;
};

HubHttpServer::HubHttpServer(const HttpLimits &limits, Handler handler, BodyLimit bodyLimit,
    WebSocketHandler webSockets, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_handler(std::move(handler))
    , m_bodyLimit(std::move(bodyLimit))
    , m_webSockets(std::move(webSockets))
{
    m_webSocketServer = new QWebSocketServer(
        QStringLiteral("tongban-hub"), QWebSocketServer::NonSecureMode, this);
    m_webSocketServer->setHandshakeTimeout(limits.headerTimeoutMs);
    connect(m_webSocketServer, &QWebSocketServer::newConnection, this, [this] {
        while (m_webSocketServer->hasPendingConnections()) {
            std::unique_ptr<QWebSocket> socket(m_webSocketServer->nextPendingConnection());
            // Limits of the events socket (issue 13): QWebSocket checks a frame's length
            // before it reads its payload and closes with 1009.
            socket->setMaxAllowedIncomingFrameSize(quint64(m_limits.maxWebSocketFrameBytes));
            socket->setMaxAllowedIncomingMessageSize(quint64(m_limits.maxWebSocketMessageBytes));
            m_webSockets(std::move(socket));
        }
    });
}

HubHttpServer::~HubHttpServer()
{
    // Connections tell this server when they go: before its members do.
    const QObjectList kids = children();
    for (QObject *child : kids) {
        if (auto *connection = dynamic_cast<HttpConnection *>(child))
            delete connection;
    }
}

Core::Result<quint16> HubHttpServer::listen(
    const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls)
{
    auto *listener
        = new Listener([this, tls](qintptr descriptor) { incoming(descriptor, tls); }, this);
    listener->setMaxPendingConnections(1024);
    if (!listener->listen(address, port)) {
        delete listener;
        return Core::Error { HubError::Listen,
            QStringLiteral("Cannot listen on the given address."),
            QStringLiteral("%1:%2").arg(address.toString()).arg(port) };
    }
    m_listeners.append(listener);
    return listener->serverPort();
}

void HubHttpServer::incoming(qintptr descriptor, const std::optional<QSslConfiguration> &tls)
{
    QTcpSocket *socket = tls ? new QSslSocket : new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const QString address = addressKey(socket->peerAddress());
    int &count = m_perAddress[address];
    if (count >= m_limits.maxConnectionsPerAddress || m_total >= m_limits.maxConnections) {
        if (m_refused++ % 1000 == 0) {
            qCWarning(lcHub) << "connection refused: too many from" << address << "(" << count
                             << "open," << m_total << "in all)";
        }
        if (count == 0)
            m_perAddress.remove(address);
        socket->abort();
        delete socket;
        return;
    }
    ++count;
    ++m_total;
    quickAck(descriptor);
    auto *connection = new HttpConnection(*this, socket, address);
    if (tls)
        connection->startTls(*tls);
}

bool HubHttpServer::reserveBody(qint64 bytes)
{
    if (bytes > 0 && m_buffered + bytes > m_limits.maxBufferedBodyBytes)
        return false;
    m_buffered += bytes;
    return true;
}

void HubHttpServer::released(const QString &address)
{
    --m_total;
    auto it = m_perAddress.find(address);
    if (it != m_perAddress.end() && --it.value() <= 0)
        m_perAddress.erase(it);
}

void restrictToModernTls(QSslConfiguration &configuration)
{
    // OpenSSL names. TLS 1.3 suites are all AEAD with forward secrecy.
    static const char *const allowed[] = {
        "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_AES_128_GCM_SHA256",
        "ECDHE-ECDSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-CHACHA20-POLY1305",
        "ECDHE-RSA-CHACHA20-POLY1305",
        "ECDHE-ECDSA-AES128-GCM-SHA256",
        "ECDHE-RSA-AES128-GCM-SHA256",
    };
    QList<QSslCipher> ciphers;
    for (const char *name : allowed) {
        const QSslCipher cipher(QString::fromLatin1(name));
        if (!cipher.isNull())
            ciphers.append(cipher);
    }
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setCiphers(ciphers);
}

} // namespace Tongban::Hub
