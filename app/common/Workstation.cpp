#include "Workstation.h"

#include <catalog/CatalogStore.h>
#include <platform/Outbox.h>
#include <storage/StorageSchema.h>

#include <QDir>
#include <QFile>
#include <QSettings>
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
        Platform::Outbox::schema() };
}

Core::Result<std::unique_ptr<Workstation>> Workstation::open(
    const QString &dataDir, std::unique_ptr<Core::Clock> clock)
{
    std::unique_ptr<Workstation> station(new Workstation);
    station->m_clock = clock ? std::move(clock) : std::make_unique<Core::SystemClock>();
    station->m_dataDir = QDir(dataDir).absolutePath();

    const QSettings settings(
        station->m_dataDir + QStringLiteral("/tongban.conf"), QSettings::IniFormat);
    station->m_windowId
        = settings.value(QStringLiteral("window/id"), QStringLiteral("demo-window")).toString();
    station->m_windowName = settings.value(QStringLiteral("window/name")).toString();
    station->m_language = settings.value(QStringLiteral("ui/language")).toString();

    auto db = Storage::Database::open(
        station->m_dataDir + QStringLiteral("/workstation.sqlite"), schema());
    if (!db)
        return db.error();
    station->m_db = std::move(db).value();
    station->m_pages = std::make_unique<Storage::PageStore>(
        *station->m_db, station->m_dataDir + QStringLiteral("/pages"), *station->m_clock);
    station->m_cases = std::make_unique<Storage::CaseStore>(*station->m_db, *station->m_clock);
    station->m_audit = std::make_unique<Security::AuditLog>(*station->m_db, *station->m_clock);

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

qint64 Workstation::pageCount() const
{
    QSqlQuery query(m_db->connection());
    if (query.exec(QStringLiteral("SELECT count(*) FROM pages")) && query.next())
        return query.value(0).toLongLong();
    return 0;
}

} // namespace Tongban::App
