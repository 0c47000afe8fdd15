#include "CallMedia.h"

#include "CallSignalling.h"
#include "Tr.h"

#include <QJsonDocument>

#include <drivers/api/DocumentSource.h>

namespace Tongban::Assist {

namespace {
MediaOptions withVideo(MediaOptions options, bool camera)
{
    options.video = camera ? MediaOptions::Video::Frames : MediaOptions::Video::TestPattern;
    return options;
}
} // namespace

CallMedia::CallMedia(MediaSession::Role role, MediaOptions options,
    std::shared_ptr<Drivers::DocumentSource> camera, Audit audit, QObject *parent)
    : QObject(parent)
    , m_session(std::make_unique<MediaSession>(role, withVideo(options, camera != nullptr)))
    , m_camera(std::move(camera))
    , m_audit(std::move(audit))
    , m_frameInterval(1000 / qMax(1, options.framesPerSecond))
{
    connect(m_session.get(), &MediaSession::remoteFrame, this, &CallMedia::remoteFrame);
    connect(m_session.get(), &MediaSession::localFrame, this, &CallMedia::localFrame);
    connect(m_session.get(), &MediaSession::stateChanged, this, [this](MediaSession::State state) {
        if (state == MediaSession::State::Connected) {
            m_wasConnected = true;
            emit connected();
        }
    });
    connect(m_session.get(), &MediaSession::failed, this, [this](const Core::Error &error) {
        if (m_audit)
            m_audit(QStringLiteral("call.media"), QStringLiteral("failed"), error.detail);
        emit failed(error);
    });
    connect(
        m_session.get(), &MediaSession::qualityReport, this, [this](const QualityReport &report) {
            m_targetKbps = report.targetKbps;
            emit qualityReport(report);
        });
    connect(m_session.get(), &MediaSession::videoLevelChanged, this, [this](VideoLevel level) {
        if (m_audit) { // when the picture changed, for whoever reviews the call
            const QString picture = level == VideoLevel::AudioOnly ? QStringLiteral("sound alone")
                : level == VideoLevel::Low180                      ? QStringLiteral("180p")
                : level == VideoLevel::Standard360                 ? QStringLiteral("360p")
                                                                   : QStringLiteral("720p");
            m_audit(QStringLiteral("call.quality"), QStringLiteral("level"),
                QStringLiteral("%1, video target %2 kbit/s").arg(picture).arg(m_targetKbps));
        }
        emit videoLevelChanged(level);
    });
    connect(m_session.get(), &MediaSession::recordingFinished, this, [this](const QString &folder) {
        if (m_audit)
            m_audit(QStringLiteral("call.recording"), QStringLiteral("recorded"), folder);
        emit recordingFinished(folder);
    });
}

CallMedia::~CallMedia()
{
    stop();
}

Core::Status CallMedia::start(CallSignalling *calls)
{
    if (calls)
        bindToCall(m_session.get(), calls);
    if (const Core::Status started = m_session->start(); !started)
        return started;
    if (!m_camera)
        return {};
    connect(m_camera.get(), &Drivers::DocumentSource::previewFrame, this,
        [this](const QImage &frame, qint64) { onCameraFrame(frame); });
    const auto cameraStopped = [this](const Core::Error &error) {
        if (m_audit)
            m_audit(QStringLiteral("call.camera"), QStringLiteral("failed"), error.detail);
        emit cameraFailed(Core::Error { MediaFailed,
            Tr::tr("The camera for the call stopped: %1. The other window no longer sees you; "
                   "check the camera's cable.")
                .arg(error.message),
            error.detail });
    };
    connect(m_camera.get(), &Drivers::DocumentSource::errorOccurred, this, cameraStopped);
    connect(m_camera.get(), &Drivers::DocumentSource::unplugged, this, [cameraStopped] {
        cameraStopped(Core::Error {
            MediaFailed, Tr::tr("the camera was unplugged"), QStringLiteral("unplugged") });
    });
    Core::Status opened = m_camera->isOpen() ? Core::Status() : m_camera->open();
    if (opened && !m_camera->isPreviewing())
        opened = m_camera->startPreview();
    if (!opened)
        cameraStopped(opened.error()); // the call goes on with sound only
    return {};
}

void CallMedia::stop()
{
    if (m_camera) {
        disconnect(m_camera.get(), nullptr, this, nullptr);
        m_camera->stopPreview();
        m_camera->close();
        m_camera.reset();
    }
    if (m_session) {
        m_session->stop();
        if (m_wasConnected && m_audit) {
            // The per-call summary (issue 15): kept with the call in the window's trail.
            m_wasConnected = false;
            m_audit(QStringLiteral("call.quality"), QStringLiteral("summary"),
                QString::fromUtf8(
                    QJsonDocument(m_session->qualitySummary()).toJson(QJsonDocument::Compact)));
        }
    }
}

void CallMedia::onCameraFrame(const QImage &frame)
{
    // At the call's frame rate, not the camera's. The frame was converted by the driver off
    // the GUI thread; pushVideoFrame only copies it into the pipeline.
    if (m_cameraClock.isValid() && m_cameraClock.elapsed() < m_frameInterval)
        return;
    m_cameraClock.start();
    m_session->pushVideoFrame(frame);
    ++m_framesSent;
}

} // namespace Tongban::Assist
