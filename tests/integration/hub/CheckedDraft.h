#pragma once

// Test helper (header-only): a case checked complete at a workstation, ready to transmit, as a
// clerk leaves it on the decision screen. Shared by the tests that need a real transmitted
// case behind what they check (tst_casenumbers, tst_correctioninbox, tst_rating).

#include <catalog/Catalog.h>
#include <intake/CaseManifest.h>
#include <intake/Completeness.h>
#include <intake/IntakeStore.h>

#include <QJsonObject>

#include <common/Workstation.h>
#include <optional>

namespace Tongban::Testing {

struct CheckedDraft
{
    Intake::CaseDraft draft;
    Intake::Assessment assessment;
    QJsonObject body; ///< the POST /cases body (docs/platform-api.md §5)
};

/*!
 * A case of \a itemCode in the catalogue in force, started at \a station by \a clerk for the
 * applicant 张三 (no agent), one page per applicable material, every original verified and
 * every review point passed, saved; nullopt when a step failed or the case is not complete.
 */
inline std::optional<CheckedDraft> checkedCompleteDraft(
    App::Workstation &station, const QString &itemCode, const QString &clerk)
{
    auto catalog = station.catalogs().active();
    if (!catalog)
        return std::nullopt;
    const Catalog::ServiceItem *item = catalog->item(itemCode);
    if (!item)
        return std::nullopt;
    Intake::IntakeStore &intake = station.intake();
    auto started = intake.start(itemCode, catalog->catalogVersion, station.intakeWindow(), clerk);
    if (!started)
        return std::nullopt;
    Intake::CaseDraft draft = started.value();
    draft.applicant.name = QStringLiteral("张三");
    draft.applicant.idNumber = QStringLiteral("11010519491231002X");
    draft.facts.insert(QStringLiteral("agentApplies"), false);
    for (const Catalog::MaterialRequirement *m : item->applicableMaterials(draft.facts)) {
        if (!intake.addPage(
                draft, m->id, m->id.toUtf8().repeated(300), QStringLiteral("image/jpeg")))
            return std::nullopt;
        Intake::MaterialState &state = draft.materialState(m->id);
        state.originalVerified = true;
        for (const Catalog::ReviewPoint &p : m->reviewPoints)
            state.verdicts.insert(p.id, { Intake::ReviewVerdict::Verdict::Pass, {}, {} });
    }
    if (!intake.save(draft))
        return std::nullopt;
    Intake::Assessment assessment = Intake::assess(*item, draft);
    auto body = Intake::caseBody(*item, draft, assessment, station.pages());
    if (!assessment.complete || !body)
        return std::nullopt;
    return CheckedDraft { std::move(draft), std::move(assessment), std::move(body).value() };
}

} // namespace Tongban::Testing
