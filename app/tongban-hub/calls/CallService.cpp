#include "CallService.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "calls/CallOversight.h"
#include "calls/PresenceService.h"
#include "catalogue/CatalogueService.h"
#include "events/EventService.h"
#include "http/HttpTypes.h"
#include "security/Secrets.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>
#include <QTimer>

namespace Tongban::Hub {

namespace {

QString monthOf(const QDateTime &time)
{
    return time.toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai")))
        .toString(QStringLiteral("yyyy-MM"));
}

} // namespace

CallService::CallService(CallStore &store, PresenceService &presence, AccountService &accounts,
    EventService &events, const CatalogueService &catalogue, const HubConfig &config,
    const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_presence(presence)
    , m_accounts(accounts)
    , m_events(events)
    , m_catalogue(catalogue)
    , m_config(config)
    , m_clock(clock)
    , m_invites(config.rates.callInvitesPerWindowPerMinute, 60 * 1000)
{
    connect(&m_presence, &PresenceService::windowGone, this, &CallService::windowGone);
    connect(&m_events, &EventService::messageReceived, this, &CallService::onMessage);
}

CallService::~CallService() = default;

void CallService::endInterruptedCalls()
{
    const auto ended = m_store.endInterrupted(m_clock.now().toMSecsSinceEpoch());
    if (!ended)
        qCWarning(lcHub) << "ending interrupted calls failed:" << ended.error().detail;
    else if (*ended > 0)
        qCInfo(lcHub) << *ended << "calls interrupted by the restart recorded as such";
}

void CallService::windowGone(const QString &windowId)
{
    QStringList ids;
    for (const auto &[id, call] : m_calls)
        ids << id;
    for (const QString &id : ids) {
        auto it = m_calls.find(id);
        if (it == m_calls.end())
            continue;
        Call &call = it->second;
        if (call.callerWindow == windowId && call.state == State::Ringing) {
            for (const QString &rung : call.rung) {
                if (!call.declined.contains(rung))
                    m_events.sendLive(rung, callMessage(QStringLiteral("call.cancelled"), id));
            }
            finish(id, QStringLiteral("cancelled"));
        } else if (call.state == State::Active
            && (call.callerWindow == windowId || call.peer == windowId)) {
            QJsonObject ended = callMessage(QStringLiteral("call.ended"), id);
            ended.insert(QStringLiteral("by"), windowId);
            m_events.sendLive(call.callerWindow == windowId ? call.peer : call.callerWindow, ended);
            finish(id, QStringLiteral("ended"), call.peer);
        } else if (call.state == State::Ringing && call.rung.contains(windowId)) {
            call.declined.insert(windowId);
        }
    }
}

QJsonObject CallService::callMessage(const QString &type, const QString &callId) const
{
    return QJsonObject { { QStringLiteral("type"), type }, { QStringLiteral("callId"), callId } };
}

void CallService::onMessage(const QString &windowId, const QString &account, const QString &role,
    const QJsonObject &message)
{
    QString problem;
    const auto parsed = parseCallMessage(message, &problem);
    if (!parsed) {
        m_events.sendError(windowId, message.value(QStringLiteral("callId")).toString().left(100),
            QStringLiteral("bad_request"), QStringLiteral("信令消息格式错误"), problem);
        return;
    }
    const CallMessage &msg = *parsed;
    if (msg.kind == CallMessage::Kind::Invite) {
        invite(windowId, account, role, msg);
        return;
    }
    auto it = m_calls.find(msg.callId);
    if (it == m_calls.end()) {
        m_events.sendError(windowId, msg.callId, QStringLiteral("not_found"),
            QStringLiteral("通话不存在或已结束"), msg.type);
        return;
    }
    Call &call = it->second;
    const bool isCaller = call.callerWindow == windowId;
    const bool isPeer = call.state == State::Active && call.peer == windowId;
    const bool isRung = call.rung.contains(windowId);
    const auto notParty = [&]() {
        m_events.sendError(windowId, msg.callId, QStringLiteral("forbidden"),
            QStringLiteral("本窗口不是该通话的一方"), msg.type);
    };
    const auto wrongState = [&]() {
        m_events.sendError(windowId, msg.callId, QStringLiteral("call_state"),
            QStringLiteral("通话当前状态不允许此操作"), msg.type);
    };

    switch (msg.kind) {
    case CallMessage::Kind::Accept: {
        if (!isRung || call.declined.contains(windowId))
            return notParty();
        if (call.state == State::Active) {
            // Someone was faster: this window lost the race.
            QJsonObject taken = callMessage(QStringLiteral("call.taken"), call.id);
            taken.insert(QStringLiteral("by"), call.peer);
            m_events.sendLive(windowId, taken);
            return;
        }
        call.state = State::Active;
        call.peer = windowId;
        if (call.timer)
            call.timer->stop();
        QJsonObject accepted = callMessage(QStringLiteral("call.accepted"), call.id);
        accepted.insert(QStringLiteral("by"), windowId);
        accepted.insert(QStringLiteral("window"), m_accounts.windowJson(windowId));
        accepted.insert(QStringLiteral("clerk"), account); // for the caller's recording
        m_events.sendLive(call.callerWindow, accepted);
        m_events.sendLive(windowId, accepted); // the winner learns it won (§11)
        for (const QString &other : call.rung) {
            if (other == windowId)
                continue;
            QJsonObject taken = callMessage(QStringLiteral("call.taken"), call.id);
            taken.insert(QStringLiteral("by"), windowId);
            m_events.sendLive(other, taken);
        }
        // The answer time of every call (issue 15): from the invite to the accept.
        const qint64 answeredMs = m_clock.now().toMSecsSinceEpoch();
        const Core::Status answered = m_store.recordAnswer(
            call.id, windowId, account, answeredMs, qMax<qint64>(0, answeredMs - call.startedMs));
        if (!answered)
            qCWarning(lcHub) << "recording an answer failed:" << answered.error().detail;
        qCInfo(lcHub) << "call" << call.id << "accepted by" << windowId;
        return;
    }
    case CallMessage::Kind::Decline:
        if (!isRung)
            return notParty();
        if (call.state != State::Ringing)
            return wrongState();
        call.declined.insert(windowId);
        return;
    case CallMessage::Kind::Cancel:
        if (!isCaller)
            return notParty();
        if (call.state != State::Ringing)
            return wrongState();
        for (const QString &rung : call.rung) {
            if (!call.declined.contains(rung))
                m_events.sendLive(rung, callMessage(QStringLiteral("call.cancelled"), call.id));
        }
        finish(call.id, QStringLiteral("cancelled"));
        return;
    case CallMessage::Kind::Offer:
    case CallMessage::Kind::Answer:
    case CallMessage::Kind::Ice:
    case CallMessage::Kind::Share: {
        if (!isCaller && !isPeer)
            return notParty();
        if (call.state != State::Active)
            return wrongState();
        QJsonObject relay = callMessage(msg.type, call.id);
        relay.insert(QStringLiteral("from"), windowId);
        if (msg.kind == CallMessage::Kind::Ice) {
            relay.insert(QStringLiteral("candidate"), msg.candidate);
            relay.insert(QStringLiteral("sdpMid"),
                msg.sdpMid.isEmpty() ? QJsonValue() : QJsonValue(msg.sdpMid));
            relay.insert(QStringLiteral("sdpMLineIndex"),
                msg.sdpMLineIndex < 0 ? QJsonValue() : QJsonValue(msg.sdpMLineIndex));
        } else if (msg.kind == CallMessage::Kind::Share) {
            relay.insert(QStringLiteral("data"), msg.data);
        } else {
            relay.insert(QStringLiteral("sdp"), msg.sdp);
        }
        m_events.sendLive(isCaller ? call.peer : call.callerWindow, relay);
        return;
    }
    case CallMessage::Kind::Hangup: {
        if (!isCaller && !isPeer)
            return notParty();
        if (call.state != State::Active)
            return wrongState();
        QJsonObject ended = callMessage(QStringLiteral("call.ended"), call.id);
        ended.insert(QStringLiteral("by"), windowId);
        m_events.sendLive(call.callerWindow, ended);
        m_events.sendLive(call.peer, ended);
        finish(call.id, QStringLiteral("ended"), call.peer);
        return;
    }
    default:
        return;
    }
}

void CallService::invite(
    const QString &windowId, const QString &account, const QString &role, const CallMessage &msg)
{
    if (role != QLatin1String("application")) {
        m_events.sendError(windowId, msg.callId, QStringLiteral("forbidden"),
            QStringLiteral("只有受理窗口可以发起帮办呼叫"), role);
        return;
    }
    if (auto existing = m_calls.find(msg.callId); existing != m_calls.end()) {
        if (existing->second.callerWindow == windowId && existing->second.itemCode == msg.itemCode)
            return; // a repeated invite: the call is already ringing
        m_events.sendError(windowId, msg.callId, QStringLiteral("idempotency_conflict"),
            QStringLiteral("通话编号已被使用"), msg.callId);
        return;
    }
    if (!m_invites.allow(windowId, m_clock.now().toMSecsSinceEpoch())) {
        m_events.sendError(windowId, msg.callId, QStringLiteral("rate_limited"),
            QStringLiteral("呼叫过于频繁，请稍后再试"), QStringLiteral("call invites per minute"));
        return;
    }
    if (m_store.exists(msg.callId)) {
        m_events.sendError(windowId, msg.callId, QStringLiteral("idempotency_conflict"),
            QStringLiteral("通话编号已被使用"), msg.callId);
        return;
    }
    const Catalog::ServiceItem *item = m_catalogue.catalog().item(msg.itemCode);
    if (!item) {
        m_events.sendError(windowId, msg.callId, QStringLiteral("unknown_item"),
            QStringLiteral("事项不在现行目录中"), msg.itemCode);
        return;
    }
    QString jurisdiction = item->homeJurisdiction.code;
    if (!msg.caseId.isEmpty()) {
        const std::optional<QString> home = m_store.caseJurisdiction(msg.caseId, windowId);
        if (!home) {
            m_events.sendError(windowId, msg.callId, QStringLiteral("validation_failed"),
                QStringLiteral("案件不存在或不属于本窗口"), QStringLiteral("/caseId"));
            return;
        }
        jurisdiction = *home;
    }
    // 属地通办窗口须在办公时间内保持在线 (000 第十八条): outside them nobody is rung.
    const QDateTime now = m_clock.now();
    if (m_oversight && m_config.officeHours && !m_oversight->isOpen(jurisdiction, now)) {
        const QDateTime next = m_oversight->nextOpen(jurisdiction, now);
        m_events.sendError(windowId, msg.callId, QStringLiteral("outside_office_hours"),
            m_oversight->closedMessage(jurisdiction, now),
            next.isValid() ? rfc3339(next) : QString());
        qCInfo(lcHub) << "call" << msg.callId << "from" << windowId << "refused: office hours of"
                      << jurisdiction;
        return;
    }

    Call call;
    call.id = msg.callId;
    call.callerWindow = windowId;
    call.itemCode = msg.itemCode;
    call.caseId = msg.caseId;
    call.materialId = msg.materialId;
    call.jurisdiction = jurisdiction;
    call.callerAccount = account;
    call.startedMs = now.toMSecsSinceEpoch();
    call.state = State::Ringing;
    for (const QString &home : m_store.homeWindows(jurisdiction)) {
        if (home != windowId && m_presence.presenceOf(home) == PresenceService::Online
            && m_events.isConnected(home, QStringLiteral("home")))
            call.rung << home;
    }
    const Core::Status recorded = m_store.insert(CallRecord {
        call.id, windowId, call.itemCode, call.caseId, jurisdiction, call.startedMs, account });
    if (!recorded) {
        qCWarning(lcHub) << "recording a call failed:" << recorded.error().detail;
        m_events.sendError(windowId, msg.callId, QStringLiteral("internal"),
            QStringLiteral("平台内部错误，请稍后重试"), QString());
        return;
    }
    const QJsonObject caller = m_accounts.windowJson(windowId);
    QJsonObject ringing = callMessage(QStringLiteral("call.ringing"), call.id);
    ringing.insert(QStringLiteral("from"), windowId);
    ringing.insert(QStringLiteral("fromWindow"), caller);
    ringing.insert(QStringLiteral("itemCode"), call.itemCode);
    ringing.insert(
        QStringLiteral("caseId"), call.caseId.isEmpty() ? QJsonValue() : QJsonValue(call.caseId));
    ringing.insert(QStringLiteral("materialId"),
        call.materialId.isEmpty() ? QJsonValue() : QJsonValue(call.materialId));
    for (const QString &home : call.rung)
        m_events.sendLive(home, ringing);
    QJsonObject invited = callMessage(QStringLiteral("call.invited"), call.id);
    invited.insert(QStringLiteral("ringing"), QJsonArray::fromStringList(call.rung));
    invited.insert(QStringLiteral("jurisdiction"), jurisdiction);
    invited.insert(QStringLiteral("missAfterSeconds"), (m_config.callTimeoutMs + 999) / 1000);
    m_events.sendLive(windowId, invited);
    qCInfo(lcHub) << "call" << call.id << "from" << windowId << "rings" << call.rung.size()
                  << "windows of" << jurisdiction;

    const QString callId = call.id;
    const bool nobody = call.rung.isEmpty();
    call.timer = new QTimer(this);
    call.timer->setSingleShot(true);
    connect(call.timer, &QTimer::timeout, this, [this, callId]() { onTimeout(callId); });
    m_calls.emplace(callId, std::move(call));
    if (nobody)
        onTimeout(callId); // nobody can answer: missed at once
    else
        m_calls.at(callId).timer->start(m_config.callTimeoutMs);
}

void CallService::onTimeout(const QString &callId)
{
    auto it = m_calls.find(callId);
    if (it == m_calls.end() || it->second.state != State::Ringing)
        return;
    const Call &call = it->second;
    const QJsonObject missed = callMessage(QStringLiteral("call.missed"), callId);
    m_events.sendLive(call.callerWindow, missed);
    for (const QString &rung : call.rung)
        m_events.sendLive(rung, missed);
    if (m_oversight && m_config.officeHours
        && !m_oversight->isOpen(call.jurisdiction, m_clock.now())) {
        // The office closed while it rang (a call at 11:59 missed at 12:00): not a miss of
        // the home windows (misses count only within office hours), no SMS.
        qCInfo(lcHub) << "call" << callId << "unanswered at the close of office hours: not counted";
        finish(callId, QStringLiteral("missed"));
        return;
    }
    recordMisses(call);
    finish(callId, QStringLiteral("missed"));
}

void CallService::recordMisses(const Call &call)
{
    const QDateTime now = m_clock.now();
    const QString month = monthOf(now);
    QStringList windows = call.rung;
    if (windows.isEmpty()) {
        // Nobody was online: every home window of the jurisdiction missed it.
        windows = m_store.homeWindows(call.jurisdiction);
        windows.removeAll(call.callerWindow);
    }
    const QJsonObject caller = m_accounts.windowJson(call.callerWindow);
    const QString text = QStringLiteral("【统一受理平台】%1有一通帮办呼叫未接听（事项%2），"
                                        "请尽快回拨。")
                             .arg(caller.value(QStringLiteral("name")).toString(), call.itemCode);
    const auto stored
        = m_store.recordMisses(call.id, windows, month, now.toMSecsSinceEpoch(), text);
    if (!stored) {
        qCWarning(lcHub) << "recording missed calls failed:" << stored.error().detail;
        return;
    }
    for (const auto &[windowId, number] : *stored) {
        qCInfo(lcHub).noquote() << "missed call" << call.id << "for window" << windowId << "SMS to"
                                << maskPhone(number);
    }
    if (m_oversight) {
        for (const QString &windowId : std::as_const(windows))
            m_oversight->escalateIfDue(windowId, month);
    }
}

void CallService::finish(QString callId, QString state, QString answeredBy)
{
    auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return;
    if (it->second.timer)
        it->second.timer->deleteLater();
    m_calls.erase(it);
    const Core::Status ended
        = m_store.recordEnd(callId, state, m_clock.now().toMSecsSinceEpoch(), answeredBy);
    if (!ended)
        qCWarning(lcHub) << "recording the end of a call failed:" << ended.error().detail;
}

Core::Result<MissedCalls> CallService::missedCalls(
    const QString &windowId, const QString &month, const AuthContext &context) const
{
    const QJsonObject window = m_accounts.windowJson(windowId);
    if (window.isEmpty())
        return Core::Error { WindowNotFound, QStringLiteral("窗口不存在"), windowId };
    const QString jurisdiction = window.value(QStringLiteral("jurisdiction"))
                                     .toObject()
                                     .value(QStringLiteral("code"))
                                     .toString();
    const bool allowed = context.role == QLatin1String("admin") || context.windowId == windowId
        || (context.role == QLatin1String("department")
            && context.jurisdictionCode == jurisdiction);
    if (!allowed)
        return Core::Error { Forbidden, QStringLiteral("无权查看该窗口的未接来电"), windowId };
    static const QRegularExpression monthShape(QStringLiteral("^\\d{4}-(0[1-9]|1[0-2])$"));
    MissedCalls missed { windowId, month, {} };
    if (missed.month.isEmpty())
        missed.month = monthOf(m_clock.now());
    else if (!monthShape.match(month).hasMatch())
        return Core::Error { BadMonth, QStringLiteral("月份格式错误"),
            QStringLiteral("month=YYYY-MM") };
    auto rows = m_store.missedCalls(windowId, missed.month);
    if (!rows)
        return Core::Error { StoreFailed, rows.error().message, rows.error().detail };
    missed.calls = std::move(*rows);
    return missed;
}

QList<SmsMessage> CallService::smsOutbox(Storage::Database &database, const Secrets &secrets)
{
    QList<SmsMessage> list;
    for (const SmsOutboxRow &row : CallStore::smsOutbox(database)) {
        const auto phone = secrets.open(row.storedPhone);
        list.append({ row.id, row.windowId, phone ? *phone : QString(), row.text, row.callId,
            row.state, row.createdAt });
    }
    return list;
}

QString CallService::maskPhone(const QString &phone)
{
    if (Secrets::isSealed(phone))
        return QStringLiteral("(sealed)");
    if (phone.isEmpty())
        return QStringLiteral("(none)");
    if (phone.size() < 7)
        return QString(phone.size(), QLatin1Char('*'));
    return QString(phone.left(3) + QString(phone.size() - 7, QLatin1Char('*')) + phone.right(4));
}

} // namespace Tongban::Hub
