#include "Logging.h"

namespace Tongban::Security {
Q_LOGGING_CATEGORY(lcSecurity, "tongban.security", QtInfoMsg)
}
