#include "SimScene.h"

#include "internal/DocumentArt.h"

#include <QtMath>

#include <algorithm>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <random>

namespace Tongban::Drivers::Sim {

QString documentKindName(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::A4Form:
        return QStringLiteral("a4Form");
    case DocumentKind::A5Note:
        return QStringLiteral("a5Note");
    case DocumentKind::IdCardFront:
        return QStringLiteral("idCardFront");
    case DocumentKind::IdCardBack:
        return QStringLiteral("idCardBack");
    case DocumentKind::Licence:
        return QStringLiteral("licence");
    case DocumentKind::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

QSizeF documentSizeMm(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::A4Form:
        return { 210, 297 };
    case DocumentKind::A5Note:
        return { 148, 210 };
    case DocumentKind::IdCardFront:
    case DocumentKind::IdCardBack:
        return { 85.6, 54 };
    case DocumentKind::Licence:
        return { 297, 210 };
    case DocumentKind::Invalid:
        break;
    }
    return {};
}

namespace {

class Rng
{
public:
    explicit Rng(quint32 seed)
        : m_engine(seed)
    { }
    double uniform(double lo, double hi)
    {
        return std::uniform_real_distribution<double>(lo, hi)(m_engine);
    }
    int integer(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_engine); }
    bool chance(double p) { return uniform(0, 1) < p; }

private:
    std::mt19937 m_engine;
};

double maxRotationDeg(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::A4Form:
        return 6;
    case DocumentKind::Licence:
        return 10;
    case DocumentKind::A5Note:
        return 18;
    default:
        return 25;
    }
}

// Corners of one document on the pad, in millimetres (TL, TR, BR, BL).
std::array<cv::Point2d, 4> placeDocument(
    Rng &rng, DocumentKind kind, double xMinMm, double xMaxMm, const SceneSpec &spec)
{
    const QSizeF size = documentSizeMm(kind);
    const double w = size.width(), h = size.height();
    const double angle = qDegreesToRadians(rng.uniform(-1, 1) * maxRotationDeg(kind));
    const double c = std::cos(angle), s = std::sin(angle);
    const double halfW = 0.5 * (w * std::abs(c) + h * std::abs(s));
    const double halfH = 0.5 * (w * std::abs(s) + h * std::abs(c));
    const double margin = 6;
    double cx = 0.5 * (xMinMm + xMaxMm), cy = kPadHeightMm / 2;
    const double spanX = std::max(0.0, (xMaxMm - xMinMm) / 2 - halfW - margin);
    const double spanY = std::max(0.0, kPadHeightMm / 2 - halfH - margin);
    cx += rng.uniform(-spanX, spanX);
    cy += rng.uniform(-spanY, spanY);
    if (spec.cutCorner) {
        // Push the page towards a random corner of the field so that a corner is cut.
        const double dx = rng.chance(0.5) ? 1 : -1, dy = rng.chance(0.5) ? 1 : -1;
        const double cut = std::min(w, h) * rng.uniform(0.05, 0.1);
        cx = kPadWidthMm / 2 + dx * (kPadWidthMm / 2 - halfW + cut);
        cy = kPadHeightMm / 2 + dy * (kPadHeightMm / 2 - halfH + cut);
    }
    // Moving in from the right and below.
    cx += spec.motion * 55;
    cy += spec.motion * 20;
    std::array<cv::Point2d, 4> corners;
    const cv::Point2d local[4]
        = { { -w / 2, -h / 2 }, { w / 2, -h / 2 }, { w / 2, h / 2 }, { -w / 2, h / 2 } };
    const double keystone = 0.012 * std::max(w, h);
    for (int i = 0; i < 4; ++i) {
        // Perspective: the camera is not exactly overhead; each corner moves a little.
        const double jx = rng.uniform(-keystone, keystone), jy = rng.uniform(-keystone, keystone);
        corners[size_t(i)] = { cx + c * local[i].x - s * local[i].y + jx,
            cy + s * local[i].x + c * local[i].y + jy };
    }
    return corners;
}

