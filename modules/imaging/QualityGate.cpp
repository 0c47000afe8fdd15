#include "QualityGate.h"

#include "Enhancer.h"
#include "Tr.h"
#include "internal/CvImage.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace Tongban::Imaging {

QString qualityIssueName(QualityIssue issue)
{
    switch (issue) {
    case QualityIssue::Blurred:
        return QStringLiteral("blurred");
    case QualityIssue::Glare:
        return QStringLiteral("glare");
    case QualityIssue::CutOff:
        return QStringLiteral("cutOff");
    case QualityIssue::TooSmall:
        return QStringLiteral("tooSmall");
    case QualityIssue::Blank:
        return QStringLiteral("blank");
    case QualityIssue::None:
        break;
    }
    return QStringLiteral("none");
}

QString qualityIssueMessage(QualityIssue issue)
{
    switch (issue) {
    case QualityIssue::Blurred:
        return Tr::tr("The picture is blurred. Hold the page flat and still, then capture again.");
    case QualityIssue::Glare:
        return Tr::tr("Light reflects off the page and hides part of it. Flatten the page or "
                      "move it out of the reflection, then capture again.");
    case QualityIssue::CutOff:
        return Tr::tr("Part of the page is outside the camera's view. Move the page to the "
                      "middle of the pad, then capture again.");
    case QualityIssue::TooSmall:
        return Tr::tr("The page is too small in the picture to be read clearly. Use the "
                      "scanner, or capture it closer.");
    case QualityIssue::Blank:
        return Tr::tr("The page looks blank. Check that the printed side faces up.");
    case QualityIssue::None:
        break;
    }
    return {};
}

QStringList QualityVerdict::messages() const
{
    QStringList list;
    for (QualityIssue i : issues)
        list.append(qualityIssueMessage(i));
    return list;
}

QJsonObject QualityVerdict::toJson() const
{
    QJsonArray names;
    for (QualityIssue i : issues)
        names.append(qualityIssueName(i));
    return { { QStringLiteral("passed"), passed() }, { QStringLiteral("issues"), names },
        { QStringLiteral("messages"), QJsonArray::fromStringList(messages()) },
        { QStringLiteral("blurMm"), std::round(blurMm * 1000) / 1000 },
        { QStringLiteral("glareShare"), std::round(glareShare * 10000) / 10000 },
        { QStringLiteral("effectiveDpi"), std::round(effectiveDpi) } };
}

QualityGate::QualityGate() = default;

QualityGate::QualityGate(const Thresholds &thresholds)
    : m_thresholds(thresholds)
{ }

namespace {
// The value at \a share of the sorted \a values (as nth_element would give), read from a
// histogram of their integer parts and then ordered only within the bin that holds it:
// two linear passes instead of partially sorting a million values. Values are >= 0.
template<typename T, typename Key>
T percentileOf(const T *values, size_t count, double share, int bins, Key key)
{
    const size_t k = size_t(double(count) * share);
    std::vector<size_t> histogram(size_t(bins) + 1, 0);
    for (size_t i = 0; i < count; ++i)
        ++histogram[std::min(size_t(key(values[i])), size_t(bins))];
    size_t below = 0, bin = 0;
    while (below + histogram[bin] <= k)
        below += histogram[bin++];
    std::vector<T> inBin;
    inBin.reserve(histogram[bin]);
    for (size_t i = 0; i < count; ++i) {
        if (std::min(size_t(key(values[i])), size_t(bins)) == bin)
            inBin.push_back(values[i]);
    }
    std::nth_element(inBin.begin(), inBin.begin() + long(k - below), inBin.end());
    return inBin[k - below];
}
} // namespace

