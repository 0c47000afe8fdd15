// tongban-cli diagnose: what hall IT staff run on each window after installing (J8).
// Every check says what it found and, when something is wrong, what to do.
#include "Commands.h"
#include "DiagnoseCheck.h"

#include <platform/ApiClient.h>
#include <platform/ApiParsing.h>
#include <platform/PlatformErrors.h>
#include <platform/TokenStore.h>
#include <security/AuditLog.h>
#include <storage/Database.h>

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QSettings>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStorageInfo>
#include <QUuid>

#include <algorithm>
#include <common/WindowSettings.h>
#include <common/Workstation.h>
#include <drivers/api/AvDevices.h>
#include <drivers/api/DeviceFactory.h>

namespace Tongban::Cli {

namespace {

using Diagnose::await;
using Diagnose::Check;
using Diagnose::checkBandwidth;
using Diagnose::Verdict;

QString verdictId(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Ok:
        return QStringLiteral("ok");
    case Verdict::Warning:
        return QStringLiteral("warning");
    case Verdict::Failed:
        return QStringLiteral("failed");
    case Verdict::Skipped:
        return QStringLiteral("skipped");
    case Verdict::NotBuilt:
        return QStringLiteral("not_built");
    }
    return {};
}

QString verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Ok:
        return Tr::tr("OK");
    case Verdict::Warning:
        return Tr::tr("WARNING");
    case Verdict::Failed:
        return Tr::tr("FAILED");
    case Verdict::Skipped:
        return Tr::tr("SKIPPED");
    case Verdict::NotBuilt:
        return Tr::tr("NOT BUILT");
    }
    return {};
}

QString gigabytes(qint64 bytes)
{
    return QString::number(double(bytes) / 1e9, 'f', 1);
}

Check checkDisk(const QString &dataDir)
{
    Check check { QStringLiteral("disk"), Tr::tr("Disk space"), Verdict::Ok, {}, {} };
    const QStorageInfo storage(dataDir);
    const qint64 free = storage.bytesAvailable();
    check.finding = Tr::tr("%1 GB free for the data folder %2").arg(gigabytes(free), dataDir);
    if (!storage.isValid() || free < 0) {
        check.verdict = Verdict::Failed;
        check.finding = Tr::tr("The data folder %1 cannot be examined.").arg(dataDir);
        check.advice = Tr::tr("Check that the folder exists and this account may write to it.");
    } else if (free < 1'000'000'000) {
        check.verdict = Verdict::Failed;
        check.advice = Tr::tr("Free disk space or move the data folder (TONGBAN_DATA_DIR) to a "
                              "larger disk: captures stop when the disk is full.");
    } else if (free < 5'000'000'000) {
        check.verdict = Verdict::Warning;
        check.advice = Tr::tr("Less than 5 GB left: a busy window fills that in weeks. Free space "
                              "before it runs out.");
    }
    return check;
}

QList<Check> checkDataAndAudit(App::Workstation &station)
{
    Check database { QStringLiteral("database"), Tr::tr("Workstation database"), Verdict::Ok, {},
        {} };
    const auto integrity = station.database().integrityCheck();
    if (integrity && *integrity == QLatin1String("ok")) {
        database.finding = Tr::tr("Integrity check passed (%1)").arg(station.database().path());
    } else {
        database.verdict = Verdict::Failed;
        database.finding = integrity ? integrity->left(300) : integrity.error().message;
        database.advice = Tr::tr("Do not capture on this window. Copy the data folder %1 as it is "
                                 "and call the project's support.")
                              .arg(station.dataDirectory());
    }
    Check audit { QStringLiteral("audit"), Tr::tr("Audit trail"), Verdict::Ok, {}, {} };
    const auto report = station.audit().verify();
    if (!report) {
        audit.verdict = Verdict::Failed;
        audit.finding = report.error().message;
        audit.advice = Tr::tr("Run `tongban-cli audit verify` and call the project's support.");
    } else if (report->ok) {
        audit.finding = Tr::tr("%n record(s), chain intact", nullptr, int(report->recordsChecked));
    } else {
        audit.verdict = Verdict::Failed;
        audit.finding
            = Tr::tr("Tampering detected in %n record(s)", nullptr, int(report->problems.size()));
        audit.advice = Tr::tr("Report it to the supervisor: the audit trail was changed outside "
                              "the application. `tongban-cli audit verify` lists the records.");
    }
    return { database, audit };
}