cv::Mat padBackground(Rng &rng, cv::Size size, bool whiteOnWhite, const QColor &colour)
{
    const double base = whiteOnWhite ? rng.uniform(212, 226) : rng.uniform(55, 125);
    cv::Scalar tint = whiteOnWhite ? cv::Scalar(base - 6, base - 2, base)
                                   : cv::Scalar(base + 3, base, base - 2);
    if (colour.isValid())
        tint = cv::Scalar(colour.blue(), colour.green(), colour.red());
    cv::Mat pad(size, CV_8UC3, tint);
    // Low-frequency blotches and a finer grain, like a rubber or leather pad.
    cv::Mat coarse(6, 8, CV_32F), fine(size.height / 16 + 1, size.width / 16 + 1, CV_32F);
    cv::RNG cvRng(uint64_t(rng.integer(1, 1 << 30)));
    cvRng.fill(coarse, cv::RNG::UNIFORM, -7, 7);
    cvRng.fill(fine, cv::RNG::UNIFORM, -5, 5);
    cv::Mat a, b;
    cv::resize(coarse, a, size, 0, 0, cv::INTER_CUBIC);
    cv::resize(fine, b, size, 0, 0, cv::INTER_LINEAR);
    a += b;
    cv::Mat texture;
    a.convertTo(texture, CV_16S);
    cv::Mat texture3;
    cv::merge(std::vector<cv::Mat> { texture, texture, texture }, texture3);
    cv::Mat pad16;
    pad.convertTo(pad16, CV_16SC3);
    pad16 += texture3;
    pad16.convertTo(pad, CV_8UC3);
    return pad;
}

// A page bent off the pad (SceneSpec::curlMm, foldDeg): a forward map from the flat page's
// canvas position to where it is seen, in page coordinates (u, v in 0..1 across the art).
struct Deform
{
    std::array<cv::Point2d, 4> corners; ///< the flat page, canvas pixels
    double pxPerMm = 1;
    double curlPx = 0;
    int curlSide = 0;
    double foldDeg = 0, foldAt = 0.5, foldGain = 1;
    int foldSide = 0;
    cv::Point2d lens; ///< the camera's axis on the canvas
    double lensDistancePx = 1;

    bool active() const { return curlPx != 0 || foldDeg != 0; }
    // Distance from \a side (0 top, 1 right, 2 bottom, 3 left) in 0..1, and along it.
    static double across(double u, double v, int side)
    {
        return side == 0 ? v : side == 1 ? 1 - u : side == 2 ? 1 - v : u;
    }
    static double along(double u, double v, int side) { return side % 2 ? v : u; }
    cv::Point2d at(double u, double v) const // bilinear in the flat corners
    {
        return (corners[0] * (1 - u) + corners[1] * u) * (1 - v)
            + (corners[3] * (1 - u) + corners[2] * u) * v;
    }
    // The inward unit vector of \a side and that side's length across (pixels).
    cv::Point2d inward(int side, double *length) const
    {
        const cv::Point2d a = (corners[size_t(side)] + corners[size_t((side + 1) % 4)]) * 0.5;
        const cv::Point2d b
            = (corners[size_t((side + 2) % 4)] + corners[size_t((side + 3) % 4)]) * 0.5;
        *length = cv::norm(b - a);
        return (b - a) / *length;
    }
    cv::Point2d forward(cv::Point2d p, double u, double v, double *gain) const
    {
        *gain = 1;
        if (curlPx != 0) {
            // Bows outward of the curled side, most in its middle, fading inward.
            double len = 0;
            const cv::Point2d in = inward(curlSide, &len);
            const double s = 1 - across(u, v, curlSide);
            const double t = along(u, v, curlSide);
            p -= in
                * (curlPx * std::sin(M_PI * std::clamp(t, 0.0, 1.0))
                    * std::pow(std::clamp(s, 0.0, 1.0), 4));
        }
        if (foldDeg != 0) {
            double len = 0;
            const cv::Point2d in = inward(foldSide, &len);
            const double s = 1 - across(u, v, foldSide); // 1 at the far side from the crease's base
            const double beyond = s - (1 - foldAt);
            if (beyond > 0) {
                const double th = foldDeg * M_PI / 180;
                const double t = beyond * len; // px past the crease, on the paper
                p += in * (t * (1 - std::cos(th))); // foreshortened towards the crease
                const double z = t * std::sin(th);
                p = lens + (p - lens) * (lensDistancePx / (lensDistancePx - z));
                *gain = foldGain;
            }
        }
        return p;
    }
};

