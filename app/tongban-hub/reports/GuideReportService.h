#pragma once

#include "http/HttpTypes.h"

#include <core/Clock.h>
#include <core/Result.h>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

struct AuthContext;
class CatalogueService;

/*!
 * Guide error reports, 纠错 (contract §9).
 *
 * Any signed-in account may report. A report is idempotent per account by
 * clientReportId (same body: 200 with the same reportId; another body: 409
 * idempotency_conflict). kind is one of guide_wrong, extra_material_demanded,
 * review_point_mismatch, catalog_invalid; itemCode must name an item of the
 * catalogue in force (404 unknown_item), except for catalog_invalid where it
 * may be empty or name an item of the rejected catalogue. A report belongs to
 * the item's home jurisdiction; GET lists them for an admin (all) or a
 * department account (its jurisdiction), newest first.
 *
 * Threading: the thread that owns the Database.
 */
class GuideReportService
{
public:
    GuideReportService(
        Storage::Database &database, const Core::Clock &clock, const CatalogueService &catalogue);

    HttpResponse create(const QJsonObject &body, const AuthContext &context);
    HttpResponse list(const QUrlQuery &query, const AuthContext &context);

private:
    Storage::Database &m_database;
    const Core::Clock &m_clock;
    const CatalogueService &m_catalogue;
};

} // namespace Tongban::Hub
