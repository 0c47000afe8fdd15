#include "SaneBackend.h"

#include "SaneScanner.h"
#include "internal/SaneApi.h"
#include "internal/SaneRuntime.h"

#include <drivers/api/DriverErrors.h>
#include <drivers/api/Logging.h>
#include <drivers/api/Tr.h>

namespace Tongban::Drivers::Sane {

using Internal::SaneRuntime;

namespace {
constexpr int kEnumerateTimeoutMs = 30000;

SourceIdentity identityOf(const Internal::DeviceInfo &d)
{
    QString label = QString(d.vendor + QLatin1Char(' ') + d.model).trimmed();
    if (label.isEmpty())
        label = d.name;
    return { QString(QStringLiteral("sane:") + d.name), label, QStringLiteral("sane"), d.vendor,
        d.model };
}
} // namespace

QString SaneBackend::unavailableReason() const
{
    QString why;
    if (!Internal::saneApi(&why))
        return QString(QStringLiteral("libsane could not be loaded: ") + why);
    return {};
}

QList<SourceIdentity> SaneBackend::enumerate()
{
    m_lastError = {};
    const auto listed = SaneRuntime::call<Core::Result<QList<Internal::DeviceInfo>>>(
        [] { return SaneRuntime::listDevices(); }, kEnumerateTimeoutMs);
    if (!listed) {
        m_lastError = { DeviceBusy,
            Tr::tr("The scanners did not answer in time. Check their cables and power, then "
                   "choose Refresh."),
            QStringLiteral("sane_get_devices timed out") };
    } else if (!listed->ok()) {
        m_lastError = listed->error();
    }
    if (m_lastError.code != 0) {
        qCWarning(lcDrivers, "sane: %s", qUtf8Printable(m_lastError.toString()));
        return m_last = {};
    }
    m_last.clear();
    for (const Internal::DeviceInfo &d : listed->value())
        m_last.append(identityOf(d));
    return m_last;
}

std::unique_ptr<DocumentSource> SaneBackend::create(const QString &id)
{
    if (!id.startsWith(QLatin1String("sane:")) || id.size() <= 5)
        return nullptr;
    for (const SourceIdentity &s : std::as_const(m_last)) {
        if (s.id == id)
            return std::make_unique<SaneScanner>(s);
    }
    // Not seen in the last list (or never listed): open() will tell whether it exists.
    return std::make_unique<SaneScanner>(
        SourceIdentity { id, id.mid(5), QStringLiteral("sane"), {}, {} });
}

QString SaneBackend::noSourcesMessage() const
{
    if (m_lastError.code != 0)
        return m_lastError.message;
    return Tr::tr("No scanner was found. Check that the scanner is switched on and its USB cable "
                  "is plugged in, then choose Refresh.");
}

} // namespace Tongban::Drivers::Sane