double QualityGate::estimateBlurMm(const QImage &image, double pixelsPerMm, const PageQuad &quad)
{
    QImage keep;
    const cv::Mat mat = Internal::toMat(image, &keep);
    if (mat.empty() || pixelsPerMm <= 0)
        return 0;
    cv::Rect roi(mat.cols / 5, mat.rows / 5, mat.cols * 3 / 5, mat.rows * 3 / 5);
    if (quad.isValid()) {
        const QRectF b = quad.corners.boundingRect();
        roi = cv::Rect(int(b.x() + b.width() / 5), int(b.y() + b.height() / 5),
                  int(b.width() * 3 / 5), int(b.height() * 3 / 5))
            & cv::Rect(0, 0, mat.cols, mat.rows);
    }
    if (roi.area() < 64)
        return 0;
    cv::Mat gray;
    if (mat.channels() == 3)
        cv::cvtColor(mat(roi), gray, cv::COLOR_RGB2GRAY);
    else
        gray = mat(roi);
    // Strongest edges before and after a known extra Gaussian blur: for an edge of blur
    // sigma s, the peak gradient falls by sqrt(s^2 + b^2) / s.
    constexpr double kExtra = 2.0;
    constexpr double kOperator = 0.7; // the derivative filter's own width
    constexpr double kShare = 0.998;
    // The 8-bit image's Sobel is exact in 16 bits, and the 99.8th percentile of the
    // magnitude is the root of that of the squared magnitude (integers: no float pass).
    const auto strongest = [](const cv::Mat &g) {
        cv::Mat gx, gy;
        cv::Sobel(g, gx, CV_16S, 1, 0, 3);
        cv::Sobel(g, gy, CV_16S, 0, 1, 3);
        std::vector<int> v(size_t(g.total()));
        size_t i = 0;
        for (int y = 0; y < gx.rows; ++y) {
            const qint16 *a = gx.ptr<qint16>(y);
            const qint16 *b = gy.ptr<qint16>(y);
            for (int x = 0; x < gx.cols; ++x)
                v[i++] = int(a[x]) * a[x] + int(b[x]) * b[x];
        }
        // Squared magnitudes up to 2 * 1020^2: bins of 1024.
        return double(std::sqrt(float(percentileOf(
            v.data(), v.size(), kShare, 2048, [](int value) { return value >> 10; }))));
    };
    const double before = strongest(gray);
    // After: the extra blur in 8 bits (OpenCV's fixed-point Gaussian, several times faster
    // than the float blur, Sobel and magnitude it replaces); the rounding to whole levels is
    // noise of half a level, small against the strong edges the percentile reads.
    const double after = [&] {
        cv::Mat blurred;
        cv::GaussianBlur(gray, blurred, cv::Size(), kExtra);
        return strongest(blurred);
    }();
    if (after <= 0 || before <= after * 1.0001)
        return 10; // nothing sharp at all
    const double ratio = before / after;
    const double total = kExtra / std::sqrt(ratio * ratio - 1);
    const double sigma = std::sqrt(std::max(0.0, total * total - kOperator * kOperator));
    return sigma / pixelsPerMm;
}

QualityVerdict QualityGate::assessPage(
    const QImage &page, int dpi, const PageQuad &quad, QSize frameSize) const
{
    QualityVerdict v;
    const double pxPerMm = dpi / 25.4;
    v.blurMm = estimateBlurMm(page, pxPerMm);
    if (v.blurMm > m_thresholds.maxBlurMm)
        v.issues.append(QualityIssue::Blurred);

    QImage keep;
    const cv::Mat mat = Internal::toMat(page, &keep);
    if (!mat.empty()) {
        // Blown out: every channel >= 250; the opening (isolated bright pixels are not
        // glare) only over the rows that have any (the rest opens to nothing).
        cv::Mat blown, rowMax;
        cv::inRange(mat, cv::Scalar::all(250), cv::Scalar::all(255), blown);
        cv::reduce(blown, rowMax, 1, cv::REDUCE_MAX);
        int first = -1, last = -1;
        for (int y = 0; y < rowMax.rows; ++y) {
            if (rowMax.at<uchar>(y)) {
                first = first < 0 ? y : first;
                last = y;
            }
        }
        if (first >= 0) {
            // Those rows and three empty ones either side (the kernel's reach): the opening
            // there is the opening of the whole mask, whatever the border rule.
            const cv::Mat rows
                = blown.rowRange(std::max(0, first - 3), std::min(blown.rows, last + 4));
            cv::Mat opened;
            cv::morphologyEx(rows, opened, cv::MORPH_OPEN,
                cv::getStructuringElement(cv::MORPH_ELLIPSE, { 7, 7 }));
            v.glareShare = double(cv::countNonZero(opened)) / double(blown.total());
        }
        if (v.glareShare > m_thresholds.maxGlareShare)
            v.issues.append(QualityIssue::Glare);
    }

    if (quad.isValid() && !frameSize.isEmpty()) {
        const QRectF frame(-1.5, -1.5, frameSize.width() + 2, frameSize.height() + 2);
        const bool cut = std::any_of(quad.corners.begin(), quad.corners.end(),
            [&](const QPointF &p) { return !frame.contains(p); });
        if (cut)
            v.issues.append(QualityIssue::CutOff);
        const QSizeF mm = sizeClassMm(quad.sizeClass);
        if (!mm.isEmpty()) {
            std::vector<cv::Point2f> pts;
            for (const QPointF &p : quad.corners)
                pts.emplace_back(float(p.x()), float(p.y()));
            const double areaPx = cv::contourArea(pts);
            v.effectiveDpi = std::sqrt(areaPx / (mm.width() * mm.height())) * 25.4;
            if (v.effectiveDpi < m_thresholds.minDpiShare * dpi)
                v.issues.append(QualityIssue::TooSmall);
        }
    }

    // Blank: after whitening, almost nothing is darker than mid-grey.
    const QImage small = page.scaled(page.size() / 4, Qt::KeepAspectRatio, Qt::FastTransformation);
    const QImage grey = enhancePage(small, EnhanceMode::Grey);
    int dark = 0;
    for (int y = 0; y < grey.height(); ++y) {
        const uchar *row = grey.constScanLine(y);
        for (int x = 0; x < grey.width(); ++x)
            dark += row[x] < 140;
    }
    if (dark < 0.0015 * grey.width() * grey.height())
        v.issues.append(QualityIssue::Blank);
    return v;
}

} // namespace Tongban::Imaging
