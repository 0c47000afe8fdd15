#pragma once

#include <QLoggingCategory>

namespace Tongban::Security {
Q_DECLARE_LOGGING_CATEGORY(lcSecurity) // tongban.security
}
