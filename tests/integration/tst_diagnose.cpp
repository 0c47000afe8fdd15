// tongban-cli diagnose as hall IT staff run it (J8), against real parts: tongban-hub as a
// child process (plain HTTP and TLS with the test CA), gnome-keyring in a private D-Bus
// session (with-keyring.sh), CUPS with the cups-pdf printer (fixture "cups"). The cameras
// and headsets of this machine are whatever it has: the test asserts only that each check
// gives a verdict, and advice whenever it is not OK.
#include "HubProcess.h"

#include <core/Clock.h>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using Tongban::Platform::Testing::HubProcess;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }

    /// The check with \a id, or an empty object.
    QJsonObject check(const QString &id) const
    {
        for (const QJsonValue &value : json().value(QStringLiteral("checks")).toArray()) {
            if (value.toObject().value(QStringLiteral("id")).toString() == id)
                return value.toObject();
        }
        return {};
    }
    QString status(const QString &id) const
    {
        return check(id).value(QStringLiteral("status")).toString();
    }
};

Run diagnose(const QString &dataDir, const QProcessEnvironment &extra = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TONGBAN_LANGUAGE"), QStringLiteral("zh_CN"));
    for (const QString &key : extra.keys())
        env.insert(key, extra.value(key));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TONGBAN_CLI),
        { QStringLiteral("--json"), QStringLiteral("--data-dir"), dataDir,
            QStringLiteral("diagnose") });
    process.waitForFinished(120000);
    return Run { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}

void configure(const QString &dataDir, std::initializer_list<std::pair<QString, QVariant>> values)
{
    QSettings conf(dataDir + QStringLiteral("/tongban.conf"), QSettings::IniFormat);
    for (const auto &[key, value] : values)
        conf.setValue(key, value);
}

const QString kData = QStringLiteral(TONGBAN_PLATFORM_TEST_DATA);

} // namespace

