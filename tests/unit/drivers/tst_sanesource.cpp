// The SANE backend against SANE's own "test" backend (a virtual scanner), through libsane.
#include "SaneTestConfig.h"
#include "TestTime.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <drivers/api/DriverErrors.h>
#include <drivers/sane/SaneBackend.h>
#include <drivers/sane/SaneScanner.h>
#include <memory>

using namespace Tongban;
using namespace Tongban::Drivers;
using Tongban::Testing::scaledTimeout;

namespace {
const QString kDevice = QStringLiteral("sane:test:0");

int expectedPixels(double mm, int dpi)
{
    return int(mm / 25.4 * dpi); // what the test backend computes (truncated)
}

const OptionDescriptor *findOption(const QList<OptionDescriptor> &options, const QString &id)
{
    for (const OptionDescriptor &o : options) {
        if (o.id == id)
            return &o;
    }
    return nullptr;
}

bool isGrey(QRgb c)
{
    return qRed(c) == qGreen(c) && qGreen(c) == qBlue(c);
}
} // namespace

class TestSaneSource : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void enumerateFindsTheTestDevice();
    void optionsIncludeResolutionModeAndSource();
    void invalidOptionValuesAreRefused();
    void colourScanAtTheChosenDpi();
    void greyScanIsGrey();
    void feederScansUntilEmptyThenStops();
    void cancelStopsTheScanAndTheScannerStaysUsable();
    void noPreviewOnAScanner();
    void unknownDeviceIsAClearError();

private:
    std::unique_ptr<Sane::SaneScanner> openScanner();
    QImage scanOne(Sane::SaneScanner &scanner);

    QTemporaryDir m_dir;
    Sane::SaneBackend m_backend;
};

void TestSaneSource::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(writeSaneTestConfig(m_dir.path(), kSaneTestConf));
}

std::unique_ptr<Sane::SaneScanner> TestSaneSource::openScanner()
{
    m_backend.enumerate();
    auto source = m_backend.create(kDevice);
    auto *scanner = qobject_cast<Sane::SaneScanner *>(source.get());
    if (!scanner)
        return nullptr;
    source.release();
    std::unique_ptr<Sane::SaneScanner> owned(scanner);
    const Core::Status opened = owned->open();
    if (!opened) {
        qWarning("%s", qUtf8Printable(opened.error().toString()));
        return nullptr;
    }
    return owned;
}

QImage TestSaneSource::scanOne(Sane::SaneScanner &scanner)
{
    QSignalSpy stills(&scanner, &DocumentSource::stillCaptured);
    QSignalSpy failed(&scanner, &DocumentSource::captureFailed);
    scanner.captureStill();
    if (!QTest::qWaitFor([&] { return stills.size() + failed.size() > 0; }, 60000))
        return {};
    if (!failed.isEmpty()) {
        qWarning("%s", qUtf8Printable(failed.first().first().value<Core::Error>().toString()));
        return {};
    }
    return stills.first().first().value<QImage>();
}

void TestSaneSource::enumerateFindsTheTestDevice()
{
    // GIVEN the private configuration with the test backend (two devices)
    // WHEN the backend lists scanners
    const QList<SourceIdentity> found = m_backend.enumerate();
    // THEN both virtual devices are there, with SANE's vendor and model
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.first().id, kDevice);
    QCOMPARE(found.first().backend, QStringLiteral("sane"));
    QCOMPARE(found.first().vendor, QStringLiteral("Noname"));
    QCOMPARE(found.first().model, QStringLiteral("frontend-tester"));
    QCOMPARE(m_backend.lastError().code, 0);
}

