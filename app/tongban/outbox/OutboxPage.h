#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QComboBox;
class QTableWidget;

namespace Tongban::App {
class PlatformLink;
class Workstation;
} // namespace Tongban::App

namespace Tongban::Gui {

class CaseController;

/*!
 * Transmission and mailing: every case in the outbox with its progress and
 * its last failure (with the reason, in the clerk's language), a button to
 * send now, and the mailing tasks for paper originals, due the working day
 * after the case was received (000 §17), where the clerk records the
 * waybill. Overdue tasks are red.
 */
class OutboxPage : public QWidget
{
    Q_OBJECT
public:
    OutboxPage(App::Workstation &station, CaseController &cases, App::PlatformLink *platform,
        QWidget *parent = nullptr);

    void refresh();
    /// Records the waybill of mailing task \a taskId (what the row's button does).
    bool recordWaybill(qint64 taskId, const QString &carrier, const QString &waybill);

private:
    void showMessage(const QString &text);

    App::Workstation &m_station;
    CaseController &m_cases;
    App::PlatformLink *m_platform = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_outbox = nullptr;
    QTableWidget *m_mailings = nullptr;
    QLabel *m_outboxEmpty = nullptr;
    QLabel *m_mailingsEmpty = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace Tongban::Gui
