#include "Deskew.h"

#include "Logging.h"
#include "internal/CvImage.h"

#include <QtMath>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace Tongban::Imaging {

namespace {

constexpr int kInk = 128; // grey level below which a pixel is ink (the red seal included)
constexpr size_t kMaxPoints = 120000;
constexpr size_t kMinPoints = 400;
constexpr double kMinContrast = 1.15;

struct Points
{
    std::vector<float> x, y; // centred coordinates
    int span = 0; // bins needed either side of 0
};

// Edge points: ink pixels under or over a non-ink pixel, off the border band.
Points inkEdges(const cv::Mat &grey, int band)
{
    Points pts;
    const float cx = float(grey.cols) / 2, cy = float(grey.rows) / 2;
    for (int y = std::max(1, band); y < grey.rows - band; ++y) {
        const uchar *row = grey.ptr<uchar>(y);
        const uchar *above = grey.ptr<uchar>(y - 1);
        for (int x = band; x < grey.cols - band; ++x) {
            if ((row[x] < kInk) != (above[x] < kInk)) {
                pts.x.push_back(float(x) - cx);
                pts.y.push_back(float(y) - cy);
            }
        }
    }
    if (pts.x.size() > kMaxPoints) {
        const size_t stride = pts.x.size() / kMaxPoints + 1;
        size_t k = 0;
        for (size_t i = 0; i < pts.x.size(); i += stride, ++k) {
            pts.x[k] = pts.x[i];
            pts.y[k] = pts.y[i];
        }
        pts.x.resize(k);
        pts.y.resize(k);
    }
    pts.span = int(std::hypot(grey.cols, grey.rows) / 2) + 2;
    return pts;
}

// Sum of squared bin counts of the points projected across \a angleDeg, 1 px bins, each
// point split linearly between its two nearest bins (a smooth score for the peak fit).
double profileScore(const Points &pts, double angleDeg, std::vector<float> *bins)
{
    const double a = qDegreesToRadians(angleDeg);
    const float s = float(std::sin(a)), c = float(std::cos(a));
    bins->assign(size_t(2 * pts.span + 2), 0.0f);
    float *b = bins->data() + pts.span;
    for (size_t i = 0; i < pts.x.size(); ++i) {
        const float v = pts.y[i] * c - pts.x[i] * s;
        const float f = std::floor(v);
        const int k = int(f);
        const float w = v - f;
        b[k] += 1.0f - w;
        b[k + 1] += w;
    }
    double score = 0;
    for (float n : *bins)
        score += double(n) * double(n);
    return score;
}

// Vertex of the parabola through (-1, a), (0, b), (1, c), as an offset in steps.
double parabolaPeak(double a, double b, double c)
{
    const double d = a - 2 * b + c;
    return d < 0 ? std::clamp(0.5 * (a - c) / d, -0.5, 0.5) : 0.0;
}

SkewEstimate fromProfile(const Points &pts, const DeskewOptions &o)
{
    SkewEstimate out;
    std::vector<float> bins;
    const int n = int(std::lround(o.maxAngleDeg / o.coarseStepDeg));
    std::vector<double> coarse;
    for (int k = -n; k <= n; ++k)
        coarse.push_back(profileScore(pts, k * o.coarseStepDeg, &bins));
    const auto best = std::max_element(coarse.begin(), coarse.end());
    const double meanScore = std::accumulate(coarse.begin(), coarse.end(), 0.0) / coarse.size();
    out.contrast = meanScore > 0 ? *best / meanScore : 1;
    const double centre = (int(best - coarse.begin()) - n) * o.coarseStepDeg;
    const int m = int(std::lround(1.5 * o.coarseStepDeg / o.fineStepDeg));
    std::vector<double> fine;
    for (int k = -m; k <= m; ++k)
        fine.push_back(profileScore(pts, centre + k * o.fineStepDeg, &bins));
    const int peak = int(std::max_element(fine.begin(), fine.end()) - fine.begin());
    double offset = 0;
    if (peak > 0 && peak < int(fine.size()) - 1)
        offset = parabolaPeak(fine[size_t(peak - 1)], fine[size_t(peak)], fine[size_t(peak + 1)]);
    out.angleDeg = centre + (peak - m + offset) * o.fineStepDeg;
    out.method = SkewMethod::TextLines;
    return out;
}

// The page's outline against the lid: the lid's level from the border band, the page is the
// largest region brighter than it.
SkewEstimate fromBorder(const cv::Mat &grey, int band)
{
    SkewEstimate out;
    cv::Mat small;
    cv::resize(grey, small, { grey.cols / 4, grey.rows / 4 }, 0, 0, cv::INTER_AREA);
    cv::blur(small, small, { 5, 5 });
    const int b = std::max(2, band / 4);
    std::vector<uchar> ring;
    for (int y = b; y < small.rows - b; ++y)
        for (int x : { b, b + 1, small.cols - b - 2, small.cols - b - 1 })
            ring.push_back(small.at<uchar>(y, x));
    if (ring.empty())
        return out;
    std::nth_element(ring.begin(), ring.begin() + ring.size() / 2, ring.end());
    const int lid = ring[ring.size() / 2];
    cv::Mat mask;
    cv::threshold(small, mask, std::min(254, lid + 3), 255, cv::THRESH_BINARY);
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    const auto largest = std::max_element(contours.begin(), contours.end(),
        [](const auto &l, const auto &r) { return cv::contourArea(l) < cv::contourArea(r); });
    if (largest == contours.end() || cv::contourArea(*largest) < 0.1 * small.total())
        return out;
    const cv::RotatedRect r = cv::minAreaRect(*largest);
    double angle = r.angle; // OpenCV 4.5+: (0, 90]
    while (angle > 45)
        angle -= 90;
    while (angle <= -45)
        angle += 90;
    out.angleDeg = angle;
    out.method = SkewMethod::PageBorder;
    return out;
}

} // namespace

SkewEstimate estimateSkew(const QImage &scan, const DeskewOptions &options)
{
    if (scan.isNull())
        return {};
    const QImage grey = scan.convertToFormat(QImage::Format_Grayscale8);
    QImage keep;
    const cv::Mat g = Internal::toMat(grey, &keep);
    const int band = int(options.borderBand * std::min(g.cols, g.rows));
    const Points pts = inkEdges(g, band);
    if (pts.x.size() >= kMinPoints) {
        const SkewEstimate e = fromProfile(pts, options);
        if (e.contrast >= kMinContrast)
            return e;
        qCDebug(lcImaging) << "deskew: weak line profile, contrast" << e.contrast;
    }
    return fromBorder(g, band);
}

QImage rotateScan(const QImage &scan, double angleDeg)
{
    QImage keep;
    const cv::Mat src = Internal::toMat(scan, &keep);
    // getRotationMatrix2D turns counter-clockwise on screen for a positive angle.
    const cv::Mat m
        = cv::getRotationMatrix2D(cv::Point2f(src.cols / 2.0f, src.rows / 2.0f), angleDeg, 1.0);
    cv::Mat out;
    cv::warpAffine(
        src, out, m, src.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all(255));
    return Internal::toQImage(out);
}

} // namespace Tongban::Imaging
