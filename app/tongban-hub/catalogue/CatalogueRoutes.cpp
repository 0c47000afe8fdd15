#include "CatalogueRoutes.h"

#include "catalogue/CatalogueService.h"

#include <QCryptographicHash>

namespace Tongban::Hub {

namespace {

QByteArray etagOf(const QByteArray &body)
{
    return QByteArray(
        '"' + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex() + '"');
}

HttpResponse withEtag(const HttpRequest &request, const QByteArray &body)
{
    const QByteArray etag = etagOf(body);
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
    response.body = body;
    response.addHeader(
        QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json; charset=utf-8"));
    response.addHeader(QByteArrayLiteral("ETag"), etag);
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache"));
    return response;
}

} // namespace

CatalogueRoutes::CatalogueRoutes(const CatalogueService &catalogue)
    : m_catalogue(catalogue)
{ }

HttpResponse CatalogueRoutes::catalogue(const HttpRequest &request) const
{
    return withEtag(request, m_catalogue.document());
}

HttpResponse CatalogueRoutes::file(const QString &relativePath) const
{
    const auto bytes = m_catalogue.file(relativePath);
    if (!bytes) {
        return errorResponse(
            404, QStringLiteral("not_found"), bytes.error().message, bytes.error().detail);
    }
    HttpResponse response;
    response.body = *bytes;
    QByteArray type = QByteArrayLiteral("application/octet-stream");
    if (relativePath.endsWith(QLatin1String(".svg")))
        type = QByteArrayLiteral("image/svg+xml");
    else if (relativePath.endsWith(QLatin1String(".png")))
        type = QByteArrayLiteral("image/png");
    else if (relativePath.endsWith(QLatin1String(".jpg")))
        type = QByteArrayLiteral("image/jpeg");
    response.addHeader(QByteArrayLiteral("Content-Type"), type);
    return response;
}

} // namespace Tongban::Hub
