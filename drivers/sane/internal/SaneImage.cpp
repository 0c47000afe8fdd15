#include "SaneImage.h"

#include <cstring>
#include <drivers/api/DriverErrors.h>
#include <drivers/api/Tr.h>

namespace Tongban::Drivers::Sane::Internal {

namespace {
int sampleAt(const uchar *row, int index, int depth)
{
    if (depth == 8)
        return row[index];
    if (depth == 16) {
        quint16 v;
        std::memcpy(&v, row + 2 * index, 2); // SANE sends 16-bit samples in host order
        return v >> 8;
    }
    // depth 1: one bit per sample, most significant first; 1 is black (SANE standard 4.3.8).
    return (row[index / 8] >> (7 - index % 8)) & 1 ? 0 : 255;
}

} // namespace

Core::Result<QImage> framesToImage(const QList<SaneFrame> &frames)
{
    if (frames.isEmpty())
        return Core::Error { CaptureFailed,
            Tr::tr("The scanner sent a picture this program cannot read. Ask IT to check the "
                   "scanner settings."),
            QStringLiteral("no SANE frame") };
    const SANE_Parameters &p = frames.first().params;
    const int width = p.pixels_per_line;
    const int bpl = p.bytes_per_line;
    int height = p.lines;
    if (height < 0 && bpl > 0) // hand scanners do not know the height before the end
        height = int(frames.first().data.size() / bpl);
    const Core::Error bad { CaptureFailed,
        Tr::tr("The scanner sent a picture this program cannot read. Ask IT to check the "
               "scanner settings."),
        QStringLiteral("unsupported SANE frame: format %1 depth %2 %3x%4")
            .arg(int(p.format))
            .arg(p.depth)
            .arg(width)
            .arg(height) };
    if (width <= 0 || height <= 0 || bpl <= 0 || (p.depth != 1 && p.depth != 8 && p.depth != 16))
        return bad;
    for (const SaneFrame &f : frames) {
        if (f.data.size() < qsizetype(bpl) * height || f.params.bytes_per_line != bpl)
            return bad;
    }
    if (frames.size() == 1 && p.format == SANE_FRAME_GRAY) {
        QImage img(width, height, QImage::Format_Grayscale8);
        for (int y = 0; y < height; ++y) {
            const auto *row = reinterpret_cast<const uchar *>(frames.first().data.constData())
                + qsizetype(y) * bpl;
            uchar *out = img.scanLine(y);
            for (int x = 0; x < width; ++x)
                out[x] = uchar(sampleAt(row, x, p.depth));
        }
        return img;
    }
    if (frames.size() == 1 && p.format == SANE_FRAME_RGB && p.depth != 1) {
        QImage img(width, height, QImage::Format_RGB888);
        for (int y = 0; y < height; ++y) {
            const auto *row = reinterpret_cast<const uchar *>(frames.first().data.constData())
                + qsizetype(y) * bpl;
            uchar *out = img.scanLine(y);
            for (int i = 0; i < 3 * width; ++i)
                out[i] = uchar(sampleAt(row, i, p.depth));
        }
        return img;
    }
    if (frames.size() == 3) { // three-pass: one frame per channel
        QImage img(width, height, QImage::Format_RGB888);
        for (const SaneFrame &f : frames) {
            const int channel = f.params.format == SANE_FRAME_RED ? 0
                : f.params.format == SANE_FRAME_GREEN             ? 1
                : f.params.format == SANE_FRAME_BLUE              ? 2
                                                                  : -1;
            if (channel < 0)
                return bad;
            for (int y = 0; y < height; ++y) {
                const auto *row
                    = reinterpret_cast<const uchar *>(f.data.constData()) + qsizetype(y) * bpl;
                uchar *out = img.scanLine(y);
                for (int x = 0; x < width; ++x)
                    out[3 * x + channel] = uchar(sampleAt(row, x, f.params.depth));
            }
        }
        return img;
    }
    return bad;
}

} // namespace Tongban::Drivers::Sane::Internal
