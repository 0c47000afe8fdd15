#include "Hash.h"

#include <QtGlobal>

#include <openssl/evp.h>

namespace Tongban::Core {

struct Sha256::Context
{
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(context); }
};

Sha256::Sha256()
    : m_context(std::make_unique<Context>())
{
    // Only running out of memory makes these fail, as Qt's own allocations would.
    if (!m_context->context || EVP_DigestInit_ex(m_context->context, EVP_sha256(), nullptr) != 1)
        qFatal("SHA-256: out of memory");
}

Sha256::~Sha256() = default;

void Sha256::addData(const char *data, qsizetype size)
{
    if (size > 0)
        EVP_DigestUpdate(m_context->context, data, size_t(size));
}

bool Sha256::addData(QIODevice *device)
{
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 read = device->read(buffer.data(), buffer.size());
        if (read < 0)
            return false;
        if (read == 0)
            return device->atEnd();
        addData(buffer.constData(), read);
    }
}

QByteArray Sha256::result()
{
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int length = 0;
    EVP_DigestFinal_ex(
        m_context->context, reinterpret_cast<unsigned char *>(digest.data()), &length);
    EVP_DigestInit_ex(m_context->context, EVP_sha256(), nullptr);
    return digest;
}

QByteArray sha256(const QByteArray &bytes)
{
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int length = 0;
    EVP_Digest(bytes.constData(), size_t(bytes.size()),
        reinterpret_cast<unsigned char *>(digest.data()), &length, EVP_sha256(), nullptr);
    return digest;
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(sha256(bytes).toHex());
}

} // namespace Tongban::Core
