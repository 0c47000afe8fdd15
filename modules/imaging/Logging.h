#pragma once

#include <QLoggingCategory>

namespace Tongban::Imaging {
Q_DECLARE_LOGGING_CATEGORY(lcImaging) // tongban.imaging
}
