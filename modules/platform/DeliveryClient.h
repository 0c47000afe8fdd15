#pragma once

#include "ApiClient.h"

#include <QDateTime>
#include <QList>

#include <functional>

namespace Tongban::Platform {

/// A delivery task of the window (contract §15).
struct DeliveryTask
{
    QString deliveryId;
    QString caseId;
    QString caseNumber;
    QString method; ///< application_window, home_window, mail, self_print
    QString state; ///< pending, handed_over, mailed, self_print
    QDateTime dueAt;
    bool overdue = false;
    QString recipient; ///< mail: who it goes to
    QString waybill;
    QString receivedBy;
};

/// The deliveries of a GET /deliveries answer; an error for a body that is not one.
Core::Result<QList<DeliveryTask>> parseDeliveries(const QByteArray &body);

/*!
 * The window's side of results delivery and 好差评 (issue 17, contract §15): the delivery
 * tasks (what Today shows overdue), the ledger entries (hand-over, waybill) and the rating
 * after a case. Through a Transport (Session in the application).
 */
class DeliveryClient
{
public:
    explicit DeliveryClient(Transport &transport);

    using TasksCallback = std::function<void(Core::Result<QList<DeliveryTask>>)>;
    using TaskCallback = std::function<void(Core::Result<DeliveryTask>)>;
    using DoneCallback = std::function<void(Core::Status)>;

    /// The window's pending tasks, overdue first.
    void pending(TasksCallback done);
    /// Records that the result was handed to the applicant: who handed it, who received it.
    void handOver(const QString &deliveryId, const QString &handedBy, const QString &receivedBy,
        TaskCallback done);
    /// Records the waybill of a result mailed to the applicant.
    void mailed(const QString &deliveryId, const QString &carrier, const QString &waybill,
        TaskCallback done);
    /// The applicant's rating (1 to 5) of the service for the platform's case \a caseId.
    void rate(const QString &caseId, int score, const QString &comment, DoneCallback done);

private:
    void ledger(const QString &deliveryId, const QJsonObject &body, TaskCallback done);
    Transport &m_transport;
};

} // namespace Tongban::Platform
