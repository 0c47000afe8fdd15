#include "Codec.h"

#include "ImagingErrors.h"
#include "Tr.h"

#include <QBuffer>
#include <QFuture>
#include <QPainter>
#include <QPdfWriter>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdio> // jpeglib.h needs FILE
#include <cstring>
#include <jpeglib.h>
#include <map>
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

QSize jpegSize(const QByteArray &jpeg)
{
    TjHandle handle(tjInitDecompress());
    int width = 0, height = 0, subsamp = 0, colorspace = 0;
    if (!handle
        || tjDecompressHeader3(handle.get(), reinterpret_cast<const unsigned char *>(jpeg.data()),
               static_cast<unsigned long>(jpeg.size()), &width, &height, &subsamp, &colorspace)
            != 0)
        return {};
    return { width, height };
}

namespace {
struct JpegErrors
{
    jpeg_error_mgr manager;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

void jpegFailed(j_common_ptr info)
{
    auto *errors = reinterpret_cast<JpegErrors *>(info->err);
    (*info->err->format_message)(info, errors->message);
    std::longjmp(errors->jump, 1);
}

void jpegWarning(j_common_ptr, int) { } // corrupt data is an error only when fatal

// A region decode's parameters: asked region in, decoded region and picture size out.
struct RegionJob
{
    const unsigned char *data = nullptr;
    unsigned long size = 0;
    int x = 0, y = 0, width = 0, height = 0; // in: asked; out: decoded
    int pictureWidth = 0, pictureHeight = 0;
    unsigned char *out = nullptr;
    size_t stride = 0;
};

void decodeRegionSteps(jpeg_decompress_struct *info, RegionJob *job)
{
    jpeg_create_decompress(info);
    jpeg_mem_src(info, job->data, job->size);
    jpeg_read_header(info, TRUE);
    info->out_color_space = JCS_RGB; // as tjDecompress2 to TJPF_RGB: islow DCT, fancy upsampling
    jpeg_start_decompress(info);
    job->pictureWidth = int(info->output_width);
    job->pictureHeight = int(info->output_height);
    const int x0 = std::clamp(job->x, 0, job->pictureWidth - 1);
    const int y0 = std::clamp(job->y, 0, job->pictureHeight - 1);
    JDIMENSION xOffset = JDIMENSION(x0);
    JDIMENSION cropWidth
        = JDIMENSION(std::clamp(job->x + job->width, x0 + 1, job->pictureWidth) - x0);
    jpeg_crop_scanline(info, &xOffset, &cropWidth); // widened to the block grid
    const int rows = std::clamp(job->y + job->height, y0 + 1, job->pictureHeight) - y0;
    job->x = int(xOffset);
    job->y = y0;
    job->width = int(info->output_width);
    job->height = rows;
    if (job->out) {
        if (y0 > 0)
            jpeg_skip_scanlines(info, JDIMENSION(y0));
        for (int row = 0; row < rows;) {
            JSAMPROW line = job->out + size_t(row) * job->stride;
            const JDIMENSION read = jpeg_read_scanlines(info, &line, 1);
            if (read == 0)
                break; // truncated data: the rest stays as it is
            row += int(read);
        }
    }
    jpeg_abort_decompress(info); // the rows below are not needed
}

// The libjpeg calls; no C++ object lives across the long jump of an error. \a job->out null:
// sizes only. 0 on success.
int decodeRegion(RegionJob *job, JpegErrors *errors)
{
    jpeg_decompress_struct info {};
    info.err = jpeg_std_error(&errors->manager);
    errors->manager.error_exit = jpegFailed;
    errors->manager.emit_message = jpegWarning;
    if (setjmp(errors->jump)) {
        jpeg_destroy_decompress(&info);
        return -1;
    }
    decodeRegionSteps(&info, job);
    jpeg_destroy_decompress(&info);
    return 0;
}
} // namespace

Core::Result<QImage> decodeJpegRegion(
    const QByteArray &jpeg, const QRect &region, QPoint *origin, QSize *pictureSize)
{
    RegionJob job;
    job.data = reinterpret_cast<const unsigned char *>(jpeg.constData());
    job.size = static_cast<unsigned long>(jpeg.size());
    job.x = region.x();
    job.y = region.y();
    job.width = region.width();
    job.height = region.height();
    JpegErrors errors {};
    RegionJob sizes = job;
    if (region.isEmpty() || decodeRegion(&sizes, &errors) != 0)
        return decodeError(QString::fromLatin1(errors.message));
    QImage image(sizes.width, sizes.height, QImage::Format_RGB888);
    if (image.isNull())
        return decodeError(
            QStringLiteral("out of memory for %1x%2").arg(sizes.width).arg(sizes.height));
    job.out = image.bits();
    job.stride = size_t(image.bytesPerLine());
    if (decodeRegion(&job, &errors) != 0 || job.width != image.width())
        return decodeError(QString::fromLatin1(errors.message));
    if (origin)
        *origin = QPoint(job.x, job.y);
    if (pictureSize)
        *pictureSize = QSize(job.pictureWidth, job.pictureHeight);
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

namespace {
// Every \a every-th band of 16 rows (one MCU row at 4:2:0), stacked: with the fixed Huffman
// tables a JPEG's size is the sum of its blocks', so the sample's JPEG is about 1/every of
// the page's at any quality (within a percent or two on a page: text, photos and paper are
// spread over the bands alike).
QImage sampleBands(const QImage &image, int every)
{
    constexpr int kBand = 16;
    const int bands = image.height() / kBand;
    const int kept = (bands + every - 1) / every;
    QImage sample(image.width(), kept * kBand, image.format());
    const qsizetype lineBytes = std::min(image.bytesPerLine(), sample.bytesPerLine());
    int out = 0;
    for (int b = 0; b < bands; b += every) {
        for (int y = 0; y < kBand; ++y)
            std::memcpy(
                sample.scanLine(out++), image.constScanLine(b * kBand + y), size_t(lineBytes));
    }
    return sample;
}

// libjpeg's quality as the logarithm of its quantisation scale (jpeg_quality_scaling:
// 5000 / q below 50, 200 - 2q from 50); a JPEG's size is close to linear in it, far closer
// than its logarithm is in the quality (which is flat at low qualities and steep at high).
double logScale(double q)
{
    return std::log(q < 50 ? 5000.0 / q : 200.0 - 2.0 * q);
}

double qualityAtLogScale(double u)
{
    const double scale = std::exp(u);
    return scale <= 100 ? (200.0 - scale) / 2.0 : 5000.0 / scale;
}

// The highest quality in [lo, hi] for which \a sizeAt(q) <= maxBytes, given sizeAt(lo) fits
// and sizeAt(hi) does not: linear interpolation of the size in the log of the quantisation
// scale (the secant on the bracket) for the first six steps, then halving. Sizes grow
// with quality. Interpolating the log of the size in the quality took 7-9 probes from
// [30, 90] on the bench's pages (the guesses crept up from below, then four halvings);
// this takes 4-6. The result is the same: only the order of the probes changes.
template<typename SizeAt>
int searchQuality(int lo, double sizeLo, int hi, double sizeHi, double maxBytes, SizeAt sizeAt)
{
    for (int step = 0; hi - lo > 1; ++step) {
        int guess = (lo + hi) / 2;
        if (step < 6 && sizeLo > 0 && sizeHi > sizeLo) {
            const double t = (maxBytes - sizeLo) / (sizeHi - sizeLo);
            const double u = logScale(lo) + t * (logScale(hi) - logScale(lo));
            guess = std::clamp(int(std::lround(qualityAtLogScale(u))), lo + 1, hi - 1);
        }
        const double size = sizeAt(guess);
        if (size < 0)
            return -1;
        if (size <= maxBytes) {
            lo = guess;
            sizeLo = size;
        } else {
            hi = guess;
            sizeHi = size;
        }
    }
    return lo;
}
} // namespace

Core::Result<QByteArray> encodeJpegWithin(
    const QImage &input, qint64 maxBytes, int dpi, int minQuality, int maxQuality)
{
    // The highest quality whose size fits (size grows with quality). The image is converted
    // once. The quality is searched on a quarter of the page (every 4th band of rows, whose
    // JPEG is a quarter of the page's), then confirmed on the whole page: the quality found
    // must fit and the next one up must not (both encoded at once, on two threads), so the
    // result is exactly what trying every quality would give; a wrong guess moves one step
    // at a time. A page that fits at the best quality costs one full encode and one of the
    // sample, a page that does not about two full encodes (at once) and four or five of the
    // sample (the search on the whole page took 3-5 full encodes one after the other).
    const bool grey = isGrey(input);
    const QImage image
        = input.convertToFormat(grey ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    constexpr int kEvery = 4; // every 8th was tried: more full encodes, slower
    if (minQuality >= maxQuality || image.height() < 16 * kEvery * 8) {
        // Small image: the search on the whole image.
        auto top = encodePrepared(image, grey, maxQuality, dpi);
        if (!top || top->size() <= maxBytes || minQuality >= maxQuality)
            return top;
        auto low = encodePrepared(image, grey, minQuality, dpi);
        if (!low || low->size() > maxBytes)
            return low;
        bool failed = false;
        const int q = searchQuality(minQuality, double(low->size()), maxQuality,
            double(top->size()), double(maxBytes), [&](int quality) {
                auto attempt = encodePrepared(image, grey, quality, dpi);
                failed = failed || !attempt;
                return attempt ? double(attempt->size()) : -1.0;
            });
        if (failed || q < 0)
            return encodeError(QStringLiteral("JPEG encoder failed during the quality search"));
        return encodePrepared(image, grey, q, dpi);
    }

    const QImage sample = sampleBands(image, kEvery);
    const double scale = double(image.height()) / sample.height();
    bool failed = false;
    auto predicted = [&](int quality) {
        auto attempt = encodePrepared(sample, grey, quality, 0);
        failed = failed || !attempt;
        return attempt ? double(attempt->size()) * scale : -1.0;
    };
    int guess = maxQuality;
    const double top = predicted(maxQuality);
    if (failed)
        return encodeError(QStringLiteral("JPEG encoder failed on the sample"));
    if (top > double(maxBytes)) {
        const double low = predicted(minQuality);
        if (low < 0)
            return encodeError(QStringLiteral("JPEG encoder failed on the sample"));
        guess = low > double(maxBytes)
            ? minQuality
            : searchQuality(minQuality, low, maxQuality, top, double(maxBytes), predicted);
        if (failed || guess < 0)
            return encodeError(QStringLiteral("JPEG encoder failed on the sample"));
    }

    // Confirm on the whole page: \a guess fits and guess + 1 does not.
    std::map<int, Core::Result<QByteArray>> full;
    auto encodePair = [&](int q) {
        if (q + 1 <= maxQuality && !full.count(q + 1) && !full.count(q)) {
            QFuture<Core::Result<QByteArray>> next = QtConcurrent::run(
                [&image, grey, q, dpi] { return encodePrepared(image, grey, q + 1, dpi); });
            full.emplace(q, encodePrepared(image, grey, q, dpi));
            full.emplace(q + 1, next.result());
        } else if (!full.count(q)) {
            full.emplace(q, encodePrepared(image, grey, q, dpi));
        }
    };
    auto fits = [&](int q) {
        return full.at(q).ok() && full.at(q)->size() <= maxBytes;
    };
    encodePair(guess);
    if (!full.at(guess))
        return full.at(guess);
    if (fits(guess)) {
        int q = guess;
        for (;;) { // up while the next one fits too (the sample under-estimated)
            if (q == maxQuality)
                return std::move(full.at(q));
            if (!full.count(q + 1))
                encodePair(q + 1);
            if (!full.at(q + 1))
                return full.at(q + 1);
            if (!fits(q + 1))
                return std::move(full.at(q));
            ++q;
        }
    }
    for (int q = guess - 1; q >= minQuality; --q) { // down until one fits (over-estimated)
        encodePair(q);
        if (!full.at(q) || fits(q) || q == minQuality)
            return std::move(full.at(q));
    }
    return std::move(full.at(guess)); // minQuality does not fit: the smallest there is
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
