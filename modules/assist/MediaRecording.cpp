// MediaSession: the caller's recording (splitmuxsink chunks and their manifest, 000 §15).
#define GST_USE_UNSTABLE_API // gst/webrtc: its API is marked unstable in 1.22
#include "CallSignalling.h"
#include "MediaSessionPrivate.h"
#include "MediaStats.h"
#include "Tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Tongban::Assist {

using namespace media;

/// splitmuxsink opened or closed a chunk (on a streaming thread).
void MediaSession::Private::onRecordingMessage(Shared &shared, const GstStructure *structure)
{
    if (!structure)
        return;
    if (gst_structure_has_name(structure, "GstBinForwarded")) {
        // The pipeline forwards its children's messages (message-forward): the one
        // wanted is splitmuxsink's own end of stream, posted once its last chunk is
        // written, never for the chunks it closes on the way.
        GstMessage *forwarded = nullptr;
        gst_structure_get(structure, "message", GST_TYPE_MESSAGE, &forwarded, nullptr);
        if (forwarded) {
            if (GST_MESSAGE_TYPE(forwarded) == GST_MESSAGE_EOS
                && g_strcmp0(GST_OBJECT_NAME(GST_MESSAGE_SRC(forwarded)), "recorder") == 0) {
                {
                    const std::lock_guard lock(shared.recordingMutex);
                    shared.recordingEnded = true;
                }
                shared.recordingChanged.notify_all();
            }
            gst_message_unref(forwarded);
        }
        return;
    }
    const bool opened = gst_structure_has_name(structure, "splitmuxsink-fragment-opened");
    const bool closed = gst_structure_has_name(structure, "splitmuxsink-fragment-closed");
    if (!opened && !closed)
        return;
    guint64 runningTime = 0;
    gst_structure_get_uint64(structure, "running-time", &runningTime);
    const qint64 atMs = GST_CLOCK_TIME_IS_VALID(runningTime) ? qint64(runningTime / 1000000) : 0;
    {
        const std::lock_guard lock(shared.recordingMutex);
        if (opened) {
            shared.openedAtMs = atMs;
        } else {
            const char *location = gst_structure_get_string(structure, "location");
            shared.closedChunks.append(
                Shared::ClosedChunk { QString::fromUtf8(location ? location : ""),
                    qMax<qint64>(0, shared.openedAtMs), atMs });
            shared.openedAtMs = -1;
            ++shared.closedCount;
        }
    }
    shared.recordingChanged.notify_all();
    if (closed)
        shared.post([&shared] { shared.session->takeClosedChunks(); });
}

Core::Status MediaSession::startRecording()
{
    auto recording = CallRecording::create(
        m_options.recordingDirectory, m_options.recordingInfo, QDateTime::currentDateTimeUtc());
    if (!recording)
        return recording.error();
    d->recording = std::move(*recording);
    GstElement *recorder = gst_element_factory_make("splitmuxsink", "recorder");
    GstElement *muxer = gst_element_factory_make("matroskamux", nullptr);
    if (!recorder || !muxer) {
        if (recorder)
            gst_object_unref(recorder);
        if (muxer)
            gst_object_unref(muxer);
        return Core::Error { MediaUnavailable,
            Tr::tr("Video calls need GStreamer parts that are not installed on this "
                   "workstation. Ask IT staff to run the installer again."),
            QStringLiteral("splitmuxsink, matroskamux") };
    }
    // The chunk is cut at a keyframe that splitmuxsink asks the encoder for a little before
    // the limit, so that no chunk is longer than recordingChunkSeconds.
    const qint64 chunkMs = qint64(qMax(1, m_options.recordingChunkSeconds)) * 1000;
    const qint64 thresholdMs = qMax<qint64>(500, chunkMs - 500);
    const QByteArray location
        = QDir(m_options.recordingDirectory).filePath(QStringLiteral("chunk-%05d.mkv")).toUtf8();
    g_object_set(recorder, "muxer", muxer, "location", location.constData(), "max-size-time",
        guint64(thresholdMs) * GST_MSECOND, "send-keyframe-requests", TRUE, nullptr);
    gst_bin_add(GST_BIN(d->pipeline), recorder);
    g_object_set(d->pipeline, "message-forward", TRUE, nullptr);
    d->recorder = GST_ELEMENT(gst_object_ref(recorder));
    static const char *const links[][2]
        = { { "reclocalvideo", "video" }, { "reclocalaudio", "audio_0" },
              { "recremotevideodepay", "video_aux_0" }, { "recremoteaudiodepay", "audio_1" } };
    for (const auto &[from, to] : links) {
        GstElement *element = gst_bin_get_by_name(GST_BIN(d->pipeline), from);
        const bool linked = element && gst_element_link_pads(element, "src", recorder, to);
        if (element)
            gst_object_unref(element);
        if (!linked) {
            return Core::Error { MediaUnavailable,
                Tr::tr("The call's picture and sound could not be set up."),
                QStringLiteral("recording: cannot link %1 to %2")
                    .arg(QLatin1String(from), QLatin1String(to)) };
        }
    }
    // The picture's size changes with the network (issue 15); Matroska takes one size per
    // track, VP8 carries the real one in its keyframes.
    for (const char *video : { "reclocalvideo", "recremotevideodepay" }) {
        GstElement *element = gst_bin_get_by_name(GST_BIN(d->pipeline), video);
        GstPad *pad = element ? gst_element_get_static_pad(element, "src") : nullptr;
        if (pad) {
            Internal::keepFirstCaps(pad);
            gst_object_unref(pad);
        }
        if (element)
            gst_object_unref(element);
    }
    return {};
}

