#pragma once

#include "Completeness.h"

#include <core/Result.h>
#include <core/WorkCalendar.h>
#include <notices/Notice.h>
#include <storage/PageStore.h>

#include <QJsonObject>

namespace Tongban::Intake {

/*!
 * The POST /api/v1/cases body (docs/platform-api.md §5) of a complete case:
 * the applicant, the answers, and per applicable material its status,
 * verdicts and pages (clientPageId = page id, SHA-256, size, media type).
 * Fails when the case is not complete or a page cannot be found.
 */
Core::Result<QJsonObject> caseBody(const Catalog::ServiceItem &item, const CaseDraft &draft,
    const Assessment &assessment, const Storage::PageStore &pages);

/// Who issues a notice, as printed on it.
struct NoticeIssuer
{
    QString windowName;
    QString clerkName;
};

/*!
 * What the one-time notice (incomplete case) or the receipt (complete case)
 * states, from the case and its assessment. The serial is left for
 * NoticeStore::issue() to assign.
 */
Notices::NoticeContent noticeContent(const Catalog::ServiceItem &item, const CaseDraft &draft,
    const Assessment &assessment, const NoticeIssuer &issuer, const QDateTime &issuedAt);

/// The mailing slip for the paper originals of \a materialIds, to be mailed by \a due
/// (a provisional date is printed as such).
Notices::NoticeContent mailingSlipContent(const Catalog::ServiceItem &item, const CaseDraft &draft,
    const QStringList &materialIds, const NoticeIssuer &issuer, const QDateTime &issuedAt,
    const Core::DueDate &due);

} // namespace Tongban::Intake
