#pragma once

#include "HubConfig.h"
#include "http/HttpTypes.h"

#include <core/Result.h>

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <functional>
#include <memory>
#include <optional>

class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace Tongban::Hub {

/*!
 * The hub's HTTP/1.1 layer (issue 13): its own listening sockets (plain on loopback, or
 * TLS), an incremental reader (http/HttpWire) that enforces HttpLimits as bytes arrive, and
 * the WebSocket upgrade of the events path handed to a QWebSocketServer with frame and
 * message caps.
 *
 * Why not Qt HttpServer 6.4: QAbstractHttpServer reads each request inside a socket
 * transaction until it is complete (head and whole body kept in memory, no size limit), has
 * no header or body timeout, no per-address cap, and hands the handler only a parsed
 * request, so none of the limits can be checked before the bytes are kept.
 *
 * Per connection: one request at a time. The head must arrive within headerTimeoutMs and fit
 * maxHeadBytes (peeked, never read before it is whole); Content-Length is checked against
 * the route's body cap (bodyLimit) before a body byte is read, a chunked body is counted as
 * it is decoded; a body with no progress for bodyProgressTimeoutMs is dropped. Bodies kept
 * in memory are counted across connections against maxBufferedBodyBytes (503 when over);
 * a body the BodyStreamer takes (a tus PATCH) goes to its sink 64 KiB at a time instead. The
 * socket's read buffer is bounded, so a client that sends faster than the hub reads is held back by
 * TCP. Connections over maxConnectionsPerAddress from one address are closed on accept.
 *
 * Each socket acknowledges data at once (TCP_QUICKACK set again whenever data arrives,
 * TCP_NODELAY): Qt's HTTP client writes a body in 16 KiB pieces, and with delayed ACKs the
 * last piece of an upload chunk waited about 40 ms.
 *
 * Threading: the thread that created it; the handler answers on that thread (at once or
 * later, e.g. after a password hash on a worker thread).
 */
class HubHttpServer : public QObject
{
    Q_OBJECT
public:
    using Respond = std::function<void(HttpResponse)>;
    /// Answers \a request by calling the Respond (once, on this thread, now or later).
    using Handler = std::function<void(HttpRequest request, Respond respond)>;
    /// The body cap of a route, asked before a body byte is read.
    using BodyLimit = std::function<qint64(const QByteArray &method, const QString &path)>;
    using WebSocketHandler = std::function<void(std::unique_ptr<QWebSocket>)>;
    /*!
     * Asked after the head of a request with a body (\a head has no body yet): a sink to
     * stream the body into, or null to have it buffered as usual; null with \a refusal set
     * answers the refusal at once (the body is not read, the connection closes).
     */
    using BodyStreamer = std::function<std::unique_ptr<BodySink>(
        const HttpRequest &head, std::optional<HttpResponse> *refusal)>;

    HubHttpServer(const HttpLimits &limits, Handler handler, BodyLimit bodyLimit,
        WebSocketHandler webSockets, QObject *parent = nullptr);
    void setBodyStreamer(BodyStreamer streamer) { m_streamer = std::move(streamer); }
    ~HubHttpServer() override;

    /// Listens (TLS when \a tls is set) and returns the port; may be called again for
    /// another address or port.
    Core::Result<quint16> listen(const QHostAddress &address, quint16 port,
        const std::optional<QSslConfiguration> &tls = std::nullopt);

    int connectionCount() const { return m_total; }
    /// Bytes of request bodies held in memory now (reserved against maxBufferedBodyBytes).
    qint64 bufferedBodyBytes() const { return m_buffered; }

private:
    friend class HttpConnection;
    void incoming(qintptr descriptor, const std::optional<QSslConfiguration> &tls);
    void released(const QString &address);
    bool reserveBody(qint64 bytes);
    void releaseBody(qint64 bytes) { m_buffered -= bytes; }

    HttpLimits m_limits;
    Handler m_handler;
    BodyLimit m_bodyLimit;
    WebSocketHandler m_webSockets;
    BodyStreamer m_streamer;
    qint64 m_buffered = 0;
    qint64 m_busyRefused = 0;
    QList<QTcpServer *> m_listeners;
    QWebSocketServer *m_webSocketServer = nullptr;
    QHash<QString, int> m_perAddress;
    int m_total = 0;
    qint64 m_refused = 0;
};

/*!
 * The TLS the hub speaks (issue 13): TLS 1.2 with forward secrecy (ECDHE) and an AEAD
 * cipher (AES-GCM, ChaCha20-Poly1305) only, and TLS 1.3. No CBC, no SHA-1 MAC, no static
 * RSA key exchange. Applied to \a configuration (protocol and cipher list).
 */
void restrictToModernTls(QSslConfiguration &configuration);

} // namespace Tongban::Hub
