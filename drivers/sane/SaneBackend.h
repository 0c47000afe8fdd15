#pragma once

#include <core/Error.h>

#include <drivers/api/DeviceRegistry.h>

namespace Tongban::Drivers::Sane {

/*!
 * Sheet scanners through SANE (libsane): ids "sane:<SANE device name>".
 * enumerate() waits for sane_get_devices() on the SANE thread (local devices
 * only; bounded at 30 s). libsane is loaded at run time: without it the
 * backend is unavailable (and skipped by the registry), not a start failure. SANE's configuration
 * is the system's
 * (/etc/sane.d) unless SANE_CONFIG_DIR says otherwise.
 */
class SaneBackend : public DocumentSourceBackend
{
public:
    QString name() const override { return QStringLiteral("sane"); }
    /// Set when libsane cannot be loaded (the workstation then runs without scanners).
    QString unavailableReason() const override;
    QList<SourceIdentity> enumerate() override;
    std::unique_ptr<DocumentSource> create(const QString &id) override;
    QString noSourcesMessage() const override;

    /// Why the last enumeration found nothing, when SANE itself failed (code 0 otherwise).
    Core::Error lastError() const { return m_lastError; }

private:
    QList<SourceIdentity> m_last;
    Core::Error m_lastError;
};

} // namespace Tongban::Drivers::Sane
