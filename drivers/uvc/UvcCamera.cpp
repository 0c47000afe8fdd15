#include "UvcCamera.h"

#include <QCamera>
#include <QImageCapture>
#include <QJsonArray>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoFrame>
#include <QVideoSink>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <drivers/api/DriverErrors.h>
#include <drivers/api/Logging.h>
#include <drivers/api/Tr.h>

namespace Tongban::Drivers::Uvc {

namespace {
const QString kResolution = QStringLiteral("resolution");
constexpr double kPreviewPixels = 1.0e6;
constexpr int kMaxPreviewFps = 15;

QString sizeText(QSize s)
{
    return QString(QString::number(s.width()) + QLatin1Char('x') + QString::number(s.height()));
}

qint64 area(QSize s)
{
    return qint64(s.width()) * s.height();
}

QSize previewSizeFor(QSize full)
{
    if (full.isEmpty())
        return {};
    const double f = std::min(1.0, std::sqrt(kPreviewPixels / double(area(full))));
    return QSize(std::max(1, int(std::lround(full.width() * f))),
        std::max(1, int(std::lround(full.height() * f))));
}

bool devicePresent(const QCameraDevice &device)
{
    const auto inputs = QMediaDevices::videoInputs();
    return std::any_of(inputs.cbegin(), inputs.cend(),
        [&device](const QCameraDevice &d) { return d.id() == device.id(); });
}

Core::Error unpluggedError(const QString &detail)
{
    return { Unplugged,
        Tr::tr("The document camera was disconnected. Reconnect it; pages already captured are "
               "kept."),
        detail };
}
} // namespace

UvcCamera::UvcCamera(const QCameraDevice &device, QObject *parent)
    : DocumentSource(parent)
    , m_device(device)
    , m_format(bestFormat(device.videoFormats()))
{
    const QList<QSize> sizes = stillSizes();
    if (!sizes.isEmpty())
        m_stillResolution = sizes.first();
    connect(&m_converting, &QFutureWatcher<QImage>::finished, this, [this] {
        if (!m_previewing || !isOpen())
            return;
        const QImage frame = m_converting.result();
        if (!frame.isNull())
            emit previewFrame(frame, m_clock.elapsed());
    });
    m_clock.start();
}

UvcCamera::~UvcCamera()
{
    close();
    m_converting.waitForFinished();
}

QString UvcCamera::sourceId(const QCameraDevice &device)
{
    return QString(QStringLiteral("uvc:") + QString::fromUtf8(device.id()));
}

QCameraFormat UvcCamera::bestFormat(const QList<QCameraFormat> &formats)
{
    QCameraFormat best;
    const auto key = [](const QCameraFormat &f) {
        return std::make_tuple(area(f.resolution()),
            f.pixelFormat() == QVideoFrameFormat::Format_Jpeg ? 1 : 0, f.maxFrameRate());
    };
    for (const QCameraFormat &f : formats) {
        if (best.isNull() || key(f) > key(best))
            best = f;
    }
    return best;
}

QList<QSize> UvcCamera::stillSizes() const
{
    QList<QSize> sizes = m_device.photoResolutions();
    if (sizes.isEmpty()) {
        for (const QCameraFormat &f : m_device.videoFormats()) {
            if (!sizes.contains(f.resolution()))
                sizes << f.resolution();
        }
    }
    std::sort(sizes.begin(), sizes.end(), [](QSize a, QSize b) { return area(a) > area(b); });
    return sizes;
}

SourceIdentity UvcCamera::identity() const
{
    return { sourceId(m_device), m_device.description(), QStringLiteral("uvc"), {},
        m_device.description() };
}

SourceCapabilities UvcCamera::capabilities() const
{
    SourceCapabilities caps;
    caps.stillResolutions = stillSizes();
    caps.previewSize = previewSizeFor(m_format.resolution());
    caps.previewFps
        = m_format.isNull() ? 0 : std::clamp(int(m_format.maxFrameRate()), 1, kMaxPreviewFps);
    return caps;
}

Core::Status UvcCamera::open()
{
    if (isOpen())
        return {};
    if (m_unplugged || !devicePresent(m_device))
        return Core::Error { m_unplugged ? Unplugged : NoSuchDevice,
            Tr::tr("The document camera is not connected. Check its USB cable, then choose it "
                   "again."),
            QStringLiteral("camera %1 not in QMediaDevices::videoInputs()")
                .arg(QString::fromUtf8(m_device.id())) };
    m_unplugged = false;
    m_devices = std::make_unique<QMediaDevices>();
    connect(m_devices.get(), &QMediaDevices::videoInputsChanged, this, &UvcCamera::onInputsChanged);
    m_session = std::make_unique<QMediaCaptureSession>();
    m_camera = std::make_unique<QCamera>(m_device);
    if (!m_format.isNull())
        m_camera->setCameraFormat(m_format);
    m_capture = std::make_unique<QImageCapture>();
    m_capture->setFileFormat(QImageCapture::JPEG);
    m_capture->setQuality(QImageCapture::VeryHighQuality);
    if (m_stillResolution.isValid())
        m_capture->setResolution(m_stillResolution);
    m_sink = std::make_unique<QVideoSink>();
    m_session->setCamera(m_camera.get());
    m_session->setImageCapture(m_capture.get());
    m_session->setVideoSink(m_sink.get());

    connect(m_sink.get(), &QVideoSink::videoFrameChanged, this, &UvcCamera::onFrame);
    connect(m_camera.get(), &QCamera::errorOccurred, this,
        [this](QCamera::Error error, const QString &text) { onCameraError(int(error), text); });
    connect(
        m_capture.get(), &QImageCapture::imageCaptured, this, [this](int id, const QImage &image) {
            if (m_pendingId < 0 || id != m_pendingId)
                return;
            m_pendingId = -1;
            emit stillCaptured(image, {});
        });
    connect(m_capture.get(), &QImageCapture::errorOccurred, this,
        [this](int id, QImageCapture::Error, const QString &text) {
            if (m_pendingId < 0 || id != m_pendingId)
                return;
            if (!devicePresent(m_device)) {
                handleUnplug();
                return;
            }
            failPending({ CaptureFailed,
                Tr::tr("The document camera could not take the picture. Capture again; if it "
                       "fails again, reconnect the camera."),
                text });
        });
    qCInfo(lcDrivers, "uvc %s: format %dx%d pixel format %d, still %dx%d",
        m_device.id().constData(), m_format.resolution().width(), m_format.resolution().height(),
        int(m_format.pixelFormat()), m_stillResolution.width(), m_stillResolution.height());
    m_camera->start();
    return {};
}

void UvcCamera::failPending(const Core::Error &error)
{
    if (m_pendingId < 0)
        return;
    m_pendingId = -1;
    emit captureFailed(error);
}

void UvcCamera::close()
{
    if (!isOpen())
        return;
    failPending({ CaptureCancelled, Tr::tr("The capture was cancelled."),
        QStringLiteral("closed during capture") });
    m_previewing = false;
    m_camera->stop();
    m_session->setVideoSink(nullptr);
    m_session->setImageCapture(nullptr);
    m_session->setCamera(nullptr);
    m_capture.reset();
    m_camera.reset();
    m_sink.reset();
    m_session.reset();
    m_devices.reset();
}

QList<OptionDescriptor> UvcCamera::options() const
{
    OptionDescriptor resolution;
    resolution.id = kResolution;
    resolution.label = Tr::tr("Still resolution");
    resolution.type = OptionType::Enum;
    for (QSize s : stillSizes()) {
        resolution.values << sizeText(s);
        resolution.valueLabels << QStringLiteral("%1 x %2").arg(s.width()).arg(s.height());
    }
    resolution.defaultValue = resolution.values.value(0);
    return { resolution };
}

QVariant UvcCamera::option(const QString &id) const
{
    if (id == kResolution && m_stillResolution.isValid())
        return sizeText(m_stillResolution);
    return {};
}

Core::Status UvcCamera::setOption(const QString &id, const QVariant &value)
{
    if (id != kResolution)
        return Core::Error { UnknownOption, Tr::tr("This device has no such setting."),
            QStringLiteral("unknown option %1").arg(id) };
    if (!options().first().accepts(value))
        return Core::Error { InvalidOptionValue,
            Tr::tr("This value is not allowed for the setting."),
            QStringLiteral("option %1 rejects %2").arg(id, value.toString()) };
    const QStringList parts = value.toString().split(QLatin1Char('x'));
    m_stillResolution = QSize(parts.value(0).toInt(), parts.value(1).toInt());
    if (m_capture)
        m_capture->setResolution(m_stillResolution);
    return {};
}

Core::Status UvcCamera::startPreview()
{
    if (!isOpen())
        return Core::Error { m_unplugged ? Unplugged : NotOpen,
            Tr::tr("The document camera is not ready. Choose it again."),
            QStringLiteral("source not open") };
    m_previewing = true;
    return {};
}

void UvcCamera::stopPreview()
{
    m_previewing = false;
}

void UvcCamera::onFrame(const QVideoFrame &frame)
{
    if (!m_previewing || !frame.isValid() || m_converting.isRunning())
        return; // a frame still being converted: drop this one rather than queue
    const int fps = std::max(1, capabilities().previewFps);
    const qint64 now = m_clock.elapsed();
    if (m_lastFrameMs >= 0 && now - m_lastFrameMs < 1000 / fps)
        return;
    m_lastFrameMs = now;
    m_converting.setFuture(QtConcurrent::run([frame] {
        QImage image = frame.toImage();
        const QSize target = previewSizeFor(image.size());
        if (!image.isNull() && target != image.size())
            image = image.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        return image.convertToFormat(QImage::Format_RGB888);
    }));
}

void UvcCamera::captureStill()
{
    if (!isOpen()) {
        emit captureFailed(m_unplugged ? unpluggedError(QStringLiteral("capture after unplug"))
                                       : Core::Error { NotOpen,
                                           Tr::tr("The document camera is not ready. Choose it "
                                                  "again."),
                                           QStringLiteral("source not open") });
        return;
    }
    if (m_pendingId >= 0) {
        emit captureFailed({ DeviceBusy, Tr::tr("A capture is already in progress."),
            QStringLiteral("still in flight") });
        return;
    }
    const int id = m_capture->capture();
    if (id < 0) {
        emit captureFailed({ DeviceBusy,
            Tr::tr("The document camera is still starting. Wait a moment, then capture again."),
            m_capture->errorString() });
        return;
    }
    m_pendingId = id;
}

void UvcCamera::onInputsChanged()
{
    if (isOpen() && !devicePresent(m_device))
        handleUnplug();
}

void UvcCamera::onCameraError(int error, const QString &text)
{
    if (!devicePresent(m_device)) {
        handleUnplug();
        return;
    }
    const Core::Error e { CaptureFailed,
        Tr::tr("The document camera stopped working. Reconnect it, then choose it again; pages "
               "already captured are kept."),
        QStringLiteral("QCamera error %1: %2").arg(error).arg(text) };
    qCWarning(lcDrivers, "uvc: %s", qUtf8Printable(e.toString()));
    failPending(e);
    emit errorOccurred(e);
}

void UvcCamera::handleUnplug()
{
    if (m_unplugged)
        return;
    m_unplugged = true;
    qCWarning(lcDrivers, "uvc %s unplugged", m_device.id().constData());
    failPending(unpluggedError(QStringLiteral("device left QMediaDevices::videoInputs()")));
    // Tear down without a second failure: the still (if any) was failed above.
    m_pendingId = -1;
    close();
    emit unplugged();
}

QJsonObject UvcCamera::toJson() const
{
    QJsonObject o = DocumentSource::toJson();
    QJsonArray formats;
    for (const QCameraFormat &f : m_device.videoFormats()) {
        formats.append(QJsonObject { { QStringLiteral("size"), sizeText(f.resolution()) },
            { QStringLiteral("pixelFormat"),
                QVideoFrameFormat::pixelFormatToString(f.pixelFormat()) },
            { QStringLiteral("minFps"), f.minFrameRate() },
            { QStringLiteral("maxFps"), f.maxFrameRate() } });
    }
    o.insert(QStringLiteral("formats"), formats);
    if (!m_format.isNull())
        o.insert(QStringLiteral("chosenFormat"),
            QJsonObject { { QStringLiteral("size"), sizeText(m_format.resolution()) },
                { QStringLiteral("pixelFormat"),
                    QVideoFrameFormat::pixelFormatToString(m_format.pixelFormat()) },
                { QStringLiteral("maxFps"), m_format.maxFrameRate() } });
    o.insert(QStringLiteral("unplugged"), m_unplugged);
    return o;
}

} // namespace Tongban::Drivers::Uvc
