#include "QuadStarts.h"

#include "../PageQuad.h"
#include "EdgeFit.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace Tongban::Imaging::Internal {

namespace {

struct HullSide
{
    cv::Point2d a, b;
    double length() const { return cv::norm(b - a); }
    cv::Point2d direction() const { return (b - a) / length(); }
};

} // namespace

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

} // namespace Tongban::Imaging::Internal