/// The working-day calendar in force covers this year and, from 1 December, the next.
Check checkCalendar(const Core::WorkCalendar &calendar, const QDate &today)
{
    Check check { QStringLiteral("calendar"), Tr::tr("Working-day calendar"), Verdict::Ok, {}, {} };
    const QList<int> years = calendar.years();
    const QList<int> missing = calendar.missingYears(today);
    if (!missing.isEmpty()) {
        check.verdict = Verdict::Warning;
        check.finding = Core::WorkCalendar::missingYearsFinding(missing);
        check.advice = Core::WorkCalendar::missingYearsAdvice(missing);
    } else {
        check.finding = Tr::tr("Covers %1 to %2 (today in China Standard Time: %3)")
                            .arg(years.value(0))
                            .arg(years.value(years.size() - 1))
                            .arg(today.toString(Qt::ISODate));
    }
    return check;
}

/// The platform, its certificate and the clock against the platform's.
QList<Check> checkPlatform(App::Workstation &station)
{
    Check platform { QStringLiteral("platform"), Tr::tr("Unified acceptance platform"), Verdict::Ok,
        {}, {} };
    Check certificate { QStringLiteral("certificate"), Tr::tr("Platform certificate"),
        Verdict::Skipped, {}, {} };
    Check clock { QStringLiteral("clock"), Tr::tr("Clock"), Verdict::Skipped, {}, {} };
    const QString conf = station.dataDirectory() + QStringLiteral("/tongban.conf");
    const QUrl url = station.platformUrl();
    if (url.isEmpty() || !url.isValid()) {
        platform.verdict = Verdict::Failed;
        platform.finding = Tr::tr("No platform address is configured.");
        platform.advice = Tr::tr("Set [platform] url in %1 (from the preconfigured file of the "
                                 "installation).")
                              .arg(conf);
        certificate.finding = clock.finding = Tr::tr("Needs the platform.");
        return { platform, certificate, clock };
    }
    Platform::ApiClient api(url);
    if (!station.platformCaFile().isEmpty()) {
        if (const Core::Status added = api.addCaCertificateFile(station.platformCaFile()); !added) {
            platform.verdict = Verdict::Failed;
            platform.finding = added.error().message;
            platform.advice = Tr::tr("Check [platform] ca in %1: it must name a PEM file this "
                                     "account can read.")
                                  .arg(conf);
            certificate.finding = clock.finding = Tr::tr("Needs the platform.");
            return { platform, certificate, clock };
        }
    }
    if (const Core::Status allowed = Platform::ApiClient::checkUrlAllowed(api.baseUrl());
        !allowed) {
        platform.verdict = Verdict::Failed;
        platform.finding = allowed.error().message;
        platform.advice
            = Tr::tr("Use the platform's https:// address in [platform] url of %1.").arg(conf);
        certificate.finding = clock.finding = Tr::tr("Needs the platform.");
        return { platform, certificate, clock };
    }

    // tus discovery: answered without signing in (docs/platform-api.md §6).
    Platform::ApiRequest request;
    request.method = QByteArrayLiteral("OPTIONS");
    request.path = QStringLiteral("/uploads");
    request.authenticated = false;
    request.timeoutMs = 10000;
    QElapsedTimer timer;
    timer.start();
    const auto answer = await<Core::Result<Platform::ApiResponse>>(
        [&](auto done) { api.send(request, done); }, 15000);
    const qint64 ms = timer.elapsed();
    const QDateTime localNow = station.clock().now();
    if (!answer || !*answer) {
        platform.verdict = Verdict::Failed;
        const bool tls = answer && answer->error().code == Platform::TlsFailure;
        platform.finding = answer ? answer->error().message
                                  : Tr::tr("No answer from %1 within 15 seconds.")
                                        .arg(url.toString(QUrl::RemoveUserInfo));
        // On this computer (loopback) a refused connection is a stopped service, not a cable.
        const QString host = url.host();
        const bool local = host == QLatin1String("localhost") || host == QLatin1String("::1")
            || host.startsWith(QLatin1String("127."));
        platform.advice = tls
            ? Tr::tr("The platform's certificate is not trusted here. Install the platform's CA "
                     "certificate and name it in [platform] ca of %1; check the address too.")
                  .arg(conf)
            : local
            ? Tr::tr("Nothing answers at %1 on this computer: start the platform service "
                     "(tongban-hub) or correct [platform] url in %2.")
                  .arg(url.toString(QUrl::RemoveUserInfo), conf)
            : Tr::tr("Check the network cable and the hall's line; ask the network staff whether "
                     "%1 is reachable from this window.")
                  .arg(url.host());
        if (tls) {
            certificate.verdict = Verdict::Failed;
            certificate.finding = platform.finding;
            certificate.advice = platform.advice;
        } else {
            certificate.finding = Tr::tr("Needs the platform.");
        }
        clock.finding = Tr::tr("Needs the platform.");
        return { platform, certificate, clock };
    }
    const Platform::ApiResponse &response = answer->value();
    const QByteArray tusVersion = response.header("Tus-Version");
    if (response.status >= 400 || tusVersion.isEmpty()) {
        platform.verdict = Verdict::Failed;
        platform.finding = Tr::tr("%1 answers, but not as the platform (HTTP %2).")
                               .arg(url.toString())
                               .arg(response.status);
        platform.advice = Tr::tr("Check [platform] url in %1: it must be the platform's address, "
                                 "without /api/v1.")
                              .arg(conf);
    } else {
        platform.finding = Tr::tr("%1 answered in %2 ms").arg(url.toString()).arg(ms);
    }

    // The certificate: verified (the request above got through) and not about to expire.
    if (url.scheme() == QLatin1String("https")) {
        QSslSocket socket;
        socket.setSslConfiguration(api.sslConfiguration());
        socket.connectToHostEncrypted(url.host(), quint16(url.port(443)));
        if (socket.waitForEncrypted(10000)) {
            const QSslCertificate peer = socket.peerCertificate();
            const qint64 days = localNow.daysTo(peer.expiryDate());
            certificate.finding = Tr::tr("Trusted; valid until %1 (%2 days)")
                                      .arg(peer.expiryDate().toString(Qt::ISODate))
                                      .arg(days);
            certificate.verdict = days < 30 ? Verdict::Warning : Verdict::Ok;
            if (days < 30)
                certificate.advice = Tr::tr("Ask the platform's operators for the renewed "
                                            "certificate before it expires.");
        } else {
            certificate.verdict = Verdict::Failed;
            certificate.finding = socket.errorString();
            certificate.advice = Tr::tr("Install the platform's CA certificate and name it in "
                                        "[platform] ca of %1.")
                                     .arg(conf);
        }
    } else {
        certificate.verdict = Verdict::Warning;
        certificate.finding = Tr::tr("Plain HTTP: allowed only for a platform on this machine "
                                     "(demo, training).");
        certificate.advice = Tr::tr("A hall's platform must be reached over https://.");
    }

    // The clock: sessions, certificates and case times depend on it.
    const QDateTime serverNow = Platform::parseHttpDate(response.header("Date"));
    if (!serverNow.isValid()) {
        clock.verdict = Verdict::Warning;
        clock.finding = Tr::tr("The platform sent no time to compare with.");
        clock.advice = Tr::tr("Make sure this computer synchronises its clock (NTP).");
    } else {
        const qint64 skew = serverNow.secsTo(localNow);
        clock.finding = Tr::tr("%1 s from the platform's clock").arg(skew);
        if (qAbs(skew) > 120) {
            clock.verdict = Verdict::Failed;
            clock.advice = Tr::tr("Set the time and turn on time synchronisation (NTP): sign-in, "
                                  "certificates and case times depend on it.");
        } else if (qAbs(skew) > 30) {
            clock.verdict = Verdict::Warning;
            clock.advice = Tr::tr("Turn on time synchronisation (NTP).");
        } else {
            clock.verdict = Verdict::Ok;
        }
    }
    return { platform, certificate, clock };
}

