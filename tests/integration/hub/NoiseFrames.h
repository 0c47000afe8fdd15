// Pictures of noise for call tests and benchmarks: the encoder's hard case (a camera's worth
// of detail; vp8enc cannot make 360p 15 fps of it smaller than about 1,000 kbit/s).
#pragma once

#include <QImage>
#include <QList>
#include <QSize>

namespace Tongban::Testing {

/// Eight frames of pseudo-random pixels (the same every run).
inline QList<QImage> noiseFrames(QSize size)
{
    QList<QImage> frames;
    quint32 x = 12345;
    for (int i = 0; i < 8; ++i) {
        QImage image(size, QImage::Format_RGB32);
        for (int y = 0; y < size.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int column = 0; column < size.width(); ++column) {
                x = x * 1664525u + 1013904223u;
                line[column] = x >> 8;
            }
        }
        frames.append(image);
    }
    return frames;
}

} // namespace Tongban::Testing
