#pragma once

#include "sms/SmsService.h"

#include <core/Result.h>

#include <QList>
#include <QVariant>

#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/*!
 * `sms_outbox` and the duty phones of `hub_windows` as the SMS service reads and writes them
 * (issue 13 layers: every SQL statement of sms/ is here). Phone numbers come in and go out as
 * stored (sealed by the caller); the store never opens or logs them. Portable SQL only.
 *
 * Threading: the thread that owns the Database.
 */
class SmsStore
{
public:
    explicit SmsStore(Storage::Database &database);

    /// One row to insert; \a phone as it is to be stored (sealed), empty: no_phone.
    struct NewRow
    {
        QString windowId, storedPhone, text, state, purpose, caseId;
        qint64 createdAt = 0;
    };
    /// The next queued message due at \a now, in id order (phone as stored).
    struct DueRow
    {
        qint64 id = 0;
        QString storedPhone, text, purpose, caseId;
        int attempts = 0;
    };
    /// A phone number stored in plain text by an older hub.
    struct PlainPhone
    {
        QString table; ///< hub_windows or sms_outbox
        QVariant id;
        QString phone;
    };
    /// What an attempt changed on a row.
    struct Outcome
    {
        QString state;
        int attempts = 0;
        qint64 nextAttemptAt = 0;
        std::optional<qint64> sentAt;
        QString reference;
        QString error;
    };

    Core::Result<qint64> insert(const NewRow &row);
    /// Every row, oldest first, phones as stored.
    Core::Result<QList<SmsRecord>> list() const;
    Core::Result<std::optional<DueRow>> nextDue(qint64 now) const;
    Core::Status recordAttempt(qint64 id, const Outcome &outcome);
    Core::Result<QList<PlainPhone>> plainPhones() const;
    /// Replaces each phone by the sealed text of \a sealed (same order), overwriting the
    /// plain bytes (SQLite secure_delete), in one transaction.
    Core::Status replacePhones(const QList<PlainPhone> &rows, const QStringList &sealed);

private:
    Storage::Database &m_database;
};

} // namespace Tongban::Hub
