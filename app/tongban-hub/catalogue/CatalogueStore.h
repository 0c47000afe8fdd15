#pragma once

#include <core/Result.h>

#include <QByteArray>
#include <QString>

#include <optional>

namespace Tongban::Hub {

/*!
 * The files of the catalogue in force: its JSON (a file, or the embedded sample) and the
 * samples and seals it names, resolved below the catalogue's folder.
 */
class CatalogueStore
{
public:
    /// The catalogue at \a path (empty: the embedded sample); its folder becomes the base.
    Core::Result<QByteArray> readCatalogue(const QString &path);
    /// \a relativePath below the catalogue's folder (already checked to stay below it).
    std::optional<QByteArray> readFile(const QString &relativePath) const;

private:
    QString m_baseDir; ///< where the catalogue's relative file paths resolve
};

} // namespace Tongban::Hub
