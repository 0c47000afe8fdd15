#include "Logging.h"

#include "Assert.h"

namespace Tongban::Core {

Q_LOGGING_CATEGORY(lcCore, "tongban.core", QtInfoMsg)

namespace Internal {
void logSoftAssert(const char *condition, const char *file, int line)
{
    qCCritical(lcCore, "SOFT ASSERT: \"%s\" in %s:%d", condition, file, line);
}
} // namespace Internal

} // namespace Tongban::Core
