#pragma once

#include <QLoggingCategory>

namespace Tongban::Platform {
Q_DECLARE_LOGGING_CATEGORY(lcPlatform) // tongban.platform
}
