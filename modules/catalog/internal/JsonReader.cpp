#include "JsonReader.h"

#include "../Tr.h"

#include <QRegularExpression>

#include <cmath>

namespace Tongban::Catalog::Internal {

namespace {
QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}
} // namespace

QString JsonReader::child(const QString &pointer, const QString &key)
{
    if (!key.contains(QLatin1Char('~')) && !key.contains(QLatin1Char('/')))
        return pointer + QLatin1Char('/') + key;
    QString escaped = key;
    escaped.replace(QLatin1Char('~'), QLatin1String("~0"));
    escaped.replace(QLatin1Char('/'), QLatin1String("~1"));
    return pointer + QLatin1Char('/') + escaped;
}

QString JsonReader::child(const QString &pointer, qsizetype index)
{
    return pointer + QLatin1Char('/') + QString::number(index);
}

void JsonReader::error(const QString &pointer, const QString &message)
{
    ++m_errors;
    m_out << Diagnostic { Diagnostic::Severity::Error, pointer, message };
}

void JsonReader::warning(const QString &pointer, const QString &message)
{
    m_out << Diagnostic { Diagnostic::Severity::Warning, pointer, message };
}

bool JsonReader::present(const QJsonValue &value, const QString &p, const char *key, Need need)
{
    if (value.isUndefined() || value.isNull()) {
        if (need == Need::Required)
            error(child(p, QLatin1String(key)), Tr::tr("required, but missing"));
        return false;
    }
    return true;
}

QString JsonReader::string(
    const QJsonObject &o, const QString &p, const char *key, Need need, int maxLength)
{
    const QJsonValue value = o.value(QLatin1String(key));
    if (!present(value, p, key, need))
        return {};
    if (!value.isString()) {
        error(child(p, QLatin1String(key)), Tr::tr("must be text, not %1").arg(typeName(value)));
        return {};
    }
    QString text = value.toString().trimmed();
    if (text.isEmpty() && need == Need::Required) {
        error(child(p, QLatin1String(key)), Tr::tr("must not be empty"));
        return {};
    }
    if (text.size() > maxLength) {
        error(child(p, QLatin1String(key)), Tr::tr("longer than %1 characters").arg(maxLength));
        return {};
    }
    return text;
}

QString JsonReader::identifier(const QJsonObject &o, const QString &p, const char *key, Need need,
    const QRegularExpression &pattern)
{
    const QString text = string(o, p, key, need, 100);
    if (text.isEmpty())
        return text;
    if (!pattern.match(text).hasMatch()) {
        QString shown = pattern.pattern();
        shown.remove(QStringLiteral("\\A(?:")).remove(QStringLiteral(")\\z"));
        error(
            child(p, QLatin1String(key)), Tr::tr("\"%1\" is not of the form %2").arg(text, shown));
        return {};
    }
    return text;
}

QString JsonReader::oneOf(
    const QJsonObject &o, const QString &p, const char *key, Need need, const QStringList &allowed)
{
    const QString text = string(o, p, key, need, 100);
    if (text.isEmpty())
        return text;
    if (!allowed.contains(text)) {
        error(child(p, QLatin1String(key)),
            Tr::tr("\"%1\" is not one of: %2").arg(text, allowed.join(QStringLiteral(", "))));
        return {};
    }
    return text;
}

std::optional<int> JsonReader::integer(
    const QJsonObject &o, const QString &p, const char *key, Need need, int minimum, int maximum)
{
    const QJsonValue value = o.value(QLatin1String(key));
    if (!present(value, p, key, need))
        return std::nullopt;
    const double number = value.toDouble();
    if (!value.isDouble() || !std::isfinite(number) || std::abs(number) > 1e15
        || number != std::floor(number)) {
        error(child(p, QLatin1String(key)),
            Tr::tr("must be a whole number, not %1").arg(typeName(value)));
        return std::nullopt;
    }
    if (number < minimum || number > maximum) {
        error(child(p, QLatin1String(key)),
            Tr::tr("must be between %1 and %2").arg(minimum).arg(maximum));
        return std::nullopt;
    }
    return int(number);
}

