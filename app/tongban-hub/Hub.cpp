#include "Hub.h"

#include "HubErrors.h"
#include "HubSchema.h"
#include "Logging.h"
#include "accounts/AccountRoutes.h"
#include "accounts/AccountService.h"
#include "audit/AuditRoutes.h"
#include "audit/AuditService.h"
#include "audit/AuditStore.h"
#include "calendar/CalendarRoutes.h"
#include "accounts/AccountStore.h"
#include "calendar/CalendarService.h"
#include "calls/CallOversight.h"
#include "calls/CallOversightStore.h"
#include "calls/CallRoutes.h"
#include "calls/CallService.h"
#include "cases/CaseRoutes.h"
#include "calls/CallStore.h"
#include "calls/PresenceService.h"
#include "calls/PresenceStore.h"
#include "cases/CaseService.h"
#include "catalogue/CatalogueRoutes.h"
#include "catalogue/CatalogueService.h"
#include "corrections/CorrectionRoutes.h"
#include "corrections/CorrectionService.h"
#include "deadlines/DeadlineRoutes.h"
#include "deadlines/DeadlineService.h"
#include "delivery/DeliveryService.h"
#include "diag/LineTestRoutes.h"
#include "diag/LineTestService.h"
#include "diag/LineTestStore.h"
#include "events/EventService.h"
#include "http/HubHttpServer.h"
#include "http/IdempotencyStore.h"
#include "http/RateLimiter.h"
#include "mailings/MailingRoutes.h"
#include "mailings/MailingService.h"
#include "recordings/RecordingRoutes.h"
#include "recordings/RecordingService.h"
#include "reports/GuideReportRoutes.h"
#include "recordings/RecordingStore.h"
#include "reports/GuideReportService.h"
#include "security/Secrets.h"
#include "serials/SerialBlockRoutes.h"
#include "serials/SerialBlockService.h"
#include "sms/SmsService.h"
#include "stats/StatsService.h"
#include "tus/UploadRoutes.h"
#include "tus/UploadService.h"

#include <storage/Database.h>
#include <storage/FileSystem.h>

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslKey>
#include <QThreadPool>
#include <QTimer>
#include <QWebSocket>
#include <QtConcurrent>

namespace Tongban::Hub {

namespace {

const QString ApiPrefix = QStringLiteral("/api/v1");

HttpResponse notFound(const QString &path)
{
    return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("接口不存在"), path);
}

HttpResponse methodNotAllowed(const QByteArray &method)
{
    return errorResponse(405, QStringLiteral("bad_request"), QStringLiteral("请求方法不支持"),
        QString::fromLatin1(method));
}

} // namespace

Hub::Hub(const HubConfig &config)
    : m_config(config)
{ }

Hub::~Hub()
{
    // A connection still streaming an upload writes to the services on its way out.
    delete m_server;
    m_server = nullptr;
}

namespace {

/// A streamed body's answer gets what every answer gets (Hub::finish).
class FinishingSink : public BodySink
{
public:
    FinishingSink(std::unique_ptr<BodySink> inner, std::function<HttpResponse(HttpResponse)> finish)
        : m_inner(std::move(inner))
        , m_finish(std::move(finish))
    { }
    bool write(QByteArrayView data) override { return m_inner->write(data); }
    HttpResponse finish() override { return m_finish(m_inner->finish()); }
    void abort() override { m_inner->abort(); }

private:
    std::unique_ptr<BodySink> m_inner;
    std::function<HttpResponse(HttpResponse)> m_finish;
};

} // namespace

std::unique_ptr<BodySink> Hub::openBodyStream(
    const HttpRequest &head, std::optional<HttpResponse> *refusal)
{
    // Only a tus PATCH streams (§6); every other body is buffered under its route's cap.
    static const QString prefix = QStringLiteral("/api/v1/uploads/");
    if (head.method != "PATCH" || !head.path.startsWith(prefix))
        return nullptr;
    const QString uploadId = head.path.mid(prefix.size());
    const auto refuse = [&](HttpResponse response) {
        *refusal = finish(head, std::move(response));
        return nullptr;
    };
    if (uploadId.isEmpty() || uploadId.contains(QLatin1Char('/')))
        return refuse(notFound(head.path));
    if (head.header(QByteArrayLiteral("Tus-Resumable")) != QByteArrayLiteral("1.0.0"))
        return refuse(route(head)); // the router's 412
    HttpResponse error;
    const auto context = m_accountRoutes->authenticate(head, &error);
    if (!context)
        return refuse(error);
    auto begun = m_uploadRoutes->beginPatch(head, uploadId, *context);
    if (auto *answer = std::get_if<HttpResponse>(&begun))
        return refuse(*answer);
    return std::make_unique<FinishingSink>(std::move(std::get<std::unique_ptr<BodySink>>(begun)),
        [this, head](HttpResponse response) { return finish(head, std::move(response)); });
}

