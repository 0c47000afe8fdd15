#pragma once

#include "ApiClient.h"
#include "RequestQueue.h"

#include <catalog/CatalogStore.h>
#include <core/Clock.h>
#include <core/Result.h>
#include <core/WorkCalendar.h>
#include <storage/Database.h>

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace Tongban::Platform {

/*!
 * Keeps the catalogue and the working-day calendar in step with the platform
 * (docs/platform-api.md §4).
 *
 * syncCatalog(): GET /catalog with If-None-Match = the ETag of the last
 * catalogue synced (table platform_sync), sent only while that catalogue is
 * still the one in force. 304: nothing changes. 200: the document goes through
 * Catalog::CatalogStore::import (full validation with diagnostics, atomic);
 * the import and the new ETag are written in one transaction. A catalogue
 * that fails validation is refused with CatalogInvalid (the detail lists the
 * diagnostics), the catalogue in force stays in force, the ETag is not
 * stored (the next sync downloads again) and, when a RequestQueue is set, a
 * guide report of kind catalog_invalid is queued, once per document.
 *
 * syncCalendar(): GET /calendar likewise; a valid document (checked by
 * Core::WorkCalendar::fromJson) is kept in platform_sync; calendar() is the
 * embedded calendar with the years of the last synced one taken over.
 *
 * Callbacks run once, on this thread. Same thread as the Database and the
 * transport; nothing is owned.
 */
class CatalogSync : public QObject
{
    Q_OBJECT
public:
    enum class Outcome {
        Unknown = 0,
        Updated, ///< 200: a new document is in force
        NotModified, ///< 304: the one in force is current
    };
    Q_ENUM(Outcome)

    struct CatalogReport
    {
        Outcome outcome = Outcome::Unknown;
        QString catalogVersion; ///< the catalogue in force after the sync
        Catalog::ImportReport import; ///< Updated only
        QStringList changedItems; ///< item codes added, removed or changed (Updated only)
    };

    struct CalendarReport
    {
        Outcome outcome = Outcome::Unknown;
        QList<int> years; ///< years the synced calendar covers
    };

    CatalogSync(Storage::Database &db, Catalog::CatalogStore &catalogs, Transport &transport,
        const Core::Clock &clock, QObject *parent = nullptr);

    /// Where catalog_invalid reports go (not owned; may be null).
    void setRequestQueue(RequestQueue *queue) { m_queue = queue; }

    void syncCatalog(std::function<void(Core::Result<CatalogReport>)> done = {});
    void syncCalendar(std::function<void(Core::Result<CalendarReport>)> done = {});

    /// The embedded calendar, with every year of the last synced platform calendar taken over.
    Core::WorkCalendar calendar() const;
    /// The last calendar document synced from the platform, if any.
    static Core::Result<QByteArray> storedCalendarDocument(Storage::Database &db);
    /// The stored ETag of "catalog" or "calendar", empty when none.
    QByteArray etag(const QString &resource) const;

signals:
    void catalogUpdated(const QString &catalogVersion, const QStringList &changedItems);
    void calendarUpdated(const QList<int> &years);
    void syncFailed(const Tongban::Core::Error &error);

private:
    struct SyncState
    {
        QByteArray etag;
        QString bodySha256;
    };
    SyncState state(const QString &resource) const;
    Core::Status saveState(const QString &resource, const QByteArray &etag,
        const QString &bodySha256, const QByteArray &body);
    void reportInvalidCatalog(const QString &bodySha256, const QString &diagnostics);

    Storage::Database &m_db;
    Catalog::CatalogStore &m_catalogs;
    Transport &m_transport;
    const Core::Clock &m_clock;
    QPointer<RequestQueue> m_queue;
};

} // namespace Tongban::Platform
