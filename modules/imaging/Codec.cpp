#include "Codec.h"

#include "ImagingErrors.h"
#include "Tr.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <cmath>
#include <memory>
#include <turbojpeg.h>

namespace Tongban::Imaging {

namespace {
struct TjDeleter
{
    void operator()(void *h) const { tjDestroy(h); }
};
using TjHandle = std::unique_ptr<void, TjDeleter>;

Core::Error decodeError(const QString &detail)
{
    return { DecodeFailed,
        Tr::tr("The picture from the device could not be read. Capture the page again."), detail };
}

Core::Error encodeError(const QString &detail)
{
    return { EncodeFailed, Tr::tr("The page could not be saved as an image. Try again."), detail };
}

// JFIF APP0 density, so that viewers and printers know the page's physical size.
void setJfifDpi(QByteArray &jpeg, int dpi)
{
    if (dpi <= 0 || jpeg.size() < 20 || uchar(jpeg[2]) != 0xFF || uchar(jpeg[3]) != 0xE0
        || jpeg.mid(6, 5) != QByteArray("JFIF\0", 5))
        return;
    jpeg[13] = 1; // dots per inch
    jpeg[14] = char(dpi >> 8);
    jpeg[15] = char(dpi & 0xFF);
    jpeg[16] = char(dpi >> 8);
    jpeg[17] = char(dpi & 0xFF);
}
} // namespace

Core::Result<QImage> decodeJpeg(const QByteArray &jpeg, int scaleDenom)
{
    TjHandle handle(tjInitDecompress());
    if (!handle)
        return decodeError(QStringLiteral("tjInitDecompress failed"));
    int width = 0, height = 0, subsamp = 0, colorspace = 0;
    auto *data = reinterpret_cast<const unsigned char *>(jpeg.constData());
    if (tjDecompressHeader3(handle.get(), data, static_cast<unsigned long>(jpeg.size()), &width,
            &height, &subsamp, &colorspace)
        != 0)
        return decodeError(QString::fromUtf8(tjGetErrorStr2(handle.get())));
    const tjscalingfactor factor { 1, qBound(1, scaleDenom, 8) };
    const int w = TJSCALED(width, factor), h = TJSCALED(height, factor);
    QImage image(w, h, QImage::Format_RGB888);
    if (image.isNull())
        return decodeError(QStringLiteral("out of memory for %1x%2").arg(w).arg(h));
    if (tjDecompress2(handle.get(), data, static_cast<unsigned long>(jpeg.size()), image.bits(), w,
            int(image.bytesPerLine()), h, TJPF_RGB, 0)
        != 0)
        return decodeError(QString::fromUtf8(tjGetErrorStr2(handle.get())));
    return image;
}

Core::Result<QImage> decodeImage(const QByteArray &bytes)
{
    if (bytes.startsWith("\xFF\xD8"))
        return decodeJpeg(bytes);
    QImage image;
    if (!image.loadFromData(bytes))
        return decodeError(QStringLiteral("unsupported image format"));
    return image.convertToFormat(QImage::Format_RGB888);
}

namespace {
// \a image already in Format_Grayscale8 (\a grey) or Format_RGB888.
Core::Result<QByteArray> encodePrepared(const QImage &image, bool grey, int quality, int dpi)
{
    TjHandle handle(tjInitCompress());
    if (!handle || image.isNull())
        return encodeError(QStringLiteral("tjInitCompress failed or empty image"));
    unsigned char *buffer = nullptr;
    unsigned long size = 0;
    if (tjCompress2(handle.get(), image.constBits(), image.width(), int(image.bytesPerLine()),
            image.height(), grey ? TJPF_GRAY : TJPF_RGB, &buffer, &size,
            grey ? TJSAMP_GRAY : TJSAMP_420, qBound(1, quality, 100), TJFLAG_FASTDCT)
        != 0) {
        const QString detail = QString::fromUtf8(tjGetErrorStr2(handle.get()));
        tjFree(buffer);
        return encodeError(detail);
    }
    QByteArray bytes(reinterpret_cast<const char *>(buffer), qsizetype(size));
    tjFree(buffer);
    setJfifDpi(bytes, dpi);
    return bytes;
}

bool isGrey(const QImage &image)
{
    return image.format() == QImage::Format_Grayscale8 || image.format() == QImage::Format_Mono
        || image.format() == QImage::Format_MonoLSB;
}
} // namespace

Core::Result<QByteArray> encodeJpeg(const QImage &input, int quality, int dpi)
{
    const bool grey = isGrey(input);
    return encodePrepared(
        input.convertToFormat(grey ? QImage::Format_Grayscale8 : QImage::Format_RGB888), grey,
        quality, dpi);
}

Core::Result<QByteArray> encodeJpegWithin(
    const QImage &input, qint64 maxBytes, int dpi, int minQuality, int maxQuality)
{
    // The highest quality whose size fits (size grows with quality). The image is converted
    // once; the best quality is tried first (a sparse page fits at once), then the lowest,
    // then the bracket narrows by interpolating on the logarithm of the size (smooth in the
    // quality), falling back to halving: 3-5 encodes where halving alone took 7.
    const bool grey = isGrey(input);
    const QImage image
        = input.convertToFormat(grey ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    auto top = encodePrepared(image, grey, maxQuality, dpi);
    if (!top || top->size() <= maxBytes || minQuality >= maxQuality)
        return top;
    auto best = encodePrepared(image, grey, minQuality, dpi);
    if (!best || best->size() > maxBytes)
        return best;
    int lo = minQuality, hi = maxQuality;
    double sizeLo = double(best->size()), sizeHi = double(top->size());
    for (int step = 0; hi - lo > 1; ++step) {
        int guess = (lo + hi) / 2;
        if (step < 3 && sizeLo > 0 && sizeHi > sizeLo) {
            const double t = (std::log(double(maxBytes)) - std::log(sizeLo))
                / (std::log(sizeHi) - std::log(sizeLo));
            guess = std::clamp(int(std::lround(lo + t * (hi - lo))), lo + 1, hi - 1);
        }
        auto attempt = encodePrepared(image, grey, guess, dpi);
        if (!attempt)
            return attempt;
        if (attempt->size() <= maxBytes) {
            lo = guess;
            sizeLo = double(attempt->size());
            best = std::move(attempt);
        } else {
            hi = guess;
            sizeHi = double(attempt->size());
        }
    }
    return best;
}

Core::Result<QByteArray> encodeBilevelPng(const QImage &image, int dpi)
{
    QImage mono = image.convertToFormat(QImage::Format_Grayscale8)
                      .convertToFormat(QImage::Format_Mono, Qt::ThresholdDither);
    const int dpm = int(std::lround(dpi / 0.0254));
    mono.setDotsPerMeterX(dpm);
    mono.setDotsPerMeterY(dpm);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!mono.save(&buffer, "PNG", 0))
        return encodeError(QStringLiteral("PNG encoder failed"));
    return bytes;
}

Core::Status writePdf(const QString &path, const QList<QImage> &pages, int dpi)
{
    if (pages.isEmpty() || dpi <= 0)
        return Core::Error { InvalidInput, Tr::tr("There are no pages to put in the PDF."),
            QStringLiteral("empty page list or dpi") };
    QPdfWriter writer(path);
    writer.setResolution(dpi);
    writer.setCreator(QStringLiteral("Tongban Workstation"));
    auto pageSize = [dpi](const QImage &img) {
        return QPageSize(
            QSizeF(img.width() * 25.4 / dpi, img.height() * 25.4 / dpi), QPageSize::Millimeter);
    };
    writer.setPageSize(pageSize(pages.first()));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter;
    if (!painter.begin(&writer))
        return Core::Error { PdfFailed,
            Tr::tr("The PDF file could not be written. Check the folder and free space."),
            QStringLiteral("QPdfWriter could not open %1").arg(path) };
    for (int i = 0; i < pages.size(); ++i) {
        if (i > 0) {
            writer.setPageSize(pageSize(pages[i]));
            writer.newPage();
        }
        painter.drawImage(QRect(0, 0, pages[i].width(), pages[i].height()), pages[i]);
    }
    if (!painter.end())
        return Core::Error { PdfFailed,
            Tr::tr("The PDF file could not be written. Check the folder and free space."),
            QStringLiteral("QPainter::end failed for %1").arg(path) };
    return {};
}

} // namespace Tongban::Imaging
