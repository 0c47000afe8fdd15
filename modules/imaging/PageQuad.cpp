#include "PageQuad.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace Tongban::Imaging {

QString sizeClassName(SizeClass sizeClass)
{
    switch (sizeClass) {
    case SizeClass::A4:
        return QStringLiteral("A4");
    case SizeClass::A5:
        return QStringLiteral("A5");
    case SizeClass::IdCard:
        return QStringLiteral("idCard");
    case SizeClass::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QSizeF sizeClassMm(SizeClass sizeClass)
{
    switch (sizeClass) {
    case SizeClass::A4:
        return { 210, 297 };
    case SizeClass::A5:
        return { 148, 210 };
    case SizeClass::IdCard:
        return { 54, 85.6 };
    case SizeClass::Unknown:
        break;
    }
    return {};
}

SizeClass sizeClassOfMeasured(double widthMm, double heightMm)
{
    const double shortMm = std::min(widthMm, heightMm), longMm = std::max(widthMm, heightMm);
    for (SizeClass k : { SizeClass::A4, SizeClass::A5, SizeClass::IdCard }) {
        const QSizeF mm = sizeClassMm(k);
        if (std::abs(shortMm / mm.width() - 1) <= 0.08
            && std::abs(longMm / mm.height() - 1) <= 0.08)
            return k;
    }
    return SizeClass::Unknown;
}

PageQuad PageQuad::scaled(double factor) const
{
    PageQuad q = *this;
    for (QPointF &p : q.corners)
        p = (p + QPointF(0.5, 0.5)) * factor - QPointF(0.5, 0.5);
    return q;
}

QJsonObject PageQuad::toJson() const
{
    QJsonArray points;
    for (const QPointF &p : corners)
        points.append(QJsonArray { std::round(p.x() * 10) / 10, std::round(p.y() * 10) / 10 });
    return { { QStringLiteral("corners"), points },
        { QStringLiteral("confidence"), std::round(confidence * 1000) / 1000 },
        { QStringLiteral("sizeClass"), sizeClassName(sizeClass) },
        { QStringLiteral("landscape"), landscape },
        { QStringLiteral("clerkCorrected"), clerkCorrected } };
}

namespace {
std::vector<cv::Point2f> toCv(const QPolygonF &poly)
{
    std::vector<cv::Point2f> pts;
    for (const QPointF &p : poly)
        pts.emplace_back(float(p.x()), float(p.y()));
    // intersectConvexConvex wants the same orientation for both polygons.
    if (pts.size() >= 3 && cv::contourArea(pts, true) < 0)
        std::reverse(pts.begin(), pts.end());
    return pts;
}
} // namespace

double quadIoU(const QPolygonF &a, const QPolygonF &b)
{
    if (a.size() < 3 || b.size() < 3)
        return 0;
    const auto pa = toCv(a), pb = toCv(b);
    std::vector<cv::Point2f> inter;
    const double i = cv::intersectConvexConvex(pa, pb, inter, true);
    const double u = cv::contourArea(pa) + cv::contourArea(pb) - i;
    return u > 0 ? std::max(0.0, i) / u : 0;
}

double maxCornerError(const QPolygonF &detected, const QPolygonF &truth)
{
    if (detected.size() != 4 || truth.size() != 4)
        return 1e9;
    double best = 1e9;
    for (int shift = 0; shift < 4; ++shift) {
        double worst = 0;
        for (int i = 0; i < 4; ++i) {
            const QPointF d = detected[(i + shift) % 4] - truth[i];
            worst = std::max(worst, std::hypot(d.x(), d.y()));
        }
        best = std::min(best, worst);
    }
    return best;
}

} // namespace Tongban::Imaging
