#include "RtcpFeedback.h"

namespace Tongban::Assist::Internal {

int NackedPackets::read(const unsigned char *data, qsizetype size)
{
    int added = 0;
    forEachRtcpPacket(data, size, [&](const RtcpPacket &packet) {
        // RTPFB (205), FMT 1: header, SSRC of the sender, SSRC of the media source, then
        // entries of a packet id (PID) and a bitmask of the 16 packets after it (BLP).
        if (packet.type != 205 || packet.countOrFormat != 1 || packet.length < 12)
            return;
        const quint32 media = rtcpWord(data, packet.at + 8);
        for (qsizetype entry = packet.at + 12; entry + 4 <= packet.at + packet.length; entry += 4) {
            const quint32 fci = rtcpWord(data, entry);
            const auto pid = quint16(fci >> 16);
            const auto blp = quint16(fci & 0xffff);
            added += add(media, pid) ? 1 : 0;
            for (int bit = 0; bit < 16; ++bit) {
                if (blp & (1u << bit))
                    added += add(media, quint16(pid + bit + 1)) ? 1 : 0;
            }
        }
    });
    return added;
}

bool NackedPackets::add(quint32 ssrc, quint16 sequence)
{
    if (!m_streams.contains(ssrc) && m_streams.size() >= MaxStreams)
        return false;
    Stream &stream = m_streams[ssrc];
    if (stream.recent.contains(sequence))
        return false; // asked again: the retransmission did not come back in time
    stream.recent.insert(sequence);
    stream.order.append(sequence);
    if (stream.order.size() > KeptPerStream)
        stream.recent.remove(stream.order.takeFirst());
    ++stream.count;
    return true;
}

} // namespace Tongban::Assist::Internal
