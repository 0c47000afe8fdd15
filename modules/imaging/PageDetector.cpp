#include "PageDetector.h"

#include "Logging.h"
#include "internal/CvImage.h"
#include "internal/EdgeFit.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <opencv2/imgproc.hpp>

namespace Tongban::Imaging {

using Internal::HiddenSides;
using Internal::orderCorners;
using Internal::refineQuad;

namespace {

constexpr int kWorkWidth = 512;
// White pad: paper is at least this much brighter than the pad's light field,
// or this much bluer (blue minus red, grey levels) than the pad.
constexpr float kWhitePadRatio = 1.075f;
constexpr double kWhitePadChroma = 5;
constexpr double kWhitePadLevel = 165;
// Colour distance (CIELAB a, b) from the pad above which a pixel is page.
constexpr double kChromaDistance = 7;
constexpr double kBandRatio = 1.04; // a page's edge against the light at about 10 mm
constexpr double kLightPadLevel = 140; // pads above: edges measured on colour too
constexpr int kSkinOpen = 5; // px at the work size: a finger is about 16
constexpr int kCloseIterations = 2;
// Low light: a frame whose brightest percent is below kDimLevel is brightened (by at most
// kMaxGain) so that it reaches kExposedLevel, when nothing was found as it is.
constexpr double kDimLevel = 170;
constexpr double kExposedLevel = 235;
constexpr double kMaxGain = 2.6;

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

// Four sides from a region's hull: sides lying on the frame border are dropped
// (a cut-off page), the four longest remaining ones are extended and
// intersected.
bool quadFromHull(const std::vector<cv::Point> &hull, cv::Size size, Corners &out)
{
    std::vector<cv::Point> poly;
    cv::approxPolyDP(hull, poly, 0.005 * cv::arcLength(hull, true), true);
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
        const Side side { a, b, cv::norm(a - b), i };
        // Nearly collinear neighbours (a finely approximated hull) are one side.
        if (!sides.empty() && sides.back().index + 1 == i
            && (sides.back().b - sides.back().a).dot(side.b - side.a)
                > 0.995 * sides.back().length * side.length) {
            sides.back().b = side.b;
            sides.back().length = cv::norm(sides.back().b - sides.back().a);
            sides.back().index = i;
            continue;
        }
        sides.push_back(side);
    }
    if (sides.size() > 1 && sides.front().index == 0 && sides.back().index == n - 1
        && (sides.back().b - sides.back().a).dot(sides.front().b - sides.front().a)
            > 0.995 * sides.back().length * sides.front().length) {
        sides.front().a = sides.back().a;
        sides.front().length = cv::norm(sides.front().b - sides.front().a);
        sides.pop_back();
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

struct HullSide
{
    cv::Point2d a, b;
    double length() const { return cv::norm(b - a); }
    cv::Point2d direction() const { return (b - a) / length(); }
};

// The smallest size class (either orientation) at least \a alongMm by \a
// acrossMm, as lengths in pixels; \a alongMm is matched within 12 % when \a
// alongExact.
bool sizeForCut(double alongMm, double acrossMm, bool alongExact, double mmPerPx, double &alongPx,
    double &acrossPx)
{
    double bestArea = 0;
    for (SizeClass k : { SizeClass::A4, SizeClass::A5, SizeClass::IdCard }) {
        const QSizeF mm = sizeClassMm(k);
        for (int turn = 0; turn < 2; ++turn) {
            const double a = turn ? mm.height() : mm.width();
            const double b = turn ? mm.width() : mm.height();
            const bool alongFits
                = alongExact ? std::abs(a - alongMm) < 0.12 * a : a > 0.95 * alongMm;
            if (!alongFits || b < 0.95 * acrossMm || (bestArea > 0 && a * b >= bestArea))
                continue;
            bestArea = a * b;
            alongPx = a / mmPerPx;
            acrossPx = b / mmPerPx;
        }
    }
    return bestArea > 0;
}

// A page running out of the frame: when only two or three of its sides are
// seen, the others are placed from the size class (the pad's scale is fixed),
// i.e. the true page is returned, with corners outside the image.
bool quadFromCutHull(
    const std::vector<cv::Point> &hull, cv::Size size, double mmPerPx, Corners &out)
{
    std::vector<cv::Point> poly;
    cv::approxPolyDP(hull, poly, 0.005 * cv::arcLength(hull, true), true);
    const size_t n = poly.size();
    if (n < 3)
        return false;
    // Sides in hull order, starting after a border side so that a run is not
    // split.
    size_t start = n;
    for (size_t i = 0; i < n; ++i) {
        if (onBorder(poly[i], poly[(i + 1) % n], size)) {
            start = (i + 1) % n;
            break;
        }
    }
    if (start == n)
        return false; // not cut off
    std::vector<HullSide> sides;
    bool afterBorder = true;
    for (size_t j = 0; j < n; ++j) {
        const size_t i = (start + j) % n;
        const cv::Point a = poly[i], b = poly[(i + 1) % n];
        if (onBorder(a, b, size)) {
            afterBorder = true;
            continue;
        }
        HullSide side { a, b };
        if (side.length() < 10)
            continue;
        if (!sides.empty() && !afterBorder
            && std::abs(sides.back().direction().dot(side.direction())) > 0.99)
            sides.back().b = side.b; // nearly collinear: one side
        else
            sides.push_back(side);
        afterBorder = false;
    }
    if (sides.size() == 3) {
        // Two of three seen sides are opposite (parallel): rotate them to the ends.
        for (int turn = 0; turn < 3; ++turn) {
            if (std::abs(sides[0].direction().dot(sides[2].direction())) > 0.9)
                break;
            std::rotate(sides.begin(), sides.begin() + 1, sides.end());
        }
        if (std::abs(sides[0].direction().dot(sides[2].direction())) <= 0.9)
            return false;
    }
    if (sides.size() != 2 && sides.size() != 3)
        return false;
    for (size_t i = 0; i + 1 < sides.size(); ++i) {
        if (std::abs(sides[i].direction().dot(sides[i + 1].direction())) > 0.42) // > 25 deg off
            return false;
    }
    // The end of a side farther from \a corner.
    auto farEnd = [](const HullSide &side, cv::Point2d corner) {
        return cv::norm(side.a - corner) > cv::norm(side.b - corner) ? side.a : side.b;
    };
    Corners c;
    if (sides.size() == 2) {
        const HullSide &s0 = sides[0], &s1 = sides[1];
        cv::Point2d corner;
        if (!lineIntersection(s0.a, s0.b, s1.a, s1.b, corner))
            return false;
        const cv::Point2d e0 = farEnd(s0, corner), e1 = farEnd(s1, corner);
        double along = 0, across = 0;
        if (!sizeForCut(cv::norm(e0 - corner) * mmPerPx, cv::norm(e1 - corner) * mmPerPx, false,
                mmPerPx, along, across))
            return false;
        const cv::Point2d d0 = (e0 - corner) / cv::norm(e0 - corner);
        const cv::Point2d d1 = (e1 - corner) / cv::norm(e1 - corner);
        c = { corner, corner + d0 * along, corner + d0 * along + d1 * across,
            corner + d1 * across };
    } else {
        const HullSide &s0 = sides[0], &s1 = sides[1], &s2 = sides[2];
        cv::Point2d c01, c12;
        if (!lineIntersection(s0.a, s0.b, s1.a, s1.b, c01)
            || !lineIntersection(s1.a, s1.b, s2.a, s2.b, c12))
            return false;
        const cv::Point2d e0 = farEnd(s0, c01), e2 = farEnd(s2, c12);
        const double seen = std::max(cv::norm(e0 - c01), cv::norm(e2 - c12));
        double along = 0, across = 0;
        if (!sizeForCut(
                cv::norm(c12 - c01) * mmPerPx, seen * mmPerPx, true, mmPerPx, along, across))
            return false;
        const cv::Point2d d0 = (e0 - c01) / cv::norm(e0 - c01);
        const cv::Point2d d2 = (e2 - c12) / cv::norm(e2 - c12);
        c = { c01, c12, c12 + d2 * across, c01 + d0 * across };
    }
    out = orderCorners(c);
    return true;
}

// The region's minimum-area rectangle: robust when a hand bites into one side.
bool quadFromRect(const std::vector<cv::Point> &hull, cv::Size size, Corners &out)
{
    for (const cv::Point &p : hull) {
        if (p.x <= 2 || p.y <= 2 || p.x >= size.width - 3 || p.y >= size.height - 3)
            return false;
    }
    const cv::RotatedRect r = cv::minAreaRect(hull);
    cv::Point2f pts[4];
    r.points(pts);
    Corners c;
    for (size_t i = 0; i < 4; ++i)
        c[i] = pts[i];
    out = orderCorners(c);
    return true;
}

// Starts from straight stretches of a region's outline: its contour is cut into straight
// segments, collinear segments vote for one line (their length), and the four lines that
// make the best quad (two nearly parallel pairs, the pairs nearly at right angles, the
// votes lying on the quad's sides) give its corners. Unlike the hull, this holds when the
// region is the page plus something joined to it (a hand of the paper's colour over a
// side, an arm running to the frame's edge, a neighbouring document touching it): their
// outline is curved or short, the page's four sides are long and straight. Up to two
// quads, the second not overlapping the first (two documents in one region).
struct LineQuad
{
    Corners corners;
    bool completed = false; ///< one side placed from the size class (hidden under a hand)
};
std::vector<LineQuad> quadsFromLines(
    const std::vector<cv::Point> &contour, cv::Size size, double mmPerPx)
{
    std::vector<cv::Point> poly;
    cv::approxPolyDP(contour, poly, 1.5, true);
    const size_t n = poly.size();
    if (n < 4)
        return {};
    const double minSegment = std::max(8.0, 0.03 * std::min(size.width, size.height));
    struct Line
    {
        cv::Point2d point, direction;
        double votes = 0;
        double angle = 0; // of the direction, [0, pi)
        double offset = 0; // along the normal
        std::vector<std::pair<cv::Point2d, cv::Point2d>> segments;
    };
    std::vector<std::pair<cv::Point2d, cv::Point2d>> segments;
    for (size_t i = 0; i < n; ++i) {
        const cv::Point a = poly[i], b = poly[(i + 1) % n];
        if (onBorder(a, b, size) || cv::norm(a - b) < minSegment)
            continue;
        segments.emplace_back(cv::Point2d(a), cv::Point2d(b));
    }
    std::sort(segments.begin(), segments.end(), [](const auto &x, const auto &y) {
        return cv::norm(x.second - x.first) > cv::norm(y.second - y.first);
    });
    constexpr double kSameAngle = 4 * M_PI / 180;
    std::vector<Line> lines;
    for (const auto &[a, b] : segments) {
        const double length = cv::norm(b - a);
        const cv::Point2d d = (b - a) / length;
        double angle = std::atan2(d.y, d.x);
        if (angle < 0)
            angle += M_PI;
        if (angle >= M_PI)
            angle -= M_PI;
        bool merged = false;
        for (Line &l : lines) {
            double da = std::abs(angle - l.angle);
            da = std::min(da, M_PI - da);
            const cv::Point2d normal(-l.direction.y, l.direction.x);
            const double off = normal.dot(0.5 * (a + b));
            if (da < kSameAngle && std::abs(off - l.offset) < 3) {
                l.votes += length;
                l.segments.emplace_back(a, b);
                merged = true;
                break;
            }
        }
        if (!merged) {
            Line l { a, d, length, angle, 0, { { a, b } } };
            l.offset = cv::Point2d(-d.y, d.x).dot(0.5 * (a + b));
            lines.push_back(l);
        }
    }
    std::sort(
        lines.begin(), lines.end(), [](const Line &x, const Line &y) { return x.votes > y.votes; });
    if (lines.size() > 9)
        lines.resize(9);
    if (lines.size() < 4)
        return {};
    auto angleBetween = [](const Line &x, const Line &y) {
        const double da = std::abs(x.angle - y.angle);
        return std::min(da, M_PI - da) * 180 / M_PI;
    };
    struct Found
    {
        Corners corners;
        double score;
        bool completed = false;
    };
    std::vector<Found> found;
    const size_t m = lines.size();
    for (size_t i = 0; i < m; ++i)
        for (size_t j = i + 1; j < m; ++j)
            for (size_t k = j + 1; k < m; ++k)
                for (size_t l = k + 1; l < m; ++l) {
                    const size_t idx[4] = { i, j, k, l };
                    // The three ways to pair four lines into opposite sides.
                    static constexpr int pairings[3][4]
                        = { { 0, 1, 2, 3 }, { 0, 2, 1, 3 }, { 0, 3, 1, 2 } };
                    for (const auto &pg : pairings) {
                        const Line &a1 = lines[idx[pg[0]]], &a2 = lines[idx[pg[1]]];
                        const Line &b1 = lines[idx[pg[2]]], &b2 = lines[idx[pg[3]]];
                        if (angleBetween(a1, a2) > 15 || angleBetween(b1, b2) > 15
                            || angleBetween(a1, b1) < 65 || angleBetween(a2, b2) < 65)
                            continue;
                        const Line *cycle[4] = { &a1, &b1, &a2, &b2 };
                        Corners c;
                        bool ok = true;
                        for (size_t q = 0; q < 4 && ok; ++q) {
                            const Line &p = *cycle[(q + 3) % 4], &r = *cycle[q];
                            ok = lineIntersection(p.point, p.point + p.direction, r.point,
                                r.point + r.direction, c[q]);
                            ok = ok && c[q].x > -0.5 * size.width && c[q].x < 1.5 * size.width
                                && c[q].y > -0.5 * size.height && c[q].y < 1.5 * size.height;
                        }
                        if (!ok)
                            continue;
                        std::vector<cv::Point2f> pts(c.begin(), c.end());
                        if (!cv::isContourConvex(pts))
                            continue;
                        // Votes that lie on the quad's sides (between its corners).
                        double on = 0, perimeter = 0;
                        for (size_t q = 0; q < 4; ++q) {
                            const cv::Point2d s = c[q], e = c[(q + 1) % 4];
                            const double len = cv::norm(e - s);
                            perimeter += len;
                            const cv::Point2d t = (e - s) / len;
                            for (const auto &[sa, sb] : cycle[q]->segments) {
                                const double u0 = std::clamp((sa - s).dot(t), 0.0, len);
                                const double u1 = std::clamp((sb - s).dot(t), 0.0, len);
                                on += std::abs(u1 - u0);
                            }
                        }
                        if (on < 0.45 * perimeter)
                            continue;
                        found.push_back({ c, on * std::min(1.0, on / (0.7 * perimeter)), false });
                    }
                }
    // Three sides seen (a hand over the fourth, e.g. a card held at its lower half): two
    // nearly parallel ones and one across them; the fourth is placed from the size class
    // (the pad's scale is fixed), as for a page cut off by the frame.
    for (size_t i = 0; i < m; ++i)
        for (size_t j = i + 1; j < m; ++j) {
            const Line &a1 = lines[i], &a2 = lines[j];
            if (angleBetween(a1, a2) > 15)
                continue;
            for (size_t k = 0; k < m; ++k) {
                const Line &b = lines[k];
                if (k == i || k == j || angleBetween(a1, b) < 65 || angleBetween(a2, b) < 65)
                    continue;
                cv::Point2d c0, c1;
                if (!lineIntersection(
                        a1.point, a1.point + a1.direction, b.point, b.point + b.direction, c0)
                    || !lineIntersection(
                        a2.point, a2.point + a2.direction, b.point, b.point + b.direction, c1))
                    continue;
                // Which way the seen parts of the parallel sides run from the side across,
                // and how far.
                auto away = [](const Line &l, cv::Point2d corner, double &seen) {
                    cv::Point2d d = l.direction;
                    double sum = 0;
                    for (const auto &[sa, sb] : l.segments)
                        sum += (0.5 * (sa + sb) - corner).dot(d);
                    if (sum < 0)
                        d = -d;
                    seen = 0;
                    for (const auto &[sa, sb] : l.segments)
                        seen = std::max({ seen, (sa - corner).dot(d), (sb - corner).dot(d) });
                    return d;
                };
                double seen0 = 0, seen1 = 0;
                const cv::Point2d d0 = away(a1, c0, seen0), d1 = away(a2, c1, seen1);
                if (d0.dot(d1) < 0.9)
                    continue;
                double along = 0, across = 0;
                const double width = cv::norm(c1 - c0);
                if (width < minSegment
                    || !sizeForCut(width * mmPerPx, std::max(seen0, seen1) * mmPerPx, true, mmPerPx,
                        along, across))
                    continue;
                const Corners c = { c0, c1, c1 + d1 * across, c0 + d0 * across };
                bool inside = true;
                for (const cv::Point2d &p : c)
                    inside = inside && p.x > -0.5 * size.width && p.x < 1.5 * size.width
                        && p.y > -0.5 * size.height && p.y < 1.5 * size.height;
                std::vector<cv::Point2f> pts(c.begin(), c.end());
                if (!inside || !cv::isContourConvex(pts))
                    continue;
                double on = 0;
                const Line *sides[3] = { &a1, &b, &a2 };
                const std::pair<cv::Point2d, cv::Point2d> spans[3]
                    = { { c0, c[3] }, { c0, c1 }, { c1, c[2] } };
                for (size_t q = 0; q < 3; ++q) {
                    const cv::Point2d s0 = spans[q].first, e = spans[q].second;
                    const double len = cv::norm(e - s0);
                    const cv::Point2d t = (e - s0) / len;
                    for (const auto &[sa, sb] : sides[q]->segments) {
                        const double u0 = std::clamp((sa - s0).dot(t), 0.0, len);
                        const double u1 = std::clamp((sb - s0).dot(t), 0.0, len);
                        on += std::abs(u1 - u0);
                    }
                }
                const double perimeter = 2 * (width + across);
                // The side across seen (nearly) whole, and enough of the others.
                if (on < 0.4 * perimeter)
                    continue;
                found.push_back({ c, 0.8 * on * std::min(1.0, on / (0.7 * perimeter)), true });
            }
        }
    std::sort(found.begin(), found.end(),
        [](const Found &x, const Found &y) { return x.score > y.score; });
    std::vector<LineQuad> out;
    for (const Found &f : found) {
        QPolygonF qf;
        for (const auto &p : f.corners)
            qf << QPointF(p.x, p.y);
        bool overlaps = false;
        for (const LineQuad &o : out) {
            QPolygonF qo;
            for (const auto &p : o.corners)
                qo << QPointF(p.x, p.y);
            overlaps = overlaps || quadIoU(qf, qo) > 0.05;
        }
        if (overlaps)
            continue;
        out.push_back({ orderCorners(f.corners), f.completed });
        if (out.size() == 2)
            break;
    }
    return out;
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
    const double aspect = longMm / shortMm;
    for (SizeClass k : { SizeClass::A4, SizeClass::A5, SizeClass::IdCard }) {
        const QSizeF mm = sizeClassMm(k);
        // The shape must agree as well as the size: a page with one corner pulled outward
        // (glare) can be near a class's size on both sides yet not of its shape.
        const double aspectError = std::abs(aspect / (mm.height() / mm.width()) - 1);
        const double e = std::max({ std::abs(shortMm - mm.width()) / mm.width(),
            std::abs(longMm - mm.height()) / mm.height(), 1.5 * aspectError });
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

// The pad's brightness as a smooth field (light falls off towards the corners):
// a quadratic in the frame coordinates fitted to pad pixels, first on the frame
// border, then on every pixel not clearly brighter than the fit (paper), a few
// times. Returned at the size of \a blurred.
cv::Mat padLightField(const cv::Mat &blurred)
{
    constexpr int kW = 64, kH = 48, kTerms = 6;
    cv::Mat tiny;
    cv::resize(blurred, tiny, { kW, kH }, 0, 0, cv::INTER_AREA);
    auto terms = [](double u, double v, double *t) {
        t[0] = 1;
        t[1] = u;
        t[2] = v;
        t[3] = u * u;
        t[4] = v * v;
        t[5] = u * v;
    };
    std::vector<uchar> use(size_t(kW * kH), 0);
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x)
            use[size_t(y * kW + x)] = x < 4 || y < 4 || x >= kW - 4 || y >= kH - 4;
    cv::Mat coef(kTerms, 1, CV_64F, cv::Scalar(0));
    coef.at<double>(0) = cv::mean(tiny)[0];
    for (int iteration = 0; iteration < 4; ++iteration) {
        cv::Mat a(0, kTerms, CV_64F), b(0, 1, CV_64F);
        for (int y = 0; y < kH; ++y) {
            for (int x = 0; x < kW; ++x) {
                if (!use[size_t(y * kW + x)])
                    continue;
                double t[kTerms];
                terms((x + 0.5) / kW - 0.5, (y + 0.5) / kH - 0.5, t);
                a.push_back(cv::Mat(1, kTerms, CV_64F, t));
                b.push_back(double(tiny.at<uchar>(y, x)));
            }
        }
        if (a.rows < 3 * kTerms || !cv::solve(a, b, coef, cv::DECOMP_SVD))
            break;
        for (int y = 0; y < kH; ++y) {
            for (int x = 0; x < kW; ++x) {
                double t[kTerms];
                terms((x + 0.5) / kW - 0.5, (y + 0.5) / kH - 0.5, t);
                double fit = 0;
                for (int k = 0; k < kTerms; ++k)
                    fit += coef.at<double>(k) * t[k];
                use[size_t(y * kW + x)] = tiny.at<uchar>(y, x) < 1.045 * fit;
            }
        }
    }
    cv::Mat field(blurred.size(), CV_32F);
    for (int y = 0; y < field.rows; ++y) {
        float *row = field.ptr<float>(y);
        for (int x = 0; x < field.cols; ++x) {
            double t[kTerms];
            terms((x + 0.5) / field.cols - 0.5, (y + 0.5) / field.rows - 0.5, t);
            double fit = 0;
            for (int k = 0; k < kTerms; ++k)
                fit += coef.at<double>(k) * t[k];
            row[x] = float(std::max(fit, 1.0));
        }
    }
    return field;
}

// Median of the frame border of \a blurred, where pages rarely are.
double borderMedian(const cv::Mat &blurred)
{
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
    return border[border.size() / 2];
}

// Blue minus red, offset by 128, blurred: the pad is a warm grey, paper
// neutral, ID cards and licences bluish or greenish. Grey pad texture cancels
// out.
cv::Mat blueMinusRed(const cv::Mat &rgb, double sigma)
{
    cv::Mat channels[3], chroma;
    cv::split(rgb, channels);
    cv::addWeighted(channels[2], 1.0, channels[0], -1.0, 128, chroma, CV_8U);
    cv::GaussianBlur(chroma, chroma, { 0, 0 }, sigma);
    return chroma;
}

// Paper-ness on a white pad: half the luma plus one and a half times blue minus
// red, so that white paper (brighter) and ID cards (bluer, not brighter) both
// step up from the pad.
cv::Mat whitePadEdgeImage(const cv::Mat &rgb)
{
    cv::Mat out(rgb.size(), CV_8UC1);
    for (int y = 0; y < rgb.rows; ++y) {
        const uchar *in = rgb.ptr<uchar>(y);
        uchar *o = out.ptr<uchar>(y);
        for (int x = 0; x < rgb.cols; ++x, in += 3) {
            const int luma2 = (306 * in[0] + 601 * in[1] + 117 * in[2]) >> 11; // luma / 2
            o[x] = cv::saturate_cast<uchar>(luma2 + ((3 * (in[2] - in[0])) >> 1) + 100);
        }
    }
    cv::GaussianBlur(out, out, { 0, 0 }, 1.0);
    return out;
}

// Colour distance from the pad (a, b of CIELAB, 8-bit units, about delta E), blurred: a page
// that differs from its pad by colour rather than brightness (lavender paper on a light grey
// pad, white paper on a green mat) stands out here. Light fall-off and shadows change
// lightness far more than chroma.
cv::Mat chromaDistance(const cv::Mat &rgb, double sigma, cv::Vec2f pad)
{
    cv::Mat lab;
    cv::cvtColor(rgb, lab, cv::COLOR_RGB2Lab);
    cv::Mat out(rgb.size(), CV_32F);
    for (int y = 0; y < lab.rows; ++y) {
        const uchar *in = lab.ptr<uchar>(y);
        float *o = out.ptr<float>(y);
        for (int x = 0; x < lab.cols; ++x, in += 3) {
            const float da = float(in[1]) - pad[0], db = float(in[2]) - pad[1];
            o[x] = std::sqrt(da * da + db * db);
        }
    }
    if (sigma > 0)
        cv::GaussianBlur(out, out, { 0, 0 }, sigma);
    return out;
}

// Distance from the pad in log chromaticity (log R/G, log B/G, times 100, blurred): unlike
// CIELAB a, b it does not shrink where a shadow darkens page and pad alike, so a tinted page
// half in a soft shadow stands out as a whole.
cv::Mat chromaticityDistance(const cv::Mat &rgb, double sigma)
{
    cv::Mat u(rgb.size(), CV_32F), v(rgb.size(), CV_32F);
    for (int y = 0; y < rgb.rows; ++y) {
        const uchar *in = rgb.ptr<uchar>(y);
        float *pu = u.ptr<float>(y), *pv = v.ptr<float>(y);
        for (int x = 0; x < rgb.cols; ++x, in += 3) {
            const float g = std::log(float(in[1]) + 4.f);
            pu[x] = 100.f * (std::log(float(in[0]) + 4.f) - g);
            pv[x] = 100.f * (std::log(float(in[2]) + 4.f) - g);
        }
    }
    cv::GaussianBlur(u, u, { 0, 0 }, sigma);
    cv::GaussianBlur(v, v, { 0, 0 }, sigma);
    // The pad's chromaticity: the median of the frame border (half units).
    auto median = [](const cv::Mat &m) {
        cv::Mat shifted;
        m.convertTo(shifted, CV_8U, 2.0, 128);
        return (borderMedian(shifted) - 128) / 2.0;
    };
    const float u0 = float(median(u)), v0 = float(median(v));
    cv::Mat out(rgb.size(), CV_32F);
    for (int y = 0; y < rgb.rows; ++y) {
        const float *pu = u.ptr<float>(y), *pv = v.ptr<float>(y);
        float *o = out.ptr<float>(y);
        for (int x = 0; x < rgb.cols; ++x)
            o[x] = std::hypot(pu[x] - u0, pv[x] - v0);
    }
    return out;
}

// The pad's a, b (CIELAB, 8-bit) as the median of the frame border.
cv::Vec2f padChroma(const cv::Mat &rgb)
{
    cv::Mat lab, ch[3];
    cv::cvtColor(rgb, lab, cv::COLOR_RGB2Lab);
    cv::split(lab, ch);
    return { float(borderMedian(ch[1])), float(borderMedian(ch[2])) };
}

double borderMedianF(const cv::Mat &image)
{
    cv::Mat u8;
    image.convertTo(u8, CV_8U, 4.0); // quarter units
    return borderMedian(u8) / 4.0;
}

// \a padColour: the pad's a, b when pages are also segmented by colour (a light or
// coloured pad), nullptr on a dark neutral pad (paper is far brighter; saves the cost).
// \a keepSkin: orange-ish pixels stay (orange or salmon paper is as red over blue as skin; a
// fallback when nothing was found with them removed).
std::vector<std::vector<cv::Point>> regionsBySegmentation(const cv::Mat &smallRgb,
    const cv::Mat &blurred, double padLevel, const cv::Vec2f *padColour, bool localLight = false,
    bool keepSkin = false, bool chromaticity = false)
{
    cv::Mat binary;
    if (localLight) {
        // A soft shadow (a hand, the lamp's arm) across the frame: the border may be mostly
        // in shadow, so no threshold on the level holds. Against the frame's own light at
        // about 10 mm a page shows as a band inside its edge (a shadow's edge, tens of
        // millimetres soft, does not); the closed bands, filled, are the pages.
        cv::Mat light;
        blurred.convertTo(light, CV_32F);
        cv::Mat near, band;
        cv::GaussianBlur(light, near, { 0, 0 }, 10 * blurred.cols / 448.0);
        cv::divide(light, near, near);
        band = near > kBandRatio;
        cv::morphologyEx(
            band, band, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, { 5, 5 }));
        std::vector<std::vector<cv::Point>> outlines;
        cv::findContours(band, outlines, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
        binary = cv::Mat::zeros(blurred.size(), CV_8U);
        for (size_t i = 0; i < outlines.size(); ++i) {
            if (cv::contourArea(outlines[i]) > 0.01 * blurred.total())
                cv::drawContours(binary, outlines, int(i), cv::Scalar(255), cv::FILLED);
        }
    } else if (padLevel > kWhitePadLevel) {
        // A white pad: paper is only some 10-15 % brighter than the pad, less than
        // the light falls off across the frame, so pages are segmented against the
        // pad's light field; ID cards are no brighter than a white pad at all but
        // differ in colour.
        cv::Mat ratio;
        blurred.convertTo(ratio, CV_32F);
        cv::divide(ratio, padLightField(blurred), ratio);
        binary = ratio > kWhitePadRatio;
        const cv::Mat chroma = blueMinusRed(smallRgb, 1.5);
        binary |= chroma > borderMedian(chroma) + kWhitePadChroma;
    } else {
        const double otsu
            = cv::threshold(blurred, binary, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
        const double threshold = std::max(otsu, padLevel + 35);
        cv::threshold(blurred, binary, threshold, 255, cv::THRESH_BINARY);
    }
    // Any pad: a page of another colour than the pad (see chromaDistance); the threshold
    // rises with the pad's own chroma noise (low light).
    cv::Mat coloured;
    if (chromaticity) {
        // Pages by colour alone, shadow or not (see chromaticityDistance).
        binary = cv::Mat::zeros(blurred.size(), CV_8U);
        const cv::Mat distance = chromaticityDistance(smallRgb, 1.5);
        coloured = distance > std::max(kChromaDistance, 3.0 * borderMedianF(distance) + 3.0);
    } else if (padColour) {
        const cv::Mat distance = chromaDistance(smallRgb, 1.5, *padColour);
        coloured = distance > std::max(kChromaDistance, 3.0 * borderMedianF(distance) + 3.0);
    }
    // Skin is not paper: a hand over the page must not become part of it.
    cv::Mat channels[3];
    cv::split(smallRgb, channels);
    // Thin red or gold lines printed on a page (a licence's border) are not a hand: opening
    // the skin mask keeps them, so they cannot cut the paper outside them off the page.
    // Skin is red over blue with a hue below about 45 degrees (green nearer blue than red);
    // yellow paper (hue 50-60) is as red over blue but is not skin (issue 18: a yellow form
    // vanished as a "hand").
    cv::Mat r16, g16, b16;
    channels[0].convertTo(r16, CV_16S);
    channels[1].convertTo(g16, CV_16S);
    channels[2].convertTo(b16, CV_16S);
    const cv::Mat redOverBlue = r16 - b16;
    // With \a keepSkin only the reddest skin (hue below about 25 degrees) goes: orange paper
    // (about 33) stays, most hands still go.
    cv::Mat skin = (redOverBlue > 45)
        & ((g16 - b16) * (keepSkin ? 2 : 4) < redOverBlue * (keepSkin ? 1 : 3));
    cv::morphologyEx(skin, skin, cv::MORPH_OPEN,
        cv::getStructuringElement(cv::MORPH_RECT, { kSkinOpen, kSkinOpen }));
    // A hand's blurred fringe is far from the pad's colour too: not page.
    cv::Mat nearSkin;
    cv::dilate(skin, nearSkin, cv::getStructuringElement(cv::MORPH_RECT, { 7, 7 }));
    if (!coloured.empty()) {
        coloured.setTo(0, nearSkin);
        binary |= coloured;
    }
    binary.setTo(0, skin);
    const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, { 3, 3 });
    cv::morphologyEx(binary, binary, cv::MORPH_OPEN, kernel);
    cv::morphologyEx(binary, binary, cv::MORPH_CLOSE, kernel, { -1, -1 }, kCloseIterations);
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
    const cv::Mat original = Internal::toMat(frame, &keep);
    if (original.empty())
        return {};
    const double scale = double(original.cols) / kWorkWidth;
    const double mmPerPx = m_options.padWidthMm / original.cols;

    // Everything a pass works on: the frame (possibly brightened), its work-size copy, the
    // pad's level and colour, and the images edges are measured on.
    struct Work
    {
        cv::Mat full, small, blurred;
        double padLevel = 0;
        cv::Vec2f pad;
        bool colour = false;
        std::vector<cv::Mat> edgeImages;
    };
    auto prepare = [&](const cv::Mat &full) {
        Work w;
        w.full = full;
        if (scale > 1.01)
            cv::resize(full, w.small, { kWorkWidth, int(std::lround(full.rows / scale)) }, 0, 0,
                cv::INTER_AREA);
        else
            w.small = full;
        if (w.small.channels() == 1)
            cv::cvtColor(w.small, w.small, cv::COLOR_GRAY2RGB);
        cv::Mat gray;
        cv::cvtColor(w.small, gray, cv::COLOR_RGB2GRAY);
        cv::GaussianBlur(gray, w.blurred, { 5, 5 }, 0);
        w.padLevel = borderMedian(w.blurred);
        w.colour = full.channels() == 3;
        // On a white pad edges are also measured on luma plus colour (see
        // whitePadEdgeImage): either may be the better one (cream paper is not bluer than the
        // pad, an ID card not brighter), so both are tried.
        w.edgeImages = { full };
        if (w.padLevel > kWhitePadLevel && w.colour)
            w.edgeImages.push_back(whitePadEdgeImage(full));
        // A light or coloured pad: pages are segmented by colour too, and the page's edge may
        // be a colour step only (lavender on light grey), measured on the colour distance
        // from the pad (4 levels per unit).
        w.pad = padChroma(w.small);
        if (w.colour
            && (w.padLevel > kLightPadLevel
                || std::hypot(w.pad[0] - 128.0, w.pad[1] - 128.0) > 6)) {
            cv::Mat distance;
            chromaDistance(full, 1.0, w.pad).convertTo(distance, CV_8U, 4.0);
            w.edgeImages.push_back(distance);
        }
        return w;
    };
    Work work = prepare(original);
    const double sx = double(original.cols) / work.small.cols;
    const double minArea = 0.012 * work.small.cols * work.small.rows;
    const double mmPerPxSmall = m_options.padWidthMm / work.small.cols;

    std::vector<Candidate> candidates;
    int unresolved = 0; // regions of the first pass that gave no good page
    using Regions = std::vector<std::vector<cv::Point>>;
    std::function<void(const Work &, const Regions &, bool)> consider;
    consider = [&](const Work &w, const Regions &regions, bool mergeFragments) {
        const std::vector<cv::Mat> &edgeImages = w.edgeImages;
        Regions fragments; // hulls of regions that gave no page with a size class
        for (const auto &region : regions) {
            if (cv::contourArea(region) < minArea)
                continue;
            std::vector<cv::Point> hull;
            cv::convexHull(region, hull);
            const bool debug = lcImaging().isDebugEnabled();
            std::vector<Corners> starts;
            Corners c;
            if (quadFromHull(hull, w.small.size(), c))
                starts.push_back(c);
            if (quadFromCutHull(hull, w.small.size(), mmPerPxSmall, c))
                starts.push_back(c);
            if (quadFromRect(hull, w.small.size(), c))
                starts.push_back(c);
            if (starts.empty() && debug)
                qCDebug(lcImaging, "hull of %zu points rejected", hull.size());
            if (debug)
                for (const Corners &st : starts)
                    qCDebug(lcImaging, "start %.0f,%.0f %.0f,%.0f %.0f,%.0f %.0f,%.0f area %.0f",
                        st[0].x, st[0].y, st[1].x, st[1].y, st[2].x, st[2].y, st[3].x, st[3].y,
                        cv::contourArea(region));
            // The best refined quad of \a starts on any edge image.
            auto bestOf = [&](const std::vector<Corners> &from,
                              HiddenSides hidden = HiddenSides::Keep) {
                Candidate best;
                for (size_t job = 0; job < from.size() * edgeImages.size(); ++job) {
                    Corners start = from[job / edgeImages.size()];
                    const cv::Mat &edgeImage = edgeImages[job % edgeImages.size()];
                    for (auto &p : start)
                        p = (p + cv::Point2d(0.5, 0.5)) * sx - cv::Point2d(0.5, 0.5);
                    double support = 0;
                    const double radius = std::max(3.0, 2.5 * sx);
                    // A region grown past its page (a blurred colour mask, a drop shadow) puts
                    // a side beyond the first search radius: then a second try, twice as wide.
                    const Corners initial = start;
                    bool refined = refineQuad(edgeImage, start, radius, 4, &support, hidden);
                    if (!refined) {
                        start = initial;
                        refined = refineQuad(edgeImage, start, 2 * radius, 4, &support, hidden);
                    }
                    if (!refined || !refineQuad(edgeImage, start, 2.5, 4, &support, hidden)) {
                        if (debug)
                            qCDebug(lcImaging, "refinement failed on edge image %zu",
                                job % edgeImages.size());
                        continue;
                    }
                    Candidate cand { start, {} };
                    if (debug)
                        qCDebug(lcImaging, "candidate support %.2f", support);
                    const bool scored = score(start, support, mmPerPx, cand.quad);
                    // A side placed from the size class is a guess: shown as tentative, for
                    // the clerk to correct.
                    if (hidden == HiddenSides::KeepAny)
                        cand.quad.confidence
                            = std::min(cand.quad.confidence, PageQuad::kSureConfidence - 0.05);
                    if (scored && cand.quad.confidence > best.quad.confidence)
                        best = cand;
                }
                return best;
            };
            auto isGood = [&](const Candidate &x) {
                return x.quad.confidence >= m_options.minConfidence
                    && x.quad.sizeClass != SizeClass::Unknown;
            };
            Candidate best = bestOf(starts);
            bool outlineNotAQuad = false;
            if (!isGood(best)) {
                if (debug)
                    qCDebug(lcImaging, "line starts");
                // Something else is in (or joined to) this region: perhaps a second document
                // that another pass finds, so the search goes on as if nothing was found.
                outlineNotAQuad = true;
                // The outline is not a quad (a hand of the paper's colour, two documents
                // touching): quads from its straight stretches, each a candidate of its own.
                for (const LineQuad &lineStart :
                    quadsFromLines(region, w.small.size(), mmPerPxSmall)) {
                    Candidate cand = bestOf({ lineStart.corners },
                        lineStart.completed ? HiddenSides::KeepAny : HiddenSides::Keep);
                    if (!cand.quad.isValid())
                        continue;
                    if (cand.quad.confidence > best.quad.confidence)
                        std::swap(cand, best);
                    if (isGood(cand))
                        candidates.push_back(cand);
                }
            }
            if (best.quad.isValid())
                candidates.push_back(best);
            if (best.quad.confidence < m_options.minConfidence || outlineNotAQuad)
                ++unresolved;
            if (best.quad.confidence < m_options.minConfidence
                || best.quad.sizeClass == SizeClass::Unknown)
                fragments.push_back(hull);
        }
        // A page cut in two by a shadow's edge (each part of no size class): neighbouring
        // fragments are tried as one region.
        if (!mergeFragments)
            return;
        for (size_t i = 0; i < fragments.size(); ++i) {
            for (size_t j = i + 1; j < fragments.size(); ++j) {
                cv::Rect a = cv::boundingRect(fragments[i]), b = cv::boundingRect(fragments[j]);
                a -= cv::Point(4, 4);
                a += cv::Size(8, 8);
                if ((a & b).empty())
                    continue;
                std::vector<cv::Point> both = fragments[i];
                both.insert(both.end(), fragments[j].begin(), fragments[j].end());
                std::vector<cv::Point> merged;
                cv::convexHull(both, merged);
                consider(w, { merged }, false);
            }
        }
    };
    auto segment = [&](const Work &w, bool localLight, bool keepSkin, bool chromaticity = false) {
        if (lcImaging().isDebugEnabled())
            qCDebug(lcImaging, "pass: local light %d, keep skin %d, chromaticity %d, unresolved %d",
                int(localLight), int(keepSkin), int(chromaticity), unresolved);
        consider(w,
            regionsBySegmentation(w.small, w.blurred, w.padLevel, w.colour ? &w.pad : nullptr,
                localLight, keepSkin, chromaticity),
            true);
    };
    // Pages by colour on every pad: under a shadow across the border a light pad's median
    // reads dark, and a tinted page is then found by its colour only.
    segment(work, false, false);
    // One page found and a region left that gave none: perhaps a second document that only
    // another pass finds (side by side, one in a shadow); the passes below run for it too.
    const bool secondPage = unresolved > 0 && m_options.maxPages > 1;
    // A page of no size class (part of a page, cut by a shadow's edge) does not end the search:
    // the passes below may find the whole page, which then wins on confidence.
    auto good = [&, secondPage] {
        // Distinct pages: the same page found again by a later pass (or from another start)
        // is not a second one.
        std::vector<const Candidate *> pages;
        for (const Candidate &x : candidates) {
            if (x.quad.confidence < m_options.minConfidence
                || x.quad.sizeClass == SizeClass::Unknown)
                continue;
            if (std::none_of(pages.begin(), pages.end(), [&](const Candidate *p) {
                    return quadIoU(p->quad.corners, x.quad.corners) > 0.3;
                }))
                pages.push_back(&x);
        }
        return int(pages.size()) >= (secondPage ? 2 : 1);
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
            const Work dim = prepare(brighter);
            segment(dim, false, false);
            if (!good())
                segment(dim, true, false);
        }
    }
    // Last, an edge map: when nothing was found, or a second document is still missing.
    if (std::none_of(candidates.begin(), candidates.end(),
            [&](const Candidate &x) { return x.quad.confidence >= m_options.minConfidence; })
        || !good())
        consider(work, regionsByEdges(work.blurred), false);

    // Pages do not lie on pages: a candidate inside another good one is a frame
    // printed on the page (a licence's border) that became a region of its own,
    // e.g. where a hand broke the paper around it.
    auto area = [](const Corners &c) {
        return std::abs(cv::contourArea(std::vector<cv::Point2f>(c.begin(), c.end())));
    };
    std::vector<Candidate> outer;
    for (const Candidate &inner : candidates) {
        const bool contained
            = std::any_of(candidates.begin(), candidates.end(), [&](const Candidate &o) {
                  if (&o == &inner || o.quad.confidence < m_options.minConfidence
                      || area(o.corners) <= area(inner.corners))
                      return false;
                  const double iou = quadIoU(o.quad.corners, inner.quad.corners);
                  const double intersection
                      = iou * (area(o.corners) + area(inner.corners)) / (1 + iou);
                  return intersection > 0.9 * area(inner.corners);
              });
        if (!contained)
            outer.push_back(inner);
    }
    candidates.swap(outer);
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return a.quad.confidence > b.quad.confidence;
    });
    QList<PageQuad> result;
    for (const Candidate &cand : candidates) {
        if (lcImaging().isDebugEnabled())
            qCDebug(lcImaging, "final %.0f,%.0f %.0f,%.0f %.0f,%.0f %.0f,%.0f confidence %.2f %s",
                cand.corners[0].x, cand.corners[0].y, cand.corners[1].x, cand.corners[1].y,
                cand.corners[2].x, cand.corners[2].y, cand.corners[3].x, cand.corners[3].y,
                cand.quad.confidence, qPrintable(sizeClassName(cand.quad.sizeClass)));
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
