#pragma once

#include <QCoreApplication>

namespace Tongban::Security {
/// Translation context of the security module ("Tongban::Security" in the .ts files).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tongban::Security)
};
} // namespace Tongban::Security
