#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace Tongban::App {
class Workstation;
}

namespace Tongban::Gui {

class CaseController;

/*!
 * The capture side of the checklist: the live document camera with the
 * detected page outlined, auto-capture and quality warnings, and the strip
 * of the current material's captured pages. Captured pages are stored at
 * once (CaseController::addPage) under the current material.
 */
class CapturePane : public QWidget
{
    Q_OBJECT
public:
    CapturePane(App::Workstation &station, CaseController &cases, QWidget *parent = nullptr);
    ~CapturePane() override;

    void setMaterial(const QString &materialId);
    QString material() const { return m_material; }
    /// Re-reads the pages of the current material.
    void refreshPages();
    /// Preview runs only while the checklist is shown.
    void setActive(bool active);

private:
    App::Workstation &m_station;
    CaseController &m_cases;
    QString m_material;
    QLabel *m_camera = nullptr;
    QListWidget *m_strip = nullptr;
};

} // namespace Tongban::Gui
