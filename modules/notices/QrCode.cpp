#include "QrCode.h"

#include <QPainter>
#include <qrencode.h>

#include <memory>

namespace Tongban::Notices {

QImage qrCode(const QByteArray &text, int moduleSize)
{
    if (text.isEmpty() || moduleSize < 1)
        return {};
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(text.constData(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code)
        return {};
    constexpr int kQuiet = 4;
    const int modules = code->width + 2 * kQuiet;
    QImage image(modules * moduleSize, modules * moduleSize, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            // Bit 0 of each byte: the module is dark (libqrencode's documented layout).
            if (code->data[y * code->width + x] & 1)
                painter.fillRect((x + kQuiet) * moduleSize, (y + kQuiet) * moduleSize, moduleSize,
                    moduleSize, Qt::black);
        }
    }
    painter.end();
    return image;
}

} // namespace Tongban::Notices
