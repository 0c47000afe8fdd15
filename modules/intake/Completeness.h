#pragma once

#include "CaseDraft.h"

#include <catalog/Catalog.h>
#include <notices/Notice.h>

#include <QList>
#include <QStringList>

namespace Tongban::Intake {

/// Where one material of the checklist stands.
enum class MaterialStatus {
    Unchecked, ///< the clerk has not finished with it
    Received, ///< captured, every review point passed, original verified where asked
    Tolerated, ///< absent under 容缺受理, with the applicant's commitment
    Missing, ///< the applicant did not bring it
    Deficient, ///< at least one review point failed
};

struct MaterialAssessment
{
    const Catalog::MaterialRequirement *requirement = nullptr;
    MaterialStatus status = MaterialStatus::Unchecked;
    /// What is left to do before the material is decided, for the clerk.
    QStringList todo;
    /// What the one-time notice will say about it (Missing, Deficient).
    QList<Notices::Deficiency> deficiencies;
};

/*!
 * The judgement of a case against its guide: a pure function of the item,
 * the answers to its questions and the clerk's verdicts (no I/O, no clock).
 *
 * - decidable: every applicable material is decided (nothing left in todo)
 *   and the applicant is valid;
 * - complete: decidable and no deficiency: the case gets a receipt and is
 *   transmitted; otherwise one one-time notice lists every deficiency.
 *
 * Materials that do not apply to the answers are not listed and cannot be
 * demanded (000 §27). Verdicts on review points the guide does not have are
 * ignored.
 */
struct Assessment
{
    QList<MaterialAssessment> materials; ///< the applicable ones, in guide order
    QStringList applicantProblems; ///< invalid identity number, credit code, missing name
    bool decidable = false;
    bool complete = false;

    /// Every deficiency, in guide order: what the one-time notice lists.
    QList<Notices::Deficiency> deficiencies() const;
    /// Everything received or tolerated, as the receipt lists it.
    QList<Notices::ReceivedMaterial> received(const CaseDraft &draft) const;
    /// Ids of received materials whose paper the home department keeps (mail them, 000 §17).
    QStringList paperToMail() const;
    const MaterialAssessment *material(const QString &materialId) const;
    int count(MaterialStatus status) const;
};

Assessment assess(const Catalog::ServiceItem &item, const CaseDraft &draft);

/// Problems of the applicant and agent fields, in the clerk's language; empty when valid.
QStringList applicantProblems(const CaseDraft &draft, const QDate &today = {});

QString statusName(MaterialStatus status);

} // namespace Tongban::Intake
