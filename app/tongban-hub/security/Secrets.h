#pragma once

#include <core/Result.h>

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Tongban::Hub {

/*!
 * The hub's key for personal data at rest (issue 13): identity numbers and phone numbers are
 * stored sealed (AES-256-GCM) where they must be read back, or as keyed hashes
 * (HMAC-SHA256) where only lookups need them.
 *
 * The key (64 bytes: 32 for AES-256-GCM, 32 for HMAC-SHA256) comes from, in order:
 * - the file named by $TONGBAN_HUB_DATA_KEY_FILE,
 * - the systemd credential "tongban-hub-data-key" ($CREDENTIALS_DIRECTORY, LoadCredential=),
 * - <dataDir>/secrets/data.key, generated on first start (folder 0700, file 0600).
 * A key file holds the 64 bytes raw or as 128 hex digits. The key is never logged; losing it
 * loses the sealed data (back it up apart from the database).
 *
 * Threading: immutable after load(); any thread.
 */
class Secrets
{
public:
    static Core::Result<Secrets> load(const QString &dataDir);
    /// From 64 key bytes (tests).
    static Secrets fromKey(const QByteArray &key);

    /// Hex HMAC-SHA256 of \a value under the hub's key: equal values, equal hashes; not
    /// reversible without the key. For columns only looked up by value.
    QString lookupHash(const QString &value) const;

    /// "tbs1:" + base64(nonce 12 | ciphertext | tag 16). Empty stays empty.
    QString seal(const QString &plain) const;
    /*!
     * The plain text of \a sealed; a value without the "tbs1:" prefix is returned as it is
     * (a row written before sealing). An error when the key does not fit (tampered, other
     * key).
     */
    Core::Result<QString> open(const QString &sealed) const;
    static bool isSealed(const QString &value);

private:
    QByteArray m_encryptionKey;
    QByteArray m_macKey;
};

/// Personal data as the hub stores it: normalised before it is hashed.
namespace PersonalData {
/// The lookup hash of an identity number (trimmed, upper case X), e.g. to find a notice by
/// the applicant's identity number without storing it.
QString identityLookupHash(const Secrets &secrets, const QString &identityNumber);
/// The lookup hash of a phone number (digits only).
QString phoneLookupHash(const Secrets &secrets, const QString &phone);
/// A JSON object as stored: sealed (a case body), or plain (an older hub; \a secrets null in
/// a test). Empty when it cannot be opened (logged).
QJsonObject openObject(const Secrets *secrets, const QString &stored);
} // namespace PersonalData

} // namespace Tongban::Hub
