#include "SaneDevice.h"

#include "SaneApi.h"
#include "SaneImage.h"
#include "SaneRuntime.h"

#include <cmath>
#include <drivers/api/DriverErrors.h>
#include <drivers/api/Logging.h>
#include <drivers/api/Tr.h>
#include <sane/saneopts.h>

namespace Tongban::Drivers::Sane::Internal {

namespace {
const QString kResolution = QStringLiteral("resolution");
const QString kMode = QStringLiteral("mode");
const QString kSource = QStringLiteral("source");

SANE_Handle handleOf(void *h)
{
    return static_cast<SANE_Handle>(h);
}

QString normalizedMode(const QString &device)
{
    const QString s = device.toLower();
    if (s.contains(QLatin1String("color")) || s.contains(QLatin1String("colour")))
        return QStringLiteral("colour");
    if (s.contains(QLatin1String("gray")) || s.contains(QLatin1String("grey")))
        return QStringLiteral("grey");
    if (s.contains(QLatin1String("lineart")) || s.contains(QLatin1String("binary"))
        || s.contains(QLatin1String("black")))
        return QStringLiteral("bw");
    return device;
}

QString normalizedSource(const QString &device)
{
    const QString s = device.toLower();
    if (s.contains(QLatin1String("duplex")))
        return QStringLiteral("adfDuplex");
    if (s.contains(QLatin1String("adf")) || s.contains(QLatin1String("feeder")))
        return QStringLiteral("adf");
    if (s.contains(QLatin1String("flatbed")))
        return QStringLiteral("flatbed");
    return device;
}

QString valueLabel(const QString &value)
{
    if (value == QLatin1String("colour"))
        return Tr::tr("Colour");
    if (value == QLatin1String("grey"))
        return Tr::tr("Grey");
    if (value == QLatin1String("bw"))
        return Tr::tr("Black and white");
    if (value == QLatin1String("flatbed"))
        return Tr::tr("Flatbed");
    if (value == QLatin1String("adf"))
        return Tr::tr("Document feeder");
    if (value == QLatin1String("adfDuplex"))
        return Tr::tr("Document feeder, both sides");
    return value;
}

double numberValue(const SANE_Option_Descriptor *d, SANE_Word w)
{
    return d->type == SANE_TYPE_FIXED ? SANE_UNFIX(w) : double(w);
}

Core::Error statusError(SANE_Status status, const QString &what)
{
    const QString detail = QString(what + QStringLiteral(": ") + SaneRuntime::statusText(status));
    switch (status) {
    case SANE_STATUS_NO_DOCS:
        return { FeederEmpty,
            Tr::tr("The feeder is empty. Put the pages in the feeder, then scan."), detail };
    case SANE_STATUS_CANCELLED:
        return { CaptureCancelled, Tr::tr("The capture was cancelled."), detail };
    case SANE_STATUS_JAMMED:
        return { CaptureFailed,
            Tr::tr("Paper is jammed in the scanner. Open the scanner, remove the paper, then "
                   "scan again."),
            detail };
    case SANE_STATUS_COVER_OPEN:
        return { CaptureFailed, Tr::tr("The scanner's cover is open. Close it, then scan again."),
            detail };
    case SANE_STATUS_DEVICE_BUSY:
        return { DeviceBusy,
            Tr::tr("The scanner is busy, perhaps in use by another program. Wait a moment, then "
                   "try again."),
            detail };
    case SANE_STATUS_ACCESS_DENIED:
        return { CaptureFailed,
            Tr::tr("This computer is not allowed to use the scanner. Ask IT to check the "
                   "scanner's permissions."),
            detail };
    default:
        break;
    }
    return { CaptureFailed,
        Tr::tr("The scanner stopped responding. Check its cable and power, then scan again."),
        detail };
}

} // namespace

SaneDevice::~SaneDevice()
{
    close();
}

Core::Status SaneDevice::open(const QString &saneName)
{
    close();
    if (const Core::Status started = SaneRuntime::acquire(); !started)
        return started;
    SANE_Handle handle = nullptr;
    const SANE_Status status = saneApi()->open(saneName.toUtf8().constData(), &handle);
    if (status != SANE_STATUS_GOOD || !handle) {
        SaneRuntime::release();
        if (status == SANE_STATUS_DEVICE_BUSY || status == SANE_STATUS_ACCESS_DENIED)
            return statusError(status, QStringLiteral("sane_open ") + saneName);
        return Core::Error { NoSuchDevice,
            Tr::tr("The scanner could not be opened. Check that it is switched on and connected, "
                   "then choose it again."),
            QStringLiteral("sane_open %1: %2").arg(saneName, SaneRuntime::statusText(status)) };
    }
    m_handle = handle;
    m_name = saneName;
    if (const Core::Status read = readOptions(); !read) {
        close();
        return read;
    }
    return {};
}

void SaneDevice::close()
{
    if (!m_handle)
        return;
    saneApi()->cancel(handleOf(m_handle));
    saneApi()->close(handleOf(m_handle));
    m_handle = nullptr;
    SaneRuntime::release();
}

Core::Status SaneDevice::readOptions()
{
    SANE_Handle h = handleOf(m_handle);
    m_snapshot = {};
    m_indexById.clear();
    m_deviceValues.clear();
    SANE_Int count = 0;
    if (const SANE_Status s
        = saneApi()->controlOption(h, 0, SANE_ACTION_GET_VALUE, &count, nullptr);
        s != SANE_STATUS_GOOD)
        return statusError(s, QStringLiteral("reading the option count"));
    double tl[2] = { 0, 0 }, br[2] = { -1, -1 };
    for (SANE_Int i = 1; i < count; ++i) {
        const SANE_Option_Descriptor *d = saneApi()->getOptionDescriptor(h, i);
        if (!d || !d->name || !SANE_OPTION_IS_ACTIVE(d->cap))
            continue;
        const QByteArray name(d->name);
        const bool numeric = d->type == SANE_TYPE_INT || d->type == SANE_TYPE_FIXED;
        if (numeric && d->size == sizeof(SANE_Word)
            && (name == SANE_NAME_SCAN_TL_X || name == SANE_NAME_SCAN_TL_Y
                || name == SANE_NAME_SCAN_BR_X || name == SANE_NAME_SCAN_BR_Y)) {
            SANE_Word w = 0;
            if (d->unit != SANE_UNIT_MM
                || saneApi()->controlOption(h, i, SANE_ACTION_GET_VALUE, &w, nullptr)
                    != SANE_STATUS_GOOD)
                continue;
            const int axis = name.endsWith('x') ? 0 : 1;
            (name.startsWith("tl") ? tl : br)[axis] = numberValue(d, w);
            continue;
        }
        if (name == SANE_NAME_SCAN_RESOLUTION && numeric && d->size == sizeof(SANE_Word)) {
            SANE_Word w = 0;
            if (saneApi()->controlOption(h, i, SANE_ACTION_GET_VALUE, &w, nullptr)
                != SANE_STATUS_GOOD)
                continue;
            OptionDescriptor o;
            o.id = kResolution;
            o.label = Tr::tr("Resolution (dpi)");
            const int current = int(std::lround(numberValue(d, w)));
            o.defaultValue = current;
            if (d->constraint_type == SANE_CONSTRAINT_WORD_LIST) {
                o.type = OptionType::Enum;
                const SANE_Word *list = d->constraint.word_list;
                for (int k = 1; k <= list[0]; ++k) {
                    const int dpi = int(std::lround(numberValue(d, list[k])));
                    o.values << dpi;
                    o.valueLabels << Tr::tr("%1 dpi").arg(dpi);
                }
            } else {
                o.type = OptionType::Int;
                o.minimum = 1;
                o.maximum = 9600;
                if (d->constraint_type == SANE_CONSTRAINT_RANGE) {
                    o.minimum = int(std::ceil(numberValue(d, d->constraint.range->min)));
                    o.maximum = int(std::floor(numberValue(d, d->constraint.range->max)));
                }
            }
            m_indexById.insert(kResolution, i);
            m_snapshot.descriptors.append(o);
            m_snapshot.values.insert(kResolution, current);
            continue;
        }
        if ((name == SANE_NAME_SCAN_MODE || name == SANE_NAME_SCAN_SOURCE)
            && d->type == SANE_TYPE_STRING && d->constraint_type == SANE_CONSTRAINT_STRING_LIST) {
            QByteArray buffer(d->size + 1, '\0');
            if (saneApi()->controlOption(h, i, SANE_ACTION_GET_VALUE, buffer.data(), nullptr)
                != SANE_STATUS_GOOD)
                continue;
            const bool isMode = name == SANE_NAME_SCAN_MODE;
            OptionDescriptor o;
            o.id = isMode ? kMode : kSource;
            o.label = isMode ? Tr::tr("Colour mode") : Tr::tr("Paper source");
            o.type = OptionType::Enum;
            QVariantMap map;
            const QString currentDevice = QString::fromUtf8(buffer.constData());
            QString current = currentDevice;
            for (const SANE_String_Const *s = d->constraint.string_list; s && *s; ++s) {
                const QString device = QString::fromUtf8(*s);
                QString ours = isMode ? normalizedMode(device) : normalizedSource(device);
                if (map.contains(ours)) // two device values with one common name: keep the raw one
                    ours = device;
                map.insert(ours, device);
                o.values << ours;
                o.valueLabels << valueLabel(ours);
                if (device == currentDevice)
                    current = ours;
            }
            o.defaultValue = current;
            m_indexById.insert(o.id, i);
            m_deviceValues.insert(o.id, map);
            m_snapshot.descriptors.append(o);
            m_snapshot.values.insert(o.id, current);
        }
    }
    if (br[0] > tl[0] && br[1] > tl[1])
        m_snapshot.scanAreaMm = QSizeF(br[0] - tl[0], br[1] - tl[1]);
    return {};
}

Core::Status SaneDevice::writeOption(int index, const QVariant &deviceValue)
{
    SANE_Handle h = handleOf(m_handle);
    const SANE_Option_Descriptor *d = saneApi()->getOptionDescriptor(h, index);
    if (!d)
        return Core::Error { UnknownOption, Tr::tr("This device has no such setting."),
            QStringLiteral("option %1 vanished").arg(index) };
    SANE_Int info = 0;
    SANE_Status status = SANE_STATUS_INVAL;
    if (d->type == SANE_TYPE_STRING) {
        QByteArray buffer = deviceValue.toString().toUtf8();
        if (buffer.size() >= d->size)
            return Core::Error { InvalidOptionValue,
                Tr::tr("This value is not allowed for the setting."),
                QStringLiteral("value too long for %1").arg(QString::fromUtf8(d->name)) };
        buffer.resize(d->size, '\0');
        status = saneApi()->controlOption(h, index, SANE_ACTION_SET_VALUE, buffer.data(), &info);
    } else {
        SANE_Word w = d->type == SANE_TYPE_FIXED ? SANE_FIX(deviceValue.toDouble())
                                                 : SANE_Word(deviceValue.toInt());
        status = saneApi()->controlOption(h, index, SANE_ACTION_SET_VALUE, &w, &info);
    }
    if (status != SANE_STATUS_GOOD)
        return Core::Error { InvalidOptionValue, Tr::tr("The scanner did not accept this setting."),
            QStringLiteral("set %1: %2")
                .arg(QString::fromUtf8(d->name), SaneRuntime::statusText(status)) };
    // Options may appear, vanish or be rounded (SANE_INFO_RELOAD_OPTIONS, _INEXACT).
    return readOptions();
}

Core::Status SaneDevice::setValue(const QString &id, const QVariant &value)
{
    if (!m_handle)
        return Core::Error { NotOpen, Tr::tr("The scanner is not ready. Choose it again."),
            QStringLiteral("set %1 on a closed device").arg(id) };
    const auto index = m_indexById.constFind(id);
    if (index == m_indexById.cend())
        return Core::Error { UnknownOption, Tr::tr("This device has no such setting."),
            QStringLiteral("unknown option %1").arg(id) };
    QVariant deviceValue = value;
    if (m_deviceValues.contains(id))
        deviceValue = m_deviceValues.value(id).value(value.toString());
    return writeOption(*index, deviceValue);
}

Core::Status SaneDevice::setSaneOption(const QByteArray &saneName, const QVariant &value)
{
    if (!m_handle)
        return Core::Error { NotOpen, Tr::tr("The scanner is not ready. Choose it again."),
            QStringLiteral("set %1 on a closed device").arg(QString::fromUtf8(saneName)) };
    SANE_Int count = 0;
    if (saneApi()->controlOption(handleOf(m_handle), 0, SANE_ACTION_GET_VALUE, &count, nullptr)
        == SANE_STATUS_GOOD) {
        for (SANE_Int i = 1; i < count; ++i) {
            const SANE_Option_Descriptor *d = saneApi()->getOptionDescriptor(handleOf(m_handle), i);
            if (d && d->name && saneName == d->name && SANE_OPTION_IS_ACTIVE(d->cap)
                && SANE_OPTION_IS_SETTABLE(d->cap))
                return writeOption(i, value);
        }
    }
    return Core::Error { UnknownOption, Tr::tr("This device has no such setting."),
        QStringLiteral("no settable SANE option %1").arg(QString::fromUtf8(saneName)) };
}

Core::Result<QImage> SaneDevice::scanPage(const std::atomic_bool &cancel, const Progress &progress)
{
    SANE_Handle h = handleOf(m_handle);
    if (!h)
        return Core::Error { NotOpen, Tr::tr("The scanner is not ready. Choose it again."),
            QStringLiteral("scan on a closed device") };
    QList<SaneFrame> frames;
    int lastPercent = -1;
    for (int frameIndex = 0;; ++frameIndex) {
        if (cancel.load()) {
            saneApi()->cancel(h);
            return statusError(SANE_STATUS_CANCELLED, QStringLiteral("cancelled before start"));
        }
        const SANE_Status started = saneApi()->start(h);
        if (started != SANE_STATUS_GOOD) {
            saneApi()->cancel(h);
            return statusError(started, QStringLiteral("sane_start"));
        }
        SaneFrame frame;
        if (const SANE_Status s = saneApi()->getParameters(h, &frame.params);
            s != SANE_STATUS_GOOD) {
            saneApi()->cancel(h);
            return statusError(s, QStringLiteral("sane_get_parameters"));
        }
        const SANE_Parameters &p = frame.params;
        const bool threePass = p.format == SANE_FRAME_RED || p.format == SANE_FRAME_GREEN
            || p.format == SANE_FRAME_BLUE;
        const int frameCount = threePass ? 3 : 1;
        const qint64 expected = p.lines > 0 ? qint64(p.bytes_per_line) * p.lines : -1;
        if (expected > 0)
            frame.data.reserve(qsizetype(expected));
        QByteArray buffer(64 * 1024, Qt::Uninitialized);
        for (;;) {
            if (cancel.load()) {
                saneApi()->cancel(h);
                return statusError(
                    SANE_STATUS_CANCELLED, QStringLiteral("cancelled while reading"));
            }
            SANE_Int length = 0;
            const SANE_Status s = saneApi()->read(
                h, reinterpret_cast<SANE_Byte *>(buffer.data()), SANE_Int(buffer.size()), &length);
            if (s == SANE_STATUS_EOF)
                break;
            if (s != SANE_STATUS_GOOD) {
                saneApi()->cancel(h);
                return statusError(s, QStringLiteral("sane_read"));
            }
            frame.data.append(buffer.constData(), length);
            if (progress && expected > 0) {
                const int percent
                    = int((frameIndex * 100 + 100 * frame.data.size() / expected) / frameCount);
                if (percent != lastPercent) {
                    lastPercent = percent;
                    progress(std::min(percent, 100));
                }
            }
        }
        const bool last = p.last_frame;
        frames.append(std::move(frame));
        if (last)
            break;
        if (frames.size() >= 3) {
            saneApi()->cancel(h);
            return statusError(SANE_STATUS_INVAL, QStringLiteral("more than three frames"));
        }
    }
    auto image = framesToImage(frames);
    if (!image)
        return image.error();
    const int dpi = m_snapshot.values.value(kResolution).toInt();
    if (dpi > 0) {
        image->setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
        image->setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
    }
    qCDebug(
        lcDrivers, "sane %s: page %dx%d", qUtf8Printable(m_name), image->width(), image->height());
    return image;
}

void SaneDevice::finishScan()
{
    if (m_handle)
        saneApi()->cancel(handleOf(m_handle));
}

} // namespace Tongban::Drivers::Sane::Internal
