#include "SaneRuntime.h"

#include "SaneApi.h"

#include <QLibrary>
#include <QThreadPool>

#include <drivers/api/DriverErrors.h>
#include <drivers/api/Logging.h>
#include <drivers/api/Tr.h>
#include <memory>
#include <type_traits>

namespace Tongban::Drivers::Sane::Internal {

namespace {
int g_users = 0; // only touched on the SANE thread

struct Loaded
{
    SaneApi api;
    bool ok = false;
    QString why;
    std::unique_ptr<QLibrary> library; // ~QLibrary does not unload: libsane stays loaded
};

Loaded load()
{
    Loaded l;
    const QString name = qEnvironmentVariable("TONGBAN_SANE_LIBRARY", QStringLiteral("sane"));
    l.library = std::make_unique<QLibrary>(name, 1);
    QLibrary *library = l.library.get();
    if (!library->load()) {
        l.why = library->errorString();
        return l;
    }
    bool all = true;
    const auto resolve = [&](auto &fn, const char *symbol) {
        fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(library->resolve(symbol));
        if (!fn) {
            all = false;
            l.why = QStringLiteral("%1 has no %2").arg(library->fileName(), QLatin1String(symbol));
        }
    };
    resolve(l.api.init, "sane_init");
    resolve(l.api.exit, "sane_exit");
    resolve(l.api.getDevices, "sane_get_devices");
    resolve(l.api.open, "sane_open");
    resolve(l.api.close, "sane_close");
    resolve(l.api.getOptionDescriptor, "sane_get_option_descriptor");
    resolve(l.api.controlOption, "sane_control_option");
    resolve(l.api.start, "sane_start");
    resolve(l.api.getParameters, "sane_get_parameters");
    resolve(l.api.read, "sane_read");
    resolve(l.api.cancel, "sane_cancel");
    resolve(l.api.strstatus, "sane_strstatus");
    l.ok = all;
    return l;
}
} // namespace

const SaneApi *saneApi(QString *why)
{
    static const Loaded loaded = load(); // thread-safe static initialisation
    if (why)
        *why = loaded.why;
    return loaded.ok ? &loaded.api : nullptr;
}

QThreadPool *SaneRuntime::pool()
{
    static QThreadPool *const thePool = [] {
        auto *p = new QThreadPool; // lives as long as the process, like libsane's state
        p->setMaxThreadCount(1);
        p->setExpiryTimeout(-1);
        p->setObjectName(QStringLiteral("tongban-sane"));
        return p;
    }();
    return thePool;
}

void SaneRuntime::post(std::function<void()> job)
{
    pool()->start(std::move(job));
}

Core::Status SaneRuntime::acquire()
{
    QString why;
    const SaneApi *sane = saneApi(&why);
    if (!sane)
        return Core::Error { BackendMissing,
            Tr::tr("The scanner software (SANE) is not installed. Ask IT to install it."),
            QString(QStringLiteral("libsane: ") + why) };
    if (g_users > 0) {
        ++g_users;
        return {};
    }
    SANE_Int version = 0;
    const SANE_Status status = sane->init(&version, nullptr);
    if (status != SANE_STATUS_GOOD)
        return Core::Error { BackendMissing,
            Tr::tr("The scanner software (SANE) could not start. Ask IT to check the scanner "
                   "installation."),
            QStringLiteral("sane_init: %1").arg(statusText(status)) };
    qCDebug(lcDrivers, "sane_init: SANE %d.%d.%d", SANE_VERSION_MAJOR(version),
        SANE_VERSION_MINOR(version), SANE_VERSION_BUILD(version));
    g_users = 1;
    return {};
}

void SaneRuntime::release()
{
    if (g_users <= 0)
        return;
    if (--g_users == 0)
        saneApi()->exit();
}

Core::Result<QList<DeviceInfo>> SaneRuntime::listDevices()
{
    if (const Core::Status started = acquire(); !started)
        return started.error();
    const SANE_Device **devices = nullptr;
    // local_only: network scanners (saned) are probed too slowly for a device list.
    const SANE_Status status = saneApi()->getDevices(&devices, SANE_TRUE);
    QList<DeviceInfo> list;
    if (status == SANE_STATUS_GOOD && devices) {
        for (int i = 0; devices[i]; ++i) {
            const SANE_Device *d = devices[i];
            list.append({ QString::fromUtf8(d->name), QString::fromUtf8(d->vendor),
                QString::fromUtf8(d->model), QString::fromUtf8(d->type) });
        }
    }
    release();
    if (status != SANE_STATUS_GOOD)
        return Core::Error { CaptureFailed,
            Tr::tr("The list of scanners could not be read. Check the scanner's cable and "
                   "power, then try again."),
            QStringLiteral("sane_get_devices: %1").arg(statusText(status)) };
    return list;
}

QString SaneRuntime::statusText(int status)
{
    const SaneApi *sane = saneApi();
    if (!sane)
        return QString::number(status);
    return QString::fromUtf8(sane->strstatus(static_cast<SANE_Status>(status)));
}

} // namespace Tongban::Drivers::Sane::Internal
