#pragma once

#include "HubConfig.h"
#include "http/HttpTypes.h"

#include <core/Result.h>

#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QThreadPool;

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

struct AuthContext;
class AccountService;
class CallOversight;
class CallService;
class CaseService;
class CaseRoutes;
class GuideReportService;
class GuideReportRoutes;
class IdempotencyStore;
class MailingService;
class MailingRoutes;
class CatalogueService;
class CatalogueRoutes;
class CalendarService;
class CalendarRoutes;
class EventService;
class HubHttpServer;
class SerialBlockService;
class SerialBlockRoutes;
class RecordingService;
class UploadService;
class UploadRoutes;
class RateLimiter;
class Secrets;
class DeadlineService;
class CorrectionService;
class SmsService;
class DeliveryService;
class StatsService;
class LineTestService;
// The audit trail (issue 17).
class AuditStore;
class AuditService;
class AuditRoutes;
// calls/ (issue 13: presence apart from the call state machine; stores and routes)
class CallStore;
class CallOversightStore;
class CallRoutes;
class PresenceService;
class PresenceStore;
// diag/ (issue 13)
class LineTestRoutes;
class LineTestStore;
// accounts/ and events/ (issue 13)
class AccountRoutes;
class AccountStore;
// recordings/ (issue 13)
class RecordingRoutes;
class RecordingStore;

/*!
 * The platform hub: one data directory (hub.db in WAL mode with
 * synchronous=FULL, files/uploads, files/results), the services of the
 * contract, and the router that maps an HttpRequest to an HttpResponse.
 *
 * handle() is a plain function of the request and the stored state, so
 * tests and fuzz targets can call it without a socket; listen() puts it on
 * the network (HTTP on loopback only, otherwise HTTPS).
 *
 * Threading: everything runs on the thread that created the Hub.
 */
class Hub : public QObject
{
    Q_OBJECT
public:
    ~Hub() override;

    static Core::Result<std::unique_ptr<Hub>> create(const HubConfig &config);

    HttpResponse handle(const HttpRequest &request);
    /*!
     * Answers \a request through \a respond, on this thread: at once, or for a sign-in once
     * its password hash (run on a worker thread) is done. What the HTTP layer calls.
     */
    void handleAsync(HttpRequest request, std::function<void(HttpResponse)> respond);
    /// The largest body a route takes (checked before the body is read, issue 13).
    static qint64 bodyLimit(const QByteArray &method, const QString &path);

    /*!
     * Listens on \a address:\a port (0: any free port) and returns the port.
     * Without \a certFile/\a keyFile the address must be loopback (plain HTTP).
     */
    Core::Result<quint16> listen(const QHostAddress &address, quint16 port,
        const QString &certFile = {}, const QString &keyFile = {});

    AccountService &accounts() { return *m_accounts; }
    CaseService &cases() { return *m_cases; }
    EventService &events() { return *m_events; }
    CallService &calls() { return *m_calls; }
    PresenceService &presence() { return *m_presence; }
    CalendarService &calendar() { return *m_calendar; }
    RecordingService &recordings() { return *m_recordings; }
    Storage::Database &database() { return *m_database; }
    /// The key for personal data at rest: seal/open, lookupHash (security/Secrets.h).
    const Secrets &secrets() const { return *m_secrets; }
    DeadlineService &deadlines() { return *m_deadlines; } ///< issue 17
    CorrectionService &corrections() { return *m_corrections; } ///< issue 17
    SmsService &sms() { return *m_sms; }
    DeliveryService &delivery() { return *m_delivery; }
    StatsService &stats() { return *m_stats; }
    AuditService &audit() { return *m_audit; } ///< issue 17: the hash-chained audit trail
    const HubConfig &config() const { return m_config; }

private:
    explicit Hub(const HubConfig &config);
    HttpResponse route(const HttpRequest &request);
    /// What every answer gets: WWW-Authenticate on 401, Tus-Resumable, Date.
    HttpResponse finish(const HttpRequest &request, HttpResponse response);
    HttpResponse routeAuthenticated(const HttpRequest &request, const AuthContext &context);
    /// The sink a tus PATCH's body streams into once its head is accepted (issue 13).
    std::unique_ptr<BodySink> openBodyStream(
        const HttpRequest &head, std::optional<HttpResponse> *refusal);
    /// Results delivery, ratings, statistics, guide report answers (issue 17); nullopt: not theirs.
    std::optional<HttpResponse> routeDelivery(
        const HttpRequest &request, const AuthContext &context);

