#pragma once

#include <QDateTime>
#include <QObject>

class QTimer;

namespace Tongban::App {
class PlatformLink;
class Workstation;
} // namespace Tongban::App

namespace Tongban::Gui {

/*!
 * What the window can honestly say about the platform, for the header and
 * the screens (issue 14): connected only while the platform's events socket
 * is live (PlatformLink::results() welcomed us), otherwise reconnecting
 * since the moment it was lost; and how many cases wait in the outbox.
 *
 * Recomputed when the result feed, the outbox or the session says something
 * changed, and every few seconds for the count. Belongs to the GUI thread;
 * the Workstation and the PlatformLink (may be null) must outlive it.
 */
class PlatformStatus : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Invalid = 0,
        NotConfigured, ///< no platform URL in tongban.conf
        SignedOut, ///< no clerk signed in to the platform
        Connecting, ///< signed in, never connected yet in this session
        Connected, ///< the events socket is live
        Reconnecting, ///< lost since lostSince(); the link retries by itself
    };
    Q_ENUM(State)

    PlatformStatus(
        App::Workstation &station, App::PlatformLink *platform, QObject *parent = nullptr);

    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    /// When the connection was lost (China time is shown); invalid unless Reconnecting.
    QDateTime lostSince() const { return m_lostSince; }
    /// Cases in the outbox not yet acknowledged (pending, uploading, submitting).
    int waitingCases() const { return m_waiting; }
    /// Cases the outbox gave up on (the clerk sends them again from the outbox screen).
    int failedCases() const { return m_failed; }
    /// One line for the header: the state, and the cases waiting.
    QString text() const;
    /// The state alone, in the clerk's words.
    QString stateText() const;

    /// Reads everything again now.
    void update();

    /*!
     * An outbox error as a clerk reads it: its message without the internal code and
     * detail that Core::Error::toString() appends ("message (1203: detail)").
     */
    static QString clerkMessage(const QString &storedError);

signals:
    void changed();

private:
    App::Workstation &m_station;
    App::PlatformLink *m_platform = nullptr;
    QTimer *m_timer = nullptr;
    State m_state = State::Invalid;
    QDateTime m_lostSince;
    bool m_wasLive = false;
    int m_waiting = 0;
    int m_failed = 0;
};

} // namespace Tongban::Gui
