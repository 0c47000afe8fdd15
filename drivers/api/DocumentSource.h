#pragma once

#include "Options.h"

#include <core/Error.h>
#include <core/Result.h>

#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSize>

namespace Tongban::Drivers {

/// Who a document source is, as the device list shows it.
struct SourceIdentity
{
    QString id; ///< stable across enumerations: "sim:0", "sane:test:0", "uvc:/dev/video0"
    QString name; ///< for the clerk: "Simulated document camera"
    QString backend; ///< "sim", "sane", "uvc"
    QString vendor;
    QString model;

    bool isValid() const { return !id.isEmpty(); }
    QJsonObject toJson() const;
};

/// What a source can deliver.
struct SourceCapabilities
{
    QList<QSize> stillResolutions; ///< largest first
    QSize previewSize; ///< empty when the source has no preview (sheet scanners)
    int previewFps = 0;

    bool hasPreview() const { return !previewSize.isEmpty(); }
    QJsonObject toJson() const;
};

/*!
 * A device that captures paper: a document camera (高拍仪) or a sheet scanner.
 *
 * Lifetime: created closed by a backend (see DeviceRegistry); open() before
 * anything else; close() or destruction releases the device.
 *
 * Threading: lives in the thread that created it (the GUI thread in the
 * workstation); every call returns promptly and results come as signals in
 * that thread. Heavy work (rendering, decoding, scanning) happens elsewhere.
 *
 * Failure: calls that can fail return Core::Status with a clerk-readable
 * message; asynchronous failures come as captureFailed() / errorOccurred().
 * Unplugging emits unplugged() once; any still in flight then fails with
 * DriverError::Unplugged, and already delivered images are unaffected.
 */
class DocumentSource : public QObject
{
    Q_OBJECT
public:
    explicit DocumentSource(QObject *parent = nullptr);
    ~DocumentSource() override;

    virtual SourceIdentity identity() const = 0;
    virtual SourceCapabilities capabilities() const = 0;

    virtual Core::Status open() = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;

    /// Options as data; values are read and written by OptionDescriptor::id.
    virtual QList<OptionDescriptor> options() const = 0;
    virtual QVariant option(const QString &id) const = 0;
    virtual Core::Status setOption(const QString &id, const QVariant &value) = 0;

    /// Starts previewFrame() emissions at about capabilities().previewFps.
    virtual Core::Status startPreview() = 0;
    virtual void stopPreview() = 0;
    virtual bool isPreviewing() const = 0;

    /*!
     * Starts one full-resolution capture. Exactly one of stillCaptured() or
     * captureFailed() follows, unless the source is closed first (then
     * captureFailed() with DriverError::CaptureCancelled).
     */
    virtual void captureStill() = 0;

    /// Everything support needs to know about this device, no personal data.
    virtual QJsonObject toJson() const;

signals:
    /// A preview frame (about 1 MP); \a timestampMs is monotonic.
    void previewFrame(const QImage &frame, qint64 timestampMs);
    /// A full-resolution still. \a encoded holds the device's JPEG when it has one.
    void stillCaptured(const QImage &image, const QByteArray &encoded);
    void captureFailed(const Tongban::Core::Error &error);
    /// The device disappeared (cable pulled); the source is closed.
    void unplugged();
    /// A failure not tied to one capture (preview stopped, device error).
    void errorOccurred(const Tongban::Core::Error &error);
};

} // namespace Tongban::Drivers
