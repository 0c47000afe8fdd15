#include "CatalogDiff.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace Tongban::Catalog {

namespace {
QStringList differingKeys(const QJsonObject &a, const QJsonObject &b, const QString &except)
{
    QSet<QString> keys;
    for (auto it = a.constBegin(); it != a.constEnd(); ++it)
        keys.insert(it.key());
    for (auto it = b.constBegin(); it != b.constEnd(); ++it)
        keys.insert(it.key());
    QStringList differing;
    for (const QString &key : keys) {
        if (key != except && a.value(key) != b.value(key))
            differing << key;
    }
    differing.sort();
    return differing;
}
} // namespace

int CatalogDiff::count(ChangeKind kind) const
{
    return int(std::count_if(items.cbegin(), items.cend(),
                             [kind](const ItemChange &c) { return c.kind == kind; }));
}

const ItemChange *CatalogDiff::change(const QString &itemCode) const
{
    for (const ItemChange &c : items) {
        if (c.itemCode == itemCode)
            return &c;
    }
    return nullptr;
}

CatalogDiff diffCatalogs(const Catalog &from, const Catalog &to)
{
    CatalogDiff diff;
    diff.fromVersion = from.catalogVersion;
    diff.toVersion = to.catalogVersion;
    QList<ItemChange> added, removed, changed;
    QHash<QString, const ServiceItem *> oldByCode, newByCode;
    for (const ServiceItem &item : from.items)
        oldByCode.insert(item.itemCode, &item);
    for (const ServiceItem &item : to.items)
        newByCode.insert(item.itemCode, &item);

    for (const ServiceItem &newItem : to.items) {
        const ServiceItem *oldItem = oldByCode.value(newItem.itemCode);
        if (!oldItem) {
            added << ItemChange{ChangeKind::Added, newItem.itemCode, newItem.name, {}, {}};
            continue;
        }
        if (oldItem->publishedJson == newItem.publishedJson)
            continue;
        ItemChange change{ChangeKind::Changed, newItem.itemCode, newItem.name,
                          differingKeys(oldItem->publishedJson, newItem.publishedJson,
                                        QStringLiteral("materials")),
                          {}};
        for (const MaterialRequirement &m : newItem.materials) {
            const auto old = std::find_if(oldItem->materials.cbegin(), oldItem->materials.cend(),
                                          [&](const MaterialRequirement &o) { return o.id == m.id; });
            if (old == oldItem->materials.cend())
                change.materials << MaterialChange{ChangeKind::Added, m.id, m.name, {}};
            else if (old->publishedJson != m.publishedJson)
                change.materials << MaterialChange{ChangeKind::Changed, m.id, m.name,
                                                   differingKeys(old->publishedJson, m.publishedJson, {})};
        }
        for (const MaterialRequirement &m : oldItem->materials) {
            const bool kept = std::any_of(newItem.materials.cbegin(), newItem.materials.cend(),
                                          [&](const MaterialRequirement &n) { return n.id == m.id; });
            if (!kept)
                change.materials << MaterialChange{ChangeKind::Removed, m.id, m.name, {}};
        }
        // Only the order of materials changed: still a change clerks should see.
        if (change.changedFields.isEmpty() && change.materials.isEmpty())
            change.changedFields << QStringLiteral("materials");
        changed << change;
    }
    for (const ServiceItem &oldItem : from.items) {
        if (!newByCode.contains(oldItem.itemCode))
            removed << ItemChange{ChangeKind::Removed, oldItem.itemCode, oldItem.name, {}, {}};
    }
    diff.items << added << removed << changed;
    return diff;
}

} // namespace Tongban::Catalog
