#pragma once

#include "../PageQuad.h"
#include "QuadStarts.h"

namespace Tongban::Imaging::Internal {

/// A refined quad at the frame's size and its score.
struct Candidate
{
    Corners corners;
    PageQuad quad;
};

/// The largest deviation of a corner's angle from 90 degrees.
double cornerAngleDeviationDeg(const Corners &c);

/// Scores a refined quad (edge \a support, corner angles, size class at \a mmPerPx) into
/// \a quad; false when it cannot be a page (not convex, too small).
bool scoreQuad(const Corners &c, double support, double mmPerPx, PageQuad &quad);

/// Pages do not lie on pages: drops every candidate lying (90 % of its area) inside a larger
/// one of at least \a minConfidence (a licence's printed border found as a region of its own).
void dropNestedCandidates(std::vector<Candidate> &candidates, double minConfidence);

/// The pages to report: by confidence, at least \a minConfidence, not overlapping one already
/// taken (IoU > 0.3), at most \a maxPages.
QList<PageQuad> selectPages(std::vector<Candidate> candidates, double minConfidence, int maxPages);

} // namespace Tongban::Imaging::Internal
