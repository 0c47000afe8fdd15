#pragma once

#include <QCoreApplication>

namespace Tongban::Gui {
/// The parts of the call screen keep its translation context ("Tongban::Gui::CallPage").
struct CallTr
{
    Q_DECLARE_TR_FUNCTIONS(Tongban::Gui::CallPage)
};
} // namespace Tongban::Gui