void MediaSession::takeClosedChunks()
{
    QList<Shared::ClosedChunk> closed;
    {
        const std::lock_guard lock(d->shared->recordingMutex);
        closed.swap(d->shared->closedChunks);
    }
    if (!d->recording)
        return;
    for (const Shared::ClosedChunk &chunk : std::as_const(closed)) {
        const QString name = QFileInfo(chunk.location).fileName();
        qint64 endMs = chunk.endMs;
        if (endMs <= chunk.startMs)
            endMs = d->recordingStopMs;
        if (endMs <= chunk.startMs) {
            QFile::remove(chunk.location); // opened as the streams ended: holds no time
            continue;
        }
        if (const Core::Status added = d->recording->addChunk(name, chunk.startMs, endMs); !added) {
            qCWarning(lcMedia) << "recording chunk not listed:" << added.error().detail;
            continue;
        }
        emit recordingChunkAdded(d->recording->chunks().last().index);
    }
}

void MediaSession::finishRecording(const QString &reason)
{
    if (!d->recording || d->recording->isFinished())
        return;
    if (d->recorder) {
        // EOS into each input: splitmuxsink closes the chunk it writes once all have it.
        bool open = false;
        {
            const std::lock_guard lock(d->shared->recordingMutex);
            open = d->shared->openedAtMs >= 0 || d->shared->closedCount == 0;
        }
        if (GstClock *clock = gst_element_get_clock(d->pipeline)) {
            const GstClockTime now = gst_clock_get_time(clock);
            const GstClockTime base = gst_element_get_base_time(d->pipeline);
            if (now > base)
                d->recordingStopMs = qint64((now - base) / GST_MSECOND);
            gst_object_unref(clock);
        }
        for (const char *name :
            { "reclocalvideo", "reclocalaudio", "recremotevideo", "recremoteaudio" }) {
            GstElement *queue = gst_bin_get_by_name(GST_BIN(d->pipeline), name);
            if (!queue)
                continue;
            GstPad *pad = gst_element_get_static_pad(queue, "sink");
            gst_pad_send_event(pad, gst_event_new_eos());
            gst_object_unref(pad);
            gst_object_unref(queue);
        }
        if (open) {
            std::unique_lock lock(d->shared->recordingMutex);
            if (!d->shared->recordingChanged.wait_for(
                    lock, std::chrono::seconds(3), [&] { return d->shared->recordingEnded; }))
                qCWarning(lcMedia) << "the recording's last chunk was not closed within 3 s";
        }
    }
    takeClosedChunks();
    if (const Core::Status finished = d->recording->finish(QDateTime::currentDateTimeUtc(), reason);
        !finished)
        qCWarning(lcMedia) << "recording not ended:" << finished.error().detail;
    emit recordingFinished(d->recording->directory());
}

const CallRecording *MediaSession::recording() const
{
    return d->recording ? &*d->recording : nullptr;
}

} // namespace Tongban::Assist
