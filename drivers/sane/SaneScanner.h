#pragma once

#include <drivers/api/DocumentSource.h>
#include <memory>

namespace Tongban::Drivers::Sane {

namespace Internal {
struct ScannerShared;
}

/*!
 * A sheet scanner (高速扫描仪) through SANE.
 *
 * Options as data: "resolution" (dpi), "mode" (colour, grey, bw as the device
 * offers them) and "source" (flatbed, adf, adfDuplex), read from the device
 * when it opens. No preview (capabilities().hasPreview() is false).
 *
 * Threading: every SANE call runs on the one SANE thread (see
 * Internal::SaneRuntime). open() waits for sane_open there (seconds at worst
 * for a USB scanner waking up; bounded at 30 s); every other call returns at
 * once and results come as signals in the owner's thread. setOption()
 * validates against the descriptors read at open, returns, and applies the
 * value on the SANE thread before any later scan; a device refusal comes as
 * errorOccurred() and the old value is restored.
 *
 * captureStill() scans one page from the chosen source (one sheet from the
 * feeder: FeederEmpty when there is none). scanFeeder() scans sheets until
 * SANE reports the feeder empty: stillCaptured() per page, then
 * feederFinished(). cancel() stops either; the scan then fails with
 * DriverError::CaptureCancelled; pages already delivered are kept.
 */
class SaneScanner : public DocumentSource
{
    Q_OBJECT
public:
    /// \a identity.id is "sane:" followed by the SANE device name.
    explicit SaneScanner(const SourceIdentity &identity, QObject *parent = nullptr);
    ~SaneScanner() override;

    SourceIdentity identity() const override { return m_identity; }
    SourceCapabilities capabilities() const override;
    Core::Status open() override;
    void close() override;
    bool isOpen() const override { return m_open; }
    QList<OptionDescriptor> options() const override { return m_descriptors; }
    QVariant option(const QString &id) const override { return m_values.value(id); }
    Core::Status setOption(const QString &id, const QVariant &value) override;
    Core::Status startPreview() override;
    void stopPreview() override { }
    bool isPreviewing() const override { return false; }
    void captureStill() override;

    /*!
     * A device-specific SANE option by its SANE name (for IT diagnostics and
     * tests, e.g. "page-height"); applied on the SANE thread before any later
     * scan, a refusal comes as errorOccurred().
     */
    void setDeviceOption(const QString &saneOptionName, const QVariant &value);
    /// Every sheet in the feeder, until SANE_STATUS_NO_DOCS.
    void scanFeeder();
    /// Stops the scan in progress, if any.
    void cancel();
    bool isScanning() const { return m_scanning; }

    QJsonObject toJson() const override;

signals:
    /// Progress of the page being scanned, 0-100.
    void scanProgress(int percent);
    /// The feeder run ended (feeder empty, cancelled or failed); \a pages were delivered.
    void feederFinished(int pages);

private:
    void startScan(bool feeder);
    void finishScan(quint64 generation, bool feeder, const Core::Error &error);
    QString saneName() const;

    SourceIdentity m_identity;
    std::shared_ptr<Internal::ScannerShared> m_shared;
    bool m_open = false;
    bool m_scanning = false;
    int m_feederPages = 0;
    quint64 m_generation = 0; ///< bumped by close(): results of older scans are dropped
    QList<OptionDescriptor> m_descriptors;
    QVariantMap m_values;
    QSizeF m_scanAreaMm;
};

} // namespace Tongban::Drivers::Sane
