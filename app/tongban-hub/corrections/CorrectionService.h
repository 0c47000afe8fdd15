#pragma once

#include "HubErrors.h"
#include "corrections/CorrectionStore.h"
#include "corrections/IdentityHash.h"

#include <core/Clock.h>
#include <core/Result.h>
#include <storage/Migration.h>

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

struct AuthContext;
class CalendarService;
class CatalogueService;
class Secrets;
class UploadService;

/*!
 * Corrections (000 第二十条, issue 17), module hub_corrections:
 *
 * - A home department asks the application window for a correction of a submitted,
 *   undecided case: deficiencies chosen from the catalogue's standard reasons only
 *   (material and deficiency code), the ways to correct and a deadline
 *   (POST /cases/{caseId}/correction-request). The application window gets the event
 *   case.correctionRequested and prints it as a one-time notice.
 * - A one-time notice issued at a window is registered (POST /notices): serial,
 *   catalogue version, item, deficiencies, the keyed hash of the applicant's identity
 *   number (IdentityHash; the number is never stored), window and clerk. Any window of
 *   the city finds it by serial, by the text of its QR code or by the identity number
 *   (GET /notices), at most kMaxLookupResults, every lookup audited in hub_notice_lookups.
 *
 * Same thread as the Database.
 */
class CorrectionService
{
public:
    static constexpr int kMaxLookupResults = 10;

    /// Its errors (HubError::Corrections); corrections/CorrectionRoutes maps them to the
    /// contract's statuses and codes (§14).
    enum ErrorCode {
        NotFound = HubError::Corrections + 1, ///< 404 not_found
        Forbidden = HubError::Corrections + 2, ///< 403 forbidden
        Invalid = HubError::Corrections + 3, ///< 422 validation_failed (detail: the problems)
        UnknownItem = HubError::Corrections + 4, ///< 404 unknown_item
        CaseDecided = HubError::Corrections + 5, ///< 409 case_decided
        CorrectionPending = HubError::Corrections + 6, ///< 409 correction_pending
        NoCorrectionRequest = HubError::Corrections + 7, ///< 409 no_correction_request
        PagesMissing = HubError::Corrections + 8, ///< 409 pages_missing
        HashMismatch = HubError::Corrections + 9, ///< 409 hash_mismatch
        NoticeConflict = HubError::Corrections + 10, ///< 409 idempotency_conflict
        Failed = HubError::Corrections + 11, ///< 500
    };

    static Storage::MigrationSet schema();
    /// Corrections at another hall (§14.4): the grants given with found notices and the
    /// windows that added pages with them (module hub_correction_grants).
    static Storage::MigrationSet anyHallSchema();

    CorrectionService(Storage::Database &database, const Core::Clock &clock,
        const CatalogueService &catalogue, const CalendarService &calendar, UploadService &uploads,
        IdentityHash hash);

    /// A home department's request for correction: the event object it stores (§14.2).
    Core::Result<QJsonObject> request(
        const QString &caseId, const QJsonObject &body, const AuthContext &context);
    /// The latest request of \a caseId with its state.
    Core::Result<QJsonObject> current(const QString &caseId, const AuthContext &context) const;
    /// Pages of the listed materials, declared like a case's (§5), attached to the same case;
    /// uploaded with tus although it is submitted. The application window, or another window
    /// of the city presenting the body's "grant" it got with the notice it found (§14.4).
    Core::Result<QJsonObject> addPages(
        const QString &caseId, const QJsonObject &body, const AuthContext &context);
    /// Every page there and whole; the request is answered, the home windows get
    /// case.corrected and the acceptance clock restarts; corrected at another hall (with
    /// \a grant), the application window gets case.corrected too.
    Core::Result<QJsonObject> finishPages(
        const QString &caseId, const AuthContext &context, const QString &grant = {});
    struct Registered
    {
        QString serial;
        bool created = false; ///< false: the same notice registered before
    };
    Core::Result<Registered> registerNotice(const QJsonObject &body, const AuthContext &context);
    /// Notices found \a by serial, qr or idNumber (\a value), audited.
    Core::Result<QJsonArray> lookup(
        const QString &by, const QString &value, const AuthContext &context);
    /// Case bodies are sealed at rest (issue 13): opened with these.
    void setSecrets(const Secrets *secrets) { m_secrets = secrets; }

    /// The serial in the text of a notice's QR code ("<platform>/n/<serial>" or the serial).
    static QString serialOfQrText(const QString &text);

private:
    struct OpenRequest
    {
        QString id, windowId, jurisdiction, caseNumber, itemCode;
        QStringList materials;
        QString grantSha256, serial; ///< at another hall: the grant presented, its notice
    };
    Core::Result<OpenRequest> openRequest(
        const QString &caseId, const AuthContext &context, const QString &grant) const;
    /// A grant for \a context's window to correct the case of \a notice at this hall, if the
    /// notice answers an open request of a case of another window (§14.4).
    Core::Result<QString> grantFor(
        const CorrectionStore::Notice &notice, const QString &by, const AuthContext &context);

    CorrectionStore m_store;
    Storage::Database &m_database; ///< for EventService and the applicant's SMS in transactions
    const Core::Clock &m_clock;
    const CatalogueService &m_catalogue;
    const CalendarService &m_calendar;
    UploadService &m_uploads;
    IdentityHash m_hash;
    const Secrets *m_secrets = nullptr;
};

} // namespace Tongban::Hub
