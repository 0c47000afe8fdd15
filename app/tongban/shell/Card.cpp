#include "Card.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Tongban::Gui {

Card::Card(const QString &title, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("card"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 14, 18, 16);
    layout->setSpacing(10);
    auto *heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("cardTitle"));
    layout->addWidget(heading);
    m_form = new QFormLayout;
    m_form->setHorizontalSpacing(18);
    m_form->setVerticalSpacing(8);
    m_form->setLabelAlignment(Qt::AlignLeft);
    layout->addLayout(m_form);
    layout->addStretch();
}

QLabel *Card::addRow(const QString &label, const QString &value)
{
    auto *valueLabel = new QLabel(value, this);
    valueLabel->setTextFormat(Qt::PlainText);
    valueLabel->setWordWrap(true);
    valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *name = new QLabel(label, this);
    name->setObjectName(QStringLiteral("fieldName"));
    m_form->addRow(name, valueLabel);
    return valueLabel;
}

QLabel *Card::addText(const QString &text)
{
    auto *line = new QLabel(text, this);
    line->setTextFormat(Qt::PlainText);
    line->setWordWrap(true);
    m_form->addRow(line);
    return line;
}

void Card::addWidget(QWidget *widget)
{
    widget->setParent(this);
    m_form->addRow(widget);
}

} // namespace Tongban::Gui