Core::Result<std::unique_ptr<Hub>> Hub::create(const HubConfig &config)
{
    std::unique_ptr<Hub> hub(new Hub(config));
    if (!hub->m_config.clock) {
        hub->m_ownClock = std::make_unique<Core::SystemClock>();
        hub->m_config.clock = hub->m_ownClock.get();
    }
    const Core::Clock &clock = *hub->m_config.clock;
    const QString dataDir = QDir(config.dataDir).absolutePath();
    const QString uploadsDir = QString(dataDir + QStringLiteral("/files/uploads"));
    const QString resultsDir = QString(dataDir + QStringLiteral("/files/results"));
    const QString recordingsDir = QString(dataDir + QStringLiteral("/files/recordings"));
    for (const QString &dir : { dataDir, uploadsDir, resultsDir, recordingsDir }) {
        const Core::Status made = Storage::FileSystem::system().ensureDirectory(dir);
        if (!made)
            return made.error();
    }
    // Applicants' files and the database are the hub account's only (0700/0600), also when
    // an older build or a restored backup left them wider; the database sees to its files.
    if (const Core::Status kept
        = Storage::FileSystem::system().makePrivate(dataDir, Storage::FileSystem::Depth::Entry);
        !kept)
        qCWarning(lcHub).noquote() << "data folder left as it is:" << kept.error().detail;
    if (const Core::Status kept
        = Storage::FileSystem::system().makePrivate(dataDir + QStringLiteral("/files"));
        !kept)
        return kept.error();
    auto database = Storage::Database::open(QString(dataDir + QStringLiteral("/hub.db")),
        { hubSchema(), hubOwnershipSchema(), SerialBlockService::schema(),
            RecordingService::schema(), SignInThrottle::schema(), CorrectionService::schema(),
            DeadlineService::schema(), SmsService::schema(), CallOversight::schema(),
            AuditStore::schema(), CorrectionService::anyHallSchema() });
    if (!database)
        return database.error();
    hub->m_database = std::move(*database);
    // Personal data at rest (issue 13): the hub's key, and case bodies written before it sealed.
    auto secrets = Secrets::load(dataDir);
    if (!secrets)
        return secrets.error();
    hub->m_secrets = std::make_unique<Secrets>(*secrets);
    if (const Core::Status sealed = CaseStore::sealPlainBodies(*hub->m_database, *hub->m_secrets);
        !sealed)
        return sealed.error();
    // Duty phones and the SMS outbox's numbers stored in plain text by an older hub.
    if (const Core::Status sealed = SmsService::sealPlainPhones(*hub->m_database, *hub->m_secrets);
        !sealed)
        return sealed.error();

    hub->m_catalogue = std::make_unique<CatalogueService>();
    const Core::Status loaded = hub->m_catalogue->load(config.catalogFile);
    if (!loaded)
        return loaded.error();
    hub->m_catalogueRoutes = std::make_unique<CatalogueRoutes>(*hub->m_catalogue);

    hub->m_calendar = std::make_unique<CalendarService>(*hub->m_database, clock);
    hub->m_calendarRoutes = std::make_unique<CalendarRoutes>(*hub->m_calendar);
    hub->m_accountStore = std::make_unique<AccountStore>(*hub->m_database);
    hub->m_accounts = std::make_unique<AccountService>(*hub->m_accountStore, hub->m_config, clock);
    hub->m_accountRoutes = std::make_unique<AccountRoutes>(*hub->m_accounts);
    hub->m_accounts->setSecrets(hub->m_secrets.get()); // duty phones sealed
    // Lockouts survive a restart; names and addresses stored as keyed hashes only.
    hub->m_accounts->signInThrottle().persistIn(
        hub->m_database.get(),
        [secrets = hub->m_secrets.get()](const QString &key) { return secrets->lookupHash(key); },
        clock.now().toMSecsSinceEpoch());
    // The audit trail (issue 17): sign-ins, decisions, recording downloads, administration.
    hub->m_auditStore = std::make_unique<AuditStore>(*hub->m_database);
    hub->m_audit = std::make_unique<AuditService>(*hub->m_auditStore, clock);
    hub->m_audit->setKeyedHash([secrets = hub->m_secrets.get()](
                                   const QString &value) { return secrets->lookupHash(value); });
    hub->m_auditRoutes = std::make_unique<AuditRoutes>(
        *hub->m_audit, [accounts = hub->m_accountRoutes.get()](const HttpRequest &request) {
            HttpResponse ignored;
            return accounts->authenticate(request, &ignored);
        });
    hub->m_uploads
        = std::make_unique<UploadService>(*hub->m_database, hub->m_config, clock, uploadsDir);
    hub->m_uploadRoutes = std::make_unique<UploadRoutes>(*hub->m_uploads);
    hub->m_cases = std::make_unique<CaseService>(*hub->m_database, hub->m_config, clock,
        hub->m_catalogue.get(), hub->m_uploads.get(), resultsDir);
    hub->m_mailings = std::make_unique<MailingService>(*hub->m_database, clock);
    hub->m_cases->setSecrets(hub->m_secrets.get());
    hub->m_caseRoutes = std::make_unique<CaseRoutes>(*hub->m_cases);
    hub->m_mailings->setSecrets(hub->m_secrets.get());
    hub->m_mailingRoutes = std::make_unique<MailingRoutes>(*hub->m_mailings);
    hub->m_reports
        = std::make_unique<GuideReportService>(*hub->m_database, clock, *hub->m_catalogue);
    hub->m_reportRoutes = std::make_unique<GuideReportRoutes>(*hub->m_reports);
    hub->m_idempotency = std::make_unique<IdempotencyStore>(*hub->m_database, hub->m_config, clock);
    hub->m_serials = std::make_unique<SerialBlockService>(*hub->m_database, clock);
    hub->m_serialRoutes = std::make_unique<SerialBlockRoutes>(*hub->m_serials);
    hub->m_caseCreations
        = std::make_unique<RateLimiter>(config.rates.caseCreationsPerAccountPerMinute, 60 * 1000);
    hub->m_recordingStore = std::make_unique<RecordingStore>(*hub->m_database, recordingsDir);
    hub->m_recordings = std::make_unique<RecordingService>(*hub->m_recordingStore, clock);
    hub->m_recordingRoutes = std::make_unique<RecordingRoutes>(*hub->m_recordings);
    // Deadlines and corrections after the window (issue 17).
    hub->m_deadlines = std::make_unique<DeadlineService>(
        *hub->m_database, clock, *hub->m_catalogue, *hub->m_calendar);
    // Identity numbers on notices: under the data key; an older hub's own key still read.
    auto identityHash = IdentityHash::open(
        *hub->m_secrets, QString(dataDir + QStringLiteral("/identity-hash.key")));
    if (!identityHash)
        return identityHash.error();
    hub->m_corrections = std::make_unique<CorrectionService>(*hub->m_database, clock,
        *hub->m_catalogue, *hub->m_calendar, *hub->m_uploads, std::move(*identityHash));
    hub->m_corrections->setSecrets(hub->m_secrets.get());
    hub->m_lineTestStore = std::make_unique<LineTestStore>();
    hub->m_lineTests = std::make_unique<LineTestService>(*hub->m_lineTestStore, hub->m_config);
    hub->m_lineTestRoutes = std::make_unique<LineTestRoutes>(*hub->m_lineTests);
    hub->m_events
        = new EventService(*hub->m_database, *hub->m_accounts, hub->m_config, clock, hub.get());
    EventService *events = hub->m_events;
    events->setAuthenticator(
        [routes = hub->m_accountRoutes.get()](const QByteArray &token, QJsonObject *error) {
            return routes->authenticateSocket(token, error);
        });
    hub->m_accounts->setSessionEndedHandler(
        [events](const SessionEnd &end) { events->endSession(end); });
    hub->m_callStore = std::make_unique<CallStore>(*hub->m_database);
    hub->m_presenceStore = std::make_unique<PresenceStore>(*hub->m_database);
    hub->m_presence = new PresenceService(
        *hub->m_presenceStore, *hub->m_events, hub->m_config, clock, hub.get());
    hub->m_calls = new CallService(*hub->m_callStore, *hub->m_presence, *hub->m_accounts,
        *hub->m_events, *hub->m_catalogue, hub->m_config, clock, hub.get());
    // Issue 17: the SMS gateway draining sms_outbox, results delivery and ratings, statistics.
    hub->m_sms = new SmsService(*hub->m_database, hub->m_config, clock, hub.get());
    hub->m_sms->setSecrets(hub->m_secrets.get());
    hub->m_delivery
        = std::make_unique<DeliveryService>(*hub->m_database, clock, *hub->m_calendar, resultsDir);
    hub->m_delivery->setSecrets(hub->m_secrets.get());
    hub->m_stats = std::make_unique<StatsService>(*hub->m_database, clock, *hub->m_calendar);
    hub->m_stats->setSecrets(hub->m_secrets.get());
    hub->m_oversightStore = std::make_unique<CallOversightStore>(*hub->m_database);
    hub->m_oversight = std::make_unique<CallOversight>(
        *hub->m_oversightStore, *hub->m_calendar, hub->m_config, clock);
    hub->m_calls->setOversight(hub->m_oversight.get());
    hub->m_callRoutes
        = std::make_unique<CallRoutes>(*hub->m_calls, *hub->m_presence, *hub->m_oversight);
    return hub;
}

