#include "MediaStats.h"

#include "RtcpFeedback.h"

#include <QMap>

#include <algorithm>

namespace Tongban::Assist::Internal {

namespace {

qint64 integerField(const GstStructure *s, const char *name)
{
    guint64 u64 = 0;
    gint64 i64 = 0;
    guint u = 0;
    gint i = 0;
    if (gst_structure_get_uint64(s, name, &u64))
        return qint64(u64);
    if (gst_structure_get_int64(s, name, &i64))
        return i64;
    if (gst_structure_get_uint(s, name, &u))
        return u;
    if (gst_structure_get_int(s, name, &i))
        return i;
    return 0;
}

GstPadProbeReturn onCaps(GstPad *, GstPadProbeInfo *info, gpointer data)
{
    auto **first = static_cast<GstCaps **>(data);
    GstEvent *event = GST_PAD_PROBE_INFO_EVENT(info);
    if (GST_EVENT_TYPE(event) != GST_EVENT_CAPS)
        return GST_PAD_PROBE_OK;
    GstCaps *caps = nullptr;
    gst_event_parse_caps(event, &caps);
    if (!*first) {
        *first = gst_caps_ref(caps);
        return GST_PAD_PROBE_OK;
    }
    if (gst_caps_is_equal(caps, *first))
        return GST_PAD_PROBE_OK;
    gst_event_unref(event);
    GST_PAD_PROBE_INFO_DATA(info) = gst_event_new_caps(*first);
    return GST_PAD_PROBE_OK;
}

void freeCaps(gpointer data)
{
    auto **first = static_cast<GstCaps **>(data);
    if (*first)
        gst_caps_unref(*first);
    delete first;
}

} // namespace

void readSessionStats(const GstStructure *stats, QualitySample *sample)
{
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS // GValueArray: what RTPSession's "stats" holds
        const GValue *sources
        = gst_structure_get_value(stats, "source-stats");
    if (!sources || G_VALUE_TYPE(sources) != g_value_array_get_type())
        return;
    const GValueArray *array = static_cast<const GValueArray *>(g_value_get_boxed(sources));
    QMap<quint32, qint64> sent; // our SSRC -> packets sent
    QMap<quint32, qint64> lost; // our SSRC -> lost, from the last report block about it
    double rttSum = 0;
    int rttCount = 0;
    for (guint i = 0; array && i < array->n_values; ++i) {
        const GValue *value = g_value_array_get_nth(const_cast<GValueArray *>(array), i);
        const GstStructure *source
            = GST_VALUE_HOLDS_STRUCTURE(value) ? gst_value_get_structure(value) : nullptr;
        if (!source)
            continue;
        gboolean internal = FALSE;
        gst_structure_get_boolean(source, "internal", &internal);
        guint ssrc = 0;
        gst_structure_get_uint(source, "ssrc", &ssrc);
        if (internal) { // ours: the picture, the sound, their retransmissions
            sample->bytesSent += integerField(source, "octets-sent");
            sent.insert(ssrc, integerField(source, "packets-sent"));
            continue;
        }
        // The other side's: what it sends, and its last report block about one of ours
        // (an RTP source keeps only the last block of each report).
        sample->bytesReceived += integerField(source, "octets-received");
        gboolean haveReport = FALSE;
        guint about = 0;
        if (gst_structure_get_boolean(source, "have-rb", &haveReport) && haveReport
            && gst_structure_get_uint(source, "rb-ssrc", &about)) {
            lost.insert(about, integerField(source, "rb-packetslost"));
            const qint64 roundTrip = integerField(source, "rb-round-trip"); // 1/65536 s
            if (roundTrip > 0) {
                rttSum += double(roundTrip) * 1000.0 / 65536.0;
                ++rttCount;
            }
        }
    }
    G_GNUC_END_IGNORE_DEPRECATIONS
    for (auto it = lost.cbegin(); it != lost.cend(); ++it) {
        if (sent.contains(it.key()))
            sample->reported.insert(it.key(), { sent.value(it.key()), it.value() });
    }
    if (rttCount > 0)
        sample->roundTripMs = rttSum / rttCount;
}

int readReportBlocks(
    const guint8 *data, gsize size, QMap<quint32, qint64> *lost, QMap<quint32, int> *fractions)
{
    int blocks = 0;
    forEachRtcpPacket(data, qsizetype(size), [&](const RtcpPacket &packet) {
        // SR (200): header, SSRC, 20 bytes of sender info; RR (201): header, SSRC.
        const qsizetype first = packet.type == 200 ? packet.at + 28
            : packet.type == 201                   ? packet.at + 8
                                                   : 0;
        for (int i = 0; first && i < packet.countOrFormat
             && first + qsizetype(i + 1) * 24 <= packet.at + packet.length;
             ++i) {
            const qsizetype block = first + qsizetype(i) * 24;
            const quint32 ssrc = rtcpWord(data, block);
            // 24-bit signed cumulative number of packets lost
            qint32 cumulative = qint32(rtcpWord(data, block + 4) & 0xffffff);
            if (cumulative & 0x800000)
                cumulative -= 0x1000000;
            lost->insert(ssrc, cumulative);
            if (fractions)
                fractions->insert(ssrc, std::max(fractions->value(ssrc), int(data[block + 4])));
            ++blocks;
        }
    });
    return blocks;
}

void applyReportBlocks(
    const GstStructure *stats, const QMap<quint32, qint64> &lost, QualitySample *sample)
{
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS // GValueArray: what RTPSession's "stats" holds
        const GValue *sources
        = gst_structure_get_value(stats, "source-stats");
    if (!sources || G_VALUE_TYPE(sources) != g_value_array_get_type())
        return;
    const GValueArray *array = static_cast<const GValueArray *>(g_value_get_boxed(sources));
    for (guint i = 0; array && i < array->n_values; ++i) {
        const GValue *value = g_value_array_get_nth(const_cast<GValueArray *>(array), i);
        const GstStructure *source
            = GST_VALUE_HOLDS_STRUCTURE(value) ? gst_value_get_structure(value) : nullptr;
        gboolean internal = FALSE;
        guint ssrc = 0;
        if (!source || !gst_structure_get_boolean(source, "internal", &internal) || !internal
            || !gst_structure_get_uint(source, "ssrc", &ssrc) || !lost.contains(ssrc))
            continue;
        sample->reported.insert(ssrc, { integerField(source, "packets-sent"), lost.value(ssrc) });
    }
    G_GNUC_END_IGNORE_DEPRECATIONS
}

void keepFirstCaps(GstPad *pad)
{
    gst_pad_add_probe(
        pad, GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM, onCaps, new GstCaps *(nullptr), freeCaps);
}

} // namespace Tongban::Assist::Internal
