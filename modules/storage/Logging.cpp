#include "Logging.h"

namespace Tongban::Storage {
Q_LOGGING_CATEGORY(lcStorage, "tongban.storage", QtInfoMsg)
}
