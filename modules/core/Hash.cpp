#include "Hash.h"

#include <QCryptographicHash>

namespace Tongban::Core {

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace Tongban::Core
