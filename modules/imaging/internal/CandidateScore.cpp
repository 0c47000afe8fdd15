#include "CandidateScore.h"

#include "../Logging.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace Tongban::Imaging::Internal {

double cornerAngleDeviationDeg(const Corners &c)
{
    double worst = 0;
    for (size_t i = 0; i < 4; ++i) {
        const cv::Point2d u = c[(i + 3) % 4] - c[i], v = c[(i + 1) % 4] - c[i];
        const double cosA = u.dot(v) / (cv::norm(u) * cv::norm(v) + 1e-9);
        worst = std::max(worst, std::abs(std::acos(std::clamp(cosA, -1.0, 1.0)) * 180 / M_PI - 90));
    }
    return worst;
}

// Scores a refined quad; false when it cannot be a page.
bool scoreQuad(const Corners &c, double support, double mmPerPx, PageQuad &quad)
{
    std::vector<cv::Point2f> pts(c.begin(), c.end());
    if (!cv::isContourConvex(pts))
        return false;
    const double angleDev = cornerAngleDeviationDeg(c);
    const double angleFactor = std::clamp(1.0 - (angleDev - 12) / 25, 0.0, 1.0);
    const double top = cv::norm(c[1] - c[0]), bottom = cv::norm(c[2] - c[3]);
    const double left = cv::norm(c[3] - c[0]), right = cv::norm(c[2] - c[1]);
    const double widthMm = 0.5 * (top + bottom) * mmPerPx;
    const double heightMm = 0.5 * (left + right) * mmPerPx;
    const double shortMm = std::min(widthMm, heightMm), longMm = std::max(widthMm, heightMm);
    if (longMm < 40)
        return false;
    SizeClass best = SizeClass::Unknown;
    double bestError = 0.12;
    const double aspect = longMm / shortMm;
    for (SizeClass k : { SizeClass::A4, SizeClass::A5, SizeClass::IdCard }) {
        const QSizeF mm = sizeClassMm(k);
        // The shape must agree as well as the size: a page with one corner pulled outward
        // (glare) can be near a class's size on both sides yet not of its shape.
        const double aspectError = std::abs(aspect / (mm.height() / mm.width()) - 1);
        const double e = std::max({ std::abs(shortMm - mm.width()) / mm.width(),
            std::abs(longMm - mm.height()) / mm.height(), 1.5 * aspectError });
        if (e < bestError) {
            bestError = e;
            best = k;
        }
    }
    const double sizeFactor = best == SizeClass::Unknown ? 0.8 : 1.0;
    quad.corners.clear();
    for (const auto &p : c)
        quad.corners << QPointF(p.x, p.y);
    quad.edgeSupport = support;
    quad.sizeClass = best;
    quad.landscape = widthMm > heightMm;
    quad.confidence = std::clamp(support, 0.0, 1.0) * angleFactor * sizeFactor;
    return true;
}

void dropNestedCandidates(std::vector<Candidate> &candidates, double minConfidence)
{
    // A candidate inside another good one is a frame printed on the page (a licence's border)
    // that became a region of its own, e.g. where a hand broke the paper around it.
    auto area = [](const Corners &c) {
        return std::abs(cv::contourArea(std::vector<cv::Point2f>(c.begin(), c.end())));
    };
    std::vector<Candidate> outer;
    for (const Candidate &inner : candidates) {
        const bool contained
            = std::any_of(candidates.begin(), candidates.end(), [&](const Candidate &o) {
                  if (&o == &inner || o.quad.confidence < minConfidence
                      || area(o.corners) <= area(inner.corners))
                      return false;
                  const double iou = quadIoU(o.quad.corners, inner.quad.corners);
                  const double intersection
                      = iou * (area(o.corners) + area(inner.corners)) / (1 + iou);
                  return intersection > 0.9 * area(inner.corners);
              });
        if (!contained)
            outer.push_back(inner);
    }
    candidates.swap(outer);
}

QList<PageQuad> selectPages(std::vector<Candidate> candidates, double minConfidence, int maxPages)
{
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return a.quad.confidence > b.quad.confidence;
    });
    QList<PageQuad> result;
    for (const Candidate &cand : candidates) {
        if (lcImaging().isDebugEnabled())
            qCDebug(lcImaging, "final %.0f,%.0f %.0f,%.0f %.0f,%.0f %.0f,%.0f confidence %.2f %s",
                cand.corners[0].x, cand.corners[0].y, cand.corners[1].x, cand.corners[1].y,
                cand.corners[2].x, cand.corners[2].y, cand.corners[3].x, cand.corners[3].y,
                cand.quad.confidence, qPrintable(sizeClassName(cand.quad.sizeClass)));
        if (cand.quad.confidence < minConfidence)
            break;
        const bool overlaps = std::any_of(result.begin(), result.end(),
            [&](const PageQuad &q) { return quadIoU(q.corners, cand.quad.corners) > 0.3; });
        if (overlaps)
            continue;
        result.append(cand.quad);
        if (result.size() >= maxPages)
            break;
    }
    return result;
}

} // namespace Tongban::Imaging::Internal
