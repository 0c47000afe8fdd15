#pragma once

// A tiny HTTP/1.1 server on 127.0.0.1 for the platform client's tests: it answers
// canned, contract-conformant responses chosen by a handler, and can misbehave on
// purpose (garbage, truncated answers, dropped connections). Optional TLS.

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <functional>

namespace Tongban::Platform::Testing {

struct FakeRequest
{
    QByteArray method;
    QByteArray path; ///< with query
    QHash<QByteArray, QByteArray> headers; ///< lower-case names
    QByteArray body;
};

struct FakeResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray raw; ///< when set, written as is and the connection closed
    bool dropConnection = false; ///< close without any answer
    int delayMs = 0;

    static FakeResponse json(int status, const QJsonObject &object)
    {
        FakeResponse r;
        r.status = status;
        r.headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
        r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
        return r;
    }
    static FakeResponse error(int status, const char *code, const QString &detail = {})
    {
        return json(status,
            QJsonObject { { QStringLiteral("error"),
                QJsonObject { { QStringLiteral("code"), QString::fromLatin1(code) },
                    { QStringLiteral("message"), QStringLiteral("错误") },
                    { QStringLiteral("detail"), detail } } } });
    }
    static FakeResponse status_(int status)
    {
        FakeResponse r;
        r.status = status;
        return r;
    }
};

class FakeHttpServer : public QObject
{
public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;

    explicit FakeHttpServer(Handler handler, bool tls = false, const QString &dataDir = {})
        : m_handler(std::move(handler))
    {
        if (tls) {
            auto *server = new QSslServer(this);
            QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
            QFile certFile(dataDir + QStringLiteral("/server.pem"));
            QFile keyFile(dataDir + QStringLiteral("/server.key"));
            certFile.open(QIODevice::ReadOnly);
            keyFile.open(QIODevice::ReadOnly);
            configuration.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
            configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
            configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
            server->setSslConfiguration(configuration);
            m_server = server;
        } else {
            m_server = new QTcpServer(this);
        }
        m_server->listen(QHostAddress::LocalHost, 0);
        QObject::connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection())
                accept(socket);
        });
        m_tls = tls;
    }

    quint16 port() const { return m_server->serverPort(); }
    QUrl baseUrl() const
    {
        return QUrl(QString(
            (m_tls ? QStringLiteral("https://127.0.0.1:") : QStringLiteral("http://127.0.0.1:"))
            + QString::number(port())));
    }
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    QList<FakeRequest> requests;

private:
    void accept(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            while (true) {
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                FakeRequest request;
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                request.method = first.value(0);
                request.path = first.value(1);
                for (int i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines[i].indexOf(':');
                    if (colon > 0)
                        request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                            lines[i].mid(colon + 1).trimmed());
                }
                const qsizetype length = request.headers.value("content-length", "0").toLongLong();
                if (buffer->size() < end + 4 + length)
                    return;
                request.body = buffer->mid(end + 4, length);
                buffer->remove(0, end + 4 + length);
                requests.append(request);
                const FakeResponse response = m_handler(request);
                if (response.dropConnection) {
                    socket->abort();
                    return;
                }
                QByteArray out;
                if (!response.raw.isEmpty()) {
                    out = response.raw;
                } else {
                    out = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\n";
                    bool hasLength = false;
                    for (const auto &[name, value] : response.headers) {
                        out += name + ": " + value + "\r\n";
                        hasLength |= name.compare("content-length", Qt::CaseInsensitive) == 0;
                    }
                    if (!hasLength && request.method != "HEAD")
                        out += "Content-Length: " + QByteArray::number(response.body.size())
                            + "\r\n";
                    out += "\r\n";
                    if (request.method != "HEAD")
                        out += response.body;
                }
                QPointer<QTcpSocket> guard(socket);
                const bool close = !response.raw.isEmpty();
                const auto write = [guard, out, close] {
                    // One read of the guard (QPointer's -> reads it again: -Wnull-dereference
                    // at -O2).
                    QTcpSocket *const alive = guard.data();
                    if (!alive)
                        return;
                    alive->write(out);
                    if (close) {
                        alive->flush();
                        alive->disconnectFromHost();
                    }
                };
                if (response.delayMs > 0)
                    QTimer::singleShot(response.delayMs, this, write);
                else
                    write();
            }
        });
    }

    Handler m_handler;
    QTcpServer *m_server = nullptr;
    bool m_tls = false;
};

} // namespace Tongban::Platform::Testing
