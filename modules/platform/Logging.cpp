#include "Logging.h"

namespace Tongban::Platform {
Q_LOGGING_CATEGORY(lcPlatform, "tongban.platform", QtInfoMsg)
}
