#pragma once

#include <QCoreApplication>

namespace Tongban::Core {
/// Translation context of the core module ("Tongban::Core" in the .ts files).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tongban::Core)
};
} // namespace Tongban::Core
