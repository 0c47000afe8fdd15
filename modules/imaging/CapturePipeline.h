#pragma once

#include "Enhancer.h"
#include "PageQuad.h"
#include "QualityGate.h"

#include <core/Result.h>

#include <QByteArray>
#include <QImage>
#include <QJsonObject>

#include <atomic>

namespace Tongban::Imaging {

/// A still as a source delivers it: the device's JPEG, or a decoded image, or both.
struct StillInput
{
    QByteArray jpeg;
    QImage image;
    /// The page found on the preview, in preview pixels; empty: detect on the still.
    PageQuad previewQuad;
    QSize previewSize;
    /// A sheet scanner's or flatbed's image (a source without preview): the page lies on the
    /// glass without perspective, so it is deskewed (estimateSkew) instead of detected, and
    /// the whole scan is kept, resampled from scanDpi to ProcessOptions::dpi.
    bool scan = false;
    int scanDpi = 0; ///< the scanner's resolution; 0: ProcessOptions::dpi
};

struct ProcessOptions
{
    int dpi = 200;
    EnhanceMode mode = EnhanceMode::Auto;
    qint64 maxColourBytes = 200 * 1024;
    qint64 maxBilevelBytes = 50 * 1024;
};

/// Milliseconds per stage, for the log, the CLI and the benchmarks. The gate runs alongside
/// enhancement and encoding (gateMs is its own time), so totalMs() is the work, not the wait.
struct StageTimings
{
    double decodeMs = 0, detectMs = 0, refineMs = 0, warpMs = 0, gateMs = 0, enhanceMs = 0,
           encodeMs = 0;
    double totalMs() const
    {
        return decodeMs + detectMs + refineMs + warpMs + gateMs + enhanceMs + encodeMs;
    }
    QJsonObject toJson() const;
};

struct ProcessedPage
{
    QImage page; ///< enhanced, at the requested dpi
    QByteArray encoded;
    QString mediaType; ///< image/jpeg or image/png
    EnhanceMode mode = EnhanceMode::Invalid; ///< the mode used (Auto resolved)
    PageQuad quad; ///< in still pixels, refined (a scan: the whole image)
    double deskewDeg = 0; ///< a scan: the rotation removed, clockwise on screen
    QualityVerdict verdict;
    StageTimings timings;
    QJsonObject toJson() const;
};

/*!
 * Still to page: decode (libjpeg-turbo), find or take the page, refine its
 * edges at full resolution, warp to the size class at the dpi, gate, enhance,
 * encode within the size target. A scan (StillInput::scan) is deskewed and
 * resampled to the dpi instead of detected and warped. Blocking: call it off
 * the GUI thread (see CaptureWorker). \a cancel, when given, is checked
 * between stages; a cancelled run returns ImagingError::Cancelled.
 * Thread-safe.
 */
Core::Result<ProcessedPage> processStill(const StillInput &input, const ProcessOptions &options,
    const std::atomic_bool *cancel = nullptr);

/*!
 * What the clerk sees of a still at once, before it is processed: a 1/8 scaled decode of the
 * camera's JPEG (libjpeg-turbo DCT scaling, a few milliseconds for 13 MP; a decoded still is
 * subsampled instead), rectified with the preview's outline at dpi / 8 when there is one (a
 * scan, or no outline: the whole frame). Null when the still cannot be read. Thread-safe.
 */
QImage earlyThumbnail(const StillInput &input, int dpi);

/// Rectification alone: \a quad in \a image pixels to the size class at \a dpi; a page of
/// no size class at its measured size, the frame (\a frameWidth pixels wide, 0: the image's)
/// being the pad's 448 mm.
QImage rectifyPage(const QImage &image, const PageQuad &quad, int dpi, int frameWidth = 0);

} // namespace Tongban::Imaging
