#include "AvDevices.h"

#include "DeviceRegistry.h"

#include <QAudioDevice>
#include <QCameraDevice>
#include <QJsonArray>
#include <QMediaDevices>

#include <algorithm>

namespace Tongban::Drivers {

QString avDeviceKindName(AvDeviceKind kind)
{
    switch (kind) {
    case AvDeviceKind::Camera:
        return QStringLiteral("camera");
    case AvDeviceKind::Microphone:
        return QStringLiteral("microphone");
    case AvDeviceKind::Speaker:
        return QStringLiteral("speaker");
    case AvDeviceKind::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

QJsonObject AvDevice::toJson() const
{
    QJsonArray sizes;
    for (const QSize &s : resolutions)
        sizes.append(
            QString(QString::number(s.width()) + QLatin1Char('x') + QString::number(s.height())));
    return { { QStringLiteral("kind"), avDeviceKindName(kind) }, { QStringLiteral("id"), id },
        { QStringLiteral("description"), description }, { QStringLiteral("default"), isDefault },
        { QStringLiteral("resolutions"), sizes } };
}

QList<AvDevice> listAvDevices()
{
    QList<AvDevice> list;
    if (DeviceRegistry::fakeDevicesForced()) {
        list.append({ AvDeviceKind::Camera, QStringLiteral("sim:camera"),
            QStringLiteral("Simulated camera"), true, { QSize(1280, 720) } });
        list.append({ AvDeviceKind::Microphone, QStringLiteral("sim:microphone"),
            QStringLiteral("Simulated microphone"), true, {} });
        list.append({ AvDeviceKind::Speaker, QStringLiteral("sim:speaker"),
            QStringLiteral("Simulated speaker"), true, {} });
        return list;
    }
    const QCameraDevice defaultCamera = QMediaDevices::defaultVideoInput();
    for (const QCameraDevice &c : QMediaDevices::videoInputs()) {
        QList<QSize> sizes = c.photoResolutions();
        std::sort(sizes.begin(), sizes.end(), [](const QSize &a, const QSize &b) {
            return qint64(a.width()) * a.height() > qint64(b.width()) * b.height();
        });
        list.append({ AvDeviceKind::Camera, QString::fromUtf8(c.id()), c.description(),
            c == defaultCamera, sizes });
    }
    const QAudioDevice defaultIn = QMediaDevices::defaultAudioInput();
    for (const QAudioDevice &a : QMediaDevices::audioInputs())
        list.append({ AvDeviceKind::Microphone, QString::fromUtf8(a.id()), a.description(),
            a == defaultIn, {} });
    const QAudioDevice defaultOut = QMediaDevices::defaultAudioOutput();
    for (const QAudioDevice &a : QMediaDevices::audioOutputs())
        list.append({ AvDeviceKind::Speaker, QString::fromUtf8(a.id()), a.description(),
            a == defaultOut, {} });
    return list;
}

} // namespace Tongban::Drivers
