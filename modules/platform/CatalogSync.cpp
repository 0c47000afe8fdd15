#include "CatalogSync.h"

#include "ApiParsing.h"
#include "Logging.h"
#include "PlatformErrors.h"
#include "RequestQueue.h"
#include "Tr.h"

#include <catalog/CatalogParser.h>
#include <core/Alive.h>
#include <core/Hash.h>

#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace Tongban::Platform {

namespace {

const QString kCatalog = QStringLiteral("catalog");
const QString kCalendar = QStringLiteral("calendar");

// Names the guide report of one broken document: the same document is reported once.
const QUuid kReportNamespace(QStringLiteral("{5b0e6f3a-7c1d-4e55-9a59-1f3b2b7a9c11}"));

QStringList changedItemCodes(const Catalog::CatalogDiff &diff)
{
    QStringList codes;
    for (const Catalog::ItemChange &change : diff.items)
        codes.append(change.itemCode);
    return codes;
}

} // namespace

CatalogSync::CatalogSync(Storage::Database &db, Catalog::CatalogStore &catalogs,
    Transport &transport, const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_catalogs(catalogs)
    , m_transport(transport)
    , m_clock(clock)
{ }

CatalogSync::SyncState CatalogSync::state(const QString &resource) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT etag, body_sha256 FROM platform_sync WHERE resource = ?"));
    query.addBindValue(resource);
    SyncState state;
    if (query.exec() && query.next()) {
        state.etag = query.value(0).toString().toLatin1();
        state.bodySha256 = query.value(1).toString();
    }
    return state;
}

QByteArray CatalogSync::etag(const QString &resource) const
{
    return state(resource).etag;
}

Core::Status CatalogSync::saveState(const QString &resource, const QByteArray &etag,
    const QString &bodySha256, const QByteArray &body)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO platform_sync (resource, etag, body_sha256, body, updated_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT(resource) DO UPDATE SET etag = excluded.etag,"
        " body_sha256 = excluded.body_sha256, body = excluded.body,"
        " updated_at = excluded.updated_at"));
    query.addBindValue(resource);
    query.addBindValue(etag.isEmpty() ? QVariant() : QVariant(QString::fromLatin1(etag)));
    query.addBindValue(bodySha256);
    query.addBindValue(body.isNull() ? QVariant() : QVariant(body));
    query.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("sync state"));
    return {};
}

void CatalogSync::syncCatalog(std::function<void(Core::Result<CatalogReport>)> done)
{
    const SyncState known = state(kCatalog);
    const auto active = m_catalogs.activeVersion();
    ApiRequest request;
    request.path = QStringLiteral("/catalog");
    request.timeoutMs = 120000;
    // The ETag stands for the document synced last; only while that document is the one in
    // force does "not modified" mean there is nothing to do.
    if (!known.etag.isEmpty() && active && active->sha256 == known.bodySha256)
        request.headers.append({ QByteArrayLiteral("If-None-Match"), known.etag });
    Core::Alive<CatalogSync> self(this);
    const auto finish = [self, done](Core::Result<CatalogReport> result) {
        if (!self)
            return;
        if (!result)
            emit self->syncFailed(result.error());
        else if (result->outcome == Outcome::Updated)
            emit self->catalogUpdated(result->catalogVersion, result->changedItems);
        if (done)
            done(std::move(result));
    };
    m_transport.send(request, [self, finish](Core::Result<ApiResponse> response) {
        if (!self)
            return;
        const auto ok = requireSuccess(std::move(response));
        if (!ok)
            return finish(ok.error());
        CatalogReport report;
        if (ok->status == 304) {
            report.outcome = Outcome::NotModified;
            if (const auto current = self->m_catalogs.activeVersion())
                report.catalogVersion = current->catalogVersion;
            return finish(report);
        }
        if (ok->status != 200)
            return finish(Core::Error { InvalidResponse,
                Tr::tr("The platform sent an answer this workstation cannot read. Try again "
                       "later; if it keeps happening, call the hall's IT staff."),
                QString(QStringLiteral("GET /catalog answered ") + QString::number(ok->status)) });
        const QByteArray body = ok->body;
        const QString bodySha = Core::sha256Hex(body);
        Catalog::ParseOutcome outcome;
        Core::Result<Catalog::ImportReport> imported = Core::Error {};
        const Core::Status stored = self->m_db.transaction([&]() -> Core::Status {
            imported = self->m_catalogs.import(body, &outcome);
            if (!imported)
                return imported.error();
            return self->saveState(kCatalog, ok->header(QByteArrayLiteral("ETag")), bodySha, {});
        });
        if (!stored) {
            if (!outcome.ok() && !outcome.diagnostics.isEmpty()) {
                const QString diagnostics = outcome.report();
                qCWarning(lcPlatform).noquote()
                    << "catalogue from the platform refused:" << outcome.errorCount()
                    << "errors; the catalogue in force stays";
                self->reportInvalidCatalog(bodySha, diagnostics);
                return finish(Core::Error { CatalogInvalid,
                    Tr::tr("The catalogue sent by the platform is invalid and was not used; the "
                           "catalogue in force stays in force. The platform has been told. If "
                           "it keeps happening, call the hall's IT staff."),
                    QString(QStringLiteral("catalogue sha256 ") + bodySha + QLatin1Char('\n')
                        + diagnostics.left(4000)) });
            }
            return finish(stored.error());
        }
        report.outcome = Outcome::Updated;
        report.import = *imported;
        report.catalogVersion = imported->version.catalogVersion;
        report.changedItems = changedItemCodes(imported->changes);
        qCInfo(lcPlatform).noquote() << "catalogue" << report.catalogVersion << "synced,"
                                     << report.changedItems.size() << "items changed";
        finish(report);
    });
}

