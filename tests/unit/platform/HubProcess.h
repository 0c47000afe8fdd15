#pragma once

// tongban-hub as a child process for the outbox tests and benches: started on a data
// directory (plain HTTP or TLS), killed with SIGKILL, restarted on the same port; and a
// Transport that records every request the outbox sends.

#include "TestSupport.h"
#include "TestTime.h"

#include <platform/ApiClient.h>
#include <platform/ApiParsing.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QUrl>

#include <csignal>
#include <functional>

namespace Tongban::Platform::Testing {

/// \a size pseudo-random (incompressible) bytes, the same for the same \a seed.
inline QByteArray pageBytes(int size, int seed)
{
    QByteArray data(size, Qt::Uninitialized);
    quint32 x = quint32(seed) * 2654435761u + 1;
    for (int i = 0; i < size; ++i) {
        x = x * 1664525u + 1013904223u;
        data[i] = char(x >> 24);
    }
    return data;
}

/// Forwards everything to the real transport; records every PATCH and calls onSend first.
class CountingTransport : public Transport
{
public:
    explicit CountingTransport(Transport &inner)
        : m_inner(inner)
    { }

    struct Patch
    {
        QString url;
        qint64 offset = 0;
        qint64 bytes = 0;
    };
    QList<Patch> patches;
    qint64 patchBytes = 0;
    int requests = 0;
    std::function<void(const ApiRequest &)> onSend;

    void send(const ApiRequest &request, ResponseCallback callback) override
    {
        ++requests;
        if (request.method == "PATCH") {
            qint64 offset = -1;
            for (const auto &[name, value] : request.headers) {
                if (name.compare("Upload-Offset", Qt::CaseInsensitive) == 0)
                    offset = value.toLongLong();
            }
            patches.append(Patch { request.url.toString(), offset, request.body.size() });
            patchBytes += request.body.size();
        } else if (request.method == "POST" && request.url.path().endsWith(u"/uploads")) {
            patchBytes += request.body.size(); // creation-with-upload: the first chunk
        }
        if (onSend)
            onSend(request);
        m_inner.send(request, std::move(callback));
    }
    QUrl resolve(const ApiRequest &request) const override { return m_inner.resolve(request); }

private:
    Transport &m_inner;
};

/// One tongban-hub child process on 127.0.0.1.
class HubProcess
{
public:
    HubProcess(QString program, QString dataDir)
        : m_program(std::move(program))
        , m_dataDir(std::move(dataDir))
    {
        m_process.setStandardErrorFile(QProcess::nullDevice());
    }
    ~HubProcess() { kill(); }

    /// TLS with these PEM files (empty: plain HTTP).
    void setTls(const QString &certFile, const QString &keyFile)
    {
        m_cert = certFile;
        m_key = keyFile;
    }

    /*!
     * Starts the hub on \a port (0: a free one; later starts reuse the first port) and
     * returns its base URL, or an empty string. The demo accounts are seeded once.
     */
    QString start(quint16 port = 0)
    {
        if (port == 0)
            port = m_port;
        QStringList arguments { QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--listen"),
            QString(QStringLiteral("127.0.0.1:") + QString::number(port)),
            QStringLiteral("--pbkdf2-iterations"), QStringLiteral("1000"),
            QStringLiteral("--no-office-hours") }; // the real clock: calls at any hour
        if (!m_seeded)
            arguments << QStringLiteral("--seed-demo");
        if (!m_cert.isEmpty())
            arguments << QStringLiteral("--cert") << m_cert << QStringLiteral("--key") << m_key;
        m_process.start(m_program, arguments);
        if (!m_process.waitForStarted(::Tongban::Testing::scaledTimeout(10000)))
            return {};
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(::Tongban::Testing::scaledTimeout(10000)))
                return {};
        }
        const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
        if (!line.startsWith(QLatin1String("listening on ")))
            return {};
        m_seeded = true;
        m_base = line.mid(QStringLiteral("listening on ").size());
        m_port = quint16(QUrl(m_base).port());
        return m_base;
    }

    /// SIGKILL, as a power cut or the OOM killer would; waits until it is gone.
    void kill()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(::Tongban::Testing::scaledTimeout(10000));
    }

    bool isRunning() const { return m_process.state() == QProcess::Running; }
    QString base() const { return m_base; }
    quint16 port() const { return m_port; }
    QString dataDir() const { return m_dataDir; }

private:
    QString m_program;
    QString m_dataDir;
    QString m_cert;
    QString m_key;
    QString m_base;
    quint16 m_port = 0;
    bool m_seeded = false;
    QProcess m_process;
};

/// Signs the demo clerk in through \a api and sets its bearer token; false on failure.
inline bool signInDemoClerk(ApiClient &api)
{
    ApiRequest login;
    login.method = "POST";
    login.path = QStringLiteral("/session");
    login.authenticated = false;
    login.body = QJsonDocument(
        QJsonObject { { QStringLiteral("account"), QStringLiteral("xh-tb-03-wangli") },
            { QStringLiteral("password"), QStringLiteral("Tongban@2026") },
            { QStringLiteral("windowId"), QStringLiteral("410402-tb-03") } })
                     .toJson(QJsonDocument::Compact);
    const auto answer = await<Core::Result<ApiResponse>>(
        [&](auto done) { api.send(login, done); }, ::Tongban::Testing::scaledTimeout(30000));
    if (!answer || !answer->ok() || (*answer)->status != 200)
        return false;
    const auto tokens = parseSession((*answer)->body);
    if (!tokens.ok())
        return false;
    api.setBearerToken(tokens->accessToken);
    return true;
}

} // namespace Tongban::Platform::Testing
