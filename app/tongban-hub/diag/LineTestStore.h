#pragma once

#include <QByteArray>

namespace Tongban::Hub {

/*!
 * What the line check keeps (issue 16); nothing of it persists, so it lives in memory: the
 * incompressible block that downloads repeat (random bytes: nothing on the way, a proxy or a
 * VPN, can compress the test) and the rate cap's token bucket (from when it is empty).
 *
 * Threading: the hub's thread.
 */
class LineTestStore
{
public:
    LineTestStore();

    /// \a bytes of the block repeated.
    QByteArray payload(qint64 bytes) const;

    /// The bucket is empty from then on (steadyNs()).
    qint64 freeAtNs() const { return m_freeAtNs; }
    void setFreeAtNs(qint64 ns) { m_freeAtNs = ns; }

private:
    QByteArray m_block;
    qint64 m_freeAtNs = 0;
};

} // namespace Tongban::Hub
