#include "IdentityNumber.h"

#include "Tr.h"

#include <array>

namespace Tongban::Core {

namespace {
constexpr std::array<int, 17> kWeights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
constexpr char kCheckCharacters[] = "10X98765432";

enum IdentityError {
    WrongLength = ErrorRange::Core + 1,
    NotDigits,
    BadBirthDate,
    BadCheckCharacter,
};
} // namespace

QChar IdentityNumber::checkCharacter(QStringView first17)
{
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const QChar c = first17[i];
        if (!c.isDigit() || c.unicode() > '9')
            return {};
        sum += (c.unicode() - '0') * kWeights[size_t(i)];
    }
    return QLatin1Char(kCheckCharacters[sum % 11]);
}

Result<IdentityNumber> IdentityNumber::parse(const QString &text, const QDate &today)
{
    const QString value = text.trimmed().toUpper();
    if (value.size() != 18) {
        return Error { WrongLength,
            Tr::tr("An identity number has 18 characters; this one has %1. "
                   "Check the number on the card and type it again.")
                .arg(value.size()),
            QStringLiteral("length %1").arg(value.size()) };
    }
    for (int i = 0; i < 17; ++i) {
        const char16_t c = value[i].unicode();
        if (c < u'0' || c > u'9') {
            return Error { NotDigits,
                Tr::tr("Character %1 of the identity number must be a digit. "
                       "Check the number on the card and type it again.")
                    .arg(i + 1),
                QStringLiteral("non-digit at position %1").arg(i + 1) };
        }
    }
    const char16_t last = value[17].unicode();
    if ((last < u'0' || last > u'9') && last != u'X') {
        return Error { NotDigits,
            Tr::tr("The last character of the identity number must be a digit or X."),
            QStringLiteral("bad last character") };
    }

    const QDate birth = QDate::fromString(value.mid(6, 8), QStringLiteral("yyyyMMdd"));
    const QDate latest = today.isValid() ? today : QDate::currentDate();
    if (!birth.isValid() || birth.year() < 1900 || birth > latest) {
        return Error { BadBirthDate,
            Tr::tr("Characters 7 to 14 of the identity number are not a real birth "
                   "date. Check the number on the card and type it again."),
            QStringLiteral("invalid birth date") };
    }

    const QChar expected = checkCharacter(QStringView(value).left(17));
    if (value[17] != expected) {
        return Error { BadCheckCharacter,
            Tr::tr("The identity number does not pass its check: one character is "
                   "probably mistyped. Compare it with the card digit by digit."),
            QStringLiteral("check character mismatch") };
    }
    return IdentityNumber(value, birth);
}

IdentityNumber::Sex IdentityNumber::sex() const
{
    if (m_value.size() != 18)
        return Sex::Unknown;
    return (m_value[16].unicode() - u'0') % 2 == 1 ? Sex::Male : Sex::Female;
}

QString IdentityNumber::masked() const
{
    return m_value.left(6) + QString(8, QLatin1Char('*')) + m_value.right(4);
}

} // namespace Tongban::Core
