#pragma once

#include <storage/Migration.h>

namespace Tongban::Hub {

/*!
 * The schema module `hub_delivery` (issue 17), applied after the hub's sets: the delivery
 * status columns of `sms_outbox`, the completion of a case with its result document, the
 * delivery task and ledger, ratings (好差评) and rectifications, and the status and answer
 * of guide error reports. Its own set, so that it takes no number in the "hub" sequence.
 */
Storage::MigrationSet deliverySchema();

} // namespace Tongban::Hub
