#include "Logging.h"

namespace Tongban::Imaging {
Q_LOGGING_CATEGORY(lcImaging, "tongban.imaging", QtInfoMsg)
}