void composite(cv::Mat &canvas, const cv::Mat &art, const std::array<cv::Point2d, 4> &corners,
    double pxPerMm, double shadowStrength, const Deform *deform = nullptr)
{
    const cv::Point2f src[4] = { { -0.5f, -0.5f }, { float(art.cols) - 0.5f, -0.5f },
        { float(art.cols) - 0.5f, float(art.rows) - 0.5f }, { -0.5f, float(art.rows) - 0.5f } };
    cv::Point2f dst[4];
    std::vector<cv::Point2f> pts;
    for (int i = 0; i < 4; ++i) {
        dst[i] = cv::Point2f(corners[size_t(i)]);
        pts.push_back(dst[i]);
    }
    const int pad = int(std::ceil(4 * pxPerMm)) + 3;
    if (deform && deform->active()) {
        // Room for the bent page (a lifted half is magnified, a curled side bows out).
        for (int i = 0; i <= 8; ++i) {
            for (int j = 0; j <= 8; ++j) {
                double g = 1;
                const cv::Point2d q = deform->at(i / 8.0, j / 8.0);
                pts.push_back(cv::Point2f(deform->forward(q, i / 8.0, j / 8.0, &g)));
            }
        }
    }
    cv::Rect roi = cv::boundingRect(pts);
    roi.x -= pad;
    roi.y -= pad;
    roi.width += 2 * pad;
    roi.height += 2 * pad;
    roi &= cv::Rect(0, 0, canvas.cols, canvas.rows);
    if (roi.empty())
        return;
    cv::Mat h = cv::getPerspectiveTransform(src, dst);
    cv::Mat shift = (cv::Mat_<double>(3, 3) << 1, 0, -roi.x, 0, 1, -roi.y, 0, 0, 1);
    h = shift * h;
    cv::Mat warped, alpha;
    cv::warpPerspective(art, warped, h, roi.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT);
    cv::Mat ones(art.size(), CV_8U, cv::Scalar(255));
    cv::warpPerspective(ones, alpha, h, roi.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT);
    if (deform && deform->active()) {
        // Inverse of the forward map by fixed-point iteration (the bend is mild), then the
        // flat page resampled there; the lifted half's light changes.
        cv::Mat hInv = cv::getPerspectiveTransform(src, dst).inv();
        cv::Mat mapX(roi.size(), CV_32F), mapY(roi.size(), CV_32F), gainMap(roi.size(), CV_32F);
        auto pageCoords = [&](cv::Point2d q, double &u, double &v) {
            const double *m = hInv.ptr<double>(0);
            const double w = m[6] * q.x + m[7] * q.y + m[8];
            u = ((m[0] * q.x + m[1] * q.y + m[2]) / w + 0.5) / art.cols;
            v = ((m[3] * q.x + m[4] * q.y + m[5]) / w + 0.5) / art.rows;
        };
        for (int y = 0; y < roi.height; ++y) {
            for (int x = 0; x < roi.width; ++x) {
                const cv::Point2d p(x + roi.x, y + roi.y);
                cv::Point2d q = p;
                double g = 1, u = 0, v = 0;
                for (int k = 0; k < 8; ++k) {
                    pageCoords(q, u, v);
                    q += p - deform->forward(q, u, v, &g);
                }
                pageCoords(q, u, v);
                deform->forward(q, u, v, &g);
                mapX.at<float>(y, x) = float(q.x - roi.x);
                mapY.at<float>(y, x) = float(q.y - roi.y);
                gainMap.at<float>(y, x) = float(g);
            }
        }
        cv::Mat bentArt, bentAlpha;
        cv::remap(warped, bentArt, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_CONSTANT);
        cv::remap(alpha, bentAlpha, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_CONSTANT);
        cv::Mat gain3;
        cv::merge(std::vector<cv::Mat> { gainMap, gainMap, gainMap }, gain3);
        bentArt.convertTo(bentArt, CV_32FC3);
        cv::multiply(bentArt, gain3, bentArt);
        bentArt.convertTo(warped, CV_8UC3);
        alpha = bentAlpha;
    }

    cv::Mat region = canvas(roi);
    // Drop shadow: the page lifts a little off the pad.
    if (shadowStrength > 0) {
        cv::Mat shadow;
        const double sigma = std::max(0.6, 1.5 * pxPerMm);
        const cv::Mat m = (cv::Mat_<double>(2, 3) << 1, 0, 0.8 * pxPerMm, 0, 1, 1.2 * pxPerMm);
        cv::warpAffine(alpha, shadow, m, alpha.size());
        cv::GaussianBlur(shadow, shadow, cv::Size(), sigma);
        cv::Mat inv;
        shadow.convertTo(inv, CV_8U, -shadowStrength, 255);
        cv::Mat inv3;
        cv::merge(std::vector<cv::Mat> { inv, inv, inv }, inv3);
        cv::multiply(region, inv3, region, 1.0 / 255);
    }
    cv::Mat a32, b32;
    alpha.convertTo(a32, CV_32F, 1.0 / 255);
    b32 = 1.0f - a32;
    cv::blendLinear(warped, region, a32, b32, region);
}

