#include "CatalogueService.h"

#include <catalog/CatalogParser.h>

namespace Tongban::Hub {

Core::Status CatalogueService::load(const QString &catalogFile)
{
    const auto bytes = m_store.readCatalogue(catalogFile);
    if (!bytes)
        return bytes.error();
    const Catalog::ParseOutcome outcome = Catalog::CatalogParser::parse(*bytes);
    if (!outcome.ok()) {
        return Core::Error { HubError::CatalogueInvalid,
            QStringLiteral("The catalogue is invalid; it is not served."), outcome.report() };
    }
    m_catalog = *outcome.catalog;
    m_catalogBytes = *bytes;
    return {};
}

Core::Result<QByteArray> CatalogueService::file(const QString &relativePath) const
{
    const Core::Error notFound { FileNotFound, QStringLiteral("文件不存在"), relativePath };
    // Only plain relative paths below the catalogue folder: no "..", no absolute paths.
    if (relativePath.isEmpty() || relativePath.startsWith(QLatin1Char('/'))
        || relativePath.contains(QLatin1Char('\\')))
        return notFound;
    const QStringList segments = relativePath.split(QLatin1Char('/'));
    for (const QString &segment : segments) {
        if (segment.isEmpty() || segment == QLatin1String(".") || segment == QLatin1String(".."))
            return notFound;
    }
    const auto bytes = m_store.readFile(relativePath);
    if (!bytes)
        return notFound;
    return *bytes;
}

} // namespace Tongban::Hub
