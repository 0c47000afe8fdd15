#pragma once

#include "PageShare.h"

#include <core/Result.h>

#include <QByteArray>
#include <QImage>
#include <QJsonObject>
#include <QObject>

#include <functional>

namespace Tongban::Platform {
class Transport;
}

namespace Tongban::Assist {

/*!
 * The pages shared in a call and their marks, kept on the platform (contract §11.2): the
 * full-resolution page goes through the platform, never through the video.
 *
 * - upload(): PUT /calls/{callId}/pages/{sha256} (a repeat is answered 200: nothing new);
 * - fetch(): GET of the same path, the bytes checked against the name;
 * - keepMarkup(): the marked-up page kept with the call: its PNG rendering is stored as one
 *   more page of the call (so the hub keeps it with the call and deletes it with it), then
 *   PUT /calls/{callId}/markups/{sha256} with the strokes, the page's hash and
 *   "renderingSha256", the PNG's.
 *
 * Callbacks run once, on the GUI thread; none after this object is gone. GUI thread.
 */
class CallPages : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Core::Result<QString>)>;
    using Fetched = std::function<void(Core::Result<QByteArray>)>;

    explicit CallPages(Platform::Transport &transport, QObject *parent = nullptr);

    /// Sends \a bytes (a page file); \a done gets its SHA-256 (lowercase hex).
    void upload(const QString &callId, const QByteArray &bytes, Done done);
    void fetch(const QString &callId, const QString &sha256, Fetched done);
    /// Keeps \a markup (PageShare::markup()) and the PNG of \a page with \a strokes drawn on
    /// it (drawn and encoded on the thread pool, not on the GUI thread); \a done gets the
    /// PNG's SHA-256.
    void keepMarkup(const QString &callId, QJsonObject markup, const QImage &page,
        const QList<Stroke> &strokes, Done done);

    static QString sha256Hex(const QByteArray &bytes);

private:
    void sendMarkup(const QString &callId, QJsonObject markup, const QByteArray &png, Done done);

    Platform::Transport &m_transport;
};

} // namespace Tongban::Assist
