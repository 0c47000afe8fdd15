#pragma once

#include <QLoggingCategory>

namespace Tongban::Core::Internal {
void logSoftAssert(const char *condition, const char *file, int line);
}

/*!
 * Soft assertion: when \a cond is false, logs the condition with file and line
 * (category tongban.core, critical) and runs \a recovery, e.g. `return {}` or
 * `continue`. It never aborts: a window in front of an applicant must not
 * crash on a programming error it can recover from.
 */
#define TB_ASSERT(cond, recovery)                                                                  \
    if (Q_LIKELY(cond)) {                                                                          \
    } else {                                                                                       \
        ::Tongban::Core::Internal::logSoftAssert(#cond, __FILE__, __LINE__);                       \
        recovery;                                                                                  \
    }                                                                                              \
    do {                                                                                           \
    } while (false)