void TestSaneSource::optionsIncludeResolutionModeAndSource()
{
    auto scanner = openScanner();
    QVERIFY(scanner);
    const QList<OptionDescriptor> options = scanner->options();
    // THEN resolution, mode and source are read from the device, as data
    const OptionDescriptor *resolution = findOption(options, QStringLiteral("resolution"));
    QVERIFY(resolution);
    QCOMPARE(resolution->type, OptionType::Int);
    QCOMPARE(resolution->minimum, 1);
    QCOMPARE(resolution->maximum, 1200);
    QCOMPARE(scanner->option(QStringLiteral("resolution")).toInt(), 50); // from test.conf
    const OptionDescriptor *mode = findOption(options, QStringLiteral("mode"));
    QVERIFY(mode);
    QCOMPARE(mode->type, OptionType::Enum);
    QVERIFY(mode->values.contains(QStringLiteral("colour")));
    QVERIFY(mode->values.contains(QStringLiteral("grey")));
    QCOMPARE(scanner->option(QStringLiteral("mode")).toString(), QStringLiteral("grey"));
    const OptionDescriptor *source = findOption(options, QStringLiteral("source"));
    QVERIFY(source);
    QCOMPARE(source->values, QVariantList({ QStringLiteral("flatbed"), QStringLiteral("adf") }));
    QCOMPARE(source->valueLabels.size(), 2);
    // AND the scan area gives the still sizes; the JSON dump carries it all
    const SourceCapabilities caps = scanner->capabilities();
    QVERIFY(!caps.hasPreview());
    QVERIFY(
        caps.stillResolutions.contains(QSize(expectedPixels(80, 300), expectedPixels(100, 300))));
    const QJsonObject dump = scanner->toJson();
    QCOMPARE(dump.value(QStringLiteral("options")).toArray().size(), options.size());
    QCOMPARE(dump.value(QStringLiteral("saneName")).toString(), QStringLiteral("test:0"));
    QCOMPARE(dump.value(QStringLiteral("scanAreaMm"))
                 .toObject()
                 .value(QStringLiteral("width"))
                 .toDouble(),
        80.0);
}

void TestSaneSource::invalidOptionValuesAreRefused()
{
    auto scanner = openScanner();
    QVERIFY(scanner);
    const auto tooFine = scanner->setOption(QStringLiteral("resolution"), 5000);
    QCOMPARE(tooFine.error().code, int(InvalidOptionValue));
    const auto badMode = scanner->setOption(QStringLiteral("mode"), QStringLiteral("sepia"));
    QCOMPARE(badMode.error().code, int(InvalidOptionValue));
    const auto unknown = scanner->setOption(QStringLiteral("zoom"), 2);
    QCOMPARE(unknown.error().code, int(UnknownOption));
    QVERIFY(!unknown.error().message.isEmpty());
}

void TestSaneSource::colourScanAtTheChosenDpi()
{
    auto scanner = openScanner();
    QVERIFY(scanner);
    // GIVEN colour at 100 dpi
    QVERIFY(scanner->setOption(QStringLiteral("mode"), QStringLiteral("colour")).ok());
    QVERIFY(scanner->setOption(QStringLiteral("resolution"), 100).ok());
    QSignalSpy progress(scanner.get(), &Sane::SaneScanner::scanProgress);
    // WHEN one page is scanned
    const QImage page = scanOne(*scanner);
    // THEN it has the scan area's size at that dpi, in colour, with the dpi recorded
    QVERIFY(!page.isNull());
    QCOMPARE(page.size(), QSize(expectedPixels(80, 100), expectedPixels(100, 100)));
    QCOMPARE(page.format(), QImage::Format_RGB888);
    QCOMPARE(page.dotsPerMeterX(), qRound(100 / 0.0254));
    int colourful = 0;
    for (int y = 0; y < page.height(); y += 7) {
        for (int x = 0; x < page.width(); x += 7)
            colourful += isGrey(page.pixel(x, y)) ? 0 : 1;
    }
    QVERIFY2(colourful > 100, qPrintable(QString::number(colourful)));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().first().toInt(), 100);
    QCOMPARE(scanner->option(QStringLiteral("resolution")).toInt(), 100);
}

void TestSaneSource::greyScanIsGrey()
{
    auto scanner = openScanner();
    QVERIFY(scanner);
    QVERIFY(scanner->setOption(QStringLiteral("mode"), QStringLiteral("grey")).ok());
    QVERIFY(scanner->setOption(QStringLiteral("resolution"), 75).ok());
    const QImage page = scanOne(*scanner);
    QVERIFY(!page.isNull());
    QCOMPARE(page.size(), QSize(expectedPixels(80, 75), expectedPixels(100, 75)));
    QCOMPARE(page.format(), QImage::Format_Grayscale8);
    QVERIFY(page.isGrayscale());
    // The colour pattern in grey is not one flat value: real data came through.
    QVERIFY(qGray(page.pixel(0, 0)) != qGray(page.pixel(page.width() / 2, page.height() / 2))
        || qGray(page.pixel(0, 0)) != qGray(page.pixel(page.width() - 1, page.height() - 1)));
}

