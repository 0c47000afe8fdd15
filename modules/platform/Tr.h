#pragma once

#include <QCoreApplication>

namespace Tongban::Platform {
/// Translation context of the platform module.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tongban::Platform)
};
} // namespace Tongban::Platform
