#include "CaseChanges.h"

#include <QJsonObject>

namespace Tongban::Intake::Internal {

namespace {

QString maskName(const QString &name)
{
    if (name.size() <= 1)
        return name.isEmpty() ? QString() : QStringLiteral("*");
    return name.left(1) + QString(name.size() - 1, QLatin1Char('*'));
}

QString maskKeepingEnds(const QString &text, int head, int tail)
{
    if (text.size() <= head + tail)
        return QString(text.size(), QLatin1Char('*'));
    return text.left(head) + QString(text.size() - head - tail, QLatin1Char('*'))
        + text.right(tail);
}

/// One party field as the audit trail may show it (000 §14 trail, personal data masked).
QString maskedField(const QString &key, const QString &value)
{
    if (value.isEmpty())
        return QStringLiteral("-");
    if (key == QLatin1String("name") || key == QLatin1String("representative"))
        return maskName(value);
    if (key == QLatin1String("idNumber"))
        return maskKeepingEnds(value, 6, 4);
    if (key == QLatin1String("phone"))
        return maskKeepingEnds(value, 3, 4);
    return value; // kind, credit code (a public register number)
}

QString variantText(const QVariant &value)
{
    if (!value.isValid())
        return QStringLiteral("-");
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    return value.toString();
}

QString verdictText(const ReviewVerdict &v)
{
    switch (v.verdict) {
    case ReviewVerdict::Verdict::Pass:
        return QStringLiteral("pass");
    case ReviewVerdict::Verdict::Fail:
        return QStringLiteral("fail %1%2")
            .arg(v.deficiencyCode,
                v.remark.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(v.remark));
    case ReviewVerdict::Verdict::Unmarked:
        break;
    }
    return QStringLiteral("unmarked");
}

} // namespace

MaterialState materialStateOf(const CaseDraft &draft, const QString &materialId)
{
    if (const MaterialState *m = draft.material(materialId))
        return *m;
    MaterialState empty;
    empty.materialId = materialId;
    return empty;
}

QList<CaseChange> describeChanges(const CaseDraft &before, const CaseDraft &after)
{
    QList<CaseChange> changes;
    QStringList facts;
    QStringList keys = before.facts.keys() + after.facts.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        const QVariant was = before.facts.value(key);
        const QVariant now = after.facts.value(key);
        if (was != now)
            facts << QStringLiteral("%1: %2 -> %3").arg(key, variantText(was), variantText(now));
    }
    if (!facts.isEmpty())
        changes.append({ QStringLiteral("case.facts"), facts.join(QStringLiteral("; ")) });
    QStringList ids;
    for (const MaterialState &m : before.materials)
        ids << m.materialId;
    for (const MaterialState &m : after.materials)
        ids << m.materialId;
    ids.removeDuplicates();
    for (const QString &id : std::as_const(ids)) {
        const MaterialState was = materialStateOf(before, id);
        const MaterialState now = materialStateOf(after, id);
        if (was == now)
            continue;
        if (was.absent != now.absent)
            changes.append({ QStringLiteral("material.absent"),
                QStringLiteral("%1 %2").arg(
                    id, now.absent ? QStringLiteral("absent") : QStringLiteral("present")) });
        if (was.tolerated != now.tolerated)
            changes.append({ QStringLiteral("material.tolerated"),
                QStringLiteral("%1 %2").arg(
                    id, now.tolerated ? QStringLiteral("on") : QStringLiteral("off")) });
        if (was.commitment != now.commitment)
            changes.append({ QStringLiteral("material.commitment"),
                QStringLiteral("%1: %2").arg(id, now.commitment) });
        if (was.originalVerified != now.originalVerified)
            changes.append({ QStringLiteral("material.original"),
                QStringLiteral("%1 %2").arg(id,
                    now.originalVerified ? QStringLiteral("verified")
                                         : QStringLiteral("not verified")) });
        QStringList points = was.verdicts.keys() + now.verdicts.keys();
        points.removeDuplicates();
        points.sort();
        for (const QString &point : std::as_const(points)) {
            const ReviewVerdict v = now.verdicts.value(point);
            if (was.verdicts.value(point) != v)
                changes.append({ QStringLiteral("review.mark"),
                    QStringLiteral("%1 %2 %3").arg(id, point, verdictText(v)) });
        }
        if (was.pages != now.pages && was.pages.size() == now.pages.size())
            changes.append({ QStringLiteral("page.reorder"), id });
    }
    if (after.screen != QLatin1String("newCase")) {
        const QJsonObject parties = after.partiesJson();
        if (parties != after.auditedParties) {
            QStringList fields;
            for (const QString &party : { QStringLiteral("applicant"), QStringLiteral("agent") }) {
                const QJsonObject was = after.auditedParties.value(party).toObject();
                const QJsonObject now = parties.value(party).toObject();
                for (auto it = now.begin(); it != now.end(); ++it) {
                    const QString value = it.value().toString();
                    if (was.value(it.key()).toString() != value)
                        fields << QStringLiteral("%1.%2 %3")
                                      .arg(party, it.key(), maskedField(it.key(), value));
                }
            }
            changes.append({ QStringLiteral("case.parties"), fields.join(QStringLiteral("; ")) });
        }
    }
    return changes;
}

} // namespace Tongban::Intake::Internal
