#pragma once

#include "HubConfig.h"
#include "SmsGateway.h"

#include <core/Result.h>
#include <storage/Migration.h>

#include <QDateTime>
#include <QObject>

#include <memory>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

class Secrets;
class SmsStore;

/// A message to queue in `sms_outbox`.
struct SmsRequest
{
    QString windowId; ///< the window the message is about (the case's application window)
    QString phone; ///< empty: stored as no_phone, never sent
    QString text;
    QString purpose; ///< missed_call, acceptance, rejection, correction, completion, ...
    QString caseId; ///< empty: not about a case
};

/// One row of `sms_outbox` with its delivery status.
struct SmsRecord
{
    qint64 id = 0;
    QString windowId;
    QString phone;
    QString text;
    QString purpose;
    QString caseId;
    QString state; ///< queued, sent, delivered, failed, or no_phone
    int attempts = 0;
    QDateTime createdAt;
    QDateTime nextAttemptAt;
    QDateTime sentAt;
    QString reference; ///< the gateway's id
    QString lastError;
};

/*!
 * The hub's SMS gateway (issue 17): drains the one queue, `sms_outbox`, which every service
 * fills (CallService for missed calls, the delivery services for the applicant), through a
 * SmsGateway: the file gateway by default, the HTTP gateway when SmsConfig::httpUrl is set.
 *
 * Each message keeps its delivery status: queued → sent or delivered; a temporary failure
 * leaves it queued with `attempts` counted and `next_attempt_at` pushed back
 * (retryBaseMs × 2^(attempts−1)); after maxAttempts, or a permanent refusal, it is failed.
 * One message is in flight at a time, in id order. Logs show phone numbers masked only.
 *
 * Phone numbers are stored sealed (Secrets, contract §13): enqueue() seals, drain() opens
 * just before sending, list() opens; rows an older hub left in plain text (and duty phones
 * of hub_windows) are sealed at start by sealPlainPhones(). Services that copy a window's
 * duty phone into sms_outbox copy it sealed.
 *
 * Its own schema module, `hub_delivery` (applied after the hub's sets), adds the columns to
 * `sms_outbox` and holds the tables of results delivery, ratings and statistics.
 *
 * Threading: the thread that owns the Database.
 */
class SmsService : public QObject
{
    Q_OBJECT
public:
    SmsService(Storage::Database &database, const HubConfig &config, const Core::Clock &clock,
        QObject *parent = nullptr);
    ~SmsService() override;

    static Storage::MigrationSet schema();

    /*!
     * Queues \a request (inside the caller's transaction, if any): its id. Services that do
     * not link this class may insert into sms_outbox the way CallService does; the added
     * columns have defaults.
     */
    static Core::Result<qint64> enqueue(Storage::Database &database, const Core::Clock &clock,
        const Secrets &secrets, const SmsRequest &request);
    /// Every row, oldest first, phone numbers opened.
    static QList<SmsRecord> list(Storage::Database &database, const Secrets &secrets);
    /// Seals the phone numbers an older hub stored in plain text (sms_outbox, hub_windows).
    static Core::Status sealPlainPhones(Storage::Database &database, const Secrets &secrets);

    /// The hub's key: phone numbers are opened with it before sending.
    void setSecrets(const Secrets *secrets);

    /// Sends what is due, one after another; emits idle() when nothing due is left.
    void drain();
    bool busy() const { return m_busy; }
    SmsGateway &gateway() { return *m_gateway; }

Q_SIGNALS:
    void idle();

private:
    void finish(qint64 id, int attempts, const SmsAttempt &attempt);

    std::unique_ptr<SmsStore> m_store;
    const HubConfig &m_config;
    const Core::Clock &m_clock;
    std::unique_ptr<SmsGateway> m_gateway;
    const Secrets *m_secrets = nullptr;
    bool m_busy = false;
};

} // namespace Tongban::Hub
