#pragma once

#include <core/Clock.h>
#include <core/Result.h>
#include <storage/Database.h>

#include <QDateTime>
#include <QObject>
#include <QRandomGenerator>
#include <QStringList>
#include <QTimer>
#include <QVariantList>

#include <functional>

namespace Tongban::Platform {

/*!
 * The durable retry logic under Outbox and RequestQueue (issue 17): the rows of one SQLite
 * table that must reach the platform, each with a key, a state, `attempts`,
 * `next_attempt_at` (ms since the epoch), `last_error` and `updated_at`. Rows in one of the
 * waiting states are the queue, oldest first (rowid), each due at its next_attempt_at:
 *
 * - recordFailure(): a retried attempt waits backoffMs() (1 s doubled per failure, capped at
 *   5 minutes, half of it jitter); one that is not retried puts the row in the failed state,
 *   kept with its error;
 * - makeDue(): every waiting row due now (a flush; or only those waiting beyond now, when the
 *   platform answers again after an outage);
 * - armTimer() wakes the owner when the earliest waiting row is due; scheduleWake() wakes it
 *   once from the event loop, however often it is asked before.
 *
 * What a row is and how it is sent stay the owner's. Same thread as the database; the owner
 * (a QObject) must outlive nothing of it: it is a member of the owner.
 */
class RetryQueue
{
public:
    /// Longest wait before a retry.
    static constexpr qint64 kMaxBackoffMs = 5 * 60 * 1000;
    /*!
     * Wait before attempt \a attempts + 1 (\a attempts >= 1 failures so far): 1 s doubled per
     * failure, capped at kMaxBackoffMs, then "equal jitter": half fixed, half scaled by
     * \a unit (0 <= unit < 1).
     */
    static qint64 backoffMs(int attempts, double unit);

    struct Table
    {
        QString name; ///< outbox_cases, platform_requests
        QString key; ///< the key column: client_case_id, client_id
        QStringList waiting; ///< the states of rows still to send
        QString failed; ///< the state of a row that is not retried
    };

    /// One failed attempt as recorded: its number, and when the next is due (invalid: never).
    struct Failure
    {
        int attempts = 0;
        QDateTime next;
    };

    RetryQueue(Storage::Database &db, const Core::Clock &clock, Table table, QObject *owner,
        std::function<void()> wake);

    void setJitterSeed(quint32 seed) { m_random.seed(seed); }

    /// "state IN (?, …)" for the owner's own queries, and its values.
    QString waitingClause() const;
    QVariantList waitingValues() const;

    /// Every waiting row due now; with \a onlyLater only those due after now (outage over).
    Core::Status makeDue(bool onlyLater = false);
    /*!
     * Records a failed attempt of row \a key with \a error: with \a retry the row stays in
     * its state and is due after the backoff; otherwise it goes to the failed state.
     */
    Core::Result<Failure> recordFailure(const QString &key, const Core::Error &error, bool retry);

    /// Wakes the owner when the earliest waiting row is due (nothing when none waits).
    void armTimer();
    void stopTimer() { m_timer.stop(); }
    /// Wakes the owner from the event loop, once for any number of requests before.
    void scheduleWake();

private:
    Core::Status exec(const QString &sql, const QVariantList &values);

    Storage::Database &m_db;
    const Core::Clock &m_clock;
    Table m_table;
    QObject *m_owner;
    std::function<void()> m_wake;
    QTimer m_timer;
    QRandomGenerator m_random;
    bool m_wakeQueued = false;
};

} // namespace Tongban::Platform
