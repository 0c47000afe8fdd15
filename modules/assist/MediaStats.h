#pragma once

#include "CallQuality.h"

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
 * Keeps the first caps \a pad ever sent downstream: later caps (the picture's size stepped
 * down or up, issue 15) are replaced by the first, so that the recording's Matroska muxer,
 * which refuses a caps change, goes on; VP8 carries its frame size in every keyframe.
 */
void keepFirstCaps(GstPad *pad);

} // namespace Tongban::Assist::Internal
