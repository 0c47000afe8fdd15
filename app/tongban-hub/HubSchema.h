#pragma once

#include <storage/Migration.h>

namespace Tongban::Hub {

/// The hub's tables in its own SQLite database (module "hub").
Storage::MigrationSet hubSchema();

} // namespace Tongban::Hub
