#pragma once

#include <storage/Migration.h>

namespace Tongban::Platform {

/*!
 * The whole schema of module "platform": the outbox tables of version 1
 * (Outbox::schema()) followed by the later steps:
 *
 * 2. platform_feed_state (last processed event id per window),
 *    platform_results (results received, their PDF, printed_at),
 *    platform_sync (ETag and body of the catalogue and calendar last synced),
 *    platform_requests (the persistent queue of mailings and guide reports).
 *
 * The workstation opens its database with this set, never with
 * Outbox::schema() alone (a database at version 2 would be refused as newer).
 */
Storage::MigrationSet platformSchema();

} // namespace Tongban::Platform
