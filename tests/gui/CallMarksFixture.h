#pragma once

// What the call-marks tests share (tst_callmarksrestart, its child callmarks_child and
// tst_callmarksreconnect): the demo accounts of the call, the page that is marked, and the
// platform's record of the marks as the home window reads it.

#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QString>

namespace CallMarksFixture {

inline const QString AppAccount = QStringLiteral("wd-tb-02-zhaomin");
inline const QString AppWindow = QStringLiteral("410403-tb-02");
inline const QString HomeAccount = QStringLiteral("xh-tb-01-liuyang");
inline const QString HomeWindow = QStringLiteral("410402-tb-01");
inline const QString Password = QStringLiteral("Tongban@2026");
inline const QString Item = QStringLiteral("41040201012001000"); // 个体工商户设立登记, home 新华区

/// The captured page the application window shares: an A4-shaped form as a JPEG.
inline QByteArray pageJpeg()
{
    QImage image(620, 877, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.drawText(40, 60, QStringLiteral("营业执照申请书"));
    p.drawRect(40, 100, 540, 700);
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return bytes;
}

/// The hub's record of the marks of \a sha256 in \a callId (its "markup" and "markedBy"), asked
/// by the \a home window (a CallWindow) over HTTP; empty when none (or the hub is down).
template<typename Window>
QJsonObject keptMarkup(Window &home, const QString &callId, const QString &sha256)
{
    const auto reply
        = home.client->http.send("GET", QStringLiteral("/api/v1/calls/%1/markups").arg(callId));
    for (const QJsonValue page :
        QJsonDocument::fromJson(reply.body).object().value(u"pages").toArray()) {
        if (page[u"sha256"].toString() == sha256 && page.toObject().contains(u"markup"))
            return page.toObject();
    }
    return {};
}

} // namespace CallMarksFixture
