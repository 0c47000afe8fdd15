#include "AuditPage.h"

#include "shell/EmptyState.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include <common/Workstation.h>

namespace Tongban::Gui {

namespace {
constexpr int kShownRecords = 500;

/// What an audit action means, in the clerk's words (issue 14: raw codes on screen); the
/// code itself stays in the cell's tooltip for IT.
QString actionName(const QString &code)
{
    if (code == QLatin1String("app.start"))
        return AuditPage::tr("Application started");
    if (code == QLatin1String("app.quit"))
        return AuditPage::tr("Application closed");
    if (code == QLatin1String("calendar.recompute"))
        return AuditPage::tr("Deadlines recomputed with a new calendar");
    if (code == QLatin1String("calendar.sync"))
        return AuditPage::tr("Working-day calendar updated");
    if (code == QLatin1String("call.accept"))
        return AuditPage::tr("Video call answered");
    if (code == QLatin1String("call.accepted"))
        return AuditPage::tr("Video call answered by the other window");
    if (code == QLatin1String("call.answer"))
        return AuditPage::tr("Video call answered");
    if (code == QLatin1String("call.cancel"))
        return AuditPage::tr("Video call cancelled");
    if (code == QLatin1String("call.cancelled"))
        return AuditPage::tr("Video call cancelled by the caller");
    if (code == QLatin1String("call.decline"))
        return AuditPage::tr("Video call declined");
    if (code == QLatin1String("call.end"))
        return AuditPage::tr("Video call ended");
    if (code == QLatin1String("call.ended"))
        return AuditPage::tr("Video call ended by the other window");
    if (code == QLatin1String("call.hangup"))
        return AuditPage::tr("Video call hung up");
    if (code == QLatin1String("call.ice"))
        return AuditPage::tr("Video call connection");
    if (code == QLatin1String("call.invite"))
        return AuditPage::tr("Video call placed");
    if (code == QLatin1String("call.invited"))
        return AuditPage::tr("Video call received");
    if (code == QLatin1String("call.media"))
        return AuditPage::tr("Video call picture and sound");
    if (code == QLatin1String("call.missed"))
        return AuditPage::tr("Video call missed");
    if (code == QLatin1String("call.offer"))
        return AuditPage::tr("Video call connection offered");
    if (code == QLatin1String("call.ringing"))
        return AuditPage::tr("Video call ringing");
    if (code == QLatin1String("call.taken"))
        return AuditPage::tr("Video call taken by another window");
    if (code == QLatin1String("case.abandon"))
        return AuditPage::tr("Case cancelled");
    if (code == QLatin1String("case.awaitCorrection"))
        return AuditPage::tr("Case awaiting correction");
    if (code == QLatin1String("case.complete"))
        return AuditPage::tr("Case complete");
    if (code == QLatin1String("case.create"))
        return AuditPage::tr("Case started");
    if (code == QLatin1String("case.facts"))
        return AuditPage::tr("Answers to the questions changed");
    if (code == QLatin1String("case.handover"))
        return AuditPage::tr("Applicant details recorded");
    if (code == QLatin1String("case.numbered"))
        return AuditPage::tr("Official case number received");
    if (code == QLatin1String("case.parties"))
        return AuditPage::tr("Applicant or agent changed");
    if (code == QLatin1String("case.reopen"))
        return AuditPage::tr("Case reopened for correction");
    if (code == QLatin1String("case.resume"))
        return AuditPage::tr("Case reopened after a restart");
    if (code == QLatin1String("case.unlock"))
        return AuditPage::tr("Unlocked by a supervisor");
    if (code == QLatin1String("catalog.import"))
        return AuditPage::tr("Catalogue imported");
    if (code == QLatin1String("catalog.sync"))
        return AuditPage::tr("Catalogue updated from the platform");
    if (code == QLatin1String("guide.report"))
        return AuditPage::tr("Guide error reported");
    if (code == QLatin1String("mailing.due"))
        return AuditPage::tr("Mailing deadline set");
    if (code == QLatin1String("mailing.received"))
        return AuditPage::tr("Originals received by the home department");
    if (code == QLatin1String("mailing.sent"))
        return AuditPage::tr("Originals mailed");
    if (code == QLatin1String("mailing.task"))
        return AuditPage::tr("Mailing task created");
    if (code == QLatin1String("material.absent"))
        return AuditPage::tr("Material not brought");
    if (code == QLatin1String("material.commitment"))
        return AuditPage::tr("Commitment recorded");
    if (code == QLatin1String("material.original"))
        return AuditPage::tr("Original verified");
    if (code == QLatin1String("material.tolerated"))
        return AuditPage::tr("Tolerated absence");
    if (code == QLatin1String("notice.issue"))
        return AuditPage::tr("Notice issued");
    if (code == QLatin1String("notice.print"))
        return AuditPage::tr("Notice printed");
    if (code == QLatin1String("notice.reprint"))
        return AuditPage::tr("Notice reprinted (补打)");
    if (code == QLatin1String("notice.reprint.copy"))
        return AuditPage::tr("Reprint copy made");
    if (code == QLatin1String("outbox.retry"))
        return AuditPage::tr("Case sent again");
    if (code == QLatin1String("page.remove"))
        return AuditPage::tr("Page deleted");
    if (code == QLatin1String("page.reorder"))
        return AuditPage::tr("Pages reordered");
    if (code == QLatin1String("page.rotate"))
        return AuditPage::tr("Page turned");
    if (code == QLatin1String("page.save"))
        return AuditPage::tr("Page captured");
    if (code == QLatin1String("result.issued"))
        return AuditPage::tr("Result received from the platform");
    if (code == QLatin1String("result.print"))
        return AuditPage::tr("Result printed for the applicant");
    if (code == QLatin1String("review.mark"))
        return AuditPage::tr("Review point marked");
    if (code == QLatin1String("serial.block"))
        return AuditPage::tr("Notice numbers received");
    if (code == QLatin1String("session.ended"))
        return AuditPage::tr("Session ended");
    if (code == QLatin1String("session.lock"))
        return AuditPage::tr("Window locked");
    if (code == QLatin1String("session.replace"))
        return AuditPage::tr("Signed in, ending the session at another window");
    if (code == QLatin1String("session.replaced"))
        return AuditPage::tr("Signed in at another window");
    if (code == QLatin1String("session.signIn"))
        return AuditPage::tr("Signed in");
    if (code == QLatin1String("session.signOut"))
        return AuditPage::tr("Signed out");
    if (code == QLatin1String("session.unlock"))
        return AuditPage::tr("Window unlocked");
    return code;
}

QString resultName(const QString &result)
{
    if (result == QLatin1String("ok"))
        return AuditPage::tr("Done");
    if (result == QLatin1String("denied"))
        return AuditPage::tr("Refused");
    if (result == QLatin1String("failed"))
        return AuditPage::tr("Failed");
    if (result == QLatin1String("error"))
        return AuditPage::tr("Failed");
    return result;
}

} // namespace

AuditPage::AuditPage(App::Workstation &station, QWidget *parent)
    : QWidget(parent)
    , m_station(station)
{
    setObjectName(QStringLiteral("auditPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(12);

    auto *title = new QLabel(tr("Audit trail"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    layout->addWidget(title);
    auto *intro = new QLabel(tr("Every act on this workstation is recorded here, attributed to "
                                "a clerk and chained so that a changed or removed record is "
                                "detected. Records are kept at least 180 days."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *actions = new QHBoxLayout;
    auto *verifyButton = new QPushButton(tr("&Check the chain"), this);
    verifyButton->setObjectName(QStringLiteral("verifyButton"));
    connect(verifyButton, &QPushButton::clicked, this, &AuditPage::verifyChain);
    actions->addWidget(verifyButton);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setWordWrap(true);
    actions->addWidget(m_verdict, 1);
    layout->addLayout(actions);

    m_table = new QTableWidget(this);
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels(
        { tr("Time"), tr("Clerk"), tr("Window"), tr("Action"), tr("Object"), tr("Result") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    setEmptyText(m_table, tr("No record yet."));
    layout->addWidget(m_table, 1);

    refresh();
}

void AuditPage::refresh()
{
    const QList<Security::AuditRecord> records = m_station.audit().recent(kShownRecords);
    m_table->setRowCount(int(records.size()));
    for (int row = 0; row < records.size(); ++row) {
        const Security::AuditRecord &record = records.at(row);
        // China Standard Time, as every other time on screen, whatever the machine's zone.
        const QStringList cells
            = { record.at.toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai")))
                      .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                  record.clerk, record.window, actionName(record.action), record.object,
                  resultName(record.result) };
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        m_table->item(row, 3)->setData(Qt::UserRole, record.action);
        m_table->item(row, 3)->setToolTip(record.action);
        m_table->item(row, 5)->setToolTip(record.result);
    }
    m_table->resizeColumnsToContents();
}

void AuditPage::verifyChain()
{
    const auto report = m_station.audit().verify();
    if (!report) {
        m_verdict->setText(tr("The check could not run: %1").arg(report.error().message));
        m_verdict->setProperty("state", QStringLiteral("bad"));
    } else if (report->ok) {
        m_verdict->setText(
            tr("Chain intact: %n record(s) checked.", nullptr, int(report->recordsChecked)));
        m_verdict->setProperty("state", QStringLiteral("good"));
    } else {
        QStringList lines;
        for (const auto &problem : report->problems)
            lines << tr("record %1: %2").arg(problem.id).arg(problem.detail);
        m_verdict->setText(tr("Tampering detected. Do not use this workstation for cases and "
                              "call your supervisor.\n%1")
                               .arg(lines.mid(0, 5).join(QLatin1Char('\n'))));
        m_verdict->setProperty("state", QStringLiteral("bad"));
    }
    // Re-polish so that the style sheet picks up the new state.
    m_verdict->style()->unpolish(m_verdict);
    m_verdict->style()->polish(m_verdict);
}

} // namespace Tongban::Gui