void drawHand(cv::Mat &canvas, Rng &rng, cv::Point2d nearMm, double pxPerMm)
{
    // Palm ellipse coming in from the bottom edge towards a point of the page edge.
    const cv::Scalar skin(rng.uniform(120, 150), rng.uniform(150, 175), rng.uniform(200, 230));
    const cv::Point2d tip = nearMm * pxPerMm;
    const cv::Point2d base(tip.x + rng.uniform(-40, 40) * pxPerMm, canvas.rows + 40 * pxPerMm);
    const cv::Point2d dir = (tip - base) / cv::norm(tip - base);
    const double angle = qRadiansToDegrees(std::atan2(dir.y, dir.x));
    const cv::Point2d palm = tip - dir * 55 * pxPerMm;
    cv::ellipse(canvas, cv::Point(palm), cv::Size(int(60 * pxPerMm), int(42 * pxPerMm)), angle, 0,
        360, skin, cv::FILLED, cv::LINE_AA);
    for (int f = -2; f <= 1; ++f) {
        const cv::Point2d side(-dir.y, dir.x);
        const cv::Point2d start = palm + side * (f * 17 + 8) * pxPerMm + dir * 30 * pxPerMm;
        const cv::Point2d end = start + dir * (45 - std::abs(f + 0.5) * 8) * pxPerMm;
        cv::line(canvas, cv::Point(start), cv::Point(end), skin * 0.95,
            std::max(1, int(14 * pxPerMm)), cv::LINE_AA);
    }
}

