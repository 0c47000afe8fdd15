#pragma once

#include "HubConfig.h"
#include "HubErrors.h"

#include <core/Result.h>

#include <QHash>
#include <QObject>
#include <QString>

class QTimer;

namespace Tongban::Hub {

struct AuthContext;
class EventService;
class PresenceStore;

/*!
 * Presence of windows (contract §11), apart from the call state machine (issue 13).
 *
 * hub_windows.presence holds what the clerk set (PUT /presence: online, busy, away, offline);
 * a window's first events session makes an offline window online; when its last session
 * ends, a HubConfig::presenceGraceMs timer starts and, if no session came back, the window
 * becomes offline. Every change is sent live as presence.changed to every connected session.
 * windowGone() tells the call state machine that a window went offline (set by its clerk, or
 * its grace ran out).
 *
 * Threading: the thread that owns the Database.
 */
class PresenceService : public QObject
{
    Q_OBJECT
public:
    enum ErrorCode {
        InvalidStatus = HubError::Presence + 1, ///< not online, busy, away or offline
        NotAtWindow, ///< a session without a window (department, admin)
        StoreFailed,
    };

    static inline const QString Online = QStringLiteral("online");
    static inline const QString Offline = QStringLiteral("offline");

    PresenceService(PresenceStore &store, EventService &events, const HubConfig &config,
        const Core::Clock &clock, QObject *parent = nullptr);
    ~PresenceService() override;

    static bool isValidStatus(const QString &status);

    /// A listening hub has no sessions yet: every window starts offline.
    void resetAll();
    /// The stored presence; empty for an unknown window.
    QString presenceOf(const QString &windowId) const;
    /// What the clerk of \a context's window set; broadcast when it changed.
    Core::Status setPresence(const AuthContext &context, const QString &status);

    /// The window's first events session: offline becomes online, a running grace stops.
    void windowConnected(const QString &windowId);
    /// The window's last events session ended: offline after the grace unless one comes back.
    void windowDisconnected(const QString &windowId);
    bool graceRunning(const QString &windowId) const { return m_graceTimers.contains(windowId); }

signals:
    /// \a windowId went offline: its calls end (the call state machine listens).
    void windowGone(const QString &windowId);

private:
    /// Stores \a presence when it differs from the stored one, and broadcasts it.
    void change(const QString &windowId, const QString &presence);
    void broadcast(const QString &windowId, const QString &presence);

    PresenceStore &m_store;
    EventService &m_events;
    const HubConfig &m_config;
    const Core::Clock &m_clock;
    QHash<QString, QTimer *> m_graceTimers;
};

} // namespace Tongban::Hub
