#include "RegionSearch.h"

#include "../Logging.h"
#include "LineVoting.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace Tongban::Imaging::Internal {

namespace {
/// A region larger than this share of the frame is part of the pad, not a page.
constexpr double kPadPartShare = 0.25;
} // namespace

RegionSearch::RegionSearch(
    double sx, double minArea, double mmPerPx, double mmPerPxSmall, double minConfidence)
    : m_sx(sx)
    , m_minArea(minArea)
    , m_mmPerPx(mmPerPx)
    , m_mmPerPxSmall(mmPerPxSmall)
    , m_minConfidence(minConfidence)
{ }

bool RegionSearch::isGood(const Candidate &x) const
{
    return x.quad.confidence >= m_minConfidence && x.quad.sizeClass != SizeClass::Unknown;
}

// The best refined quad of \a from on any edge image of \a w.
Candidate RegionSearch::bestOf(
    const WorkImages &w, const std::vector<Corners> &from, HiddenSides hidden) const
{
    const std::vector<cv::Mat> &edgeImages = w.edgeImages;
    const bool debug = lcImaging().isDebugEnabled();
    Candidate best;
    for (size_t job = 0; job < from.size() * edgeImages.size(); ++job) {
        Corners start = from[job / edgeImages.size()];
        const cv::Mat &edgeImage = edgeImages[job % edgeImages.size()];
        for (auto &p : start)
            p = (p + cv::Point2d(0.5, 0.5)) * m_sx - cv::Point2d(0.5, 0.5);
        double support = 0;
        const double radius = std::max(3.0, 2.5 * m_sx);
        // A region grown past its page (a blurred colour mask, a drop shadow) puts a side
        // beyond the first search radius: then a second try, twice as wide.
        const Corners initial = start;
        bool refined = refineQuad(edgeImage, start, radius, 4, &support, hidden);
        if (!refined) {
            start = initial;
            refined = refineQuad(edgeImage, start, 2 * radius, 4, &support, hidden);
        }
        int guessed = 0;
        if (!refined || !refineQuad(edgeImage, start, 2.5, 4, &support, hidden, &guessed)) {
            if (debug)
                qCDebug(lcImaging, "refinement failed on edge image %zu", job % edgeImages.size());
            continue;
        }
        Candidate cand { start, {} };
        if (debug)
            qCDebug(lcImaging, "candidate support %.2f", support);
        const bool scored = scoreQuad(start, support, m_mmPerPx, cand.quad);
        // A side placed from the size class and not found on the picture is a guess: shown as
        // tentative, for the clerk to correct.
        if (hidden == HiddenSides::KeepAny && guessed > 0)
            cand.quad.confidence = std::min(cand.quad.confidence, PageQuad::kSureConfidence - 0.05);
        if (scored && cand.quad.confidence > best.quad.confidence)
            best = cand;
    }
    return best;
}

