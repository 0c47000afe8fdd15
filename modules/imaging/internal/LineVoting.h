#pragma once

#include "QuadStarts.h"

namespace Tongban::Imaging::Internal {

/// A quad found from an outline's straight stretches.
struct LineQuad
{
    Corners corners;
    bool completed = false; ///< one side placed from the size class (hidden under a hand)
};

/*!
 * Starts from straight stretches of a region's outline (\a contour at the work size \a size,
 * \a mmPerPx at that size): the contour is cut into straight segments, collinear segments
 * vote for one line (their length), and the four lines that make the best quad (two nearly
 * parallel pairs, the pairs nearly at right angles, the votes lying on the quad's sides) give
 * its corners; three sides and the size class when the fourth is hidden. Up to two quads, the
 * second not overlapping the first (two documents in one region).
 */
std::vector<LineQuad> quadsFromLines(
    const std::vector<cv::Point> &contour, cv::Size size, double mmPerPx);

} // namespace Tongban::Imaging::Internal
