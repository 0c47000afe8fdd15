#pragma once

#include "../CaseDraft.h"

#include <QList>
#include <QString>

namespace Tongban::Intake::Internal {

/// One act of the trail that a change of a case's draft stands for.
struct CaseChange
{
    QString action; ///< case.facts, material.absent, review.mark, case.parties, ...
    QString detail; ///< what changed; the applicant's and agent's fields masked
};

/*!
 * What changed between \a before and \a after, as the audit trail records it:
 * answers (情形), and per material absent, tolerated, commitment, original
 * verified, each review mark and the page order; and the applicant and agent
 * against after.auditedParties, once after.screen is past New case (masked:
 * 张*, 110105********002X, 138****5678). Pure; no I/O.
 */
QList<CaseChange> describeChanges(const CaseDraft &before, const CaseDraft &after);

/// The state of \a materialId in \a draft, empty when the draft has none.
MaterialState materialStateOf(const CaseDraft &draft, const QString &materialId);

} // namespace Tongban::Intake::Internal