Check checkKeychain()
{
    Check check { QStringLiteral("keychain"), Tr::tr("Keychain (clerks' sessions)"), Verdict::Ok,
        {}, {} };
    Platform::KeychainTokenStore store;
    const QString key
        = QStringLiteral("diagnose-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray secret = QUuid::createUuid().toRfc4122();
    const auto fail = [&](const QString &finding) {
        check.verdict = Verdict::Failed;
        check.finding = finding;
        check.advice = Tr::tr("Clerks cannot stay signed in. Start the desktop's keyring for this "
                              "user (gnome-keyring, Secret Service; on Windows, Credential "
                              "Manager), then run diagnose again.");
        return check;
    };
    const auto saved
        = await<Core::Status>([&](auto done) { store.save(key, secret, done); }, 15000);
    if (!saved || !*saved) {
        // For IT staff the technical reason says more than the clerk's message.
        return fail(!saved                        ? Tr::tr("The keychain did not answer.")
                : saved->error().detail.isEmpty() ? saved->error().message
                                                  : saved->error().detail);
    }
    const auto loaded
        = await<Core::Result<QByteArray>>([&](auto done) { store.load(key, done); }, 15000);
    await<Core::Status>([&](auto done) { store.remove(key, done); }, 15000);
    if (!loaded || !*loaded || loaded->value() != secret)
        return fail(Tr::tr("A secret written to the keychain did not come back."));
    check.finding = Tr::tr("A test secret was stored, read back and removed.");
    return check;
}

/// \a configured: [printer] name (Workstation::printerName), empty for the default printer.
Check checkPrinter(const QString &configured, const QString &dataDir)
{
    Check check { QStringLiteral("printer"), Tr::tr("Printer (notices and receipts)"), Verdict::Ok,
        {}, {} };
    QString name = configured;
    const auto lpstat = [](const QStringList &args, QString *output) {
        QProcess process;
        process.start(QStringLiteral("lpstat"), args);
        if (!process.waitForFinished(10000))
            return false;
        *output = QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
        return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    };
    QString output;
    if (name.isEmpty()) {
        // "system default destination: NAME"
        if (lpstat({ QStringLiteral("-d") }, &output) && output.contains(QLatin1Char(':')))
            name = output.section(QLatin1Char(':'), 1).trimmed();
    }
    const auto fail = [&](const QString &finding) {
        check.verdict = Verdict::Failed;
        check.finding = finding;
        check.advice = Tr::tr("Add the window's printer in CUPS (http://localhost:631) and make it "
                              "the default, or name it in [printer] name of %1/tongban.conf.")
                           .arg(dataDir);
        return check;
    };
    if (name.isEmpty())
        return fail(Tr::tr("No printer is configured and there is no default printer."));
    if (!lpstat({ QStringLiteral("-p"), name }, &output))
        return fail(Tr::tr("The printer %1 is not known to the print system.").arg(name));
    if (output.contains(QLatin1String("disabled"))) {
        check.verdict = Verdict::Failed;
        check.finding = Tr::tr("The printer %1 is stopped: %2").arg(name, output);
        check.advice
            = Tr::tr("Check paper and toner, then resume the printer (cupsenable %1).").arg(name);
        return check;
    }
    check.finding = Tr::tr("%1 is ready").arg(name);
    return check;
}

QList<Check> checkCaptureDevices(bool fakeDevices)
{
    Check camera { QStringLiteral("camera"), Tr::tr("Document camera (高拍仪)"), Verdict::Ok, {},
        {} };
    Check scanner { QStringLiteral("scanner"), Tr::tr("Scanner"), Verdict::Ok, {}, {} };
    auto registry = Drivers::createDeviceRegistry();
    const QJsonObject dump = registry->toJson();
    QStringList cameras;
    QStringList scanners;
    QStringList simulated;
    for (const QJsonValue &value : dump.value(QStringLiteral("backends")).toArray()) {
        const QJsonObject backend = value.toObject();
        const QString name = backend.value(QStringLiteral("name")).toString();
        for (const QJsonValue &s : backend.value(QStringLiteral("sources")).toArray()) {
            const QString label = s.toObject().value(QStringLiteral("name")).toString();
            if (name == QLatin1String("uvc"))
                cameras << label;
            else if (name == QLatin1String("sane"))
                scanners << label;
            else
                simulated << label;
        }
    }
    if (!cameras.isEmpty()) {
        camera.finding = cameras.join(QStringLiteral(", "));
    } else if (!simulated.isEmpty() && fakeDevices) {
        camera.verdict = Verdict::Warning;
        camera.finding = Tr::tr("Only the simulated camera ([devices] fake=true)");
        camera.advice = Tr::tr("For real work plug in the document camera (USB) and remove "
                               "[devices] fake from tongban.conf.");
    } else {
        camera.verdict = Verdict::Failed;
        camera.finding = simulated.isEmpty()
            ? Tr::tr("No camera found.")
            : Tr::tr("No document camera found (only the simulator).");
        camera.advice = Tr::tr("Plug in the document camera (USB), then check "
                               "`tongban-cli devices list`.");
    }
    if (!scanners.isEmpty()) {
        scanner.finding = scanners.join(QStringLiteral(", "));
    } else {
        scanner.verdict = cameras.isEmpty() ? Verdict::Failed : Verdict::Warning;
        scanner.finding = Tr::tr("No scanner found.");
        scanner.advice = Tr::tr("Connect and switch on the scanner; SANE must see it (scanimage "
                                "-L). Without one, thick documents go on the document camera.");
    }
    return { camera, scanner };
}

QList<Check> checkAudio()
{
    Check headset { QStringLiteral("headset"), Tr::tr("Headset (video assistance)"), Verdict::Ok,
        {}, {} };
    Check microphone { QStringLiteral("microphone"), Tr::tr("Microphone (video assistance)"),
        Verdict::Ok, {}, {} };
    QStringList outputs;
    QStringList inputs;
    bool simulated = false;
    for (const Drivers::AvDevice &device : Drivers::listAvDevices()) {
        simulated = simulated || device.id.startsWith(QLatin1String("sim:"));
        if (device.kind == Drivers::AvDeviceKind::Speaker)
            outputs << device.description;
        else if (device.kind == Drivers::AvDeviceKind::Microphone)
            inputs << device.description;
    }
    const auto judge = [simulated](Check &check, const QStringList &found, const QString &none,
                           const QString &advice) {
        if (found.isEmpty()) {
            check.verdict = Verdict::Failed;
            check.finding = none;
            check.advice = advice;
        } else {
            check.finding = found.join(QStringLiteral(", "));
            if (simulated) {
                check.verdict = Verdict::Warning;
                check.advice = Tr::tr("Simulated (TONGBAN_FAKE_DEVICES=1): unset it to see the "
                                      "real devices.");
            }
        }
    };
    judge(headset, outputs, Tr::tr("No sound output found."),
        Tr::tr("Plug in the headset and check the sound settings."));
    judge(microphone, inputs, Tr::tr("No microphone found."),
        Tr::tr("Plug in the headset's microphone and allow its use in the sound settings."));
    return { headset, microphone };
}

/// The hall's file and the window's: wrong values fail, missing ones warn (issue 16).
Check checkSettings(const QString &dataDir)
{
    Check check { QStringLiteral("settings"), Tr::tr("Settings (hall and window)"), Verdict::Ok, {},
        {} };
    const App::WindowSettings settings = App::WindowSettings::load(dataDir);
    const QStringList hall = App::WindowSettings::hallFiles();
    const QString files = (hall + QStringList { App::WindowSettings::windowFile(dataDir) })
                              .join(QStringLiteral(", "));
    if (const Core::Status valid = settings.validate(); !valid) {
        check.verdict = Verdict::Failed;
        check.finding = valid.error().message;
        check.advice = Tr::tr("Correct the value in that file, then run diagnose again.");
        return check;
    }
    const QStringList missing = settings.missing();
    if (!missing.isEmpty()) {
        check.verdict = Verdict::Warning;
        check.finding = missing.join(QLatin1Char(' '));
        check.advice = hall.isEmpty()
            ? Tr::tr("No hall settings found: copy the hall's tongban.conf to %1.")
                  .arg(App::WindowSettings::expectedHallFile())
            : Tr::tr("Read from %1.").arg(files);
        return check;
    }
    check.finding = Tr::tr("Read from %1.").arg(files);
    return check;
}

} // namespace

