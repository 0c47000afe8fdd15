#include "MainWindow.h"

#include "audit/AuditPage.h"
#include "guides/GuidesPage.h"
#include "shell/NotBuiltPage.h"
#include "today/TodayPage.h"

#include <core/WorkCalendar.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#include <common/Workstation.h>

namespace Tongban::Gui {

MainWindow::MainWindow(App::Workstation &station, QWidget *parent)
    : QMainWindow(parent)
    , m_station(station)
{
    setWindowTitle(tr("Tongban Workstation"));
    setMinimumSize(1024, 640);

    auto *central = new QWidget(this);
    auto *rows = new QVBoxLayout(central);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(0);

    // Header: product, window, clerk.
    auto *header = new QWidget(central);
    header->setObjectName(QStringLiteral("header"));
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(20, 10, 20, 10);
    auto *product = new QLabel(tr("Tongban Workstation"), header);
    product->setObjectName(QStringLiteral("productName"));
    headerLayout->addWidget(product);
    headerLayout->addStretch();
    const QString windowName = station.windowName().isEmpty()
        ? tr("Demo window (%1)").arg(station.windowId())
        : station.windowName();
    auto *windowLabel = new QLabel(tr("Window: %1").arg(windowName), header);
    windowLabel->setObjectName(QStringLiteral("headerInfo"));
    headerLayout->addWidget(windowLabel);
    auto *clerkLabel = new QLabel(tr("Clerk: not signed in (sign-in not built yet)"), header);
    clerkLabel->setObjectName(QStringLiteral("headerInfo"));
    headerLayout->addSpacing(24);
    headerLayout->addWidget(clerkLabel);
    rows->addWidget(header);

    auto *body = new QHBoxLayout;
    body->setSpacing(0);
    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFixedWidth(200);
    body->addWidget(m_navigation);
    m_stack = new QStackedWidget(central);
    body->addWidget(m_stack, 1);
    rows->addLayout(body, 1);
    setCentralWidget(central);

    m_today = new TodayPage(station, Core::WorkCalendar::embedded(), m_stack);
    addScreen(Screen::Today, tr("Today"), m_today);
    addScreen(Screen::NewCase, tr("New case"),
        new NotBuiltPage(tr("New case"),
            tr("Start a case for an applicant: find the service item, read "
               "its unified guide, enter the applicant and answer the "
               "questions that decide which materials apply."),
            { tr("Search items by name, code, keyword or pinyin initials"),
                tr("Check identity numbers and credit codes as they are typed"),
                tr("Save the case from the first keystroke") },
            m_stack));
    addScreen(Screen::Guides, tr("Unified guides"), new GuidesPage(station, m_stack));
    addScreen(Screen::Checklist, tr("Material checking"),
        new NotBuiltPage(tr("Material checking"),
            tr("Check each material against its review points, with the "
               "annotated sample beside the live document camera view."),
            { tr("Capture pages automatically when the paper is still"),
                tr("Mark each review point passed or failed with a standard "
                   "reason"),
                tr("Record tolerated absences with the applicant's commitment") },
            m_stack));
    addScreen(Screen::Notices, tr("Notices and receipts"),
        new NotBuiltPage(tr("Notices and receipts"),
            tr("Print the one-time notice listing every deficiency, or the "
               "receipt when the materials are complete."),
            { tr("Numbered per window, with a QR code"),
                tr("Reprints marked as such and recorded") },
            m_stack));
    addScreen(Screen::Outbox, tr("Outbox"),
        new NotBuiltPage(tr("Outbox"),
            tr("Send complete cases to the unified acceptance platform, "
               "resuming by itself when the network fails."),
            { tr("Progress and failures of every upload"),
                tr("Mailing tasks for paper originals, with their deadlines") },
            m_stack));
    addScreen(Screen::Assistance, tr("Video assistance"),
        new NotBuiltPage(tr("Video assistance"),
            tr("Call the home window of the item about a material, show "
               "the captured page and let the home clerk point at it."),
            { tr("Missed calls reminded by SMS and counted"),
                tr("Calls recorded and kept six months") },
            m_stack));
    m_audit = new AuditPage(station, m_stack);
    addScreen(Screen::Audit, tr("Audit trail"), m_audit);

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        m_stack->setCurrentIndex(row);
        if (row == int(Screen::Today))
            m_today->refresh();
        else if (row == int(Screen::Audit))
            m_audit->refresh();
    });
    for (int i = 0; i < m_navigation->count(); ++i) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        connect(
            shortcut, &QShortcut::activated, this, [this, i] { m_navigation->setCurrentRow(i); });
    }
    m_navigation->setCurrentRow(0);

    const auto &calendar = Core::WorkCalendar::embedded();
    const QList<int> years = calendar.years();
    statusBar()->showMessage(
        tr("Data: %1    Calendar: %2-%3    Platform: not connected (not built yet)")
            .arg(station.dataDirectory())
            .arg(years.isEmpty() ? 0 : years.first())
            .arg(years.isEmpty() ? 0 : years.last()));
}

void MainWindow::addScreen(Screen screen, const QString &label, QWidget *widget)
{
    Q_ASSERT(m_stack->count() == int(screen));
    auto *item = new QListWidgetItem(label, m_navigation);
    item->setToolTip(tr("Ctrl+%1").arg(int(screen) + 1));
    widget->setProperty("screen", int(screen));
    m_stack->addWidget(widget);
}

void MainWindow::showScreen(Screen screen)
{
    m_navigation->setCurrentRow(int(screen));
}

MainWindow::Screen MainWindow::currentScreen() const
{
    return Screen(m_stack->currentIndex());
}

QWidget *MainWindow::screenWidget(Screen screen) const
{
    return m_stack->widget(int(screen));
}

} // namespace Tongban::Gui
