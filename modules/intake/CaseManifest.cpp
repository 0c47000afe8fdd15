#include "CaseManifest.h"

#include "Tr.h"

#include <QJsonArray>

namespace Tongban::Intake {

namespace {

QString materialStatusCode(MaterialStatus status)
{
    switch (status) {
    case MaterialStatus::Received:
        return QStringLiteral("received");
    case MaterialStatus::Tolerated:
        return QStringLiteral("tolerated");
    case MaterialStatus::Missing:
        return QStringLiteral("missing");
    case MaterialStatus::Deficient:
        return QStringLiteral("deficient");
    case MaterialStatus::Unchecked:
        break;
    }
    return QStringLiteral("unchecked");
}

QString applicantIdText(const CaseDraft &draft)
{
    return draft.applicant.kind == Applicant::Kind::LegalPerson ? draft.applicant.creditCode
                                                                : draft.applicant.idNumber;
}

QString qrText(const CaseDraft &draft)
{
    return QStringLiteral("tongban:case:%1")
        .arg(draft.caseNumber.isEmpty() ? draft.provisionalNumber : draft.caseNumber);
}

Notices::NoticeContent baseContent(const Catalog::ServiceItem &item, const CaseDraft &draft,
    const NoticeIssuer &issuer, const QDateTime &issuedAt)
{
    Notices::NoticeContent c;
    c.itemCode = item.itemCode;
    c.itemName = item.name;
    c.applicantName = draft.applicant.name;
    c.applicantId = applicantIdText(draft);
    c.agentName = draft.agent.name;
    c.windowName = issuer.windowName;
    c.clerkName = issuer.clerkName;
    c.homeDepartment = item.implementingBody;
    c.issuedAt = issuedAt;
    c.provisionalNumber = draft.provisionalNumber;
    c.caseNumber = draft.caseNumber;
    c.qrText = qrText(draft);
    return c;
}

} // namespace

Core::Result<QJsonObject> caseBody(const Catalog::ServiceItem &item, const CaseDraft &draft,
    const Assessment &assessment, const Storage::PageStore &pages)
{
    if (!assessment.complete) {
        return Core::Error { NotDecidable, Tr::tr("Only a complete case can be transmitted."),
            draft.provisionalNumber };
    }
    QJsonArray materials;
    for (const MaterialAssessment &m : assessment.materials) {
        const MaterialState *state = draft.material(m.requirement->id);
        QJsonObject entry { { QStringLiteral("materialId"), m.requirement->id },
            { QStringLiteral("status"), materialStatusCode(m.status) } };
        if (m.status == MaterialStatus::Tolerated) {
            entry.insert(QStringLiteral("commitment"), state ? state->commitment : QString());
            entry.insert(QStringLiteral("pages"), QJsonArray());
        } else {
            entry.insert(QStringLiteral("originalVerified"), state && state->originalVerified);
            QJsonArray points;
            for (const Catalog::ReviewPoint &p : m.requirement->reviewPoints) {
                points.append(QJsonObject { { QStringLiteral("id"), p.id },
                    { QStringLiteral("verdict"), QStringLiteral("pass") } });
            }
            entry.insert(QStringLiteral("reviewPoints"), points);
            QJsonArray pageList;
            for (const CapturedPage &captured : state ? state->pages : QList<CapturedPage>()) {
                auto record = pages.page(captured.pageId);
                if (!record)
                    return record.error();
                pageList.append(QJsonObject { { QStringLiteral("clientPageId"), record->id },
                    { QStringLiteral("sha256"), record->sha256 },
                    { QStringLiteral("sizeBytes"), record->sizeBytes },
                    { QStringLiteral("mediaType"), record->mediaType } });
            }
            entry.insert(QStringLiteral("pages"), pageList);
        }
        materials.append(entry);
    }
    QJsonObject applicant { { QStringLiteral("name"), draft.applicant.name } };
    if (draft.applicant.kind == Applicant::Kind::LegalPerson) {
        applicant.insert(QStringLiteral("kind"), QStringLiteral("legalPerson"));
        applicant.insert(QStringLiteral("creditCode"), draft.applicant.creditCode);
        applicant.insert(QStringLiteral("representative"), draft.applicant.representative);
    } else {
        applicant.insert(QStringLiteral("kind"), QStringLiteral("naturalPerson"));
        applicant.insert(QStringLiteral("idNumber"), draft.applicant.idNumber);
    }
    if (!draft.applicant.phone.isEmpty())
        applicant.insert(QStringLiteral("phone"), draft.applicant.phone);
    QJsonValue agent = QJsonValue::Null;
    if (!draft.agent.isEmpty()) {
        agent = QJsonObject { { QStringLiteral("name"), draft.agent.name },
            { QStringLiteral("idNumber"), draft.agent.idNumber } };
    }
    QJsonObject facts;
    for (auto it = draft.facts.cbegin(); it != draft.facts.cend(); ++it)
        facts.insert(it.key(), QJsonValue::fromVariant(it.value()));
    return QJsonObject {
        { QStringLiteral("clientCaseId"), draft.caseId },
        { QStringLiteral("provisionalNumber"), draft.provisionalNumber },
        { QStringLiteral("itemCode"), item.itemCode },
        { QStringLiteral("catalogVersion"), draft.catalogVersion },
        { QStringLiteral("applicant"), applicant },
        { QStringLiteral("agent"), agent },
        { QStringLiteral("facts"), facts },
        { QStringLiteral("receivedAt"),
            draft.updatedAt.toOffsetFromUtc(8 * 3600).toString(Qt::ISODate) },
        { QStringLiteral("materials"), materials },
    };
}

Notices::NoticeContent noticeContent(const Catalog::ServiceItem &item, const CaseDraft &draft,
    const Assessment &assessment, const NoticeIssuer &issuer, const QDateTime &issuedAt)
{
    Notices::NoticeContent c = baseContent(item, draft, issuer, issuedAt);
    if (assessment.complete) {
        c.kind = Notices::NoticeKind::Receipt;
        c.received = assessment.received(draft);
    } else {
        c.kind = Notices::NoticeKind::OneTimeNotice;
        c.deficiencies = assessment.deficiencies();
        // The applicant also learns what was already received and need not be brought again.
        c.received = assessment.received(draft);
    }
    return c;
}

Notices::NoticeContent mailingSlipContent(const Catalog::ServiceItem &item, const CaseDraft &draft,
    const QStringList &materialIds, const NoticeIssuer &issuer, const QDateTime &issuedAt,
    const Core::DueDate &due)
{
    Notices::NoticeContent c = baseContent(item, draft, issuer, issuedAt);
    c.kind = Notices::NoticeKind::MailingSlip;
    for (const Catalog::MaterialRequirement &m : item.materials) {
        if (!materialIds.contains(m.id))
            continue;
        const MaterialState *state = draft.material(m.id);
        Notices::ReceivedMaterial r;
        r.name = m.name;
        r.originals = m.originals;
        r.copies = m.copies;
        r.pages = state ? int(state->pages.size()) : 0;
        r.medium = Tr::tr("paper");
        c.received.append(r);
    }
    c.mailingDueDate = due.date.toString(QStringLiteral("yyyy-MM-dd"));
    c.mailingDueProvisional = due.provisional;
    c.mailingAddress = item.homeJurisdiction.name;
    return c;
}

} // namespace Tongban::Intake
