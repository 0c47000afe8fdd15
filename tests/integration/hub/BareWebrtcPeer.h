#pragma once
// One side of a call between two bare webrtcbin peers: the benchmark's and tests' peer for
// MediaSession (tests/integration/hub/callpeer, tests/bench/bench_call). Test code.

#ifndef GST_USE_UNSTABLE_API
#define GST_USE_UNSTABLE_API 1
#endif
#include <QCoreApplication>
#include <QImage>
#include <QJsonObject>
#include <QSize>
#include <QString>

#include <atomic>
#include <functional>
#include <gst/gst.h>
#include <gst/sdp/sdp.h>
#include <gst/webrtc/webrtc.h>

/*!
 * Two bare webrtcbin peers' side: the sending half as MediaSession builds it (test pattern,
 * VP8 with the same settings, Opus), the other side's streams depayloaded and decoded into
 * fakesink; the offer/answer and candidates as the field notes do them.
 */
class BarePeer
{
public:
    /// \a out gets the peer's messages (as callpeer prints them), on the main thread.
    /// With \a frames the picture comes from pushFrame() (an appsrc, as MediaSession's
    /// MediaOptions::Video::Frames) rather than a test pattern.
    BarePeer(bool offerer, QSize size, int fps, int kbps, bool loopback,
        std::function<void(const QJsonObject &)> out, bool frames = false)
        : m_offerer(offerer)
        , m_out(std::move(out))
        , m_fps(fps)
    {
        const QString description = QStringLiteral(
            "webrtcbin name=webrtc bundle-policy=max-bundle latency=60 %6"
            " ! videoconvert ! videoscale ! videorate"
            " ! video/x-raw,width=%1,height=%2,framerate=%3/1"
            " ! queue max-size-buffers=2 leaky=downstream"
            " ! vp8enc deadline=1 cpu-used=6 end-usage=cbr target-bitrate=%4"
            " keyframe-max-dist=%5 ! rtpvp8pay pt=96"
            " ! application/x-rtp,media=video,encoding-name=VP8,payload=96 ! webrtc."
            " audiotestsrc is-live=true wave=sine volume=0.05 ! audioconvert ! audioresample"
            " ! queue ! opusenc audio-type=voice bitrate=32000 inband-fec=true"
            " ! rtpopuspay pt=97"
            " ! application/x-rtp,media=audio,encoding-name=OPUS,payload=97 ! webrtc.")
                                        .arg(size.width())
                                        .arg(size.height())
                                        .arg(fps)
                                        .arg(kbps * 1000)
                                        .arg(fps * 2)
                                        .arg(frames ? QStringLiteral("appsrc name=camera "
                                                                     "is-live=true format=time "
                                                                     "do-timestamp=true")
                                                    : QStringLiteral("videotestsrc is-live=true "
                                                                     "pattern=ball"));
        m_pipeline = gst_parse_launch(description.toUtf8().constData(), nullptr);
        m_webrtc = gst_bin_get_by_name(GST_BIN(m_pipeline), "webrtc");
        m_camera = frames ? gst_bin_get_by_name(GST_BIN(m_pipeline), "camera") : nullptr;
        if (loopback) {
            GObject *agent = nullptr;
            g_object_get(m_webrtc, "ice-agent", &agent, nullptr);
            gboolean added = FALSE;
            g_signal_emit_by_name(agent, "add-local-ip-address", "127.0.0.1", &added);
            g_object_unref(agent);
        }
        GArray *transceivers = nullptr;
        g_signal_emit_by_name(m_webrtc, "get-transceivers", &transceivers);
        for (guint i = 0; transceivers && i < transceivers->len; ++i)
            g_object_set(g_array_index(transceivers, GObject *, i), "do-nack", TRUE, nullptr);
        if (transceivers)
            g_array_unref(transceivers);
        if (m_offerer)
            g_signal_connect(m_webrtc, "on-negotiation-needed",
                G_CALLBACK(+[](GstElement *, gpointer self) {
                    static_cast<BarePeer *>(self)->createOffer();
                }),
                this);
        g_signal_connect(m_webrtc, "on-ice-candidate",
            G_CALLBACK(+[](GstElement *, guint line, gchar *candidate, gpointer self) {
                static_cast<BarePeer *>(self)->post(
                    { { QStringLiteral("ice"), QString::fromUtf8(candidate) },
                        { QStringLiteral("m"), int(line) } });
            }),
            this);
        g_signal_connect(m_webrtc, "pad-added",
            G_CALLBACK(+[](GstElement *, GstPad *pad, gpointer self) {
                static_cast<BarePeer *>(self)->incoming(pad);
            }),
            this);
    }
    ~BarePeer()
    {
        gst_element_set_state(m_pipeline, GST_STATE_NULL);
        if (m_camera)
            gst_object_unref(m_camera);
        gst_object_unref(m_webrtc);
        gst_object_unref(m_pipeline);
    }
    void start() { gst_element_set_state(m_pipeline, GST_STATE_PLAYING); }
    qint64 frames() const { return m_frames; }
    /// With frames: \a image (RGB32) into the pipeline, as MediaSession::pushVideoFrame does.
    void pushFrame(const QImage &image)
    {
        if (!m_camera)
            return;
        if (!m_cameraCaps) {
            m_cameraCaps = true;
            GstCaps *caps = gst_caps_new_simple("video/x-raw", "format", G_TYPE_STRING, "BGRx",
                "width", G_TYPE_INT, image.width(), "height", G_TYPE_INT, image.height(),
                "framerate", GST_TYPE_FRACTION, m_fps, 1, nullptr);
            g_object_set(m_camera, "caps", caps, nullptr);
            gst_caps_unref(caps);
        }
        const gsize bytes = gsize(image.bytesPerLine()) * gsize(image.height());
        GstBuffer *buffer = gst_buffer_new_allocate(nullptr, bytes, nullptr);
        gst_buffer_fill(buffer, 0, image.constBits(), bytes);
        GstFlowReturn flow = GST_FLOW_OK;
        g_signal_emit_by_name(m_camera, "push-buffer", buffer, &flow);
        gst_buffer_unref(buffer);
    }
    /// Called on a streaming thread with the luma plane (I420) of each decoded picture.
    void setDecodedHook(
        std::function<void(const guint8 *luma, int stride, int width, int height)> hook)
    {
        m_decodedHook = std::move(hook);
    }
    qint64 audio() const { return m_audio; }

