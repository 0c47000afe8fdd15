#include "CallSignalling.h"

#include "Tr.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>

namespace Tongban::Assist {

namespace {

Core::Error busy()
{
    return Core::Error { CallBusy,
        Tr::tr("A call is already under way at this window. End it first."), {} };
}

Core::Error noSuchCall(const QString &callId)
{
    return Core::Error { NoSuchCall, Tr::tr("This call is no longer ringing or active."), callId };
}

/*!
 * The platform refused a call message: its code and message (the hub writes Chinese) become
 * what the clerk reads, in the clerk's language where the code is known.
 */
Core::Error refusal(const QJsonObject &error)
{
    const QString code = error.value(QStringLiteral("code")).toString();
    const QString detail = error.value(QStringLiteral("detail")).toString();
    if (code == QLatin1String("outside_office_hours")) {
        // 000 第十八条: the home windows are online within office hours only; the platform
        // rang nobody. Its detail is the next opening (RFC 3339), said in Beijing time.
        const QDateTime next = QDateTime::fromString(detail, Qt::ISODate);
        const QString text = next.isValid()
            ? Tr::tr("The home windows of this item are outside their office hours now, so "
                     "nobody was called. They are next open on %1 (Beijing time); call again "
                     "then.")
                  .arg(QLocale().toString(
                      next.toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai"))),
                      QStringLiteral("yyyy-MM-dd dddd HH:mm")))
            : Tr::tr("The home windows of this item are outside their office hours now, so "
                     "nobody was called. Call again within their office hours.");
        return Core::Error { CallRefused, text,
            QStringLiteral("code=%1 nextOpen=%2").arg(code, detail) };
    }
    return Core::Error { CallRefused, error.value(QStringLiteral("message")).toString(),
        QString(QStringLiteral("code=") + code) };
}

} // namespace

CallSignalling::CallSignalling(Sender send, QObject *parent)
    : QObject(parent)
    , m_send(std::move(send))
{ }

QList<CallSignalling::Incoming> CallSignalling::incomingCalls() const
{
    return m_incoming;
}

Core::Status CallSignalling::sendCall(
    const QString &type, const QString &callId, QJsonObject members)
{
    members.insert(QStringLiteral("type"), type);
    members.insert(QStringLiteral("callId"), callId);
    const Core::Status sent
        = m_send ? m_send(members) : Core::Status(Core::Error { NotConnected, {}, {} });
    if (!sent) {
        return Core::Error { NotConnected,
            Tr::tr("The connection to the platform is down, so the call cannot go through. "
                   "Wait until Today shows the platform connected, then try again."),
            sent.error().detail };
    }
    return {};
}

void CallSignalling::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void CallSignalling::finish(End why, const Core::Error &error)
{
    m_callId.clear();
    m_peer.clear();
    m_peerName.clear();
    m_peerClerk.clear();
    m_rangNobody
        = why == End::Missed && m_isCaller && m_state == State::Ringing && m_ringing.isEmpty();
    m_ringing.clear();
    m_isCaller = false;
    setState(State::Idle);
    emit ended(why, error);
}

Core::Result<QString> CallSignalling::invite(
    const QString &itemCode, const QString &caseId, const QString &materialId)
{
    if (m_state != State::Idle)
        return busy();
    const QString callId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QJsonObject members { { QStringLiteral("itemCode"), itemCode } };
    if (!caseId.isEmpty())
        members.insert(QStringLiteral("caseId"), caseId);
    if (!materialId.isEmpty())
        members.insert(QStringLiteral("materialId"), materialId);
    if (const Core::Status sent = sendCall(QStringLiteral("call.invite"), callId, members); !sent)
        return sent.error();
    m_callId = callId;
    m_isCaller = true;
    setState(State::Inviting);
    return callId;
}

Core::Status CallSignalling::cancel()
{
    if (!m_isCaller || (m_state != State::Inviting && m_state != State::Ringing))
        return noSuchCall(m_callId);
    const Core::Status sent = sendCall(QStringLiteral("call.cancel"), m_callId);
    // Ended here either way: the platform ends a caller's ringing call when its socket drops.
    finish(End::Cancelled);
    return sent;
}

Core::Status CallSignalling::accept(const QString &callId)
{
    const auto it = std::find_if(m_incoming.cbegin(), m_incoming.cend(),
        [&](const Incoming &call) { return call.callId == callId; });
    if (it == m_incoming.cend())
        return noSuchCall(callId);
    if (m_state != State::Idle)
        return busy();
    if (const Core::Status sent = sendCall(QStringLiteral("call.accept"), callId); !sent)
        return sent;
    m_callId = callId;
    m_isCaller = false;
    setState(State::Answering);
    return {};
}

Core::Status CallSignalling::decline(const QString &callId)
{
    const qsizetype removed
        = m_incoming.removeIf([&](const Incoming &call) { return call.callId == callId; });
    if (removed == 0)
        return noSuchCall(callId);
    emit incomingEnded(callId, End::Declined);
    return sendCall(QStringLiteral("call.decline"), callId);
}

Core::Status CallSignalling::hangup()
{
    if (m_state != State::Active)
        return noSuchCall(m_callId);
    const Core::Status sent = sendCall(QStringLiteral("call.hangup"), m_callId);
    finish(End::HungUp);
    return sent;
}

Core::Status CallSignalling::requireActive() const
{
    return m_state == State::Active ? Core::Status() : Core::Status(noSuchCall(m_callId));
}

Core::Status CallSignalling::sendOffer(const QString &sdp)
{
    if (const Core::Status active = requireActive(); !active)
        return active;
    return sendCall(QStringLiteral("call.offer"), m_callId, { { QStringLiteral("sdp"), sdp } });
}

Core::Status CallSignalling::sendAnswer(const QString &sdp)
{
    if (const Core::Status active = requireActive(); !active)
        return active;
    return sendCall(QStringLiteral("call.answer"), m_callId, { { QStringLiteral("sdp"), sdp } });
}

Core::Status CallSignalling::sendIce(
    const QString &candidate, const QString &sdpMid, int sdpMLineIndex)
{
    if (const Core::Status active = requireActive(); !active)
        return active;
    QJsonObject members { { QStringLiteral("candidate"), candidate } };
    if (!sdpMid.isEmpty())
        members.insert(QStringLiteral("sdpMid"), sdpMid);
    if (sdpMLineIndex >= 0)
        members.insert(QStringLiteral("sdpMLineIndex"), sdpMLineIndex);
    return sendCall(QStringLiteral("call.ice"), m_callId, members);
}

Core::Status CallSignalling::sendShare(const QString &data)
{
    if (const Core::Status active = requireActive(); !active)
        return active;
    return sendCall(
        QStringLiteral("call.share"), m_callId, QJsonObject { { QStringLiteral("data"), data } });
}

QStringList CallSignalling::messageTypes()
{
    return { QStringLiteral("call.ringing"), QStringLiteral("call.cancelled"),
        QStringLiteral("call.taken"), QStringLiteral("call.missed"), QStringLiteral("call.invited"),
        QStringLiteral("call.accepted"), QStringLiteral("call.offer"),
        QStringLiteral("call.answer"), QStringLiteral("call.share"), QStringLiteral("call.ice"),
        QStringLiteral("call.ended"), QStringLiteral("error") };
}

void CallSignalling::handleMessage(const QJsonObject &message)
{
    const QString type = message.value(QStringLiteral("type")).toString();
    const QString callId = message.value(QStringLiteral("callId")).toString();
    if (callId.isEmpty())
        return;
    const bool mine = callId == m_callId && m_state != State::Idle;

    // Calls ringing at this window.
    const auto stopRinging = [&](End why) {
        const qsizetype removed
            = m_incoming.removeIf([&](const Incoming &call) { return call.callId == callId; });
        if (removed > 0)
            emit incomingEnded(callId, why);
    };
    if (type == QLatin1String("call.ringing")) {
        const bool known = std::any_of(m_incoming.cbegin(), m_incoming.cend(),
            [&](const Incoming &call) { return call.callId == callId; });
        if (known)
            return;
        Incoming call;
        call.callId = callId;
        call.fromWindow = message.value(QStringLiteral("from")).toString();
        call.fromName = message.value(QStringLiteral("fromWindow"))
                            .toObject()
                            .value(QStringLiteral("name"))
                            .toString();
        call.itemCode = message.value(QStringLiteral("itemCode")).toString();
        call.caseId = message.value(QStringLiteral("caseId")).toString();
        call.materialId = message.value(QStringLiteral("materialId")).toString();
        m_incoming.append(call);
        emit incoming(call);
        return;
    }
    if (type == QLatin1String("call.cancelled")) {
        stopRinging(End::Cancelled);
        if (mine && m_state == State::Answering)
            finish(End::Cancelled); // the caller gave up as this window answered
        return;
    }
    if (type == QLatin1String("call.taken")) {
        stopRinging(End::Taken);
        if (mine && m_state == State::Answering)
            finish(End::Taken); // another window was faster
        return;
    }

    if (type == QLatin1String("call.missed")) {
        stopRinging(End::Missed);
        if (mine)
            finish(End::Missed);
        return;
    }
    if (!mine)
        return;
    if (type == QLatin1String("call.invited") && m_state == State::Inviting) {
        m_ringing.clear();
        for (const QJsonValue &window : message.value(QStringLiteral("ringing")).toArray())
            m_ringing.append(window.toString());
        if (const int seconds = message.value(QStringLiteral("missAfterSeconds")).toInt();
            seconds > 0)
            m_missAfterSeconds = seconds;
        setState(State::Ringing);
        emit ringing(m_ringing);
    } else if (type == QLatin1String("call.accepted")
        && (m_state == State::Ringing || m_state == State::Inviting
            || m_state == State::Answering)) {
        if (m_isCaller) {
            m_peer = message.value(QStringLiteral("by")).toString();
            m_peerName = message.value(QStringLiteral("window"))
                             .toObject()
                             .value(QStringLiteral("name"))
                             .toString();
            m_peerClerk = message.value(QStringLiteral("clerk")).toString();
        } else {
            for (const Incoming &call : std::as_const(m_incoming)) {
                if (call.callId == callId) {
                    m_peer = call.fromWindow;
                    m_peerName = call.fromName;
                }
            }
            m_incoming.removeIf([&](const Incoming &call) { return call.callId == callId; });
        }
        setState(State::Active);
        emit connected(m_peer);
    } else if (type == QLatin1String("call.offer") && m_state == State::Active) {
        emit offerReceived(message.value(QStringLiteral("sdp")).toString());
    } else if (type == QLatin1String("call.answer") && m_state == State::Active) {
        emit answerReceived(message.value(QStringLiteral("sdp")).toString());
    } else if (type == QLatin1String("call.share") && m_state == State::Active) {
        emit shareReceived(message.value(QStringLiteral("data")).toString());
    } else if (type == QLatin1String("call.ice") && m_state == State::Active) {
        emit iceReceived(message.value(QStringLiteral("candidate")).toString(),
            message.value(QStringLiteral("sdpMid")).toString(),
            message.value(QStringLiteral("sdpMLineIndex")).toInt(-1));
    } else if (type == QLatin1String("call.ended")) {
        finish(End::RemoteHungUp);
    } else if (type == QLatin1String("error")) {
        const QJsonObject error = message.value(QStringLiteral("error")).toObject();
        // A refused invite or accept ends the attempt; a refused relay does not end a call.
        if (m_state == State::Inviting || m_state == State::Answering) {
            m_incoming.removeIf([&](const Incoming &call) { return call.callId == callId; });
            finish(End::Refused, refusal(error));
        }
    }
}

void CallSignalling::connectionLost()
{
    if (!m_incoming.isEmpty()) {
        const QList<Incoming> calls = std::exchange(m_incoming, {});
        for (const Incoming &call : calls)
            emit incomingEnded(call.callId, End::ConnectionLost);
    }
    if (m_state != State::Idle)
        finish(End::ConnectionLost);
}

} // namespace Tongban::Assist