void addGlare(cv::Mat &canvas, Rng &rng, cv::Point2d centrePx, double pxPerMm,
    const std::array<cv::Point2d, 4> &pageMm)
{
    std::vector<cv::Point2f> page;
    for (const auto &p : pageMm)
        page.emplace_back(p * pxPerMm);
    const double sx = rng.uniform(25, 45) * pxPerMm, sy = rng.uniform(12, 25) * pxPerMm;
    const cv::Rect roi
        = cv::Rect(int(centrePx.x - 3 * sx), int(centrePx.y - 3 * sy), int(6 * sx), int(6 * sy))
        & cv::Rect(0, 0, canvas.cols, canvas.rows);
    for (int y = roi.y; y < roi.y + roi.height; ++y) {
        auto *row = canvas.ptr<cv::Vec3b>(y);
        const double dy = (y - centrePx.y) / sy;
        for (int x = roi.x; x < roi.x + roi.width; ++x) {
            const double dx = (x - centrePx.x) / sx;
            const double g = 1.3 * std::exp(-0.5 * (dx * dx + dy * dy));
            if (g < 0.01 || cv::pointPolygonTest(page, cv::Point2f(float(x), float(y)), false) < 0)
                continue;
            for (int c = 0; c < 3; ++c)
                row[x][c] = cv::saturate_cast<uchar>(row[x][c] + g * 255);
        }
    }
}

// A soft shadow (a hand or the lamp's arm) over a band of the frame: the light falls to
// 1 - depth across a straight edge blurred over about 25 mm.
void addShadow(cv::Mat &canvas, Rng &rng, double depth, double pxPerMm)
{
    const double angle = rng.uniform(0, 2 * M_PI);
    const cv::Point2d n(std::cos(angle), std::sin(angle));
    const cv::Point2d centre(
        canvas.cols * rng.uniform(0.3, 0.7), canvas.rows * rng.uniform(0.3, 0.7));
    const double soft = 25 * pxPerMm;
    for (int y = 0; y < canvas.rows; ++y) {
        auto *row = canvas.ptr<cv::Vec3b>(y);
        for (int x = 0; x < canvas.cols; ++x) {
            const double d = (x - centre.x) * n.x + (y - centre.y) * n.y;
            const double t = std::clamp(0.5 + d / soft, 0.0, 1.0); // 1: fully in shadow
            const double k = 1.0 - depth * t * t * (3 - 2 * t);
            for (int c = 0; c < 3; ++c)
                row[x][c] = cv::saturate_cast<uchar>(row[x][c] * k);
        }
    }
}

// Uneven light (a tilt and a vignette) and sensor noise, in one pass.
void lightAndNoise(cv::Mat &canvas, Rng &rng, quint32 frameSeed, double noiseSigma)
{
    const double gx = rng.uniform(-0.12, 0.12), gy = rng.uniform(-0.12, 0.12);
    const double vignette = rng.uniform(0.05, 0.15);
    const double lx = rng.uniform(-0.3, 0.3), ly = rng.uniform(-0.3, 0.3);
    static const cv::Mat noiseTile = [] {
        cv::Mat tile(256, 256, CV_16SC3);
        cv::RNG r(12345);
        r.fill(tile, cv::RNG::NORMAL, 0, 64); // 1/64 units: scaled by sigma below
        return tile;
    }();
    const int ox = int(frameSeed * 7919u % 256u), oy = int(frameSeed * 104729u % 256u);
    const int sigma64 = int(std::lround(noiseSigma * 64));
    const double invW = 1.0 / canvas.cols, invH = 1.0 / canvas.rows;
    for (int y = 0; y < canvas.rows; ++y) {
        auto *row = canvas.ptr<cv::Vec3b>(y);
        const auto *noise = noiseTile.ptr<cv::Vec3s>((y + oy) & 255);
        const double v = y * invH - 0.5;
        for (int x = 0; x < canvas.cols; ++x) {
            const double u = x * invW - 0.5;
            const double du = u - lx, dv = v - ly;
            const double light = 0.98 + gx * u + gy * v - vignette * (du * du + dv * dv);
            const int gain = int(light * 1024);
            const cv::Vec3s n = noise[(x + ox) & 255];
            for (int c = 0; c < 3; ++c)
                row[x][c] = cv::saturate_cast<uchar>(
                    ((row[x][c] * gain) >> 10) + ((n[c] * sigma64) >> 12));
        }
    }
}

} // namespace

