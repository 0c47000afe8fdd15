#pragma once

#include <assist/CallSignalling.h>
#include <assist/MediaSession.h>
#include <assist/RecordingOutbox.h>

#include <QElapsedTimer>
#include <QImage>
#include <QMediaCaptureSession>
#include <QPointer>
#include <QWidget>

#include <memory>

class QCamera;
class QLabel;
class QListWidget;
class QPushButton;
class QVideoSink;

namespace Tongban::App {
class PlatformLink;
class Workstation;
} // namespace Tongban::App

namespace Tongban::Gui {

class CaseController;
class VideoView;

/*!
 * Video assistance (视频协助, journeys J3–J5). An application window calls the home
 * windows of the current case's item about a material; a home window sees the calls ringing
 * and answers one. While the call is active both see and hear each other: the other
 * party's picture large, this window's small.
 *
 * Signalling is PlatformLink::calls() on the events socket; the media are an
 * Assist::MediaSession bound to it. The HD camera is the default video input through Qt
 * Multimedia and the headset the default PulseAudio source and sink; with simulated devices
 * ([devices] fake in tongban.conf, or TONGBAN_FAKE_DEVICES=1) a test pattern and a test tone
 * stand in (nothing is played).
 *
 * The caller records each call (Assist::MediaSession's recording, in <dataDir>/recordings) and
 * sends it to the platform with an Assist::RecordingOutbox once the call has ended; the
 * platform keeps it six months. The shared page with annotation is not built yet; the page
 * says so.
 */
class CallPage : public QWidget
{
    Q_OBJECT
public:
    CallPage(App::Workstation &station, CaseController &cases, App::PlatformLink *platform,
        QWidget *parent = nullptr);
    ~CallPage() override;

    /// The signed-in clerk's role: "application" calls, "home" answers.
    void setRole(const QString &role);
    /// Calls will be about \a materialId of the open case (from the checklist).
    void prepareCall(const QString &materialId);
    /// Refreshes the context line (the case may have changed).
    void refresh();

    /// The media of the active call, or null.
    Assist::MediaSession *media() const { return m_media.get(); }
    /// The last picture of the other party shown.
    QImage remotePicture() const;

signals:
    /// Calls ringing at this window now.
    void incomingCountChanged(int count);

private:
    void call();
    void answer();
    void decline();
    void hangUp();
    void onCallState(Assist::CallSignalling::State state);
    void onConnected();
    /// The other party: its window name, or its id when the platform gave no name.
    QString peerLabel() const;
    void onEnded(Assist::CallSignalling::End why, const Core::Error &error);
    void startMedia();
    void stopMedia();
    /// Sends the recordings of ended calls to the platform (a signed-in session needed).
    void sendRecordings();
    QString recordingsFolder() const;
    void updateIncoming();
    void updateButtons();
    void showStatus(const QString &text, bool problem = false);
    void audit(const QString &action, const QString &object, const QString &result,
        const QString &detail = {});

    App::Workstation &m_station;
    CaseController &m_cases;
    App::PlatformLink *m_platform = nullptr;
    QString m_role;
    QString m_materialId;
    QString m_callId;
    bool m_useDevices = true;

    QLabel *m_context = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_call = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_hangUp = nullptr;
    QWidget *m_incomingBox = nullptr;
    QListWidget *m_incoming = nullptr;
    QPushButton *m_answer = nullptr;
    QPushButton *m_decline = nullptr;
    VideoView *m_remote = nullptr;
    VideoView *m_self = nullptr;

    std::unique_ptr<Assist::MediaSession> m_media;
    QPointer<Assist::RecordingOutbox> m_recordings; ///< a child of the platform link
    QCamera *m_camera = nullptr;
    QVideoSink *m_cameraSink = nullptr;
    QMediaCaptureSession m_cameraSession;
    QElapsedTimer m_cameraClock; ///< since the last camera frame sent
};

} // namespace Tongban::Gui
