#include "SaneScanner.h"

#include "internal/SaneDevice.h"
#include "internal/SaneRuntime.h"

#include <core/Alive.h>

#include <QJsonArray>
#include <QPointer>
#include <QSemaphore>

#include <algorithm>
#include <cmath>
#include <drivers/api/DriverErrors.h>
#include <drivers/api/Logging.h>
#include <drivers/api/Tr.h>

namespace Tongban::Drivers::Sane {

namespace Internal {
/// What the SANE thread's jobs share with the scanner; outlives it if a job is queued.
struct ScannerShared
{
    SaneDevice device;
    std::atomic_bool cancel { false };
};
} // namespace Internal

using Internal::SaneRuntime;

namespace {
constexpr int kOpenTimeoutMs = 30000;

struct OpenOutcome
{
    Core::Error error;
    Internal::OptionSnapshot snapshot;
};

Core::Error notOpenError()
{
    return { NotOpen, Tr::tr("The scanner is not ready. Choose it again."),
        QStringLiteral("source not open") };
}
} // namespace

SaneScanner::SaneScanner(const SourceIdentity &identity, QObject *parent)
    : DocumentSource(parent)
    , m_identity(identity)
    , m_shared(std::make_shared<Internal::ScannerShared>())
{ }

SaneScanner::~SaneScanner()
{
    close();
    // Jobs post results to this object: wait until the SANE thread has run every job queued
    // so far (first in, first out), so none is left holding a pointer to us.
    m_shared->cancel = true;
    auto done = std::make_shared<QSemaphore>();
    SaneRuntime::post([done] { done->release(); });
    done->acquire();
}

QString SaneScanner::saneName() const
{
    return m_identity.id.mid(5); // after "sane:"
}

SourceCapabilities SaneScanner::capabilities() const
{
    SourceCapabilities caps;
    if (m_scanAreaMm.isEmpty())
        return caps;
    QList<int> dpis;
    for (const OptionDescriptor &d : m_descriptors) {
        if (d.id != QLatin1String("resolution"))
            continue;
        if (d.type == OptionType::Enum) {
            for (const QVariant &v : d.values)
                dpis << v.toInt();
        } else {
            for (int dpi : { 600, 300, 200, 150, 100 }) {
                if (dpi >= d.minimum && dpi <= d.maximum)
                    dpis << dpi;
            }
        }
    }
    std::sort(dpis.begin(), dpis.end(), std::greater<int>());
    for (int dpi : dpis)
        caps.stillResolutions << QSize(
            int(m_scanAreaMm.width() / 25.4 * dpi), int(m_scanAreaMm.height() / 25.4 * dpi));
    return caps;
}

Core::Status SaneScanner::open()
{
    if (m_open)
        return {};
    auto shared = m_shared;
    const QString name = saneName();
    const std::optional<OpenOutcome> outcome = SaneRuntime::call<OpenOutcome>(
        [shared, name] {
            OpenOutcome o;
            if (const Core::Status s = shared->device.open(name); !s)
                o.error = s.error();
            else
                o.snapshot = shared->device.snapshot();
            return o;
        },
        kOpenTimeoutMs);
    if (!outcome) {
        SaneRuntime::post([shared] { shared->device.close(); });
        return Core::Error { DeviceBusy,
            Tr::tr("The scanner does not answer. Check that it is switched on, then choose it "
                   "again."),
            QStringLiteral("sane_open %1 timed out").arg(name) };
    }
    if (outcome->error.code != 0) {
        qCWarning(lcDrivers, "%s", qUtf8Printable(outcome->error.toString()));
        return outcome->error;
    }
    m_descriptors = outcome->snapshot.descriptors;
    m_values = outcome->snapshot.values;
    m_scanAreaMm = outcome->snapshot.scanAreaMm;
    m_open = true;
    return {};
}

void SaneScanner::close()
{
    if (!m_open)
        return;
    m_open = false;
    ++m_generation;
    m_shared->cancel = true;
    auto shared = m_shared;
    SaneRuntime::post([shared] { shared->device.close(); });
    if (m_scanning) {
        const bool feeder = m_feederPages >= 0 && m_scanning;
        m_scanning = false;
        emit captureFailed({ CaptureCancelled, Tr::tr("The capture was cancelled."),
            QStringLiteral("closed during scan") });
        if (feeder)
            emit feederFinished(m_feederPages);
    }
}

Core::Status SaneScanner::setOption(const QString &id, const QVariant &value)
{
    const auto d = std::find_if(m_descriptors.cbegin(), m_descriptors.cend(),
        [&id](const OptionDescriptor &o) { return o.id == id; });
    if (d == m_descriptors.cend())
        return Core::Error { UnknownOption, Tr::tr("This device has no such setting."),
            QStringLiteral("unknown option %1").arg(id) };
    if (!d->accepts(value))
        return Core::Error { InvalidOptionValue,
            Tr::tr("This value is not allowed for the setting."),
            QStringLiteral("option %1 rejects %2").arg(id, value.toString()) };
    if (!m_open)
        return notOpenError();
    const QVariant previous = m_values.value(id);
    m_values.insert(id, value);
    auto shared = m_shared;
    const quint64 generation = m_generation;
    Core::Alive<SaneScanner> self(this);
    SaneRuntime::post([shared, self, generation, id, value, previous] {
        const Core::Status s = shared->device.setValue(id, value);
        const Internal::OptionSnapshot snapshot = shared->device.snapshot();
        // The destructor waits for queued jobs, so self is alive while this is queued.
        QMetaObject::invokeMethod(self.data(), [self, generation, s, snapshot, id, previous] {
            if (!self || generation != self->m_generation)
                return;
            if (!s) {
                self->m_values.insert(id, previous);
                emit self->errorOccurred(s.error());
                return;
            }
            self->m_descriptors = snapshot.descriptors;
            self->m_values = snapshot.values;
            self->m_scanAreaMm = snapshot.scanAreaMm;
        });
    });
    return {};
}

void SaneScanner::setDeviceOption(const QString &saneOptionName, const QVariant &value)
{
    if (!m_open) {
        emit errorOccurred(notOpenError());
        return;
    }
    auto shared = m_shared;
    SaneScanner *self = this; // alive: the destructor waits for queued jobs
    const quint64 generation = m_generation;
    const QByteArray name = saneOptionName.toUtf8();
    SaneRuntime::post([shared, self, generation, name, value] {
        const Core::Status s = shared->device.setSaneOption(name, value);
        const Internal::OptionSnapshot snapshot = shared->device.snapshot();
        QMetaObject::invokeMethod(self, [self, generation, s, snapshot] {
            if (generation != self->m_generation)
                return;
            if (!s) {
                emit self->errorOccurred(s.error());
                return;
            }
            self->m_descriptors = snapshot.descriptors;
            self->m_values = snapshot.values;
            self->m_scanAreaMm = snapshot.scanAreaMm;
        });
    });
}

Core::Status SaneScanner::startPreview()
{
    return Core::Error { CaptureFailed,
        Tr::tr("A sheet scanner shows no live picture. Put the page in, then scan."),
        QStringLiteral("no preview on SANE devices") };
}

void SaneScanner::captureStill()
{
    startScan(false);
}

void SaneScanner::scanFeeder()
{
    startScan(true);
}

void SaneScanner::cancel()
{
    if (m_scanning)
        m_shared->cancel = true;
}

void SaneScanner::startScan(bool feeder)
{
    if (!m_open || m_scanning) {
        emit captureFailed(m_open
                ? Core::Error { DeviceBusy, Tr::tr("A capture is already in progress."),
                    QStringLiteral("scan in flight") }
                : notOpenError());
        if (feeder)
            emit feederFinished(0);
        return;
    }
    m_scanning = true;
    m_feederPages = feeder ? 0 : -1;
    m_shared->cancel = false;
    auto shared = m_shared;
    const quint64 generation = m_generation;
    SaneScanner *self = this; // alive: the destructor waits for queued jobs
    SaneRuntime::post([shared, self, generation, feeder] {
        const auto progress = [self, generation](int percent) {
            QMetaObject::invokeMethod(self, [self, generation, percent] {
                if (generation == self->m_generation && self->m_scanning)
                    emit self->scanProgress(percent);
            });
        };
        Core::Error error;
        for (int page = 0;; ++page) {
            auto image = shared->device.scanPage(shared->cancel, progress);
            if (!image) {
                error = image.error();
                // An empty feeder after at least one sheet is the normal end of a batch.
                if (feeder && page > 0 && error.code == FeederEmpty)
                    error = {};
                break;
            }
            const QImage result = std::move(image).value();
            QMetaObject::invokeMethod(self, [self, generation, result] {
                if (generation != self->m_generation || !self->m_scanning)
                    return;
                if (self->m_feederPages >= 0)
                    ++self->m_feederPages;
                emit self->stillCaptured(result, {});
            });
            if (!feeder)
                break;
        }
        shared->device.finishScan();
        QMetaObject::invokeMethod(self,
            [self, generation, feeder, error] { self->finishScan(generation, feeder, error); });
    });
}

void SaneScanner::finishScan(quint64 generation, bool feeder, const Core::Error &error)
{
    if (generation != m_generation || !m_scanning)
        return;
    m_scanning = false;
    if (error.code != 0) {
        qCWarning(lcDrivers, "sane scan: %s", qUtf8Printable(error.toString()));
        emit captureFailed(error);
    }
    if (feeder)
        emit feederFinished(m_feederPages);
}

QJsonObject SaneScanner::toJson() const
{
    QJsonObject o = DocumentSource::toJson();
    o.insert(QStringLiteral("saneName"), saneName());
    if (!m_scanAreaMm.isEmpty())
        o.insert(QStringLiteral("scanAreaMm"),
            QJsonObject { { QStringLiteral("width"), m_scanAreaMm.width() },
                { QStringLiteral("height"), m_scanAreaMm.height() } });
    o.insert(QStringLiteral("scanning"), m_scanning);
    return o;
}

} // namespace Tongban::Drivers::Sane
