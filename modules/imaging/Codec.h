#pragma once

#include <core/Result.h>

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QString>

namespace Tongban::Imaging {

/// Decodes a JPEG with libjpeg-turbo to RGB888; \a scaleDenom 1, 2, 4 or 8 decodes reduced.
Core::Result<QImage> decodeJpeg(const QByteArray &jpeg, int scaleDenom = 1);
/*!
 * Decodes only \a region of a JPEG (libjpeg-turbo: rows above it skipped without their
 * inverse DCT, rows below not read, columns outside it cropped at the block grid, so the
 * decoded part may be a little wider than asked). \a origin receives the top-left of the
 * result in the picture, \a pictureSize the whole picture's size. Same pixels as
 * decodeJpeg() but in the first and last column (the chroma upsampling takes the crop's
 * edge for the picture's: a level or two).
 */
Core::Result<QImage> decodeJpegRegion(
    const QByteArray &jpeg, const QRect &region, QPoint *origin, QSize *pictureSize);
/// The picture's size from the JPEG header alone; empty when it cannot be read.
QSize jpegSize(const QByteArray &jpeg);
/// Any format Qt reads, JPEG through decodeJpeg().
Core::Result<QImage> decodeImage(const QByteArray &bytes);

/// JPEG at \a quality (1-100), 4:2:0 for colour, grey stays one channel; \a dpi in the header.
Core::Result<QByteArray> encodeJpeg(const QImage &image, int quality, int dpi = 0);

/// The best JPEG quality within \a maxBytes (never below \a minQuality).
Core::Result<QByteArray> encodeJpegWithin(
    const QImage &image, qint64 maxBytes, int dpi = 0, int minQuality = 30, int maxQuality = 90);

/// A black-and-white page as a 1-bit PNG (far smaller than JPEG for text).
Core::Result<QByteArray> encodeBilevelPng(const QImage &image, int dpi);

/// A multi-page PDF, each page at its physical size from \a dpi. Overwrites \a path.
Core::Status writePdf(const QString &path, const QList<QImage> &pages, int dpi);

} // namespace Tongban::Imaging
