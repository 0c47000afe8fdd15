#pragma once

#include "corrections/IdentityHash.h"
#include "http/HttpTypes.h"

#include <core/Clock.h>
#include <storage/Migration.h>

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

    static Storage::MigrationSet schema();

    CorrectionService(Storage::Database &database, const Core::Clock &clock,
        const CatalogueService &catalogue, const CalendarService &calendar, UploadService &uploads,
        IdentityHash hash);

    HttpResponse request(
        const QString &caseId, const QJsonObject &body, const AuthContext &context);
    HttpResponse current(const QString &caseId, const AuthContext &context) const;
    /// POST /cases/{caseId}/correction-pages: pages of the listed materials, declared like
    /// a case's (§5), attached to the same case; uploaded with tus although it is submitted.
    HttpResponse addPages(
        const QString &caseId, const QJsonObject &body, const AuthContext &context);
    /// POST /cases/{caseId}/correction-pages/submit: every page there and whole; the request
    /// is answered, the home windows get case.corrected and the acceptance clock restarts.
    HttpResponse finishPages(const QString &caseId, const AuthContext &context);
    HttpResponse registerNotice(const QJsonObject &body, const AuthContext &context);
    HttpResponse lookup(const QUrlQuery &query, const AuthContext &context);
    /// Case bodies are sealed at rest (issue 13): opened with these.
    void setSecrets(const Secrets *secrets) { m_secrets = secrets; }

    /// The serial in the text of a notice's QR code ("<platform>/n/<serial>" or the serial).
    static QString serialOfQrText(const QString &text);

private:
    struct OpenRequest
    {
        QString id, windowId, jurisdiction, caseNumber, itemCode;
        QStringList materials;
    };
    std::optional<OpenRequest> openRequest(
        const QString &caseId, const AuthContext &context, HttpResponse *error) const;

    Storage::Database &m_database;
    const Core::Clock &m_clock;
    const CatalogueService &m_catalogue;
    const CalendarService &m_calendar;
    UploadService &m_uploads;
    IdentityHash m_hash;
    const Secrets *m_secrets = nullptr;
};

} // namespace Tongban::Hub
