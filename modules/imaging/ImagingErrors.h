#pragma once

#include <core/Error.h>

namespace Tongban::Imaging {

/// Error codes of the imaging module (range Core::ErrorRange::Imaging).
enum ImagingError {
    DecodeFailed = Core::ErrorRange::Imaging + 1,
    EncodeFailed,
    NoPageFound,
    Cancelled,
    PdfFailed,
    InvalidInput,
};

} // namespace Tongban::Imaging
