#include "Logging.h"

namespace Tongban::Catalog {
Q_LOGGING_CATEGORY(lcCatalog, "tongban.catalog", QtInfoMsg)
}
