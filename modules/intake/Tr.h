#pragma once

#include <QCoreApplication>

namespace Tongban::Intake {
/// Translation context of the intake module ("Tongban::Intake" in the .ts files).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tongban::Intake)
};
} // namespace Tongban::Intake
