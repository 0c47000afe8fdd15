#include "TestTime.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <drivers/api/AvDevices.h>
#include <drivers/api/DeviceFactory.h>
#include <drivers/api/DriverErrors.h>
#include <drivers/sim/SimulatedCamera.h>

using namespace Tongban;
using namespace Tongban::Drivers;

namespace {
// A backend whose library is absent: it must be skipped with a warning.
class MissingBackend : public DocumentSourceBackend
{
public:
    QString name() const override { return QStringLiteral("missing"); }
    QString unavailableReason() const override { return QStringLiteral("libfoo not installed"); }
    QList<SourceIdentity> enumerate() override
    {
        qFatal("enumerate() called on an unavailable backend");
        return {};
    }
    std::unique_ptr<DocumentSource> create(const QString &) override { return nullptr; }
};
} // namespace

class TestDeviceRegistry : public QObject
{
    Q_OBJECT
private slots:
    void fakeDevicesListOnlyTheSimulatedCamera();
    void missingBackendIsSkippedWithAWarning();
    void unknownIdIsAClearError();
    void optionsAreDataAndValidated();
    void previewAndStill();
    void unplugDuringCaptureFailsClearly();
    void avDevicesUnderFakes();
};

void TestDeviceRegistry::fakeDevicesListOnlyTheSimulatedCamera()
{
    // GIVEN TONGBAN_FAKE_DEVICES=1 (set by the test registration)
    QVERIFY(DeviceRegistry::fakeDevicesForced());
    // WHEN the factory's registry lists sources
    auto registry = createDeviceRegistry();
    const auto sources = registry->documentSources();
    // THEN only the simulated camera is there, and it dumps to JSON
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources.first().id, QStringLiteral("sim:0"));
    const QJsonObject dump = registry->toJson();
    QVERIFY(dump.value(QStringLiteral("fakeDevicesForced")).toBool());
    QVERIFY(!dump.value(QStringLiteral("backends")).toArray().isEmpty());
}

void TestDeviceRegistry::missingBackendIsSkippedWithAWarning()
{
    qunsetenv("TONGBAN_FAKE_DEVICES");
    DeviceRegistry registry;
    registry.addBackend(std::make_unique<MissingBackend>());
    registry.addBackend(std::make_unique<Sim::SimulatedBackend>());
    QTest::ignoreMessage(QtWarningMsg, "backend missing skipped: libfoo not installed");
    const auto sources = registry.documentSources();
    qputenv("TONGBAN_FAKE_DEVICES", "1");
    QCOMPARE(sources.size(), 1);
}

void TestDeviceRegistry::unknownIdIsAClearError()
{
    auto registry = createDeviceRegistry();
    const auto source = registry->create(QStringLiteral("uvc:/dev/video9"));
    QVERIFY(!source.ok());
    QCOMPARE(source.error().code, int(NoSuchDevice));
    QVERIFY(!source.error().message.isEmpty());
}

void TestDeviceRegistry::optionsAreDataAndValidated()
{
    Sim::SimulatedCamera camera;
    // GIVEN the options as data
    const auto options = camera.options();
    QVERIFY(options.size() >= 8);
    // WHEN setting a valid and an invalid value
    QVERIFY(camera.setOption(QStringLiteral("hand"), true).ok());
    const auto bad = camera.setOption(QStringLiteral("document"), QStringLiteral("passport"));
    const auto unknown = camera.setOption(QStringLiteral("zoom"), 3);
    // THEN the valid one sticks and the others are refused with their codes
    QCOMPARE(camera.option(QStringLiteral("hand")).toBool(), true);
    QCOMPARE(bad.error().code, int(InvalidOptionValue));
    QCOMPARE(unknown.error().code, int(UnknownOption));
    const QJsonObject dump = camera.toJson();
    QCOMPARE(dump.value(QStringLiteral("options")).toArray().size(), options.size());
    QVERIFY(dump.value(QStringLiteral("values")).toObject().value(QStringLiteral("hand")).toBool());
}

void TestDeviceRegistry::previewAndStill()
{
    auto registry = createDeviceRegistry();
    auto source = registry->create(QStringLiteral("sim:0"));
    QVERIFY(source.ok());
    DocumentSource &camera = **source;
    QVERIFY(!camera.startPreview().ok()); // not open yet
    QVERIFY(camera.open().ok());
    QSignalSpy frames(&camera, &DocumentSource::previewFrame);
    QSignalSpy stills(&camera, &DocumentSource::stillCaptured);
    // WHEN previewing for a while and asking for a still
    QVERIFY(camera.startPreview().ok());
    // (3 s here; scaled for an emulated run: under qemu-user, installer/cross-build-arm64.sh,
    // 5 simulated frames took 4 to 8 s at load)
    QTRY_VERIFY_WITH_TIMEOUT(frames.size() >= 5, Testing::scaledTimeout(3000));
    const QImage frame = frames.first().first().value<QImage>();
    QCOMPARE(frame.size(), QSize(1024, 768));
    camera.captureStill();
    QTRY_COMPARE_WITH_TIMEOUT(stills.size(), 1, Testing::scaledTimeout(20000));
    // THEN the still has the full resolution and the camera's JPEG
    const QImage still = stills.first().first().value<QImage>();
    QCOMPARE(still.size(), QSize(4160, 3120));
    QVERIFY(stills.first().at(1).toByteArray().startsWith("\xFF\xD8"));
    camera.close();
}

void TestDeviceRegistry::unplugDuringCaptureFailsClearly()
{
    Sim::SimulatedCamera camera;
    QVERIFY(camera.open().ok());
    QVERIFY(camera.setOption(QStringLiteral("resolution"), QStringLiteral("2080x1560")).ok());
    QSignalSpy failed(&camera, &DocumentSource::captureFailed);
    QSignalSpy unplugged(&camera, &DocumentSource::unplugged);
    // GIVEN a still in flight, WHEN the cable is pulled
    camera.captureStill();
    camera.simulateUnplug();
    // THEN the capture fails with Unplugged, once, and the device says so
    QCOMPARE(unplugged.size(), 1);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<Core::Error>().code, int(Unplugged));
    QVERIFY(!camera.isOpen());
    QVERIFY(!camera.open().ok());
}

void TestDeviceRegistry::avDevicesUnderFakes()
{
    const auto devices = listAvDevices();
    QCOMPARE(devices.size(), 3);
    QCOMPARE(devices.first().kind, AvDeviceKind::Camera);
    QCOMPARE(devices.first().toJson().value(QStringLiteral("kind")).toString(),
        QStringLiteral("camera"));
}

QTEST_MAIN(TestDeviceRegistry)
#include "tst_deviceregistry.moc"
