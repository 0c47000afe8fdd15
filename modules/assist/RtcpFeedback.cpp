#include "RtcpFeedback.h"

namespace Tongban::Assist::Internal {

int NackedPackets::read(const unsigned char *data, qsizetype size)
{
    const auto word = [data](qsizetype at) {
        return quint32(data[at]) << 24 | quint32(data[at + 1]) << 16 | quint32(data[at + 2]) << 8
            | quint32(data[at + 3]);
    };
    int added = 0;
    qsizetype at = 0;
    while (at + 4 <= size) {
        const int version = data[at] >> 6;
        const int format = data[at] & 0x1f;
        const int type = data[at + 1];
        const qsizetype length = (qsizetype(data[at + 2]) << 8 | data[at + 3]) * 4 + 4;
        if (version != 2 || at + length > size)
            break;
        // RTPFB (205), FMT 1: header, SSRC of the sender, SSRC of the media source, then
        // entries of a packet id (PID) and a bitmask of the 16 packets after it (BLP).
        if (type == 205 && format == 1 && length >= 12) {
            const quint32 media = word(at + 8);
            for (qsizetype entry = at + 12; entry + 4 <= at + length; entry += 4) {
                const quint32 fci = word(entry);
                const auto pid = quint16(fci >> 16);
                const auto blp = quint16(fci & 0xffff);
                added += add(media, pid) ? 1 : 0;
                for (int bit = 0; bit < 16; ++bit) {
                    if (blp & (1u << bit))
                        added += add(media, quint16(pid + bit + 1)) ? 1 : 0;
                }
            }
        }
        at += length;
    }
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
