#include "HubHttpServer.h"

#include "Hub.h"
#include "Logging.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCipher>
#include <QTcpSocket>

namespace Tongban::Hub {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

} // namespace

HubHttpServer::HubHttpServer(Hub &hub, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_hub(hub)
{ }

bool HubHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Qt 6.4 asks handleRequest() about an upgrade request first and hands the
    // socket to its WebSocket server only when the answer is true (handled)
    // and nothing was written. Only the events path may upgrade.
    if (request.value(QByteArrayLiteral("Upgrade")).toLower() == QByteArrayLiteral("websocket"))
        return request.url().path() == QLatin1String("/api/v1/events");

    HttpRequest converted;
    converted.method = methodName(request.method());
    converted.path = request.url().path();
    converted.query = request.query();
    converted.headers = request.headers();
    converted.body = request.body();

    HttpResponse response = m_hub.handle(converted);
    const bool head = converted.method == "HEAD";
    if (head && response.status >= 400) {
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

    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    const bool noBody = response.status == 204 || response.status == 304;
    if (!noBody)
        responder.writeHeader(QByteArrayLiteral("Content-Length"),
            QByteArray::number(head ? 0 : response.body.size()));
    responder.writeBody(head || noBody ? QByteArray() : response.body);
    return true;
}

void HubHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Q_UNUSED(request)
    Q_UNUSED(socket)
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