SimFrame renderScene(const SceneSpec &spec, QSize size)
{
    SimFrame frame;
    Rng rng(spec.seed * 2654435761u + 17u);
    const double pxPerMm = size.width() / kPadWidthMm;
    cv::Mat canvas = padBackground(
        rng, cv::Size(size.width(), size.height()), spec.whiteOnWhite, spec.padColour);

    const int count = std::clamp(spec.documentCount, 0, 2);
    std::vector<std::array<cv::Point2d, 4>> placed;
    for (int d = 0; d < count; ++d) {
        DocumentKind kind = spec.kind;
        if (count == 2 && d == 1)
            kind = kind == DocumentKind::IdCardFront ? DocumentKind::IdCardBack
                                                     : DocumentKind::IdCardFront;
        if (count == 2 && (kind == DocumentKind::A4Form || kind == DocumentKind::Licence))
            kind = DocumentKind::A5Note;
        const double xMin = count == 2 ? d * kPadWidthMm / 2 : 0;
        const double xMax = count == 2 ? xMin + kPadWidthMm / 2 : kPadWidthMm;
        const auto cornersMm = placeDocument(rng, kind, xMin, xMax, spec);
        std::array<cv::Point2d, 4> cornersPx;
        DocumentTruth truth { kind, {}, documentSizeMm(kind) };
        for (size_t i = 0; i < 4; ++i) {
            // Pixel centres at integer coordinates: a point at x mm lies at x*s - 0.5.
            cornersPx[i] = cornersMm[i] * pxPerMm - cv::Point2d(0.5, 0.5);
            truth.corners << QPointF(cornersPx[i].x, cornersPx[i].y);
        }
        const QImage art = Internal::documentArt(
            kind, int(spec.seed % 3), std::min(pxPerMm, 12.0), spec.whiteOnWhite);
        const cv::Mat artMat(art.height(), art.width(), CV_8UC3,
            const_cast<uchar *>(art.constBits()), size_t(art.bytesPerLine()));
        cv::Mat artBgr;
        cv::cvtColor(artMat, artBgr, cv::COLOR_RGB2BGR);
        if (spec.paperTint.isValid()) // the paper's colour multiplies the print
            cv::multiply(artBgr,
                cv::Scalar(spec.paperTint.blue(), spec.paperTint.green(), spec.paperTint.red()),
                artBgr, 1.0 / 255);
        Deform deform;
        deform.corners = cornersPx;
        deform.pxPerMm = pxPerMm;
        if (d == 0) { // the first document may be bent
            deform.curlPx = spec.curlMm * pxPerMm;
            deform.curlSide = spec.curlSide & 3;
            deform.foldDeg = spec.foldDeg;
            deform.foldAt = std::clamp(spec.foldAt, 0.2, 0.8);
            deform.foldSide = spec.foldSide & 3;
            deform.foldGain = 1.0 - 0.004 * spec.foldDeg; // tilted from the lamp: darker
            deform.lens = cv::Point2d(size.width() / 2.0, size.height() / 2.0);
            deform.lensDistancePx = 420 * pxPerMm; // the camera's height over the pad
        }
        if (deform.active()) {
            // The truth is where the page's corners are seen.
            truth.corners.clear();
            const double uv[4][2] = { { 0, 0 }, { 1, 0 }, { 1, 1 }, { 0, 1 } };
            for (size_t i = 0; i < 4; ++i) {
                double g = 1;
                const cv::Point2d p = deform.forward(cornersPx[i], uv[i][0], uv[i][1], &g);
                truth.corners << QPointF(p.x, p.y);
            }
        }
        composite(canvas, artBgr, cornersPx, pxPerMm, spec.whiteOnWhite ? 0.18 : 0.35, &deform);
        placed.push_back(cornersMm);
        frame.documents.append(truth);
    }
    if (spec.hand) {
        cv::Point2d near(kPadWidthMm * rng.uniform(0.3, 0.7), kPadHeightMm * 0.8);
        if (!placed.empty()) // over the bottom edge of the first page
            near = (placed[0][2] + placed[0][3]) * 0.5 + cv::Point2d(rng.uniform(-30, 30), -5);
        drawHand(canvas, rng, near, pxPerMm);
    }
    if (spec.glare && !placed.empty()) {
        cv::Point2d c = (placed[0][0] + placed[0][2]) * 0.5;
        cv::Point2d jitter(rng.uniform(-40, 40), rng.uniform(-40, 40));
        if (spec.glareAt == SceneSpec::Glare::OverCorner) {
            c = placed[0][size_t(rng.integer(0, 3))];
            jitter = cv::Point2d(rng.uniform(-8, 8), rng.uniform(-8, 8));
        } else if (spec.glareAt == SceneSpec::Glare::OverEdge) {
            const int side = rng.integer(0, 3);
            c = (placed[0][size_t(side)] + placed[0][size_t((side + 1) % 4)]) * 0.5;
            jitter = cv::Point2d(rng.uniform(-8, 8), rng.uniform(-8, 8));
        }
        addGlare(canvas, rng, (c + jitter) * pxPerMm, pxPerMm, placed[0]);
    }
    if (spec.shadow > 0)
        addShadow(canvas, rng, std::min(spec.shadow, 0.8), pxPerMm);
    // A little optical softness always; more on request.
    const double sigmaPx = std::max(0.35, spec.blurSigmaMm * pxPerMm);
    if (sigmaPx > 6) {
        // Large kernels through a smaller image: same result within a grey level, much faster.
        const double f = sigmaPx / 3;
        cv::Mat small;
        cv::resize(canvas, small, cv::Size(), 1 / f, 1 / f, cv::INTER_AREA);
        cv::GaussianBlur(small, small, cv::Size(), std::sqrt(std::max(0.1, 9.0 - 0.25)));
        cv::resize(small, canvas, canvas.size(), 0, 0, cv::INTER_CUBIC);
    } else {
        cv::GaussianBlur(canvas, canvas, cv::Size(), sigmaPx);
    }
    if (spec.lightLevel != 1.0)
        canvas.convertTo(canvas, CV_8UC3, std::clamp(spec.lightLevel, 0.1, 2.0));
    lightAndNoise(canvas, rng, spec.frameSeed, spec.noiseSigma);

    if (spec.jpegQuality > 0) {
        std::vector<uchar> bytes;
        cv::imencode(".jpg", canvas, bytes, { cv::IMWRITE_JPEG_QUALITY, spec.jpegQuality });
        frame.jpeg
            = QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
        canvas = cv::imdecode(bytes, cv::IMREAD_COLOR);
    }
    cv::Mat rgb;
    cv::cvtColor(canvas, rgb, cv::COLOR_BGR2RGB);
    frame.image = QImage(rgb.data, rgb.cols, rgb.rows, int(rgb.step), QImage::Format_RGB888).copy();
    return frame;
}

