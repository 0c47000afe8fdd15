#pragma once

#include <QAbstractHttpServer>

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

} // namespace Tongban::Hub
