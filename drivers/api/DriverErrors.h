#pragma once

#include <core/Error.h>

namespace Tongban::Drivers {

/// Error codes of the drivers (range Core::ErrorRange::Drivers).
enum DriverError {
    NoSuchDevice = Core::ErrorRange::Drivers + 1,
    DeviceBusy,
    NotOpen,
    Unplugged,
    CaptureFailed,
    UnknownOption,
    InvalidOptionValue,
    BackendMissing,
    CaptureCancelled,
    FeederEmpty, ///< a sheet feeder has no more pages (SANE_STATUS_NO_DOCS)
};

} // namespace Tongban::Drivers
