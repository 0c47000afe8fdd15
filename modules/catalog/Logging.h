#pragma once

#include <QLoggingCategory>

namespace Tongban::Catalog {
Q_DECLARE_LOGGING_CATEGORY(lcCatalog) // tongban.catalog
}
