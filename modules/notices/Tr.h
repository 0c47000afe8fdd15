#pragma once

#include <QCoreApplication>

namespace Tongban::Notices {
/// Translation context of the notices module.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tongban::Notices)
};
} // namespace Tongban::Notices
