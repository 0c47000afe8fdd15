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
constexpr double kWhite = 232.0;

// The local paper level of \a rgb at quarter size (\a small: \a rgb at quarter size).
cv::Mat paperLevel(const cv::Mat &small)
{
    // About 12 mm at 200 dpi: wider than seal strokes and headline characters. A square
    // (separable: a row pass and a column pass, about 1 ms) rather than a disc (one pass per
    // kernel row, 6-20 ms at quarter size of an A4 page); the square holds the disc, so
    // every ink pixel the disc lifted to the paper's level the square lifts too.
    const int k = std::max(5, int(std::lround(small.cols / 210.0 * 12)) | 1);
    cv::Mat background;
    cv::dilate(small, background, cv::getStructuringElement(cv::MORPH_RECT, { k, k }));
    cv::GaussianBlur(background, background, cv::Size(), k / 3.0);
    return background;
}

// \a image (1 or 3 channels) divided by \a level (same channels, any size: scaled up),
// written straight into the returned image.
QImage divideBy(const cv::Mat &image, const cv::Mat &level)
{
    cv::Mat background;
    cv::resize(level, background, image.size(), 0, 0, cv::INTER_LINEAR);
    cv::Mat out;
    QImage result = Internal::newImage(image.cols, image.rows, image.channels(), &out);
    if (!result.isNull())
        cv::divide(image, background, out, 255.0 * 255.0 / kWhite);
    return result;
}

bool hasColour(const cv::Mat &whitenedSmall)
{
    int coloured = 0;
    for (int y = 0; y < whitenedSmall.rows; ++y) {
        const auto *row = whitenedSmall.ptr<cv::Vec3b>(y);
        for (int x = 0; x < whitenedSmall.cols; ++x) {
            const int mx = std::max({ row[x][0], row[x][1], row[x][2] });
            const int mn = std::min({ row[x][0], row[x][1], row[x][2] });
            if (mx - mn > 70 && mx > 90)
                ++coloured;
        }
    }
    return coloured > 0.001 * whitenedSmall.total();
}

} // namespace

QImage enhancePage(const QImage &page, EnhanceMode mode, EnhanceMode *chosen)
{
    // One pass at the page's size: the paper level and the mode are worked out at quarter
    // size; a grey page is converted to grey first and whitened on one channel (a third of
    // the work of whitening colour and converting after).
    QImage keep;
    cv::Mat rgb = Internal::toMat(page, &keep);
    if (rgb.empty())
        return {};
    if (rgb.channels() == 1)
        cv::cvtColor(rgb, rgb, cv::COLOR_GRAY2RGB);
    cv::Mat small;
    cv::resize(rgb, small, cv::Size(), 0.25, 0.25, cv::INTER_AREA);
    const cv::Mat level = paperLevel(small);
    if (mode == EnhanceMode::Auto || mode == EnhanceMode::Invalid) {
        cv::Mat whiteSmall;
        cv::divide(small, level, whiteSmall, 255.0 * 255.0 / kWhite);
        mode = hasColour(whiteSmall) ? EnhanceMode::Colour : EnhanceMode::Grey;
    }
    if (chosen)
        *chosen = mode;
    if (mode == EnhanceMode::Colour)
        return divideBy(rgb, level);
    cv::Mat gray, grayLevel;
    cv::cvtColor(rgb, gray, cv::COLOR_RGB2GRAY);
    cv::cvtColor(level, grayLevel, cv::COLOR_RGB2GRAY);
    QImage white = divideBy(gray, grayLevel);
    if (mode == EnhanceMode::BlackWhite && !white.isNull()) {
        cv::Mat view(white.height(), white.width(), CV_8UC1, white.bits(),
            size_t(white.bytesPerLine())); // the only reference: no detach
        cv::threshold(view, view, 165, 255, cv::THRESH_BINARY);
    }
    return white;
}

} // namespace Tongban::Imaging
