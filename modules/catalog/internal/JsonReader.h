#pragma once

#include "../CatalogParser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <initializer_list>
#include <optional>

namespace Tongban::Catalog::Internal {

enum class Need { Optional, Required };

/*!
 * Typed access to JSON values that records a Diagnostic for every missing,
 * mistyped or out-of-range value and returns a harmless default, so that
 * validation goes on and reports everything at once.
 */
class JsonReader
{
public:
    explicit JsonReader(QList<Diagnostic> &out)
        : m_out(out)
    { }

    static QString child(const QString &pointer, const QString &key);
    static QString child(const QString &pointer, qsizetype index);

    void error(const QString &pointer, const QString &message);
    void warning(const QString &pointer, const QString &message);
    bool hasErrors() const { return m_errors > 0; }

    QString string(const QJsonObject &o, const QString &p, const char *key, Need need,
        int maxLength = CatalogParser::MaxStringLength);
    /// A string that must match \a pattern (anchored; compile it once, it is hot).
    QString identifier(const QJsonObject &o, const QString &p, const char *key, Need need,
        const QRegularExpression &pattern);
    QString oneOf(const QJsonObject &o, const QString &p, const char *key, Need need,
        const QStringList &allowed);
    std::optional<int> integer(const QJsonObject &o, const QString &p, const char *key, Need need,
        int minimum, int maximum);
    std::optional<bool> boolean(const QJsonObject &o, const QString &p, const char *key, Need need);
    std::optional<double> fraction(const QJsonObject &o, const QString &p, const char *key);
    QJsonObject object(const QJsonObject &o, const QString &p, const char *key, Need need);
    QJsonArray array(const QJsonObject &o, const QString &p, const char *key, Need need,
        int minimum, int maximum);
    QStringList strings(const QJsonObject &o, const QString &p, const char *key, Need need,
        int minimum, int maximum, int maxLength = CatalogParser::MaxStringLength);
    /// The element \a index of \a array as an object, or an error and an empty object.
    QJsonObject objectAt(const QJsonArray &array, const QString &p, qsizetype index);
    /// Warns about keys not in \a known (probably a newer publisher's addition).
    void unknownKeys(
        const QJsonObject &o, const QString &p, std::initializer_list<const char *> known);

private:
    /// \a value (o[key], looked up once by the caller) is there; an error if required.
    /// The pointer of a value is built only when something is reported: building one for
    /// every value read was a tenth of the parse time of a large catalogue.
    bool present(const QJsonValue &value, const QString &p, const char *key, Need need);

    QList<Diagnostic> &m_out;
    int m_errors = 0;
};

} // namespace Tongban::Catalog::Internal
