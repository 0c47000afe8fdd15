#pragma once

#include <drivers/api/DeviceRegistry.h>

namespace Tongban::Drivers::Uvc {

/*!
 * Document cameras as Qt Multimedia lists them (QMediaDevices::videoInputs(),
 * UVC on Linux through V4L2). Ids "uvc:<Qt device id>". Unavailable (skipped
 * by the registry) without a QGuiApplication. An empty list is normal on a
 * machine without a camera: noSourcesMessage() tells the clerk what to do.
 */
class UvcBackend : public DocumentSourceBackend
{
public:
    QString name() const override { return QStringLiteral("uvc"); }
    QString unavailableReason() const override;
    QList<SourceIdentity> enumerate() override;
    std::unique_ptr<DocumentSource> create(const QString &id) override;
    QString noSourcesMessage() const override;
};

} // namespace Tongban::Drivers::Uvc