class tst_Diagnose : public QObject
{
    Q_OBJECT

private:
    /// Every check has a known verdict; each one that is not OK (or skipped) says what to do;
    /// the exit code is 1 exactly when one failed.
    static void verifyShape(const Run &run)
    {
        const QJsonArray checks = run.json().value(QStringLiteral("checks")).toArray();
        QVERIFY2(checks.size() == 15, qPrintable(run.out + run.err));
        int failed = 0;
        for (const QJsonValue &value : checks) {
            const QJsonObject check = value.toObject();
            const QString status = check.value(QStringLiteral("status")).toString();
            QVERIFY2(QStringList({ QStringLiteral("ok"), QStringLiteral("warning"),
                                     QStringLiteral("failed"), QStringLiteral("skipped"),
                                     QStringLiteral("not_built") })
                         .contains(status),
                qPrintable(status));
            QVERIFY(!check.value(QStringLiteral("title")).toString().isEmpty());
            QVERIFY(!check.value(QStringLiteral("finding")).toString().isEmpty());
            if (status == QLatin1String("warning") || status == QLatin1String("failed")
                || status == QLatin1String("not_built"))
                QVERIFY2(!check.value(QStringLiteral("advice")).toString().isEmpty(),
                    qPrintable(check.value(QStringLiteral("id")).toString()));
            failed += status == QLatin1String("failed") ? 1 : 0;
        }
        QCOMPARE(run.json().value(QStringLiteral("failed")).toInt(), failed);
        QCOMPARE(run.exitCode, failed > 0 ? 1 : 0);
    }

private slots:
    void configuredWindowPassesWhatItHas()
    {
        // GIVEN a window configured like the demo: the hub on loopback, the cups-pdf printer,
        // the simulated devices
        QTemporaryDir hubDir;
        HubProcess hub(QStringLiteral(TONGBAN_HUB), hubDir.filePath(QStringLiteral("hub")));
        const QString base = hub.start();
        QVERIFY(!base.isEmpty());
        QTemporaryDir dir;
        configure(dir.path(),
            { { QStringLiteral("platform/url"), base },
                { QStringLiteral("printer/name"), QStringLiteral("TongbanPDF") },
                { QStringLiteral("devices/fake"), true } });
        // WHEN IT staff run diagnose
        const Run run = diagnose(dir.path());
        verifyShape(run);
        // THEN what this machine has passes
        QCOMPARE(run.status(QStringLiteral("database")), QStringLiteral("ok"));
        // AND the calendar check follows the date in Beijing: from 1 December (and all year
        // once the built-in years are behind) it warns that next year is missing and says
        // to import it on the platform (the dates themselves: tst_workcalendar, ManualClock)
        const QDate today = Tongban::Core::SystemClock().today();
        const bool missing = today.year() > 2026 || today.month() == 12;
        QCOMPARE(run.status(QStringLiteral("calendar")),
            missing ? QStringLiteral("warning") : QStringLiteral("ok"));
        if (missing) {
            QVERIFY(run.check(QStringLiteral("calendar"))
                        .value(QStringLiteral("advice"))
                        .toString()
                        .contains(QStringLiteral("tongban-hub calendar import")));
        }
        QCOMPARE(run.status(QStringLiteral("audit")), QStringLiteral("ok"));
        QCOMPARE(run.status(QStringLiteral("platform")), QStringLiteral("ok"));
        QCOMPARE(run.status(QStringLiteral("clock")), QStringLiteral("ok"));
        QCOMPARE(run.status(QStringLiteral("keychain")), QStringLiteral("ok"));
        QCOMPARE(run.status(QStringLiteral("printer")), QStringLiteral("ok"));
        QVERIFY(run.check(QStringLiteral("printer"))
                    .value(QStringLiteral("finding"))
                    .toString()
                    .contains(QStringLiteral("TongbanPDF")));
        // AND plain HTTP and simulated devices are called what they are
        QCOMPARE(run.status(QStringLiteral("certificate")), QStringLiteral("warning"));
        QCOMPARE(run.status(QStringLiteral("camera")), QStringLiteral("warning"));
        // AND without --account the line check says how to run it (tst_linecheck measures)
        QCOMPARE(run.status(QStringLiteral("bandwidth")), QStringLiteral("skipped"));
        // AND the human text is in Chinese
        QProcess human;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TONGBAN_LANGUAGE"), QStringLiteral("zh_CN"));
        human.setProcessEnvironment(env);
        human.start(QStringLiteral(TONGBAN_CLI),
            { QStringLiteral("--data-dir"), dir.path(), QStringLiteral("diagnose") });
        QVERIFY(human.waitForFinished(120000));
        const QString text = QString::fromUtf8(human.readAllStandardOutput());
        QVERIFY2(text.contains(QStringLiteral("统一受理平台")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("[通过]")), qPrintable(text));
    }

