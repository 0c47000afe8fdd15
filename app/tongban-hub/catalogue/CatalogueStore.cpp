#include "CatalogueStore.h"

#include "HubErrors.h"

#include <QFile>
#include <QFileInfo>

namespace Tongban::Hub {

Core::Result<QByteArray> CatalogueStore::readCatalogue(const QString &catalogFile)
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
    m_baseDir = catalogFile.isEmpty() ? QStringLiteral(":/tongban/catalog")
                                      : QFileInfo(path).absolutePath();
    return bytes;
}

std::optional<QByteArray> CatalogueStore::readFile(const QString &relativePath) const
{
    QFile file(QString(m_baseDir + QLatin1Char('/') + relativePath));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

} // namespace Tongban::Hub
