#include "Catalog.h"

#include "internal/JsonTape.h"

#include <QCborValue>
#include <QJsonDocument>

#include <cstring>

namespace Tongban::Catalog {

PublishedJson::PublishedJson(const QJsonObject &object)
    : m_object(object)
{ }

PublishedJson::PublishedJson(const QByteArray &document, qsizetype offset, qsizetype size)
    : m_document(document)
    , m_offset(offset)
    , m_size(size)
{ }

QJsonObject PublishedJson::object() const
{
    if (m_document.isNull())
        return m_object;
    return QJsonDocument::fromJson(
        QByteArray::fromRawData(m_document.constData() + m_offset, m_size))
        .object();
}

QByteArray PublishedJson::toCbor() const
{
    if (!m_document.isNull()) {
        Internal::JsonTape tape;
        if (tape.read(QByteArray::fromRawData(m_document.constData() + m_offset, m_size))) {
            QByteArray cbor;
            cbor.reserve(m_size);
            tape.appendCbor(0, cbor);
            return cbor;
        }
    }
    return QCborValue::fromJsonValue(object()).toCbor();
}

bool PublishedJson::operator==(const PublishedJson &other) const
{
    if (!m_document.isNull() && !other.m_document.isNull() && m_size == other.m_size
        && std::memcmp(m_document.constData() + m_offset,
               other.m_document.constData() + other.m_offset, size_t(m_size))
            == 0)
        return true;
    return object() == other.object();
}

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
