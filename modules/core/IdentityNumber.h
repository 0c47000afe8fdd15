#pragma once

#include "Result.h"

#include <QDate>
#include <QString>

namespace Tongban::Core {

/*!
 * A resident identity number (居民身份证号码, GB 11643-1999), validated.
 *
 * 18 characters: a 6-digit address code, an 8-digit birth date (a real date,
 * not after today and not before 1900), a 3-digit sequence and a check
 * character computed with ISO 7064 MOD 11-2 (weights 7 9 10 5 8 4 2 1 6 3 7 9
 * 10 5 8 4 2, check "10X98765432"[sum mod 11]). A lowercase x is accepted and
 * normalised to X; surrounding spaces are ignored.
 *
 * Pure value type without I/O; safe from any thread.
 */
class IdentityNumber
{
public:
    enum class Sex { Unknown, Male, Female };

    /// Validates \a text; the error says which rule failed, in the clerk's language.
    static Result<IdentityNumber> parse(const QString &text, const QDate &today = {});

    /// The check character that \a first17 (17 digits) requires, or a null QChar.
    static QChar checkCharacter(QStringView first17);

    QString toString() const { return m_value; }
    QDate birthDate() const { return m_birthDate; }
    Sex sex() const;
    QString regionCode() const { return m_value.left(6); }

    /// 110105********002X: what logs and screens that need not show the whole number print.
    QString masked() const;

    friend bool operator==(const IdentityNumber &, const IdentityNumber &) = default;

private:
    IdentityNumber(QString value, QDate birthDate)
        : m_value(std::move(value))
        , m_birthDate(birthDate)
    { }

    QString m_value;
    QDate m_birthDate;
};

} // namespace Tongban::Core
