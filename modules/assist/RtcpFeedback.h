#pragma once

#include <QHash>
#include <QList>
#include <QSet>

namespace Tongban::Assist::Internal {

/// The 32-bit word at \a at of RTCP bytes (network order).
inline quint32 rtcpWord(const unsigned char *data, qsizetype at)
{
    return quint32(data[at]) << 24 | quint32(data[at + 1]) << 16 | quint32(data[at + 2]) << 8
        | quint32(data[at + 3]);
}

/// One packet of an RTCP compound packet (RFC 3550 6.4): where it starts, its length in bytes
/// (header included), its header's 5-bit count or format, and its type.
struct RtcpPacket
{
    qsizetype at = 0;
    qsizetype length = 0;
    int countOrFormat = 0;
    int type = 0;
};

/// Calls \a visit(RtcpPacket) for each packet of the compound packet \a data, in order; a
/// malformed packet (not version 2, or longer than what is left) stops the reading.
template<typename Visit>
void forEachRtcpPacket(const unsigned char *data, qsizetype size, Visit &&visit)
{
    qsizetype at = 0;
    while (at + 4 <= size) {
        const qsizetype length = (qsizetype(data[at + 2]) << 8 | data[at + 3]) * 4 + 4;
        if (data[at] >> 6 != 2 || at + length > size)
            return;
        visit(RtcpPacket { at, length, data[at] & 0x1f, int(data[at + 1]) });
        at += length;
    }
}

/*!
 * The packets the other side asked for again (RTCP generic NACK, RFC 4585 6.2.1), each
 * counted once per stream (issue 15). A receiver NACKs a packet as soon as it sees the gap
 * (GStreamer's jitter buffer: when the next packet arrives), so the share of the picture's
 * packets NACKed is its loss within a round trip, while the receiver reports, which every
 * NACK puts off under WebRTC's RTP profile (RTPSession, SAVPF), can stop for seconds while
 * packets are lost. The jitter buffer asks again for a packet that did not come back: a
 * sequence number among the last KeptPerStream NACKed is not counted again.
 */
class NackedPackets
{
public:
    static constexpr int KeptPerStream = 512;
    /// A call has a picture and a sound each way: NACKs naming further streams (a broken or
    /// hostile peer) are not counted, so what is kept stays bounded.
    static constexpr int MaxStreams = 8;

    /*!
     * Reads every generic NACK of an RTCP compound packet (the other types are skipped);
     * returns how many packets were NACKed for the first time. Malformed packets stop the
     * reading.
     */
    int read(const unsigned char *data, qsizetype size);
    /// The packets of the stream \a ssrc (the media source the NACKs name) NACKed so far,
    /// each once.
    qint64 count(quint32 ssrc) const { return m_streams.value(ssrc).count; }

private:
    struct Stream
    {
        qint64 count = 0;
        QSet<quint16> recent;
        QList<quint16> order; ///< recent, oldest first
    };
    bool add(quint32 ssrc, quint16 sequence);

    QHash<quint32, Stream> m_streams;
};

} // namespace Tongban::Assist::Internal
