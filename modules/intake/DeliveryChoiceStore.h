#pragma once

#include "ResultDelivery.h"

#include <core/Result.h>
#include <storage/Migration.h>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Intake {

/*!
 * The applicant's delivery choice per case on the workstation (issue 17), in its own schema
 * module `intake_delivery`, so that the intake set keeps its numbers. A case without a stored
 * choice is collected at this window (ResultDelivery's default).
 */
class DeliveryChoiceStore
{
public:
    static Storage::MigrationSet schema();
    /// Checks \a choice (ResultDelivery::check) and keeps it for \a caseId, replacing any.
    static Core::Status save(
        Storage::Database &database, const QString &caseId, const ResultDelivery &choice);
    static ResultDelivery load(Storage::Database &database, const QString &caseId);
    /// Whether a choice was stored for \a caseId.
    static bool has(Storage::Database &database, const QString &caseId);
};

} // namespace Tongban::Intake
