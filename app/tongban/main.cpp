// tongban: the workstation GUI. Composition only: open the workstation's
// data, install translations, show the shell.
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
} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    Security::installMaskingMessageHandler();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("tongban"));
    QApplication::setOrganizationName(QStringLiteral("Tongban"));
    QApplication::setApplicationVersion(QStringLiteral(TONGBAN_VERSION));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
        QStringLiteral("Workstation data folder."), QStringLiteral("folder"),
        App::Workstation::defaultDataDirectory());
    const QCommandLineOption languageOption(QStringLiteral("language"),
        QStringLiteral("zh_CN (default) or en."), QStringLiteral("language"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QStringLiteral("Save a PNG of the window (each screen when the name contains %1) "
                       "and quit."),
        QStringLiteral("file"));
    const QCommandLineOption reportReadyOption(QStringLiteral("report-ready"),
        QStringLiteral("Print \"ready <ms since start>\" once the first screen is painted, "
                       "then quit (start-up benchmark)."));
    parser.addOptions({ dataDirOption, languageOption, screenshotOption, reportReadyOption });
    parser.process(app);

    auto station = App::Workstation::open(parser.value(dataDirOption));
    QString language = parser.value(languageOption);
    if (language.isEmpty())
        language = qEnvironmentVariable("TONGBAN_LANGUAGE");
    if (language.isEmpty() && station)
        language = (*station)->configuredLanguage();
    installTranslations(language);

    if (!station) // again, for its message in the language now installed (a wrong setting)
        station = App::Workstation::open(parser.value(dataDirOption));
    if (!station) {
        QMessageBox::critical(nullptr, QObject::tr("Tongban Workstation"),
            station.error().message + QStringLiteral("\n\n") + station.error().detail);
        return 1;
    }
    App::Workstation &workstation = **station;
    workstation.auditSystem(QStringLiteral("app.start"), QStringLiteral("ok"),
        QStringLiteral("version %1").arg(QStringLiteral(TONGBAN_VERSION)));

    QFile style(QStringLiteral(":/tongban/ui/style/tongban.qss"));
    if (style.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(style.readAll()));
    app.setWindowIcon(QIcon(QStringLiteral(":/tongban/ui/icons/tongban.svg")));

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
