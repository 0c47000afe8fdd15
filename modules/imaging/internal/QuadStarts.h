#pragma once

// Starting quads for the page detector, from a region's outline at the work size: the hull's
// four sides, a cut-off page completed from the size class, the minimum-area rectangle.

#include <array>
#include <opencv2/core.hpp>
#include <vector>

namespace Tongban::Imaging::Internal {

/// A quad's corners: TL, TR, BR, BL once ordered (orderCorners).
using Corners = std::array<cv::Point2d, 4>;

/// Whether the segment \a a - \a b runs along the border of an image of \a size (3 px).
bool onBorder(const cv::Point &a, const cv::Point &b, cv::Size size);

/// Intersection of the lines through \a a1, \a a2 and \a b1, \a b2; false when parallel.
bool lineIntersection(
    cv::Point2d a1, cv::Point2d a2, cv::Point2d b1, cv::Point2d b2, cv::Point2d &out);

/// The smallest size class (either orientation) at least \a alongMm by \a acrossMm, as
/// lengths in pixels; \a alongMm is matched within 12 % when \a alongExact.
bool sizeForCut(double alongMm, double acrossMm, bool alongExact, double mmPerPx, double &alongPx,
    double &acrossPx);

/// Four sides from a region's hull: sides on the frame border are dropped (a cut-off page),
/// the four longest remaining ones are extended and intersected.
bool quadFromHull(const std::vector<cv::Point> &hull, cv::Size size, Corners &out);

/// A page running out of the frame: with only two or three of its sides seen, the others are
/// placed from the size class (the pad's scale is fixed): the true page, corners outside.
bool quadFromCutHull(
    const std::vector<cv::Point> &hull, cv::Size size, double mmPerPx, Corners &out);

/// The region's minimum-area rectangle (robust when a hand bites into one side); false when
/// the hull touches the frame border.
bool quadFromRect(const std::vector<cv::Point> &hull, cv::Size size, Corners &out);

} // namespace Tongban::Imaging::Internal