Core::Result<quint16> Hub::listen(
    const QHostAddress &address, quint16 port, const QString &certFile, const QString &keyFile)
{
    const bool tls = !certFile.isEmpty() || !keyFile.isEmpty();
    if (!tls && !address.isLoopback()) {
        return Core::Error { HubError::PlainHttpNotLoopback,
            QStringLiteral(
                "Plain HTTP is only allowed on a loopback address; give --cert and --key."),
            address.toString() };
    }
    std::optional<QSslConfiguration> sslConfiguration;
    if (tls) {
        QFile cert(certFile);
        QFile key(keyFile);
        if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly)) {
            return Core::Error { HubError::TlsFiles,
                QStringLiteral("Cannot read the TLS certificate or key."),
                QStringLiteral("%1, %2").arg(certFile, keyFile) };
        }
        const QSslCertificate certificate(&cert, QSsl::Pem);
        const QByteArray keyBytes = key.readAll();
        QSslKey privateKey(keyBytes, QSsl::Rsa, QSsl::Pem);
        if (privateKey.isNull())
            privateKey = QSslKey(keyBytes, QSsl::Ec, QSsl::Pem);
        if (certificate.isNull() || privateKey.isNull()) {
            return Core::Error { HubError::TlsFiles,
                QStringLiteral("The TLS certificate or key is not valid PEM."),
                QStringLiteral("%1, %2").arg(certFile, keyFile) };
        }
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(certificate);
        configuration.setPrivateKey(privateKey);
        restrictToModernTls(configuration);
        sslConfiguration = configuration;
    }
    if (!m_server) {
        // Presence and calls are derived from live sessions; a hub that starts listening has
        // none.
        m_presence->resetAll();
        m_calls->endInterruptedCalls();
        // Partial files of uploads left unfinished past their expiry are deleted (§6).
        m_uploads->sweepExpired();
        m_recordings->sweep(); // kept six months (000 §15)
        auto *sweep = new QTimer(this);
        connect(sweep, &QTimer::timeout, this, [this]() {
            m_uploads->sweepExpired();
            m_recordings->sweep();
            if (const auto swept = m_deadlines->sweep(); !swept) // issue 17
                qCWarning(lcHub).noquote() << "deadline sweep:" << swept.error().detail;
        });
        sweep->start(qMax(1, m_config.uploadSweepMs));
        auto *sms = new QTimer(this); // issue 17: what is due in sms_outbox goes out
        connect(sms, &QTimer::timeout, m_sms, &SmsService::drain);
        sms->start(qMax(1, m_config.sms.drainMs));
        m_server = new HubHttpServer(
            m_config.http,
            [this](HttpRequest request, HubHttpServer::Respond respond) {
                handleAsync(std::move(request), std::move(respond));
            },
            [](const QByteArray &method, const QString &path) { return bodyLimit(method, path); },
            [this](std::unique_ptr<QWebSocket> socket) { m_events->accept(std::move(socket)); },
            this);
        m_server->setBodyStreamer(
            [this](const HttpRequest &head, std::optional<HttpResponse> *refusal) {
                return openBodyStream(head, refusal);
            });
    }
    return m_server->listen(address, port, sslConfiguration);
}

