#pragma once

#include <core/Result.h>

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <functional>

namespace Tongban::Assist {

/// Error codes of the assist module.
enum AssistError {
    CallBusy = Core::ErrorRange::Assist + 1, ///< a call is already under way at this window
    NoSuchCall, ///< the call is not (or no longer) ringing or active here
    NotConnected, ///< the events socket is down: signalling cannot be sent
    CallRefused, ///< the platform refused a call message (its error code in detail)
    MediaUnavailable, ///< the call's media cannot start here (GStreamer part, device)
    MediaFailed, ///< the call's media stopped or could not be negotiated
    RecordingFailed, ///< a call recording's files cannot be written or read
};

/*!
 * One window's side of the call signalling of docs/platform-api.md §11, as a state
 * machine: what the clerk may do now, and what the other side did. Media (WebRTC) is not
 * here: offers, answers and ICE candidates pass through as text for the media engine.
 *
 * Transport-agnostic: messages go out through the \a send function given at construction
 * (in the workstation: Platform::ResultFeed::sendMessage on the events socket) and come in
 * through handleMessage() (every live message; others are ignored). connectionLost() is the
 * events socket dropping, which ends an active call (§11: a lost socket is the end).
 *
 * An application window has at most one outgoing call. A home window may have several
 * calls ringing at once (from different application windows) and at most one active call;
 * taking one declines none of the others, but accepting while active is refused (CallBusy).
 *
 * GUI thread.
 */
class CallSignalling : public QObject
{
    Q_OBJECT
public:
    /// Where a call stands at this window.
    enum class State {
        Idle = 0, ///< no call
        Inviting, ///< caller: invite sent, the platform has not said who rings yet
        Ringing, ///< caller: the home windows ring
        Answering, ///< home window: accept sent, the platform has not said who won yet
        Active, ///< both: connected to peerWindow(); media may flow
    };
    Q_ENUM(State)

    /// Why a call ended (or never began).
    enum class End {
        Cancelled = 1, ///< the caller gave up (caller: by this window)
        Missed, ///< nobody answered within the platform's time, or nobody could ring
        Taken, ///< callee: another home window answered first
        Declined, ///< callee: this window declined
        HungUp, ///< this window hung up
        RemoteHungUp, ///< the other party hung up (or went offline)
        Refused, ///< the platform refused the call (see the Error)
        ConnectionLost, ///< this window's events socket dropped
    };
    Q_ENUM(End)

    /// A call ringing at this (home) window.
    struct Incoming
    {
        QString callId;
        QString fromWindow; ///< window id
        QString fromName; ///< the window's name, for the clerk
        QString itemCode;
        QString caseId;
        QString materialId;
    };

    using Sender = std::function<Core::Status(const QJsonObject &message)>;

    explicit CallSignalling(Sender send, QObject *parent = nullptr);

    State state() const { return m_state; }
    QString callId() const { return m_callId; }
    bool isCaller() const { return m_isCaller; }
    /// The other party of the active call.
    QString peerWindow() const { return m_peer; }
    /// The other party's window name as the platform gives it (may be empty).
    QString peerName() const { return m_peerName; }
    /// Caller: the account of the home clerk who answered (call.accepted "clerk"), or empty.
    QString peerClerk() const { return m_peerClerk; }
    /// Caller: the home windows that ring.
    QStringList ringingWindows() const { return m_ringing; }
    /// Caller: how long the platform lets a call ring before it counts as missed (its
    /// call.invited "missAfterSeconds"; 30, the contract's time, until a platform said).
    int missAfterSeconds() const { return m_missAfterSeconds; }
    /// Caller: the last call ended Missed because no home window could ring at all (none
    /// online), not because the ringing windows let it ring out.
    bool lastMissRangNobody() const { return m_rangNobody; }
    /// Home window: the calls ringing here now, oldest first.
    QList<Incoming> incomingCalls() const;

    // Application window
    /// Rings the home windows of \a itemCode (or of \a caseId's home jurisdiction); the new
    /// call id. CallBusy while a call is under way.
    Core::Result<QString> invite(
        const QString &itemCode, const QString &caseId = {}, const QString &materialId = {});
    /// Gives up a call that is still ringing.
    Core::Status cancel();

    // Home window
    Core::Status accept(const QString &callId);
    Core::Status decline(const QString &callId);

    // Both
    Core::Status hangup();
    Core::Status sendOffer(const QString &sdp);
    Core::Status sendAnswer(const QString &sdp);
    /// An empty \a candidate is the end of candidates; \a sdpMLineIndex < 0 leaves it out.
    Core::Status sendIce(const QString &candidate, const QString &sdpMid, int sdpMLineIndex);
    /// A page-sharing message (Assist::PageShare) through the platform: the fallback while
    /// the call's data channel is not open. Relayed to the other party as call.share.
    Core::Status sendShare(const QString &data);

    /// A message from the events socket (call.*, and errors about a call).
    void handleMessage(const QJsonObject &message);
    /// The types of the messages handleMessage() takes (what the events channel hands on).
    static QStringList messageTypes();
    /// The events socket dropped: every call here is over.
    void connectionLost();

signals:
    void stateChanged(Tongban::Assist::CallSignalling::State state);
    /// Caller: the platform rings \a windows.
    void ringing(const QStringList &windows);
    /// Home window: a call rings here.
    void incoming(const Tongban::Assist::CallSignalling::Incoming &call);
    /// Home window: a call that rang here stopped ringing (taken, cancelled, missed).
    void incomingEnded(const QString &callId, Tongban::Assist::CallSignalling::End why);
    /// Both: the call is active with \a peerWindow; the caller makes the offer.
    void connected(const QString &peerWindow);
    void offerReceived(const QString &sdp);
    void answerReceived(const QString &sdp);
    void iceReceived(const QString &candidate, const QString &sdpMid, int sdpMLineIndex);
    /// A page-sharing message of the other party that came through the platform.
    void shareReceived(const QString &data);
    /// The call of this window ended; \a error is set for Refused.
    void ended(Tongban::Assist::CallSignalling::End why, const Tongban::Core::Error &error);

private:
    Core::Status sendCall(const QString &type, const QString &callId, QJsonObject members = {});
    Core::Status requireActive() const;
    void setState(State state);
    void finish(End why, const Core::Error &error = {});

    Sender m_send;
    State m_state = State::Idle;
    QString m_callId;
    bool m_isCaller = false;
    QString m_peer;
    QString m_peerName;
    QString m_peerClerk;
    QStringList m_ringing;
    int m_missAfterSeconds = 30;
    bool m_rangNobody = false;
    QList<Incoming> m_incoming;
};

} // namespace Tongban::Assist
