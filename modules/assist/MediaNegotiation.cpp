// MediaSession: offer and answer, ICE candidates, the binding to a CallSignalling.
#define GST_USE_UNSTABLE_API // gst/webrtc: its API is marked unstable in 1.22
#include "CallSignalling.h"
#include "MediaSessionPrivate.h"
#include "Tr.h"

#include <gst/sdp/sdp.h>

namespace Tongban::Assist {

using namespace media;

namespace {

/// Why webrtcbin's answer to \a promise is not a success; empty when it is (its reply in
/// \a reply, owned by the promise).
QString replyError(GstPromise *promise, const GstStructure **reply)
{
    if (gst_promise_wait(promise) != GST_PROMISE_RESULT_REPLIED)
        return QStringLiteral("no reply");
    const GstStructure *structure = gst_promise_get_reply(promise);
    if (structure && gst_structure_has_field(structure, "error")) {
        GError *error = nullptr;
        gst_structure_get(structure, "error", G_TYPE_ERROR, &error, nullptr);
        const QString message = QString::fromUtf8(error ? error->message : "?");
        g_clear_error(&error);
        return message;
    }
    if (reply) {
        if (!structure)
            return QStringLiteral("empty reply");
        *reply = structure;
    }
    return {};
}

/// \a sdp as webrtcbin takes it, or null when it is not SDP with at least one media.
GstWebRTCSessionDescription *descriptionOf(const QString &sdp, GstWebRTCSDPType type)
{
    GstSDPMessage *message = nullptr;
    gst_sdp_message_new(&message);
    const QByteArray text = sdp.toUtf8();
    if (gst_sdp_message_parse_buffer(
            reinterpret_cast<const guint8 *>(text.constData()), guint(text.size()), message)
            != GST_SDP_OK
        || gst_sdp_message_medias_len(message) == 0) {
        gst_sdp_message_free(message);
        return nullptr;
    }
    return gst_webrtc_session_description_new(type, message); // takes the message
}

} // namespace

/// An offer or answer that webrtcbin made: to the GUI thread as text.
void MediaSession::Private::onDescriptionCreated(GstPromise *promise, gpointer data)
{
    Shared &shared = sharedOf(data);
    const GstStructure *reply = nullptr;
    GstWebRTCSessionDescription *description = nullptr;
    QString failure = replyError(promise, &reply);
    if (failure.isEmpty()) {
        const char *field = gst_structure_has_field(reply, "offer") ? "offer" : "answer";
        gst_structure_get(reply, field, GST_TYPE_WEBRTC_SESSION_DESCRIPTION, &description, nullptr);
    }
    QString sdp;
    if (description) {
        gchar *text = gst_sdp_message_as_text(description->sdp);
        sdp = QString::fromUtf8(text);
        g_free(text);
        gst_webrtc_session_description_free(description);
    }
    gst_promise_unref(promise);
    shared.post([&shared, sdp, failure] {
        if (!failure.isEmpty()) {
            shared.session->fail(Core::Error {
                MediaFailed, Tr::tr("The call's media could not be negotiated."), failure });
            return;
        }
        shared.session->onLocalDescription(sdp);
    });
}

void MediaSession::Private::onRemoteDescriptionSet(GstPromise *promise, gpointer data)
{
    Shared &shared = sharedOf(data);
    const QString failure = replyError(promise, nullptr);
    gst_promise_unref(promise);
    shared.post([&shared, failure] {
        if (!failure.isEmpty()) {
            shared.session->fail(Core::Error {
                MediaFailed, Tr::tr("The other window's call description was refused."), failure });
            return;
        }
        shared.session->remoteDescriptionSet();
    });
}

void MediaSession::Private::onNegotiationNeeded(GstElement *, gpointer data)
{
    Shared &shared = sharedOf(data);
    shared.post([&shared] { shared.session->negotiationNeeded(); });
}

void MediaSession::Private::onIceCandidate(
    GstElement *, guint mline, gchar *candidate, gpointer data)
{
    Shared &shared = sharedOf(data);
    const QString text = QString::fromUtf8(candidate);
    const int index = int(mline);
    shared.post([&shared, text, index] {
        if (shared.session->state() == MediaSession::State::Negotiating
            || shared.session->state() == MediaSession::State::Connected)
            emit shared.session->localIceCandidate(text, index);
    });
}

void MediaSession::Private::onIceConnectionStateChanged(
    GstElement *webrtc, GParamSpec *, gpointer data)
{
    Shared &shared = sharedOf(data);
    GstWebRTCICEConnectionState state = GST_WEBRTC_ICE_CONNECTION_STATE_NEW;
    g_object_get(webrtc, "ice-connection-state", &state, nullptr);
    shared.post([&shared, state] { shared.session->onIceConnectionState(int(state)); });
}

void MediaSession::setRemoteDescription(const QString &sdp)
{
    if (m_state != State::Negotiating && m_state != State::Connected)
        return;
    GstWebRTCSessionDescription *description = descriptionOf(
        sdp, m_role == Role::Answerer ? GST_WEBRTC_SDP_TYPE_OFFER : GST_WEBRTC_SDP_TYPE_ANSWER);
    if (!description) {
        fail(Core::Error { MediaFailed,
            Tr::tr("The other window sent a call description that cannot be read."), {} });
        return;
    }
    GstPromise *promise = gst_promise_new_with_change_func(
        Private::onRemoteDescriptionSet, hold(d->shared), release);
    g_signal_emit_by_name(d->webrtc, "set-remote-description", description, promise);
    gst_webrtc_session_description_free(description);
}

void MediaSession::remoteDescriptionSet()
{
    if (m_state != State::Negotiating && m_state != State::Connected)
        return;
    d->remoteDescriptionSet = true;
    for (const auto &[candidate, index] : std::as_const(d->pendingCandidates))
        g_signal_emit_by_name(
            d->webrtc, "add-ice-candidate", guint(index), candidate.toUtf8().constData());
    d->pendingCandidates.clear();
    if (m_role == Role::Answerer) {
        GstPromise *promise = gst_promise_new_with_change_func(
            Private::onDescriptionCreated, hold(d->shared), release);
        g_signal_emit_by_name(d->webrtc, "create-answer", nullptr, promise);
    }
}

void MediaSession::negotiationNeeded()
{
    if (m_role != Role::Offerer || m_state != State::Negotiating)
        return;
    GstPromise *promise
        = gst_promise_new_with_change_func(Private::onDescriptionCreated, hold(d->shared), release);
    g_signal_emit_by_name(d->webrtc, "create-offer", nullptr, promise);
}

void MediaSession::addRemoteIceCandidate(const QString &candidate, int sdpMLineIndex)
{
    if (m_state != State::Negotiating && m_state != State::Connected)
        return;
    if (candidate.isEmpty() || sdpMLineIndex < 0)
        return; // the end of the other side's candidates: webrtcbin needs no word of it
    if (!d->remoteDescriptionSet) {
        d->pendingCandidates.append({ candidate, sdpMLineIndex });
        return;
    }
    g_signal_emit_by_name(
        d->webrtc, "add-ice-candidate", guint(sdpMLineIndex), candidate.toUtf8().constData());
}

void MediaSession::onLocalDescription(const QString &sdp)
{
    if (m_state != State::Negotiating && m_state != State::Connected)
        return;
    // webrtcbin's own text, back from the GUI thread's side of the promise.
    GstWebRTCSessionDescription *description = descriptionOf(
        sdp, m_role == Role::Offerer ? GST_WEBRTC_SDP_TYPE_OFFER : GST_WEBRTC_SDP_TYPE_ANSWER);
    if (!description) {
        fail(Core::Error {
            MediaFailed, Tr::tr("The call's media could not be negotiated."), sdp.left(200) });
        return;
    }
    g_signal_emit_by_name(d->webrtc, "set-local-description", description, nullptr);
    gst_webrtc_session_description_free(description);
    emit localDescription(sdp);
}

void MediaSession::onIceConnectionState(int state)
{
    switch (GstWebRTCICEConnectionState(state)) {
    case GST_WEBRTC_ICE_CONNECTION_STATE_CONNECTED:
    case GST_WEBRTC_ICE_CONNECTION_STATE_COMPLETED:
        if (m_state == State::Negotiating) {
            setState(State::Connected);
            reportEverySecond(); // the quality steering's figures (MediaQuality.cpp)
            if (d->qualityTimer)
                d->qualityTimer->start();
        }
        break;
    case GST_WEBRTC_ICE_CONNECTION_STATE_FAILED:
        fail(Core::Error { MediaFailed,
            Tr::tr("No picture or sound could reach the other window. The network between "
                   "the halls may block calls: tell IT staff."),
            QStringLiteral("ICE failed") });
        break;
    default:
        break;
    }
}

void bindToCall(MediaSession *media, CallSignalling *calls)
{
    // A message that cannot go out means the call is over or its socket is down; the call's
    // signalling ends it then, and the session with it.
    QObject::connect(
        media, &MediaSession::localDescription, calls, [media, calls](const QString &sdp) {
            const Core::Status sent = media->role() == MediaSession::Role::Offerer
                ? calls->sendOffer(sdp)
                : calls->sendAnswer(sdp);
            if (!sent)
                qCWarning(lcMedia) << "description not sent:" << sent.error().message;
        });
    QObject::connect(media, &MediaSession::localIceCandidate, calls,
        [calls](const QString &candidate, int index) {
            if (const Core::Status sent = calls->sendIce(candidate, {}, index); !sent)
                qCWarning(lcMedia) << "candidate not sent:" << sent.error().message;
        });
    QObject::connect(calls, &CallSignalling::offerReceived, media, [media](const QString &sdp) {
        if (media->role() == MediaSession::Role::Answerer)
            media->setRemoteDescription(sdp);
    });
    QObject::connect(calls, &CallSignalling::answerReceived, media, [media](const QString &sdp) {
        if (media->role() == MediaSession::Role::Offerer)
            media->setRemoteDescription(sdp);
    });
    QObject::connect(calls, &CallSignalling::iceReceived, media,
        [media](const QString &candidate, const QString &, int index) {
            media->addRemoteIceCandidate(candidate, index);
        });
    QObject::connect(calls, &CallSignalling::ended, media, [media] { media->stop(); });
}

} // namespace Tongban::Assist
