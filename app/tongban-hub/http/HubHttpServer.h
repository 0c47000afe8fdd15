#pragma once

#include <QAbstractHttpServer>
#include <QSslConfiguration>

namespace Tongban::Hub {

class Hub;

/*!
 * Qt HttpServer front of the Hub: converts each QHttpServerRequest to an
 * HttpRequest, asks Hub::handle() and writes the answer with full control of
 * the status line (tus needs 460) and headers. WebSocket upgrades are queued
 * by QAbstractHttpServer and taken by the Hub's EventService.
 */
class HubHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    HubHttpServer(Hub &hub, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Hub &m_hub;
};

/*!
 * The TLS the hub speaks (issue 13): TLS 1.2 with forward secrecy (ECDHE) and an AEAD
 * cipher (AES-GCM, ChaCha20-Poly1305) only, and TLS 1.3. No CBC, no SHA-1 MAC, no static
 * RSA key exchange. Applied to \a configuration (protocol and cipher list).
 */
void restrictToModernTls(QSslConfiguration &configuration);

} // namespace Tongban::Hub
