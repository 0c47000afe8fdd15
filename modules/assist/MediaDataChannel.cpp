// MediaSession: the call's data channel "assist" (the shared page and its marks).
#define GST_USE_UNSTABLE_API // gst/webrtc: its API is marked unstable in 1.22
#include "CallSignalling.h"
#include "MediaSessionPrivate.h"
#include "Tr.h"

namespace Tongban::Assist {

using namespace media;

/// The answerer learns of the caller's data channel (a webrtcbin thread).
void MediaSession::Private::onDataChannel(GstElement *, GObject *channel, gpointer data)
{
    Shared &shared = sharedOf(data);
    g_object_ref(channel);
    shared.post([&shared, channel] { shared.session->attachChannel(channel); });
}

void MediaSession::Private::onChannelOpen(GObject *, gpointer data)
{
    Shared &shared = sharedOf(data);
    shared.post([&shared] {
        if (!shared.session->m_channelOpen) {
            shared.session->m_channelOpen = true;
            emit shared.session->channelOpen();
        }
    });
}

void MediaSession::Private::onChannelMessage(GObject *, gchar *text, gpointer data)
{
    Shared &shared = sharedOf(data);
    if (qstrcmp(text, kHeartbeat) == 0) { // the watchdog's, not the page's
        ++shared.heartbeats;
        return;
    }
    const QString message = QString::fromUtf8(text);
    shared.post([&shared, message] { emit shared.session->channelMessage(message); });
}

void MediaSession::attachChannel(void *channel)
{
    GObject *object = G_OBJECT(channel);
    if (d->channel || m_state == State::Stopped || m_state == State::Failed) {
        g_object_unref(object);
        return;
    }
    d->channel = object;
    const SharedPtr &shared = d->shared;
    g_signal_connect_data(object, "on-open", callback(Private::onChannelOpen), hold(shared),
        releaseClosure, GConnectFlags(0));
    g_signal_connect_data(object, "on-message-string", callback(Private::onChannelMessage),
        hold(shared), releaseClosure, GConnectFlags(0));
    GstWebRTCDataChannelState state = GST_WEBRTC_DATA_CHANNEL_STATE_CONNECTING;
    g_object_get(object, "ready-state", &state, nullptr);
    if (state == GST_WEBRTC_DATA_CHANNEL_STATE_OPEN && !m_channelOpen) {
        m_channelOpen = true;
        emit channelOpen();
    }
}

Core::Status MediaSession::sendChannelMessage(const QString &text)
{
    if (!d->channel || !m_channelOpen || m_state != State::Connected) {
        return Core::Error { NotConnected, Tr::tr("The call's data connection is not open yet."),
            {} };
    }
    GError *error = nullptr;
    const QByteArray bytes = text.toUtf8();
    if (!gst_webrtc_data_channel_send_string_full(
            GST_WEBRTC_DATA_CHANNEL(d->channel), bytes.constData(), &error)) {
        const QString detail = QString::fromUtf8(error ? error->message : "?");
        g_clear_error(&error);
        return Core::Error { NotConnected, Tr::tr("The call's data connection is not open yet."),
            detail };
    }
    return {};
}

} // namespace Tongban::Assist
