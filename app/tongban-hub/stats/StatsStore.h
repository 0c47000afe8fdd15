#pragma once

#include <core/Result.h>

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/*!
 * What the statistics read (issue 13 layers: every SQL statement of stats/ is here). Each
 * reader takes a period as [begin, end) in milliseconds since the epoch and returns plain
 * rows; the StatsService turns them into figures. Portable SQL only.
 *
 * Threading: the thread that owns the Database.
 */
class StatsStore
{
public:
    explicit StatsStore(Storage::Database &database);

    struct CaseRow
    {
        QString windowId;
        QString applicationJurisdiction; ///< the sending window's
        QString homeJurisdiction;
        QString body; ///< as stored (sealed)
        qint64 submittedAt = 0;
        std::optional<qint64> decidedAt;
    };
    struct DecisionRow
    {
        QString decision;
        qint64 issuedAt = 0;
        qint64 submittedAt = 0;
    };
    struct MailingRow
    {
        QString sentAt; ///< RFC 3339 as sent by the window
        QString caseBody; ///< as stored (sealed)
    };
    struct DeliveryRow
    {
        QString state;
        qint64 dueAt = 0;
        qint64 doneAt = 0;
    };
    struct MissedCallRow
    {
        QString windowId;
        QString month;
    };
    struct RatingRow
    {
        int score = 0;
        bool rectified = false;
    };

    /// Cases transmitted (with a case number) in the period, with their decision time.
    Core::Result<QList<CaseRow>> transmittedCases(qint64 begin, qint64 end) const;
    Core::Result<QList<DecisionRow>> decisions(qint64 begin, qint64 end) const;
    /// Cases a home department asked to correct (hub_correction_requests) in the period.
    Core::Result<int> correctedCases(qint64 begin, qint64 end) const;
    Core::Result<QList<MailingRow>> mailings(qint64 begin, qint64 end) const;
    Core::Result<QList<DeliveryRow>> deliveries(qint64 begin, qint64 end) const;
    Core::Result<QList<MissedCallRow>> missedCalls(qint64 begin, qint64 end) const;
    Core::Result<QList<RatingRow>> ratings(qint64 begin, qint64 end) const;
    /// The states of the SMS queued in the period.
    Core::Result<QStringList> smsStates(qint64 begin, qint64 end) const;
    /// Jurisdiction code → name, as the windows of the catalogue and the seed carry them.
    Core::Result<QMap<QString, QString>> jurisdictionNames() const;
    /// Window id → name.
    Core::Result<QMap<QString, QString>> windowNames() const;

private:
    Storage::Database &m_database;
};

} // namespace Tongban::Hub
