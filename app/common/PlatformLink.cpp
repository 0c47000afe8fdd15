#include "PlatformLink.h"

#include "CorrectionInbox.h"
#include "Workstation.h"

#include <platform/PlatformErrors.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace Tongban::App {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tongban::App)
};

namespace {

/// The calls' inbox on the events channel: call messages in, the end of the channel ends calls.
class CallInbox : public Platform::EventInbox
{
public:
    explicit CallInbox(Assist::CallSignalling *calls)
        : m_calls(calls)
    { }
    void processLive(const QJsonObject &message) override
    {
        if (m_calls)
            m_calls->handleMessage(message);
    }
    void channelLive(bool live) override
    {
        if (!live && m_calls)
            m_calls->connectionLost();
    }

private:
    QPointer<Assist::CallSignalling> m_calls;
};

/// Deadlines, deliveries and answers to guide reports: Today reads them again from the
/// platform (GET /deadlines, /deliveries), so the event only says "out of date".
class AfterWindowInbox : public Platform::EventInbox
{
public:
    explicit AfterWindowInbox(PlatformLink *link)
        : m_link(link)
    { }
    void processStored(const Platform::EventMessage &event, Platform::EventCompletion done) override
    {
        if (m_link)
            emit m_link->afterWindowEvent(event.type, event.data);
        done({});
    }

private:
    QPointer<PlatformLink> m_link;
};

} // namespace

Core::Status linkCaseNumbers(Platform::Outbox &outbox, Workstation &station)
{
    Intake::IntakeStore &intake = station.intake();
    const auto write = [&intake](const QString &clientCaseId, const QString &caseNumber) {
        Core::Status set = intake.setCaseNumber(clientCaseId, caseNumber);
        // A case sent by another tool has no intake record: nothing to number.
        if (!set && set.error().code == Intake::CaseNotFound)
            return Core::Status {};
        return set;
    };
    outbox.setAcknowledgedHook(write);
    auto numbers = Platform::Outbox::acknowledgedNumbers(station.database());
    if (!numbers)
        return numbers.error();
    for (auto it = numbers->cbegin(); it != numbers->cend(); ++it) {
        if (Core::Status set = write(it.key(), it.value()); !set)
            return set;
    }
    return {};
}

