#include "NoticeAtAnyHall.h"

#include "CorrectionInbox.h"
#include "Workstation.h"

#include <catalog/CatalogStore.h>
#include <core/IdentityNumber.h>
#include <intake/IntakeStore.h>
#include <security/AuditLog.h>

#include <QCoreApplication>

namespace Tongban::App {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tongban::App)
};

} // namespace

Platform::NoticeRegistration noticeRegistration(const QString &serial,
    const Intake::CaseDraft &draft, const Intake::Assessment &assessment,
    const QDate &correctionDue)
{
    Platform::NoticeRegistration registration;
    registration.serial = serial;
    registration.itemCode = draft.itemCode;
    registration.catalogVersion = draft.catalogVersion;
    registration.applicantIdNumber = draft.applicant.kind == Intake::Applicant::Kind::LegalPerson
        ? draft.applicant.creditCode
        : draft.applicant.idNumber;
    registration.clientCaseId = draft.caseId;
    registration.correctionDue = correctionDue;
    for (const Intake::MaterialAssessment &m : assessment.materials) {
        if (!m.requirement)
            continue;
        for (const Notices::Deficiency &d : m.deficiencies) {
            registration.deficiencies.append(
                { m.requirement->id, m.requirement->name, {}, d.reason, d.correction });
        }
    }
    return registration;
}

Core::Result<Intake::CaseDraft> openNoticeFromAnotherHall(Workstation &station,
    const Platform::PlatformNotice &notice, const QString &clerk, const QString &applicantId)
{
    const QStringList listed = notice.materialIds();
    if (listed.isEmpty() || applicantId.trimmed().isEmpty()) {
        return Core::Error { NoticeUnusable,
            Tr::tr("Enter the applicant's identity number or credit code from their document "
                   "before opening the notice."),
            notice.serial };
    }
    const auto catalog = station.catalogs().version(notice.catalogVersion);
    if (!catalog) {
        return Core::Error { NoticeCatalogueMissing,
            Tr::tr("The notice was issued under catalogue version %1, which this workstation "
                   "does not hold. Update the catalogue from the platform, then open the "
                   "notice again.")
                .arg(notice.catalogVersion),
            catalog.error().detail };
    }
    const Catalog::ServiceItem *item = catalog->item(notice.itemCode);
    QStringList unknown;
    for (const QString &id : listed) {
        bool found = false;
        for (const Catalog::MaterialRequirement &m :
            item ? item->materials : QList<Catalog::MaterialRequirement>()) {
            found = found || m.id == id;
        }
        if (!found)
            unknown << id;
    }
    if (!item || !unknown.isEmpty()) {
        return Core::Error { NoticeItemMissing,
            Tr::tr("The notice names an item or materials that catalogue version %1 does not "
                   "have. Report it to the platform's administrator.")
                .arg(notice.catalogVersion),
            QStringLiteral("item %1, materials %2")
                .arg(notice.itemCode, unknown.join(QLatin1Char(','))) };
    }

    Intake::IntakeStore &intake = station.intake();
    auto started
        = intake.start(notice.itemCode, notice.catalogVersion, station.intakeWindow(), clerk);
    if (!started)
        return started.error();
    Intake::CaseDraft draft = *started;
    const QString id = applicantId.trimmed().toUpper();
    if (Core::IdentityNumber::parse(id, station.clock().today())) {
        draft.applicant.kind = Intake::Applicant::Kind::NaturalPerson;
        draft.applicant.idNumber = id;
    } else {
        draft.applicant.kind = Intake::Applicant::Kind::LegalPerson;
        draft.applicant.creditCode = id;
    }
    if (const Core::Status saved = intake.save(draft); !saved)
        return saved.error();
    if (const Core::Status waiting = intake.markAwaitingCorrection(draft, listed); !waiting)
        return waiting.error();
    if (const Core::Status reopened = intake.reopenForCorrection(draft); !reopened)
        return reopened.error();
    const auto recorded = station.audit().append({ clerk, station.windowId(),
        QStringLiteral("case.fromNotice"), draft.provisionalNumber, QStringLiteral("ok"),
        QStringLiteral("notice %1 of window %2, catalogue %3, materials %4")
            .arg(notice.serial, notice.windowId, notice.catalogVersion,
                listed.join(QLatin1Char(','))) });
    if (!recorded)
        return recorded.error();
    // A home department's request for correction of another window's case: the pages of
    // this visit go to that platform case with the grant of the lookup (§14.4).
    if (const Core::Status adopted = CorrectionInbox(station).adoptNotice(notice, draft.caseId);
        !adopted)
        return adopted.error();
    return draft;
}

} // namespace Tongban::App
