// A broken SANE configuration (a backend that is not installed, no test backend):
// clear errors and messages, never a crash.
#include "SaneTestConfig.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <drivers/api/DeviceFactory.h>
#include <drivers/api/DriverErrors.h>
#include <drivers/sane/SaneBackend.h>

using namespace Tongban;
using namespace Tongban::Drivers;

class TestSaneBrokenConfig : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void noScannerIsAnEmptyListWithAMessage();
    void openingAScannerThatIsNotThereFailsClearly();
    void theRegistryReportsItForSupport();

private:
    QTemporaryDir m_dir;
};

void TestSaneBrokenConfig::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // GIVEN a dll.conf naming a backend that is not installed (a typo an installer made)
    QVERIFY(writeSaneTestConfig(m_dir.path(), "number_of_devices banana\n"));
    QFile dll(m_dir.filePath(QStringLiteral("dll.conf")));
    QVERIFY(dll.open(QIODevice::WriteOnly | QIODevice::Truncate));
    dll.write("fujitsuu\n");
}

void TestSaneBrokenConfig::noScannerIsAnEmptyListWithAMessage()
{
    Sane::SaneBackend backend;
    QVERIFY(backend.enumerate().isEmpty());
    QVERIFY(backend.noSourcesMessage().contains(QStringLiteral("scanner")));
}

void TestSaneBrokenConfig::openingAScannerThatIsNotThereFailsClearly()
{
    Sane::SaneBackend backend;
    // The device a workstation was set up with, behind the misspelt backend
    auto source = backend.create(QStringLiteral("sane:fujitsuu:fi-7160:1234"));
    QVERIFY(source);
    const Core::Status opened = source->open();
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, int(NoSuchDevice));
    QVERIFY(opened.error().message.contains(QStringLiteral("switched on")));
    QVERIFY(!source->isOpen());
    QVERIFY(source->options().isEmpty());
    QSignalSpy failed(source.get(), &DocumentSource::captureFailed);
    source->captureStill();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<Core::Error>().code, int(NotOpen));
}

void TestSaneBrokenConfig::theRegistryReportsItForSupport()
{
    qunsetenv("TONGBAN_FAKE_DEVICES");
    auto registry = createDeviceRegistry();
    const QList<SourceIdentity> sources = registry->documentSources();
    for (const SourceIdentity &s : sources)
        QVERIFY(s.backend != QLatin1String("sane"));
    const QJsonArray backends = registry->toJson().value(QStringLiteral("backends")).toArray();
    bool found = false;
    for (const QJsonValue &b : backends) {
        const QJsonObject o = b.toObject();
        if (o.value(QStringLiteral("name")).toString() != QLatin1String("sane"))
            continue;
        found = true;
        QVERIFY(o.value(QStringLiteral("sources")).toArray().isEmpty());
        QVERIFY(!o.value(QStringLiteral("message")).toString().isEmpty());
    }
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(TestSaneBrokenConfig)
#include "tst_sanebrokenconfig.moc"
