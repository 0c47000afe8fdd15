#pragma once

#include <core/Result.h>

#include <QByteArray>
#include <QString>

namespace Tongban::Hub {

/*!
 * The keyed hash under which the platform keeps an applicant's identity number
 * (or credit code) on a one-time notice: HMAC-SHA256 with a key only the hub
 * holds, so the number itself is never stored and a copy of the database alone
 * cannot be searched for a guessed number. Numbers are compared trimmed and in
 * upper case (the X of an identity number).
 *
 * (A local helper of issue 17; the shared one of issue 13 replaces it on merge.)
 */
class IdentityHash
{
public:
    /// Reads the key at \a path, creating it (32 random bytes, owner-only) the first time.
    static Core::Result<IdentityHash> open(const QString &path);

    QString of(const QString &identityNumber) const;

private:
    explicit IdentityHash(QByteArray key)
        : m_key(std::move(key))
    { }
    QByteArray m_key;
};

} // namespace Tongban::Hub
