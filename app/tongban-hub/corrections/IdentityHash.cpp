#include "IdentityHash.h"

#include <QFile>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace Tongban::Hub {

namespace {
constexpr int kKeyBytes = 32;
}

Core::Result<IdentityHash> IdentityHash::open(const QString &path)
{
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return Core::Error { Core::ErrorRange::Platform + 90,
                QStringLiteral("Cannot read the key of the identity hashes."), path };
        const QByteArray key = file.readAll();
        if (key.size() != kKeyBytes)
            return Core::Error { Core::ErrorRange::Platform + 90,
                QStringLiteral("The key of the identity hashes is damaged; restore it from the "
                               "backup."),
                path };
        return IdentityHash(key);
    }
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), kKeyBytes / 4);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(key) != kKeyBytes || !file.flush())
        return Core::Error { Core::ErrorRange::Platform + 90,
            QStringLiteral("Cannot create the key of the identity hashes."), path };
    return IdentityHash(key);
}

QString IdentityHash::of(const QString &identityNumber) const
{
    return QString::fromLatin1(QMessageAuthenticationCode::hash(
        identityNumber.trimmed().toUpper().toUtf8(), m_key, QCryptographicHash::Sha256)
                                   .toHex());
}

} // namespace Tongban::Hub
