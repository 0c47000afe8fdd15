#include "DocumentSource.h"

#include <QJsonArray>

namespace Tongban::Drivers {

namespace {
QJsonObject sizeJson(const QSize &size)
{
    return { { QStringLiteral("width"), size.width() },
        { QStringLiteral("height"), size.height() } };
}
} // namespace

QJsonObject SourceIdentity::toJson() const
{
    return { { QStringLiteral("id"), id }, { QStringLiteral("name"), name },
        { QStringLiteral("backend"), backend }, { QStringLiteral("vendor"), vendor },
        { QStringLiteral("model"), model } };
}

QJsonObject SourceCapabilities::toJson() const
{
    QJsonArray stills;
    for (const QSize &s : stillResolutions)
        stills.append(sizeJson(s));
    QJsonObject o { { QStringLiteral("stillResolutions"), stills },
        { QStringLiteral("previewFps"), previewFps } };
    if (hasPreview())
        o.insert(QStringLiteral("previewSize"), sizeJson(previewSize));
    return o;
}

DocumentSource::DocumentSource(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Core::Error>();
}

DocumentSource::~DocumentSource() = default;

QJsonObject DocumentSource::toJson() const
{
    QJsonArray optionList;
    QJsonObject values;
    for (const OptionDescriptor &d : options()) {
        optionList.append(d.toJson());
        values.insert(d.id, QJsonValue::fromVariant(option(d.id)));
    }
    return { { QStringLiteral("identity"), identity().toJson() },
        { QStringLiteral("capabilities"), capabilities().toJson() },
        { QStringLiteral("open"), isOpen() }, { QStringLiteral("previewing"), isPreviewing() },
        { QStringLiteral("options"), optionList }, { QStringLiteral("values"), values } };
}

} // namespace Tongban::Drivers
