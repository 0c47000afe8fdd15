#pragma once

#include <core/Result.h>
#include <intake/CaseDraft.h>
#include <intake/Completeness.h>
#include <platform/AfterWindowClient.h>

namespace Tongban::App {

class Workstation;

enum NoticeAtAnyHallError {
    NoticeCatalogueMissing = Core::ErrorRange::Platform + 95, ///< version not on this workstation
    NoticeItemMissing, ///< the item or a listed material is not in that version
    NoticeUnusable, ///< the notice lists nothing, or the applicant's number is missing
};

/*!
 * What the platform is told about the one-time notice \a serial that this window issued
 * for \a draft (issue 17): item, catalogue version, the applicant's number (the platform
 * keeps a keyed hash only), and every deficiency of \a assessment with its material.
 */
Platform::NoticeRegistration noticeRegistration(const QString &serial,
    const Intake::CaseDraft &draft, const Intake::Assessment &assessment,
    const QDate &correctionDue);

/*!
 * The applicant brings a one-time notice issued at another hall (\a notice, found on the
 * platform): opens its correction visit at this window. A local case of the notice's item
 * under the notice's own catalogue version (which this workstation must hold), for the
 * applicant with number \a applicantId, waiting for exactly the materials the notice
 * lists, reopened for correction: IntakeStore then refuses any change outside that list
 * (or the answers), as for a notice of this window. Recorded in the trail as
 * case.fromNotice with the serial and the issuing window.
 */
Core::Result<Intake::CaseDraft> openNoticeFromAnotherHall(Workstation &station,
    const Platform::PlatformNotice &notice, const QString &clerk, const QString &applicantId);

} // namespace Tongban::App
