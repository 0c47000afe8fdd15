#pragma once

// The page detector's search over a pass's regions: starting quads per region, refinement on
// the frame's edge images, scoring; line starts when the outline is not a quad; neighbouring
// fragments merged.

#include "CandidateScore.h"
#include "EdgeFit.h"
#include "Segmentation.h"

namespace Tongban::Imaging::Internal {

class RegionSearch
{
public:
    /// \a sx: frame pixels per work pixel; \a mmPerPx, \a mmPerPxSmall: the pad's scale at the
    /// frame's and the work size; \a minArea: smallest region (work pixels).
    RegionSearch(
        double sx, double minArea, double mmPerPx, double mmPerPxSmall, double minConfidence);

    /// Candidates from \a regions of a pass on \a w; with \a mergeFragments, neighbouring
    /// regions that gave no page with a size class are tried again as one.
    void consider(const WorkImages &w, const Regions &regions, bool mergeFragments);

    /// Whether at least \a wanted distinct pages (good, of a size class) were found.
    bool hasDistinctPages(int wanted, double minConfidence) const;
    /// Whether any candidate reaches the minimum confidence.
    bool anyConfident() const;

    /// Regions that gave no good page, or needed line starts.
    int unresolved() const { return m_unresolved; }
    std::vector<Candidate> &candidates() { return m_candidates; }

private:
    Candidate bestOf(
        const WorkImages &w, const std::vector<Corners> &from, HiddenSides hidden) const;
    bool isGood(const Candidate &x) const;

    double m_sx, m_minArea, m_mmPerPx, m_mmPerPxSmall, m_minConfidence;
    std::vector<Candidate> m_candidates;
    int m_unresolved = 0;
    bool m_inside = false; ///< searching inside a region (not again inside that)
};

} // namespace Tongban::Imaging::Internal
