#include "EdgeFit.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace Tongban::Imaging::Internal {

double sampleLuma(const cv::Mat &image, double x, double y)
{
    const int x0 = int(std::floor(x)), y0 = int(std::floor(y));
    if (x0 < 0 || y0 < 0 || x0 + 1 >= image.cols || y0 + 1 >= image.rows)
        return -1;
    const double fx = x - x0, fy = y - y0;
    auto luma = [&](int xx, int yy) -> double {
        const uchar *p = image.ptr<uchar>(yy) + xx * image.channels();
        if (image.channels() == 1)
            return p[0];
        return 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2]; // RGB order
    };
    return (1 - fy) * ((1 - fx) * luma(x0, y0) + fx * luma(x0 + 1, y0))
        + fy * ((1 - fx) * luma(x0, y0 + 1) + fx * luma(x0 + 1, y0 + 1));
}

namespace {

constexpr double kVisibleShare = 0.8;

struct FittedLine
{
    cv::Point2d point, direction;
};

bool intersect(const FittedLine &a, const FittedLine &b, cv::Point2d &out)
{
    const double det = a.direction.x * b.direction.y - a.direction.y * b.direction.x;
    if (std::abs(det) < 1e-6)
        return false;
    const cv::Point2d d = b.point - a.point;
    const double t = (d.x * b.direction.y - d.y * b.direction.x) / det;
    out = a.point + t * a.direction;
    return true;
}

// Fits each half of \a points (ordered along the side from \a a) on its own; when both
// halves are straight (residuals under a pixel) and their lines differ by more than
// kBendDeg, \a line is the chord through the side's ends on those lines.
constexpr double kBendDeg = 0.6;
bool bentChord(const std::vector<cv::Point2f> &points, cv::Point2d a, cv::Point2d tangent,
    double length, FittedLine &line)
{
    std::vector<cv::Point2f> first, second;
    for (const cv::Point2f &p : points)
        (cv::Point2d(p) - a).dot(tangent) < 0.5 * length ? first.push_back(p) : second.push_back(p);
    if (first.size() < 8 || second.size() < 8)
        return false;
    auto fit = [](const std::vector<cv::Point2f> &pts, FittedLine &out) {
        cv::Vec4f l;
        cv::fitLine(pts, l, cv::DIST_L2, 0, 0.01, 0.01);
        out = { { l[2], l[3] }, { l[0], l[1] } };
        double worst = 0;
        for (const auto &p : pts)
            worst = std::max<double>(worst, std::abs((p.x - l[2]) * l[1] - (p.y - l[3]) * l[0]));
        return worst < 1.0;
    };
    FittedLine l1, l2;
    if (!fit(first, l1) || !fit(second, l2))
        return false;
    const double cosAngle = std::abs(l1.direction.dot(l2.direction));
    if (cosAngle > std::cos(kBendDeg * M_PI / 180))
        return false;
    // The ends: the sample positions nearest the side's ends, projected on their half's line.
    auto project = [](const FittedLine &l, cv::Point2d p) {
        return l.point + l.direction * (p - l.point).dot(l.direction);
    };
    const cv::Point2d e1 = project(l1, a + tangent * (0.0 * length));
    const cv::Point2d e2 = project(l2, a + tangent * length);
    const cv::Point2d d = e2 - e1;
    if (cv::norm(d) < 1)
        return false;
    line = { e1, d / cv::norm(d) };
    return true;
}

bool fitSide(const cv::Mat &image, cv::Point2d a, cv::Point2d b, cv::Point2d inward, double radius,
    double minStep, FittedLine &line, int &found, int &inImage)
{
    const cv::Point2d along = b - a;
    const double length = cv::norm(along);
    if (length < 8)
        return false;
    const cv::Point2d tangent = along / length;
    const int samples = std::clamp(int(length / 4), 12, 96);
    const int steps = int(std::ceil(radius));
    std::vector<cv::Point2f> points;
    std::vector<double> profile(size_t(2 * steps + 5));
    for (int s = 0; s < samples; ++s) {
        const double t = 0.05 + 0.9 * (s + 0.5) / samples;
        const cv::Point2d c = a + along * t;
        bool inside = true;
        for (int k = -steps - 2; k <= steps + 2 && inside; ++k) {
            double v = 0;
            // Average three taps along the side against sensor noise.
            for (int j = -1; j <= 1; ++j) {
                const cv::Point2d p = c + inward * double(k) + tangent * double(j);
                const double l = sampleLuma(image, p.x, p.y);
                if (l < 0) {
                    inside = false;
                    break;
                }
                v += l;
            }
            profile[size_t(k + steps + 2)] = v / 3;
        }
        if (!inside)
            continue;
        ++inImage;
        int best = 0;
        double bestStep = 0;
        for (int k = -steps; k <= steps; ++k) {
            const double d = profile[size_t(k + steps + 3)] - profile[size_t(k + steps + 1)];
            if (d > bestStep) {
                bestStep = d;
                best = k;
            }
        }
        if (bestStep < 2 * minStep || std::abs(best) == steps)
            continue;
        const double dm = profile[size_t(best + steps + 2)] - profile[size_t(best + steps)];
        const double dp = profile[size_t(best + steps + 4)] - profile[size_t(best + steps + 2)];
        const double denom = dm - 2 * bestStep + dp;
        double offset = denom < 0 ? 0.5 * (dm - dp) / denom : 0;
        offset = std::clamp(offset, -0.5, 0.5);
        points.emplace_back(c + inward * (best + offset));
    }
    found = int(points.size());
    if (points.size() < 6)
        return false;
    // A folded or curled side: its two halves are straight (or nearly) but not in line.
    // The corners are where the side's ends are seen, so the side is the chord through
    // its two ends, each end taken on its own half's line.
    if (points.size() >= 16 && bentChord(points, a, tangent, length, line))
        return true;
    cv::Vec4f l;
    cv::fitLine(points, l, cv::DIST_HUBER, 0, 0.01, 0.01);
    // One more pass without the measurements far from the robust line (hand, shadow, text).
    std::vector<cv::Point2f> kept;
    const double tolerance = std::max(1.0, radius * 0.25);
    for (const auto &p : points) {
        const double r = std::abs((p.x - l[2]) * l[1] - (p.y - l[3]) * l[0]);
        if (r <= tolerance)
            kept.push_back(p);
    }
    if (kept.size() >= 6)
        cv::fitLine(kept, l, cv::DIST_L2, 0, 0.01, 0.01);
    found = int(kept.size());
    line = { { l[2], l[3] }, { l[0], l[1] } };
    return true;
}

} // namespace

