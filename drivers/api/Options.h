#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariant>

namespace Tongban::Drivers {

/// How an option's value is chosen; the zero value is invalid.
enum class OptionType { Invalid = 0, Enum, Int, Bool };

/*!
 * One device option described as data, so that one generic settings form can
 * draw every device (OBS obs_properties). For Enum, \c values lists the
 * allowed values (strings or ints) and \c valueLabels their translated
 * labels; for Int, \c minimum / \c maximum bound the value.
 */
struct OptionDescriptor
{
    QString id; ///< stable, untranslated: "resolution", "blurSigma"
    QString label; ///< translated, for the settings form
    OptionType type = OptionType::Invalid;
    QVariantList values;
    QStringList valueLabels;
    QVariant defaultValue;
    int minimum = 0;
    int maximum = 0;

    /// Whether \a value is acceptable for this option.
    bool accepts(const QVariant &value) const;
    QJsonObject toJson() const;
};

QString optionTypeName(OptionType type);

/*!
 * A set of options with their current values; a small helper that backends
 * use to implement option() / setOption() consistently.
 */
class OptionSet
{
public:
    void add(const OptionDescriptor &descriptor);
    const QList<OptionDescriptor> &descriptors() const { return m_descriptors; }
    const OptionDescriptor *find(const QString &id) const;
    QVariant value(const QString &id) const;
    /// False when the id is unknown or the value not accepted; nothing changes then.
    bool setValue(const QString &id, const QVariant &value);
    QJsonObject valuesJson() const;

private:
    QList<OptionDescriptor> m_descriptors;
    QVariantMap m_values;
};

} // namespace Tongban::Drivers
