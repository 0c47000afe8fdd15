#pragma once

#include <QImage>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace Tongban::App {
class Workstation;
}
namespace Tongban::Drivers {
class DeviceRegistry;
class DocumentSource;
} // namespace Tongban::Drivers
namespace Tongban::Imaging {
class CaptureSession;
struct ProcessedPage;
} // namespace Tongban::Imaging
namespace Tongban::Widgets {
class CameraView;
class PageStrip;
} // namespace Tongban::Widgets

namespace Tongban::Gui {

class CaseController;

/*!
 * The capture side of the checklist: the device (document camera or
 * scanner), its live picture with the detected page outlined, auto-capture
 * and quality warnings, and the strip of the current material's pages
 * (reorder, rotate, delete, retake, zoom).
 *
 * A captured page is stored at once under the current material
 * (CaseController::addPage); a retake replaces the page in its place; a
 * rotation stores the turned page in place of the old one. Detection and
 * still processing run off the GUI thread (Imaging::CaptureSession); the
 * preview runs only while the checklist is shown (setActive()).
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
    bool isActive() const { return m_active; }

    /// Takes a page now (Space in the camera view, the Capture button); false when it cannot.
    bool captureNow();
    Widgets::PageStrip *strip() const { return m_strip; }
    Widgets::CameraView *cameraView() const { return m_view; }

signals:
    /// A page was stored under \a materialId.
    void pageStored(const QString &materialId, const QString &pageId);

private:
    void openDevices();
    void openSource(const QString &id);
    void onPageCaptured(const Imaging::ProcessedPage &page);
    void rotatePage(const QString &pageId, int degrees);
    void showStatus(const QString &text, bool error);
    /// Whether \a page looks like one of the current material's pages (auto-capture skips it).
    bool isAlreadyAPage(const QImage &page) const;

    static constexpr int kQuietAfterOpenMs = 2500;
    static constexpr int kSamePageBits = 20; ///< of 256 in the average hash

    App::Workstation &m_station;
    CaseController &m_cases;
    QString m_material;
    QString m_retakePageId;
    QImage m_capturedImage; ///< the page being stored, for its thumbnail
    bool m_active = false;
    bool m_manualCapture = false; ///< the capture in flight was asked for (F2, button)
    std::unique_ptr<Drivers::DeviceRegistry> m_registry;
    std::shared_ptr<Drivers::DocumentSource> m_source;
    Imaging::CaptureSession *m_session = nullptr;
    QComboBox *m_devices = nullptr;
    QPushButton *m_refresh = nullptr;
    QCheckBox *m_auto = nullptr;
    QPushButton *m_capture = nullptr;
    Widgets::CameraView *m_view = nullptr;
    Widgets::PageStrip *m_strip = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace Tongban::Gui