    HubConfig m_config;
    std::unique_ptr<Core::Clock> m_ownClock;
    std::unique_ptr<Storage::Database> m_database;
    std::unique_ptr<Secrets> m_secrets;
    std::unique_ptr<AccountService> m_accounts;
    std::unique_ptr<CatalogueService> m_catalogue;
    std::unique_ptr<CatalogueRoutes> m_catalogueRoutes; ///< catalogue/: HTTP side (issue 13)
    std::unique_ptr<CalendarService> m_calendar;
    std::unique_ptr<CalendarRoutes> m_calendarRoutes; ///< calendar/: HTTP side (issue 13)
    std::unique_ptr<UploadService> m_uploads;
    std::unique_ptr<UploadRoutes> m_uploadRoutes; ///< tus/: the HTTP side of m_uploads (issue 13)
    std::unique_ptr<CaseService> m_cases;
    std::unique_ptr<CaseRoutes> m_caseRoutes; ///< cases/: the HTTP side of m_cases (issue 13)
    std::unique_ptr<MailingService> m_mailings;
    std::unique_ptr<MailingRoutes> m_mailingRoutes; ///< mailings/: HTTP side (issue 13)
    std::unique_ptr<GuideReportService> m_reports;
    std::unique_ptr<GuideReportRoutes> m_reportRoutes; ///< reports/: HTTP side (issue 13)
    std::unique_ptr<IdempotencyStore> m_idempotency;
    std::unique_ptr<SerialBlockService> m_serials;
    std::unique_ptr<SerialBlockRoutes> m_serialRoutes; ///< serials/: HTTP side (issue 13)
    std::unique_ptr<RecordingService> m_recordings;
    std::unique_ptr<DeadlineService> m_deadlines; ///< issue 17
    std::unique_ptr<CorrectionService> m_corrections; ///< issue 17
    /// Deadlines and corrections (issue 17): its routes, nullopt for any other path.
    std::optional<HttpResponse> routeAfterWindow(
        const HttpRequest &request, const QStringList &parts, const AuthContext &context);
    std::unique_ptr<CallOversight> m_oversight; ///< office hours, escalations, report, ICE
    EventService *m_events = nullptr; // child QObject
    CallService *m_calls = nullptr; // child QObject
    HubHttpServer *m_server = nullptr; // child QObject
    SmsService *m_sms = nullptr; // child QObject (issue 17)
    std::unique_ptr<DeliveryService> m_delivery;
    std::unique_ptr<StatsService> m_stats;
    std::unique_ptr<RateLimiter> m_caseCreations;
    std::unique_ptr<QThreadPool> m_hashPool; ///< sign-in PBKDF2, created at the first sign-in
    std::unique_ptr<LineTestService> m_lineTests; ///< /api/v1/diag (issue 16)
    // The audit trail (issue 17): its store, service and routes (observe() in finish()).
    std::unique_ptr<AuditStore> m_auditStore;
    std::unique_ptr<AuditService> m_audit;
    std::unique_ptr<AuditRoutes> m_auditRoutes;
    qint64 m_holdMs = 0; ///< how long handleAsync keeps back the answer route() just gave
    // calls/ (issue 13): the stores of calls, presence and oversight, presence apart from the
    // call state machine, and their routes.
    std::unique_ptr<CallStore> m_callStore;
    std::unique_ptr<PresenceStore> m_presenceStore;
    std::unique_ptr<CallOversightStore> m_oversightStore;
    PresenceService *m_presence = nullptr; // child QObject
    std::unique_ptr<CallRoutes> m_callRoutes;
    // diag/ (issue 13): the line check's in-memory store and its routes.
    std::unique_ptr<LineTestStore> m_lineTestStore;
    std::unique_ptr<LineTestRoutes> m_lineTestRoutes;
    // accounts/ (issue 13): accounts, windows and sessions' store and routes.
    std::unique_ptr<AccountStore> m_accountStore;
    std::unique_ptr<AccountRoutes> m_accountRoutes;
    // recordings/ (issue 13): recordings' store (SQL and files) and routes.
    std::unique_ptr<RecordingStore> m_recordingStore;
    std::unique_ptr<RecordingRoutes> m_recordingRoutes;
};

} // namespace Tongban::Hub
