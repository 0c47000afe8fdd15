#pragma once

#include "DocumentSource.h"

#include <QList>

#include <memory>
#include <vector>

namespace Tongban::Drivers {

/*!
 * One kind of device access (simulated, SANE, UVC). A backend whose library
 * or service is missing says so through available() and is skipped.
 */
class DocumentSourceBackend
{
public:
    virtual ~DocumentSourceBackend() = default;
    virtual QString name() const = 0;
    /// True for simulated backends (the only ones used when fakes are forced).
    virtual bool isSimulated() const { return false; }
    /// Empty when usable; otherwise why not (untranslated, for the log).
    virtual QString unavailableReason() const { return {}; }
    virtual QList<SourceIdentity> enumerate() = 0;
    /// A closed source for \a id, or nullptr when the id is not this backend's.
    virtual std::unique_ptr<DocumentSource> create(const QString &id) = 0;
    /// For the clerk when enumerate() found nothing: what to check (translated).
    virtual QString noSourcesMessage() const { return {}; }
};

/*!
 * The list of document sources across backends.
 *
 * With TONGBAN_FAKE_DEVICES=1 in the environment only simulated backends are
 * consulted (KDE Solid's SOLID_FAKEHW). A backend that is unavailable is
 * logged at warning (tongban.drivers) and skipped, never fatal. Same thread
 * as its user; enumeration may block briefly (SANE probes the bus).
 */
class DeviceRegistry
{
public:
    DeviceRegistry();
    ~DeviceRegistry();
    DeviceRegistry(const DeviceRegistry &) = delete;
    DeviceRegistry &operator=(const DeviceRegistry &) = delete;

    void addBackend(std::unique_ptr<DocumentSourceBackend> backend);
    QStringList backendNames() const;

    /// Sources of every usable backend, in backend order.
    QList<SourceIdentity> documentSources();
    /// A closed source; Error NoSuchDevice when no backend knows \a id.
    Core::Result<std::shared_ptr<DocumentSource>> create(const QString &id);

    /// For a support ticket: backends, their state and their sources.
    QJsonObject toJson();

    static bool fakeDevicesForced();

private:
    bool usable(DocumentSourceBackend &backend) const;
    std::vector<std::unique_ptr<DocumentSourceBackend>> m_backends;
};

} // namespace Tongban::Drivers
