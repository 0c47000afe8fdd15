#pragma once

#include <QCoreApplication>

namespace Tongban::Imaging {
/// Translation context of the imaging module.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tongban::Imaging)
};
} // namespace Tongban::Imaging
