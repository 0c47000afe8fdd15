#include "Workstation.h"

#include "CorrectionInbox.h"
#include "WindowSettings.h"

#include <catalog/CatalogStore.h>
#include <intake/DeliveryChoiceStore.h>
#include <platform/CatalogSync.h>
#include <platform/Outbox.h>
#include <platform/PlatformSchema.h>
#include <storage/StorageSchema.h>

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QStandardPaths>

namespace Tongban::App {

QString Workstation::defaultDataDirectory()
{
    const QString fromEnvironment = qEnvironmentVariable("TONGBAN_DATA_DIR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/tongban");
}

QString Workstation::embeddedCatalogPath()
{
    return QStringLiteral(":/tongban/catalog/pingdingshan-2026.json");
}

QList<Storage::MigrationSet> Workstation::schema()
{
    return { Storage::storageSchema(), Security::auditSchema(), Catalog::CatalogStore::schema(),
        Platform::platformSchema(), Intake::IntakeStore::schema(), Notices::NoticeStore::schema(),
        Intake::DeliveryChoiceStore::schema(), CorrectionInbox::schema() };
}

Core::Result<std::unique_ptr<Workstation>> Workstation::open(
    const QString &dataDir, std::unique_ptr<Core::Clock> clock)
{
    std::unique_ptr<Workstation> station(new Workstation);
    station->m_clock = clock ? std::move(clock) : std::make_unique<Core::SystemClock>();
    station->m_dataDir = QDir(dataDir).absolutePath();

    // The hall's file (/etc/xdg/tongban/tongban.conf), then the window's own over it.
    const WindowSettings settings = WindowSettings::load(station->m_dataDir);
    if (const Core::Status valid = settings.validate(); !valid)
        return valid.error();
    station->m_windowId
        = settings.value(QStringLiteral("window/id"), QStringLiteral("demo-window")).toString();
    station->m_windowName = settings.value(QStringLiteral("window/name")).toString();
    station->m_windowAddress = settings.value(QStringLiteral("window/address")).toString();
    station->m_windowPhone = settings.value(QStringLiteral("window/phone")).toString();
    station->m_hallName = settings.value(QStringLiteral("hall/name")).toString();
    station->m_evaluationUrl = settings.value(QStringLiteral("hall/evaluationUrl")).toString();
    station->m_language = settings.value(QStringLiteral("ui/language")).toString();
    station->m_windowCode = settings.value(QStringLiteral("window/code")).toString();
    if (station->m_windowCode.isEmpty()) {
        // 410402-tb-03 -> TB03
        const QStringList parts = station->m_windowId.split(QLatin1Char('-'));
        station->m_windowCode
            = parts.size() >= 3 ? QString(parts[1] + parts[2]).toUpper() : QStringLiteral("TB00");
    }
    station->m_regionCode = settings.value(QStringLiteral("window/region")).toString();
    if (station->m_regionCode.isEmpty())
        station->m_regionCode = station->m_windowId.section(QLatin1Char('-'), 0, 0);
    station->m_platformUrl = QUrl(settings.value(QStringLiteral("platform/url")).toString());
    station->m_platformCa = settings.value(QStringLiteral("platform/ca")).toString();
    station->m_printerName = settings.value(QStringLiteral("printer/name")).toString();
    // Same rule as Platform::Outbox::bandwidthLimitFromSettings (kbit/s -> bytes/s).
    const qint64 kbps = settings.value(QStringLiteral("platform/uploadLimitKbps")).toLongLong();
    station->m_uploadLimit = kbps > 0 ? kbps * 1000 / 8 : 0;
    station->m_idleLockMinutes
        = std::max(1, settings.value(QStringLiteral("security/idleLockMinutes"), 10).toInt());
    station->m_fakeDevices = settings.value(QStringLiteral("devices/fake"), false).toBool();
    station->m_missingSettings = settings.missing();

    auto db = Storage::Database::open(
        station->m_dataDir + QStringLiteral("/workstation.sqlite"), schema());
    if (!db)
        return db.error();
    station->m_db = std::move(db).value();
    station->m_pages = std::make_unique<Storage::PageStore>(
        *station->m_db, station->m_dataDir + QStringLiteral("/pages"), *station->m_clock);
    station->m_cases = std::make_unique<Storage::CaseStore>(*station->m_db, *station->m_clock);
    station->m_audit = std::make_unique<Security::AuditLog>(*station->m_db, *station->m_clock);
    station->m_intake = std::make_unique<Intake::IntakeStore>(
        *station->m_db, *station->m_cases, *station->m_pages, *station->m_audit, *station->m_clock);
    station->m_notices = std::make_unique<Notices::NoticeStore>(
        *station->m_db, *station->m_audit, *station->m_clock);

    station->m_catalogs
        = std::make_unique<Catalog::CatalogStore>(*station->m_db, *station->m_clock);
    if (!station->m_catalogs->activeVersion()) {
        QFile embedded(embeddedCatalogPath());
        if (embedded.open(QIODevice::ReadOnly)) {
            const auto imported = station->m_catalogs->import(embedded.readAll());
            station->auditSystem(QStringLiteral("catalog.import"),
                imported ? QStringLiteral("ok") : QStringLiteral("failed"),
                imported ? QStringLiteral("embedded sample catalogue %1")
                               .arg(imported->version.catalogVersion)
                         : imported.error().detail.left(500));
        }
    }

    station->reloadCalendar();

    // Data at rest is the clerk's account's only (the database sees to its own files). The
    // folder itself may have been made by IT under another owner: then only a warning.
    if (auto kept = Storage::FileSystem::system().makePrivate(
            station->m_dataDir, Storage::FileSystem::Depth::Entry);
        !kept)
        qWarning("data folder left as it is: %s", qPrintable(kept.error().detail));
    if (auto kept = station->m_pages->keepPrivate(); !kept)
        return kept.error();
    auto sweep = station->m_pages->sweep(std::chrono::hours(1));
    if (!sweep)
        return sweep.error();
    station->m_sweep = *sweep;
    return station;
}

void Workstation::auditSystem(const QString &action, const QString &result, const QString &detail)
{
    Security::AuditEntry entry;
    entry.clerk = QStringLiteral("system");
    entry.window = m_windowId;
    entry.action = action;
    entry.object = QStringLiteral("workstation");
    entry.result = result;
    entry.detail = detail;
    if (const auto appended = m_audit->append(entry); !appended)
        qWarning("audit record not written: %s", qPrintable(appended.error().toString()));
}

int Workstation::reloadCalendar()
{
    m_calendar = Core::WorkCalendar::embedded();
    if (const auto stored = Platform::CatalogSync::storedCalendarDocument(*m_db)) {
        if (const auto platform = Core::WorkCalendar::fromJson(*stored))
            m_calendar = m_calendar.withYearsFrom(*platform);
        else
            qWarning("platform calendar in the database unreadable: %s",
                qPrintable(platform.error().detail.left(300)));
    }
    const auto recomputed = m_intake->recomputeProvisionalMailingDueDates(m_calendar);
    if (!recomputed) {
        auditSystem(QStringLiteral("calendar.recompute"), QStringLiteral("failed"),
            recomputed.error().detail.left(300));
        return 0;
    }
    return *recomputed;
}

Intake::IntakeStore::Window Workstation::intakeWindow() const
{
    return { m_windowId, m_windowCode, m_regionCode };
}

qint64 Workstation::pageCount() const
{
    QSqlQuery query(m_db->connection());
    if (query.exec(QStringLiteral("SELECT count(*) FROM pages")) && query.next())
        return query.value(0).toLongLong();
    return 0;
}

} // namespace Tongban::App
