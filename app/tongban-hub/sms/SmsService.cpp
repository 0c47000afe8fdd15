#include "SmsService.h"

#include "Logging.h"
#include "calls/CallService.h"
#include "delivery/DeliverySchema.h"
#include "security/Secrets.h"

#include <storage/Database.h>

#include <QDir>
#include <QSqlQuery>
#include <QTimer>

namespace Tongban::Hub {

namespace {

QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

} // namespace

SmsService::SmsService(
    Storage::Database &database, const HubConfig &config, const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
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
    QSqlQuery insert(database.connection());
    insert.prepare(
        QStringLiteral("INSERT INTO sms_outbox (window_id, phone, text, call_id, state,"
                       " created_at, purpose, case_id) VALUES (?, ?, ?, NULL, ?, ?, ?, ?)"));
    // A null QString binds as NULL, which the NOT NULL columns refuse.
    const auto text = [](const QString &value) {
        return value.isNull() ? QStringLiteral("") : value;
    };
    insert.addBindValue(text(request.windowId));
    insert.addBindValue(text(secrets.seal(request.phone)));
    insert.addBindValue(text(request.text));
    insert.addBindValue(
        request.phone.isEmpty() ? QStringLiteral("no_phone") : QStringLiteral("queued"));
    insert.addBindValue(clock.now().toMSecsSinceEpoch());
    insert.addBindValue(text(request.purpose));
    insert.addBindValue(request.caseId.isEmpty() ? QVariant() : QVariant(request.caseId));
    if (!insert.exec())
        return Storage::Database::queryError(insert, QStringLiteral("queue SMS"));
    const qint64 id = insert.lastInsertId().toLongLong();
    qCInfo(lcHub).noquote() << "SMS" << id << request.purpose << "queued for"
                            << CallService::maskPhone(request.phone);
    return id;
}

QList<SmsRecord> SmsService::list(Storage::Database &database, const Secrets &secrets)
{
    QList<SmsRecord> list;
    QSqlQuery query(database.connection());
    if (!query.exec(QStringLiteral(
            "SELECT id, window_id, phone, text, purpose, case_id, state, attempts, created_at,"
            " next_attempt_at, sent_at, reference, last_error FROM sms_outbox ORDER BY id")))
        return list;
    while (query.next()) {
        SmsRecord record;
        record.id = query.value(0).toLongLong();
        record.windowId = query.value(1).toString();
        const auto phone = secrets.open(query.value(2).toString());
        record.phone = phone ? *phone : QString();
        record.text = query.value(3).toString();
        record.purpose = query.value(4).toString();
        record.caseId = query.value(5).toString();
        record.state = query.value(6).toString();
        record.attempts = query.value(7).toInt();
        record.createdAt = fromMs(query.value(8));
        record.nextAttemptAt = fromMs(query.value(9));
        record.sentAt = fromMs(query.value(10));
        record.reference = query.value(11).toString();
        record.lastError = query.value(12).toString();
        list.append(record);
    }
    return list;
}

Core::Status SmsService::sealPlainPhones(Storage::Database &database, const Secrets &secrets)
{
    // Read first: a hub with nothing to seal (every start but the first after the upgrade, and
    // the command-line tools beside a running hub) writes nothing.
    struct Row
    {
        QString table;
        QVariant id;
        QString phone;
    };
    QList<Row> rows;
    for (const QString &table : { QStringLiteral("hub_windows"), QStringLiteral("sms_outbox") }) {
        QSqlQuery plain(database.connection());
        if (!plain.exec(QString(QStringLiteral("SELECT id, phone FROM ") + table
                + QStringLiteral(" WHERE phone <> '' AND phone NOT LIKE 'tbs1:%'"))))
            return Storage::Database::queryError(plain, QStringLiteral("list plain phones"));
        while (plain.next())
            rows.append({ table, plain.value(0), plain.value(1).toString() });
    }
    if (rows.isEmpty())
        return {};
    // The plain bytes are overwritten, not left in the file's free space.
    QSqlQuery pragma(database.connection());
    if (!pragma.exec(QStringLiteral("PRAGMA secure_delete = ON")))
        qCWarning(lcHub) << "secure_delete not set: plain phone numbers may stay in free pages";
    const Core::Status done = database.transaction([&]() -> Core::Status {
        for (const Row &row : std::as_const(rows)) {
            QSqlQuery update(database.connection());
            update.prepare(QString(QStringLiteral("UPDATE ") + row.table
                + QStringLiteral(" SET phone = ? WHERE id = ?")));
            update.addBindValue(secrets.seal(row.phone));
            update.addBindValue(row.id);
            if (!update.exec())
                return Storage::Database::queryError(update, QStringLiteral("seal phone"));
        }
        return {};
    });
    if (done)
        qCInfo(lcHub) << rows.size() << "phone numbers sealed at rest";
    return done;
}

void SmsService::drain()
{
    if (m_busy)
        return;
    QSqlQuery due(m_database.connection());
    due.prepare(QStringLiteral("SELECT id, phone, text, purpose, case_id, attempts FROM sms_outbox"
                               " WHERE state = 'queued' AND next_attempt_at <= ?"
                               " ORDER BY id LIMIT 1"));
    due.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if (!due.exec() || !due.next()) {
        Q_EMIT idle();
        return;
    }
    OutgoingSms sms;
    sms.id = due.value(0).toLongLong();
    // Opened just before it goes out (sealed at rest, §13); a row sealed under another key
    // cannot be sent.
    const auto phone = m_secrets ? m_secrets->open(due.value(1).toString())
                                 : Core::Result<QString>(due.value(1).toString());
    if (!phone) {
        const qint64 id = sms.id;
        const int attempts = due.value(5).toInt() + 1;
        due.finish();
        finish(id, attempts,
            SmsAttempt { SmsAttempt::Refused, {},
                QStringLiteral("phone number cannot be opened with the hub's data key") });
        QTimer::singleShot(0, this, &SmsService::drain);
        return;
    }
    sms.phone = *phone;
    sms.text = due.value(2).toString();
    sms.purpose = due.value(3).toString();
    sms.caseId = due.value(4).toString();
    const int attempts = due.value(5).toInt() + 1;
    due.finish();
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
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    QString state;
    qint64 next = now;
    switch (attempt.outcome) {
    case SmsAttempt::Sent:
        state = QStringLiteral("sent");
        break;
    case SmsAttempt::Delivered:
        state = QStringLiteral("delivered");
        break;
    case SmsAttempt::RetryLater:
        if (attempts < qMax(1, m_config.sms.maxAttempts)) {
            state = QStringLiteral("queued");
            next = now
                + qint64(qMax(1, m_config.sms.retryBaseMs)) * (qint64(1) << qMin(attempts - 1, 20));
        } else {
            state = QStringLiteral("failed");
        }
        break;
    case SmsAttempt::Refused:
        state = QStringLiteral("failed");
        break;
    }
    const bool done
        = attempt.outcome == SmsAttempt::Sent || attempt.outcome == SmsAttempt::Delivered;
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE sms_outbox SET state = ?, attempts = ?,"
                                  " next_attempt_at = ?, sent_at = ?, reference = ?,"
                                  " last_error = ? WHERE id = ?"));
    update.addBindValue(state);
    update.addBindValue(attempts);
    update.addBindValue(next);
    update.addBindValue(done ? QVariant(now) : QVariant());
    update.addBindValue(attempt.reference.isEmpty() ? QVariant() : QVariant(attempt.reference));
    update.addBindValue(attempt.error.isEmpty() ? QVariant() : QVariant(attempt.error));
    update.addBindValue(id);
    if (!update.exec()) {
        qCWarning(lcHub).noquote()
            << "SMS" << id << "status not stored:"
            << Storage::Database::queryError(update, QStringLiteral("sms")).detail;
        return;
    }
    qCInfo(lcHub).noquote() << "SMS" << id << "via" << m_gateway->name() << state << "attempt"
                            << attempts << attempt.error;
}

} // namespace Tongban::Hub
