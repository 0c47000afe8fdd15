#pragma once

#include <array>
#include <opencv2/core.hpp>

namespace Tongban::Imaging::Internal {

/// Luminance (Rec. 601) at a sub-pixel position of an 8-bit 1- or 3-channel image.
double sampleLuma(const cv::Mat &image, double x, double y);

/// Keep: a side (almost) outside the image keeps its line; KeepAny: any side without an edge
/// does (a side placed from the size class under a hand), and the support is that of the
/// other sides.
enum class HiddenSides { Invalid = 0, Fail, Keep, KeepAny };

/*!
 * Refines the quad \a corners (TL, TR, BR, BL) on \a image: along each side,
 * the strongest dark-to-bright step towards the inside within \a radius
 * pixels of the current side is located to a sub-pixel position; a robust
 * line fit per side and the intersections of neighbouring sides give the new
 * corners. \a support receives the share of in-image samples that found an
 * edge (0 to 1). Returns false when a side has too few measurements, unless
 * \a hidden is Keep and that side lies (almost) outside the image: it then
 * keeps its line (a cut-off page extrapolated by the caller). With KeepAny a side without
 * an edge is looked for again twice as wide (a side placed from the size class may be
 * a few pixels off) before it keeps its line; \a keptSides, when given, receives the number
 * of sides that kept their line.
 */
bool refineQuad(const cv::Mat &image, std::array<cv::Point2d, 4> &corners, double radius,
    double minStep, double *support, HiddenSides hidden = HiddenSides::Fail,
    int *keptSides = nullptr);

/// Orders four points TL, TR, BR, BL (clockwise on screen, starting nearest the top left).
std::array<cv::Point2d, 4> orderCorners(const std::array<cv::Point2d, 4> &points);

} // namespace Tongban::Imaging::Internal
