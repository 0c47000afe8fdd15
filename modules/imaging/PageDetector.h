#pragma once

#include "PageQuad.h"

#include <QImage>

namespace Tongban::Imaging {

/*!
 * Finds pages on a preview frame (any size; work is done at about 512 px and
 * edges refined on the frame itself).
 *
 * Method: the pad is modelled from the frame border and pages are segmented
 * against it (on a white pad against its fitted light field, and by colour for
 * ID cards; skin-coloured pixels excluded, so a hand does not join the page).
 * Each region gives up to three starting quads: its hull's four sides; for a
 * page cut off by the frame, the seen sides plus the size class (the true page
 * is returned, corners outside the image); its minimum-area rectangle (a hand
 * over a side). Every side is then refined with sub-pixel edge measurements
 * along its normal and a robust line fit (occluded stretches dropped). When
 * segmentation finds no page, fallback passes follow: against the local light (a
 * soft shadow), with only the reddest skin removed (orange paper), by log
 * chromaticity (a tinted page in a shadow), on the frame brightened to a normal
 * exposure (low light), and last an edge map. Candidates are
 * scored by edge support, convexity, corner angles and the size classes at the
 * pad's fixed scale; a candidate inside a larger good one is dropped.
 *
 * Pure function of the frame; thread-safe; about 2 ms (CPU) at 1024x768 on one
 * core.
 */
class PageDetector
{
public:
    struct Options
    {
        /// Width of the pad's field of view; fixes the scale (mm per pixel).
        double padWidthMm = 448.0;
        double minConfidence = 0.55;
        int maxPages = 2;
    };

    PageDetector();
    explicit PageDetector(const Options &options);

    QList<PageQuad> detect(const QImage &frame) const;

    /*!
     * Refines \a quad (already scaled to \a image) on that image, e.g. a 13 MP
     * still, searching \a searchRadiusPx either side of each edge.
     */
    static PageQuad refine(const QImage &image, const PageQuad &quad, double searchRadiusPx);

    /// The classic approach (Canny, largest contour, approxPolyDP), for comparison.
    static QList<PageQuad> classicDetect(const QImage &frame);

private:
    Options m_options;
};

} // namespace Tongban::Imaging
