#pragma once

#include <QLoggingCategory>

namespace Tongban::Storage {
Q_DECLARE_LOGGING_CATEGORY(lcStorage) // tongban.storage
}
