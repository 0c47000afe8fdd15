#pragma once

// The page detector's work images and its segmentation passes: pages as regions brighter than
// the pad, of another colour than the pad, or inside their edges against the local light.

#include <opencv2/core.hpp>
#include <vector>

namespace Tongban::Imaging::Internal {

/// Width of the work image segmentation runs on.
constexpr int kWorkWidth = 512;

using Regions = std::vector<std::vector<cv::Point>>;

/// Everything a pass works on: the frame (possibly brightened), its work-size copy, the pad's
/// level and colour, and the images edges are measured on (at the frame's size).
struct WorkImages
{
    cv::Mat full, small, blurred;
    double padLevel = 0;
    cv::Vec2f pad;
    bool colour = false;
    std::vector<cv::Mat> edgeImages;
};

/// The work images of \a full (8-bit RGB or grey), reduced by \a scale to the work width.
WorkImages prepareWork(const cv::Mat &full, double scale);

/*!
 * The work images of \a w seen inside \a region only (a large region that is no page, such
 * as the lit part of a pad beside a shadow): outside it the picture is the region's own
 * median colour, and the pad's level and colour are the region's, so that a document lying
 * inside it segments against it.
 */
WorkImages insideRegion(const WorkImages &w, const std::vector<cv::Point> &region);

/// Median of the frame border of an 8-bit one-channel image, where pages rarely are.
double borderMedian(const cv::Mat &blurred);

/*!
 * Page regions by segmentation of the work image \a smallRgb (\a blurred: its blurred luma;
 * \a padLevel: the border's median): above the pad on a dark or mid pad, above the pad's light
 * field on a white pad. \a padColour: the pad's CIELAB a, b when pages are also segmented by
 * colour, nullptr without colour. \a localLight: inside their edges against the frame's own
 * light at about 10 mm (a soft shadow across the frame). \a keepSkin: orange-ish pixels stay
 * (orange paper). \a chromaticity: by log chromaticity alone (a tinted page half in shadow).
 */
Regions regionsBySegmentation(const cv::Mat &smallRgb, const cv::Mat &blurred, double padLevel,
    const cv::Vec2f *padColour, bool localLight = false, bool keepSkin = false,
    bool chromaticity = false);

/// Regions closed by a Canny edge map of \a blurred (the last fallback).
Regions regionsByEdges(const cv::Mat &blurred);

} // namespace Tongban::Imaging::Internal
