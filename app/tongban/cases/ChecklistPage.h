#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QScrollArea;
class QComboBox;
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
    /// The page chosen in the capture strip (or the material's first page), or empty.
    QString currentPageId() const;
    /// A video call is up: "Show this page in the call" is offered.
    void setCallActive(bool active);

signals:
    void decisionRequested();
    void guideReportRequested(const QString &materialId);
    void assistanceRequested(const QString &materialId);
    /// Show \a pageId (of \a materialId) to the home window of the call under way.
    void sharePageRequested(const QString &materialId, const QString &pageId);

private:
    void rebuildList();
    void rebuildMaterial();
    const Catalog::MaterialRequirement *currentRequirement() const;
    void updateStatus();
    void step(int delta);
    /// Keyboard path (issue 14): review point \a index gets the focus (on its Met button).
    void focusPoint(int index);
    /// focusPoint(firstUnmarkedPoint()) once the rows just built are shown.
    void focusFirstPointLater();
    /// Makes review point \a index the current one (highlighted) without moving the focus.
    void selectPoint(int index);
    /// Marks the review point with the focus as met (and moves on) or not met (to its reason).
    void markCurrentPoint(bool met);
    /// The first review point not yet marked (0 when all are).
    int firstUnmarkedPoint() const;
    bool eventFilter(QObject *watched, QEvent *event) override;

    struct PointRow
    {
        QString pointId;
        QWidget *row = nullptr;
        QPushButton *pass = nullptr;
        QPushButton *fail = nullptr;
        QComboBox *reason = nullptr;
        QLineEdit *remark = nullptr;
    };

    App::Workstation &m_station;
    CaseController &m_cases;
    CapturePane *m_capture = nullptr;
    QString m_material;
    bool m_loading = false;
    QList<PointRow> m_pointRows;
    int m_currentPoint = -1;
    QString m_shownMaterial; ///< the material the middle column was last built for
    QScrollArea *m_scroll = nullptr;

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
    QPushButton *m_sharePage = nullptr;
};

} // namespace Tongban::Gui
