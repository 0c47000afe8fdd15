#include "DeliveriesCard.h"

#include "shell/EmptyState.h"

#include <core/Alive.h>

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QTreeWidget>

namespace Tongban::Gui {

namespace {

QString methodText(const QString &method)
{
    if (method == QLatin1String("mail"))
        return DeliveriesCard::tr("By mail");
    if (method == QLatin1String("home_window"))
        return DeliveriesCard::tr("Collect at the home window");
    if (method == QLatin1String("self_print"))
        return DeliveriesCard::tr("Self-print");
    return DeliveriesCard::tr("Collect at this window");
}

} // namespace

DeliveriesCard::DeliveriesCard(Platform::Transport *transport, QString clerkName, QWidget *parent)
    : Card(tr("Results to deliver"), parent)
    , m_clerkName(std::move(clerkName))
{
    setObjectName(QStringLiteral("deliveriesCard"));
    if (transport)
        m_client = std::make_unique<Platform::DeliveryClient>(*transport);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("deliveries"));
    m_list->setHeaderLabels({ tr("Deliver by"), tr("Case number"), tr("How") });
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->setMinimumHeight(110);
    setEmptyText(m_list, tr("No result to deliver."));
    addWidget(m_list);
    m_message = addText(QString());
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const int index = item->data(0, Qt::UserRole).toInt();
        if (index >= 0 && index < m_tasks.size())
            record(m_tasks.at(index));
    });
}

void DeliveriesCard::refresh()
{
    if (!m_client) {
        m_message->setText(tr("No platform is configured."));
        return;
    }
    Core::Alive<DeliveriesCard> self(this);
    m_client->pending([self](Core::Result<QList<Platform::DeliveryTask>> tasks) {
        if (!self)
            return;
        if (!tasks) {
            self->m_message->setText(tasks.error().message);
            return;
        }
        self->show(*tasks);
    });
}

void DeliveriesCard::show(const QList<Platform::DeliveryTask> &tasks)
{
    m_tasks = tasks;
    m_list->clear();
    int overdue = 0;
    for (int i = 0; i < tasks.size(); ++i) {
        const Platform::DeliveryTask &task = tasks.at(i);
        auto *item = new QTreeWidgetItem(m_list,
            { QLocale().toString(task.dueAt.toLocalTime(), QLocale::ShortFormat), task.caseNumber,
                methodText(task.method) });
        item->setData(0, Qt::UserRole, i);
        if (task.overdue) {
            ++overdue;
            for (int column = 0; column < 3; ++column)
                item->setForeground(column, QColor(0xa8, 0x07, 0x1a));
            item->setText(0, tr("%1 (overdue)").arg(item->text(0)));
        }
    }
    m_message->setText(tasks.isEmpty()
            ? tr("Nothing to deliver.")
            : tr("%n result(s) to deliver, %1 overdue.", nullptr, int(tasks.size())).arg(overdue));
}

void DeliveriesCard::record(const Platform::DeliveryTask &task)
{
    if (!m_client)
        return;
    const bool mail = task.method == QLatin1String("mail");
    QDialog dialog(this);
    dialog.setWindowTitle(mail ? tr("Record the waybill") : tr("Record the hand-over"));
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Case number"), new QLabel(task.caseNumber, &dialog));
    auto *first = new QLineEdit(&dialog);
    auto *second = new QLineEdit(&dialog);
    first->setObjectName(QStringLiteral("ledgerFirst"));
    second->setObjectName(QStringLiteral("ledgerSecond"));
    if (mail) {
        first->setText(QStringLiteral("EMS"));
        form->addRow(tr("Carrier"), first);
        form->addRow(tr("Waybill"), second);
    } else {
        first->setText(m_clerkName);
        form->addRow(tr("Handed over by"), first);
        form->addRow(tr("Received by"), second);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Core::Alive<DeliveriesCard> self(this);
    const auto done = [self](Core::Result<Platform::DeliveryTask> recorded) {
        if (!self)
            return;
        if (!recorded) {
            self->m_message->setText(recorded.error().message);
            return;
        }
        self->refresh();
    };
    if (mail)
        m_client->mailed(task.deliveryId, first->text().trimmed(), second->text().trimmed(), done);
    else
        m_client->handOver(
            task.deliveryId, first->text().trimmed(), second->text().trimmed(), done);
}

} // namespace Tongban::Gui
