#pragma once

#include <QLoggingCategory>

/*!
 * Logging category of the core module: tongban.core. Every module declares
 * its own tongban.<module> category the same way, in its Logging.h.
 */
namespace Tongban::Core {
Q_DECLARE_LOGGING_CATEGORY(lcCore)
}
