#include "Enhancer.h"

#include "internal/CvImage.h"

#include <opencv2/imgproc.hpp>

namespace Tongban::Imaging {

QString enhanceModeName(EnhanceMode mode)
{
    switch (mode) {
    case EnhanceMode::Colour:
        return QStringLiteral("colour");
    case EnhanceMode::Grey:
        return QStringLiteral("grey");
    case EnhanceMode::BlackWhite:
        return QStringLiteral("blackWhite");
    case EnhanceMode::Auto:
        return QStringLiteral("auto");
    case EnhanceMode::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

EnhanceMode enhanceModeFromName(const QString &name)
{
    for (auto m :
        { EnhanceMode::Colour, EnhanceMode::Grey, EnhanceMode::BlackWhite, EnhanceMode::Auto }) {
        if (enhanceModeName(m) == name)
            return m;
    }
    return EnhanceMode::Invalid;
}

namespace {

// Paper whitening: each channel is divided by its local paper level (a max filter wider
// than any stroke, taken at quarter size), then levels above kWhite go to white. Working per
// channel keeps the hue of inks: a red seal stays red while the paper around it turns white.
cv::Mat whiten(const cv::Mat &rgb)
{
    constexpr double kWhite = 232.0;
    cv::Mat small, background;
    const double f = 0.25;
    cv::resize(rgb, small, cv::Size(), f, f, cv::INTER_AREA);
    // About 12 mm at 200 dpi: wider than seal strokes and headline characters.
    const int k = std::max(5, int(std::lround(small.cols / 210.0 * 12)) | 1);
    cv::dilate(small, background, cv::getStructuringElement(cv::MORPH_ELLIPSE, { k, k }));
    cv::GaussianBlur(background, background, cv::Size(), k / 3.0);
    cv::resize(background, background, rgb.size(), 0, 0, cv::INTER_LINEAR);
    cv::Mat out;
    cv::divide(rgb, background, out, 255.0 * 255.0 / kWhite);
    return out;
}

bool hasColour(const cv::Mat &whitened)
{
    cv::Mat small;
    cv::resize(whitened, small, cv::Size(), 0.25, 0.25, cv::INTER_AREA);
    int coloured = 0;
    for (int y = 0; y < small.rows; ++y) {
        const auto *row = small.ptr<cv::Vec3b>(y);
        for (int x = 0; x < small.cols; ++x) {
            const int mx = std::max({ row[x][0], row[x][1], row[x][2] });
            const int mn = std::min({ row[x][0], row[x][1], row[x][2] });
            if (mx - mn > 70 && mx > 90)
                ++coloured;
        }
    }
    return coloured > 0.001 * small.total();
}

} // namespace

QImage enhancePage(const QImage &page, EnhanceMode mode, EnhanceMode *chosen)
{
    QImage keep;
    cv::Mat rgb = Internal::toMat(page, &keep);
    if (rgb.empty())
        return {};
    if (rgb.channels() == 1)
        cv::cvtColor(rgb, rgb, cv::COLOR_GRAY2RGB);
    const cv::Mat white = whiten(rgb);
    if (mode == EnhanceMode::Auto || mode == EnhanceMode::Invalid)
        mode = hasColour(white) ? EnhanceMode::Colour : EnhanceMode::Grey;
    if (chosen)
        *chosen = mode;
    if (mode == EnhanceMode::Colour)
        return Internal::toQImage(white);
    cv::Mat gray;
    cv::cvtColor(white, gray, cv::COLOR_RGB2GRAY);
    if (mode == EnhanceMode::BlackWhite)
        cv::threshold(gray, gray, 165, 255, cv::THRESH_BINARY);
    return Internal::toQImage(gray);
}

} // namespace Tongban::Imaging
