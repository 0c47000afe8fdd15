#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QVBoxLayout;

namespace Tongban::App {
class Workstation;
}
namespace Tongban::Catalog {
struct MaterialRequirement;
}
namespace Tongban::Widgets {
class SampleView;
}

namespace Tongban::Gui {

class CaseController;
class CapturePane;

/*!
 * Material checking (材料核验), one material at a time: what the guide
 * requires (originals, copies, medium), the sample with its review points
 * drawn on it, the capture pane (live document camera, auto-capture, the
 * strip of captured pages), each review point marked as met or not with a
 * standard reason and an optional remark, the original verified, and a
 * tolerated absence with the applicant's commitment where the guide allows
 * it. Only the materials the guide lists for the case's answers appear:
 * nothing can be demanded outside the list (000 §27).
 */
class ChecklistPage : public QWidget
{
    Q_OBJECT
public:
    ChecklistPage(App::Workstation &station, CaseController &cases, CapturePane *capture,
        QWidget *parent = nullptr);

    /// Shows the case's current material (or the first one).
    void refresh();
    QString currentMaterial() const { return m_material; }
    void showMaterial(const QString &materialId);

signals:
    void decisionRequested();
    void guideReportRequested(const QString &materialId);
    void assistanceRequested(const QString &materialId);

private:
    void rebuildList();
    void rebuildMaterial();
    const Catalog::MaterialRequirement *currentRequirement() const;
    void updateStatus();
    void step(int delta);

    App::Workstation &m_station;
    CaseController &m_cases;
    CapturePane *m_capture = nullptr;
    QString m_material;
    bool m_loading = false;

    QLabel *m_caseLine = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_materialName = nullptr;
    QLabel *m_requirement = nullptr;
    QLabel *m_correctionNote = nullptr;
    Widgets::SampleView *m_sample = nullptr;
    QWidget *m_pointsBox = nullptr;
    QVBoxLayout *m_points = nullptr;
    QCheckBox *m_original = nullptr;
    QCheckBox *m_absent = nullptr;
    QCheckBox *m_tolerated = nullptr;
    QLabel *m_commitment = nullptr;
    QPushButton *m_unlock = nullptr;
    QLabel *m_todo = nullptr;
    QPushButton *m_previous = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_decide = nullptr;
};

} // namespace Tongban::Gui
