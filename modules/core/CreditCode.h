#pragma once

#include "Result.h"

#include <QString>

namespace Tongban::Core {

/*!
 * A unified social credit code (统一社会信用代码, GB 32100-2015), validated.
 *
 * 18 characters from the alphabet 0-9 and A-Y without I, O, S, V, Z:
 * registration authority (1), entity type (1), administrative region (6),
 * organisation code (9) and a check character: weights 3^(i-1) mod 31 for the
 * first 17 positions, check = alphabet[(31 - sum mod 31) mod 31]. Lowercase
 * input is normalised; surrounding spaces are ignored.
 *
 * Pure value type without I/O; safe from any thread.
 */
class CreditCode
{
public:
    static Result<CreditCode> parse(const QString &text);

    /// The check character that \a first17 requires, or a null QChar when
    /// \a first17 is not 17 characters of the alphabet.
    static QChar checkCharacter(QStringView first17);

    QString toString() const { return m_value; }
    QString regionCode() const { return m_value.mid(2, 6); }

    friend bool operator==(const CreditCode &, const CreditCode &) = default;

private:
    explicit CreditCode(QString value)
        : m_value(std::move(value))
    { }
    QString m_value;
};

} // namespace Tongban::Core
