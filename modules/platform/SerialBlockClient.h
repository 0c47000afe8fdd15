#pragma once

#include "ApiClient.h"
#include "ApiParsing.h"

#include <core/Clock.h>
#include <core/Result.h>

#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

#include <functional>

namespace Tongban::Platform {

/*!
 * Keeps a window supplied with serial numbers (§3.1): when fewer than
 * kLowWater numbers are left (as \a left reports), it reserves a block of
 * kBlockSize from the platform and hands it to \a store (NoticeStore in the
 * workstation, which issues offline from it). topUp() is cheap when enough
 * numbers are left; call it at sign-in and after each issue.
 *
 * One request at a time. The request carries an Idempotency-Key kept until
 * the block is stored, so the repeat after a lost answer gets the same block.
 * Failures that pass (network, 5xx, session) are retried with the outbox's
 * backoff while running; others are reported with topUpFailed() and tried
 * again at the next topUp().
 *
 * Same thread as the transport, which is not owned.
 */
class SerialBlockClient : public QObject
{
    Q_OBJECT
public:
    static constexpr int kBlockSize = 100;
    static constexpr int kLowWater = 50;

    using LeftFunction = std::function<qint64()>;
    using StoreFunction = std::function<Core::Status(const ReservedSerialBlock &)>;

    SerialBlockClient(Transport &transport, QString windowId, LeftFunction left,
        StoreFunction store, QObject *parent = nullptr);
    ~SerialBlockClient() override;

    /// The request reserving \a count numbers for \a windowId.
    static ApiRequest reserveRequest(const QString &windowId, int count, const QByteArray &key);

    void start();
    void stop();
    /// Reserves the next block when fewer than kLowWater numbers are left.
    void topUp();
    bool isBusy() const { return m_busy; }

signals:
    void blockStored(qint64 first, qint64 last);
    void topUpFailed(const Tongban::Core::Error &error);

private:
    void answered(Core::Result<ApiResponse> response);

    Transport &m_transport;
    QString m_windowId;
    LeftFunction m_left;
    StoreFunction m_store;
    QTimer m_retry;
    QRandomGenerator m_random;
    QByteArray m_key;
    int m_attempts = 0;
    bool m_running = false;
    bool m_busy = false;
    quint64 m_generation = 0;
};

} // namespace Tongban::Platform
