#pragma once

#include "Migration.h"

namespace Tongban::Storage {

/*!
 * Tables owned by the storage module (module name "storage"):
 * - cases: one row per case (办件), created from the first keystroke;
 * - pages: one row per captured page, pointing at a content-addressed file.
 * Other modules add their own tables through their own MigrationSet.
 */
MigrationSet storageSchema();

} // namespace Tongban::Storage