bool refineQuad(const cv::Mat &image, std::array<cv::Point2d, 4> &corners, double radius,
    double minStep, double *support, HiddenSides hidden, int *keptSides)
{
    int kept = 0;
    const cv::Point2d centre = (corners[0] + corners[1] + corners[2] + corners[3]) * 0.25;
    std::array<FittedLine, 4> lines;
    int found = 0, inImage = 0;
    for (size_t i = 0; i < 4; ++i) {
        const cv::Point2d a = corners[i], b = corners[(i + 1) % 4];
        cv::Point2d normal(-(b - a).y, (b - a).x);
        normal /= cv::norm(normal);
        if (normal.dot(centre - a) < 0)
            normal = -normal;
        int f = 0, n = 0;
        bool fitted = fitSide(image, a, b, normal, radius, minStep, lines[i], f, n);
        if (!fitted && hidden == HiddenSides::KeepAny) {
            f = n = 0;
            fitted = fitSide(image, a, b, normal, 2 * radius, minStep, lines[i], f, n);
        }
        if (!fitted) {
            // A side partly outside the frame (or running along its border, where the profile
            // does not fit) keeps its line: a cut-off page's extrapolation.
            const int samples = std::clamp(int(cv::norm(b - a) / 4), 12, 96);
            if (hidden == HiddenSides::Fail
                || (hidden == HiddenSides::Keep && n >= kVisibleShare * samples))
                return false;
            lines[i] = { a, (b - a) / cv::norm(b - a) };
            ++kept;
            // The part inside the frame should have shown an edge, unless the side is known
            // to be hidden (KeepAny).
            if (hidden == HiddenSides::Keep)
                inImage += n;
            continue;
        }
        found += f;
        inImage += n;
    }
    std::array<cv::Point2d, 4> refined;
    for (size_t i = 0; i < 4; ++i) {
        if (!intersect(lines[(i + 3) % 4], lines[i], refined[i]))
            return false;
    }
    corners = refined;
    if (keptSides)
        *keptSides = kept;
    if (support)
        *support = inImage > 0 ? double(found) / inImage : 0;
    return true;
}

std::array<cv::Point2d, 4> orderCorners(const std::array<cv::Point2d, 4> &points)
{
    const cv::Point2d c = (points[0] + points[1] + points[2] + points[3]) * 0.25;
    std::array<cv::Point2d, 4> sorted = points;
    std::sort(sorted.begin(), sorted.end(), [&](const cv::Point2d &a, const cv::Point2d &b) {
        return std::atan2(a.y - c.y, a.x - c.x) < std::atan2(b.y - c.y, b.x - c.x);
    });
    // atan2 order with y down is clockwise on screen; start at the top-left-most corner.
    size_t first = 0;
    for (size_t i = 1; i < 4; ++i) {
        if (sorted[i].x + sorted[i].y < sorted[first].x + sorted[first].y)
            first = i;
    }
    std::array<cv::Point2d, 4> out;
    for (size_t i = 0; i < 4; ++i)
        out[i] = sorted[(first + i) % 4];
    return out;
}

} // namespace Tongban::Imaging::Internal
