#pragma once

#include <core/Result.h>

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/*!
 * The tables of results delivery, ratings and rectifications (module hub_delivery) and what
 * they read and write of cases, windows and guide reports (issue 13 layers: every SQL
 * statement of delivery/ but its schema is here). Times are milliseconds since the epoch.
 * Portable SQL only.
 *
 * Threading: the thread that owns the Database.
 */
class DeliveryStore
{
public:
    explicit DeliveryStore(Storage::Database &database);

    struct CaseInfo
    {
        QString windowId, homeJurisdiction, status, caseNumber;
        QString storedBody; ///< as stored (sealed)
    };
    struct Delivery
    {
        QString id, caseId, caseNumber, method, windowId;
        QString addressJson; ///< compact JSON object
        QString state;
        qint64 createdAt = 0;
        qint64 dueAt = 0;
        std::optional<qint64> doneAt;
        std::optional<QString> handedBy, receivedBy, carrier, waybill, recordedBy;
        bool overdue = false; ///< set by the service (pending past dueAt)
    };
    struct NewCompletion
    {
        QString caseId, documentSha256, byAccount;
        QString deliveryId, method, windowId, addressJson, state;
        qint64 at = 0;
        qint64 dueAt = 0;
        std::optional<qint64> doneAt;
    };
    struct Handover
    {
        QString state, recordedBy;
        qint64 doneAt = 0;
        std::optional<QString> handedBy, receivedBy, carrier, waybill;
    };
    struct Rating
    {
        int score = 0;
        QString comment;
    };
    struct Rectification
    {
        QString id, caseId, caseNumber, account, windowId;
        qint64 openedAt = 0;
        std::optional<qint64> rectifiedAt;
        QString rectifiedBy, rectification;
        int score = 0;
        QString comment;
    };
    struct GuideReport
    {
        QString jurisdiction, windowId, status, itemCode;
        qint64 createdAt = 0;
    };

    Core::Result<std::optional<CaseInfo>> caseInfo(const QString &caseId) const;
    Core::Result<std::optional<Delivery>> delivery(const QString &deliveryId) const;
    /// The document hash and delivery of a case completed before.
    Core::Result<std::optional<QPair<QString, QString>>> completion(const QString &caseId) const;
    /// A home window of \a jurisdiction, \a preferred first if it is one.
    Core::Result<std::optional<QString>> homeWindow(
        const QString &jurisdiction, const QString &preferred) const;
    /// The completion, its delivery and the case's status `completed` (call in a transaction).
    Core::Status addCompletion(const NewCompletion &completion);
    /// Ids of deliveries (all, or of \a windowId), of \a state if not empty, soonest due first.
    Core::Result<QStringList> deliveryIds(
        bool all, const QString &windowId, const QString &state, int limit) const;
    /// Records the hand-over of a pending delivery (nothing when it is not pending).
    Core::Status recordHandover(const QString &deliveryId, const Handover &handover);
    Core::Result<bool> windowDelivers(const QString &caseId, const QString &windowId) const;
    Core::Result<std::optional<Rating>> rating(const QString &caseId, const QString &account) const;
    Core::Status addRating(const QString &caseId, const QString &account, const QString &windowId,
        const Rating &rating, qint64 at);
    Core::Status openRectification(const QString &id, const QString &caseId, const QString &account,
        const QString &windowId, qint64 at);
    /// state: '' all, 'open', 'rectified'; oldest first.
    Core::Result<QList<Rectification>> rectifications(const QString &state, int limit) const;
    /// Records a rectification if still open; false when \a id does not exist.
    Core::Result<bool> rectify(
        const QString &id, const QString &byAccount, const QString &text, qint64 at);
    Core::Result<std::optional<GuideReport>> guideReport(const QString &reportId) const;
    /// The creation time of a guide report that has no deadline yet.
    Core::Result<std::optional<qint64>> reportWithoutDeadline(const QString &reportId) const;
    Core::Status setReportDeadline(const QString &reportId, qint64 dueAt);
    Core::Status answerReport(const QString &reportId, const QString &status, const QString &answer,
        const QString &byAccount, qint64 at, qint64 dueAt);
    Core::Status transaction(const std::function<Core::Status()> &work);

private:
    Storage::Database &m_database;
};

} // namespace Tongban::Hub
