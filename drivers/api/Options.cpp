#include "Options.h"

#include <QJsonArray>

namespace Tongban::Drivers {

QString optionTypeName(OptionType type)
{
    switch (type) {
    case OptionType::Enum:
        return QStringLiteral("enum");
    case OptionType::Int:
        return QStringLiteral("int");
    case OptionType::Bool:
        return QStringLiteral("bool");
    case OptionType::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

bool OptionDescriptor::accepts(const QVariant &value) const
{
    switch (type) {
    case OptionType::Enum:
        return values.contains(value);
    case OptionType::Int: {
        bool ok = false;
        const int v = value.toInt(&ok);
        return ok && v >= minimum && v <= maximum;
    }
    case OptionType::Bool:
        return value.canConvert<bool>();
    case OptionType::Invalid:
        break;
    }
    return false;
}

QJsonObject OptionDescriptor::toJson() const
{
    QJsonObject o { { QStringLiteral("id"), id }, { QStringLiteral("label"), label },
        { QStringLiteral("type"), optionTypeName(type) },
        { QStringLiteral("default"), QJsonValue::fromVariant(defaultValue) } };
    if (type == OptionType::Enum) {
        o.insert(QStringLiteral("values"), QJsonArray::fromVariantList(values));
        o.insert(QStringLiteral("valueLabels"), QJsonArray::fromStringList(valueLabels));
    } else if (type == OptionType::Int) {
        o.insert(QStringLiteral("minimum"), minimum);
        o.insert(QStringLiteral("maximum"), maximum);
    }
    return o;
}

void OptionSet::add(const OptionDescriptor &descriptor)
{
    m_descriptors.append(descriptor);
    m_values.insert(descriptor.id, descriptor.defaultValue);
}

const OptionDescriptor *OptionSet::find(const QString &id) const
{
    for (const auto &d : m_descriptors) {
        if (d.id == id)
            return &d;
    }
    return nullptr;
}

QVariant OptionSet::value(const QString &id) const
{
    return m_values.value(id);
}

bool OptionSet::setValue(const QString &id, const QVariant &value)
{
    const OptionDescriptor *d = find(id);
    if (!d || !d->accepts(value))
        return false;
    m_values.insert(id, value);
    return true;
}

QJsonObject OptionSet::valuesJson() const
{
    QJsonObject o;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
        o.insert(it.key(), QJsonValue::fromVariant(it.value()));
    return o;
}

} // namespace Tongban::Drivers
