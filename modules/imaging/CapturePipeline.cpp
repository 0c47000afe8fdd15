#include "CapturePipeline.h"

#include "Codec.h"
#include "Deskew.h"
#include "ImagingErrors.h"
#include "PageDetector.h"
#include "Tr.h"
#include "internal/CvImage.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <opencv2/imgproc.hpp>

namespace Tongban::Imaging {

QJsonObject StageTimings::toJson() const
{
    auto r = [](double ms) {
        return std::round(ms * 10) / 10;
    };
    return { { QStringLiteral("decodeMs"), r(decodeMs) },
        { QStringLiteral("detectMs"), r(detectMs) }, { QStringLiteral("refineMs"), r(refineMs) },
        { QStringLiteral("warpMs"), r(warpMs) }, { QStringLiteral("gateMs"), r(gateMs) },
        { QStringLiteral("enhanceMs"), r(enhanceMs) }, { QStringLiteral("encodeMs"), r(encodeMs) },
        { QStringLiteral("totalMs"), r(totalMs()) } };
}

QJsonObject ProcessedPage::toJson() const
{
    return { { QStringLiteral("quad"), quad.toJson() },
        { QStringLiteral("verdict"), verdict.toJson() },
        { QStringLiteral("mode"), enhanceModeName(mode) },
        { QStringLiteral("mediaType"), mediaType },
        { QStringLiteral("sizeBytes"), qint64(encoded.size()) },
        { QStringLiteral("width"), page.width() }, { QStringLiteral("height"), page.height() },
        { QStringLiteral("deskewDeg"), deskewDeg },
        { QStringLiteral("timings"), timings.toJson() } };
}

QImage rectifyPage(const QImage &image, const PageQuad &quad, int dpi, int frameWidth)
{
    if (!quad.isValid() || dpi <= 0)
        return {};
    QSizeF mm = sizeClassMm(quad.sizeClass);
    const QPolygonF &c = quad.corners;
    auto dist = [](QPointF a, QPointF b) {
        return std::hypot(a.x() - b.x(), a.y() - b.y());
    };
    const double widthPx = 0.5 * (dist(c[0], c[1]) + dist(c[3], c[2]));
    const double heightPx = 0.5 * (dist(c[0], c[3]) + dist(c[1], c[2]));
    if (mm.isEmpty()) {
        // Unknown paper: its measured size at the fixed scale of the pad (448 mm wide).
        const double mmPerPx = 448.0 / (frameWidth > 0 ? frameWidth : image.width());
        mm = QSizeF(widthPx * mmPerPx, heightPx * mmPerPx);
    } else if (widthPx > heightPx) {
        mm.transpose();
    }
    const int w = std::max(1, int(std::lround(mm.width() / 25.4 * dpi)));
    const int h = std::max(1, int(std::lround(mm.height() / 25.4 * dpi)));
    QImage keep;
    const cv::Mat src = Internal::toMat(image, &keep);
    const cv::Point2f from[4]
        = { { float(c[0].x()), float(c[0].y()) }, { float(c[1].x()), float(c[1].y()) },
              { float(c[2].x()), float(c[2].y()) }, { float(c[3].x()), float(c[3].y()) } };
    const cv::Point2f to[4]
        = { { -0.5f, -0.5f }, { w - 0.5f, -0.5f }, { w - 0.5f, h - 0.5f }, { -0.5f, h - 0.5f } };
    cv::Mat out;
    QImage page = Internal::newImage(w, h, src.channels(), &out); // warped in place, no copy
    if (page.isNull())
        return {};
    cv::warpPerspective(src, out, cv::getPerspectiveTransform(from, to), { w, h }, cv::INTER_LINEAR,
        cv::BORDER_CONSTANT, cv::Scalar::all(255));
    return page;
}

QImage earlyThumbnail(const StillInput &input, int dpi)
{
    constexpr int kDenom = 8;
    QImage small;
    if (input.jpeg.startsWith("\xFF\xD8")) {
        if (auto decoded = decodeJpeg(input.jpeg, kDenom))
            small = std::move(decoded).value();
    }
    if (small.isNull() && !input.image.isNull())
        small = input.image.scaled(
            input.image.size() / kDenom, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    if (small.isNull() || input.scan || !input.previewQuad.isValid() || input.previewSize.isEmpty())
        return small;
    const PageQuad quad
        = input.previewQuad.scaled(double(small.width()) / input.previewSize.width());
    const QImage page = rectifyPage(small, quad, std::max(1, dpi / kDenom));
    return page.isNull() ? small : page;
}

namespace {

// Gate, enhance and encode \a page (at options.dpi); the common tail of stills and scans.
Core::Result<ProcessedPage> finishPage(const QImage &page, const PageQuad &gateQuad,
    QSize stillSize, const ProcessOptions &options, ProcessedPage out,
    const std::atomic_bool *cancel, QElapsedTimer &t)
{
    const auto cancelled = [cancel] {
        return cancel && cancel->load();
    };
    const Core::Error cancelError { Cancelled, Tr::tr("The capture was cancelled."),
        QStringLiteral("cancelled") };
    auto lap = [&t] {
        const double ms = t.nsecsElapsed() / 1e6;
        t.restart();
        return ms;
    };
    // The gate reads the rectified page while it is enhanced and encoded (on a second core:
    // the clerk waits for the longer of the two, not their sum); gateMs is its own time.
    QFuture<QualityVerdict> gate = QtConcurrent::run([&page, &options, &gateQuad, stillSize, &out] {
        QElapsedTimer own;
        own.start();
        QualityVerdict verdict = QualityGate().assessPage(page, options.dpi, gateQuad, stillSize);
        out.timings.gateMs = own.nsecsElapsed() / 1e6;
        return verdict;
    });
    // Every return below waits for the gate first (it reads \a page and writes \a out).
    struct Join
    {
        QFuture<QualityVerdict> &future;
        ~Join() { future.waitForFinished(); }
    } join { gate };

    out.page = enhancePage(page, options.mode, &out.mode);
    out.timings.enhanceMs = lap();
    if (cancelled())
        return cancelError;

    if (out.mode == EnhanceMode::BlackWhite) {
        auto png = encodeBilevelPng(out.page, options.dpi);
        if (png && png->size() <= options.maxBilevelBytes) {
            out.encoded = std::move(png).value();
            out.mediaType = QStringLiteral("image/png");
        } else {
            auto jpeg = encodeJpegWithin(out.page, options.maxBilevelBytes, options.dpi);
            if (!jpeg)
                return jpeg.error();
            out.encoded = std::move(jpeg).value();
            out.mediaType = QStringLiteral("image/jpeg");
        }
    } else {
        auto jpeg = encodeJpegWithin(out.page, options.maxColourBytes, options.dpi);
        if (!jpeg)
            return jpeg.error();
        out.encoded = std::move(jpeg).value();
        out.mediaType = QStringLiteral("image/jpeg");
    }
    out.timings.encodeMs = lap();
    out.verdict = gate.result();
    return out;
}

// A scan: deskew the whole image, resample to the dpi, then the common tail. No cut-off
// check (the scan is the whole glass).
Core::Result<ProcessedPage> processScan(const QImage &still, int scanDpi,
    const ProcessOptions &options, ProcessedPage out, const std::atomic_bool *cancel)
{
    QElapsedTimer t;
    t.start();
    const SkewEstimate skew = estimateSkew(still);
    out.deskewDeg = skew.angleDeg;
    out.quad.corners = QPolygonF({ QPointF(0, 0), QPointF(still.width() - 1, 0),
        QPointF(still.width() - 1, still.height() - 1), QPointF(0, still.height() - 1) });
    out.quad.confidence = 1;
    out.timings.detectMs = t.nsecsElapsed() / 1e6;
    t.restart();
    if (cancel && cancel->load())
        return Core::Error { Cancelled, Tr::tr("The capture was cancelled."),
            QStringLiteral("cancelled") };
    QImage page = std::abs(skew.angleDeg) >= 0.05 ? rotateScan(still, skew.angleDeg) : still;
    if (scanDpi > 0 && scanDpi != options.dpi)
        page = page.scaledToWidth(int(std::lround(double(page.width()) * options.dpi / scanDpi)),
            Qt::SmoothTransformation);
    out.timings.warpMs = t.nsecsElapsed() / 1e6;
    t.restart();
    return finishPage(page, PageQuad(), still.size(), options, std::move(out), cancel, t);
}

} // namespace

Core::Result<ProcessedPage> processStill(
    const StillInput &input, const ProcessOptions &options, const std::atomic_bool *cancel)
{
    const auto cancelled = [cancel] {
        return cancel && cancel->load();
    };
    const Core::Error cancelError { Cancelled, Tr::tr("The capture was cancelled."),
        QStringLiteral("cancelled") };
    ProcessedPage out;
    QElapsedTimer t;
    t.start();
    auto lap = [&t] {
        const double ms = t.nsecsElapsed() / 1e6;
        t.restart();
        return ms;
    };

    const bool withPreviewQuad
        = !input.scan && input.previewQuad.isValid() && !input.previewSize.isEmpty();
    QImage still = input.image;
    QSize stillSize = still.size();
    QPoint origin; // of the decoded part in the still
    if (still.isNull()) {
        // With the preview's outline only the page's part of the JPEG is decoded (its box
        // and a margin for the refinement): an A4 page covers about 40 % of the frame, an ID
        // card 5 %. Otherwise the whole still.
        Core::Result<QImage> decoded = Core::Error {};
        bool cropped = false;
        stillSize = withPreviewQuad ? jpegSize(input.jpeg) : QSize();
        if (!stillSize.isEmpty()) {
            const PageQuad quad
                = input.previewQuad.scaled(double(stillSize.width()) / input.previewSize.width());
            const int margin = std::max(64, stillSize.width() / 32);
            const QRect box = quad.corners.boundingRect().toAlignedRect().adjusted(
                                  -margin, -margin, margin, margin)
                & QRect(QPoint(), stillSize);
            if (!box.isEmpty()
                && box.width() * qint64(box.height()) * 10
                    < stillSize.width() * qint64(stillSize.height()) * 9) {
                decoded = decodeJpegRegion(input.jpeg, box, &origin, &stillSize);
                cropped = decoded.ok();
            }
        }
        if (!cropped) {
            origin = QPoint();
            decoded = decodeJpeg(input.jpeg);
        }
        if (!decoded)
            return decoded.error();
        still = std::move(decoded).value();
        if (!cropped)
            stillSize = still.size();
    }
    out.timings.decodeMs = lap();
    if (cancelled())
        return cancelError;

    if (input.scan)
        return processScan(still, input.scanDpi, options, std::move(out), cancel);

    PageQuad quad;
    if (withPreviewQuad) {
        quad = input.previewQuad.scaled(double(stillSize.width()) / input.previewSize.width());
        quad.corners.translate(-origin); // into the decoded part
    } else {
        // Detect on a copy about 1024 px wide made from the decoded still: every n-th row,
        // area-averaged along it (a quarter of the pixels read; cheaper than a second,
        // reduced JPEG decode, and less noisy than a preview frame). The edges are then
        // refined on the still itself.
        QImage small = still;
        if (still.width() > 1300) {
            QImage keepStill;
            const cv::Mat full = Internal::toMat(still, &keepStill);
            const int factor = still.width() / 1024;
            // The middle row of each band, so pixel centres stay where PageQuad::scaled expects.
            const cv::Mat everyNthRow(full.rows / factor, full.cols, full.type(),
                const_cast<uchar *>(full.ptr(factor / 2)), full.step * size_t(factor));
            cv::Mat reduced;
            cv::resize(everyNthRow, reduced, { full.cols / factor, full.rows / factor }, 0, 0,
                cv::INTER_AREA);
            small = Internal::toQImage(reduced);
        }
        const QList<PageQuad> found = PageDetector().detect(small);
        if (found.isEmpty())
            return Core::Error { NoPageFound,
                Tr::tr("No page was found in the picture. Lay the page on the pad, inside the "
                       "camera's view, then capture again."),
                QStringLiteral("detector found no quad") };
        quad = found.first().scaled(double(still.width()) / small.width());
    }
    out.timings.detectMs = lap();
    if (cancelled())
        return cancelError;

    // The clerk's corners are kept as they are: refinement would pull a corrected corner
    // back onto the edge the detector had found.
    if (!quad.clerkCorrected) {
        const double radius = std::max(4.0, 2.0 * still.width() / 1024.0);
        quad = PageDetector::refine(still, quad, radius);
    }
    out.timings.refineMs = lap();

    const QImage page = rectifyPage(still, quad, options.dpi, stillSize.width());
    out.timings.warpMs = lap();
    if (cancelled())
        return cancelError;

    quad.corners.translate(origin); // back into the still's pixels
    out.quad = quad;
    return finishPage(page, quad, stillSize, options, std::move(out), cancel, t);
}

} // namespace Tongban::Imaging
