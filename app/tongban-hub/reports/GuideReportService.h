#pragma once

#include "HubErrors.h"
#include "reports/GuideReportStore.h"

#include <core/Clock.h>
#include <core/Result.h>

#include <QJsonObject>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

struct AuthContext;
class CatalogueService;

/*!
 * Guide error reports, 纠错 (contract §9): the rules; GuideReportStore keeps them,
 * GuideReportRoutes puts them on the wire.
 *
 * Any signed-in account may report. A report is idempotent per account by
 * clientReportId (same body: the same report, created false; another body:
 * IdempotencyConflict). kind is one of guide_wrong, extra_material_demanded,
 * review_point_mismatch, catalog_invalid; itemCode must name an item of the
 * catalogue in force (UnknownItem), except for catalog_invalid where it
 * may be empty or name an item of the rejected catalogue. A report belongs to
 * the item's home jurisdiction; list() gives them to an admin (all) or a
 * department account (its jurisdiction), newest first.
 *
 * Every error's message is the zh_CN text for the clerk, its detail technical.
 * Threading: the thread that owns the Database.
 */
class GuideReportService
{
public:
    static constexpr int MaxListed = 500;

    enum ErrorCode {
        ValidationFailed = HubError::Reports,
        UnknownItem,
        IdempotencyConflict,
        Forbidden,
        StorageFailed,
    };

    GuideReportService(
        Storage::Database &database, const Core::Clock &clock, const CatalogueService &catalogue);

    struct Created
    {
        QString reportId;
        bool created = false; ///< false: the account had sent this report before
    };
    Core::Result<Created> create(const QJsonObject &body, const AuthContext &context);
    /// The reports \a context may read, of \a kind (empty: any), newest first.
    Core::Result<QList<GuideReportRecord>> list(const QString &kind, const AuthContext &context);

private:
    GuideReportStore m_store;
    const Core::Clock &m_clock;
    const CatalogueService &m_catalogue;
};

} // namespace Tongban::Hub
