// tongban: the workstation GUI. Composition only: open the workstation's
// data, install translations, show the shell.
#include "setup/SetupAssistant.h"
#include "shell/MainWindow.h"

#include <security/PersonalData.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QScreen>
#include <QTimer>

#include <Translations.h>
#include <common/PlatformLink.h>
#include <common/Workstation.h>
#include <cstdio>

using namespace Tongban;

namespace {
/*!
 * --report-ready (start-up benchmark, tests/bench/bench_startup.cpp): prints
 * "ready <ms since main()>" on stdout once the first widget of the shown window has
 * been painted and the event loop has turned once more, then quits.
 */
class ReadyReporter : public QObject
{
public:
    explicit ReadyReporter(const QElapsedTimer &sinceMain)
        : m_sinceMain(sinceMain)
    { }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            QTimer::singleShot(0, this, [this] {
                std::printf("ready %lld\n", static_cast<long long>(m_sinceMain.elapsed()));
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_sinceMain;
    bool m_painted = false;
};

/// The command line of the window (built after the translations are in).
struct CommandLine
{
    QCommandLineParser parser;
    const QCommandLineOption dataDirOption { QStringLiteral("data-dir"),
        QObject::tr("Workstation data folder."), QObject::tr("folder"),
        App::Workstation::defaultDataDirectory() };
    const QCommandLineOption languageOption { QStringLiteral("language"),
        QObject::tr("zh_CN (default) or en."), QObject::tr("language") };
    const QCommandLineOption screenshotOption { QStringLiteral("screenshot"),
        QObject::tr("Save a PNG of the window (each screen when the name contains %1) and quit."),
        QObject::tr("file") };
    const QCommandLineOption reportReadyOption { QStringLiteral("report-ready"),
        QObject::tr("Print \"ready <ms since start>\" once the first screen is painted, then "
                    "quit (start-up benchmark).") };

    CommandLine()
    {
        parser.setApplicationDescription(QObject::tr("Tongban Workstation"));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({ dataDirOption, languageOption, screenshotOption, reportReadyOption });
    }
};

void setNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("tongban"));
    QCoreApplication::setOrganizationName(QStringLiteral("Tongban"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TONGBAN_VERSION));
}

/// --language X, --language=X, else the environment's (the configured one needs the data).
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

/// Help, version or a mistyped option: answered on the terminal, without a display.
bool answersWithoutDisplay(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "-?" || arg == "--help-all" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
}
} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    Security::installMaskingMessageHandler();
    if (answersWithoutDisplay(argc, argv)) {
        // tongban --help on a terminal without X aborted in QApplication (issue 14).
        QCoreApplication console(argc, argv);
        setNames();
        installTranslations(requestedLanguage(console.arguments()));
        CommandLine commandLine;
        commandLine.parser.process(console); // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    setNames();
    // Installed once: a second, different language would fall back to the first one's strings.
    const QString requested = requestedLanguage(app.arguments());
    if (!requested.isEmpty())
        installTranslations(requested);
    CommandLine commandLine;
    QCommandLineParser &parser = commandLine.parser;
    const QCommandLineOption &dataDirOption = commandLine.dataDirOption;
    const QCommandLineOption &screenshotOption = commandLine.screenshotOption;
    const QCommandLineOption &reportReadyOption = commandLine.reportReadyOption;
    parser.process(app);

    auto station = App::Workstation::open(parser.value(dataDirOption));
    if (requested.isEmpty())
        installTranslations(station ? (*station)->configuredLanguage() : QString());

    if (!station) // again, for its message in the language now installed (a wrong setting)
        station = App::Workstation::open(parser.value(dataDirOption));
    if (!station) {
        QMessageBox::critical(nullptr, QObject::tr("Tongban Workstation"),
            station.error().message + QStringLiteral("\n\n") + station.error().detail);
        return 1;
    }
    QFile style(QStringLiteral(":/tongban/ui/style/tongban.qss"));
    if (style.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(style.readAll()));
    app.setWindowIcon(QIcon(QStringLiteral(":/tongban/ui/icons/tongban.svg")));

    // First start of a window without an identity: the first-run assistant (issue 16), for
    // an administrator; then the workstation opens again with what it wrote.
    if (!parser.isSet(reportReadyOption) && !parser.isSet(screenshotOption)
        && Gui::SetupAssistant::needsSetup((*station)->dataDirectory())) {
        Gui::SetupAssistant assistant((*station)->dataDirectory(), (*station)->fakeDevices());
        if (assistant.exec() == QDialog::Accepted) {
            (*station)->auditSystem(QStringLiteral("window.setup"), QStringLiteral("ok"),
                QStringLiteral("written %1").arg(assistant.writtenFile()));
            station->reset();
            station = App::Workstation::open(parser.value(dataDirOption));
            if (!station) {
                QMessageBox::critical(nullptr, QObject::tr("Tongban Workstation"),
                    station.error().message + QStringLiteral("\n\n") + station.error().detail);
                return 1;
            }
        }
    }
    App::Workstation &workstation = **station;
    workstation.auditSystem(QStringLiteral("app.start"), QStringLiteral("ok"),
        QStringLiteral("version %1").arg(QStringLiteral(TONGBAN_VERSION)));

    App::PlatformLink platform(workstation);
    Gui::MainWindow window(workstation, &platform);
    const QSize available = app.primaryScreen()->availableSize();
    window.resize(available.boundedTo(QSize(1366, 768)));
    ReadyReporter readyReporter(sinceMain);
    if (parser.isSet(reportReadyOption))
        app.installEventFilter(&readyReporter);
    window.show();

    if (parser.isSet(screenshotOption)) {
        const QString target = parser.value(screenshotOption);
        QTimer::singleShot(400, &window, [&window, &app, target] {
            const auto grabScreen = [&](Gui::MainWindow::Screen screen, const QString &file) {
                window.showScreen(screen);
                QApplication::processEvents();
                window.grab().save(file);
            };
            if (target.contains(QLatin1String("%1"))) {
                for (int s = 0; s <= int(Gui::MainWindow::Screen::Audit); ++s)
                    grabScreen(Gui::MainWindow::Screen(s), target.arg(s));
            } else {
                grabScreen(Gui::MainWindow::Screen::Today, target);
            }
            app.quit();
        });
    }

    const int code = app.exec();
    workstation.auditSystem(QStringLiteral("app.quit"), QStringLiteral("ok"));
    return code;
}
