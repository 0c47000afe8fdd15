#include "CatalogueService.h"

#include "HubErrors.h"

#include <catalog/CatalogParser.h>

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

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

Core::Status CatalogueService::load(const QString &catalogFile)
{
    const QString path = catalogFile.isEmpty()
        ? QStringLiteral(":/tongban/catalog/pingdingshan-2026.json")
        : catalogFile;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Core::Error { HubError::CatalogueUnreadable,
            QStringLiteral("Cannot read the catalogue."),
            QStringLiteral("%1: %2").arg(path, file.errorString()) };
    }
    const QByteArray bytes = file.readAll();
    const Catalog::ParseOutcome outcome = Catalog::CatalogParser::parse(bytes);
    if (!outcome.ok()) {
        return Core::Error { HubError::CatalogueInvalid,
            QStringLiteral("The catalogue is invalid; it is not served."), outcome.report() };
    }
    m_catalog = *outcome.catalog;
    m_catalogBytes = bytes;
    m_baseDir = QFileInfo(path).absolutePath();
    if (catalogFile.isEmpty())
        m_baseDir = QStringLiteral(":/tongban/catalog");
    return {};
}

HttpResponse CatalogueService::catalogue(const HttpRequest &request) const
{
    return withEtag(request, m_catalogBytes);
}

HttpResponse CatalogueService::file(const QString &relativePath) const
{
    const HttpResponse notFound = errorResponse(
        404, QStringLiteral("not_found"), QStringLiteral("文件不存在"), relativePath);
    // Only plain relative paths below the catalogue folder: no "..", no absolute paths.
    if (relativePath.isEmpty() || relativePath.startsWith(QLatin1Char('/'))
        || relativePath.contains(QLatin1Char('\\')))
        return notFound;
    const QStringList segments = relativePath.split(QLatin1Char('/'));
    for (const QString &segment : segments) {
        if (segment.isEmpty() || segment == QLatin1String(".") || segment == QLatin1String(".."))
            return notFound;
    }
    QFile file(QString(m_baseDir + QLatin1Char('/') + relativePath));
    if (!file.open(QIODevice::ReadOnly))
        return notFound;
    HttpResponse response;
    response.body = file.readAll();
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
