#pragma once

#include <assist/CallSignalling.h>
#include <assist/MediaSession.h>
#include <assist/PageShare.h>

#include <QImage>
#include <QJsonArray>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QPushButton;

namespace Tongban::App {
class PlatformLink;
class Workstation;
} // namespace Tongban::App

namespace Tongban::Assist {
class CallMedia;
class CallPages;
class CallRecordings;
class MarkupKeeper;
} // namespace Tongban::Assist
namespace Tongban::Drivers {
class DeviceRegistry;
}
namespace Tongban::Widgets {
class MarkupView;
class VideoView;
} // namespace Tongban::Widgets

namespace Tongban::Gui {

class CallQualityPanel;
class CaseController;
class IncomingCallsBox;
class SharedPagePanel;

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
 * The caller records each call (Assist::MediaSession's recording, in <dataDir>/recordings);
 * Assist::CallRecordings gives each call its folder and sends the recording to the platform
 * once the call has ended; the platform keeps it six months.
 *
 * During a call the application clerk shows a page of the case (the one chosen on the
 * checklist, or any page of the case); the full-resolution file goes through the platform
 * (Assist::CallPages), the other side fetches it and shows it in a Widgets::MarkupView (zoom,
 * pan). Both sides draw on it; Assist::PageShare carries the marks in page coordinates on the
 * call's data channel, or through the platform (call.share) while the channel is not open.
 * The caller keeps the marked-up page with the call (strokes, the page's hash and a PNG) and
 * names it in the case's trail (call.markup).
 *
 * The screen is composed of parts: IncomingCallsBox (the calls ringing at a home window),
 * SharedPagePanel (the page and its marks), CallQualityPanel (the call's figures) and the
 * device check (checkCallDevices); the media are an Assist::CallMedia, the recordings
 * Assist::CallRecordings, the marks kept with the call Assist::MarkupKeeper (also those a
 * killed run left, at sign-in, and those whose keep failed while the platform was gone, once
 * the events channel is live again).
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
    /// Calls will be about \a materialId of the open case (from the checklist); \a pageId,
    /// when given, is shown to the home window as soon as the call is connected.
    void prepareCall(const QString &materialId, const QString &pageId = {});
    /// Shows page \a pageId of the case to the other side of the active call (application
    /// window); false when no call is active or the page cannot be read.
    bool sharePage(const QString &pageId);
    /// Whether a call is active here now.
    bool isInCall() const;
    /// Refreshes the context line (the case may have changed).
    void refresh();

    /// The media of the active call, or null.
    Assist::MediaSession *media() const;
    /// The last picture of the other party shown.
    QImage remotePicture() const;
    /// The shared page of the active call, or null.
    Assist::PageShare *pageShare() const;
    Widgets::MarkupView *markupView() const;
    /// Off: the next calls open no data channel, so marks go through the platform (a test of
    /// the fallback).
    void setDataChannelAllowed(bool allowed) { m_dataChannelAllowed = allowed; }

protected:
    void showEvent(QShowEvent *event) override;

signals:
    /// Calls ringing at this window now.
    void incomingCountChanged(int count);
    /// A call became active here (true) or ended (false).
    void callActiveChanged(bool active);
    /// The marked-up page \a pageSha256 of \a callId is kept on the platform.
    void markupKept(const QString &callId, const QString &pageSha256);

private:
    /// Asks the platform for the ICE servers of the next call, then runs \a next.
    void withIceServers(std::function<void()> next);
    void call();
    void invite();
    void answer();
    void accept(const QString &callId);
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
    void updateIncoming();
    void updateButtons();
    void showStatus(const QString &text, bool problem = false);
    void audit(const QString &action, const QString &object, const QString &result,
        const QString &detail = {});
    void startSharing();
    /// The device check of the first-run assistant, in a dialog (not during a call).
    void checkDevices();
    void showVideoLevel(Tongban::Assist::VideoLevel level);
    /// The case's trail names a kept marked-up page (the case it was about), else the window's.
    void onMarkupKept(const QString &callId, const QString &caseId, const QString &pageSha256,
        const QString &detail);
    /// Keeps the journaled marks not on the platform (signed in): a killed run's, and this
    /// run's whose keep failed while the platform was gone; at sign-in and each time the
    /// events channel is live again.
    void keepJournaledMarkups();

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
    IncomingCallsBox *m_incoming = nullptr;
    Widgets::VideoView *m_remote = nullptr;
    Widgets::VideoView *m_self = nullptr;
    SharedPagePanel *m_share = nullptr;
    QLabel *m_recordingNote = nullptr;
    QPushButton *m_checkDevices = nullptr;
    CallQualityPanel *m_quality = nullptr;

    Assist::CallPages *m_callPages = nullptr;
    Assist::MarkupKeeper *m_markups = nullptr; ///< the caller's marks kept with the call
    QString m_pendingPage; ///< shown once the call connects
    bool m_dataChannelAllowed = true;
    QJsonArray m_iceServers; ///< of the current call (GET /ice-servers), empty when none
    bool m_fetchingIceServers = false;

    std::unique_ptr<Assist::CallMedia> m_media;
    std::unique_ptr<Drivers::DeviceRegistry> m_devices; ///< the call's camera comes from it
    Assist::CallRecordings *m_recordings = nullptr; ///< the calls' recordings and their outbox
};

} // namespace Tongban::Gui
