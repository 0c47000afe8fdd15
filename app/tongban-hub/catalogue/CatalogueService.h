#pragma once

#include "http/HttpTypes.h"

#include <catalog/Catalog.h>
#include <core/Result.h>

namespace Tongban::Hub {

/*!
 * The catalogue in force (contract §4; the calendar is CalendarService's), served
 * with a strong ETag (the quoted SHA-256 of the body) and 304 on a matching
 * If-None-Match. The catalogue is validated with the catalogue module's
 * parser before it is served; an invalid one is refused at start.
 */
class CatalogueService
{
public:
    /// Loads \a catalogFile, or the embedded sample catalogue when it is empty.
    Core::Status load(const QString &catalogFile);

    const Catalog::Catalog &catalog() const { return m_catalog; }
    HttpResponse catalogue(const HttpRequest &request) const;
    /// GET /catalog/files/{path}: a sample or seal named in the catalogue.
    HttpResponse file(const QString &relativePath) const;

private:
    Catalog::Catalog m_catalog;
    QByteArray m_catalogBytes;
    QString m_baseDir; ///< where the catalogue's relative file paths resolve
};

} // namespace Tongban::Hub
