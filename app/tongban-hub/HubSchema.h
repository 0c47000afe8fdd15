#pragma once

#include <storage/Migration.h>

namespace Tongban::Hub {

/// The hub's tables in its own SQLite database (module "hub").
Storage::MigrationSet hubSchema();
/// Ownership scopes (issue 13): clientCaseId and Idempotency-Key per window.
Storage::MigrationSet hubOwnershipSchema();

} // namespace Tongban::Hub
