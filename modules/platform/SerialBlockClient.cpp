#include "SerialBlockClient.h"

#include "Logging.h"
#include "Outbox.h"
#include "PlatformErrors.h"
#include "Tr.h"

#include <core/Alive.h>

#include <QJsonDocument>
#include <QPointer>
#include <QUrl>
#include <QUuid>

namespace Tongban::Platform {

SerialBlockClient::SerialBlockClient(
    Transport &transport, QString windowId, LeftFunction left, StoreFunction store, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_windowId(std::move(windowId))
    , m_left(std::move(left))
    , m_store(std::move(store))
    , m_random(QRandomGenerator::global()->generate())
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SerialBlockClient::topUp);
}

SerialBlockClient::~SerialBlockClient()
{
    ++m_generation;
}

ApiRequest SerialBlockClient::reserveRequest(
    const QString &windowId, int count, const QByteArray &key)
{
    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = QString(QStringLiteral("/windows/")
        + QString::fromLatin1(QUrl::toPercentEncoding(windowId))
        + QStringLiteral("/serial-blocks"));
    request.body = QJsonDocument(
        QJsonObject { { QStringLiteral("count"),
            count } }).toJson(QJsonDocument::Compact);
    request.headers.append({ QByteArrayLiteral("Idempotency-Key"), key });
    return request;
}

void SerialBlockClient::start()
{
    m_running = true;
    topUp();
}

void SerialBlockClient::stop()
{
    m_running = false;
    m_retry.stop();
    ++m_generation;
    m_busy = false;
}

void SerialBlockClient::topUp()
{
    if (!m_running || m_busy || m_left() >= kLowWater)
        return;
    m_retry.stop();
    if (m_key.isEmpty())
        m_key = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    m_busy = true;
    Core::Alive<SerialBlockClient> self(this);
    const quint64 generation = m_generation;
    m_transport.send(reserveRequest(m_windowId, kBlockSize, m_key),
        [self, generation](Core::Result<ApiResponse> response) {
            if (!self || generation != self->m_generation)
                return;
            self->m_busy = false;
            self->answered(std::move(response));
        });
}

void SerialBlockClient::answered(Core::Result<ApiResponse> response)
{
    const auto ok = requireSuccess(std::move(response));
    Core::Result<ReservedSerialBlock> block
        = ok ? parseSerialBlock(ok->body) : Core::Result<ReservedSerialBlock>(ok.error());
    if (block && block->windowId != m_windowId) {
        block = Core::Error { InvalidResponse,
            Tr::tr("The platform sent an answer this workstation cannot read. Try again later; "
                   "if it keeps happening, call the hall's IT staff."),
            QStringLiteral("serial block for another window") };
    }
    Core::Status stored = block ? m_store(*block) : Core::Status(block.error());
    if (stored) {
        m_key.clear();
        m_attempts = 0;
        qCInfo(lcPlatform).noquote() << "serial block" << block->serialPrefix << block->first
                                     << "to" << block->last << "kept";
        emit blockStored(block->first, block->last);
        topUp();
        return;
    }
    const Core::Error error = stored.error();
    ++m_attempts;
    qCWarning(lcPlatform).noquote() << "serial block not received:" << error.detail;
    if (!waitsAndRetries(error))
        m_key.clear(); // a refused or unusable block: the next attempt asks for a new one
    else if (m_running)
        m_retry.start(int(Outbox::backoffMs(m_attempts, m_random.generateDouble())));
    emit topUpFailed(error);
}

} // namespace Tongban::Platform