void CatalogSync::reportInvalidCatalog(const QString &bodySha256, const QString &diagnostics)
{
    if (!m_queue)
        return;
    GuideReport report;
    report.clientReportId
        = QUuid::createUuidV5(kReportNamespace, bodySha256).toString(QUuid::WithoutBraces);
    report.kind = QStringLiteral("catalog_invalid");
    report.text = QString(QStringLiteral("catalogue sha256 ") + bodySha256
        + QStringLiteral(" refused by the workstation:\n") + diagnostics.left(3000));
    if (const Core::Status s = m_queue->enqueueGuideReport(report); !s)
        qCWarning(lcPlatform).noquote() << "catalog_invalid report not queued:" << s.error().detail;
}

void CatalogSync::syncCalendar(std::function<void(Core::Result<CalendarReport>)> done)
{
    const SyncState known = state(kCalendar);
    ApiRequest request;
    request.path = QStringLiteral("/calendar");
    if (!known.etag.isEmpty())
        request.headers.append({ QByteArrayLiteral("If-None-Match"), known.etag });
    Core::Alive<CatalogSync> self(this);
    const auto finish = [self, done](Core::Result<CalendarReport> result) {
        if (!self)
            return;
        if (!result)
            emit self->syncFailed(result.error());
        else if (result->outcome == Outcome::Updated)
            emit self->calendarUpdated(result->years);
        if (done)
            done(std::move(result));
    };
    m_transport.send(request, [self, finish](Core::Result<ApiResponse> response) {
        if (!self)
            return;
        const auto ok = requireSuccess(std::move(response));
        if (!ok)
            return finish(ok.error());
        CalendarReport report;
        if (ok->status == 304) {
            report.outcome = Outcome::NotModified;
            if (const auto stored = storedCalendarDocument(self->m_db)) {
                if (const auto calendar = Core::WorkCalendar::fromJson(*stored))
                    report.years = calendar->years();
            }
            return finish(report);
        }
        const auto calendar = Core::WorkCalendar::fromJson(ok->body);
        if (!calendar) {
            qCWarning(lcPlatform).noquote()
                << "calendar from the platform refused:" << calendar.error().detail;
            return finish(Core::Error { InvalidResponse,
                Tr::tr("The working-day calendar sent by the platform is invalid and was not "
                       "used; the calendar in force stays in force."),
                calendar.error().detail });
        }
        if (const Core::Status s = self->saveState(kCalendar, ok->header(QByteArrayLiteral("ETag")),
                Core::sha256Hex(ok->body), ok->body);
            !s)
            return finish(s.error());
        report.outcome = Outcome::Updated;
        report.years = calendar->years();
        finish(report);
    });
}

Core::Result<QByteArray> CatalogSync::storedCalendarDocument(Storage::Database &db)
{
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral("SELECT body FROM platform_sync WHERE resource = ?"));
    query.addBindValue(kCalendar);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("stored calendar"));
    if (!query.next() || query.value(0).isNull())
        return Core::Error { NotFound, Tr::tr("No calendar has been received from the platform."),
            QStringLiteral("platform_sync: no calendar") };
    return query.value(0).toByteArray();
}

Core::WorkCalendar CatalogSync::calendar() const
{
    const Core::WorkCalendar &embedded = Core::WorkCalendar::embedded();
    const auto stored = storedCalendarDocument(m_db);
    if (!stored)
        return embedded;
    const auto synced = Core::WorkCalendar::fromJson(*stored);
    return synced ? embedded.withYearsFrom(*synced) : embedded;
}

} // namespace Tongban::Platform
