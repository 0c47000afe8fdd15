#include "SmsService.h"

#include "Logging.h"
#include "calls/CallService.h"
#include "delivery/DeliverySchema.h"
#include "security/Secrets.h"
#include "sms/SmsStore.h"

#include <storage/Database.h>

#include <QDir>
#include <QTimer>

namespace Tongban::Hub {

namespace {

/// The row's new state after \a attempt: the retry rule (backoff doubling, maxAttempts).
SmsStore::Outcome outcomeOf(
    const SmsConfig &config, qint64 now, int attempts, const SmsAttempt &attempt)
{
    SmsStore::Outcome outcome;
    outcome.attempts = attempts;
    outcome.nextAttemptAt = now;
    switch (attempt.outcome) {
    case SmsAttempt::Sent:
        outcome.state = QStringLiteral("sent");
        break;
    case SmsAttempt::Delivered:
        outcome.state = QStringLiteral("delivered");
        break;
    case SmsAttempt::RetryLater:
        if (attempts < qMax(1, config.maxAttempts)) {
            outcome.state = QStringLiteral("queued");
            outcome.nextAttemptAt
                = now + qint64(qMax(1, config.retryBaseMs)) * (qint64(1) << qMin(attempts - 1, 20));
        } else {
            outcome.state = QStringLiteral("failed");
        }
        break;
    case SmsAttempt::Refused:
        outcome.state = QStringLiteral("failed");
        break;
    }
    if (attempt.outcome == SmsAttempt::Sent || attempt.outcome == SmsAttempt::Delivered)
        outcome.sentAt = now;
    outcome.reference = attempt.reference;
    outcome.error = attempt.error;
    return outcome;
}

} // namespace

SmsService::SmsService(
    Storage::Database &database, const HubConfig &config, const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(std::make_unique<SmsStore>(database))
    , m_config(config)
    , m_clock(clock)
{
    if (config.sms.httpUrl.isEmpty()) {
        m_gateway = std::make_unique<FileSmsGateway>(
            QDir(config.dataDir).absoluteFilePath(QStringLiteral("sms-sent.jsonl")));
    } else {
        m_gateway = std::make_unique<HttpSmsGateway>(config.sms);
    }
}

SmsService::~SmsService() = default;

void SmsService::setSecrets(const Secrets *secrets)
{
    m_secrets = secrets;
    // The file gateway seals the numbers it writes (issue 17: none in plain text at rest).
    if (auto *file = dynamic_cast<FileSmsGateway *>(m_gateway.get()))
        file->setSecrets(secrets);
}

Storage::MigrationSet SmsService::schema()
{
    return deliverySchema();
}

Core::Result<qint64> SmsService::enqueue(Storage::Database &database, const Core::Clock &clock,
    const Secrets &secrets, const SmsRequest &request)
{
    SmsStore::NewRow row;
    row.windowId = request.windowId;
    row.storedPhone = secrets.seal(request.phone);
    row.text = request.text;
    row.state = request.phone.isEmpty() ? QStringLiteral("no_phone") : QStringLiteral("queued");
    row.createdAt = clock.now().toMSecsSinceEpoch();
    row.purpose = request.purpose;
    row.caseId = request.caseId;
    const Core::Result<qint64> id = SmsStore(database).insert(row);
    if (!id)
        return id.error();
    qCInfo(lcHub).noquote() << "SMS" << *id << request.purpose << "queued for"
                            << CallService::maskPhone(request.phone);
    return *id;
}

QList<SmsRecord> SmsService::list(Storage::Database &database, const Secrets &secrets)
{
    auto records = SmsStore(database).list();
    if (!records)
        return {};
    for (SmsRecord &record : *records) {
        const auto phone = secrets.open(record.phone);
        record.phone = phone ? *phone : QString();
    }
    return *records;
}

Core::Status SmsService::sealPlainPhones(Storage::Database &database, const Secrets &secrets)
{
    // Read first: a hub with nothing to seal (every start but the first after the upgrade, and
    // the command-line tools beside a running hub) writes nothing.
    SmsStore store(database);
    const auto rows = store.plainPhones();
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return {};
    QStringList sealed;
    for (const SmsStore::PlainPhone &row : *rows)
        sealed << secrets.seal(row.phone);
    const Core::Status done = store.replacePhones(*rows, sealed);
    if (done)
        qCInfo(lcHub) << rows->size() << "phone numbers sealed at rest";
    return done;
}

void SmsService::drain()
{
    if (m_busy)
        return;
    const auto due = m_store->nextDue(m_clock.now().toMSecsSinceEpoch());
    if (!due || !*due) {
        if (!due)
            qCWarning(lcHub).noquote() << "SMS outbox not read:" << due.error().detail;
        Q_EMIT idle();
        return;
    }
    const SmsStore::DueRow &row = **due;
    OutgoingSms sms;
    sms.id = row.id;
    const int attempts = row.attempts + 1;
    // Opened just before it goes out (sealed at rest, §13); a row sealed under another key
    // cannot be sent.
    const auto phone
        = m_secrets ? m_secrets->open(row.storedPhone) : Core::Result<QString>(row.storedPhone);
    if (!phone) {
        finish(sms.id, attempts,
            SmsAttempt { SmsAttempt::Refused, {},
                QStringLiteral("phone number cannot be opened with the hub's data key") });
        QTimer::singleShot(0, this, &SmsService::drain);
        return;
    }
    sms.phone = *phone;
    sms.text = row.text;
    sms.purpose = row.purpose;
    sms.caseId = row.caseId;
    m_busy = true;
    m_gateway->send(sms, [this, id = sms.id, attempts](SmsAttempt attempt) {
        finish(id, attempts, attempt);
        m_busy = false;
        // The next one from the event loop: a gateway that answers at once does not recurse.
        QTimer::singleShot(0, this, &SmsService::drain);
    });
}

void SmsService::finish(qint64 id, int attempts, const SmsAttempt &attempt)
{
    const SmsStore::Outcome outcome
        = outcomeOf(m_config.sms, m_clock.now().toMSecsSinceEpoch(), attempts, attempt);
    if (const Core::Status stored = m_store->recordAttempt(id, outcome); !stored) {
        qCWarning(lcHub).noquote() << "SMS" << id << "status not stored:" << stored.error().detail;
        return;
    }
    qCInfo(lcHub).noquote() << "SMS" << id << "via" << m_gateway->name() << outcome.state
                            << "attempt" << attempts << attempt.error;
}

} // namespace Tongban::Hub
