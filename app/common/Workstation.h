#pragma once

#include <catalog/CatalogStore.h>
#include <core/Clock.h>
#include <core/Result.h>
#include <security/AuditLog.h>
#include <storage/CaseStore.h>
#include <storage/Database.h>
#include <storage/PageStore.h>

#include <QString>

#include <memory>

namespace Tongban::App {

/*!
 * One workstation's local state, composed from the modules: the database with
 * every module's schema, the page store, the case store and the audit trail.
 *
 * Configuration comes from <dataDir>/tongban.conf (INI):
 *   [window] id=...   name=...     the service window this machine serves
 *   [ui]     language=zh_CN|en
 *
 * Belongs to the thread that opened it (the GUI thread in tongban).
 */
class Workstation
{
public:
    /// TONGBAN_DATA_DIR if set, else the per-user application data folder.
    static QString defaultDataDirectory();

    /// Every module schema the workstation database holds.
    static QList<Storage::MigrationSet> schema();

    /*!
     * Opens (creating on first run) the workstation in \a dataDir and sweeps
     * page files left unreferenced by an earlier crash (older than one hour).
     * \a clock defaults to the system clock; tests pass a ManualClock.
     * A workstation that has never received a catalogue gets the embedded
     * sample catalogue (see embeddedCatalogPath()).
     */
    static Core::Result<std::unique_ptr<Workstation>> open(
        const QString &dataDir, std::unique_ptr<Core::Clock> clock = {});

    QString dataDirectory() const { return m_dataDir; }
    QString windowId() const { return m_windowId; }
    QString windowName() const { return m_windowName; }
    QString configuredLanguage() const { return m_language; }

    const Core::Clock &clock() const { return *m_clock; }
    Storage::Database &database() { return *m_db; }
    Storage::PageStore &pages() { return *m_pages; }
    Storage::CaseStore &cases() { return *m_cases; }
    Security::AuditLog &audit() { return *m_audit; }
    Catalog::CatalogStore &catalogs() { return *m_catalogs; }

    /// Resource path of the sample catalogue shipped with the application.
    static QString embeddedCatalogPath();
    const Storage::SweepReport &startupSweep() const { return m_sweep; }

    /// Records an act of the workstation itself (not of a clerk) in the audit trail.
    void auditSystem(const QString &action, const QString &result, const QString &detail = {});

    qint64 pageCount() const;

private:
    Workstation() = default;

    QString m_dataDir;
    QString m_windowId;
    QString m_windowName;
    QString m_language;
    std::unique_ptr<Core::Clock> m_clock;
    std::unique_ptr<Storage::Database> m_db;
    std::unique_ptr<Storage::PageStore> m_pages;
    std::unique_ptr<Storage::CaseStore> m_cases;
    std::unique_ptr<Security::AuditLog> m_audit;
    std::unique_ptr<Catalog::CatalogStore> m_catalogs;
    Storage::SweepReport m_sweep;
};

} // namespace Tongban::App
