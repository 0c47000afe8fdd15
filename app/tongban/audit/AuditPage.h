#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace Tongban::App {
class Workstation;
}

namespace Tongban::Gui {

/*!
 * The electronic trace (全程电子留痕) of this workstation: the latest records
 * of the audit trail, and a check of the hash chain on demand. Read-only.
 */
class AuditPage : public QWidget
{
    Q_OBJECT

public:
    explicit AuditPage(App::Workstation &station, QWidget *parent = nullptr);

public slots:
    void refresh();
    void verifyChain();

private:
    App::Workstation &m_station;
    QTableWidget *m_table = nullptr;
    QLabel *m_verdict = nullptr;
};

} // namespace Tongban::Gui
