#pragma once

#include <QCoreApplication>

namespace Tongban::Widgets {
/// Translation context of the widgets module.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tongban::Widgets)
};
} // namespace Tongban::Widgets