    void setRemote(const QString &sdpText)
    {
        GstSDPMessage *sdp = nullptr;
        gst_sdp_message_new_from_text(sdpText.toUtf8().constData(), &sdp);
        GstWebRTCSessionDescription *description = gst_webrtc_session_description_new(
            m_offerer ? GST_WEBRTC_SDP_TYPE_ANSWER : GST_WEBRTC_SDP_TYPE_OFFER, sdp);
        GstPromise *promise = m_offerer ? nullptr
                                        : gst_promise_new_with_change_func(
                                            +[](GstPromise *done, gpointer self) {
                                                gst_promise_unref(done);
                                                static_cast<BarePeer *>(self)->createAnswer();
                                            },
                                            this, nullptr);
        g_signal_emit_by_name(m_webrtc, "set-remote-description", description, promise);
        gst_webrtc_session_description_free(description);
    }
    void addCandidate(const QString &candidate, int line)
    {
        if (!candidate.isEmpty())
            g_signal_emit_by_name(
                m_webrtc, "add-ice-candidate", guint(line), candidate.toUtf8().constData());
    }

private:
    void createOffer()
    {
        g_signal_emit_by_name(m_webrtc, "create-offer", nullptr,
            gst_promise_new_with_change_func(
                +[](GstPromise *promise, gpointer self) {
                    static_cast<BarePeer *>(self)->described(promise, "offer");
                },
                this, nullptr));
    }
    void createAnswer()
    {
        g_signal_emit_by_name(m_webrtc, "create-answer", nullptr,
            gst_promise_new_with_change_func(
                +[](GstPromise *promise, gpointer self) {
                    static_cast<BarePeer *>(self)->described(promise, "answer");
                },
                this, nullptr));
    }
    void described(GstPromise *promise, const char *field)
    {
        GstWebRTCSessionDescription *description = nullptr;
        gst_structure_get(gst_promise_get_reply(promise), field,
            GST_TYPE_WEBRTC_SESSION_DESCRIPTION, &description, nullptr);
        gst_promise_unref(promise);
        g_signal_emit_by_name(m_webrtc, "set-local-description", description, nullptr);
        gchar *text = gst_sdp_message_as_text(description->sdp);
        const QString sdp = QString::fromUtf8(text);
        g_free(text);
        gst_webrtc_session_description_free(description);
        post({ { QStringLiteral("sdp"), sdp } });
    }
    static GstPadProbeReturn countVideo(GstPad *pad, GstPadProbeInfo *info, gpointer self)
    {
        auto *peer = static_cast<BarePeer *>(self);
        if (peer->m_frames++ == 0)
            peer->post({ { QStringLiteral("first"), true } });
        if (peer->m_decodedHook) {
            GstCaps *caps = gst_pad_get_current_caps(pad);
            const GstStructure *structure = caps ? gst_caps_get_structure(caps, 0) : nullptr;
            int width = 0;
            int height = 0;
            if (structure && g_strcmp0(gst_structure_get_string(structure, "format"), "I420") == 0
                && gst_structure_get_int(structure, "width", &width)
                && gst_structure_get_int(structure, "height", &height)) {
                GstMapInfo map;
                GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER(info);
                if (gst_buffer_map(buffer, &map, GST_MAP_READ)) {
                    peer->m_decodedHook(map.data, GST_ROUND_UP_4(width), width, height);
                    gst_buffer_unmap(buffer, &map);
                }
            }
            if (caps)
                gst_caps_unref(caps);
        }
        return GST_PAD_PROBE_OK;
    }
    static GstPadProbeReturn countAudio(GstPad *, GstPadProbeInfo *, gpointer self)
    {
        ++static_cast<BarePeer *>(self)->m_audio;
        return GST_PAD_PROBE_OK;
    }
    void incoming(GstPad *pad)
    {
        if (GST_PAD_DIRECTION(pad) != GST_PAD_SRC)
            return;
        GstCaps *caps = gst_pad_get_current_caps(pad);
        if (!caps)
            caps = gst_pad_query_caps(pad, nullptr);
        const gchar *media = gst_structure_get_string(gst_caps_get_structure(caps, 0), "media");
        const bool video = media && g_str_equal(media, "video");
        gst_caps_unref(caps);
        GstElement *bin = gst_parse_bin_from_description(video
                ? "queue ! rtpvp8depay ! vp8dec ! fakesink name=sink sync=false"
                : "queue ! rtpopusdepay ! opusdec ! fakesink name=sink sync=false",
            TRUE, nullptr);
        gst_bin_add(GST_BIN(m_pipeline), bin);
        gst_element_sync_state_with_parent(bin);
        GstPad *sinkPad = gst_element_get_static_pad(bin, "sink");
        gst_pad_link(pad, sinkPad);
        gst_object_unref(sinkPad);
        GstElement *sink = gst_bin_get_by_name(GST_BIN(bin), "sink");
        GstPad *counted = gst_element_get_static_pad(sink, "sink");
        gst_pad_add_probe(
            counted, GST_PAD_PROBE_TYPE_BUFFER, video ? countVideo : countAudio, this, nullptr);
        gst_object_unref(counted);
        gst_object_unref(sink);
    }

    /// From any thread: \a message to m_out on the main thread.
    void post(const QJsonObject &message)
    {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [out = m_out, message] { out(message); },
            Qt::QueuedConnection);
    }

    bool m_offerer;
    std::function<void(const QJsonObject &)> m_out;
    GstElement *m_pipeline = nullptr;
    GstElement *m_webrtc = nullptr;
    GstElement *m_camera = nullptr; ///< appsrc, with frames
    int m_fps = 15;
    bool m_cameraCaps = false;
    std::function<void(const guint8 *, int, int, int)> m_decodedHook;
    std::atomic<qint64> m_frames { 0 };
    std::atomic<qint64> m_audio { 0 };
};
