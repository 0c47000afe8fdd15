#pragma once

// A TCP proxy that cuts the connection after the hub has committed, shared by the outbox
// and request-queue tests (the "answer lost after commit" fault of issue 5).

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

namespace Tongban::Platform::Testing {

/*!
 * A TCP proxy on 127.0.0.1 in front of the hub. While armed with a pattern, every
 * request containing it is forwarded to the hub, and as soon as the hub's answer
 * arrives (so the hub has committed) the client's connection is cut instead of
 * relaying it. (Qt resends a request once by itself on a cut keep-alive connection;
 * staying armed until the outbox reports the failure makes the outbox's own retry the
 * one that gets through.)
 */
class CuttingProxy : public QObject
{
public:
    explicit CuttingProxy(quint16 targetPort)
        : m_targetPort(targetPort)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, &CuttingProxy::accept);
    }

    quint16 port() const { return m_server.serverPort(); }
    void arm(const QByteArray &pattern) { m_pattern = pattern; }
    void disarm() { m_pattern.clear(); }
    bool armed() const { return !m_pattern.isEmpty(); }
    /// Requests matching an armed pattern that reached the hub / answers withheld.
    int matched = 0;
    int cuts = 0;

private:
    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            auto *upstream = new QTcpSocket(client);
            auto pending = std::make_shared<QByteArray>();
            auto cut = std::make_shared<bool>(false);
            upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
            connect(upstream, &QTcpSocket::connected, upstream, [upstream, pending] {
                upstream->write(*pending);
                pending->clear();
            });
            connect(
                client, &QTcpSocket::readyRead, upstream, [this, client, upstream, pending, cut] {
                    const QByteArray data = client->readAll();
                    if (!m_pattern.isEmpty() && data.contains(m_pattern)) {
                        ++matched;
                        *cut = true;
                    }
                    if (upstream->state() == QAbstractSocket::ConnectedState)
                        upstream->write(data);
                    else
                        pending->append(data);
                });
            connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream, cut] {
                const QByteArray data = upstream->readAll();
                if (*cut) {
                    ++cuts;
                    *cut = false;
                    client->abort();
                    client->deleteLater();
                    return;
                }
                client->write(data);
            });
            connect(upstream, &QTcpSocket::disconnected, client,
                [client] { client->disconnectFromHost(); });
            connect(client, &QTcpSocket::disconnected, client, [client] { client->deleteLater(); });
        }
    }

    QTcpServer m_server;
    quint16 m_targetPort;
    QByteArray m_pattern;
};

} // namespace Tongban::Platform::Testing