PlatformLink::PlatformLink(Workstation &station, QObject *parent)
    : QObject(parent)
    , m_station(station)
{
    const QUrl url = station.platformUrl();
    if (!url.isValid() || url.isEmpty())
        return;
    m_api = std::make_unique<Platform::ApiClient>(url);
    if (!station.platformCaFile().isEmpty()) {
        if (auto added = m_api->addCaCertificateFile(station.platformCaFile()); !added)
            qWarning("platform CA not loaded: %s", qPrintable(added.error().toString()));
    }
    m_tokens = std::make_unique<Platform::KeychainTokenStore>();
    m_session = std::make_unique<Platform::Session>(*m_api, *m_tokens);
    Storage::PageStore &pages = station.pages();
    m_outbox = std::make_unique<Platform::Outbox>(station.database(), *m_session, station.clock(),
        [&pages](const QString &sha256) { return pages.readContent(sha256); });
    m_outbox->setBandwidthLimit(station.uploadLimitBytesPerSecond());
    if (Core::Status linked = linkCaseNumbers(*m_outbox, station); !linked)
        qWarning("case numbers not reconciled: %s", qPrintable(linked.error().toString()));
    m_requests
        = std::make_unique<Platform::RequestQueue>(station.database(), *m_session, station.clock());
    m_catalogSync = std::make_unique<Platform::CatalogSync>(
        station.database(), station.catalogs(), *m_session, station.clock());
    m_catalogSync->setRequestQueue(m_requests.get());
    Notices::NoticeStore &notices = station.notices();
    const QString windowId = station.windowId();
    m_serials = std::make_unique<Platform::SerialBlockClient>(
        *m_session, windowId, [&notices, windowId] { return notices.serialsLeft(windowId); },
        [&notices](const Platform::ReservedSerialBlock &block) {
            return notices.addSerialBlock(
                { block.windowId, block.serialPrefix, block.first, block.last });
        });
    Platform::SerialBlockClient *serials = m_serials.get();
    notices.setIssuedCallback([serials] { serials->topUp(); });
    m_results = std::make_unique<Platform::ResultFeed>(station.database(), *m_session);
    m_results->setCatalogSync(m_catalogSync.get());
    // Call signalling rides on the events channel: messages out through it, call messages
    // (and errors about a call) in from it as the calls' inbox, and a dropped socket ends
    // the call.
    Platform::ResultFeed *feed = m_results.get();
    m_calls = std::make_unique<Assist::CallSignalling>(
        [feed](const QJsonObject &message) { return feed->sendMessage(message); });
    feed->channel().addInbox(
        std::make_shared<CallInbox>(m_calls.get()), {}, Assist::CallSignalling::messageTypes());
    // Requests for correction from home departments (issue 17), kept for Today and the notice.
    CorrectionInbox::follow(*feed, m_station);
    // Deadlines, deliveries, answers to guide reports (issue 17): Today is out of date.
    feed->channel().addInbox(std::make_shared<AfterWindowInbox>(this), afterWindowEventTypes());
    connect(m_session.get(), &Platform::Session::replaced, this,
        [this](const Platform::SessionReplacement &by) {
            // The session has ended: nothing may go on under it.
            const QString account = m_session->account();
            m_outbox->stop();
            m_requests->stop();
            m_results->stop();
            const QString at = by.at.isValid()
                ? by.at.toOffsetFromUtc(8 * 3600).toString(Qt::ISODate)
                : QStringLiteral("unknown time");
            if (auto recorded = m_station.audit().append({ account, m_station.windowId(),
                    QStringLiteral("session.replaced"), account, QStringLiteral("ended"),
                    QStringLiteral("signed in at window %1 at %2")
                        .arg(by.windowId.isEmpty() ? QStringLiteral("(none)") : by.windowId, at) });
                !recorded)
                qWarning("audit record not written: %s", qPrintable(recorded.error().toString()));
            emit sessionReplaced(by);
        });
    connect(m_catalogSync.get(), &Platform::CatalogSync::catalogUpdated, this,
        [this](const QString &version, const QStringList &changed) {
            m_station.auditSystem(QStringLiteral("catalog.sync"), QStringLiteral("ok"),
                QStringLiteral("catalogue %1, %2 item(s) changed")
                    .arg(version)
                    .arg(changed.size()));
        });
    connect(m_catalogSync.get(), &Platform::CatalogSync::calendarUpdated, this,
        [this](const QList<int> &years) {
            const int recomputed = m_station.reloadCalendar();
            QStringList names;
            for (int year : years)
                names << QString::number(year);
            m_station.auditSystem(QStringLiteral("calendar.sync"), QStringLiteral("ok"),
                QStringLiteral("platform calendar %1, %2 provisional deadline(s) recomputed")
                    .arg(names.join(QLatin1Char(',')))
                    .arg(recomputed));
            emit calendarChanged();
        });
    connect(m_catalogSync.get(), &Platform::CatalogSync::syncFailed, this,
        [this](const Core::Error &error) {
            m_station.auditSystem(
                QStringLiteral("catalog.sync"), QStringLiteral("failed"), error.detail.left(300));
        });
}

QStringList PlatformLink::afterWindowEventTypes()
{
    return { QStringLiteral("case.dueSoon"), QStringLiteral("case.overdue"),
        QStringLiteral("delivery.task"), QStringLiteral("guide_report.answered") };
}

