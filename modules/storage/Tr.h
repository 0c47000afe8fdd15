#pragma once

#include <QCoreApplication>

namespace Tongban::Storage {
/// Translation context of the storage module.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tongban::Storage)
};
} // namespace Tongban::Storage
