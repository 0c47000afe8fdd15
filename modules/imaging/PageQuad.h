#pragma once

#include <QJsonObject>
#include <QList>
#include <QPolygonF>
#include <QSizeF>

namespace Tongban::Imaging {

/// The paper sizes the window sees; zero is unknown.
enum class SizeClass { Unknown = 0, A4, A5, IdCard };

QString sizeClassName(SizeClass sizeClass);
/// Portrait size in millimetres (width < height); empty for Unknown.
QSizeF sizeClassMm(SizeClass sizeClass);

/*!
 * One detected page: corners TL, TR, BR, BL in image pixels (pixel centres at
 * integer coordinates; corners may lie outside the image when a page is cut
 * off), with a confidence in [0, 1].
 */
struct PageQuad
{
    QPolygonF corners;
    double confidence = 0;
    SizeClass sizeClass = SizeClass::Unknown;
    bool landscape = false;
    double edgeSupport = 0; ///< share of the outline backed by a measured edge
    /// The clerk placed (some of) the corners by hand: the still uses them as they are.
    bool clerkCorrected = false;

    /// Below this confidence a detection is shown as tentative, for the clerk to correct.
    static constexpr double kSureConfidence = 0.8;

    bool isValid() const { return corners.size() == 4; }
    /// Detection was unsure (confidence below kSureConfidence) and nobody corrected it.
    bool isTentative() const
    {
        return isValid() && !clerkCorrected && confidence < kSureConfidence;
    }
    /// The same quad in an image \a factor times larger (0.5-pixel convention kept).
    PageQuad scaled(double factor) const;
    QJsonObject toJson() const;
};

/*!
 * The size class of a page measured \a widthMm by \a heightMm (either orientation), when
 * both sides are within 8 % of the class's; Unknown otherwise.
 */
SizeClass sizeClassOfMeasured(double widthMm, double heightMm);

/// Intersection over union of two convex quads (polygon clipping, exact).
double quadIoU(const QPolygonF &a, const QPolygonF &b);
/// Largest distance between corresponding corners after best cyclic alignment.
double maxCornerError(const QPolygonF &detected, const QPolygonF &truth);

} // namespace Tongban::Imaging
