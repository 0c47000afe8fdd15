#include "PageDetector.h"

#include "Logging.h"
#include "internal/CvImage.h"
#include "internal/EdgeFit.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace Tongban::Imaging {

using Internal::orderCorners;
using Internal::refineQuad;

namespace {

constexpr int kWorkWidth = 512;

using Corners = std::array<cv::Point2d, 4>;

struct Candidate
{
    Corners corners;
    PageQuad quad;
};

bool onBorder(const cv::Point &a, const cv::Point &b, cv::Size size)
{
    const int m = 3;
    return (a.x <= m && b.x <= m) || (a.y <= m && b.y <= m)
        || (a.x >= size.width - 1 - m && b.x >= size.width - 1 - m)
        || (a.y >= size.height - 1 - m && b.y >= size.height - 1 - m);
}

bool lineIntersection(
    cv::Point2d a1, cv::Point2d a2, cv::Point2d b1, cv::Point2d b2, cv::Point2d &out)
{
    const cv::Point2d da = a2 - a1, db = b2 - b1;
    const double det = da.x * db.y - da.y * db.x;
    if (std::abs(det) < 1e-9)
        return false;
    const cv::Point2d d = b1 - a1;
    out = a1 + da * ((d.x * db.y - d.y * db.x) / det);
    return true;
}

// Four sides from a region's hull: sides lying on the frame border are dropped (a cut-off
// page), the four longest remaining ones are extended and intersected.
bool quadFromHull(const std::vector<cv::Point> &hull, cv::Size size, Corners &out)
{
    std::vector<cv::Point> poly;
    cv::approxPolyDP(hull, poly, 0.012 * cv::arcLength(hull, true), true);
    const size_t n = poly.size();
    if (n < 4)
        return false;
    struct Side
    {
        cv::Point2d a, b;
        double length;
        size_t index;
    };
    std::vector<Side> sides;
    for (size_t i = 0; i < n; ++i) {
        const cv::Point a = poly[i], b = poly[(i + 1) % n];
        if (onBorder(a, b, size))
            continue;
        sides.push_back({ a, b, cv::norm(a - b), i });
    }
    if (sides.size() < 4)
        return false;
    std::vector<Side> longest = sides;
    std::partial_sort(longest.begin(), longest.begin() + 4, longest.end(),
        [](const Side &x, const Side &y) { return x.length > y.length; });
    longest.resize(4);
    std::sort(longest.begin(), longest.end(),
        [](const Side &x, const Side &y) { return x.index < y.index; });
    // The fifth-longest side must be short, or this is not a four-sided region.
    if (sides.size() > 4) {
        double fifth = 0;
        for (const Side &s : sides) {
            if (s.length < longest[0].length && s.length < longest[1].length
                && s.length < longest[2].length && s.length < longest[3].length)
                fifth = std::max(fifth, s.length);
        }
        double shortest = longest[0].length;
        for (const Side &s : longest)
            shortest = std::min(shortest, s.length);
        if (fifth > 0.5 * shortest)
            return false;
    }
    Corners c;
    for (size_t i = 0; i < 4; ++i) {
        const Side &prev = longest[(i + 3) % 4], &cur = longest[i];
        if (!lineIntersection(prev.a, prev.b, cur.a, cur.b, c[i]))
            return false;
    }
    out = orderCorners(c);
    return true;
}

double cornerAngleDeviationDeg(const Corners &c)
{
    double worst = 0;
    for (size_t i = 0; i < 4; ++i) {
        const cv::Point2d u = c[(i + 3) % 4] - c[i], v = c[(i + 1) % 4] - c[i];
        const double cosA = u.dot(v) / (cv::norm(u) * cv::norm(v) + 1e-9);
        worst = std::max(worst, std::abs(std::acos(std::clamp(cosA, -1.0, 1.0)) * 180 / M_PI - 90));
    }
    return worst;
}

// Scores a refined quad; false when it cannot be a page.
bool score(const Corners &c, double support, double mmPerPx, PageQuad &quad)
{
    std::vector<cv::Point2f> pts(c.begin(), c.end());
    if (!cv::isContourConvex(pts))
        return false;
    const double angleDev = cornerAngleDeviationDeg(c);
    const double angleFactor = std::clamp(1.0 - (angleDev - 12) / 25, 0.0, 1.0);
    const double top = cv::norm(c[1] - c[0]), bottom = cv::norm(c[2] - c[3]);
    const double left = cv::norm(c[3] - c[0]), right = cv::norm(c[2] - c[1]);
    const double widthMm = 0.5 * (top + bottom) * mmPerPx;
    const double heightMm = 0.5 * (left + right) * mmPerPx;
    const double shortMm = std::min(widthMm, heightMm), longMm = std::max(widthMm, heightMm);
    if (longMm < 40)
        return false;
    SizeClass best = SizeClass::Unknown;
    double bestError = 0.12;
    for (SizeClass k : { SizeClass::A4, SizeClass::A5, SizeClass::IdCard }) {
        const QSizeF mm = sizeClassMm(k);
        const double e = std::max(std::abs(shortMm - mm.width()) / mm.width(),
            std::abs(longMm - mm.height()) / mm.height());
        if (e < bestError) {
            bestError = e;
            best = k;
        }
    }
    const double sizeFactor = best == SizeClass::Unknown ? 0.8 : 1.0;
    quad.corners.clear();
    for (const auto &p : c)
        quad.corners << QPointF(p.x, p.y);
    quad.edgeSupport = support;
    quad.sizeClass = best;
    quad.landscape = widthMm > heightMm;
    quad.confidence = std::clamp(support, 0.0, 1.0) * angleFactor * sizeFactor;
    return true;
}

std::vector<std::vector<cv::Point>> regionsBySegmentation(
    const cv::Mat &smallRgb, const cv::Mat &blurred)
{
    // Pad model from the frame border, where pages rarely are.
    const int m = std::max(4, blurred.rows / 30);
    std::vector<uchar> border;
    for (int y = 0; y < blurred.rows; ++y) {
        const uchar *row = blurred.ptr<uchar>(y);
        for (int x = 0; x < blurred.cols; x += (y < m || y >= blurred.rows - m) ? 2 : 1) {
            if (y < m || y >= blurred.rows - m || x < m || x >= blurred.cols - m)
                border.push_back(row[x]);
            else if (x == m)
                x = blurred.cols - m - 1;
        }
    }
    std::nth_element(border.begin(), border.begin() + border.size() / 2, border.end());
    const double padLevel = border[border.size() / 2];
    if (padLevel > 165)
        return {}; // a white pad: leave it to the edge map
    cv::Mat binary;
    const double otsu = cv::threshold(blurred, binary, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    const double threshold = std::max(otsu, padLevel + 35);
    cv::threshold(blurred, binary, threshold, 255, cv::THRESH_BINARY);
    // Skin is not paper: a hand over the page must not become part of it.
    cv::Mat channels[3];
    cv::split(smallRgb, channels);
    cv::Mat skin = (channels[0] - channels[2]) > 45;
    binary.setTo(0, skin);
    const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, { 3, 3 });
    cv::morphologyEx(binary, binary, cv::MORPH_OPEN, kernel);
    cv::morphologyEx(binary, binary, cv::MORPH_CLOSE, kernel, { -1, -1 }, 2);
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(binary, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    return contours;
}

std::vector<std::vector<cv::Point>> regionsByEdges(const cv::Mat &blurred)
{
    cv::Mat edges;
    cv::Canny(blurred, edges, 12, 30);
    cv::dilate(edges, edges, cv::getStructuringElement(cv::MORPH_RECT, { 3, 3 }));
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(edges, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    return contours;
}

} // namespace

PageDetector::PageDetector() = default;

PageDetector::PageDetector(const Options &options)
    : m_options(options)
{ }

QList<PageQuad> PageDetector::detect(const QImage &frame) const
{
    QImage keep;
    const cv::Mat full = Internal::toMat(frame, &keep);
    if (full.empty())
        return {};
    const double scale = double(full.cols) / kWorkWidth;
    cv::Mat small, gray, blurred;
    if (scale > 1.01)
        cv::resize(
            full, small, { kWorkWidth, int(std::lround(full.rows / scale)) }, 0, 0, cv::INTER_AREA);
    else
        small = full;
    if (small.channels() == 1)
        cv::cvtColor(small, small, cv::COLOR_GRAY2RGB);
    cv::cvtColor(small, gray, cv::COLOR_RGB2GRAY);
    cv::GaussianBlur(gray, blurred, { 5, 5 }, 0);
    const double sx = double(full.cols) / small.cols;
    const double mmPerPx = m_options.padWidthMm / full.cols;
    const double minArea = 0.012 * small.cols * small.rows;

    std::vector<Candidate> candidates;
    auto consider = [&](const std::vector<std::vector<cv::Point>> &regions) {
        for (const auto &region : regions) {
            if (cv::contourArea(region) < minArea)
                continue;
            std::vector<cv::Point> hull;
            cv::convexHull(region, hull);
            Corners c;
            const bool debug = lcImaging().isDebugEnabled();
            if (!quadFromHull(hull, small.size(), c)) {
                if (debug)
                    qCDebug(lcImaging, "hull of %zu points rejected", hull.size());
                continue;
            }
            for (auto &p : c)
                p = (p + cv::Point2d(0.5, 0.5)) * sx - cv::Point2d(0.5, 0.5);
            double support = 0;
            const double radius = std::max(3.0, 2.5 * sx);
            if (!refineQuad(full, c, radius, 4, &support)
                || !refineQuad(full, c, 2.5, 4, &support)) {
                if (debug)
                    qCDebug(lcImaging, "refinement failed");
                continue;
            }
            Candidate cand { c, {} };
            if (debug)
                qCDebug(lcImaging, "candidate support %.2f", support);
            if (score(c, support, mmPerPx, cand.quad))
                candidates.push_back(cand);
        }
    };
    consider(regionsBySegmentation(small, blurred));
    const bool good = std::any_of(candidates.begin(), candidates.end(),
        [&](const Candidate &x) { return x.quad.confidence >= m_options.minConfidence; });
    if (!good)
        consider(regionsByEdges(blurred));

    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return a.quad.confidence > b.quad.confidence;
    });
    QList<PageQuad> result;
    for (const Candidate &cand : candidates) {
        if (cand.quad.confidence < m_options.minConfidence)
            break;
        const bool overlaps = std::any_of(result.begin(), result.end(),
            [&](const PageQuad &q) { return quadIoU(q.corners, cand.quad.corners) > 0.3; });
        if (overlaps)
            continue;
        result.append(cand.quad);
        if (result.size() >= m_options.maxPages)
            break;
    }
    return result;
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
