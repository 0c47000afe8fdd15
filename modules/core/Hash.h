#pragma once

#include <QByteArray>
#include <QString>

namespace Tongban::Core {

/// Lowercase hexadecimal SHA-256 of \a bytes: how pages, notices, catalogue
/// items and uploads are identified everywhere. Thread-safe.
QString sha256Hex(const QByteArray &bytes);

} // namespace Tongban::Core
