#include "LineTestStore.h"

#include <QRandomGenerator>

namespace Tongban::Hub {

LineTestStore::LineTestStore()
{
    m_block.resize(64 * 1024);
    QRandomGenerator::global()->fillRange(
        reinterpret_cast<quint32 *>(m_block.data()), m_block.size() / int(sizeof(quint32)));
}

QByteArray LineTestStore::payload(qint64 bytes) const
{
    QByteArray body;
    body.reserve(bytes);
    while (body.size() < bytes)
        body.append(m_block.constData(), qMin<qint64>(m_block.size(), bytes - body.size()));
    return body;
}

} // namespace Tongban::Hub
