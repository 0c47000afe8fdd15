// tongban-cli: the console companion for hall IT staff and scripts.
// Exit codes: 0 ok, 1 invalid input or a failed check, 2 usage (or a file that cannot be read).
#include "Commands.h"

#include <security/PersonalData.h>

#include <QCommandLineParser>
#include <QCoreApplication>

#include <Translations.h>
#include <common/Workstation.h>

using namespace Tongban;
using namespace Tongban::Cli;

namespace {
// Translated at run time (QT_TRANSLATE_NOOP keeps it in the .ts files).
const char *const kUsage = QT_TRANSLATE_NOOP("Tongban::Cli",
    "Commands:\n"
    "  calendar check YYYY-MM-DD      is the date a working day?\n"
    "  calendar add YYYY-MM-DD N      the date N working days later\n"
    "  calendar years                 the years the calendar in force covers (built-in or\n"
    "                                 from the platform), and any year missing\n"
    "  id check NUMBER                validate an identity number or credit code\n"
    "  audit verify                   check the audit trail's hash chain\n"
    "  storage check                  database integrity and every page's hash\n"
    "  catalog validate FILE          check a catalogue, listing every problem\n"
    "  catalog import FILE            validate and put a catalogue in force\n"
    "  catalog search QUERY           find items (name, code, keyword, pinyin initials)\n"
    "  catalog diff OLD NEW           what changed (files or stored version labels)\n"
    "  catalog versions               the catalogues stored here\n"
    "  outbox status                  cases waiting for the platform, by state\n"
    "  outbox flush URL ACCOUNT WINDOW  transmit now, ignoring backoff (keychain session)\n"
    "  calls report URL ACCOUNT       the platform's monthly video-assistance report:\n"
    "                                 misses, answer times, escalations, calls made\n"
    "                                 (--month YYYY-MM; password on standard input)\n"
    "  imaging detect FILE...         pages found in pictures, with quality verdicts\n"
    "  imaging process FILE...        pictures to pages: --out DIR, --pdf FILE, --dpi N,\n"
    "                                 --mode colour|grey|bw|auto\n"
    "  devices list                   document cameras and scanners this computer sees\n"
    "  setup --window ID --name NAME  this window's identity, over the hall's settings\n"
    "                                 (/etc/xdg/tongban/tongban.conf)\n"
    "  diagnose [--account NAME]      check this window: disk, database, audit trail,\n"
    "                                 platform, certificate, clock, keychain, printer,\n"
    "                                 camera, scanner, headset, microphone, settings,\n"
    "                                 line to the platform (as NAME; TONGBAN_PASSWORD)\n");

/// The language asked for on the command line (--language X or --language=X), else the
/// environment's: the translations go in before the arguments are parsed, so that help and
/// option errors speak it too (issue 14: they were English).
QString requestedLanguage(const QStringList &arguments)
{
    for (int i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--language") && i + 1 < arguments.size())
            return arguments[i + 1];
        if (arguments[i].startsWith(QLatin1String("--language=")))
            return arguments[i].mid(11);
    }
    return qEnvironmentVariable("TONGBAN_LANGUAGE");
}
} // namespace

