#pragma once

#include "HubErrors.h"
#include "catalogue/CatalogueStore.h"

#include <catalog/Catalog.h>
#include <core/Result.h>

namespace Tongban::Hub {

/*!
 * The catalogue in force (contract §4; the calendar is CalendarService's). The catalogue
 * is validated with the catalogue module's parser before it is served; an invalid one is
 * refused at start. CatalogueRoutes serves it with a strong ETag.
 */
class CatalogueService
{
public:
    enum ErrorCode {
        FileNotFound = HubError::Catalogue, ///< no such sample or seal, or a path outside
    };

    /// Loads \a catalogFile, or the embedded sample catalogue when it is empty.
    Core::Status load(const QString &catalogFile);

    const Catalog::Catalog &catalog() const { return m_catalog; }
    /// The catalogue's JSON as it was loaded.
    const QByteArray &document() const { return m_catalogBytes; }
    /// A sample or seal named in the catalogue: only plain relative paths below its folder.
    Core::Result<QByteArray> file(const QString &relativePath) const;

private:
    CatalogueStore m_store;
    Catalog::Catalog m_catalog;
    QByteArray m_catalogBytes;
};

} // namespace Tongban::Hub
