#include "JsonReader.h"

#include "../Tr.h"

#include <QRegularExpression>

#include <cmath>
#include <cstdlib>
#include <iterator>
#include <type_traits>

namespace Tongban::Catalog::Internal {

namespace {
QString typeName(QJsonValue::Type type)
{
    switch (type) {
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

IdentifierPattern::IdentifierPattern(const char *pattern)
    : m_pattern(QLatin1String(pattern))
{
    // One or two classes; the repeat count belongs to the last.
    const char *p = pattern;
    const auto readClass = [&p](bool(&set)[128]) {
        Q_ASSERT(*p == '[');
        ++p;
        while (*p && *p != ']') {
            if (p[1] == '-' && p[2] && p[2] != ']') {
                for (char c = p[0]; c <= p[2]; ++c)
                    set[uchar(c)] = true;
                p += 3;
            } else {
                set[uchar(*p)] = true;
                ++p;
            }
        }
        ++p; // ']'
    };
    bool head[128] = {};
    readClass(head);
    const bool twoClasses = *p == '[';
    if (twoClasses)
        readClass(m_rest);
    else
        std::copy(std::begin(head), std::end(head), std::begin(m_rest));
    std::copy(std::begin(head), std::end(head), std::begin(m_first));
    int low = 1;
    int high = 1;
    if (*p == '{') {
        ++p;
        low = int(std::strtol(p, const_cast<char **>(&p), 10));
        high = low;
        if (*p == ',') {
            ++p;
            high = int(std::strtol(p, const_cast<char **>(&p), 10));
        }
    }
    m_minLength = twoClasses ? 1 + low : low;
    m_maxLength = twoClasses ? 1 + high : high;
}

bool IdentifierPattern::matches(QStringView text) const
{
    if (text.size() < m_minLength || text.size() > m_maxLength)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c >= 128 || !(i == 0 ? m_first : m_rest)[c])
            return false;
    }
    return true;
}

QString DiagnosticSink::child(const QString &pointer, const QString &key)
{
    if (!key.contains(QLatin1Char('~')) && !key.contains(QLatin1Char('/')))
        return pointer + QLatin1Char('/') + key;
    QString escaped = key;
    escaped.replace(QLatin1Char('~'), QLatin1String("~0"));
    escaped.replace(QLatin1Char('/'), QLatin1String("~1"));
    return pointer + QLatin1Char('/') + escaped;
}

QString DiagnosticSink::child(const QString &pointer, qsizetype index)
{
    return pointer + QLatin1Char('/') + QString::number(index);
}

void DiagnosticSink::error(const QString &pointer, const QString &message)
{
    ++m_errors;
    m_out << Diagnostic { Diagnostic::Severity::Error, pointer, message };
}

void DiagnosticSink::warning(const QString &pointer, const QString &message)
{
    m_out << Diagnostic { Diagnostic::Severity::Warning, pointer, message };
}

template<typename J>
bool JsonReader<J>::present(const Value &value, const QString &p, const char *key, Need need)
{
    if (value.isUndefined() || value.isNull()) {
        if (need == Need::Required)
            error(child(p, QLatin1String(key)), Tr::tr("required, but missing"));
        return false;
    }
    return true;
}

template<typename J>
QString JsonReader<J>::string(
    const Object &o, const QString &p, const char *key, Need need, int maxLength)
{
    const Value value = o.value(QLatin1String(key));
    if (!present(value, p, key, need))
        return {};
    if (!value.isString()) {
        error(child(p, QLatin1String(key)),
            Tr::tr("must be text, not %1").arg(typeName(value.type())));
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

template<typename J>
QString JsonReader<J>::identifier(
    const Object &o, const QString &p, const char *key, Need need, const IdentifierPattern &pattern)
{
    const QString text = string(o, p, key, need, 100);
    if (text.isEmpty())
        return text;
    if (!pattern.matches(text)) {
        error(child(p, QLatin1String(key)),
            Tr::tr("\"%1\" is not of the form %2").arg(text, pattern.pattern()));
        return {};
    }
    return text;
}

template<typename J>
QString JsonReader<J>::oneOf(
    const Object &o, const QString &p, const char *key, Need need, const QStringList &allowed)
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

template<typename J>
std::optional<int> JsonReader<J>::integer(
    const Object &o, const QString &p, const char *key, Need need, int minimum, int maximum)
{
    const Value value = o.value(QLatin1String(key));
    if (!present(value, p, key, need))
        return std::nullopt;
    const double number = value.toDouble();
    if (!value.isDouble() || !std::isfinite(number) || std::abs(number) > 1e15
        || number != std::floor(number)) {
        error(child(p, QLatin1String(key)),
            Tr::tr("must be a whole number, not %1").arg(typeName(value.type())));
        return std::nullopt;
    }
    if (number < minimum || number > maximum) {
        error(child(p, QLatin1String(key)),
            Tr::tr("must be between %1 and %2").arg(minimum).arg(maximum));
        return std::nullopt;
    }
    return int(number);
}

template<typename J>
std::optional<bool> JsonReader<J>::boolean(
    const Object &o, const QString &p, const char *key, Need need)
{
    const Value value = o.value(QLatin1String(key));
    if (!present(value, p, key, need))
        return std::nullopt;
    if (!value.isBool()) {
        error(child(p, QLatin1String(key)),
            Tr::tr("must be true or false, not %1").arg(typeName(value.type())));
        return std::nullopt;
    }
    return value.toBool();
}

template<typename J>
std::optional<double> JsonReader<J>::fraction(const Object &o, const QString &p, const char *key)
{
    const Value value = o.value(QLatin1String(key));
    if (!present(value, p, key, Need::Required))
        return std::nullopt;
    if (!value.isDouble()) {
        error(child(p, QLatin1String(key)),
            Tr::tr("must be a number, not %1").arg(typeName(value.type())));
        return std::nullopt;
    }
    return value.toDouble();
}

template<typename J>
typename J::Object JsonReader<J>::object(
    const Object &o, const QString &p, const char *key, Need need)
{
    const Value value = o.value(QLatin1String(key));
    if (!present(value, p, key, need))
        return {};
    if (!value.isObject()) {
        error(child(p, QLatin1String(key)),
            Tr::tr("must be an object, not %1").arg(typeName(value.type())));
        return {};
    }
    return value.toObject();
}

template<typename J>
typename J::Array JsonReader<J>::array(
    const Object &o, const QString &p, const char *key, Need need, int minimum, int maximum)
{
    const Value value = o.value(QLatin1String(key));
    if (!present(value, p, key, need))
        return {};
    if (!value.isArray()) {
        error(child(p, QLatin1String(key)),
            Tr::tr("must be a list, not %1").arg(typeName(value.type())));
        return {};
    }
    Array list = value.toArray();
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

template<typename J>
bool JsonReader<J>::listText(const Value &value, const QString &p, const char *key, qsizetype index,
    int maxLength, QString *out)
{
    QString text = value.toString().trimmed();
    if (!value.isString() || text.isEmpty()) {
        error(child(child(p, QLatin1String(key)), index), Tr::tr("must be non-empty text"));
        return false;
    }
    if (text.size() > maxLength) {
        error(child(child(p, QLatin1String(key)), index),
            Tr::tr("longer than %1 characters").arg(maxLength));
        return false;
    }
    if (out)
        *out = std::move(text);
    return true;
}

template<typename J>
QStringList JsonReader<J>::strings(const Object &o, const QString &p, const char *key, Need need,
    int minimum, int maximum, int maxLength)
{
    const Array list = array(o, p, key, need, minimum, maximum);
    QStringList out;
    out.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        QString text;
        if (listText(list.at(i), p, key, i, maxLength, &text))
            out << std::move(text);
    }
    return out;
}

template<typename J>
void JsonReader<J>::checkText(
    const Object &o, const QString &p, const char *key, Need need, int maxLength)
{
    if constexpr (std::is_same_v<J, TapeJson>) {
        if (o.value(QLatin1String(key)).fitsAsIs(maxLength))
            return;
    }
    // Anything else is read as string() reads it, to report the same problems.
    string(o, p, key, need, maxLength);
}

template<typename J>
void JsonReader<J>::checkStrings(const Object &o, const QString &p, const char *key, Need need,
    int minimum, int maximum, int maxLength)
{
    const Array list = array(o, p, key, need, minimum, maximum);
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Value value = list.at(i);
        if constexpr (std::is_same_v<J, TapeJson>) {
            if (value.fitsAsIs(maxLength))
                continue;
        }
        listText(value, p, key, i, maxLength, nullptr);
    }
}

template<typename J>
typename J::Object JsonReader<J>::objectAt(const Array &array, const QString &p, qsizetype index)
{
    const Value value = array.at(index);
    if (!value.isObject()) {
        error(child(p, index), Tr::tr("must be an object, not %1").arg(typeName(value.type())));
        return {};
    }
    return value.toObject();
}

template<typename J>
void JsonReader<J>::unknownKeys(
    const Object &o, const QString &p, std::initializer_list<const char *> known)
{
    // Usually every key is known: tell so without making a string (over the tape, one
    // pass over the keys; over Qt's tree, a lookup per known key, counted), and walk the
    // keys, a string each, only when some are not.
    if constexpr (std::is_same_v<J, TapeJson>) {
        if (o.hasOnlyKeys(known))
            return;
    } else {
        qsizetype knownPresent = 0;
        for (const char *k : known)
            knownPresent += o.contains(QLatin1String(k)) ? 1 : 0;
        if (knownPresent == o.size())
            return;
    }
    for (const QString &key : o.keys()) {
        const bool isKnown = std::any_of(
            known.begin(), known.end(), [&](const char *k) { return key == QLatin1String(k); });
        if (!isKnown)
            warning(child(p, key), Tr::tr("unknown key, ignored"));
    }
}

template class JsonReader<QtJson>;
template class JsonReader<TapeJson>;

} // namespace Tongban::Catalog::Internal
