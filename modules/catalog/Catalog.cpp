#include "Catalog.h"

namespace Tongban::Catalog {

QList<const MaterialRequirement *> ServiceItem::applicableMaterials(const CaseFacts &facts) const
{
    QList<const MaterialRequirement *> list;
    for (const MaterialRequirement &material : materials) {
        if (material.appliesTo(facts))
            list << &material;
    }
    return list;
}

QStringList ServiceItem::factIds() const
{
    QStringList ids;
    for (const MaterialRequirement &material : materials) {
        for (const QString &id : material.condition.factIds()) {
            if (!ids.contains(id))
                ids << id;
        }
    }
    return ids;
}

const ServiceItem *Catalog::item(const QString &itemCode) const
{
    for (const ServiceItem &candidate : items) {
        if (candidate.itemCode == itemCode)
            return &candidate;
    }
    return nullptr;
}

const Sample *Catalog::sample(const QString &id) const
{
    for (const Sample &candidate : samples) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

const Fact *Catalog::fact(const QString &id) const
{
    for (const Fact &candidate : facts) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

QString mediumName(Medium medium)
{
    switch (medium) {
    case Medium::Paper:
        return QStringLiteral("paper");
    case Medium::Electronic:
        return QStringLiteral("electronic");
    case Medium::Both:
        return QStringLiteral("both");
    case Medium::Unknown:
        break;
    }
    return QString();
}

QString scopeName(Scope scope)
{
    switch (scope) {
    case Scope::Citywide:
        return QStringLiteral("citywide");
    case Scope::Provincewide:
        return QStringLiteral("provincewide");
    case Scope::CrossProvince:
        return QStringLiteral("crossProvince");
    case Scope::Unknown:
        break;
    }
    return QString();
}

} // namespace Tongban::Catalog
