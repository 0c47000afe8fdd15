#pragma once

#include <core/Result.h>

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/// One row of sms_outbox as stored (the phone number as stored: sealed, §13).
struct SmsOutboxRow
{
    qint64 id = 0;
    QString windowId;
    QString storedPhone;
    QString text;
    QString callId;
    QString state;
    QDateTime createdAt;
};

/// A call as recorded when it starts ringing (hub_calls).
struct CallRecord
{
    QString id;
    QString callerWindow;
    QString itemCode;
    QString caseId; ///< empty: none
    QString jurisdiction;
    qint64 startedMs = 0;
    QString callerAccount;
};

/// One missed call of a window (GET /windows/{id}/missed-calls).
struct MissedCallRow
{
    QString callId;
    QDateTime at;
    QString from;
    QString itemCode;
    QString caseId; ///< empty: none
};

/*!
 * The SQL of call signalling (contract §11): hub_calls, hub_missed_calls, the missed-call
 * rows of sms_outbox, and the reads of hub_windows / hub_accounts / hub_cases the call state
 * machine needs (the home windows of a jurisdiction, a case's home jurisdiction). Plain SQL
 * but for missedCalls()' tie-break on SQLite's rowid (the insertion order of misses at the same
 * millisecond), to become a sequence column on PostgreSQL.
 *
 * Threading: the thread that owns the Database.
 */
class CallStore
{
public:
    explicit CallStore(Storage::Database &database);

    /// Calls left ringing or active are recorded as interrupted; how many.
    Core::Result<int> endInterrupted(qint64 nowMs);
    /// Whether a call with \a callId was ever recorded.
    bool exists(const QString &callId) const;
    /// The home jurisdiction of \a caseId when it is a case of \a windowId.
    std::optional<QString> caseJurisdiction(const QString &caseId, const QString &windowId) const;
    /// The windows of \a jurisdiction that an enabled "home" account serves, by id.
    QStringList homeWindows(const QString &jurisdiction) const;

    Core::Status insert(const CallRecord &call);
    Core::Status recordAnswer(const QString &callId, const QString &windowId,
        const QString &account, qint64 answeredMs, qint64 answerMs);
    /// The end of a call; \a answeredBy empty keeps the stored one.
    Core::Status recordEnd(
        const QString &callId, const QString &state, qint64 endedMs, const QString &answeredBy);
    /*!
     * In one transaction, a miss of \a callId for each of \a windows in \a month and an SMS
     * (\a text) to each window's duty phone (state no_phone when it has none). Returns each
     * window with the phone number as stored.
     */
    Core::Result<QList<QPair<QString, QString>>> recordMisses(const QString &callId,
        const QStringList &windows, const QString &month, qint64 atMs, const QString &text);
    /// The missed calls of \a windowId in \a month, oldest first.
    Core::Result<QList<MissedCallRow>> missedCalls(
        const QString &windowId, const QString &month) const;

    /// The SMS outbox, oldest first.
    static QList<SmsOutboxRow> smsOutbox(Storage::Database &database);

private:
    Storage::Database &m_database;
};

} // namespace Tongban::Hub
