#include "Logging.h"

namespace Tongban::Hub {
Q_LOGGING_CATEGORY(lcHub, "tongban.hub", QtInfoMsg)
}
