#pragma once

#include <QFrame>

class QFormLayout;
class QLabel;

namespace Tongban::Gui {

/*!
 * A titled panel of label/value rows, the building block of the Today screen.
 * Values are plain text (never rich text: they may come from data).
 */
class Card : public QFrame
{
    Q_OBJECT

public:
    explicit Card(const QString &title, QWidget *parent = nullptr);

    /// Adds a row and returns its value label so that it can be updated.
    QLabel *addRow(const QString &label, const QString &value = {});
    /// Adds a full-width line of text (wrapping).
    QLabel *addText(const QString &text);
    /// Adds a full-width widget (a list, a field).
    void addWidget(QWidget *widget);

private:
    QFormLayout *m_form;
};

} // namespace Tongban::Gui
