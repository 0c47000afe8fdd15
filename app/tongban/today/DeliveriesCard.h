#pragma once

#include "shell/Card.h"

#include <platform/DeliveryClient.h>

#include <memory>

class QLabel;
class QTreeWidget;

namespace Tongban::Gui {

/*!
 * Today's results to deliver (issue 17): the window's delivery tasks from the platform
 * (contract §15), overdue first and in red. Activating one records the ledger entry: for a
 * pickup who handed the result over and who received it, for mail the carrier and waybill.
 */
class DeliveriesCard : public Card
{
    Q_OBJECT
public:
    /// \a transport: the signed-in session (null: no platform, the card says so).
    DeliveriesCard(Platform::Transport *transport, QString clerkName, QWidget *parent = nullptr);
    void refresh();
    void setClerkName(const QString &name) { m_clerkName = name; }
    /// Shows \a tasks (what refresh() does with the platform's answer; tests call it).
    void show(const QList<Platform::DeliveryTask> &tasks);
    QTreeWidget *list() const { return m_list; }

private:
    void record(const Platform::DeliveryTask &task);

    std::unique_ptr<Platform::DeliveryClient> m_client;
    QString m_clerkName;
    QTreeWidget *m_list = nullptr;
    QLabel *m_message = nullptr;
    QList<Platform::DeliveryTask> m_tasks;
};

} // namespace Tongban::Gui
