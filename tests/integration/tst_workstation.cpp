// The window's settings (issue 16): the hall's file in the XDG configuration folders
// (/etc/xdg/tongban/tongban.conf), the window's own over it, wrong values refused with the
// key and the file named; `tongban-cli setup`; and an upgrade that keeps pending outbox
// items when the next version adds a migration.
#include <platform/ApiClient.h>
#include <platform/Outbox.h>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <Translations.h>
#include <common/WindowSettings.h>
#include <common/Workstation.h>

using namespace Tongban;

namespace {

/// The outbox is never started here: nothing is sent.
class SilentTransport final : public Platform::Transport
{
public:
    void send(const Platform::ApiRequest &, Platform::ResponseCallback) override { }
    QUrl resolve(const Platform::ApiRequest &) const override { return {}; }
};

void writeIni(const QString &file, const QList<std::pair<QString, QString>> &values)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    QSettings settings(file, QSettings::IniFormat);
    for (const auto &[key, value] : values)
        settings.setValue(key, value);
    settings.sync();
}

} // namespace

class TestWorkstation : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_hallDir; ///< an XDG configuration folder (stands for /etc/xdg)
    QString m_otherHallDir; ///< a second, less important one
    QString m_dataDir;

    QString hallFile() const { return m_hallDir + QStringLiteral("/tongban/tongban.conf"); }
    QString windowFile() const { return m_dataDir + QStringLiteral("/tongban.conf"); }

