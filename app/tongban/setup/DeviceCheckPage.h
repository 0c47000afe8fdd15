#pragma once

#include <QWizardPage>

#include <memory>

class QAudioSink;
class QAudioSource;
class QBuffer;
class QCamera;
class QIODevice;
class QLabel;
class QLineEdit;
class QMediaCaptureSession;
class QProgressBar;
class QPushButton;
class QVideoSink;

namespace Tongban::App {
class WindowSettings;
} // namespace Tongban::App
namespace Tongban::Drivers {
class DeviceRegistry;
class DocumentSource;
} // namespace Tongban::Drivers
namespace Tongban::Imaging {
class CaptureSession;
} // namespace Tongban::Imaging
namespace Tongban::Widgets {
class CameraView;
} // namespace Tongban::Widgets

namespace Tongban::Gui {

/*!
 * The device check of the first-run assistant: the document camera's live
 * picture, the HD camera's picture, the microphone's level, a test tone on the
 * speaker and a test page to the printer ([printer] name, registered as the
 * field "printerName"). With simulated devices (TONGBAN_FAKE_DEVICES=1 or
 * [devices] fake) the camera is the simulated 高拍仪 and the audio devices
 * say they are simulated rather than pretending to play or hear anything.
 *
 * No device is mandatory: each line says what it found and what to do. The
 * devices run only while the page shows. GUI thread only.
 */
class DeviceCheckPage : public QWizardPage
{
    Q_OBJECT

public:
    DeviceCheckPage(const App::WindowSettings &settings, bool fakeDevices, QWidget *parent);
    ~DeviceCheckPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool validatePage() override;

    /// The microphone's last level, 0 to 100.
    int microphoneLevel() const;

private:
    void startDevices();
    void stopDevices();
    void startHdCamera();
    void startMicrophone();
    void playTone();
    void printTestPage();
    /// The test page: A4 PDF naming the window and the time.
    QByteArray testPagePdf() const;

    bool m_fake = false;
    std::unique_ptr<Drivers::DeviceRegistry> m_registry;
    std::shared_ptr<Drivers::DocumentSource> m_source;
    Imaging::CaptureSession *m_session = nullptr;
    Widgets::CameraView *m_view = nullptr;
    QLabel *m_documentStatus = nullptr;
    QLabel *m_hdPicture = nullptr;
    QLabel *m_hdStatus = nullptr;
    QProgressBar *m_level = nullptr;
    QLabel *m_microphoneStatus = nullptr;
    QPushButton *m_toneButton = nullptr;
    QLabel *m_speakerStatus = nullptr;
    QLineEdit *m_printer = nullptr;
    QLabel *m_printerStatus = nullptr;
    QCamera *m_camera = nullptr;
    QMediaCaptureSession *m_cameraSession = nullptr;
    QVideoSink *m_videoSink = nullptr;
    QAudioSource *m_audioIn = nullptr;
    QIODevice *m_audioInDevice = nullptr;
    QAudioSink *m_audioOut = nullptr;
    QBuffer *m_tone = nullptr;
    class QTimer *m_simulatedLevel = nullptr;
    int m_simulatedTick = 0;
};

} // namespace Tongban::Gui
