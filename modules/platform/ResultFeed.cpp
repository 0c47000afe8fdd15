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
#include <QSqlQuery>
#include <QUrl>

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

static_assert(int(ResultFeed::State::Live) == int(EventChannel::State::Live)
    && int(ResultFeed::State::WaitingToReconnect) == int(EventChannel::State::WaitingToReconnect));

/// result.issued: the result and its PDF kept with the event's mark (§7).
class ResultInbox : public EventInbox
{
public:
    explicit ResultInbox(ResultFeed *feed)
        : m_feed(feed)
    { }

    void processStored(const EventMessage &event, EventCompletion done) override
    {
        processResult(event, done, Listing::SinceLastStored);
    }

private:
    enum class Listing { SinceLastStored, All };
    void processResult(const EventMessage &event, EventCompletion done, Listing listing);
    void fetchDocument(const EventMessage &event, const ResultInfo &info, EventCompletion done);
    void storeResult(const EventMessage &event, const ResultInfo &info, const QByteArray &pdf,
        EventCompletion done);
    QString lastStoredResultId() const;

    ResultFeed *m_feed;
};

/// catalog.updated / calendar.updated: the CatalogSync fetches what changed.
class SyncInbox : public EventInbox
{
public:
    QPointer<CatalogSync> sync;

    void processStored(const EventMessage &event, EventCompletion done) override
    {
        if (sync && event.type == QLatin1String("catalog.updated"))
            sync->syncCatalog();
        else if (sync && event.type == QLatin1String("calendar.updated"))
            sync->syncCalendar();
        done({});
    }
};

qint64 ResultFeed::backoffMs(int attempts, double unit)
{
    return EventChannel::backoffMs(attempts, unit);
}

