#include "CatalogDiff.h"

#include <QHash>
#include <QJsonArray>
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
    return int(std::count_if(
        items.cbegin(), items.cend(), [kind](const ItemChange &c) { return c.kind == kind; }));
}

const ItemChange *CatalogDiff::change(const QString &itemCode) const
{
    for (const ItemChange &c : items) {
        if (c.itemCode == itemCode)
            return &c;
    }
    return nullptr;
}

ItemChange diffItems(const QJsonObject &from, const QJsonObject &to)
{
    ItemChange change { ChangeKind::Changed, to.value(QLatin1String("itemCode")).toString(),
        to.value(QLatin1String("name")).toString(),
        differingKeys(from, to, QStringLiteral("materials")), {} };
    const QJsonArray oldMaterials = from.value(QLatin1String("materials")).toArray();
    const QJsonArray newMaterials = to.value(QLatin1String("materials")).toArray();
    const auto byId = [](const QJsonArray &list) {
        QHash<QString, QJsonObject> map;
        for (const QJsonValue &m : list)
            map.insert(m.toObject().value(QLatin1String("id")).toString(), m.toObject());
        return map;
    };
    const QHash<QString, QJsonObject> oldById = byId(oldMaterials);
    const QHash<QString, QJsonObject> newById = byId(newMaterials);
    for (const QJsonValue &value : newMaterials) {
        const QJsonObject m = value.toObject();
        const QString id = m.value(QLatin1String("id")).toString();
        const QString name = m.value(QLatin1String("name")).toString();
        if (!oldById.contains(id))
            change.materials << MaterialChange { ChangeKind::Added, id, name, {} };
        else if (oldById.value(id) != m)
            change.materials << MaterialChange { ChangeKind::Changed, id, name,
                differingKeys(oldById.value(id), m, {}) };
    }
    for (const QJsonValue &value : oldMaterials) {
        const QJsonObject m = value.toObject();
        const QString id = m.value(QLatin1String("id")).toString();
        if (!newById.contains(id))
            change.materials << MaterialChange { ChangeKind::Removed, id,
                m.value(QLatin1String("name")).toString(), {} };
    }
    // Only the order of materials changed: still a change clerks should see.
    if (change.changedFields.isEmpty() && change.materials.isEmpty())
        change.changedFields << QStringLiteral("materials");
    return change;
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
        if (!oldItem)
            added << ItemChange { ChangeKind::Added, newItem.itemCode, newItem.name, {}, {} };
        else if (oldItem->publishedJson != newItem.publishedJson)
            changed << diffItems(oldItem->publishedJson.object(), newItem.publishedJson.object());
    }
    for (const ServiceItem &oldItem : from.items) {
        if (!newByCode.contains(oldItem.itemCode))
            removed << ItemChange { ChangeKind::Removed, oldItem.itemCode, oldItem.name, {}, {} };
    }
    diff.items << added << removed << changed;
    return diff;
}

} // namespace Tongban::Catalog
