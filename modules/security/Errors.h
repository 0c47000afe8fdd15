#pragma once

#include <core/Error.h>

namespace Tongban::Security {

/*!
 * Error codes of the security module (range ErrorRange::Security). Failures of
 * the database underneath keep their storage code when it tells the clerk
 * something useful (e.g. Storage::DiskFull).
 */
enum ErrorCode {
    AuditWriteFailed = Core::ErrorRange::Security + 1,
    AuditReadFailed,
    InvalidAuditEntry,
    AuditTampered,
};

} // namespace Tongban::Security
