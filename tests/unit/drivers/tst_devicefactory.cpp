// The factory as the workstation uses it, without simulated devices forced: every
// backend registered in order; SANE through its test backend; the document-camera
// backend on this machine, which has no camera.
//
// What is NOT tested here (no camera on the build machines): preview frames, stills,
// format choice and unplugging of a real UVC camera. A simulated camera is not UVC.
#include "SaneTestConfig.h"

#include <QCameraDevice>
#include <QJsonArray>
#include <QMediaDevices>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <drivers/api/DeviceFactory.h>
#include <drivers/api/DriverErrors.h>
#include <drivers/uvc/UvcBackend.h>
#include <drivers/uvc/UvcCamera.h>

using namespace Tongban;
using namespace Tongban::Drivers;

namespace {
QJsonObject backendJson(const QJsonObject &dump, const QString &name)
{
    for (const QJsonValue &b : dump.value(QStringLiteral("backends")).toArray()) {
        if (b.toObject().value(QStringLiteral("name")).toString() == name)
            return b.toObject();
    }
    return {};
}
} // namespace

class TestDeviceFactory : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void backendsInFactoryOrder();
    void noCameraIsAnEmptyListWithAMessage();
    void cameraGoneBeforeOpenFailsClearly();
    void registryListsTheScannersAndDumpsEverything();
    void fakeDevicesLeaveOnlyTheSimulatedCamera();

private:
    QTemporaryDir m_dir;
};

void TestDeviceFactory::initTestCase()
{
    qunsetenv("TONGBAN_FAKE_DEVICES");
    QVERIFY(m_dir.isValid());
    QVERIFY(writeSaneTestConfig(m_dir.path(), kSaneTestConf));
}

void TestDeviceFactory::backendsInFactoryOrder()
{
    auto registry = createDeviceRegistry();
    QCOMPARE(registry->backendNames(),
        QStringList({ QStringLiteral("uvc"), QStringLiteral("sane"), QStringLiteral("sim") }));
}

void TestDeviceFactory::noCameraIsAnEmptyListWithAMessage()
{
    if (!QMediaDevices::videoInputs().isEmpty())
        QSKIP("this machine has a camera; the empty-list path needs none");
    // GIVEN no camera attached
    Uvc::UvcBackend backend;
    QVERIFY(backend.unavailableReason().isEmpty());
    // THEN the list is empty, the clerk is told what to do, and an id is not found
    QVERIFY(backend.enumerate().isEmpty());
    QVERIFY(backend.noSourcesMessage().contains(QStringLiteral("USB")));
    QVERIFY(backend.create(QStringLiteral("uvc:/dev/video0")) == nullptr);
    QVERIFY(backend.create(QStringLiteral("sane:test:0")) == nullptr);
    auto registry = createDeviceRegistry();
    const auto missing = registry->create(QStringLiteral("uvc:/dev/video0"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, int(NoSuchDevice));
}

void TestDeviceFactory::cameraGoneBeforeOpenFailsClearly()
{
    // GIVEN a camera object whose device is not (or no longer) among the video inputs
    Uvc::UvcCamera camera { QCameraDevice() };
    QSignalSpy failed(&camera, &DocumentSource::captureFailed);
    // WHEN it is opened and used
    const Core::Status opened = camera.open();
    // THEN it says the camera is not connected, and nothing else works or crashes
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, int(NoSuchDevice));
    QVERIFY(opened.error().message.contains(QStringLiteral("not connected")));
    QVERIFY(!camera.isOpen());
    QVERIFY(!camera.startPreview().ok());
    camera.captureStill();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<Core::Error>().code, int(NotOpen));
    // AND its support dump is well formed
    const QJsonObject dump = camera.toJson();
    QCOMPARE(dump.value(QStringLiteral("identity")).toObject().value(QStringLiteral("backend")),
        QJsonValue(QStringLiteral("uvc")));
    QVERIFY(dump.value(QStringLiteral("formats")).toArray().isEmpty());
    QCOMPARE(dump.value(QStringLiteral("open")).toBool(), false);
}

void TestDeviceFactory::registryListsTheScannersAndDumpsEverything()
{
    auto registry = createDeviceRegistry();
    // WHEN the registry lists every source
    const QList<SourceIdentity> sources = registry->documentSources();
    QStringList ids;
    for (const SourceIdentity &s : sources)
        ids << s.id;
    // THEN the SANE test scanners and the simulated camera are there (cameras: none here)
    QVERIFY2(ids.contains(QStringLiteral("sane:test:0")), qPrintable(ids.join(u',')));
    QVERIFY(ids.contains(QStringLiteral("sane:test:1")));
    QVERIFY(ids.contains(QStringLiteral("sim:0")));
    // AND a scanner opens through the registry
    auto scanner = registry->create(QStringLiteral("sane:test:1"));
    QVERIFY(scanner.ok());
    QVERIFY((*scanner)->open().ok());
    QCOMPARE((*scanner)
                 ->toJson()
                 .value(QStringLiteral("identity"))
                 .toObject()
                 .value(QStringLiteral("backend")),
        QJsonValue(QStringLiteral("sane")));
    (*scanner)->close();
    // AND the support dump names each backend, its sources, and says why a list is empty
    const QJsonObject dump = registry->toJson();
    QCOMPARE(dump.value(QStringLiteral("fakeDevicesForced")).toBool(), false);
    QCOMPARE(
        backendJson(dump, QStringLiteral("sane")).value(QStringLiteral("sources")).toArray().size(),
        2);
    const QJsonObject uvc = backendJson(dump, QStringLiteral("uvc"));
    QVERIFY(!uvc.isEmpty());
    if (uvc.value(QStringLiteral("sources")).toArray().isEmpty())
        QVERIFY(!uvc.value(QStringLiteral("message")).toString().isEmpty());
}

void TestDeviceFactory::fakeDevicesLeaveOnlyTheSimulatedCamera()
{
    qputenv("TONGBAN_FAKE_DEVICES", "1");
    auto registry = createDeviceRegistry();
    const QList<SourceIdentity> sources = registry->documentSources();
    qunsetenv("TONGBAN_FAKE_DEVICES");
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources.first().id, QStringLiteral("sim:0"));
}

QTEST_MAIN(TestDeviceFactory)
#include "tst_devicefactory.moc"
