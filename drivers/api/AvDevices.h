#pragma once

#include <QJsonObject>
#include <QList>
#include <QSize>
#include <QString>

namespace Tongban::Drivers {

/// The kind of an audio/video device; zero is invalid.
enum class AvDeviceKind { Invalid = 0, Camera, Microphone, Speaker };

/// One camera, microphone or speaker, as plain data for the call feature.
struct AvDevice
{
    AvDeviceKind kind = AvDeviceKind::Invalid;
    QString id; ///< QCameraDevice/QAudioDevice id, as text
    QString description;
    bool isDefault = false;
    QList<QSize> resolutions; ///< cameras only, largest first

    QJsonObject toJson() const;
};

/*!
 * Cameras, microphones and speakers as Qt Multimedia sees them right now.
 * Simulated devices only (one of each, "sim:*") when TONGBAN_FAKE_DEVICES=1.
 * Needs a QGuiApplication/QCoreApplication; GUI thread.
 */
QList<AvDevice> listAvDevices();
QString avDeviceKindName(AvDeviceKind kind);

} // namespace Tongban::Drivers
