#include "ResultDeliveryBox.h"

#include "CaseController.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Tongban::Gui {

using Intake::ResultDelivery;

ResultDeliveryBox::ResultDeliveryBox(CaseController &cases, QWidget *parent)
    : QGroupBox(tr("How the applicant receives the result"), parent)
    , m_cases(cases)
{
    setObjectName(QStringLiteral("resultDeliveryBox"));
    auto *layout = new QVBoxLayout(this);
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("deliveryMethod"));
    m_method->addItem(tr("Collect at this window"), int(ResultDelivery::Method::ApplicationWindow));
    m_method->addItem(tr("Collect at the home window"), int(ResultDelivery::Method::HomeWindow));
    m_method->addItem(tr("By mail"), int(ResultDelivery::Method::Mail));
    m_method->addItem(
        tr("Print it at a self-service terminal"), int(ResultDelivery::Method::SelfPrint));
    layout->addWidget(m_method);

    m_address = new QWidget(this);
    auto *form = new QFormLayout(m_address);
    form->setContentsMargins(0, 0, 0, 0);
    m_recipient = new QLineEdit(m_address);
    m_recipient->setObjectName(QStringLiteral("deliveryRecipient"));
    m_phone = new QLineEdit(m_address);
    m_phone->setObjectName(QStringLiteral("deliveryPhone"));
    m_phone->setInputMask(QStringLiteral("99999999999;_"));
    m_postalCode = new QLineEdit(m_address);
    m_postalCode->setObjectName(QStringLiteral("deliveryPostalCode"));
    m_postalCode->setInputMask(QStringLiteral("999999;_"));
    m_line = new QLineEdit(m_address);
    m_line->setObjectName(QStringLiteral("deliveryAddress"));
    form->addRow(tr("Recipient"), m_recipient);
    form->addRow(tr("Mobile number"), m_phone);
    form->addRow(tr("Postal code"), m_postalCode);
    form->addRow(tr("Address"), m_line);
    m_keep = new QPushButton(tr("Keep address"), m_address);
    m_keep->setObjectName(QStringLiteral("deliveryKeep"));
    form->addRow(QString(), m_keep);
    layout->addWidget(m_address);
    m_state = new QLabel(this);
    m_state->setWordWrap(true);
    m_state->setObjectName(QStringLiteral("deliveryState"));
    layout->addWidget(m_state);

    connect(m_method, &QComboBox::activated, this, &ResultDeliveryBox::methodPicked);
    connect(m_keep, &QPushButton::clicked, this, &ResultDeliveryBox::keepAddress);
}

void ResultDeliveryBox::refresh()
{
    if (!m_cases.hasCase())
        return;
    const ResultDelivery choice = m_cases.resultDelivery();
    m_method->setCurrentIndex(m_method->findData(int(choice.method)));
    const bool mail = choice.method == ResultDelivery::Method::Mail;
    m_address->setVisible(mail);
    if (mail) {
        m_recipient->setText(choice.recipient);
        m_phone->setText(choice.phone);
        m_postalCode->setText(choice.postalCode);
        m_line->setText(choice.addressLine);
    }
    m_state->setText(tr("On the receipt: %1").arg(choice.receiptText()));
}

void ResultDeliveryBox::methodPicked()
{
    const auto method = ResultDelivery::Method(m_method->currentData().toInt());
    if (method == ResultDelivery::Method::Mail) {
        // Kept once the address is complete.
        m_address->setVisible(true);
        m_recipient->setFocus();
        m_state->setText(tr("Enter the mailing address, then keep it."));
        return;
    }
    ResultDelivery choice;
    choice.method = method;
    m_cases.setResultDelivery(choice);
    refresh();
}

void ResultDeliveryBox::keepAddress()
{
    ResultDelivery choice;
    choice.method = ResultDelivery::Method::Mail;
    choice.recipient = m_recipient->text();
    choice.phone = m_phone->text();
    choice.postalCode = m_postalCode->text();
    choice.addressLine = m_line->text();
    const Core::Status checked = choice.check();
    if (!checked) {
        m_state->setText(checked.error().message);
        return;
    }
    if (m_cases.setResultDelivery(choice))
        refresh();
}

} // namespace Tongban::Gui