void RegionSearch::consider(const WorkImages &w, const Regions &regions, bool mergeFragments)
{
    Regions fragments; // hulls of regions that gave no page with a size class
    for (const auto &region : regions) {
        if (cv::contourArea(region) < m_minArea)
            continue;
        std::vector<cv::Point> hull;
        cv::convexHull(region, hull);
        const bool debug = lcImaging().isDebugEnabled();
        std::vector<Corners> starts;
        Corners c;
        if (quadFromHull(hull, w.small.size(), c))
            starts.push_back(c);
        if (quadFromCutHull(hull, w.small.size(), m_mmPerPxSmall, c))
            starts.push_back(c);
        if (quadFromRect(hull, w.small.size(), c))
            starts.push_back(c);
        if (starts.empty() && debug)
            qCDebug(lcImaging, "hull of %zu points rejected", hull.size());
        if (debug)
            for (const Corners &st : starts)
                qCDebug(lcImaging, "start %.0f,%.0f %.0f,%.0f %.0f,%.0f %.0f,%.0f area %.0f",
                    st[0].x, st[0].y, st[1].x, st[1].y, st[2].x, st[2].y, st[3].x, st[3].y,
                    cv::contourArea(region));
        Candidate best = bestOf(w, starts, HiddenSides::Keep);
        bool outlineNotAQuad = false;
        if (!isGood(best)) {
            if (debug)
                qCDebug(lcImaging, "line starts");
            // Something else is in (or joined to) this region: perhaps a second document that
            // another pass finds, so the search goes on as if nothing was found.
            outlineNotAQuad = true;
            // The outline is not a quad (a hand of the paper's colour, two documents
            // touching): quads from its straight stretches, each a candidate of its own.
            for (const LineQuad &lineStart :
                quadsFromLines(region, w.small.size(), m_mmPerPxSmall)) {
                Candidate cand = bestOf(w, { lineStart.corners },
                    lineStart.completed ? HiddenSides::KeepAny : HiddenSides::Keep);
                if (!cand.quad.isValid())
                    continue;
                if (cand.quad.confidence > best.quad.confidence)
                    std::swap(cand, best);
                if (isGood(cand))
                    m_candidates.push_back(cand);
            }
        }
        // A region as large as part of the pad that gave no page (the lit part of a pad beside
        // a shadow, taken as brighter than the pad's median): a document lying inside it
        // is looked for against the region's own level and colour.
        if (!isGood(best) && !m_inside
            && cv::contourArea(region) > kPadPartShare * double(w.small.total())) {
            if (debug)
                qCDebug(
                    lcImaging, "documents inside a region of area %.0f", cv::contourArea(region));
            const WorkImages inner = insideRegion(w, region);
            m_inside = true;
            // As the passes over the frame: by level and colour, then with orange paper kept.
            const size_t before = m_candidates.size();
            for (bool keepSkin : { false, true }) {
                consider(inner,
                    regionsBySegmentation(inner.small, inner.blurred, inner.padLevel,
                        inner.colour ? &inner.pad : nullptr, false, keepSkin),
                    false);
                if (std::any_of(m_candidates.begin() + long(before), m_candidates.end(),
                        [this](const Candidate &x) { return isGood(x); }))
                    break;
            }
            m_inside = false;
        }
        if (best.quad.isValid())
            m_candidates.push_back(best);
        if (best.quad.confidence < m_minConfidence || outlineNotAQuad)
            ++m_unresolved;
        if (best.quad.confidence < m_minConfidence || best.quad.sizeClass == SizeClass::Unknown)
            fragments.push_back(hull);
    }
    // A page cut in two by a shadow's edge (each part of no size class): neighbouring
    // fragments are tried as one region.
    if (!mergeFragments)
        return;
    for (size_t i = 0; i < fragments.size(); ++i) {
        for (size_t j = i + 1; j < fragments.size(); ++j) {
            cv::Rect a = cv::boundingRect(fragments[i]), b = cv::boundingRect(fragments[j]);
            a -= cv::Point(4, 4);
            a += cv::Size(8, 8);
            if ((a & b).empty())
                continue;
            std::vector<cv::Point> both = fragments[i];
            both.insert(both.end(), fragments[j].begin(), fragments[j].end());
            std::vector<cv::Point> merged;
            cv::convexHull(both, merged);
            consider(w, { merged }, false);
        }
    }
}

bool RegionSearch::hasDistinctPages(int wanted, double minConfidence) const
{
    // Distinct pages: the same page found again by a later pass (or from another start) is
    // not a second one.
    std::vector<const Candidate *> pages;
    for (const Candidate &x : m_candidates) {
        if (x.quad.confidence < minConfidence || x.quad.sizeClass == SizeClass::Unknown)
            continue;
        if (std::none_of(pages.begin(), pages.end(),
                [&](const Candidate *p) { return quadIoU(p->quad.corners, x.quad.corners) > 0.3; }))
            pages.push_back(&x);
    }
    return int(pages.size()) >= wanted;
}

bool RegionSearch::anyConfident() const
{
    return std::any_of(m_candidates.begin(), m_candidates.end(),
        [&](const Candidate &x) { return x.quad.confidence >= m_minConfidence; });
}

} // namespace Tongban::Imaging::Internal
