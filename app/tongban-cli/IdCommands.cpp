#include "Commands.h"

#include <core/CreditCode.h>
#include <core/IdentityNumber.h>

namespace Tongban::Cli {

int idCheck(const QStringList &args, const CliOutput &out)
{
    if (args.size() != 1) {
        out.error(Tr::tr("Usage: tongban-cli id check NUMBER-OR-CODE"));
        return Usage;
    }
    const QString text = args.first();
    // A credit code has letters in it more often than not; try the identity number first
    // only when the text looks like one.
    const auto identity = Core::IdentityNumber::parse(text);
    if (identity) {
        out.emitJson({ { QStringLiteral("kind"), QStringLiteral("identityNumber") },
            { QStringLiteral("valid"), true }, { QStringLiteral("masked"), identity->masked() },
            { QStringLiteral("birthDate"), identity->birthDate().toString(Qt::ISODate) } });
        out.human(Tr::tr("Valid resident identity number %1").arg(identity->masked()));
        return Ok;
    }
    const auto credit = Core::CreditCode::parse(text);
    if (credit) {
        out.emitJson({ { QStringLiteral("kind"), QStringLiteral("creditCode") },
            { QStringLiteral("valid"), true }, { QStringLiteral("code"), credit->toString() } });
        out.human(Tr::tr("Valid unified social credit code %1").arg(credit->toString()));
        return Ok;
    }
    out.emitJson({ { QStringLiteral("valid"), false },
        { QStringLiteral("identityNumberError"), identity.error().message },
        { QStringLiteral("creditCodeError"), credit.error().message } });
    out.human(Tr::tr("Invalid.\nAs an identity number: %1\nAs a credit code: %2")
                  .arg(identity.error().message, credit.error().message));
    return Invalid;
}

} // namespace Tongban::Cli
