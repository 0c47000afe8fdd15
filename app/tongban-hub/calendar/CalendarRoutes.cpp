#include "CalendarRoutes.h"

#include "Logging.h"
#include "calendar/CalendarService.h"

#include <QCryptographicHash>

namespace Tongban::Hub {

namespace {

QByteArray etagOf(const QByteArray &body)
{
    return QByteArray(
        '"' + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex() + '"');
}

} // namespace

CalendarRoutes::CalendarRoutes(const CalendarService &calendar)
    : m_calendar(calendar)
{ }

HttpResponse CalendarRoutes::calendar(const HttpRequest &request) const
{
    const auto body = m_calendar.document();
    if (!body) {
        qCWarning(lcHub).noquote() << "calendar not served:" << body.error().detail;
        return internalError(body.error().detail);
    }
    const QByteArray etag = etagOf(*body);
    const QByteArray ifNoneMatch = request.header(QByteArrayLiteral("If-None-Match"));
    for (const QByteArray &candidate : ifNoneMatch.split(',')) {
        const QByteArray tag = candidate.trimmed();
        if (tag == etag || tag == QByteArrayLiteral("*") || tag == QByteArray("W/" + etag)) {
            HttpResponse notModified = emptyResponse(304);
            notModified.addHeader(QByteArrayLiteral("ETag"), etag);
            return notModified;
        }
    }
    HttpResponse response;
    response.body = *body;
    response.addHeader(
        QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json; charset=utf-8"));
    response.addHeader(QByteArrayLiteral("ETag"), etag);
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache"));
    return response;
}

} // namespace Tongban::Hub
