#include "CreditCode.h"

#include "Tr.h"

#include <array>

namespace Tongban::Core {

namespace {
constexpr char16_t kAlphabet[] = u"0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kRadix = 31;
constexpr std::array<int, 17> kWeights
    = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

enum CreditCodeError {
    WrongLength = ErrorRange::Core + 10,
    BadCharacter,
    BadCheckCharacter,
};

int indexOf(char16_t c)
{
    for (int i = 0; i < kRadix; ++i) {
        if (kAlphabet[i] == c)
            return i;
    }
    return -1;
}
} // namespace

QChar CreditCode::checkCharacter(QStringView first17)
{
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const int v = indexOf(first17[i].unicode());
        if (v < 0)
            return {};
        sum += v * kWeights[size_t(i)];
    }
    return QChar(kAlphabet[(kRadix - sum % kRadix) % kRadix]);
}

Result<CreditCode> CreditCode::parse(const QString &text)
{
    const QString value = text.trimmed().toUpper();
    if (value.size() != 18) {
        return Error { WrongLength,
            Tr::tr("A unified social credit code has 18 characters; this one has %1. "
                   "Check the code on the business licence and type it again.")
                .arg(value.size()),
            QStringLiteral("length %1").arg(value.size()) };
    }
    for (int i = 0; i < 18; ++i) {
        if (indexOf(value[i].unicode()) < 0) {
            return Error { BadCharacter,
                Tr::tr("Character %1 (%2) cannot appear in a unified social credit "
                       "code: the letters I, O, S, V and Z are never used. Check the "
                       "code on the business licence.")
                    .arg(i + 1)
                    .arg(value[i]),
                QStringLiteral("bad character at position %1").arg(i + 1) };
        }
    }
    if (value[17] != checkCharacter(QStringView(value).left(17))) {
        return Error { BadCheckCharacter,
            Tr::tr("The unified social credit code does not pass its check: one "
                   "character is probably mistyped. Compare it with the licence "
                   "character by character."),
            QStringLiteral("check character mismatch") };
    }
    return CreditCode(value);
}

} // namespace Tongban::Core
