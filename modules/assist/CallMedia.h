#pragma once

#include "MediaSession.h"

#include <core/Result.h>

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <memory>

namespace Tongban::Drivers {
class DocumentSource;
}

namespace Tongban::Assist {

class CallSignalling;

/*!
 * The media of one call at this window (issue 15, Design): the MediaSession (picture and sound
 * both ways, the caller's recording), the window's HD camera feeding it, and the audit of
 * what the media did. The call screen only shows what this says.
 *
 * The camera is a Drivers::DocumentSource (drivers/api; the UVC driver for a camera through
 * Qt Multimedia): its preview frames are converted and scaled on the thread pool by the
 * driver, never on the GUI thread, and pushed into the session at the call's frame rate.
 * Without a camera (none, or simulated devices) the session sends its test pattern.
 *
 * GUI thread.
 */
class CallMedia : public QObject
{
    Q_OBJECT
public:
    /// Records an act of the call's media: action ("call.media", "call.recording"), result,
    /// detail; the object is the call.
    using Audit
        = std::function<void(const QString &action, const QString &result, const QString &detail)>;

    /// \a camera may be null (the test pattern is sent); \a options.video is set from it.
    CallMedia(MediaSession::Role role, MediaOptions options,
        std::shared_ptr<Drivers::DocumentSource> camera, Audit audit, QObject *parent = nullptr);
    ~CallMedia() override;

    /// Binds the media to \a calls (offer, answer, ICE), starts the pipeline, then the camera.
    Core::Status start(CallSignalling *calls);
    /// Stops the camera and the media (the recording is closed; recordingFinished follows).
    void stop();

    MediaSession *session() const { return m_session.get(); }
    bool hasCamera() const { return m_camera != nullptr; }
    /// Camera frames pushed into the session.
    int framesSent() const { return m_framesSent; }

signals:
    void remoteFrame(const QImage &frame);
    void localFrame(const QImage &frame);
    /// Picture and sound flow.
    void connected();
    /// The media failed (the call itself goes on: the clerks may still hang up).
    void failed(const Tongban::Core::Error &error);
    /// The camera stopped (cable pulled, device error): the other side no longer sees this one.
    void cameraFailed(const Tongban::Core::Error &error);
    /// The caller's recording is complete in \a folder (after stop()).
    void recordingFinished(const QString &folder);
    /// The quality panel's figures, once a second while connected (MediaSession).
    void qualityReport(const Tongban::Assist::QualityReport &report);
    /// The picture sent was stepped down or up on the network's account.
    void videoLevelChanged(Tongban::Assist::VideoLevel level);

private:
    void onCameraFrame(const QImage &frame);

    std::unique_ptr<MediaSession> m_session;
    std::shared_ptr<Drivers::DocumentSource> m_camera;
    Audit m_audit;
    QElapsedTimer m_cameraClock; ///< since the last camera frame sent
    int m_frameInterval = 66;
    int m_framesSent = 0;
    bool m_wasConnected = false; ///< the quality summary is audited for a call that connected
    int m_targetKbps = 0; ///< the video target of the last quality report
};

} // namespace Tongban::Assist
