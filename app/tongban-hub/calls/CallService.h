#pragma once

#include "HubConfig.h"
#include "HubErrors.h"
#include "calls/CallMessage.h"
#include "calls/CallStore.h"
#include "http/RateLimiter.h"

#include <core/Result.h>

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <map>

class QTimer;

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

struct AuthContext;
class AccountService;
class CallOversight;
class CatalogueService;
class EventService;
class PresenceService;
class Secrets;

/// One queued text message to a home window (the SMS gateway is an external edge).
struct SmsMessage
{
    qint64 id = 0;
    QString windowId;
    QString phone;
    QString text;
    QString callId;
    QString state; ///< queued, or no_phone when the window has no duty phone
    QDateTime createdAt;
};

/// The missed calls of a window in a month (GET /windows/{id}/missed-calls).
struct MissedCalls
{
    QString windowId;
    QString month;
    QList<MissedCallRow> calls;
};

/*!
 * The call state machine of call signalling (contract §11); presence is PresenceService's
 * (a window it reports gone ends its calls), the SQL CallStore's.
 *
 * Calls live in memory and are recorded in hub_calls. A restart ends them: the calls
 * still ringing or active in hub_calls are recorded as "interrupted" (not missed: nobody
 * was given the chance to answer; no SMS, no count) when the hub starts listening.
 * An invite rings every online, connected home window of the jurisdiction
 * (a window with a session of a "home" account); the first accept wins;
 * SDP and ICE are relayed only between caller and the accepting window; a
 * call still ringing after callTimeoutMs is missed: a miss is recorded and an
 * SMS queued for each window rung (or, when none was online, for every home
 * window of the jurisdiction). A message about a call the sender is not
 * party to gets an error message, never a relay.
 *
 * Threading: the thread that owns the Database.
 */
class CallService : public QObject
{
    Q_OBJECT
public:
    enum ErrorCode {
        WindowNotFound = HubError::Calls + 1,
        Forbidden, ///< not the window itself, its department or an admin
        BadMonth,
        StoreFailed,
    };

    CallService(CallStore &store, PresenceService &presence, AccountService &accounts,
        EventService &events, const CatalogueService &catalogue, const HubConfig &config,
        const Core::Clock &clock, QObject *parent = nullptr);
    ~CallService() override;

    /// Calls left ringing or active by the previous run are recorded as interrupted.
    void endInterruptedCalls();

    /// The missed calls of \a windowId in \a month (empty: this month), for \a context.
    Core::Result<MissedCalls> missedCalls(
        const QString &windowId, const QString &month, const AuthContext &context) const;

    /// The SMS outbox, oldest first, phone numbers opened.
    static QList<SmsMessage> smsOutbox(Storage::Database &database, const Secrets &secrets);
    /// 13800000001 → 138****0001, for logs; a sealed number (§13) is "(sealed)".
    static QString maskPhone(const QString &phone);

    int activeCallCount() const { return int(m_calls.size()); }

    /*!
     * Office hours, answer times and escalations (issue 15, 000 第十八条): with \a oversight
     * set, an invite outside the home jurisdiction's office hours is refused (call.error
     * outside_office_hours, saying when the home windows are next open), a call still
     * ringing when the office closes is missed without counting, the answer time and both
     * clerks of each call are stored, and a window's 4th miss of a month is escalated.
     */
    void setOversight(CallOversight *oversight) { m_oversight = oversight; }

private:
    enum class State { Unknown, Ringing, Active };
    struct Call
    {
        QString id;
        QString callerWindow;
        QString itemCode;
        QString caseId;
        QString materialId;
        QString jurisdiction;
        QString callerAccount;
        qint64 startedMs = 0;
        QStringList rung;
        QSet<QString> declined;
        QString peer;
        State state = State::Unknown;
        QTimer *timer = nullptr;
    };

    void onMessage(const QString &windowId, const QString &account, const QString &role,
        const QJsonObject &message);
    void invite(const QString &windowId, const QString &account, const QString &role,
        const CallMessage &message);
    void onTimeout(const QString &callId);
    void windowGone(const QString &windowId);
    /// By value: callers pass members of the call that this erases.
    void finish(QString callId, QString state, QString answeredBy = {});
    void recordMisses(const Call &call);
    QJsonObject callMessage(const QString &type, const QString &callId) const;

    CallStore &m_store;
    PresenceService &m_presence;
    AccountService &m_accounts;
    EventService &m_events;
    const CatalogueService &m_catalogue;
    const HubConfig &m_config;
    const Core::Clock &m_clock;
    CallOversight *m_oversight = nullptr;
    RateLimiter m_invites; ///< new calls per caller window and minute (issue 13)
    std::map<QString, Call> m_calls;
};

} // namespace Tongban::Hub