std::optional<bool> JsonReader::boolean(
    const QJsonObject &o, const QString &p, const char *key, Need need)
{
    const QJsonValue value = o.value(QLatin1String(key));
    if (!present(value, p, key, need))
        return std::nullopt;
    if (!value.isBool()) {
        error(child(p, QLatin1String(key)),
            Tr::tr("must be true or false, not %1").arg(typeName(value)));
        return std::nullopt;
    }
    return value.toBool();
}

std::optional<double> JsonReader::fraction(const QJsonObject &o, const QString &p, const char *key)
{
    const QJsonValue value = o.value(QLatin1String(key));
    if (!present(value, p, key, Need::Required))
        return std::nullopt;
    if (!value.isDouble()) {
        error(
            child(p, QLatin1String(key)), Tr::tr("must be a number, not %1").arg(typeName(value)));
        return std::nullopt;
    }
    return value.toDouble();
}

QJsonObject JsonReader::object(const QJsonObject &o, const QString &p, const char *key, Need need)
{
    const QJsonValue value = o.value(QLatin1String(key));
    if (!present(value, p, key, need))
        return {};
    if (!value.isObject()) {
        error(
            child(p, QLatin1String(key)), Tr::tr("must be an object, not %1").arg(typeName(value)));
        return {};
    }
    return value.toObject();
}

QJsonArray JsonReader::array(
    const QJsonObject &o, const QString &p, const char *key, Need need, int minimum, int maximum)
{
    const QJsonValue value = o.value(QLatin1String(key));
    if (!present(value, p, key, need))
        return {};
    if (!value.isArray()) {
        error(child(p, QLatin1String(key)), Tr::tr("must be a list, not %1").arg(typeName(value)));
        return {};
    }
    QJsonArray list = value.toArray();
    if (list.size() < minimum) {
        error(child(p, QLatin1String(key)),
            Tr::tr("needs at least %1 entries, has %2").arg(minimum).arg(list.size()));
    } else if (list.size() > maximum) {
        error(child(p, QLatin1String(key)),
            Tr::tr("has %1 entries, more than the limit of %2").arg(list.size()).arg(maximum));
        return {};
    }
    return list;
}

QStringList JsonReader::strings(const QJsonObject &o, const QString &p, const char *key, Need need,
    int minimum, int maximum, int maxLength)
{
    const QJsonArray list = array(o, p, key, need, minimum, maximum);
    QStringList out;
    out.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonValue value = list.at(i);
        QString text = value.toString().trimmed();
        if (!value.isString() || text.isEmpty()) {
            error(child(child(p, QLatin1String(key)), i), Tr::tr("must be non-empty text"));
        } else if (text.size() > maxLength) {
            error(child(child(p, QLatin1String(key)), i),
                Tr::tr("longer than %1 characters").arg(maxLength));
        } else {
            out << std::move(text);
        }
    }
    return out;
}

QJsonObject JsonReader::objectAt(const QJsonArray &array, const QString &p, qsizetype index)
{
    const QJsonValue value = array.at(index);
    if (!value.isObject()) {
        error(child(p, index), Tr::tr("must be an object, not %1").arg(typeName(value)));
        return {};
    }
    return value.toObject();
}

void JsonReader::unknownKeys(
    const QJsonObject &o, const QString &p, std::initializer_list<const char *> known)
{
    // Usually every key is known: count the known ones present (a lookup each, no
    // string made) and walk the keys, a string each, only when some are not.
    qsizetype knownPresent = 0;
    for (const char *k : known)
        knownPresent += o.contains(QLatin1String(k)) ? 1 : 0;
    if (knownPresent == o.size())
        return;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const QString key = it.key();
        const bool isKnown = std::any_of(
            known.begin(), known.end(), [&](const char *k) { return key == QLatin1String(k); });
        if (!isKnown)
            warning(child(p, key), Tr::tr("unknown key, ignored"));
    }
}

} // namespace Tongban::Catalog::Internal
