#include "security/Secrets.h"

#include "HubErrors.h"
#include "Logging.h"

#include <storage/FileSystem.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace Tongban::Hub {

namespace {

constexpr qsizetype KeyBytes = 64;
constexpr qsizetype NonceBytes = 12;
constexpr qsizetype TagBytes = 16;
const QString SealedPrefix = QStringLiteral("tbs1:");

Core::Error keyError(const QString &message, const QString &detail)
{
    return Core::Error { HubError::DataKey, message, detail };
}

/// The key bytes of a key file: raw, or hex text.
std::optional<QByteArray> parseKey(const QByteArray &content)
{
    if (content.size() == KeyBytes)
        return content;
    const QByteArray hex = content.trimmed();
    if (hex.size() == KeyBytes * 2) {
        const QByteArray key = QByteArray::fromHex(hex);
        if (key.size() == KeyBytes && key.toHex() == hex.toLower())
            return key;
    }
    return std::nullopt;
}

Core::Result<QByteArray> readKey(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return keyError(QStringLiteral("Cannot read the hub's data key."),
            QStringLiteral("%1: %2").arg(path, file.errorString()));
    }
    const auto key = parseKey(file.read(KeyBytes * 2 + 2));
    if (!key) {
        return keyError(QStringLiteral("The hub's data key file is not 64 bytes (or 128 hex "
                                       "digits)."),
            path);
    }
    return *key;
}

} // namespace

Secrets Secrets::fromKey(const QByteArray &key)
{
    Secrets secrets;
    secrets.m_encryptionKey = key.left(32);
    secrets.m_macKey = key.mid(32, 32);
    return secrets;
}

Core::Result<Secrets> Secrets::load(const QString &dataDir)
{
    const QString named = qEnvironmentVariable("TONGBAN_HUB_DATA_KEY_FILE");
    if (!named.isEmpty()) {
        auto key = readKey(named);
        if (!key)
            return key.error();
        return fromKey(*key);
    }
    const QString credentials = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    const QString credential = credentials + QStringLiteral("/tongban-hub-data-key");
    if (!credentials.isEmpty() && QFileInfo::exists(credential)) {
        auto key = readKey(credential);
        if (!key)
            return key.error();
        return fromKey(*key);
    }
    const QString dir = dataDir + QStringLiteral("/secrets");
    const QString path = dir + QStringLiteral("/data.key");
    if (QFileInfo::exists(path)) {
        auto key = readKey(path);
        if (!key)
            return key.error();
        return fromKey(*key);
    }
    // First start: a new key, the hub's own (0700 folder, 0600 file), written durably.
    const Core::Status made = Storage::FileSystem::system().ensureDirectory(dir);
    if (!made)
        return made.error();
    if (!QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        return keyError(QStringLiteral("Cannot make the hub's key folder private."), dir);
    }
    QByteArray key(KeyBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), int(KeyBytes)) != 1)
        return keyError(QStringLiteral("Cannot generate the hub's data key."), path);
    const Core::Status written = Storage::FileSystem::system().writeNewFile(path, key);
    if (!written)
        return written.error();
    if (!QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner))
        return keyError(QStringLiteral("Cannot make the hub's data key private."), path);
    return fromKey(key);
}

QString Secrets::lookupHash(const QString &value) const
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(value.toUtf8(), m_macKey, QCryptographicHash::Sha256)
            .toHex());
}

bool Secrets::isSealed(const QString &value)
{
    return value.startsWith(SealedPrefix);
}

QString Secrets::seal(const QString &plain) const
{
    if (plain.isEmpty())
        return {};
    const QByteArray input = plain.toUtf8();
    QByteArray out(NonceBytes + input.size() + TagBytes, Qt::Uninitialized);
    auto *bytes = reinterpret_cast<unsigned char *>(out.data());
    const std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> context(
        EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int length = 0;
    int final = 0;
    if (!context || RAND_bytes(bytes, int(NonceBytes)) != 1
        || EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr,
               reinterpret_cast<const unsigned char *>(m_encryptionKey.constData()), bytes)
            != 1
        || EVP_EncryptUpdate(context.get(), bytes + NonceBytes, &length,
               reinterpret_cast<const unsigned char *>(input.constData()), int(input.size()))
            != 1
        || EVP_EncryptFinal_ex(context.get(), bytes + NonceBytes + length, &final) != 1
        || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, int(TagBytes),
               bytes + NonceBytes + input.size())
            != 1)
        qFatal("AES-256-GCM is not available"); // OpenSSL 3 always has it
    return SealedPrefix + QString::fromLatin1(out.toBase64());
}

Core::Result<QString> Secrets::open(const QString &sealed) const
{
    if (!isSealed(sealed))
        return sealed;
    const QByteArray in = QByteArray::fromBase64(sealed.mid(SealedPrefix.size()).toLatin1());
    if (in.size() < NonceBytes + TagBytes) {
        return keyError(QStringLiteral("Stored personal data cannot be read."),
            QStringLiteral("sealed value too short"));
    }
    const qsizetype dataBytes = in.size() - NonceBytes - TagBytes;
    const auto *bytes = reinterpret_cast<const unsigned char *>(in.constData());
    QByteArray out(dataBytes, Qt::Uninitialized);
    QByteArray tag = in.right(TagBytes);
    const std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> context(
        EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int length = 0;
    int final = 0;
    if (!context
        || EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr,
               reinterpret_cast<const unsigned char *>(m_encryptionKey.constData()), bytes)
            != 1
        || EVP_DecryptUpdate(context.get(), reinterpret_cast<unsigned char *>(out.data()),
               &length, bytes + NonceBytes, int(dataBytes))
            != 1
        || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, int(TagBytes), tag.data())
            != 1
        || EVP_DecryptFinal_ex(
               context.get(), reinterpret_cast<unsigned char *>(out.data()) + length, &final)
            != 1) {
        return keyError(QStringLiteral("Stored personal data cannot be read: the hub's data key "
                                       "does not fit it."),
            QStringLiteral("AES-256-GCM tag mismatch"));
    }
    return QString::fromUtf8(out);
}

namespace PersonalData {

QString identityLookupHash(const Secrets &secrets, const QString &identityNumber)
{
    return secrets.lookupHash(QStringLiteral("id:") + identityNumber.trimmed().toUpper());
}

QString phoneLookupHash(const Secrets &secrets, const QString &phone)
{
    QString digits;
    for (const QChar c : phone) {
        if (c.isDigit())
            digits.append(c);
    }
    return secrets.lookupHash(QStringLiteral("phone:") + digits);
}

QJsonObject openObject(const Secrets *secrets, const QString &stored)
{
    QString plain = stored;
    if (secrets) {
        auto opened = secrets->open(stored);
        if (!opened) {
            qCWarning(lcHub).noquote() << "stored data not opened:" << opened.error().detail;
            return {};
        }
        plain = *opened;
    }
    return QJsonDocument::fromJson(plain.toUtf8()).object();
}

} // namespace PersonalData

} // namespace Tongban::Hub
