// A workstation without libsane (TONGBAN_SANE_LIBRARY names a library that does not exist,
// set by the test registration): it runs, the SANE backend is skipped with a warning.
#include <QJsonArray>
#include <QTest>

#include <drivers/api/DeviceFactory.h>
#include <drivers/api/DriverErrors.h>
#include <drivers/sane/SaneBackend.h>

using namespace Tongban;
using namespace Tongban::Drivers;

class TestSaneMissing : public QObject
{
    Q_OBJECT
private slots:
    void backendSaysWhy()
    {
        QVERIFY(qEnvironmentVariableIsSet("TONGBAN_SANE_LIBRARY"));
        Sane::SaneBackend backend;
        QVERIFY(
            backend.unavailableReason().startsWith(QStringLiteral("libsane could not be loaded")));
    }

    void registrySkipsItWithAWarning()
    {
        qunsetenv("TONGBAN_FAKE_DEVICES");
        auto registry = createDeviceRegistry();
        QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(
                QStringLiteral("^backend sane skipped: libsane could not be loaded")));
        const QList<SourceIdentity> sources = registry->documentSources();
        QVERIFY(!sources.isEmpty()); // the simulated camera is still offered
        for (const SourceIdentity &s : sources)
            QVERIFY(s.backend != QLatin1String("sane"));
    }

    void openingAScannerFailsClearly()
    {
        Sane::SaneBackend backend;
        auto scanner = backend.create(QStringLiteral("sane:test:0"));
        QVERIFY(scanner);
        const Core::Status opened = scanner->open();
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, int(BackendMissing));
        QVERIFY(opened.error().message.contains(QStringLiteral("SANE")));
    }
};

QTEST_GUILESS_MAIN(TestSaneMissing)
#include "tst_sanemissing.moc"
