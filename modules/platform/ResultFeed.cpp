#include "ResultFeed.h"

#include "ApiClient.h"
#include "CatalogSync.h"
#include "Logging.h"
#include "PlatformErrors.h"
#include "Session.h"
#include "Tr.h"

#include <core/Alive.h>
#include <core/Hash.h>

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <QWebSocket>

namespace Tongban::Platform {

namespace {

const QString kResultIssued = QStringLiteral("result.issued");

Core::Error unreadable(const QString &detail)
{
    return Core::Error { InvalidResponse,
        Tr::tr("A result sent by the platform could not be read; it was not stored. The "
               "workstation asks for it again by itself; if it keeps happening, call the hall's "
               "IT staff."),
        detail };
}

QString encodedId(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

qint64 ResultFeed::backoffMs(int attempts, double unit)
{
    const int doublings = qBound(0, attempts - 1, 20);
    const qint64 base = qMin<qint64>(kMaxBackoffMs, qint64(1000) << doublings);
    const double u = qBound(0.0, unit, 1.0);
    return qMin<qint64>(kMaxBackoffMs, base / 2 + qint64(double(base / 2) * u));
}

ResultFeed::ResultFeed(Storage::Database &db, Session &session, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_session(session)
    , m_random(QRandomGenerator::global()->generate())
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ResultFeed::connectNow);
    m_pingTimer.setInterval(30000);
    connect(&m_pingTimer, &QTimer::timeout, this, &ResultFeed::onPingTimer);
}

ResultFeed::~ResultFeed()
{
    ++m_generation;
    teardownSocket();
}

void ResultFeed::setPingIntervalMs(int intervalMs)
{
    m_pingTimer.setInterval(qMax(10, intervalMs));
}

void ResultFeed::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ResultFeed::start()
{
    if (m_running)
        return;
    m_running = true;
    m_failures = 0;
    m_refreshTried = false;
    connectNow();
}

void ResultFeed::stop()
{
    m_running = false;
    ++m_generation;
    m_reconnectTimer.stop();
    teardownSocket();
    setState(State::Stopped);
}

void ResultFeed::teardownSocket()
{
    m_pingTimer.stop();
    m_welcomed = false;
    m_processing = false;
    m_queue.clear();
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void ResultFeed::connectNow()
{
    if (!m_running)
        return;
    teardownSocket();
    ++m_generation;
    const Core::Status allowed = ApiClient::checkUrlAllowed(m_session.api().baseUrl());
    if (!allowed || !m_session.isSignedIn()) {
        const Core::Error error = !allowed ? allowed.error()
                                           : Core::Error { NotSignedIn,
                                                 Tr::tr("Results cannot be received: nobody is "
                                                        "signed in to the platform. Sign in."),
                                                 QStringLiteral("result feed: no session") };
        m_running = false;
        setState(State::Stopped);
        emit feedError(error);
        return;
    }
    setState(State::Connecting);
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setSslConfiguration(m_session.api().sslConfiguration());
    connect(m_socket, &QWebSocket::connected, this, &ResultFeed::onConnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ResultFeed::onMessage);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_unansweredPings = 0; });
    connect(m_socket, &QWebSocket::disconnected, this,
        [this] { connectionLost(m_socket ? m_socket->closeReason() : QString()); });
    // Every socket error ends this connection (refused, reset, TLS): the next attempt is a new
    // socket. disconnected() may follow; connectionLost() handles one of the two.
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        [this](QAbstractSocket::SocketError) {
            connectionLost(m_socket ? m_socket->errorString() : QString());
        });
    m_unansweredPings = 0;
    m_pingTimer.start(); // also bounds the wait for connected and welcome
    QNetworkRequest request(m_session.api().eventsUrl());
    m_socket->open(request);
}

void ResultFeed::onConnected()
{
    if (!m_socket)
        return;
    m_helloToken = m_session.accessToken();
    const QJsonObject hello { { QStringLiteral("type"), QStringLiteral("hello") },
        { QStringLiteral("token"), QString::fromUtf8(m_helloToken) },
        { QStringLiteral("after"), lastProcessedId() } };
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(hello).toJson(QJsonDocument::Compact)));
}

void ResultFeed::connectionLost(const QString &reason)
{
    if (!m_socket)
        return; // already handled (both errorOccurred and disconnected may fire)
    qCInfo(lcPlatform).noquote() << "result feed: connection lost:" << reason;
    teardownSocket();
    ++m_generation;
    scheduleReconnect();
}

void ResultFeed::scheduleReconnect()
{
    if (!m_running)
        return;
    ++m_failures;
    const qint64 waitMs = backoffMs(m_failures, m_random.generateDouble());
    setState(State::WaitingToReconnect);
    m_reconnectTimer.start(int(waitMs));
}

