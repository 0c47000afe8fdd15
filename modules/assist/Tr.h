#pragma once

#include <QCoreApplication>

namespace Tongban::Assist {
/// Translation context of the assist module ("Tongban::Assist" in the .ts files).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tongban::Assist)
};
} // namespace Tongban::Assist
