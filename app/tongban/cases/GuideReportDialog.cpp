#include "GuideReportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Tongban::Gui {

GuideReportDialog::GuideReportDialog(
    const QString &itemName, const QString &materialName, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Report a guide error"));
    setMinimumWidth(520);
    auto *layout = new QVBoxLayout(this);
    auto *about = new QLabel(
        materialName.isEmpty() ? itemName : tr("%1 · material: %2").arg(itemName, materialName),
        this);
    about->setWordWrap(true);
    about->setObjectName(QStringLiteral("cardTitle"));
    layout->addWidget(about);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("reportKind"));
    m_kind->addItem(tr("The guide is wrong or unclear"), QStringLiteral("guide_wrong"));
    m_kind->addItem(
        tr("A material outside the list was demanded"), QStringLiteral("extra_material_demanded"));
    m_kind->addItem(
        tr("A review point does not match the material"), QStringLiteral("review_point_mismatch"));
    layout->addWidget(m_kind);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("reportText"));
    m_text->setPlaceholderText(tr("What is wrong, and what the guide should say"));
    layout->addWidget(m_text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Send to the platform"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    // Outlined: sending is the one main action. The box polished its buttons as it made them,
    // so the style sheet sees the mark only when the button is polished again.
    QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setText(tr("Cancel"));
    cancel->setProperty("secondary", true);
    cancel->style()->unpolish(cancel);
    cancel->style()->polish(cancel);
    layout->addWidget(buttons);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(!m_text->toPlainText().trimmed().isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString GuideReportDialog::kind() const
{
    return m_kind->currentData().toString();
}

QString GuideReportDialog::text() const
{
    return m_text->toPlainText().trimmed();
}

} // namespace Tongban::Gui