    void unreachablePlatformMissingPrinterAndNoKeychainSayWhatToDo()
    {
        // GIVEN a platform address nobody answers on, a printer CUPS does not know, and no
        // keychain (no D-Bus session)
        QTemporaryDir dir;
        configure(dir.path(),
            { { QStringLiteral("platform/url"), QStringLiteral("http://127.0.0.1:9") },
                { QStringLiteral("printer/name"), QStringLiteral("NoSuchPrinter") },
                // the hall has no scanner, headset or microphone at this window
                { QStringLiteral("devices/absent"),
                    QStringList { QStringLiteral("scanner"), QStringLiteral("headset"),
                        QStringLiteral("microphone") } } });
        QProcessEnvironment noKeychain;
        noKeychain.insert(
            QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
        // WHEN IT staff run diagnose
        const Run run = diagnose(dir.path(), noKeychain);
        verifyShape(run);
        // THEN each of them fails with what to do, and what needs the platform is skipped
        QCOMPARE(run.status(QStringLiteral("platform")), QStringLiteral("failed"));
        QVERIFY(run.check(QStringLiteral("platform"))
                    .value(QStringLiteral("advice"))
                    .toString()
                    .contains(QStringLiteral("127.0.0.1")));
        // AND on loopback a refused connection is a stopped service, not the network cable
        const QString advice
            = run.check(QStringLiteral("platform")).value(QStringLiteral("advice")).toString();
        QVERIFY2(advice.contains(QStringLiteral("tongban-hub"))
                && !advice.contains(QStringLiteral("网线")),
            qPrintable(advice));
        // AND the devices the window does not have do not fail
        for (const QString &device :
            { QStringLiteral("scanner"), QStringLiteral("headset"), QStringLiteral("microphone") })
            QVERIFY2(run.status(device) != QLatin1String("failed"), qPrintable(device));
        QCOMPARE(run.status(QStringLiteral("certificate")), QStringLiteral("skipped"));
        QCOMPARE(run.status(QStringLiteral("clock")), QStringLiteral("skipped"));
        QCOMPARE(run.status(QStringLiteral("printer")), QStringLiteral("failed"));
        QVERIFY(run.check(QStringLiteral("printer"))
                    .value(QStringLiteral("finding"))
                    .toString()
                    .contains(QStringLiteral("NoSuchPrinter")));
        QCOMPARE(run.status(QStringLiteral("keychain")), QStringLiteral("failed"));
        QCOMPARE(run.exitCode, 1);
    }

    void wrongHallSettingFailsNamingKeyAndFile()
    {
        // GIVEN the hall's file (an XDG configuration folder) with an upload cap that is no number
        QTemporaryDir hall;
        QDir().mkpath(hall.filePath(QStringLiteral("tongban")));
        const QString hallFile = hall.filePath(QStringLiteral("tongban/tongban.conf"));
        {
            QSettings conf(hallFile, QSettings::IniFormat);
            conf.setValue(QStringLiteral("platform/uploadLimitKbps"), QStringLiteral("100M"));
        }
        QTemporaryDir dir;
        configure(dir.path(), { { QStringLiteral("window/id"), QStringLiteral("410403-tb-02") } });
        QProcessEnvironment env;
        env.insert(QStringLiteral("XDG_CONFIG_DIRS"), hall.path());
        // WHEN IT staff run diagnose
        const Run run = diagnose(dir.path(), env);
        verifyShape(run);
        // THEN the settings check fails in Chinese with the key and the file, the database is
        // not opened, and the exit code says so
        QCOMPARE(run.status(QStringLiteral("settings")), QStringLiteral("failed"));
        const QString finding
            = run.check(QStringLiteral("settings")).value(QStringLiteral("finding")).toString();
        QVERIFY2(finding.contains(QStringLiteral("[platform] uploadLimitKbps"))
                && finding.contains(hallFile) && finding.contains(QStringLiteral("必须")),
            qPrintable(finding));
        QCOMPARE(run.status(QStringLiteral("database")), QStringLiteral("skipped"));
        QCOMPARE(run.exitCode, 1);
    }

    void tlsPlatformIsTrustedOnlyWithItsCa()
    {
        // GIVEN the hub over TLS with a certificate of the test CA
        QTemporaryDir hubDir;
        HubProcess hub(QStringLiteral(TONGBAN_HUB), hubDir.filePath(QStringLiteral("hub")));
        hub.setTls(kData + QStringLiteral("/server.pem"), kData + QStringLiteral("/server.key"));
        const QString base = hub.start();
        QVERIFY(!base.isEmpty());
        QTemporaryDir dir;
        configure(dir.path(), { { QStringLiteral("platform/url"), base } });
        // WHEN the window does not know the CA THEN the platform and its certificate fail
        const Run unknown = diagnose(dir.path());
        verifyShape(unknown);
        QCOMPARE(unknown.status(QStringLiteral("platform")), QStringLiteral("failed"));
        QCOMPARE(unknown.status(QStringLiteral("certificate")), QStringLiteral("failed"));
        QVERIFY(unknown.check(QStringLiteral("certificate"))
                    .value(QStringLiteral("advice"))
                    .toString()
                    .contains(QStringLiteral("[platform] ca")));
        // WHEN it is given the CA THEN both pass, with the certificate's expiry
        configure(dir.path(),
            { { QStringLiteral("platform/ca"), QString(kData + QStringLiteral("/ca.pem")) } });
        const Run trusted = diagnose(dir.path());
        verifyShape(trusted);
        QCOMPARE(trusted.status(QStringLiteral("platform")), QStringLiteral("ok"));
        QCOMPARE(trusted.status(QStringLiteral("certificate")), QStringLiteral("ok"));
        QVERIFY(trusted.check(QStringLiteral("certificate"))
                    .value(QStringLiteral("finding"))
                    .toString()
                    .contains(QStringLiteral("2046")));
        QCOMPARE(trusted.status(QStringLiteral("clock")), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(tst_Diagnose)
#include "tst_diagnose.moc"
