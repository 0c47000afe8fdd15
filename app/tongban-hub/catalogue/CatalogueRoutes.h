#pragma once

#include "http/HttpTypes.h"

namespace Tongban::Hub {

class CatalogueService;

/*!
 * The HTTP side of the catalogue (contract §4): served with a strong ETag (the quoted
 * SHA-256 of the body) and 304 on a matching If-None-Match; its files by type.
 */
class CatalogueRoutes
{
public:
    explicit CatalogueRoutes(const CatalogueService &catalogue);

    HttpResponse catalogue(const HttpRequest &request) const;
    /// GET /catalog/files/{path}: a sample or seal named in the catalogue.
    HttpResponse file(const QString &relativePath) const;

private:
    const CatalogueService &m_catalogue;
};

} // namespace Tongban::Hub
