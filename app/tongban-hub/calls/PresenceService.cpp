#include "PresenceService.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "calls/PresenceStore.h"
#include "events/EventService.h"
#include "http/HttpTypes.h"

#include <QJsonObject>
#include <QTimer>

namespace Tongban::Hub {

PresenceService::PresenceService(PresenceStore &store, EventService &events,
    const HubConfig &config, const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_events(events)
    , m_config(config)
    , m_clock(clock)
{
    connect(&m_events, &EventService::windowConnected, this, &PresenceService::windowConnected);
    connect(
        &m_events, &EventService::windowDisconnected, this, &PresenceService::windowDisconnected);
}

PresenceService::~PresenceService() = default;

bool PresenceService::isValidStatus(const QString &status)
{
    // away: the workstation is locked (issue 15), not rung like busy.
    return status == QLatin1String("online") || status == QLatin1String("busy")
        || status == QLatin1String("away") || status == QLatin1String("offline");
}

void PresenceService::resetAll()
{
    if (const Core::Status reset = m_store.resetAll(); !reset)
        qCWarning(lcHub) << "resetting presence failed:" << reset.error().detail;
}

QString PresenceService::presenceOf(const QString &windowId) const
{
    return m_store.presenceOf(windowId);
}

void PresenceService::broadcast(const QString &windowId, const QString &presence)
{
    m_events.broadcastLive(
        QJsonObject { { QStringLiteral("type"), QStringLiteral("presence.changed") },
            { QStringLiteral("windowId"), windowId }, { QStringLiteral("presence"), presence },
            { QStringLiteral("at"), rfc3339(m_clock.now()) } },
        windowId);
}

void PresenceService::change(const QString &windowId, const QString &presence)
{
    if (m_store.presenceOf(windowId) == presence)
        return;
    if (const Core::Status stored = m_store.store(windowId, presence); !stored) {
        qCWarning(lcHub) << "storing presence failed:" << stored.error().detail;
        return;
    }
    qCInfo(lcHub) << "window" << windowId << "is" << presence;
    broadcast(windowId, presence);
}

Core::Status PresenceService::setPresence(const AuthContext &context, const QString &status)
{
    if (!isValidStatus(status)) {
        return Core::Error { InvalidStatus, QStringLiteral("在线状态无效"),
            QStringLiteral("status must be online, busy, away or offline") };
    }
    if (context.windowId.isEmpty())
        return Core::Error { NotAtWindow, QStringLiteral("未在窗口登录，不能设置在线状态"), {} };
    const QString before = m_store.presenceOf(context.windowId);
    if (const Core::Status stored = m_store.store(context.windowId, status); !stored)
        return Core::Error { StoreFailed, stored.error().message, stored.error().detail };
    if (status != before)
        broadcast(context.windowId, status);
    if (status != Offline && !m_events.isConnected(context.windowId))
        windowDisconnected(context.windowId); // no events session: offline after the grace
    if (status == Offline)
        emit windowGone(context.windowId);
    return {};
}

void PresenceService::windowConnected(const QString &windowId)
{
    if (QTimer *timer = m_graceTimers.take(windowId))
        timer->deleteLater();
    if (m_store.presenceOf(windowId) == Offline)
        change(windowId, Online);
}

void PresenceService::windowDisconnected(const QString &windowId)
{
    if (m_graceTimers.contains(windowId))
        return;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, windowId]() {
        if (QTimer *done = m_graceTimers.take(windowId))
            done->deleteLater();
        if (m_events.isConnected(windowId))
            return;
        change(windowId, Offline);
        emit windowGone(windowId);
    });
    m_graceTimers.insert(windowId, timer);
    timer->start(m_config.presenceGraceMs);
}

} // namespace Tongban::Hub
