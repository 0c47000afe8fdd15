#pragma once

#include "security/Secrets.h"

#include <core/Result.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Tongban::Hub {

/*!
 * The keyed hash under which the platform keeps an applicant's identity number (or credit
 * code) on a one-time notice: PersonalData::identityLookupHash under the hub's data key
 * (Secrets, contract §13), so the number itself is never stored and a copy of the database
 * alone cannot be searched for a guessed number. Numbers are compared trimmed and in upper
 * case (the X of an identity number).
 *
 * An older hub hashed them with a key of their own (HMAC-SHA256 of the bare number under
 * the 32 bytes of <dataDir>/identity-hash.key). Those hashes cannot be redone under the data
 * key without the numbers, which the platform never had; so while that file is there it is
 * read (never created) and lookups also try the hash under it: the notices registered by an
 * older hub stay findable by identity number. New notices are hashed under the data key only.
 * The old file may go once no open notice is older than the upgrade (they close with their
 * correction; serial and QR lookups never needed it).
 *
 * Threading: immutable after open(); any thread.
 */
class IdentityHash
{
public:
    /// Hashes under \a secrets; \a legacyKeyPath is an older hub's identity-hash.key, read
    /// when it exists.
    static Core::Result<IdentityHash> open(const Secrets &secrets, const QString &legacyKeyPath);

    /// The hash a notice of \a identityNumber is stored under now.
    QString of(const QString &identityNumber) const;
    /// Every hash a notice of \a identityNumber may be stored under: of(), then the older
    /// hub's when its key is there.
    QStringList candidates(const QString &identityNumber) const;
    bool hasLegacyKey() const { return !m_legacyKey.isEmpty(); }

private:
    IdentityHash(const Secrets &secrets, QByteArray legacyKey)
        : m_secrets(secrets)
        , m_legacyKey(std::move(legacyKey))
    { }
    Secrets m_secrets;
    QByteArray m_legacyKey;
};

} // namespace Tongban::Hub
