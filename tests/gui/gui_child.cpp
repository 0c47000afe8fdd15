// A workstation GUI that works through a case step by step, for tst_crashreturn.
//
//   tongban_gui_child DATA_DIR run [STOP_AFTER]
//       signs in the demo clerk, resumes or starts the case, and performs the
//       journey's steps through the real widgets; after each step (saved by
//       then) prints "step N <summary>". With STOP_AFTER it stops after that
//       step, prints "ready" and waits to be killed.
//   tongban_gui_child DATA_DIR report
//       starts as the application does after a crash and prints
//       "report <summary>" of the screen, material and case it returned to.
//
// <summary> is one line of JSON: screen, material, applicant name and
// identity number as typed, verdicts marked, pages stored.
#include "cases/CaseController.h"
#include "cases/ChecklistPage.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QBuffer>
#include <QImage>
#include <QInputMethodEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QMetaEnum>
#include <QPainter>
#include <QPushButton>
#include <QTest>

#include <Translations.h>
#include <common/Workstation.h>
#include <cstdio>
#include <functional>

using namespace Tongban;

namespace {

const Gui::Clerk kClerk { QStringLiteral("xh-tb-03-wangli"), QStringLiteral("王丽"),
    QStringLiteral("application") };

QByteArray pageJpeg(int n)
{
    QImage image(620, 877, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.drawText(40, 60, QStringLiteral("page %1").arg(n));
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 80);
    return bytes;
}

QString summary(Gui::MainWindow &window)
{
    QJsonObject s;
    s.insert(QStringLiteral("screen"),
        QString::fromLatin1(QMetaEnum::fromType<Gui::MainWindow::Screen>().valueToKey(
            int(window.currentScreen()))));
    Gui::CaseController &cases = window.cases();
    if (cases.hasCase()) {
        const Intake::CaseDraft &d = cases.draft();
        auto *checklist = qobject_cast<Gui::ChecklistPage *>(
            window.screenWidget(Gui::MainWindow::Screen::Checklist));
        s.insert(QStringLiteral("material"),
            window.currentScreen() == Gui::MainWindow::Screen::Checklist
                ? checklist->currentMaterial()
                : QString());
        s.insert(QStringLiteral("name"), d.applicant.name);
        s.insert(QStringLiteral("id"), d.applicant.idNumber);
        int passes = 0, pages = 0, verified = 0;
        for (const Intake::MaterialState &m : d.materials) {
            pages += int(m.pages.size());
            verified += m.originalVerified;
            for (const Intake::ReviewVerdict &v : m.verdicts)
                passes += v.verdict == Intake::ReviewVerdict::Verdict::Pass;
        }
        s.insert(QStringLiteral("passes"), passes);
        s.insert(QStringLiteral("pages"), pages);
        s.insert(QStringLiteral("verified"), verified);
    }
    return QString::fromUtf8(QJsonDocument(s).toJson(QJsonDocument::Compact));
}

template<typename T>
T *find(QWidget *root, const QString &name)
{
    T *w = root->findChild<T *>(name);
    if (!w)
        qFatal("widget %s not found", qPrintable(name));
    return w;
}

/// The journey, one saved act per step.
QList<std::function<void()>> steps(Gui::MainWindow &window)
{
    QList<std::function<void()>> list;
    QWidget *newCase = window.screenWidget(Gui::MainWindow::Screen::NewCase);
    auto *checklist = qobject_cast<Gui::ChecklistPage *>(
        window.screenWidget(Gui::MainWindow::Screen::Checklist));
    list << [&window, newCase] {
        window.showScreen(Gui::MainWindow::Screen::NewCase);
        QTest::keyClicks(
            find<QLineEdit>(newCase, QStringLiteral("itemSearch")), QStringLiteral("gtgsh"));
        find<QListWidget>(newCase, QStringLiteral("itemResults"))->setCurrentRow(0);
        QTest::mouseClick(find<QPushButton>(newCase, QStringLiteral("startCase")), Qt::LeftButton);
    };
    for (QChar c : QStringLiteral("张三"))
        list << [newCase, c] {
            // Chinese arrives from the input method as a committed string.
            QLineEdit *edit = find<QLineEdit>(newCase, QStringLiteral("applicantName"));
            edit->setFocus();
            QInputMethodEvent commit;
            commit.setCommitString(QString(c));
            QApplication::sendEvent(edit, &commit);
        };
    for (QChar c : QStringLiteral("11010519491231002X"))
        list << [newCase, c] {
            QTest::keyClicks(find<QLineEdit>(newCase, QStringLiteral("applicantId")), QString(c));
        };
    list << [newCase] {
        QTest::mouseClick(
            find<QPushButton>(newCase, QStringLiteral("toChecklist")), Qt::LeftButton);
    };
    for (int material = 0; material < 4; ++material) {
        if (material > 0) {
            list << [checklist] {
                QTest::mouseClick(
                    find<QPushButton>(checklist, QStringLiteral("nextMaterial")), Qt::LeftButton);
            };
        }
        list << [&window, checklist, material] {
            window.cases().addPage(checklist->currentMaterial(), pageJpeg(material));
        };
        for (int point = 0; point < 3; ++point) {
            list << [checklist, point] {
                // The first three review points of the material shown, by their Met buttons.
                QList<QPushButton *> passes;
                for (QPushButton *b :
                    checklist->findChildren<QPushButton *>(QStringLiteral("pass"))) {
                    if (b->isVisible())
                        passes << b;
                }
                if (point < passes.size())
                    QTest::mouseClick(passes[point], Qt::LeftButton);
            };
        }
    }
    list << [checklist] {
        QTest::mouseClick(
            find<QPushButton>(checklist, QStringLiteral("toDecision")), Qt::LeftButton);
    };
    return list;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: tongban_gui_child DATA_DIR run|report [STOP_AFTER]\n");
        return 2;
    }
    installTranslations(QStringLiteral("zh_CN"));
    auto station = App::Workstation::open(QString::fromLocal8Bit(argv[1]));
    if (!station) {
        std::fprintf(stderr, "%s\n", qPrintable(station.error().toString()));
        return 1;
    }
    Gui::MainWindow window(**station);
    window.resize(1366, 768);
    window.show();
    // Offscreen exposure is immediate unless the machine is very busy; a start
    // slowed by a loaded machine is not the failure this child reports.
    if (!QTest::qWaitForWindowExposed(&window, 60000)) {
        std::fprintf(stderr, "the main window was not exposed within 60 s\n");
        return 1;
    }
    window.adoptClerk(kClerk);
    QApplication::processEvents();
    const QByteArray mode = argv[2];
    if (mode == "report") {
        std::printf("report %s\n", summary(window).toUtf8().constData());
        return 0;
    }
    const int stopAfter = argc > 3 ? std::atoi(argv[3]) : -1;
    // A resumed case continues after the steps already done.
    const QList<std::function<void()>> journey = steps(window);
    for (int i = 0; i < journey.size(); ++i) {
        journey[i]();
        QApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        std::printf("step %d %s\n", i + 1, summary(window).toUtf8().constData());
        std::fflush(stdout);
        if (i + 1 == stopAfter) {
            std::printf("ready\n");
            std::fflush(stdout);
            return app.exec();
        }
    }
    std::printf("done\n");
    return 0;
}
