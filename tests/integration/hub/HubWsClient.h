#pragma once

// One window on the events WebSocket of a hub under test: signs in over HTTP,
// opens /api/v1/events, says hello and keeps every message it receives.

#include "HubTestClient.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

class HubWsClient
{
public:
    HubWsClient(const QString &base, const QString &account, const QString &password,
        const QString &windowId)
        : http(base)
        , window(windowId)
        , m_base(base)
    {
        const Reply reply = http.login(account, password, windowId);
        signedIn = reply.status == 200;
        QObject::connect(
            &socket, &QWebSocket::textMessageReceived, &socket, [this](const QString &text) {
                messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
            });
    }

    /// Opens the socket and says hello; true once welcome arrived.
    bool open(qint64 after = 0)
    {
        socket.open(
            QUrl(QString(QString(m_base).replace(QLatin1String("http:"), QLatin1String("ws:"))
                + QStringLiteral("/api/v1/events"))));
        if (!QTest::qWaitFor(
                [&]() { return socket.state() == QAbstractSocket::ConnectedState; }, 10000))
            return false;
        sendJson(QJsonObject { { QStringLiteral("type"), QStringLiteral("hello") },
            { QStringLiteral("token"), QString::fromLatin1(http.token) },
            { QStringLiteral("after"), after } });
        return QTest::qWaitFor([&]() { return !find(QStringLiteral("welcome")).isEmpty(); }, 10000);
    }

    void close()
    {
        socket.close();
        (void)QTest::qWaitFor(
            [&]() { return socket.state() == QAbstractSocket::UnconnectedState; }, 10000);
    }

    void sendJson(const QJsonObject &object)
    {
        socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
    }

    void send(const QString &type, const QString &callId, QJsonObject extra = {})
    {
        extra.insert(QStringLiteral("type"), type);
        extra.insert(QStringLiteral("callId"), callId);
        sendJson(extra);
    }

    /// Every message of \a type (and \a callId, when given).
    QList<QJsonObject> all(const QString &type, const QString &callId = {}) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &message : messages) {
            if (message.value(QStringLiteral("type")).toString() == type
                && (callId.isEmpty()
                    || message.value(QStringLiteral("callId")).toString() == callId))
                found.append(message);
        }
        return found;
    }

    /// The first message of \a type (and \a callId); empty when none yet.
    QJsonObject find(const QString &type, const QString &callId = {}) const
    {
        const QList<QJsonObject> found = all(type, callId);
        return found.isEmpty() ? QJsonObject() : found.first();
    }

    /// Waits (up to 10 s) for a message of \a type (and \a callId).
    QJsonObject waitFor(const QString &type, const QString &callId = {})
    {
        (void)QTest::qWaitFor([&]() { return !find(type, callId).isEmpty(); }, 10000);
        return find(type, callId);
    }

    /// Every call.* message about \a callId.
    int callMessageCount(const QString &callId) const
    {
        int count = 0;
        for (const QJsonObject &message : messages) {
            if (message.value(QStringLiteral("type")).toString().startsWith(QLatin1String("call."))
                && message.value(QStringLiteral("callId")).toString() == callId)
                ++count;
        }
        return count;
    }

    HubTestClient http;
    QString window;
    bool signedIn = false;
    QWebSocket socket;
    QList<QJsonObject> messages;

private:
    QString m_base;
};
