#include "IncomingCallsBox.h"

#include "CallTr.h"

#include <catalog/Catalog.h>
#include <catalog/CatalogStore.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <common/Workstation.h>
#include <optional>

namespace Tongban::Gui {

IncomingCallsBox::IncomingCallsBox(App::Workstation &station, QWidget *parent)
    : QWidget(parent)
    , m_station(station)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(CallTr::tr("Calls ringing at this window"), this);
    title->setObjectName(QStringLiteral("fieldName"));
    layout->addWidget(title);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("incomingCalls"));
    m_list->setMaximumHeight(110);
    layout->addWidget(m_list);
    auto *row = new QHBoxLayout;
    m_answer = new QPushButton(CallTr::tr("Answer"), this);
    m_answer->setObjectName(QStringLiteral("answerButton"));
    m_decline = new QPushButton(CallTr::tr("Decline"), this);
    m_decline->setObjectName(QStringLiteral("declineButton"));
    m_decline->setProperty("secondary", true);
    row->addWidget(m_answer);
    row->addWidget(m_decline);
    row->addStretch();
    layout->addLayout(row);
    connect(m_answer, &QPushButton::clicked, this, &IncomingCallsBox::answerRequested);
    connect(m_decline, &QPushButton::clicked, this, &IncomingCallsBox::declineRequested);
    connect(m_list, &QListWidget::currentRowChanged, this, &IncomingCallsBox::choiceChanged);
}

void IncomingCallsBox::setCalls(const QList<Assist::CallSignalling::Incoming> &calls)
{
    const QString current = currentCallId();
    m_list->clear();
    // Names from the catalogue in force (a home window may never have opened a case).
    std::optional<Catalog::Catalog> catalog;
    if (!calls.isEmpty()) {
        if (auto active = m_station.catalogs().active())
            catalog = std::move(active).value();
    }
    for (const Assist::CallSignalling::Incoming &call : calls) {
        QString itemName = call.itemCode;
        QString materialName = call.materialId;
        if (const Catalog::ServiceItem *item = catalog ? catalog->item(call.itemCode) : nullptr) {
            itemName = item->name;
            for (const Catalog::MaterialRequirement &requirement : item->materials) {
                if (requirement.id == call.materialId)
                    materialName = requirement.name;
            }
        }
        const QString from = call.fromName.isEmpty() ? call.fromWindow : call.fromName;
        auto *row = new QListWidgetItem(materialName.isEmpty()
                ? CallTr::tr("%1 · %2").arg(from, itemName)
                : CallTr::tr("%1 · %2 · material: %3").arg(from, itemName, materialName),
            m_list);
        row->setData(Qt::UserRole, call.callId);
        if (call.callId == current || (current.isEmpty() && m_list->count() == 1))
            m_list->setCurrentItem(row);
    }
}

QString IncomingCallsBox::currentCallId() const
{
    return m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
}

void IncomingCallsBox::updateButtons(bool mayAnswer)
{
    const bool chosen = m_list->currentRow() >= 0;
    m_answer->setEnabled(mayAnswer && chosen);
    m_decline->setEnabled(chosen);
}

} // namespace Tongban::Gui