qint64 Hub::bodyLimit(const QByteArray &method, const QString &path)
{
    // A tus PATCH (§6) streams to disk (openBodyStream): up to a whole page file; the
    // upload's own Upload-Length - Upload-Offset is checked before its first byte.
    if (method == "PATCH" && path.startsWith(QLatin1String("/api/v1/uploads/")))
        return Limits::MaxPatchBytes;
    // Binary bodies of calls (§11.1, §11.2), kept in memory under the hub's body budget.
    if (method == "PUT" && path.startsWith(QLatin1String("/api/v1/calls/"))) {
        if (path.contains(QLatin1String("/recording/chunks/")))
            return Limits::MaxChunkBytes;
        if (path.contains(QLatin1String("/pages/")))
            return Limits::MaxUploadBytes;
    }
    if (method == "POST" && path == QLatin1String("/api/v1/diag/upload"))
        return LineTestService::MaxBytes; // the line check (issue 16)
    return Limits::MaxJsonBodyBytes;
}

void Hub::handleAsync(HttpRequest request, std::function<void(HttpResponse)> respond)
{
    if (request.path.startsWith(QLatin1String("/api/v1/diag/"))) {
        // The line check's answers wait for the rate cap's token bucket (issue 16).
        m_holdMs = 0;
        HttpResponse response = handle(request);
        const qint64 hold = std::exchange(m_holdMs, 0);
        if (hold <= 0) {
            respond(std::move(response));
        } else {
            QTimer::singleShot(hold, Qt::PreciseTimer, this,
                [respond = std::move(respond), response = std::move(response)]() mutable {
                    respond(std::move(response));
                });
        }
        return;
    }
    if (request.method != "POST" || request.path != QLatin1String("/api/v1/session")) {
        respond(handle(request));
        return;
    }
    // A sign-in: PBKDF2 (about 100 ms at the contract's cost) runs on the hash pool, the
    // rest (throttle, session) here, so the server thread answers others meanwhile.
    HttpResponse error;
    const auto body = parseJsonBody(request.body, &error);
    if (!body) {
        respond(finish(request, error));
        return;
    }
    std::variant<HttpResponse, LoginAttempt> begun
        = m_accountRoutes->beginLogin(*body, request.peer.toString());
    if (auto *answer = std::get_if<HttpResponse>(&begun)) {
        respond(finish(request, *answer));
        return;
    }
    if (!m_hashPool) {
        m_hashPool = std::make_unique<QThreadPool>();
        m_hashPool->setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
    }
    const LoginAttempt attempt = std::get<LoginAttempt>(begun);
    auto *watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
        [this, watcher, attempt, request = std::move(request), respond = std::move(respond)] {
            watcher->deleteLater();
            respond(finish(request, m_accountRoutes->finishLogin(attempt, watcher->result())));
        });
    watcher->setFuture(QtConcurrent::run(
        m_hashPool.get(), [attempt] { return AccountService::verifyPassword(attempt); }));
}

