#include "Segmentation.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace Tongban::Imaging::Internal {

namespace {

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

} // namespace

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

namespace {

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

} // namespace

WorkImages prepareWork(const cv::Mat &full, double scale)
{
    WorkImages w;
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
        && (w.padLevel > kLightPadLevel || std::hypot(w.pad[0] - 128.0, w.pad[1] - 128.0) > 6)) {
        cv::Mat distance;
        chromaDistance(full, 1.0, w.pad).convertTo(distance, CV_8U, 4.0);
        w.edgeImages.push_back(distance);
    }
    return w;
}

WorkImages insideRegion(const WorkImages &w, const std::vector<cv::Point> &region)
{
    cv::Mat mask = cv::Mat::zeros(w.blurred.size(), CV_8U);
    cv::drawContours(
        mask, std::vector<std::vector<cv::Point>> { region }, 0, cv::Scalar(255), cv::FILLED);
    // The region's level and colour: the median of each channel over its pixels.
    auto median = [&mask](const cv::Mat &channel) {
        std::vector<uchar> values;
        values.reserve(size_t(cv::countNonZero(mask)));
        for (int y = 0; y < channel.rows; ++y) {
            const uchar *c = channel.ptr<uchar>(y), *m = mask.ptr<uchar>(y);
            for (int x = 0; x < channel.cols; ++x)
                if (m[x])
                    values.push_back(c[x]);
        }
        if (values.empty())
            return 0.0;
        std::nth_element(values.begin(), values.begin() + long(values.size() / 2), values.end());
        return double(values[values.size() / 2]);
    };
    cv::Mat channels[3];
    cv::split(w.small, channels);
    const cv::Scalar colour(median(channels[0]), median(channels[1]), median(channels[2]));
    const double level = median(w.blurred);
    WorkImages inner = w;
    inner.small = w.small.clone();
    inner.blurred = w.blurred.clone();
    cv::Mat outside;
    cv::bitwise_not(mask, outside);
    inner.small.setTo(colour, outside);
    inner.blurred.setTo(cv::Scalar(level), outside);
    inner.padLevel = level;
    inner.pad = padChroma(inner.small);
    return inner;
}

Regions regionsBySegmentation(const cv::Mat &smallRgb, const cv::Mat &blurred, double padLevel,
    const cv::Vec2f *padColour, bool localLight, bool keepSkin, bool chromaticity)
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

Regions regionsByEdges(const cv::Mat &blurred)
{
    cv::Mat edges;
    cv::Canny(blurred, edges, 12, 30);
    cv::dilate(edges, edges, cv::getStructuringElement(cv::MORPH_RECT, { 3, 3 }));
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(edges, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    return contours;
}

} // namespace Tongban::Imaging::Internal
