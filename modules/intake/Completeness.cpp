#include "Completeness.h"

#include "Tr.h"

#include <core/CreditCode.h>
#include <core/IdentityNumber.h>

namespace Tongban::Intake {

namespace {

QString quantityText(const Catalog::MaterialRequirement &m)
{
    QStringList parts;
    if (m.originals > 0)
        parts << Tr::tr("%n original(s)", nullptr, m.originals);
    if (m.copies > 0)
        parts << Tr::tr("%n copy(ies)", nullptr, m.copies);
    return parts.join(Tr::tr(", "));
}

QString mediumText(Catalog::Medium medium)
{
    switch (medium) {
    case Catalog::Medium::Paper:
        return Tr::tr("paper");
    case Catalog::Medium::Electronic:
        return Tr::tr("electronic");
    case Catalog::Medium::Both:
        return Tr::tr("paper and electronic");
    case Catalog::Medium::Unknown:
        break;
    }
    return {};
}

MaterialAssessment assessMaterial(
    const Catalog::MaterialRequirement &req, const MaterialState *state)
{
    MaterialAssessment out;
    out.requirement = &req;
    if (!state) {
        out.todo << Tr::tr("Not checked yet");
        return out;
    }
    if (state->absent) {
        out.status = MaterialStatus::Missing;
        const QString quantity = quantityText(req);
        out.deficiencies.append(Notices::Deficiency { Notices::Deficiency::Kind::Missing, req.name,
            Tr::tr("Not submitted"),
            quantity.isEmpty() ? Tr::tr("Please submit %1.").arg(req.name)
                               : Tr::tr("Please submit %1 (%2).").arg(req.name, quantity),
            {} });
        return out;
    }
    if (state->tolerated) {
        if (!req.tolerable) {
            out.todo << Tr::tr("The guide does not allow tolerated absence for this material");
            return out;
        }
        // The applicant signs the guide's own commitment, never a text of the window's.
        if (state->commitment != req.toleranceCommitment) {
            out.todo << Tr::tr("Record the applicant's commitment (the guide's standard text) "
                               "for the tolerated absence");
            return out;
        }
        out.status = MaterialStatus::Tolerated;
        return out;
    }
    if (state->pages.isEmpty())
        out.todo << Tr::tr("Capture the pages");
    int unmarked = 0;
    QStringList withoutReason;
    for (int i = 0; i < req.reviewPoints.size(); ++i) {
        const Catalog::ReviewPoint &point = req.reviewPoints.at(i);
        const ReviewVerdict verdict = state->verdicts.value(point.id);
        if (verdict.verdict == ReviewVerdict::Verdict::Unmarked) {
            ++unmarked;
            continue;
        }
        if (verdict.verdict != ReviewVerdict::Verdict::Fail)
            continue;
        Notices::Deficiency deficiency;
        deficiency.kind = Notices::Deficiency::Kind::ReviewPointFailed;
        deficiency.material = req.name;
        // The remark explains the reason; it never becomes a demand of its own.
        deficiency.remark = verdict.remark.trimmed();
        for (const Catalog::Deficiency &standard : point.deficiencies) {
            if (standard.code == verdict.deficiencyCode) {
                deficiency.reason = standard.reason;
                deficiency.correction = standard.correction;
            }
        }
        if (deficiency.reason.isEmpty()) {
            if (!point.deficiencies.isEmpty()) {
                // The guide lists the reasons for this point: the clerk must pick one.
                withoutReason << QString::number(i + 1);
                continue;
            }
            // A point the guide gives no standard reason for is named itself.
            deficiency.reason = Tr::tr("Does not meet: %1").arg(point.text);
            deficiency.correction = Tr::tr("Please correct it as the guide requires.");
        }
        out.deficiencies.append(deficiency);
    }
    // A failed point does not end the examination: every point is marked and the
    // original verified before the material is decided, so that the one-time notice
    // lists everything at once (000 §17, §20).
    if (unmarked > 0)
        out.todo << Tr::tr("%n review point(s) not marked", nullptr, unmarked);
    if (!withoutReason.isEmpty()) {
        out.todo << Tr::tr("Choose the guide's reason for failed review point(s) %1")
                        .arg(withoutReason.join(Tr::tr(", ")));
    }
    if (req.originals > 0 && !state->originalVerified)
        out.todo << Tr::tr("Verify the original");
    if (out.todo.isEmpty()) {
        out.status
            = out.deficiencies.isEmpty() ? MaterialStatus::Received : MaterialStatus::Deficient;
    }
    return out;
}

} // namespace

QString statusName(MaterialStatus status)
{
    switch (status) {
    case MaterialStatus::Received:
        return Tr::tr("Received");
    case MaterialStatus::Tolerated:
        return Tr::tr("Tolerated absence");
    case MaterialStatus::Missing:
        return Tr::tr("Missing");
    case MaterialStatus::Deficient:
        return Tr::tr("Deficient");
    case MaterialStatus::Unchecked:
        break;
    }
    return Tr::tr("To check");
}

QStringList applicantProblems(const CaseDraft &draft, const QDate &today)
{
    QStringList problems;
    const Applicant &a = draft.applicant;
    if (a.name.trimmed().isEmpty())
        problems << Tr::tr("Enter the applicant's name.");
    if (a.kind == Applicant::Kind::NaturalPerson) {
        if (a.idNumber.isEmpty())
            problems << Tr::tr("Enter the applicant's identity number.");
        else if (auto id = Core::IdentityNumber::parse(a.idNumber, today); !id)
            problems << id.error().message;
    } else {
        if (a.creditCode.isEmpty())
            problems << Tr::tr("Enter the unified social credit code.");
        else if (auto code = Core::CreditCode::parse(a.creditCode); !code)
            problems << code.error().message;
        if (a.representative.trimmed().isEmpty())
            problems << Tr::tr("Enter the legal representative.");
    }
    // 是否委托 = 是: the agent is named and identified like the applicant (000 §6).
    if (draft.facts.value(QStringLiteral("agentApplies")).toBool() || !draft.agent.isEmpty()) {
        if (draft.agent.name.trimmed().isEmpty())
            problems << Tr::tr("Enter the agent's name.");
        if (auto id = Core::IdentityNumber::parse(draft.agent.idNumber, today); !id)
            problems << Tr::tr("Agent: %1").arg(id.error().message);
    }
    return problems;
}

Assessment assess(const Catalog::ServiceItem &item, const CaseDraft &draft)
{
    Assessment out;
    out.applicantProblems = applicantProblems(draft);
    bool decided = out.applicantProblems.isEmpty();
    bool deficient = false;
    for (const Catalog::MaterialRequirement *req : item.applicableMaterials(draft.facts)) {
        MaterialAssessment m = assessMaterial(*req, draft.material(req->id));
        const bool demandable = draft.submission <= 1 || draft.openMaterials.contains(req->id);
        if (!m.deficiencies.isEmpty() && !demandable) {
            // A later notice never demands what the first did not (000 §17: one-time).
            m.deficiencies.clear();
            m.status = MaterialStatus::Unchecked;
            m.todo << Tr::tr("The one-time notice did not ask for this material, so it cannot "
                             "be demanded now: accept it, or ask a supervisor");
        } else if (!m.todo.isEmpty() && !draft.isMaterialOpen(req->id) && draft.submission > 1) {
            m.todo << Tr::tr("This material was not listed on the one-time notice: a "
                             "supervisor can unlock it");
        }
        decided = decided && m.todo.isEmpty();
        deficient = deficient || !m.deficiencies.isEmpty();
        out.materials.append(m);
    }
    out.decidable = decided;
    out.complete = decided && !deficient;
    return out;
}

QList<Notices::Deficiency> Assessment::deficiencies() const
{
    QList<Notices::Deficiency> all;
    for (const MaterialAssessment &m : materials)
        all += m.deficiencies;
    return all;
}

QList<Notices::ReceivedMaterial> Assessment::received(const CaseDraft &draft) const
{
    QList<Notices::ReceivedMaterial> list;
    for (const MaterialAssessment &m : materials) {
        if (m.status != MaterialStatus::Received && m.status != MaterialStatus::Tolerated)
            continue;
        const MaterialState *state = draft.material(m.requirement->id);
        Notices::ReceivedMaterial r;
        r.name = m.requirement->name;
        r.originals = m.requirement->originals;
        r.copies = m.requirement->copies;
        r.pages = state ? int(state->pages.size()) : 0;
        r.medium = mediumText(m.requirement->medium);
        r.tolerated = m.status == MaterialStatus::Tolerated;
        r.commitment = state ? state->commitment : QString();
        if (r.tolerated) {
            r.originals = 0;
            r.copies = 0;
        }
        list.append(r);
    }
    return list;
}

QStringList Assessment::paperToMail() const
{
    QStringList ids;
    for (const MaterialAssessment &m : materials) {
        if (m.status == MaterialStatus::Received && m.requirement->paperArchive)
            ids << m.requirement->id;
    }
    return ids;
}

const MaterialAssessment *Assessment::material(const QString &materialId) const
{
    for (const MaterialAssessment &m : materials) {
        if (m.requirement->id == materialId)
            return &m;
    }
    return nullptr;
}

int Assessment::count(MaterialStatus status) const
{
    return int(std::count_if(materials.cbegin(), materials.cend(),
        [status](const MaterialAssessment &m) { return m.status == status; }));
}

} // namespace Tongban::Intake