int main(int argc, char *argv[])
{
    Security::installMaskingMessageHandler();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tongban-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TONGBAN_VERSION));

    installTranslations(requestedLanguage(app.arguments()));
    const QString usage = Tr::tr(kUsage);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Tongban Workstation console.") + QStringLiteral("\n\n") + usage);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"), Tr::tr("Machine-readable output."));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
        Tr::tr("Workstation data folder."), Tr::tr("folder"),
        App::Workstation::defaultDataDirectory());
    const QCommandLineOption languageOption(
        QStringLiteral("language"), Tr::tr("zh_CN (default) or en."), Tr::tr("language"));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
        Tr::tr("Most search results to show."), QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption outOption(
        QStringLiteral("out"), Tr::tr("Folder for the pages (imaging process)."), Tr::tr("folder"));
    const QCommandLineOption pdfOption(QStringLiteral("pdf"),
        Tr::tr("Also write the pages as one PDF (imaging process)."), Tr::tr("file"));
    const QCommandLineOption dpiOption(QStringLiteral("dpi"), Tr::tr("Page resolution (imaging)."),
        QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption modeOption(QStringLiteral("mode"),
        Tr::tr("colour, grey, bw or auto (imaging process)."), Tr::tr("mode"),
        QStringLiteral("auto"));
    const QCommandLineOption windowOption(QStringLiteral("window"),
        QStringLiteral("Window id, e.g. 410402-tb-03 (setup)."), QStringLiteral("id"));
    const QCommandLineOption nameOption(QStringLiteral("name"),
        QStringLiteral("Window name printed on notices (setup)."), QStringLiteral("name"));
    const QCommandLineOption monthOption(QStringLiteral("month"),
        Tr::tr("Month of a report, YYYY-MM (calls report)."), Tr::tr("month"));
    const QCommandLineOption accountOption(QStringLiteral("account"),
        Tr::tr("Platform account for the line check (diagnose); password in TONGBAN_PASSWORD."),
        Tr::tr("account"));
    parser.addOptions({ jsonOption, dataDirOption, languageOption, limitOption, outOption,
        pdfOption, dpiOption, modeOption, windowOption, nameOption, monthOption, accountOption });
    parser.addPositionalArgument(Tr::tr("command"), Tr::tr("See above."));
    if (!parser.parse(app.arguments())) {
        std::fprintf(stderr, "%s\n%s\n", parser.errorText().toUtf8().constData(),
            Tr::tr("tongban-cli --help lists the commands and options.").toUtf8().constData());
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Ok);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    const CliOutput out(parser.isSet(jsonOption));
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty()) {
        // No command: what there is, not "Unknown command:" followed by nothing.
        out.error(usage + QLatin1Char('\n')
            + Tr::tr("tongban-cli --help lists the commands and options."));
        return Usage;
    }
    const QString command = words.mid(0, 2).join(QLatin1Char(' '));
    const QStringList rest = words.mid(2);
    if (command == QLatin1String("calendar check"))
        return calendarCheck(rest, parser.value(dataDirOption), out);
    if (command == QLatin1String("calendar add"))
        return calendarAdd(rest, parser.value(dataDirOption), out);
    if (command == QLatin1String("calendar years") && rest.isEmpty())
        return calendarYears(parser.value(dataDirOption), out);
    if (command == QLatin1String("id check"))
        return idCheck(rest, out);
    if (command == QLatin1String("audit verify") && rest.isEmpty())
        return auditVerify(parser.value(dataDirOption), out);
    if (command == QLatin1String("storage check") && rest.isEmpty())
        return storageCheck(parser.value(dataDirOption), out);

    const QString dataDir = parser.value(dataDirOption);
    if (command == QLatin1String("catalog validate"))
        return catalogValidate(rest, out);
    if (command == QLatin1String("catalog import"))
        return catalogImport(rest, dataDir, out);
    if (command == QLatin1String("catalog search"))
        return catalogSearch(rest, dataDir, parser.value(limitOption).toInt(), out);
    if (command == QLatin1String("catalog diff"))
        return catalogDiff(rest, dataDir, out);
    if (command == QLatin1String("catalog versions") && rest.isEmpty())
        return catalogVersions(dataDir, out);
    if (command == QLatin1String("outbox status") && rest.isEmpty())
        return outboxStatus(dataDir, out);
    if (command == QLatin1String("outbox flush"))
        return outboxFlush(rest, dataDir, out);
    if (command == QLatin1String("calls report"))
        return callsReport(rest, parser.value(monthOption), out);

    if (command == QLatin1String("imaging detect") || command == QLatin1String("imaging process")) {
        ImagingOptions imaging;
        imaging.outDir = parser.value(outOption);
        imaging.pdfPath = parser.value(pdfOption);
        bool dpiOk = false;
        imaging.dpi = parser.value(dpiOption).toInt(&dpiOk);
        imaging.mode = parser.value(modeOption);
        if (!dpiOk)
            imaging.dpi = 0; // refused with the command's usage
        return command.endsWith(QLatin1String("detect")) ? imagingDetect(rest, imaging, out)
                                                         : imagingProcess(rest, imaging, out);
    }
    if (command == QLatin1String("devices list") && rest.isEmpty())
        return devicesList(out);
    if (command == QLatin1String("setup") && rest.isEmpty())
        return setup(parser.value(windowOption), parser.value(nameOption), dataDir, out);
    if (command == QLatin1String("diagnose") && rest.isEmpty())
        return diagnose(dataDir, parser.value(accountOption), out);

    out.error(Tr::tr("Unknown command: %1").arg(words.join(QLatin1Char(' '))));
    out.error(usage);
    return Usage;
}