HttpResponse Hub::handle(const HttpRequest &request)
{
    return finish(request, route(request));
}

HttpResponse Hub::finish(const HttpRequest &request, HttpResponse response)
{
    if (response.status == 401) {
        // RFC 6750 §3: how to authenticate, on every 401.
        response.addHeader(QByteArrayLiteral("WWW-Authenticate"),
            request.hasHeader(QByteArrayLiteral("Authorization"))
                ? QByteArrayLiteral("Bearer realm=\"tongban-hub\", error=\"invalid_token\"")
                : QByteArrayLiteral("Bearer realm=\"tongban-hub\""));
    }
    if (request.path == QLatin1String("/api/v1/uploads")
        || request.path.startsWith(QLatin1String("/api/v1/uploads/")))
        response.addHeader(QByteArrayLiteral("Tus-Resumable"), QByteArrayLiteral("1.0.0"));
    // The server's time on every answer (contract §1): workstations compare their clocks.
    response.addHeader(QByteArrayLiteral("Date"), httpDate(m_config.clock->now()));
    m_auditRoutes->observe(request, response); // issue 17: the acts the audit trail keeps
    return response;
}

HttpResponse Hub::route(const HttpRequest &request)
{
    // The public page a notice's QR code opens (§3.1): no token, no personal data.
    if (request.path.startsWith(QLatin1String("/n/")) && request.method == "GET")
        return m_serialRoutes->publicPage(request.path.mid(3));
    if (!request.path.startsWith(QString(ApiPrefix + QLatin1Char('/'))))
        return notFound(request.path);
    const QStringList parts = request.path.mid(ApiPrefix.size() + 1).split(QLatin1Char('/'));
    const QByteArray &method = request.method;
    const QString first = parts.value(0);
    HttpResponse error;

    if (first == QLatin1String("session") && method == "POST") {
        const auto body = parseJsonBody(request.body, &error);
        if (!body)
            return error;
        if (parts.size() == 1)
            return m_accountRoutes->login(*body, request.peer.toString());
        if (parts.size() == 2 && parts.at(1) == QLatin1String("refresh"))
            return m_accountRoutes->refresh(*body);
        return notFound(request.path);
    }

    if (first == QLatin1String("uploads")) {
        if (method == "OPTIONS" && parts.size() == 1)
            return UploadRoutes::options();
        if (request.header(QByteArrayLiteral("Tus-Resumable")) != QByteArrayLiteral("1.0.0")) {
            HttpResponse response = errorResponse(412, QStringLiteral("tus_version"),
                QStringLiteral("上传协议版本不受支持"),
                QStringLiteral("Tus-Resumable: 1.0.0 required"));
            response.addHeader(QByteArrayLiteral("Tus-Version"), QByteArrayLiteral("1.0.0"));
            return response;
        }
    }

    const auto context = m_accountRoutes->authenticate(request, &error);
    if (!context)
        return error;

    // Idempotency-Key (§1) for every authenticated POST but tus creation, which
    // is idempotent by clientPageId.
    const QByteArray key = request.header(QByteArrayLiteral("Idempotency-Key"));
    if (method != "POST" || first == QLatin1String("uploads")
        || !request.hasHeader(QByteArrayLiteral("Idempotency-Key")))
        return routeAuthenticated(request, *context);
    if (!isValidIdempotencyKey(key)) {
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("幂等键格式错误"),
            QStringLiteral("Idempotency-Key: 1 to 255 visible ASCII characters"));
    }
    if (auto stored = m_idempotency->lookup(context->account, context->windowId, key, request))
        return *stored;
    const HttpResponse response = routeAuthenticated(request, *context);
    m_idempotency->store(context->account, context->windowId, key, request, response);
    return response;
}

