#pragma once

#include "CallQuality.h"

#include <QMap>

#include <gst/gst.h>

namespace Tongban::Assist::Internal {

/*!
 * Reads the statistics of the call's RTP session (rtpbin's internal session: its "stats",
 * one structure per source) into \a sample: RTP bytes sent and received, the packets this
 * side sent (picture, sound, retransmissions), those the other side's receiver reports
 * count as lost, and the round trip they measure. What the stats lack stays unknown.
 */
void readSessionStats(const GstStructure *stats, QualitySample *sample);

/*!
 * The cumulative packets lost of every report block in an RTCP compound packet (sender and
 * receiver reports), by the SSRC each block is about, into \a lost (later blocks replace
 * earlier ones). RTPSession's "stats" keep only the last block of each report per source:
 * with several streams this side sends (picture, sound, retransmissions), the picture's
 * block is never the last, and its loss was never seen (bench_call, issue 15).
 * With \a fractions, each block's "fraction lost" (out of 256: the share of the packets
 * lost since the reporter's report before) too, the worst of the packet's for each SSRC.
 * Malformed packets stop the reading; returns the number of blocks read.
 */
int readReportBlocks(const guint8 *data, gsize size, QMap<quint32, qint64> *lost,
    QMap<quint32, int> *fractions = nullptr);

/*!
 * Replaces the losses of \a sample with \a lost (readReportBlocks' figures), for the streams
 * this side sends whose packets-sent \a stats has.
 */
void applyReportBlocks(
    const GstStructure *stats, const QMap<quint32, qint64> &lost, QualitySample *sample);

/*!
 * Keeps the first caps \a pad ever sent downstream: later caps (the picture's size stepped
 * down or up, issue 15) are replaced by the first, so that the recording's Matroska muxer,
 * which refuses a caps change, goes on; VP8 carries its frame size in every keyframe.
 */
void keepFirstCaps(GstPad *pad);

} // namespace Tongban::Assist::Internal
