#pragma once

#include <QLoggingCategory>

namespace Tongban::Hub {
Q_DECLARE_LOGGING_CATEGORY(lcHub)
}