SceneSpec randomScene(quint32 seed)
{
    Rng rng(seed * 7u + 3u);
    SceneSpec spec;
    spec.seed = seed;
    spec.frameSeed = seed;
    const DocumentKind kinds[] = { DocumentKind::A4Form, DocumentKind::A4Form, DocumentKind::A5Note,
        DocumentKind::IdCardFront, DocumentKind::IdCardBack, DocumentKind::Licence };
    spec.kind = kinds[rng.integer(0, 5)];
    const int variant = int(seed % 8);
    spec.glare = variant == 1;
    spec.hand = variant == 2;
    spec.whiteOnWhite = variant == 3;
    spec.documentCount = variant == 4 ? 2 : 1;
    spec.blurSigmaMm = variant == 5 ? 0.15 : 0;
    spec.jpegQuality = rng.chance(0.5) ? 85 : 0;
    spec.noiseSigma = rng.uniform(1.5, 4);
    return spec;
}

SceneSpec broadScene(quint32 seed)
{
    SceneSpec spec = randomScene(seed);
    Rng rng(seed * 31u + 11u);
    // Paper: white, or tinted (lavender, cream, pale blue, pale green, pink), recycled grey,
    // or a stronger colour (yellow, orange form).
    const QColor papers[] = { QColor(), QColor(), QColor(232, 222, 250), QColor(250, 243, 220),
        QColor(222, 235, 250), QColor(226, 246, 226), QColor(250, 226, 232), QColor(226, 224, 216),
        QColor(250, 240, 160), QColor(250, 205, 150) };
    spec.paperTint = papers[rng.integer(0, 9)];
    // Pads: the dark and white ones, light grey, near-white, mid grey, green cutting mat,
    // blue, wood.
    const QColor pads[] = { QColor(), QColor(), QColor(200, 200, 202), QColor(236, 236, 232),
        QColor(150, 150, 152), QColor(60, 110, 80), QColor(50, 70, 120), QColor(150, 105, 70) };
    spec.padColour = pads[rng.integer(0, 7)];
    if (spec.padColour.isValid())
        spec.whiteOnWhite = spec.padColour.lightness() > 180;
    if (spec.glare) {
        const int where = rng.integer(0, 2);
        spec.glareAt = where == 0 ? SceneSpec::Glare::OnPage
            : where == 1          ? SceneSpec::Glare::OverCorner
                                  : SceneSpec::Glare::OverEdge;
    } else if (rng.chance(0.15)) {
        spec.glare = true;
        spec.glareAt = SceneSpec::Glare::OverCorner;
    }
    if (rng.chance(0.2))
        spec.shadow = rng.uniform(0.2, 0.5);
    if (rng.chance(0.15)) {
        spec.lightLevel = rng.uniform(0.4, 0.6);
        spec.noiseSigma *= 2.5;
    }
    spec.jpegQuality = rng.chance(0.6) ? rng.integer(75, 92) : 0;
    // Drawn last, so that the conditions above stay what they were for every seed.
    if (spec.documentCount == 1 && !spec.hand) {
        const double bend = rng.uniform(0, 1);
        if (bend < 0.15) {
            spec.curlMm = rng.uniform(1.5, 5)
                * (spec.kind == DocumentKind::IdCardFront || spec.kind == DocumentKind::IdCardBack
                        ? 0.3
                        : 1.0);
            spec.curlSide = rng.integer(0, 3);
        } else if (bend < 0.25
            && (spec.kind == DocumentKind::A4Form || spec.kind == DocumentKind::A5Note
                || spec.kind == DocumentKind::Licence)) {
            spec.foldDeg = rng.uniform(6, 20);
            spec.foldAt = rng.uniform(0.35, 0.65);
            spec.foldSide = rng.integer(0, 3);
        }
    }
    return spec;
}

SceneSpec moveThenSettleScene(quint32 seed, int index, int *pageIndex)
{
    const int cycle = kMoveFrames + kRestFrames + kGapFrames;
    const int page = index / cycle;
    const int phase = index % cycle;
    SceneSpec spec;
    spec.seed = seed + quint32(page);
    spec.frameSeed = quint32(index);
    spec.kind = page % 2 ? DocumentKind::Licence : DocumentKind::A4Form;
    if (phase < kMoveFrames) {
        spec.motion = 1.0 - double(phase) / kMoveFrames;
    } else if (phase >= kMoveFrames + kRestFrames) {
        spec.documentCount = 0;
    }
    if (pageIndex)
        *pageIndex = spec.documentCount ? page : -1;
    return spec;
}

} // namespace Tongban::Drivers::Sim