int diagnose(const QString &dataDir, const QString &account, const CliOutput &out)
{
    // Opened first: it creates the data folder on a new installation.
    auto station = App::Workstation::open(dataDir);
    QList<Check> checks { checkSettings(dataDir), checkDisk(dataDir) };
    if (!station && station.error().code == App::WindowSettings::InvalidSetting) {
        checks.append(Check { QStringLiteral("database"), Tr::tr("Workstation database"),
            Verdict::Skipped, Tr::tr("Not opened: a setting is wrong (see Settings)."), {} });
        checks.append(checkCalendar(Core::WorkCalendar::embedded(), Core::SystemClock().today()));
        for (const auto &[id, title] :
            { std::pair { QStringLiteral("platform"), Tr::tr("Unified acceptance platform") },
                std::pair { QStringLiteral("certificate"), Tr::tr("Platform certificate") },
                std::pair { QStringLiteral("clock"), Tr::tr("Clock") },
                std::pair { QStringLiteral("audit"), Tr::tr("Audit trail") } })
            checks.append(Check { id, title, Verdict::Skipped,
                Tr::tr("Not opened: a setting is wrong (see Settings)."), {} });
    } else if (!station) {
        checks.append(Check { QStringLiteral("database"), Tr::tr("Workstation database"),
            Verdict::Failed, station.error().message,
            Tr::tr("Check that %1 exists and this account may write to it; a damaged database "
                   "must go to the project's support as it is.")
                .arg(dataDir) });
        checks.append(checkCalendar(Core::WorkCalendar::embedded(), Core::SystemClock().today()));
    } else {
        checks += checkDataAndAudit(**station);
        checks.append(checkCalendar((*station)->calendar(), (*station)->clock().today()));
        checks += checkPlatform(**station);
    }
    checks.append(checkKeychain());
    checks.append(checkPrinter(station ? (*station)->printerName() : QString(), dataDir));
    checks += checkCaptureDevices(station && (*station)->fakeDevices());
    checks += checkAudio();
    const bool platformOk = std::any_of(checks.cbegin(), checks.cend(), [](const Check &c) {
        return c.id == QLatin1String("platform") && c.verdict == Verdict::Ok;
    });
    QJsonObject measured; // the line check's figures, in --json
    checks.append(
        checkBandwidth(station ? station->get() : nullptr, platformOk, account, &measured));
    // A device the hall does not have at this window (tongban.conf [devices] absent =
    // scanner, headset, microphone) is not a failure (issue 14).
    QStringList absent
        = QSettings(QDir(dataDir).filePath(QStringLiteral("tongban.conf")), QSettings::IniFormat)
              .value(QStringLiteral("devices/absent"))
              .toStringList();
    for (QString &id : absent)
        id = id.trimmed();
    for (Check &check : checks) {
        if (!absent.contains(check.id) || check.verdict == Verdict::Ok)
            continue;
        check.verdict = Verdict::Skipped;
        check.finding = Tr::tr("Not used at this window (tongban.conf [devices] absent).");
        check.advice.clear();
    }

    QJsonArray list;
    int failed = 0;
    int warnings = 0;
    for (const Check &check : std::as_const(checks)) {
        failed += check.verdict == Verdict::Failed ? 1 : 0;
        warnings += check.verdict == Verdict::Warning ? 1 : 0;
        out.human(
            Tr::tr("[%1] %2: %3").arg(verdictText(check.verdict), check.title, check.finding));
        if (!check.advice.isEmpty() && check.verdict != Verdict::Ok)
            out.human(QStringLiteral("    → ") + check.advice);
        QJsonObject entry { { QStringLiteral("id"), check.id },
            { QStringLiteral("title"), check.title },
            { QStringLiteral("status"), verdictId(check.verdict) },
            { QStringLiteral("finding"), check.finding },
            { QStringLiteral("advice"), check.advice } };
        if (check.id == QLatin1String("bandwidth") && !measured.isEmpty())
            entry.insert(QStringLiteral("measured"), measured);
        list.append(entry);
    }
    out.human(failed == 0
            ? Tr::tr("Nothing failed (%n warning(s)).", nullptr, warnings)
            : Tr::tr("%n check(s) failed: do what the arrows say, then run diagnose again.",
                nullptr, failed));
    out.emitJson(QJsonObject { { QStringLiteral("checks"), list },
        { QStringLiteral("failed"), failed }, { QStringLiteral("warnings"), warnings } });
    return failed == 0 ? Ok : Invalid;
}

} // namespace Tongban::Cli