HttpResponse Hub::routeAuthenticated(const HttpRequest &request, const AuthContext &authContext)
{
    const QStringList parts = request.path.mid(ApiPrefix.size() + 1).split(QLatin1Char('/'));
    const QByteArray &method = request.method;
    const QString first = parts.value(0);
    const AuthContext *context = &authContext;
    HttpResponse error;
    if (auto answered = routeDelivery(request, authContext))
        return *answered;

    const auto json = [&]() {
        return parseJsonBody(request.body, &error);
    };

    if (first == QLatin1String("session") && parts.size() == 1 && method == "DELETE")
        return m_accountRoutes->logout(*context);
    if (first == QLatin1String("me") && parts.size() == 1 && method == "GET")
        return m_accountRoutes->me(*context);
    if (first == QLatin1String("windows") && parts.size() == 1 && method == "GET")
        return m_accountRoutes->windows(request.query);
    if (first == QLatin1String("windows") && parts.size() == 3
        && parts.at(2) == QLatin1String("missed-calls") && method == "GET")
        return m_callRoutes->missedCalls(parts.at(1), request.query, *context);
    if (first == QLatin1String("windows") && parts.size() == 3
        && parts.at(2) == QLatin1String("serial-blocks") && method == "POST") {
        const auto body = request.body.trimmed().isEmpty() ? std::optional(QJsonObject()) : json();
        return body ? m_serialRoutes->reserve(parts.at(1), *body, *context) : error;
    }
    if (first == QLatin1String("presence") && parts.size() == 1 && method == "PUT") {
        const auto body = json();
        return body ? m_callRoutes->setPresence(*context, *body) : error;
    }
    if (first == QLatin1String("guide-reports") && parts.size() == 1) {
        if (method == "GET")
            return m_reportRoutes->list(request.query, *context);
        if (method != "POST")
            return methodNotAllowed(method);
        const auto body = json();
        return body ? m_reportRoutes->create(*body, *context) : error;
    }
    if (first == QLatin1String("mailings") && parts.size() == 3
        && parts.at(2) == QLatin1String("received") && method == "POST")
        return m_mailingRoutes->received(parts.at(1), *context);
    if (first == QLatin1String("catalog") && method == "GET") {
        if (parts.size() == 1)
            return m_catalogueRoutes->catalogue(request);
        if (parts.size() >= 3 && parts.at(1) == QLatin1String("files"))
            return m_catalogueRoutes->file(parts.mid(2).join(QLatin1Char('/')));
        return notFound(request.path);
    }
    if (first == QLatin1String("calendar") && parts.size() == 1 && method == "GET")
        return m_calendarRoutes->calendar(request);
    if (first == QLatin1String("audit") && parts.size() == 1 && method == "GET")
        return m_auditRoutes->list(request, *context); // issue 17, contract §19
    // The line check (issue 16).
    if (first == QLatin1String("diag") && parts.size() == 2) {
        if (parts.at(1) == QLatin1String("download") && method == "GET")
            return m_lineTestRoutes->download(request, *context, &m_holdMs);
        if (parts.at(1) == QLatin1String("upload") && method == "POST")
            return m_lineTestRoutes->upload(request, *context, &m_holdMs);
        return notFound(request.path);
    }

    if (auto answer = routeAfterWindow(request, parts, *context))
        return *answer;

    if (first == QLatin1String("cases")) {
        if (parts.size() == 1) {
            if (method != "POST")
                return methodNotAllowed(method);
            // Case creation per account and minute (issue 13): a flood is refused.
            const qint64 nowMs = m_config.clock->now().toMSecsSinceEpoch();
            if (!m_caseCreations->allow(context->account, nowMs)) {
                HttpResponse limited = errorResponse(429, QStringLiteral("rate_limited"),
                    QStringLiteral("提交过于频繁，请稍后再试"),
                    QStringLiteral("case creations per minute"));
                limited.addHeader(QByteArrayLiteral("Retry-After"),
                    QByteArray::number(
                        (m_caseCreations->retryAfterMs(context->account, nowMs) + 999) / 1000));
                return limited;
            }
            const auto body = json();
            return body ? m_caseRoutes->create(*body, *context) : error;
        }
        const QString caseId = parts.at(1);
        if (parts.size() == 2 && method == "GET")
            return m_caseRoutes->get(caseId, *context);
        if (parts.size() == 3 && parts.at(2) == QLatin1String("submit") && method == "POST")
            return m_caseRoutes->submit(caseId, *context);
        if (parts.size() == 3 && parts.at(2) == QLatin1String("mailings")) {
            if (method == "GET")
                return m_mailingRoutes->list(caseId, *context);
            if (method != "POST")
                return methodNotAllowed(method);
            const auto body = json();
            return body ? m_mailingRoutes->create(caseId, *body, *context) : error;
        }
        if (parts.size() == 3 && parts.at(2) == QLatin1String("decision") && method == "POST") {
            const auto body = json();
            return body ? m_caseRoutes->decisionRequest(caseId, *body, *context) : error;
        }
        return notFound(request.path);
    }

    if (first == QLatin1String("results") && method == "GET") {
        if (parts.size() == 1)
            return m_caseRoutes->results(request.query, *context);
        if (parts.size() == 3 && parts.at(2) == QLatin1String("document"))
            return m_caseRoutes->resultDocument(parts.at(1), *context);
        return notFound(request.path);
    }

    // Call recordings (§11.1).
    if (first == QLatin1String("calls") && parts.size() >= 3
        && parts.at(2) == QLatin1String("recording")) {
        if (parts.size() == 3 && method == "PUT") {
            const auto body = json();
            return body ? m_recordingRoutes->putManifest(parts.at(1), *body, *context) : error;
        }
        if (parts.size() == 3 && method == "GET")
            return m_recordingRoutes->get(parts.at(1), *context);
        if (parts.size() == 5 && parts.at(3) == QLatin1String("chunks") && method == "PUT")
            return m_recordingRoutes->putChunk(request, parts.at(1), parts.at(4), *context);
        if (parts.size() == 5 && parts.at(3) == QLatin1String("chunks") && method == "GET")
            return m_recordingRoutes->chunk(parts.at(1), parts.at(4), *context);
        return notFound(request.path);
    }
    // Pages shared in a call and their marks (§11.2).
    if (first == QLatin1String("calls") && parts.size() == 4
        && parts.at(2) == QLatin1String("pages")) {
        if (method == "PUT")
            return m_recordingRoutes->putPage(request, parts.at(1), parts.at(3), *context);
        if (method == "GET")
            return m_recordingRoutes->page(parts.at(1), parts.at(3), *context);
        return methodNotAllowed(method);
    }
    if (first == QLatin1String("calls") && parts.size() >= 3
        && parts.at(2) == QLatin1String("markups")) {
        if (parts.size() == 3 && method == "GET")
            return m_recordingRoutes->markups(parts.at(1), *context);
        if (parts.size() == 4 && method == "PUT") {
            const auto body = json();
            return body ? m_recordingRoutes->putMarkup(parts.at(1), parts.at(3), *body, *context)
                        : error;
        }
        return notFound(request.path);
    }
    if (first == QLatin1String("recordings") && parts.size() == 1 && method == "GET")
        return m_recordingRoutes->list(request.query, *context);

    // Office hours, miss escalations, the monthly call report, ICE servers (issue 15).
    if (first == QLatin1String("office-hours") && parts.size() == 2) {
        if (method == "GET")
            return m_callRoutes->officeHours(parts.at(1), *context);
        if (method != "PUT")
            return methodNotAllowed(method);
        const auto body = json();
        return body ? m_callRoutes->setOfficeHours(parts.at(1), *body, *context) : error;
    }
    if (first == QLatin1String("call-escalations") && parts.size() == 1 && method == "GET")
        return m_callRoutes->escalations(request.query, *context);
    if (first == QLatin1String("call-escalations") && parts.size() == 3
        && parts.at(2) == QLatin1String("decision") && method == "POST") {
        const auto body = json();
        return body ? m_callRoutes->decideEscalation(parts.at(1), *body, *context) : error;
    }
    if (first == QLatin1String("calls") && parts.size() == 2
        && parts.at(1) == QLatin1String("report") && method == "GET")
        return m_callRoutes->report(request.query, *context);
    if (first == QLatin1String("ice-servers") && parts.size() == 1 && method == "GET")
        return m_callRoutes->iceServers(*context);

    if (first == QLatin1String("uploads")) {
        if (parts.size() == 1) {
            if (method != "POST")
                return methodNotAllowed(method);
            return m_uploadRoutes->create(request, *context);
        }
        if (parts.size() != 2)
            return notFound(request.path);
        const QString uploadId = parts.at(1);
        if (method == "HEAD")
            return m_uploadRoutes->head(uploadId, *context);
        if (method == "PATCH")
            return m_uploadRoutes->patch(request, uploadId, *context);
        if (method == "DELETE")
            return m_uploadRoutes->terminate(uploadId, *context);
        return methodNotAllowed(method);
    }

    return notFound(request.path);
}

