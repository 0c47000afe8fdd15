#pragma once

#include <QLoggingCategory>

namespace Tongban::Drivers {
Q_DECLARE_LOGGING_CATEGORY(lcDrivers) // tongban.drivers
}
