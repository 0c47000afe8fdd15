#include "LineVoting.h"

#include "../PageQuad.h"
#include "EdgeFit.h"

#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace Tongban::Imaging::Internal {

// Starts from straight stretches of a region's outline: its contour is cut into straight
// segments, collinear segments vote for one line (their length), and the four lines that
// make the best quad (two nearly parallel pairs, the pairs nearly at right angles, the
// votes lying on the quad's sides) give its corners. Unlike the hull, this holds when the
// region is the page plus something joined to it (a hand of the paper's colour over a
// side, an arm running to the frame's edge, a neighbouring document touching it): their
// outline is curved or short, the page's four sides are long and straight. Up to two
// quads, the second not overlapping the first (two documents in one region).
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

} // namespace Tongban::Imaging::Internal
