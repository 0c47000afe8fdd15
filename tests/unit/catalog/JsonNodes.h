#pragma once

// Test helper (header-only): every node of a JSON document with its JSON Pointer, depth first,
// for the catalogue tests that change one value at a time (tst_catalogparser, tst_catalogtape).

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

namespace Tongban::Testing {

inline void collectJsonNodes(
    const QString &pointer, const QJsonValue &value, QList<QPair<QString, QJsonValue>> &out)
{
    out << qMakePair(pointer, value);
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            collectJsonNodes(pointer + QLatin1Char('/') + it.key(), it.value(), out);
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            collectJsonNodes(pointer + QLatin1Char('/') + QString::number(i), a.at(i), out);
    }
}

/// Every node of \a doc (the document itself first, pointer ""), with its pointer.
inline QList<QPair<QString, QJsonValue>> jsonNodes(const QJsonObject &doc)
{
    QList<QPair<QString, QJsonValue>> out;
    collectJsonNodes(QString(), doc, out);
    return out;
}

} // namespace Tongban::Testing
