// An application window that calls a home window about a page, for tst_callmarksrestart.
//
//   tongban_callmarks_child DATA_DIR ACCOUNT PASSWORD ITEM
//       opens the workstation in DATA_DIR (its tongban.conf names the window and the
//       platform), signs ACCOUNT in through the real main window, starts a case of ITEM with
//       one captured page on its first material, and presses 呼叫 on the call screen with that
//       page to show. Prints "calling <pageId>" and runs until it is killed; on a failure it
//       prints "failed <why>" and exits 1.
#include "CallMarksFixture.h"
#include "assist/CallPage.h"
#include "cases/CaseController.h"
#include "shell/MainWindow.h"

#include <catalog/Catalog.h>
#include <platform/ResultFeed.h>

#include <QApplication>
#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QPushButton>
#include <QTest>

#include <Translations.h>
#include <common/PlatformLink.h>
#include <common/Workstation.h>
#include <cstdio>

using namespace Tongban;
using namespace CallMarksFixture;

namespace {

int fail(const char *why)
{
    std::printf("failed %s\n", why);
    std::fflush(stdout);
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc < 5)
        return fail("usage: DATA_DIR ACCOUNT PASSWORD ITEM");
    installTranslations(QStringLiteral("zh_CN"));
    auto station = App::Workstation::open(QString::fromLocal8Bit(argv[1]));
    if (!station)
        return fail(qPrintable(station.error().toString()));
    App::PlatformLink platform(**station);
    Gui::MainWindow window(**station, &platform);
    window.resize(1366, 768);
    window.show();
    window.signIn(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    if (!QTest::qWaitFor([&] { return window.isSignedIn(); }, 30000))
        return fail("not signed in");
    if (!QTest::qWaitFor(
            [&] { return platform.results()->state() == Platform::ResultFeed::State::Live; },
            30000))
        return fail("events socket not live");
    Gui::CaseController &cases = window.cases();
    if (!cases.start(QString::fromLocal8Bit(argv[4])) || !cases.item()
        || cases.item()->materials.isEmpty())
        return fail("no case");
    const QString material = cases.item()->materials.first().id;
    if (!cases.addPage(material, pageJpeg()))
        return fail("no page");
    QString pageId;
    for (const Intake::MaterialState &state : cases.draft().materials) {
        if (state.materialId == material && !state.pages.isEmpty())
            pageId = state.pages.last().pageId;
    }
    auto *call
        = qobject_cast<Gui::CallPage *>(window.screenWidget(Gui::MainWindow::Screen::Assistance));
    if (!call || pageId.isEmpty())
        return fail("no call screen");
    window.showScreen(Gui::MainWindow::Screen::Assistance);
    call->prepareCall(material, pageId);
    auto *button = call->findChild<QPushButton *>(QStringLiteral("callButton"));
    if (!button || !QTest::qWaitFor([&] { return button->isEnabled(); }, 10000))
        return fail("call button not enabled");
    QTest::mouseClick(button, Qt::LeftButton);
    std::printf("calling %s\n", qPrintable(pageId));
    std::fflush(stdout);
    return app.exec();
}
