#include "IceServers.h"

#include <platform/ApiClient.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>

namespace Tongban::Assist {

namespace {
Q_LOGGING_CATEGORY(lcIce, "tongban.assist.ice")
}

void fetchIceServers(Platform::Transport &transport, QObject *context,
    std::function<void(const QJsonArray &servers)> done, int timeoutMs)
{
    Platform::ApiRequest request;
    request.path = QStringLiteral("/ice-servers");
    request.timeoutMs = timeoutMs;
    transport.send(request,
        [guard = QPointer<QObject>(context), done = std::move(done)](
            Core::Result<Platform::ApiResponse> answer) {
            if (!guard)
                return;
            const auto response = Platform::requireSuccess(std::move(answer));
            if (!response) {
                qCWarning(lcIce).noquote() << "ICE servers not fetched, the call uses none:"
                                           << response.error().toString();
                done({});
                return;
            }
            const QJsonValue servers = QJsonDocument::fromJson(response->body)
                                           .object()
                                           .value(QStringLiteral("iceServers"));
            if (!servers.isArray()) {
                qCWarning(lcIce) << "ICE servers unreadable, the call uses none";
                done({});
                return;
            }
            done(servers.toArray());
        });
}

} // namespace Tongban::Assist