void ResultFeed::onPingTimer()
{
    if (!m_socket)
        return;
    // Any message or pong answers; two intervals in silence mean the peer (or the path to it)
    // is gone even if TCP has not noticed.
    if (m_unansweredPings >= 2) {
        connectionLost(QStringLiteral("two pings unanswered"));
        return;
    }
    ++m_unansweredPings;
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->ping();
}

void ResultFeed::onMessage(const QString &text)
{
    m_unansweredPings = 0;
    const auto parsed = parseEventMessage(text.toUtf8());
    if (!parsed) {
        qCWarning(lcPlatform).noquote()
            << "result feed: unreadable message:" << parsed.error().detail;
        emit feedError(parsed.error());
        return;
    }
    const EventMessage &message = *parsed;
    if (message.type == QLatin1String("session.replaced")) {
        onSessionReplaced(parseSessionReplaced(message.raw));
        return;
    }
    if (message.kind == EventMessage::ServerError
        && message.error.code == QLatin1String("session_replaced")) {
        onSessionReplaced(parseSessionReplaced(message.raw.value(QLatin1String("error"))
                                                   .toObject()
                                                   .value(QLatin1String("replacedBy"))
                                                   .toObject()));
        return;
    }
    switch (message.kind) {
    case EventMessage::Welcome:
        m_welcomed = true;
        m_refreshTried = false;
        m_serverLastId = message.lastId;
        m_lastQueued = lastProcessedId();
        if (m_serverLastId < m_lastQueued)
            qCWarning(lcPlatform) << "result feed: the platform's last event id" << m_serverLastId
                                  << "is below the last one processed here" << m_lastQueued
                                  << "(event ids must never be reused)";
        setState(State::Live);
        emit connected(message.lastId);
        if (m_lastQueued >= m_serverLastId) {
            m_failures = 0;
            emit caughtUp(m_lastQueued);
        }
        return;
    case EventMessage::ServerError:
        if (!m_welcomed) {
            onHelloRefused(message.error);
            return;
        }
        // After the welcome an error is about something a client sent (call signalling):
        // for the component that sent it.
        emit eventReceived(message.type, message.raw);
        return;
    case EventMessage::Ping:
        return;
    case EventMessage::Unknown:
        if (m_welcomed)
            emit eventReceived(message.type, message.raw);
        return;
    case EventMessage::Event:
        break;
    }
    if (!m_welcomed || message.id <= m_lastQueued)
        return; // sent twice, or already processed: never processed again
    m_lastQueued = message.id;
    m_queue.append(message);
    processNext();
}

void ResultFeed::onHelloRefused(const PlatformErrorBody &body)
{
    const bool tokenProblem = body.code == QLatin1String("token_expired")
        || body.code == QLatin1String("token_invalid");
    teardownSocket();
    ++m_generation;
    if (!tokenProblem) {
        emit feedError(errorFromResponse(400,
            QJsonDocument(QJsonObject { { QStringLiteral("error"),
                              QJsonObject { { QStringLiteral("code"), body.code },
                                  { QStringLiteral("message"), body.message },
                                  { QStringLiteral("detail"), body.detail } } } })
                .toJson()));
        scheduleReconnect();
        return;
    }
    const auto giveUp = [this](const Core::Error &error) {
        m_running = false;
        setState(State::Stopped);
        emit feedError(error);
    };
    if (m_refreshTried) {
        giveUp(Core::Error { SessionExpired, Tr::tr("The sign-in has expired. Sign in again."),
            QString(QStringLiteral("result feed: hello refused again after a refresh: ")
                + body.code) });
        return;
    }
    m_refreshTried = true;
    Core::Alive<ResultFeed> self(this);
    const quint64 generation = m_generation;
    m_session.refresh([self, generation, giveUp](Core::Status status) {
        if (!self || generation != self->m_generation || !self->m_running)
            return;
        if (status) {
            self->connectNow();
            return;
        }
        if (isRetryable(status.error())) {
            self->m_refreshTried = false;
            emit self->feedError(status.error());
            self->scheduleReconnect();
            return;
        }
        giveUp(status.error());
    });
}

void ResultFeed::onSessionReplaced(const SessionReplacement &by)
{
    const QByteArray token = m_helloToken;
    teardownSocket();
    ++m_generation;
    if (m_session.endByReplacement(by, token)) {
        // The account signed in elsewhere: no hello can succeed until the clerk signs in here.
        m_running = false;
        setState(State::Stopped);
        emit feedError(Core::Error { SessionReplaced,
            Tr::tr("This account signed in at another window, which ended the sign-in here. "
                   "Sign in again."),
            QString(QStringLiteral("result feed: session replaced by window ") + by.windowId) });
        return;
    }
    // This workstation signed in again since the socket said hello (an unlock): the platform
    // ended the old session, the new one says hello at once.
    m_failures = 0;
    m_refreshTried = false;
    setState(State::WaitingToReconnect);
    m_reconnectTimer.start(0);
}

