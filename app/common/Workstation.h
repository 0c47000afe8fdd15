#pragma once

#include <catalog/CatalogStore.h>
#include <core/Clock.h>
#include <core/Result.h>
#include <core/WorkCalendar.h>
#include <intake/IntakeStore.h>
#include <notices/NoticeStore.h>
#include <security/AuditLog.h>
#include <storage/CaseStore.h>
#include <storage/Database.h>
#include <storage/PageStore.h>

#include <QString>
#include <QUrl>

#include <memory>

namespace Tongban::App {

/*!
 * One workstation's local state, composed from the modules: the database with
 * every module's schema, the page store, the case store and the audit trail.
 *
 * Configuration comes from the hall's file /etc/xdg/tongban/tongban.conf (any folder of
 * $XDG_CONFIG_DIRS), then <dataDir>/tongban.conf over it (see WindowSettings); a wrong
 * value fails open() with a message naming the key and the file. Keys (INI):
 *   [hall]     name=...               the service hall
 *   [window]   id=...  name=...  code=TB03  region=410402
 *                                     the service window this machine serves
 *              address=...  phone=... printed on notices: where and how the applicant
 *                                     reaches the window
 *   [ui]       language=zh_CN|en
 *   [platform] url=https://...        the unified acceptance platform (tongban-hub)
 *              ca=<PEM file>          extra certificate authority (private platform CA)
 *              uploadLimitKbps=20000  cap on uploads in kilobits per second (absent or 0:
 *                                     none), for a hall line shared with other traffic
 *   [security] idleLockMinutes=10     lock the window after this long without input
 *   [devices]  fake=true              simulated devices only (demo, training)
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
    /// [window] address and phone, printed on notices for the applicant (may be empty).
    QString windowAddress() const { return m_windowAddress; }
    QString windowPhone() const { return m_windowPhone; }
    QString configuredLanguage() const { return m_language; }
    /// [hall] name, usually from the hall's file (may be empty).
    QString hallName() const { return m_hallName; }
    /// [hall] evaluationUrl: the provincial 好差评 address printed with the case number (issue 17).
    QString evaluationUrl() const { return m_evaluationUrl; }
    /// Settings a working window needs that are not set, each naming the key and the file.
    QStringList missingSettings() const { return m_missingSettings; }
    /// Short window code printed in numbers (TB03); from the id when not configured.
    QString windowCode() const { return m_windowCode; }
    /// Administrative code of the window's jurisdiction (410402).
    QString regionCode() const { return m_regionCode; }
    QUrl platformUrl() const { return m_platformUrl; }
    QString platformCaFile() const { return m_platformCa; }
    /// [printer] name: the window's printer; empty for the system's default printer.
    QString printerName() const { return m_printerName; }
    /// [platform] uploadLimitKbps in bytes per second; 0 = no cap.
    qint64 uploadLimitBytesPerSecond() const { return m_uploadLimit; }
    int idleLockMinutes() const { return m_idleLockMinutes; }
    bool fakeDevices() const { return m_fakeDevices; }

    const Core::Clock &clock() const { return *m_clock; }
    /*!
     * The working-day calendar in force, used for every deadline, Today, the
     * status bar and tongban-cli: the built-in years, with the years of the
     * platform's calendar (the last one synced, kept in the database, so it holds
     * offline) in their place or added. The reference stays valid; its value
     * changes only in reloadCalendar().
     */
    const Core::WorkCalendar &calendar() const { return m_calendar; }
    /*!
     * Reads the platform's calendar again (after a sync; open() does it once)
     * and recomputes the provisional mailing deadlines it now settles, with an
     * audit record. Returns how many deadlines changed.
     */
    int reloadCalendar();
    Storage::Database &database() { return *m_db; }
    Storage::PageStore &pages() { return *m_pages; }
    Storage::CaseStore &cases() { return *m_cases; }
    Security::AuditLog &audit() { return *m_audit; }
    Catalog::CatalogStore &catalogs() { return *m_catalogs; }
    Intake::IntakeStore &intake() { return *m_intake; }
    Notices::NoticeStore &notices() { return *m_notices; }
    /// The window as the intake module numbers cases.
    Intake::IntakeStore::Window intakeWindow() const;

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
    QString m_windowAddress;
    QString m_windowPhone;
    QString m_language;
    QString m_hallName;
    QString m_evaluationUrl;
    QStringList m_missingSettings;
    QString m_windowCode;
    QString m_regionCode;
    QUrl m_platformUrl;
    qint64 m_uploadLimit = 0;
    QString m_platformCa;
    QString m_printerName;
    int m_idleLockMinutes = 10;
    bool m_fakeDevices = false;
    std::unique_ptr<Core::Clock> m_clock;
    Core::WorkCalendar m_calendar;
    std::unique_ptr<Storage::Database> m_db;
    std::unique_ptr<Storage::PageStore> m_pages;
    std::unique_ptr<Storage::CaseStore> m_cases;
    std::unique_ptr<Security::AuditLog> m_audit;
    std::unique_ptr<Catalog::CatalogStore> m_catalogs;
    std::unique_ptr<Intake::IntakeStore> m_intake;
    std::unique_ptr<Notices::NoticeStore> m_notices;
    Storage::SweepReport m_sweep;
};

} // namespace Tongban::App
