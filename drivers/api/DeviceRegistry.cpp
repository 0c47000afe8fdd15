#include "DeviceRegistry.h"

#include "DriverErrors.h"
#include "Logging.h"
#include "Tr.h"

#include <QJsonArray>

namespace Tongban::Drivers {

Q_LOGGING_CATEGORY(lcDrivers, "tongban.drivers", QtInfoMsg)

DeviceRegistry::DeviceRegistry() = default;
DeviceRegistry::~DeviceRegistry() = default;

bool DeviceRegistry::fakeDevicesForced()
{
    return qEnvironmentVariableIntValue("TONGBAN_FAKE_DEVICES") == 1;
}

void DeviceRegistry::addBackend(std::unique_ptr<DocumentSourceBackend> backend)
{
    if (backend)
        m_backends.push_back(std::move(backend));
}

QStringList DeviceRegistry::backendNames() const
{
    QStringList names;
    for (const auto &b : m_backends)
        names.append(b->name());
    return names;
}

bool DeviceRegistry::usable(DocumentSourceBackend &backend) const
{
    if (fakeDevicesForced() && !backend.isSimulated())
        return false;
    const QString reason = backend.unavailableReason();
    if (!reason.isEmpty()) {
        qCWarning(lcDrivers, "backend %s skipped: %s", qUtf8Printable(backend.name()),
            qUtf8Printable(reason));
        return false;
    }
    return true;
}

QList<SourceIdentity> DeviceRegistry::documentSources()
{
    QList<SourceIdentity> all;
    for (const auto &b : m_backends) {
        if (usable(*b))
            all.append(b->enumerate());
    }
    return all;
}

Core::Result<std::shared_ptr<DocumentSource>> DeviceRegistry::create(const QString &id)
{
    for (const auto &b : m_backends) {
        if (!usable(*b))
            continue;
        if (auto source = b->create(id))
            return std::shared_ptr<DocumentSource>(std::move(source));
    }
    return Core::Error { NoSuchDevice,
        Tr::tr("The capture device is not connected. Check its cable, then choose it again."),
        QStringLiteral("no backend knows device id %1").arg(id) };
}

QJsonObject DeviceRegistry::toJson()
{
    QJsonArray backends;
    for (const auto &b : m_backends) {
        const bool skippedByFake = fakeDevicesForced() && !b->isSimulated();
        const QString reason = b->unavailableReason();
        QJsonArray sources;
        if (!skippedByFake && reason.isEmpty()) {
            for (const SourceIdentity &s : b->enumerate())
                sources.append(s.toJson());
        }
        QJsonObject backend { { QStringLiteral("name"), b->name() },
            { QStringLiteral("simulated"), b->isSimulated() },
            { QStringLiteral("skippedForFakeDevices"), skippedByFake },
            { QStringLiteral("unavailableReason"), reason },
            { QStringLiteral("sources"), sources } };
        if (!skippedByFake && reason.isEmpty() && sources.isEmpty())
            backend.insert(QStringLiteral("message"), b->noSourcesMessage());
        backends.append(backend);
    }
    return { { QStringLiteral("fakeDevicesForced"), fakeDevicesForced() },
        { QStringLiteral("backends"), backends } };
}

} // namespace Tongban::Drivers
