#include "CallPages.h"

#include "CallSignalling.h"
#include "Tr.h"

#include <core/Alive.h>
#include <platform/ApiClient.h>

#include <QBuffer>
#include <QCryptographicHash>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace Tongban::Assist {

namespace {
QString pagePath(const QString &callId, const QString &sha256)
{
    return QStringLiteral("/calls/%1/pages/%2").arg(callId, sha256);
}
} // namespace

CallPages::CallPages(Platform::Transport &transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{ }

QString CallPages::sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

void CallPages::upload(const QString &callId, const QByteArray &bytes, Done done)
{
    const QString sha = sha256Hex(bytes);
    Platform::ApiRequest request;
    request.method = QByteArrayLiteral("PUT");
    request.path = pagePath(callId, sha);
    request.contentType = QByteArrayLiteral("application/octet-stream");
    request.body = bytes;
    request.timeoutMs = 60000;
    m_transport.send(request,
        [self = Core::Alive(this), sha, done = std::move(done)](
            Core::Result<Platform::ApiResponse> answer) {
            if (!self)
                return;
            const auto response = Platform::requireSuccess(std::move(answer));
            if (!response) {
                done(response.error());
                return;
            }
            done(sha);
        });
}

void CallPages::fetch(const QString &callId, const QString &sha256, Fetched done)
{
    Platform::ApiRequest request;
    request.path = pagePath(callId, sha256);
    request.timeoutMs = 60000;
    m_transport.send(request,
        [self = Core::Alive(this), sha256, done = std::move(done)](
            Core::Result<Platform::ApiResponse> answer) {
            if (!self)
                return;
            const auto response = Platform::requireSuccess(std::move(answer));
            if (!response) {
                done(response.error());
                return;
            }
            if (sha256Hex(response->body) != sha256) {
                done(Core::Error { MediaFailed,
                    Tr::tr("The shared page arrived damaged. Ask the other window to share "
                           "it again."),
                    QStringLiteral("page %1: content does not match its hash").arg(sha256) });
                return;
            }
            done(response->body);
        });
}

void CallPages::keepMarkup(const QString &callId, QJsonObject markup, const QImage &page,
    const QList<Stroke> &strokes, Done done)
{
    auto *drawing = new QFutureWatcher<QByteArray>(this);
    connect(drawing, &QFutureWatcherBase::finished, this,
        [this, drawing, callId, markup, done = std::move(done)]() mutable {
            const QByteArray png = drawing->result();
            drawing->deleteLater();
            if (png.isEmpty()) {
                done(Core::Error { MediaFailed, Tr::tr("The marked-up page could not be drawn."),
                    QStringLiteral("PNG encoding failed") });
                return;
            }
            sendMarkup(callId, std::move(markup), png, std::move(done));
        });
    drawing->setFuture(QtConcurrent::run([page, strokes] {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        if (!PageShare::render(page, strokes).save(&buffer, "PNG"))
            return QByteArray();
        return png;
    }));
}

void CallPages::sendMarkup(
    const QString &callId, QJsonObject markup, const QByteArray &png, Done done)
{
    upload(callId, png,
        [self = Core::Alive(this), callId, markup, done = std::move(done)](
            Core::Result<QString> stored) mutable {
            if (!self)
                return;
            if (!stored) {
                done(stored.error());
                return;
            }
            const QString renderingSha = *stored;
            markup.insert(QStringLiteral("renderingSha256"), renderingSha);
            Platform::ApiRequest request;
            request.method = QByteArrayLiteral("PUT");
            request.path = QStringLiteral("/calls/%1/markups/%2")
                               .arg(callId, markup.value(QStringLiteral("pageSha256")).toString());
            request.body = QJsonDocument(markup).toJson(QJsonDocument::Compact);
            self->m_transport.send(request,
                [self, renderingSha, done = std::move(done)](
                    Core::Result<Platform::ApiResponse> answer) {
                    if (!self)
                        return;
                    const auto response = Platform::requireSuccess(std::move(answer));
                    if (!response) {
                        done(response.error());
                        return;
                    }
                    done(renderingSha);
                });
        });
}

} // namespace Tongban::Assist