std::optional<HttpResponse> Hub::routeAfterWindow(
    const HttpRequest &request, const QStringList &parts, const AuthContext &context)
{
    // Deadlines and corrections after the window (issue 17, docs/platform-api.md §14).
    const QByteArray &method = request.method;
    const QString first = parts.value(0);
    HttpResponse error;
    if (first == QLatin1String("deadlines") && parts.size() == 1 && method == "GET")
        return DeadlineRoutes::list(*m_deadlines, context);
    if (first == QLatin1String("notices") && parts.size() == 1) {
        if (method == "GET")
            return CorrectionRoutes::lookup(*m_corrections, request.query, context);
        if (method != "POST")
            return methodNotAllowed(method);
        const auto body = parseJsonBody(request.body, &error);
        return body ? CorrectionRoutes::registerNotice(*m_corrections, *body, context) : error;
    }
    if (first != QLatin1String("cases") || parts.size() < 2)
        return std::nullopt;
    const QString caseId = parts.at(1);
    if (parts.size() == 2 && method == "GET") {
        if (const Core::Status refreshed = m_deadlines->refresh(caseId); !refreshed)
            qCWarning(lcHub).noquote() << "deadlines of" << caseId << refreshed.error().detail;
        return DeadlineRoutes::withDeadlines(
            *m_deadlines, caseId, m_caseRoutes->get(caseId, context));
    }
    if (parts.size() == 3 && parts.at(2) == QLatin1String("correction-request")) {
        if (method == "GET")
            return CorrectionRoutes::current(*m_corrections, caseId, context);
        if (method != "POST")
            return methodNotAllowed(method);
        const auto body = parseJsonBody(request.body, &error);
        if (!body)
            return error;
        HttpResponse answer = CorrectionRoutes::request(*m_corrections, caseId, *body, context);
        if (answer.status == 201) {
            if (const Core::Status refreshed = m_deadlines->refresh(caseId); !refreshed)
                qCWarning(lcHub).noquote() << "deadlines of" << caseId << refreshed.error().detail;
        }
        return answer;
    }
    if (parts.size() >= 3 && parts.at(2) == QLatin1String("correction-pages") && method == "POST") {
        if (parts.size() == 4 && parts.at(3) == QLatin1String("submit")) {
            // Another hall presents its grant in the body (§14.4); the application window none.
            std::optional<QJsonObject> body = QJsonObject();
            if (!request.body.trimmed().isEmpty())
                body = parseJsonBody(request.body, &error);
            if (!body)
                return error;
            HttpResponse answer
                = CorrectionRoutes::finishPages(*m_corrections, caseId, *body, context);
            if (answer.status == 200) {
                if (const Core::Status refreshed = m_deadlines->refresh(caseId); !refreshed)
                    qCWarning(lcHub).noquote()
                        << "deadlines of" << caseId << refreshed.error().detail;
            }
            return answer;
        }
        if (parts.size() != 3)
            return notFound(request.path);
        const auto body = parseJsonBody(request.body, &error);
        return body ? CorrectionRoutes::addPages(*m_corrections, caseId, *body, context) : error;
    }
    if (parts.size() == 3
        && (parts.at(2) == QLatin1String("submit") || parts.at(2) == QLatin1String("decision"))
        && method == "POST") {
        // The case's own routes, then its deadlines from what they changed.
        HttpResponse answer;
        if (parts.at(2) == QLatin1String("submit")) {
            answer = m_caseRoutes->submit(caseId, context);
        } else {
            const auto body = parseJsonBody(request.body, &error);
            if (!body)
                return error;
            answer = m_caseRoutes->decisionRequest(caseId, *body, context);
        }
        if (answer.status == 200 || answer.status == 201) {
            if (const Core::Status refreshed = m_deadlines->refresh(caseId); !refreshed)
                qCWarning(lcHub).noquote() << "deadlines of" << caseId << refreshed.error().detail;
        }
        return answer;
    }
    return std::nullopt;
}

} // namespace Tongban::Hub
