#pragma once

#include <core/Result.h>

#include <QHash>
#include <QImage>
#include <QSizeF>

#include <atomic>
#include <drivers/api/Options.h>
#include <functional>

namespace Tongban::Drivers::Sane::Internal {

/// What a scanner's options look like after a read: descriptors, values, scan area.
struct OptionSnapshot
{
    QList<OptionDescriptor> descriptors;
    QVariantMap values;
    QSizeF scanAreaMm; ///< br - tl, empty when the device does not say
};

/*!
 * One open SANE handle and the options we map: "resolution" (dpi), "mode"
 * (colour, grey, bw) and "source" (flatbed, adf, adfDuplex); the device's own
 * values that have no common name are offered as they are.
 *
 * Not thread-safe: every member runs on SaneRuntime's thread.
 */
class SaneDevice
{
public:
    SaneDevice() = default;
    ~SaneDevice();
    SaneDevice(const SaneDevice &) = delete;
    SaneDevice &operator=(const SaneDevice &) = delete;

    Core::Status open(const QString &saneName);
    void close();
    bool isOpen() const { return m_handle != nullptr; }

    OptionSnapshot snapshot() const { return m_snapshot; }
    Core::Status setValue(const QString &id, const QVariant &value);
    /// A device-specific option by its SANE name (e.g. "page-height"), value as the device takes
    /// it.
    Core::Status setSaneOption(const QByteArray &saneName, const QVariant &value);

    using Progress = std::function<void(int percent)>;
    /*!
     * Scans one page: sane_start, parameters, reads to the end of the page
     * (all frames of a three-pass scan). FeederEmpty when the feeder has no
     * page, CaptureCancelled when \a cancel was set. Leaves the scan open so
     * that the next call takes the next sheet; finishScan() ends it.
     */
    Core::Result<QImage> scanPage(const std::atomic_bool &cancel, const Progress &progress);
    /// sane_cancel: ends a scan or a feeder batch (also after a complete page).
    void finishScan();

private:
    Core::Status readOptions();
    Core::Status writeOption(int index, const QVariant &deviceValue);

    void *m_handle = nullptr; // SANE_Handle
    QString m_name;
    OptionSnapshot m_snapshot;
    QHash<QString, int> m_indexById; ///< our id -> SANE option index
    QHash<QString, QVariantMap> m_deviceValues; ///< our id -> (our value -> device value)
};

} // namespace Tongban::Drivers::Sane::Internal
