#include "IdentityHash.h"

#include <QFile>
#include <QMessageAuthenticationCode>

namespace Tongban::Hub {

namespace {
constexpr int kLegacyKeyBytes = 32;
}

Core::Result<IdentityHash> IdentityHash::open(const Secrets &secrets, const QString &legacyKeyPath)
{
    QFile file(legacyKeyPath);
    if (!file.exists())
        return IdentityHash(secrets, {});
    if (!file.open(QIODevice::ReadOnly))
        return Core::Error { Core::ErrorRange::Platform + 90,
            QStringLiteral("Cannot read the key of the identity hashes."), legacyKeyPath };
    const QByteArray key = file.readAll();
    if (key.size() != kLegacyKeyBytes)
        return Core::Error { Core::ErrorRange::Platform + 90,
            QStringLiteral("The key of the identity hashes is damaged; restore it from the "
                           "backup."),
            legacyKeyPath };
    return IdentityHash(secrets, key);
}

QString IdentityHash::of(const QString &identityNumber) const
{
    return PersonalData::identityLookupHash(m_secrets, identityNumber);
}

QStringList IdentityHash::candidates(const QString &identityNumber) const
{
    QStringList hashes { of(identityNumber) };
    if (hasLegacyKey())
        hashes.append(QString::fromLatin1(QMessageAuthenticationCode::hash(
            identityNumber.trimmed().toUpper().toUtf8(), m_legacyKey, QCryptographicHash::Sha256)
                                              .toHex()));
    return hashes;
}

} // namespace Tongban::Hub
