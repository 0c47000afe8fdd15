#pragma once

#include "Catalog.h"

namespace Tongban::Catalog {

enum class ChangeKind { Unknown, Added, Removed, Changed };

struct MaterialChange
{
    ChangeKind kind = ChangeKind::Unknown;
    QString materialId;
    QString name;
    QStringList changedFields; ///< keys of the material that differ (Changed only)
};

struct ItemChange
{
    ChangeKind kind = ChangeKind::Unknown;
    QString itemCode;
    QString name;
    QStringList changedFields; ///< guide elements that differ, besides materials
    QList<MaterialChange> materials;
};

/// What changed between two catalogues, so that clerks can be told what changed in a guide.
struct CatalogDiff
{
    QString fromVersion;
    QString toVersion;
    QList<ItemChange> items; ///< added, then removed, then changed; each by item code

    bool isEmpty() const { return items.isEmpty(); }
    int count(ChangeKind kind) const;
    const ItemChange *change(const QString &itemCode) const;
};

/// Pure function of the two catalogues; items matched by code, materials by id.
CatalogDiff diffCatalogs(const Catalog &from, const Catalog &to);

/// The change from one published item (guide) to another with the same code.
ItemChange diffItems(const QJsonObject &from, const QJsonObject &to);

} // namespace Tongban::Catalog
