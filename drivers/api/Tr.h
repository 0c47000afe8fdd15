#pragma once

#include <QCoreApplication>

namespace Tongban::Drivers {
/// Translation context of the drivers.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tongban::Drivers)
};
} // namespace Tongban::Drivers
