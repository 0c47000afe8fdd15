#include "PageDetector.h"

#include "Logging.h"
#include "internal/CandidateScore.h"
#include "internal/CvImage.h"
#include "internal/EdgeFit.h"
#include "internal/RegionSearch.h"
#include "internal/Segmentation.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

// The detection passes (internal/Segmentation), the starts per region (internal/QuadStarts,
// internal/LineVoting), their refinement and scoring (internal/RegionSearch,
// internal/CandidateScore); here the order of the passes: each fallback runs only while the
// passes before it found too few pages.

namespace Tongban::Imaging {

using namespace Internal;

namespace {

// Low light: a frame whose brightest percent is below kDimLevel is brightened (by at most
// kMaxGain) so that it reaches kExposedLevel, when nothing was found as it is.
constexpr double kDimLevel = 170;
constexpr double kExposedLevel = 235;
constexpr double kMaxGain = 2.6;

} // namespace

PageDetector::PageDetector() = default;

PageDetector::PageDetector(const Options &options)
    : m_options(options)
{ }

QList<PageQuad> PageDetector::detect(const QImage &frame) const
{
    QImage keep;
    const cv::Mat original = Internal::toMat(frame, &keep);
    if (original.empty())
        return {};
    const double scale = double(original.cols) / kWorkWidth;
    const double mmPerPx = m_options.padWidthMm / original.cols;
    const WorkImages work = prepareWork(original, scale);
    const double sx = double(original.cols) / work.small.cols;
    const double minArea = 0.012 * work.small.cols * work.small.rows;
    const double mmPerPxSmall = m_options.padWidthMm / work.small.cols;
    RegionSearch search(sx, minArea, mmPerPx, mmPerPxSmall, m_options.minConfidence);

    auto segment = [&](const WorkImages &w, bool localLight, bool keepSkin,
                       bool chromaticity = false) {
        if (lcImaging().isDebugEnabled())
            qCDebug(lcImaging, "pass: local light %d, keep skin %d, chromaticity %d, unresolved %d",
                int(localLight), int(keepSkin), int(chromaticity), search.unresolved());
        search.consider(w,
            regionsBySegmentation(w.small, w.blurred, w.padLevel, w.colour ? &w.pad : nullptr,
                localLight, keepSkin, chromaticity),
            true);
    };
    // Pages by colour on every pad: under a shadow across the border a light pad's median
    // reads dark, and a tinted page is then found by its colour only.
    segment(work, false, false);
    // One page found and a region left that gave none: perhaps a second document that only
    // another pass finds (side by side, one in a shadow); the passes below run for it too.
    const bool secondPage = search.unresolved() > 0 && m_options.maxPages > 1;
    // A page of no size class (part of a page, cut by a shadow's edge) does not end the search:
    // the passes below may find the whole page, which then wins on confidence.
    // Nor does a page found only tentatively (a side guessed from its size class, which may
    // lie on a drop shadow's edge): a later pass may find the same page sure of every side.
    const double sure = std::max(m_options.minConfidence, PageQuad::kSureConfidence);
    auto good = [&, secondPage, sure] {
        return search.hasDistinctPages(secondPage ? 2 : 1, sure);
    };
    if (!good()) // a soft shadow across the frame: against the pad's local light
        segment(work, true, false);
    if (!good()) // orange or salmon paper, as red over blue as a hand
        segment(work, false, true);
    if (!good() && work.colour) // a tinted page half in a soft shadow
        segment(work, false, false, true);
    if (!good()) {
        // Low light: the levels that tell a white pad from a dark one (and the steps the
        // thresholds expect) are those of a normally exposed frame. The frame is brightened
        // so that its brightest part (paper, or a light pad) is where it would be.
        std::vector<uchar> levels(work.blurred.begin<uchar>(), work.blurred.end<uchar>());
        const size_t at = levels.size() * 99 / 100;
        std::nth_element(levels.begin(), levels.begin() + long(at), levels.end());
        const double bright = std::max<double>(levels[at], 1);
        if (bright < kDimLevel) {
            cv::Mat brighter;
            original.convertTo(brighter, -1, std::min(kExposedLevel / bright, kMaxGain));
            const WorkImages dim = prepareWork(brighter, scale);
            segment(dim, false, false);
            if (!good())
                segment(dim, true, false);
        }
    }
    // Last, an edge map: when nothing was found, or a second document is still missing.
    if (!search.anyConfident() || !good())
        search.consider(work, regionsByEdges(work.blurred), false);

    dropNestedCandidates(search.candidates(), m_options.minConfidence);
    return selectPages(search.candidates(), m_options.minConfidence, m_options.maxPages);
}

PageQuad PageDetector::refine(const QImage &image, const PageQuad &quad, double searchRadiusPx)
{
    QImage keep;
    const cv::Mat mat = Internal::toMat(image, &keep);
    if (!quad.isValid() || mat.empty())
        return quad;
    Corners c;
    for (size_t i = 0; i < 4; ++i)
        c[i] = { quad.corners[int(i)].x(), quad.corners[int(i)].y() };
    double support = 0;
    if (!refineQuad(mat, c, searchRadiusPx, 3, &support))
        return quad;
    refineQuad(mat, c, std::max(2.5, searchRadiusPx / 3), 3, &support);
    PageQuad out = quad;
    out.corners.clear();
    for (const auto &p : c)
        out.corners << QPointF(p.x, p.y);
    out.edgeSupport = support;
    return out;
}

QList<PageQuad> PageDetector::classicDetect(const QImage &frame)
{
    QImage keep;
    const cv::Mat full = Internal::toMat(frame, &keep);
    if (full.empty())
        return {};
    cv::Mat small, gray, edges;
    const double scale = double(full.cols) / kWorkWidth;
    cv::resize(
        full, small, { kWorkWidth, int(std::lround(full.rows / scale)) }, 0, 0, cv::INTER_AREA);
    if (small.channels() == 3)
        cv::cvtColor(small, gray, cv::COLOR_RGB2GRAY);
    else
        gray = small;
    cv::GaussianBlur(gray, gray, { 5, 5 }, 0);
    cv::Canny(gray, edges, 75, 200);
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(edges, contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
    std::sort(contours.begin(), contours.end(),
        [](const auto &a, const auto &b) { return cv::contourArea(a) > cv::contourArea(b); });
    if (contours.size() > 5)
        contours.resize(5);
    for (const auto &c : contours) {
        std::vector<cv::Point> approx;
        cv::approxPolyDP(c, approx, 0.02 * cv::arcLength(c, true), true);
        if (approx.size() != 4 || cv::contourArea(approx) < 0.01 * small.cols * small.rows)
            continue;
        Corners pts;
        for (size_t i = 0; i < 4; ++i)
            pts[i]
                = (cv::Point2d(approx[i]) + cv::Point2d(0.5, 0.5)) * scale - cv::Point2d(0.5, 0.5);
        pts = orderCorners(pts);
        PageQuad q;
        for (const auto &p : pts)
            q.corners << QPointF(p.x, p.y);
        q.confidence = 1;
        return { q };
    }
    return {};
}

} // namespace Tongban::Imaging