void ResultFeed::processNext()
{
    if (m_processing || m_queue.isEmpty())
        return;
    m_processing = true;
    const EventMessage event = m_queue.first();
    if (event.type == kResultIssued) {
        processResult(event, m_generation, Listing::SinceLastStored);
        return;
    }
    emit eventReceived(event.type, event.data);
    if (m_catalogSync && event.type == QLatin1String("catalog.updated"))
        m_catalogSync->syncCatalog();
    if (m_catalogSync && event.type == QLatin1String("calendar.updated"))
        m_catalogSync->syncCalendar();
    if (const Core::Status s = markProcessed(event.id); !s) {
        processingFailed(event, s.error());
        return;
    }
    finishEvent(event.id);
}

void ResultFeed::processResult(const EventMessage &event, quint64 generation, Listing listing)
{
    const auto issued = parseResultIssued(event.data);
    if (!issued) {
        processingFailed(event,
            unreadable(QString(QStringLiteral("event ") + QString::number(event.id)
                + QStringLiteral(": ") + issued.error().detail)));
        return;
    }
    // The contract has no GET /results/{id}: list the results after the last one kept here
    // (normally just the wanted one), and the whole list if it is not among them.
    const QString since = listing == Listing::SinceLastStored ? lastStoredResultId() : QString();
    ApiRequest request;
    request.path = since.isEmpty() ? QStringLiteral("/results")
                                   : QString(QStringLiteral("/results?since=") + encodedId(since));
    Core::Alive<ResultFeed> self(this);
    const ResultIssued wanted = *issued;
    http().send(
        request, [self, generation, event, wanted, since](Core::Result<ApiResponse> response) {
            if (!self || generation != self->m_generation)
                return;
            const auto ok = requireSuccess(std::move(response));
            if (!ok) {
                self->processingFailed(event, ok.error());
                return;
            }
            const auto list = parseResults(ok->body);
            if (!list) {
                self->processingFailed(event, list.error());
                return;
            }
            for (const ResultInfo &info : *list) {
                if (info.resultId != wanted.resultId)
                    continue;
                if (info.caseId != wanted.caseId) {
                    self->processingFailed(event,
                        unreadable(QString(QStringLiteral("result ") + info.resultId
                            + QStringLiteral(" names another case than its event"))));
                    return;
                }
                self->fetchDocument(event, info, generation);
                return;
            }
            if (!since.isEmpty()) {
                self->processResult(event, generation, Listing::All);
                return;
            }
            self->processingFailed(event,
                unreadable(QString(QStringLiteral("result ") + wanted.resultId
                    + QStringLiteral(" of event ") + QString::number(event.id)
                    + QStringLiteral(" is not listed by GET /results"))));
        });
}

void ResultFeed::fetchDocument(
    const EventMessage &event, const ResultInfo &info, quint64 generation)
{
    ApiRequest request;
    request.path = QString(
        QStringLiteral("/results/") + encodedId(info.resultId) + QStringLiteral("/document"));
    request.headers.append({ QByteArrayLiteral("Accept"), QByteArrayLiteral("application/pdf") });
    Core::Alive<ResultFeed> self(this);
    http().send(request, [self, generation, event, info](Core::Result<ApiResponse> response) {
        if (!self || generation != self->m_generation)
            return;
        const auto ok = requireSuccess(std::move(response));
        if (!ok) {
            self->processingFailed(event, ok.error());
            return;
        }
        const QString actual = Core::sha256Hex(ok->body);
        if (actual != info.documentSha256) {
            self->processingFailed(event,
                Core::Error { InvalidResponse,
                    Tr::tr("The notice document sent by the platform is damaged (its SHA-256 "
                           "fingerprint does not match the result); it was not stored. The "
                           "workstation asks for it again by itself; if it keeps happening, "
                           "call the hall's IT staff."),
                    QString(QStringLiteral("result ") + info.resultId
                        + QStringLiteral(": document sha256 ") + actual
                        + QStringLiteral(" != documentSha256 ") + info.documentSha256) });
            return;
        }
        self->storeResult(event, info, ok->body);
    });
}

