#pragma once

#include <QByteArray>
#include <QImage>

namespace Tongban::Notices {

/*!
 * A QR code (ISO/IEC 18004, error correction level M) for \a text, as a
 * black-on-white image with \a moduleSize pixels per module and a four-module
 * quiet zone. Null image when \a text cannot be encoded (too long).
 * Wraps libqrencode; thread-safe.
 */
QImage qrCode(const QByteArray &text, int moduleSize = 8);

} // namespace Tongban::Notices