private slots:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        // One folder per test function and data row.
        const QString base = m_tmp.path() + QLatin1Char('/')
            + QString::fromLatin1(QTest::currentTestFunction()) + QLatin1Char('-')
            + QString::fromLatin1(QTest::currentDataTag());
        m_hallDir = base + QStringLiteral("/etc-xdg");
        m_otherHallDir = base + QStringLiteral("/usr-share-xdg");
        m_dataDir = base + QStringLiteral("/data");
        QDir().mkpath(m_dataDir);
        qputenv("XDG_CONFIG_DIRS", QString(m_hallDir + QLatin1Char(':') + m_otherHallDir).toUtf8());
    }

    void hallSettingsUnderTheWindowsOwn()
    {
        // GIVEN the hall's file with the platform, CA, hall, jurisdiction, printer, devices,
        // upload cap and idle lock, and a window file with only the identity and its own printer
        const QString ca = m_tmp.filePath(QStringLiteral("hall-ca.pem"));
        QFile caFile(ca);
        QVERIFY(caFile.open(QIODevice::WriteOnly));
        caFile.write("-----BEGIN CERTIFICATE-----\n");
        caFile.close();
        writeIni(hallFile(),
            { { QStringLiteral("platform/url"), QStringLiteral("https://hub.hall.example:8443") },
                { QStringLiteral("platform/ca"), ca },
                { QStringLiteral("platform/uploadLimitKbps"), QStringLiteral("20000") },
                { QStringLiteral("hall/name"), QStringLiteral("卫东区政务服务中心") },
                { QStringLiteral("window/region"), QStringLiteral("410403") },
                { QStringLiteral("printer/name"), QStringLiteral("hall-printer") },
                { QStringLiteral("devices/fake"), QStringLiteral("true") },
                { QStringLiteral("security/idleLockMinutes"), QStringLiteral("5") } });
        // and a less important hall folder saying otherwise about the idle lock
        writeIni(m_otherHallDir + QStringLiteral("/tongban/tongban.conf"),
            { { QStringLiteral("security/idleLockMinutes"), QStringLiteral("30") },
                { QStringLiteral("ui/language"), QStringLiteral("en") } });
        writeIni(windowFile(),
            { { QStringLiteral("window/id"), QStringLiteral("410403-tb-02") },
                { QStringLiteral("window/name"), QStringLiteral("2号通办窗口") },
                { QStringLiteral("printer/name"), QStringLiteral("window-2-printer") } });

        // WHEN the workstation opens
        auto station = App::Workstation::open(m_dataDir);
        QVERIFY2(station, qPrintable(station ? QString() : station.error().toString()));

        // THEN the hall's values apply, the window's own win, the first XDG folder wins
        QCOMPARE((*station)->platformUrl(), QUrl(QStringLiteral("https://hub.hall.example:8443")));
        QCOMPARE((*station)->platformCaFile(), ca);
        QCOMPARE((*station)->uploadLimitBytesPerSecond(), qint64(20000) * 1000 / 8);
        QCOMPARE((*station)->hallName(), QStringLiteral("卫东区政务服务中心"));
        QCOMPARE((*station)->regionCode(), QStringLiteral("410403"));
        QCOMPARE((*station)->fakeDevices(), true);
        QCOMPARE((*station)->idleLockMinutes(), 5);
        QCOMPARE((*station)->configuredLanguage(), QStringLiteral("en"));
        QCOMPARE((*station)->windowId(), QStringLiteral("410403-tb-02"));
        QCOMPARE((*station)->windowName(), QStringLiteral("2号通办窗口"));
        QCOMPARE((*station)->printerName(), QStringLiteral("window-2-printer"));
        QVERIFY((*station)->missingSettings().isEmpty());
    }

    void wrongHallValueNamesKeyAndFile_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("label");
        QTest::newRow("url") << "platform/url"
                             << "hub.hall.example"
                             << "[platform] url";
        QTest::newRow("ca") << "platform/ca"
                            << "/nonexistent/ca.pem"
                            << "[platform] ca";
        QTest::newRow("cap") << "platform/uploadLimitKbps"
                             << "20M"
                             << "[platform] uploadLimitKbps";
        QTest::newRow("idle") << "security/idleLockMinutes"
                              << "0"
                              << "[security] idleLockMinutes";
        QTest::newRow("fake") << "devices/fake"
                              << "yes"
                              << "[devices] fake";
        QTest::newRow("region") << "window/region"
                                << "4104"
                                << "[window] region";
        QTest::newRow("language") << "ui/language"
                                  << "fr"
                                  << "[ui] language";
    }

    void wrongHallValueNamesKeyAndFile()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, label);
        // GIVEN a hall file with one wrong value, in a window whose interface speaks Chinese
        writeIni(hallFile(), { { key, value } });
        installTranslations(QStringLiteral("zh_CN"));

        // WHEN the workstation opens
        auto station = App::Workstation::open(m_dataDir);

        // THEN it refuses, in Chinese, naming the key and the hall's file; nothing is created
        QVERIFY(!station);
        QCOMPARE(station.error().code, int(App::WindowSettings::InvalidSetting));
        QVERIFY2(station.error().message.contains(label), qPrintable(station.error().message));
        QVERIFY2(station.error().message.contains(hallFile()), qPrintable(station.error().message));
        QVERIFY2(station.error().message.contains(QStringLiteral("请"))
                || station.error().message.contains(QStringLiteral("必须"))
                || station.error().message.contains(QStringLiteral("只能")),
            qPrintable(station.error().message));
        QVERIFY(!QFile::exists(m_dataDir + QStringLiteral("/workstation.sqlite")));
    }

    void windowValueOverridesWrongHallValue()
    {
        // GIVEN a wrong idle lock in the hall file, corrected in the window's file
        writeIni(
            hallFile(), { { QStringLiteral("security/idleLockMinutes"), QStringLiteral("x") } });
        writeIni(
            windowFile(), { { QStringLiteral("security/idleLockMinutes"), QStringLiteral("7") } });
        // WHEN the workstation opens THEN the window's value is the one checked and used
        auto station = App::Workstation::open(m_dataDir);
        QVERIFY2(station, qPrintable(station ? QString() : station.error().toString()));
        QCOMPARE((*station)->idleLockMinutes(), 7);
    }

    void emptyWindowValueLeavesTheHallValue()
    {
        // GIVEN the hall's idle lock and a window file with the key left empty
        writeIni(
            hallFile(), { { QStringLiteral("security/idleLockMinutes"), QStringLiteral("15") } });
        writeIni(windowFile(), { { QStringLiteral("security/idleLockMinutes"), QString() } });
        // WHEN it opens THEN the hall's value holds (not a 1-minute lock, not an error)
        auto station = App::Workstation::open(m_dataDir);
        QVERIFY2(station, qPrintable(station ? QString() : station.error().toString()));
        QCOMPARE((*station)->idleLockMinutes(), 15);
    }

    void wrongWindowValueNamesTheWindowFile()
    {
        // GIVEN a good hall file and a wrong address in the window's own file
        writeIni(hallFile(),
            { { QStringLiteral("platform/url"), QStringLiteral("https://hub.hall.example") } });
        writeIni(windowFile(), { { QStringLiteral("platform/url"), QStringLiteral("ftp://x") } });
        // WHEN it opens THEN the message names the window's file, not the hall's
        auto station = App::Workstation::open(m_dataDir);
        QVERIFY(!station);
        QVERIFY2(
            station.error().message.contains(windowFile()), qPrintable(station.error().message));
        QVERIFY(!station.error().message.contains(hallFile()));
    }

    void missingSettingsNameKeyAndFile()
    {
        // GIVEN no hall file and no window file
        // WHEN the workstation opens (it still opens: a demo window)
        auto station = App::Workstation::open(m_dataDir);
        QVERIFY(station);
        // THEN the window's identity and the platform are listed as missing, with their files
        const QString all = (*station)->missingSettings().join(QLatin1Char('\n'));
        QCOMPARE((*station)->missingSettings().size(), 3);
        QVERIFY2(all.contains(QStringLiteral("[window] id")), qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("[window] name")));
        QVERIFY(all.contains(QStringLiteral("[platform] url")));
        QVERIFY(all.contains(windowFile()));
        QVERIFY(all.contains(hallFile()));
    }

    void cliSetupWritesIdentityOverHall()
    {
        // GIVEN the hall's file with the platform and a window file with another key
        writeIni(hallFile(),
            { { QStringLiteral("platform/url"), QStringLiteral("https://hub.hall.example") } });
        writeIni(windowFile(), { { QStringLiteral("printer/name"), QStringLiteral("p2") } });

        // WHEN IT runs tongban-cli setup --window --name
        QProcess cli;
        cli.start(QStringLiteral(TONGBAN_CLI),
            { QStringLiteral("--json"), QStringLiteral("--data-dir"), m_dataDir,
                QStringLiteral("setup"), QStringLiteral("--window"), QStringLiteral("410403-tb-02"),
                QStringLiteral("--name"), QStringLiteral("卫东区2号通办窗口") });
        QVERIFY(cli.waitForFinished(30000));
        const QByteArray output = cli.readAllStandardOutput();

        // THEN exit 0, the identity is in the window's file, its other keys kept, the hall
        // file used, nothing missing
        QCOMPARE(cli.exitCode(), 0);
        const QJsonObject json = QJsonDocument::fromJson(output).object();
        QCOMPARE(json.value(QStringLiteral("hallFiles")).toArray().first().toString(), hallFile());
        QVERIFY(json.value(QStringLiteral("missing")).toArray().isEmpty());
        auto station = App::Workstation::open(m_dataDir);
        QVERIFY(station);
        QCOMPARE((*station)->windowId(), QStringLiteral("410403-tb-02"));
        QCOMPARE((*station)->windowName(), QStringLiteral("卫东区2号通办窗口"));
        QCOMPARE((*station)->printerName(), QStringLiteral("p2"));
        QCOMPARE((*station)->platformUrl(), QUrl(QStringLiteral("https://hub.hall.example")));

        // AND a malformed window id is a usage error that writes nothing
        cli.start(QStringLiteral(TONGBAN_CLI),
            { QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("setup"),
                QStringLiteral("--window"), QStringLiteral("tb 02"), QStringLiteral("--name"),
                QStringLiteral("x") });
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 2);
        QCOMPARE(QSettings(windowFile(), QSettings::IniFormat)
                     .value(QStringLiteral("window/id"))
                     .toString(),
            QStringLiteral("410403-tb-02"));
    }

    void upgradeKeepsPendingOutboxItems()
    {
        // GIVEN a workstation database made by this version with a case waiting in the outbox
        const QString path = m_dataDir + QStringLiteral("/workstation.sqlite");
        const QJsonObject body { { QStringLiteral("clientCaseId"), QStringLiteral("c-upgrade-1") },
            { QStringLiteral("itemCode"), QStringLiteral("X") },
            { QStringLiteral("materials"), QJsonArray {} } };
        {
            auto station = App::Workstation::open(m_dataDir);
            QVERIFY(station);
            SilentTransport transport;
            Core::SystemClock clock;
            Platform::Outbox outbox((*station)->database(), transport, clock,
                [](const QString &) -> Core::Result<QByteArray> { return QByteArray(); });
            const Core::Status queued = outbox.enqueue(body);
            QVERIFY2(queued, qPrintable(queued ? QString() : queued.error().toString()));
        }

        // WHEN the next version opens it with one more migration (a new module's table)
        QList<Storage::MigrationSet> next = App::Workstation::schema();
        next.append(Storage::MigrationSet { QStringLiteral("upgrade_probe"),
            { Storage::Migration { 1, QStringLiteral("next version's table"),
                { QStringLiteral("CREATE TABLE upgrade_probe (id INTEGER PRIMARY KEY)") } } } });
        {
            auto db = Storage::Database::open(path, next);
            QVERIFY2(db, qPrintable(db ? QString() : db.error().toString()));
            QCOMPARE((*db)->moduleVersion(QStringLiteral("upgrade_probe")), 1);
            // THEN the case is still waiting, unchanged
            const auto status = Platform::Outbox::status(**db);
            QVERIFY(status);
            const QJsonArray cases = status->value(QStringLiteral("cases")).toArray();
            QCOMPARE(cases.size(), 1);
            QCOMPARE(cases.first().toObject().value(QStringLiteral("clientCaseId")).toString(),
                QStringLiteral("c-upgrade-1"));
            QCOMPARE(cases.first().toObject().value(QStringLiteral("state")).toString(),
                QStringLiteral("pending"));
        }
        // AND going back to this version (a downgrade) is refused, and the case stays
        auto older = App::Workstation::open(m_dataDir);
        QVERIFY(!older);
        QVERIFY2(older.error().detail.contains(QStringLiteral("upgrade_probe")),
            qPrintable(older.error().toString()));
        auto db = Storage::Database::open(path, next);
        QVERIFY(db);
        QCOMPARE(
            Platform::Outbox::status(**db)->value(QStringLiteral("cases")).toArray().size(), 1);
    }
};

QTEST_MAIN(TestWorkstation)
#include "tst_workstation.moc"