void ResultFeed::storeResult(
    const EventMessage &event, const ResultInfo &info, const QByteArray &pdf)
{
    bool inserted = false;
    const Core::Status s = m_db.transaction([&]() -> Core::Status {
        QSqlQuery existing(m_db.connection());
        existing.prepare(
            QStringLiteral("SELECT document_sha256 FROM platform_results WHERE result_id = ?"));
        existing.addBindValue(info.resultId);
        if (!existing.exec())
            return Storage::Database::queryError(existing, QStringLiteral("result lookup"));
        if (!existing.next()) {
            QSqlQuery insert(m_db.connection());
            insert.prepare(QStringLiteral(
                "INSERT INTO platform_results (result_id, window_id, event_id, case_id,"
                " case_number, decision, reasons, issued_at, document_sha256, document, stored_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            insert.addBindValue(info.resultId);
            insert.addBindValue(m_session.windowId());
            insert.addBindValue(event.id);
            insert.addBindValue(info.caseId);
            insert.addBindValue(info.caseNumber);
            insert.addBindValue(info.decision);
            insert.addBindValue(info.reasons);
            insert.addBindValue(info.issuedAt.toString(Qt::ISODate));
            insert.addBindValue(info.documentSha256);
            insert.addBindValue(pdf);
            insert.addBindValue(nowMs());
            if (!insert.exec())
                return Storage::Database::queryError(insert, QStringLiteral("store result"));
            inserted = true;
        }
        // The same transaction: the event counts as processed exactly when its result is kept.
        return markProcessed(event.id);
    });
    if (!s) {
        processingFailed(event, s.error());
        return;
    }
    if (inserted) {
        qCInfo(lcPlatform).noquote()
            << "result" << info.resultId << info.decision << "stored for case" << info.caseNumber;
        emit resultStored(info.resultId, info.caseId, info.caseNumber, info.decision);
    }
    finishEvent(event.id);
}

Core::Status ResultFeed::markProcessed(qint64 eventId)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO platform_feed_state (window_id, last_event_id, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT(window_id) DO UPDATE SET last_event_id = excluded.last_event_id,"
        " updated_at = excluded.updated_at WHERE excluded.last_event_id > last_event_id"));
    query.addBindValue(m_session.windowId());
    query.addBindValue(eventId);
    query.addBindValue(nowMs());
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("feed state"));
    return {};
}

void ResultFeed::finishEvent(qint64 eventId)
{
    if (!m_queue.isEmpty())
        m_queue.removeFirst();
    m_processing = false;
    m_failures = 0;
    emit eventProcessed(eventId);
    if (eventId >= m_serverLastId && m_queue.isEmpty())
        emit caughtUp(eventId);
    Core::Alive<ResultFeed> self(this);
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [self, generation] {
            if (self && generation == self->m_generation)
                self->processNext();
        },
        Qt::QueuedConnection);
}

void ResultFeed::processingFailed(const EventMessage &event, const Core::Error &error)
{
    qCWarning(lcPlatform).noquote()
        << "result feed: event" << event.id << event.type << "not processed:" << error.detail;
    emit feedError(error);
    // Nothing was marked: the platform sends the event again after the reconnection.
    connectionLost(QStringLiteral("event not processed"));
}

qint64 ResultFeed::nowMs() const
{
    static const Core::SystemClock system;
    return (m_clock ? *m_clock : static_cast<const Core::Clock &>(system))
        .now()
        .toMSecsSinceEpoch();
}

Transport &ResultFeed::http()
{
    if (m_http)
        return *m_http;
    return m_session;
}

Core::Status ResultFeed::sendMessage(const QJsonObject &message)
{
    if (!m_socket || m_state != State::Live)
        return Core::Error { NetworkUnavailable,
            Tr::tr("The connection to the platform is not up at the moment; try again in a "
                   "moment."),
            QString(QStringLiteral("result feed: not live, not sent: ")
                + message.value(QStringLiteral("type")).toString()) };
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    return {};
}

qint64 ResultFeed::lastProcessedId() const
{
    QSqlQuery query(m_db.connection());
    query.prepare(
        QStringLiteral("SELECT last_event_id FROM platform_feed_state WHERE window_id = ?"));
    query.addBindValue(m_session.windowId());
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    return 0;
}

QString ResultFeed::lastStoredResultId() const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT result_id FROM platform_results WHERE window_id = ?"
                                 " ORDER BY event_id DESC LIMIT 1"));
    query.addBindValue(m_session.windowId());
    if (query.exec() && query.next())
        return query.value(0).toString();
    return {};
}

ResultStore ResultFeed::store() const
{
    static const Core::SystemClock system;
    return ResultStore(m_db, m_clock ? *m_clock : static_cast<const Core::Clock &>(system));
}

QList<StoredResult> ResultFeed::awaitingPrint() const
{
    return store().awaitingPrint();
}

QList<StoredResult> ResultFeed::results() const
{
    return store().results();
}

Core::Result<QByteArray> ResultFeed::document(const QString &resultId) const
{
    return store().document(resultId);
}

Core::Status ResultFeed::markPrinted(const QString &resultId)
{
    return store().markPrinted(resultId);
}

} // namespace Tongban::Platform