void TestSaneSource::feederScansUntilEmptyThenStops()
{
    auto scanner = openScanner();
    QVERIFY(scanner);
    // GIVEN the feeder as source (the test backend's feeder holds 10 sheets)
    QVERIFY(scanner->setOption(QStringLiteral("source"), QStringLiteral("adf")).ok());
    QVERIFY(scanner->setOption(QStringLiteral("resolution"), 25).ok());
    QSignalSpy stills(scanner.get(), &DocumentSource::stillCaptured);
    QSignalSpy failed(scanner.get(), &DocumentSource::captureFailed);
    QSignalSpy finished(scanner.get(), &Sane::SaneScanner::feederFinished);
    // WHEN the feeder is scanned
    scanner->scanFeeder();
    QVERIFY(finished.wait(60000));
    // THEN ten pages come, then the run ends without an error
    QCOMPARE(stills.size(), 10);
    QCOMPARE(finished.first().first().toInt(), 10);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(stills.last().first().value<QImage>().size(),
        QSize(expectedPixels(80, 25), expectedPixels(100, 25)));
    // AND the next run starts from a full feeder again (the test backend refills it when a
    // batch ends), and stops at ten again
    scanner->scanFeeder();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.last().first().toInt(), 10);
    QCOMPARE(stills.size(), 20);
    QCOMPARE(failed.size(), 0);
}

void TestSaneSource::cancelStopsTheScanAndTheScannerStaysUsable()
{
    auto scanner = openScanner();
    QVERIFY(scanner);
    QSignalSpy errors(scanner.get(), &DocumentSource::errorOccurred);
    // GIVEN a slow scan: the test backend waits 200 ms after each buffer
    scanner->setDeviceOption(QStringLiteral("read-delay"), true);
    scanner->setDeviceOption(QStringLiteral("read-delay-duration"), 200000);
    QVERIFY(scanner->setOption(QStringLiteral("mode"), QStringLiteral("colour")).ok());
    QVERIFY(scanner->setOption(QStringLiteral("resolution"), 300).ok());
    QSignalSpy progress(scanner.get(), &Sane::SaneScanner::scanProgress);
    QSignalSpy stills(scanner.get(), &DocumentSource::stillCaptured);
    QSignalSpy failed(scanner.get(), &DocumentSource::captureFailed);
    // WHEN the scan has started delivering data and is cancelled
    scanner->captureStill();
    QVERIFY(progress.wait(30000));
    QVERIFY(scanner->isScanning());
    scanner->cancel();
    // THEN it fails as cancelled, with no page
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, scaledTimeout(30000));
    QCOMPARE(failed.first().first().value<Core::Error>().code, int(CaptureCancelled));
    QCOMPARE(stills.size(), 0);
    QVERIFY(progress.last().first().toInt() < 100);
    QVERIFY(!scanner->isScanning());
    QCOMPARE(errors.size(), 0);
    // AND the next scan works
    scanner->setDeviceOption(QStringLiteral("read-delay"), false);
    QVERIFY(scanner->setOption(QStringLiteral("resolution"), 50).ok());
    const QImage page = scanOne(*scanner);
    QCOMPARE(page.size(), QSize(expectedPixels(80, 50), expectedPixels(100, 50)));
}

void TestSaneSource::noPreviewOnAScanner()
{
    auto scanner = openScanner();
    QVERIFY(scanner);
    const auto preview = scanner->startPreview();
    QVERIFY(!preview.ok());
    QVERIFY(!preview.error().message.isEmpty());
    QVERIFY(!scanner->isPreviewing());
}

void TestSaneSource::unknownDeviceIsAClearError()
{
    auto source = m_backend.create(QStringLiteral("sane:test:7"));
    QVERIFY(source);
    const Core::Status opened = source->open();
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, int(NoSuchDevice));
    QVERIFY(!opened.error().message.isEmpty());
    QVERIFY(opened.error().detail.contains(QStringLiteral("test:7")));
    QSignalSpy failed(source.get(), &DocumentSource::captureFailed);
    source->captureStill();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<Core::Error>().code, int(NotOpen));
    QVERIFY(m_backend.create(QStringLiteral("uvc:/dev/video0")) == nullptr);
}

QTEST_GUILESS_MAIN(TestSaneSource)
#include "tst_sanesource.moc"
