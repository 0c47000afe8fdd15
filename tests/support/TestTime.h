#pragma once

// Test helper (header-only): a test's own waits scaled for emulated runs. CMake's
// TONGBAN_TEST_TIME_FACTOR (cmake/TongbanModule.cmake, docs/arm64.md) multiplies each test's
// CTest and Qt Test limits and passes the factor in the environment; under qemu-user the
// cross-built tests run about ten times slower. On the machine itself the factor is 1.

#include <QtGlobal>

namespace Tongban::Testing {

/// The factor the test's time limits are multiplied by (1 when unset or invalid).
inline int testTimeFactor()
{
    bool ok = false;
    const int factor = qEnvironmentVariableIntValue("TONGBAN_TEST_TIME_FACTOR", &ok);
    return ok && factor >= 1 ? factor : 1;
}

/// \a milliseconds for this machine, multiplied for an emulated run.
inline int scaledTimeout(int milliseconds)
{
    return milliseconds * testTimeFactor();
}

} // namespace Tongban::Testing
