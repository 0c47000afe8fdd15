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
    cv::Mat g;
    gray.convertTo(g, CV_32F);
    // Strongest edges before and after a known extra Gaussian blur: for an edge of blur
    // sigma s, the peak gradient falls by sqrt(s^2 + b^2) / s.
    constexpr double kExtra = 2.0;
    constexpr double kOperator = 0.7; // the derivative filter's own width
    auto peakGradient = [](const cv::Mat &img) {
        cv::Mat gx, gy, mag;
        cv::Sobel(img, gx, CV_32F, 1, 0, 3);
        cv::Sobel(img, gy, CV_32F, 0, 1, 3);
        cv::magnitude(gx, gy, mag);
        std::vector<float> v(mag.begin<float>(), mag.end<float>());
        const size_t k = size_t(double(v.size()) * 0.998);
        std::nth_element(v.begin(), v.begin() + long(k), v.end());
        return double(v[k]);
    };
    cv::Mat g2;
    cv::GaussianBlur(g, g2, cv::Size(), kExtra);
    const double before = peakGradient(g), after = peakGradient(g2);
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
        cv::Mat minChannel;
        if (mat.channels() == 3) {
            std::vector<cv::Mat> ch;
            cv::split(mat, ch);
            minChannel = cv::min(cv::min(ch[0], ch[1]), ch[2]);
        } else {
            minChannel = mat;
        }
        cv::Mat blown = minChannel >= 250;
        cv::morphologyEx(
            blown, blown, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_ELLIPSE, { 7, 7 }));
        v.glareShare = double(cv::countNonZero(blown)) / double(blown.total());
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
