#pragma once

#include "../CatalogParser.h"
#include "JsonTape.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <initializer_list>
#include <optional>

namespace Tongban::Catalog::Internal {

enum class Need { Optional, Required };

/// The forms of the catalogue's identifiers (docs/catalog-format.md).
inline constexpr char kIdForm[] = "[a-z][a-z0-9-]{0,39}";
inline constexpr char kFactForm[] = "[A-Za-z][A-Za-z0-9]{0,39}";
inline constexpr char kRegionCodeForm[] = "[0-9]{6}";
inline constexpr char kItemCodeForm[] = "[0-9A-Z]{6,40}";
inline constexpr char kVersionForm[] = "[0-9A-Za-z._-]{1,40}";
inline constexpr char kWindowIdForm[] = "[0-9A-Za-z._-]{1,40}";

/*!
 * An identifier's form, written as a small regular expression: one or two ASCII
 * character classes, the last with a repeat count: "[a-z][a-z0-9-]{0,39}",
 * "[0-9A-Z]{6,40}", "[0-9]{6}". Matched whole by a table lookup per character:
 * identifiers are checked hundreds of thousands of times in a big catalogue, and a
 * regular expression match (with its match object) was a tenth of the parse.
 */
class IdentifierPattern
{
public:
    explicit IdentifierPattern(const char *pattern);

    /// Whether all of \a text has this form (as the anchored regular expression would).
    bool matches(QStringView text) const;
    /// The form as written, shown to whoever wrote the catalogue.
    QString pattern() const { return m_pattern; }

private:
    QString m_pattern;
    bool m_first[128] = {};
    bool m_rest[128] = {};
    int m_minLength = 0;
    int m_maxLength = 0;
};

/// Qt's JSON tree: any document Qt reads (see JsonTape for the common, faster case).
struct QtJson
{
    using Value = QJsonValue;
    using Object = QJsonObject;
    using Array = QJsonArray;
    static PublishedJson published(const QJsonObject &o) { return PublishedJson(o); }
};

/// A JsonTape over the document's bytes.
struct TapeJson
{
    using Value = TapeValue;
    using Object = TapeObject;
    using Array = TapeArray;
    static PublishedJson published(const TapeObject &o) { return o.published(); }
};

/// Diagnostics and JSON pointers, whatever the JSON representation.
class DiagnosticSink
{
public:
    explicit DiagnosticSink(QList<Diagnostic> &out)
        : m_out(out)
    { }

    static QString child(const QString &pointer, const QString &key);
    static QString child(const QString &pointer, qsizetype index);

    void error(const QString &pointer, const QString &message);
    void warning(const QString &pointer, const QString &message);
    bool hasErrors() const { return m_errors > 0; }

private:
    QList<Diagnostic> &m_out;
    int m_errors = 0;
};

/*!
 * Typed access to JSON values that records a Diagnostic for every missing,
 * mistyped or out-of-range value and returns a harmless default, so that
 * validation goes on and reports everything at once.
 *
 * \a J is QtJson or TapeJson: the same reading, the same diagnostics, over Qt's tree or
 * over the bytes.
 */
template<typename J>
class JsonReader : public DiagnosticSink
{
public:
    using Value = typename J::Value;
    using Object = typename J::Object;
    using Array = typename J::Array;

    using DiagnosticSink::DiagnosticSink;

    QString string(const Object &o, const QString &p, const char *key, Need need,
        int maxLength = CatalogParser::MaxStringLength);
    /// A string that must have the form \a pattern (whole).
    QString identifier(const Object &o, const QString &p, const char *key, Need need,
        const IdentifierPattern &pattern);
    QString oneOf(
        const Object &o, const QString &p, const char *key, Need need, const QStringList &allowed);
    std::optional<int> integer(
        const Object &o, const QString &p, const char *key, Need need, int minimum, int maximum);
    std::optional<bool> boolean(const Object &o, const QString &p, const char *key, Need need);
    std::optional<double> fraction(const Object &o, const QString &p, const char *key);
    Object object(const Object &o, const QString &p, const char *key, Need need);
    Array array(
        const Object &o, const QString &p, const char *key, Need need, int minimum, int maximum);
    QStringList strings(const Object &o, const QString &p, const char *key, Need need, int minimum,
        int maximum, int maxLength = CatalogParser::MaxStringLength);
    /// The checks of string(), the same diagnostics, without the text: over the tape, text
    /// that string() would take as it is (TapeValue::fitsAsIs) is not decoded.
    void checkText(const Object &o, const QString &p, const char *key, Need need, int maxLength);
    /// The checks of strings(), likewise.
    void checkStrings(const Object &o, const QString &p, const char *key, Need need, int minimum,
        int maximum, int maxLength);
    /// The element \a index of \a array as an object, or an error and an empty object.
    Object objectAt(const Array &array, const QString &p, qsizetype index);
    /// Warns about keys not in \a known (probably a newer publisher's addition).
    void unknownKeys(const Object &o, const QString &p, std::initializer_list<const char *> known);

private:
    /// \a value (o[key], looked up once by the caller) is there; an error if required.
    /// The pointer of a value is built only when something is reported: building one for
    /// every value read was a tenth of the parse time of a large catalogue.
    bool present(const Value &value, const QString &p, const char *key, Need need);
    /// Element \a index of the list under \a key, read into \a out when given: false (and
    /// an error) unless it is non-empty text of at most \a maxLength characters.
    bool listText(const Value &value, const QString &p, const char *key, qsizetype index,
        int maxLength, QString *out);
};

extern template class JsonReader<QtJson>;
extern template class JsonReader<TapeJson>;

} // namespace Tongban::Catalog::Internal
