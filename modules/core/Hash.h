#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QIODevice>
#include <QString>

#include <memory>

namespace Tongban::Core {

/*!
 * SHA-256, incrementally: how pages, notices, catalogue items and uploads are identified
 * everywhere. Computed by OpenSSL's libcrypto, which uses the CPU's SHA extensions where
 * there are some (2.2 GB/s on the CI machine, against 0.28 GB/s for Qt 6.4's own
 * QCryptographicHash). One object per thread; the free functions are thread-safe.
 */
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(const char *data, qsizetype size);
    void addData(QByteArrayView bytes) { addData(bytes.constData(), bytes.size()); }
    /// Everything \a device has left to read; false on a read error.
    bool addData(QIODevice *device);
    /// The 32-byte digest of everything added; the object starts again empty.
    QByteArray result();

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

/// The 32-byte SHA-256 digest of \a bytes.
QByteArray sha256(const QByteArray &bytes);

/// Lowercase hexadecimal SHA-256 of \a bytes.
QString sha256Hex(const QByteArray &bytes);

} // namespace Tongban::Core