ResultFeed::ResultFeed(Storage::Database &db, Session &session, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_session(session)
    , m_channel(db, session)
    , m_results(std::make_shared<ResultInbox>(this))
    , m_sync(std::make_shared<SyncInbox>())
{
    m_channel.addInbox(m_results, { kResultIssued });
    m_channel.addInbox(
        m_sync, { QStringLiteral("catalog.updated"), QStringLiteral("calendar.updated") });
    connect(&m_channel, &EventChannel::stateChanged, this,
        [this](EventChannel::State state) { emit stateChanged(State(state)); });
    connect(&m_channel, &EventChannel::connected, this, &ResultFeed::connected);
    connect(&m_channel, &EventChannel::caughtUp, this, &ResultFeed::caughtUp);
    connect(&m_channel, &EventChannel::eventReceived, this, &ResultFeed::eventReceived);
    connect(&m_channel, &EventChannel::eventProcessed, this, &ResultFeed::eventProcessed);
    connect(&m_channel, &EventChannel::feedError, this, &ResultFeed::feedError);
}

ResultFeed::~ResultFeed()
{
    m_channel.stop();
}

void ResultFeed::setCatalogSync(CatalogSync *sync)
{
    m_sync->sync = sync;
}

void ResultFeed::setPingIntervalMs(int intervalMs)
{
    m_channel.setPingIntervalMs(intervalMs);
}

void ResultFeed::setClock(const Core::Clock *clock)
{
    m_clock = clock;
    m_channel.setClock(clock);
}

void ResultFeed::start()
{
    m_channel.start();
}

void ResultFeed::stop()
{
    m_channel.stop();
}

Core::Status ResultFeed::sendMessage(const QJsonObject &message)
{
    return m_channel.sendMessage(message);
}

qint64 ResultFeed::lastProcessedId() const
{
    return m_channel.lastProcessedId();
}

void ResultInbox::processResult(const EventMessage &event, EventCompletion done, Listing listing)
{
    const auto issued = parseResultIssued(event.data);
    if (!issued) {
        done(unreadable(QString(QStringLiteral("event ") + QString::number(event.id)
            + QStringLiteral(": ") + issued.error().detail)));
        return;
    }
    // The contract has no GET /results/{id}: list the results after the last one kept here
    // (normally just the wanted one), and the whole list if it is not among them.
    const QString since = listing == Listing::SinceLastStored ? lastStoredResultId() : QString();
    ApiRequest request;
    request.path = since.isEmpty() ? QStringLiteral("/results")
                                   : QString(QStringLiteral("/results?since=") + encodedId(since));
    Core::Alive<ResultFeed> self(m_feed);
    const ResultIssued wanted = *issued;
    m_feed->http().send(
        request, [this, self, done, event, wanted, since](Core::Result<ApiResponse> response) {
            if (!self || done.cancelled())
                return;
            const auto ok = requireSuccess(std::move(response));
            if (!ok) {
                done(ok.error());
                return;
            }
            const auto list = parseResults(ok->body);
            if (!list) {
                done(list.error());
                return;
            }
            for (const ResultInfo &info : *list) {
                if (info.resultId != wanted.resultId)
                    continue;
                if (info.caseId != wanted.caseId) {
                    done(unreadable(QString(QStringLiteral("result ") + info.resultId
                        + QStringLiteral(" names another case than its event"))));
                    return;
                }
                fetchDocument(event, info, done);
                return;
            }
            if (!since.isEmpty()) {
                processResult(event, done, Listing::All);
                return;
            }
            done(unreadable(QString(QStringLiteral("result ") + wanted.resultId
                + QStringLiteral(" of event ") + QString::number(event.id)
                + QStringLiteral(" is not listed by GET /results"))));
        });
}

void ResultInbox::fetchDocument(
    const EventMessage &event, const ResultInfo &info, EventCompletion done)
{
    ApiRequest request;
    request.path = QString(
        QStringLiteral("/results/") + encodedId(info.resultId) + QStringLiteral("/document"));
    request.headers.append({ QByteArrayLiteral("Accept"), QByteArrayLiteral("application/pdf") });
    Core::Alive<ResultFeed> self(m_feed);
    m_feed->http().send(
        request, [this, self, done, event, info](Core::Result<ApiResponse> response) {
            if (!self || done.cancelled())
                return;
            const auto ok = requireSuccess(std::move(response));
            if (!ok) {
                done(ok.error());
                return;
            }
            const QString actual = Core::sha256Hex(ok->body);
            if (actual != info.documentSha256) {
                done(Core::Error { InvalidResponse,
                    Tr::tr("The notice document sent by the platform is damaged (its SHA-256 "
                           "fingerprint does not match the result); it was not stored. The "
                           "workstation asks for it again by itself; if it keeps happening, "
                           "call the hall's IT staff."),
                    QString(QStringLiteral("result ") + info.resultId
                        + QStringLiteral(": document sha256 ") + actual
                        + QStringLiteral(" != documentSha256 ") + info.documentSha256) });
                return;
            }
            storeResult(event, info, ok->body, done);
        });
}

void ResultInbox::storeResult(
    const EventMessage &event, const ResultInfo &info, const QByteArray &pdf, EventCompletion done)
{
    bool inserted = false;
    const Core::Status s = m_feed->m_db.transaction([&]() -> Core::Status {
        QSqlQuery existing(m_feed->m_db.connection());
        existing.prepare(
            QStringLiteral("SELECT document_sha256 FROM platform_results WHERE result_id = ?"));
        existing.addBindValue(info.resultId);
        if (!existing.exec())
            return Storage::Database::queryError(existing, QStringLiteral("result lookup"));
        if (!existing.next()) {
            QSqlQuery insert(m_feed->m_db.connection());
            insert.prepare(QStringLiteral(
                "INSERT INTO platform_results (result_id, window_id, event_id, case_id,"
                " case_number, decision, reasons, issued_at, document_sha256, document, stored_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            insert.addBindValue(info.resultId);
            insert.addBindValue(m_feed->m_session.windowId());
            insert.addBindValue(event.id);
            insert.addBindValue(info.caseId);
            insert.addBindValue(info.caseNumber);
            insert.addBindValue(info.decision);
            insert.addBindValue(info.reasons);
            insert.addBindValue(info.issuedAt.toString(Qt::ISODate));
            insert.addBindValue(info.documentSha256);
            insert.addBindValue(pdf);
            insert.addBindValue(m_feed->m_channel.clock().now().toMSecsSinceEpoch());
            if (!insert.exec())
                return Storage::Database::queryError(insert, QStringLiteral("store result"));
            inserted = true;
        }
        // The same transaction: the event counts as processed exactly when its result is kept.
        return done.markProcessed();
    });
    if (!s) {
        done(s.error());
        return;
    }
    if (inserted) {
        qCInfo(lcPlatform).noquote()
            << "result" << info.resultId << info.decision << "stored for case" << info.caseNumber;
        emit m_feed->resultStored(info.resultId, info.caseId, info.caseNumber, info.decision);
    }
    done({});
}

QString ResultInbox::lastStoredResultId() const
{
    QSqlQuery query(m_feed->m_db.connection());
    query.prepare(QStringLiteral("SELECT result_id FROM platform_results WHERE window_id = ?"
                                 " ORDER BY event_id DESC LIMIT 1"));
    query.addBindValue(m_feed->m_session.windowId());
    if (query.exec() && query.next())
        return query.value(0).toString();
    return {};
}

Transport &ResultFeed::http()
{
    if (m_http)
        return *m_http;
    return m_session;
}

ResultStore ResultFeed::store() const
{
    return ResultStore(m_db, m_channel.clock());
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
