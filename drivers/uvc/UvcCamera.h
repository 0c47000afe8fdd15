#pragma once

#include <QCameraDevice>
#include <QCameraFormat>
#include <QElapsedTimer>
#include <QFutureWatcher>

#include <drivers/api/DocumentSource.h>
#include <memory>

class QCamera;
class QImageCapture;
class QMediaCaptureSession;
class QMediaDevices;
class QVideoFrame;
class QVideoSink;

namespace Tongban::Drivers::Uvc {

/*!
 * A document camera (高拍仪) through Qt Multimedia.
 *
 * open() starts QCamera with the format of the highest resolution (MJPEG
 * preferred among equals, then the highest frame rate); stills come from
 * QImageCapture at the largest photo resolution, preview frames from a
 * QVideoSink, converted and scaled to about 1 MP on the thread pool (frames
 * that arrive while one is being converted are dropped), at most
 * capabilities().previewFps a second.
 *
 * Unplugging (QMediaDevices::videoInputsChanged without our device, or a
 * QCamera error while the device is gone): a still in flight fails with
 * DriverError::Unplugged, unplugged() is emitted once and the source closes;
 * stills already delivered are unaffected. Needs a QGuiApplication; lives in
 * the GUI thread.
 */
class UvcCamera : public DocumentSource
{
    Q_OBJECT
public:
    explicit UvcCamera(const QCameraDevice &device, QObject *parent = nullptr);
    ~UvcCamera() override;

    SourceIdentity identity() const override;
    SourceCapabilities capabilities() const override;
    Core::Status open() override;
    void close() override;
    bool isOpen() const override { return m_camera != nullptr; }
    QList<OptionDescriptor> options() const override;
    QVariant option(const QString &id) const override;
    Core::Status setOption(const QString &id, const QVariant &value) override;
    Core::Status startPreview() override;
    void stopPreview() override;
    bool isPreviewing() const override { return m_previewing; }
    void captureStill() override;
    QJsonObject toJson() const override;

    /// The format open() would choose: largest, MJPEG among equals, then fastest.
    static QCameraFormat bestFormat(const QList<QCameraFormat> &formats);
    /// "uvc:" followed by the Qt device id (e.g. "uvc:/dev/video0").
    static QString sourceId(const QCameraDevice &device);

private:
    void onFrame(const QVideoFrame &frame);
    void onInputsChanged();
    void onCameraError(int error, const QString &text);
    void failPending(const Core::Error &error);
    void handleUnplug();
    QList<QSize> stillSizes() const;

    QCameraDevice m_device;
    QCameraFormat m_format;
    std::unique_ptr<QMediaDevices> m_devices;
    std::unique_ptr<QMediaCaptureSession> m_session;
    std::unique_ptr<QCamera> m_camera;
    std::unique_ptr<QImageCapture> m_capture;
    std::unique_ptr<QVideoSink> m_sink;
    QFutureWatcher<QImage> m_converting;
    QElapsedTimer m_clock;
    qint64 m_lastFrameMs = -1;
    bool m_previewing = false;
    bool m_unplugged = false;
    int m_pendingId = -1; ///< QImageCapture id of the still in flight, -1 when none
    QSize m_stillResolution;
};

} // namespace Tongban::Drivers::Uvc
