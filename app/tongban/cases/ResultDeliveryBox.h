#pragma once

#include <QGroupBox>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Tongban::Gui {

class CaseController;

/*!
 * How the applicant receives the result (issue 17; 000 第二十三条), asked on the decision
 * screen of a complete case before the receipt prints: at this window, at the home window, by
 * mail (recipient, mobile, postal code, address: checked before it is kept) or self-print.
 * A method without an address is kept as soon as it is picked; a mailing address with
 * "Keep address".
 */
class ResultDeliveryBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit ResultDeliveryBox(CaseController &cases, QWidget *parent = nullptr);
    /// Shows the current case's choice.
    void refresh();

private:
    void methodPicked();
    void keepAddress();

    CaseController &m_cases;
    QComboBox *m_method = nullptr;
    QWidget *m_address = nullptr;
    QLineEdit *m_recipient = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_postalCode = nullptr;
    QLineEdit *m_line = nullptr;
    QPushButton *m_keep = nullptr;
    QLabel *m_state = nullptr;
};

} // namespace Tongban::Gui
