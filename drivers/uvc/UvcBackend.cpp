#include "UvcBackend.h"

#include "UvcCamera.h"

#include <QCoreApplication>
#include <QMediaDevices>

#include <drivers/api/Tr.h>

namespace Tongban::Drivers::Uvc {

QString UvcBackend::unavailableReason() const
{
    if (!QCoreApplication::instance())
        return QStringLiteral("Qt Multimedia needs a QCoreApplication");
    return {};
}

QList<SourceIdentity> UvcBackend::enumerate()
{
    QList<SourceIdentity> list;
    for (const QCameraDevice &device : QMediaDevices::videoInputs())
        list.append(UvcCamera(device).identity());
    return list;
}

std::unique_ptr<DocumentSource> UvcBackend::create(const QString &id)
{
    if (!id.startsWith(QLatin1String("uvc:")))
        return nullptr;
    for (const QCameraDevice &device : QMediaDevices::videoInputs()) {
        if (UvcCamera::sourceId(device) == id)
            return std::make_unique<UvcCamera>(device);
    }
    return nullptr; // not connected: the registry answers NoSuchDevice
}

QString UvcBackend::noSourcesMessage() const
{
    return Tr::tr("No document camera is connected. Plug the camera's USB cable into this "
                  "computer, wait a few seconds, then choose Refresh.");
}

} // namespace Tongban::Drivers::Uvc