QString PlatformLink::serverCaseId(const QString &clientCaseId) const
{
    if (!m_outbox)
        return {};
    const QJsonArray cases = m_outbox->status().value(QStringLiteral("cases")).toArray();
    for (const QJsonValue &c : cases) {
        const QJsonObject o = c.toObject();
        if (o.value(QStringLiteral("clientCaseId")).toString() == clientCaseId)
            return o.value(QStringLiteral("caseId")).toString();
    }
    return {};
}

PlatformLink::~PlatformLink()
{
    // Everything sends through the session, which sends through the client.
    m_calls.reset(); // sends through the feed
    m_station.notices().setIssuedCallback({});
    m_serials.reset();
    m_results.reset();
    m_catalogSync.reset();
    m_requests.reset();
    m_outbox.reset();
    m_session.reset();
}

QString PlatformLink::replacedMessage(const Platform::SessionReplacement &by)
{
    const QString where = by.windowName.isEmpty()
        ? (by.windowId.isEmpty() ? Tr::tr("another window") : by.windowId)
        : QStringLiteral("%1 (%2)").arg(by.windowName, by.windowId);
    const QString when = by.at.isValid()
        ? by.at.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
        : Tr::tr("just now");
    return Tr::tr("Your account signed in at %1 at %2, so the sign-in at this window has ended. "
                  "The open case is kept. To go on working here, sign in again (this ends the "
                  "other sign-in). If it was not you, change your password and tell your "
                  "supervisor.")
        .arg(where, when);
}

void PlatformLink::setPresence(const QString &status)
{
    if (!m_session || !m_session->isSignedIn())
        return;
    Platform::ApiRequest request;
    request.method = QByteArrayLiteral("PUT");
    request.path = QStringLiteral("/presence");
    request.body = QJsonDocument(
        QJsonObject { { QStringLiteral("status"),
            status } }).toJson(QJsonDocument::Compact);
    m_session->send(request, [status](Core::Result<Platform::ApiResponse> response) {
        if (!response || !response->isSuccess())
            qWarning("presence %s not recorded by the platform: %s", qPrintable(status),
                response ? response->body.left(200).constData()
                         : qPrintable(response.error().toString()));
    });
}

QUrl PlatformLink::url() const
{
    return m_api ? m_api->baseUrl() : QUrl();
}

void PlatformLink::signIn(const QString &account, const QString &password,
    std::function<void(Core::Result<Platform::ClerkInfo>)> done)
{
    if (!m_session) {
        done(Core::Error { Platform::NetworkUnavailable,
            Tr::tr("No platform address is configured for this workstation. Ask IT support "
                   "to set [platform] url in tongban.conf."),
            QStringLiteral("platform/url empty") });
        return;
    }
    m_session->login(account, password, m_station.windowId(),
        [this, account, done = std::move(done)](Core::Result<Platform::ClerkInfo> result) {
            if (result) {
                for (const QString &window : m_session->replacedWindows()) {
                    // An unlock here signs in again and ends this window's own earlier
                    // session: only a session at another window is worth the trail.
                    if (window == m_station.windowId())
                        continue;
                    if (auto recorded = m_station.audit().append({ account, m_station.windowId(),
                            QStringLiteral("session.replace"), account, QStringLiteral("ok"),
                            QStringLiteral("ended the session at window %1")
                                .arg(window.isEmpty() ? QStringLiteral("(none)") : window) });
                        !recorded)
                        qWarning("audit record not written: %s",
                            qPrintable(recorded.error().toString()));
                }
                m_outbox->start();
                m_requests->start();
                m_results->start();
                m_serials->start();
                m_catalogSync->syncCatalog();
                m_catalogSync->syncCalendar();
            }
            done(std::move(result));
        });
}

void PlatformLink::signOut(std::function<void()> done)
{
    if (!m_session) {
        done();
        return;
    }
    m_outbox->stop();
    m_requests->stop();
    m_results->stop();
    m_serials->stop();
    m_session->logout([done = std::move(done)](Core::Status) { done(); });
}

} // namespace Tongban::App
