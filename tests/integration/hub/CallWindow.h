#pragma once

// One window in a call test: signed in on the hub's events socket, with its
// Assist::CallSignalling wired to that socket as the workstation wires it to ResultFeed.

#include "HubWsClient.h"

#include <assist/CallSignalling.h>

#include <DemoSeed.h>
#include <memory>

struct CallWindow
{
    std::unique_ptr<HubWsClient> client;
    std::unique_ptr<Tongban::Assist::CallSignalling> calls;

    CallWindow(const QString &base, const QString &account, const QString &windowId)
        : client(std::make_unique<HubWsClient>(
            base, account, QString::fromUtf8(Tongban::Hub::DemoPassword), windowId))
    {
        using Tongban::Assist::CallSignalling;
        using Tongban::Core::Status;
        HubWsClient *socket = client.get();
        calls = std::make_unique<CallSignalling>([socket](const QJsonObject &message) {
            if (socket->socket.state() != QAbstractSocket::ConnectedState)
                return Status(Tongban::Core::Error { 1, QStringLiteral("down"), {} });
            socket->sendJson(message);
            return Status();
        });
        QObject::connect(&client->socket, &QWebSocket::textMessageReceived, calls.get(),
            [this](const QString &text) {
                calls->handleMessage(QJsonDocument::fromJson(text.toUtf8()).object());
            });
        QObject::connect(&client->socket, &QWebSocket::disconnected, calls.get(),
            [this] { calls->connectionLost(); });
    }
    /// Signed in, events socket open and welcomed.
    bool open() { return client->signedIn && client->open(); }
};
