#include "AuditPage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <common/Workstation.h>

namespace Tongban::Gui {

namespace {
constexpr int kShownRecords = 500;
}

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
    layout->addWidget(m_table, 1);

    refresh();
}

void AuditPage::refresh()
{
    const QList<Security::AuditRecord> records = m_station.audit().recent(kShownRecords);
    m_table->setRowCount(int(records.size()));
    for (int row = 0; row < records.size(); ++row) {
        const Security::AuditRecord &record = records.at(row);
        const QStringList cells
            = { record.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                  record.clerk, record.window, record.action, record.object, record.result };
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
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
