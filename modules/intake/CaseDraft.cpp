#include "CaseDraft.h"

#include <QJsonArray>

namespace Tongban::Intake {

namespace {

QString verdictName(ReviewVerdict::Verdict verdict)
{
    switch (verdict) {
    case ReviewVerdict::Verdict::Pass:
        return QStringLiteral("pass");
    case ReviewVerdict::Verdict::Fail:
        return QStringLiteral("fail");
    case ReviewVerdict::Verdict::Unmarked:
        break;
    }
    return QStringLiteral("unmarked");
}

ReviewVerdict::Verdict verdictFromName(const QString &name)
{
    if (name == QLatin1String("pass"))
        return ReviewVerdict::Verdict::Pass;
    if (name == QLatin1String("fail"))
        return ReviewVerdict::Verdict::Fail;
    return ReviewVerdict::Verdict::Unmarked;
}

QString s(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

QString stateName(CaseDraft::State state)
{
    switch (state) {
    case CaseDraft::State::AwaitingCorrection:
        return QStringLiteral("awaiting_correction");
    case CaseDraft::State::Complete:
        return QStringLiteral("complete");
    case CaseDraft::State::Abandoned:
        return QStringLiteral("abandoned");
    case CaseDraft::State::Open:
        break;
    }
    return QStringLiteral("open");
}

CaseDraft::State stateFromName(const QString &name)
{
    if (name == QLatin1String("awaiting_correction"))
        return CaseDraft::State::AwaitingCorrection;
    if (name == QLatin1String("complete"))
        return CaseDraft::State::Complete;
    if (name == QLatin1String("abandoned"))
        return CaseDraft::State::Abandoned;
    return CaseDraft::State::Open;
}

MaterialState *CaseDraft::material(const QString &materialId)
{
    for (MaterialState &m : materials) {
        if (m.materialId == materialId)
            return &m;
    }
    return nullptr;
}

const MaterialState *CaseDraft::material(const QString &materialId) const
{
    for (const MaterialState &m : materials) {
        if (m.materialId == materialId)
            return &m;
    }
    return nullptr;
}

MaterialState &CaseDraft::materialState(const QString &materialId)
{
    if (MaterialState *existing = material(materialId))
        return *existing;
    MaterialState created;
    created.materialId = materialId;
    materials.append(created);
    return materials.last();
}

bool CaseDraft::isMaterialOpen(const QString &materialId) const
{
    return submission <= 1 || openMaterials.contains(materialId) || unlocked.contains(materialId);
}

bool CaseDraft::areFactsOpen() const
{
    return submission <= 1 || unlocked.contains(QLatin1String("facts"));
}

QJsonObject CaseDraft::partiesJson() const
{
    const QJsonObject json = toJson();
    return QJsonObject { { QStringLiteral("applicant"), json.value(QLatin1String("applicant")) },
        { QStringLiteral("agent"), json.value(QLatin1String("agent")) } };
}

QJsonObject CaseDraft::toJson() const
{
    QJsonObject applicantJson {
        { QStringLiteral("kind"),
            applicant.kind == Applicant::Kind::LegalPerson ? QStringLiteral("legalPerson")
                                                           : QStringLiteral("naturalPerson") },
        { QStringLiteral("name"), applicant.name },
        { QStringLiteral("idNumber"), applicant.idNumber },
        { QStringLiteral("creditCode"), applicant.creditCode },
        { QStringLiteral("representative"), applicant.representative },
        { QStringLiteral("phone"), applicant.phone },
    };
    QJsonObject agentJson {
        { QStringLiteral("name"), agent.name },
        { QStringLiteral("idNumber"), agent.idNumber },
        { QStringLiteral("phone"), agent.phone },
    };
    QJsonArray materialsJson;
    for (const MaterialState &m : materials) {
        QJsonArray pagesJson;
        for (const CapturedPage &p : m.pages) {
            pagesJson.append(QJsonObject { { QStringLiteral("pageId"), p.pageId } });
        }
        QJsonObject verdictsJson;
        for (auto it = m.verdicts.cbegin(); it != m.verdicts.cend(); ++it) {
            verdictsJson.insert(it.key(),
                QJsonObject { { QStringLiteral("verdict"), verdictName(it->verdict) },
                    { QStringLiteral("deficiency"), it->deficiencyCode },
                    { QStringLiteral("remark"), it->remark } });
        }
        materialsJson.append(QJsonObject {
            { QStringLiteral("materialId"), m.materialId },
            { QStringLiteral("absent"), m.absent },
            { QStringLiteral("tolerated"), m.tolerated },
            { QStringLiteral("commitment"), m.commitment },
            { QStringLiteral("originalVerified"), m.originalVerified },
            { QStringLiteral("pages"), pagesJson },
            { QStringLiteral("verdicts"), verdictsJson },
        });
    }
    QJsonObject factsJson;
    for (auto it = facts.cbegin(); it != facts.cend(); ++it)
        factsJson.insert(it.key(), QJsonValue::fromVariant(it.value()));
    QJsonArray stepsJson;
    for (const CaseStep &step : steps) {
        stepsJson.append(QJsonObject { { QStringLiteral("action"), step.action },
            { QStringLiteral("clerk"), step.clerk },
            { QStringLiteral("at"), step.at.toString(Qt::ISODateWithMs) },
            { QStringLiteral("submission"), step.submission } });
    }
    return QJsonObject {
        { QStringLiteral("caseId"), caseId },
        { QStringLiteral("itemCode"), itemCode },
        { QStringLiteral("catalogVersion"), catalogVersion },
        { QStringLiteral("provisionalNumber"), provisionalNumber },
        { QStringLiteral("windowId"), windowId },
        { QStringLiteral("clerk"), clerk },
        { QStringLiteral("state"), stateName(state) },
        { QStringLiteral("submission"), submission },
        { QStringLiteral("createdAt"), createdAt.toString(Qt::ISODateWithMs) },
        { QStringLiteral("updatedAt"), updatedAt.toString(Qt::ISODateWithMs) },
        { QStringLiteral("applicant"), applicantJson },
        { QStringLiteral("agent"), agentJson },
        { QStringLiteral("facts"), factsJson },
        { QStringLiteral("materials"), materialsJson },
        { QStringLiteral("openMaterials"), QJsonArray::fromStringList(openMaterials) },
        { QStringLiteral("unlocked"), QJsonArray::fromStringList(unlocked) },
        { QStringLiteral("steps"), stepsJson },
        { QStringLiteral("auditedParties"), auditedParties },
        { QStringLiteral("screen"), screen },
        { QStringLiteral("currentMaterial"), currentMaterial },
        { QStringLiteral("caseNumber"), caseNumber },
    };
}

CaseDraft CaseDraft::fromJson(const QJsonObject &json)
{
    CaseDraft d;
    d.caseId = s(json, "caseId");
    d.itemCode = s(json, "itemCode");
    d.catalogVersion = s(json, "catalogVersion");
    d.provisionalNumber = s(json, "provisionalNumber");
    d.windowId = s(json, "windowId");
    d.clerk = s(json, "clerk");
    d.state = stateFromName(s(json, "state"));
    d.submission = std::max(1, json.value(QLatin1String("submission")).toInt(1));
    d.createdAt = QDateTime::fromString(s(json, "createdAt"), Qt::ISODateWithMs);
    d.updatedAt = QDateTime::fromString(s(json, "updatedAt"), Qt::ISODateWithMs);
    const QJsonObject a = json.value(QLatin1String("applicant")).toObject();
    d.applicant.kind = s(a, "kind") == QLatin1String("legalPerson")
        ? Applicant::Kind::LegalPerson
        : Applicant::Kind::NaturalPerson;
    d.applicant.name = s(a, "name");
    d.applicant.idNumber = s(a, "idNumber");
    d.applicant.creditCode = s(a, "creditCode");
    d.applicant.representative = s(a, "representative");
    d.applicant.phone = s(a, "phone");
    const QJsonObject g = json.value(QLatin1String("agent")).toObject();
    d.agent.name = s(g, "name");
    d.agent.idNumber = s(g, "idNumber");
    d.agent.phone = s(g, "phone");
    const QJsonObject f = json.value(QLatin1String("facts")).toObject();
    for (auto it = f.begin(); it != f.end(); ++it)
        d.facts.insert(it.key(), it.value().toVariant());
    const QJsonArray ms = json.value(QLatin1String("materials")).toArray();
    for (const QJsonValue &mv : ms) {
        const QJsonObject mo = mv.toObject();
        MaterialState m;
        m.materialId = s(mo, "materialId");
        m.absent = mo.value(QLatin1String("absent")).toBool();
        m.tolerated = mo.value(QLatin1String("tolerated")).toBool();
        m.commitment = s(mo, "commitment");
        m.originalVerified = mo.value(QLatin1String("originalVerified")).toBool();
        for (const QJsonValue &pv : mo.value(QLatin1String("pages")).toArray()) {
            const QJsonObject po = pv.toObject();
            m.pages.append(CapturedPage { s(po, "pageId") });
        }
        const QJsonObject vs = mo.value(QLatin1String("verdicts")).toObject();
        for (auto it = vs.begin(); it != vs.end(); ++it) {
            const QJsonObject vo = it.value().toObject();
            m.verdicts.insert(it.key(),
                ReviewVerdict {
                    verdictFromName(s(vo, "verdict")), s(vo, "deficiency"), s(vo, "remark") });
        }
        d.materials.append(m);
    }
    for (const QJsonValue &v : json.value(QLatin1String("openMaterials")).toArray())
        d.openMaterials.append(v.toString());
    for (const QJsonValue &v : json.value(QLatin1String("unlocked")).toArray())
        d.unlocked.append(v.toString());
    for (const QJsonValue &v : json.value(QLatin1String("steps")).toArray()) {
        const QJsonObject so = v.toObject();
        d.steps.append(CaseStep { s(so, "action"), s(so, "clerk"),
            QDateTime::fromString(s(so, "at"), Qt::ISODateWithMs),
            so.value(QLatin1String("submission")).toInt(1) });
    }
    d.auditedParties = json.value(QLatin1String("auditedParties")).toObject();
    d.screen = s(json, "screen");
    d.currentMaterial = s(json, "currentMaterial");
    d.caseNumber = s(json, "caseNumber");
    return d;
}

} // namespace Tongban::Intake
