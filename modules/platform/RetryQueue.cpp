#include "RetryQueue.h"

#include <QSqlQuery>

namespace Tongban::Platform {

qint64 RetryQueue::backoffMs(int attempts, double unit)
{
    const int doublings = qBound(0, attempts - 1, 20);
    const qint64 base = qMin<qint64>(kMaxBackoffMs, qint64(1000) << doublings);
    const double u = qBound(0.0, unit, 1.0);
    return qMin<qint64>(kMaxBackoffMs, base / 2 + qint64(double(base / 2) * u));
}

RetryQueue::RetryQueue(Storage::Database &db, const Core::Clock &clock, Table table, QObject *owner,
    std::function<void()> wake)
    : m_db(db)
    , m_clock(clock)
    , m_table(std::move(table))
    , m_owner(owner)
    , m_wake(std::move(wake))
    , m_random(QRandomGenerator::global()->generate())
{
    m_timer.setSingleShot(true);
    QObject::connect(&m_timer, &QTimer::timeout, owner, [this] { m_wake(); });
}

QString RetryQueue::waitingClause() const
{
    QStringList marks;
    for (qsizetype i = 0; i < m_table.waiting.size(); ++i)
        marks << QStringLiteral("?");
    return QString(
        QStringLiteral("state IN (") + marks.join(QStringLiteral(", ")) + QLatin1Char(')'));
}

QVariantList RetryQueue::waitingValues() const
{
    QVariantList values;
    for (const QString &state : m_table.waiting)
        values << state;
    return values;
}

Core::Status RetryQueue::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_db.connection());
    if (!query.prepare(sql))
        return Storage::Database::queryError(query, m_table.name + QStringLiteral(" prepare"));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return Storage::Database::queryError(query, m_table.name);
    return {};
}

Core::Status RetryQueue::makeDue(bool onlyLater)
{
    QVariantList values = waitingValues();
    QString sql = QString(QStringLiteral("UPDATE ") + m_table.name
        + QStringLiteral(" SET next_attempt_at = 0 WHERE ") + waitingClause());
    if (onlyLater) {
        sql += QStringLiteral(" AND next_attempt_at > ?");
        values << m_clock.now().toMSecsSinceEpoch();
    }
    return exec(sql, values);
}

Core::Result<RetryQueue::Failure> RetryQueue::recordFailure(
    const QString &key, const Core::Error &error, bool retry)
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    QSqlQuery query(m_db.connection());
    query.prepare(QString(QStringLiteral("SELECT attempts FROM ") + m_table.name
        + QStringLiteral(" WHERE ") + m_table.key + QStringLiteral(" = ?")));
    query.addBindValue(key);
    Failure failure;
    failure.attempts = (query.exec() && query.next()) ? query.value(0).toInt() + 1 : 1;
    query.finish();
    Core::Status s;
    if (retry) {
        const qint64 waitMs = backoffMs(failure.attempts, m_random.generateDouble());
        failure.next = QDateTime::fromMSecsSinceEpoch(now + waitMs, Qt::UTC);
        s = exec(QString(QStringLiteral("UPDATE ") + m_table.name
                     + QStringLiteral(" SET attempts = ?, next_attempt_at = ?, last_error = ?,"
                                      " updated_at = ? WHERE ")
                     + m_table.key + QStringLiteral(" = ?")),
            { failure.attempts, now + waitMs, error.toString(), now, key });
    } else {
        s = exec(QString(QStringLiteral("UPDATE ") + m_table.name
                     + QStringLiteral(" SET state = ?, attempts = ?, last_error = ?,"
                                      " updated_at = ? WHERE ")
                     + m_table.key + QStringLiteral(" = ?")),
            { m_table.failed, failure.attempts, error.toString(), now, key });
    }
    if (!s)
        return s.error();
    return failure;
}

void RetryQueue::armTimer()
{
    QSqlQuery query(m_db.connection());
    query.prepare(QString(QStringLiteral("SELECT MIN(next_attempt_at) FROM ") + m_table.name
        + QStringLiteral(" WHERE ") + waitingClause()));
    for (const QVariant &value : waitingValues())
        query.addBindValue(value);
    if (!query.exec() || !query.next() || query.value(0).isNull())
        return;
    const qint64 waitMs = query.value(0).toLongLong() - m_clock.now().toMSecsSinceEpoch();
    m_timer.start(int(qBound<qint64>(0, waitMs, kMaxBackoffMs)));
}

void RetryQueue::scheduleWake()
{
    if (m_wakeQueued)
        return;
    m_wakeQueued = true;
    QMetaObject::invokeMethod(
        m_owner,
        [this] {
            m_wakeQueued = false;
            m_wake();
        },
        Qt::QueuedConnection);
}

} // namespace Tongban::Platform
