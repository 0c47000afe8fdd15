#include "DecisionPage.h"

#include "CaseController.h"
#include "RatingDialog.h"
#include "ResultDeliveryBox.h"
#include "shell/EmptyState.h"
#include "shell/PlatformStatus.h"

#include <intake/CaseManifest.h>
#include <notices/NoticePrinter.h>
#include <notices/NoticeRenderer.h>

#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

#include <common/Workstation.h>

namespace Tongban::Gui {

using Intake::CaseDraft;
using Intake::MaterialStatus;

DecisionPage::DecisionPage(App::Workstation &station, CaseController &cases, QWidget *parent)
    : QWidget(parent)
    , m_station(station)
    , m_cases(cases)
{
    setObjectName(QStringLiteral("decisionPage"));
    m_printerName = station.printerName();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    auto *title = new QLabel(tr("Decision and notices"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    layout->addWidget(title);
    m_caseLine = new QLabel(this);
    m_caseLine->setObjectName(QStringLiteral("fieldName"));
    layout->addWidget(m_caseLine);

    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("decisionTable"));
    m_table->setHorizontalHeaderLabels(
        { tr("Material"), tr("Result"), tr("Pages"), tr("What the applicant must do") });
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setWordWrap(true);
    setEmptyText(m_table, tr("No case in hand: start one on New case."));
    layout->addWidget(m_table, 1);

    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setWordWrap(true);
    layout->addWidget(m_verdict);
    m_delivery = new ResultDeliveryBox(m_cases, this);
    layout->addWidget(m_delivery);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);
    m_issued = new QLabel(this);
    m_issued->setObjectName(QStringLiteral("fieldName"));
    m_issued->setWordWrap(true);
    m_issued->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_issued);

    auto *buttons = new QHBoxLayout;
    m_back = new QPushButton(tr("Back to the checklist"), this);
    m_back->setObjectName(QStringLiteral("secondary"));
    buttons->addWidget(m_back);
    m_preview = new QPushButton(tr("Preview"), this);
    m_preview->setObjectName(QStringLiteral("previewNotice"));
    m_preview->setProperty("secondary", true);
    buttons->addWidget(m_preview);
    m_reprint = new QPushButton(tr("Reprint (补打)"), this);
    m_reprint->setObjectName(QStringLiteral("secondary"));
    buttons->addWidget(m_reprint);
    buttons->addStretch();
    m_rate = new QPushButton(tr("Applicant's rating (Ctrl+R)"), this);
    m_rate->setObjectName(QStringLiteral("rateService"));
    m_rate->setProperty("secondary", true);
    buttons->addWidget(m_rate);
    m_next = new QPushButton(tr("Next applicant"), this);
    m_next->setObjectName(QStringLiteral("secondary"));
    buttons->addWidget(m_next);
    m_issue = new QPushButton(this);
    m_issue->setObjectName(QStringLiteral("issueNotice"));
    m_issue->setMinimumWidth(260);
    buttons->addWidget(m_issue);
    layout->addLayout(buttons);

    connect(m_back, &QPushButton::clicked, this, &DecisionPage::backToChecklist);
    connect(m_next, &QPushButton::clicked, this, &DecisionPage::nextCaseRequested);
    connect(m_issue, &QPushButton::clicked, this, &DecisionPage::issue);
    connect(m_reprint, &QPushButton::clicked, this, &DecisionPage::reprintLast);
    connect(m_preview, &QPushButton::clicked, this, &DecisionPage::preview);
    connect(m_rate, &QPushButton::clicked, this, &DecisionPage::rate);
    auto *rateShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_R), this);
    rateShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(rateShortcut, &QShortcut::activated, this, [this] {
        if (m_rate->isVisible() && m_rate->isEnabled())
            rate();
    });
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_P), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, m_issue, &QPushButton::click);
    connect(&m_cases, &CaseController::caseChanged, this, [this] {
        if (isVisible())
            refresh();
    });
}

void DecisionPage::showMessage(const QString &text, bool error)
{
    m_message->setObjectName(error ? QStringLiteral("warning") : QStringLiteral("verdict"));
    m_message->setProperty("state", error ? QStringLiteral("bad") : QStringLiteral("good"));
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_messageCase = m_cases.hasCase() ? m_cases.draft().caseId : QString();
}

void DecisionPage::refresh()
{
    m_table->setRowCount(0);
    // "Receipt printed" stays while the same case is shown (the platform's answer refreshes
    // the screen a moment later); another case starts without it.
    if (!m_cases.hasCase() || m_cases.draft().caseId != m_messageCase)
        showMessage({}, false);
    const bool has = m_cases.hasCase() && m_cases.item();
    for (QWidget *w : std::initializer_list<QWidget *> { m_issue, m_preview, m_reprint, m_back })
        w->setVisible(has);
    if (!has) {
        m_caseLine->setText(tr("No case is open."));
        m_rate->hide();
        m_next->hide();
        m_delivery->hide();
        m_verdict->clear();
        m_issued->clear();
        return;
    }
    const CaseDraft &d = m_cases.draft();
    const Intake::Assessment a = m_cases.assessment();
    m_caseLine->setText(tr("%1 · %2 · applicant %3")
                            .arg(m_cases.item()->name, d.provisionalNumber, d.applicant.name));
    for (const Intake::MaterialAssessment &m : a.materials) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const Intake::MaterialState *state = d.material(m.requirement->id);
        m_table->setItem(row, 0, new QTableWidgetItem(m.requirement->name));
        auto *status = new QTableWidgetItem(Intake::statusName(m.status));
        if (m.status == MaterialStatus::Missing || m.status == MaterialStatus::Deficient)
            status->setForeground(QColor(0xa8, 0x07, 0x1a));
        else if (m.status == MaterialStatus::Received)
            status->setForeground(QColor(0x23, 0x78, 0x04));
        m_table->setItem(row, 1, status);
        m_table->setItem(
            row, 2, new QTableWidgetItem(QString::number(state ? state->pages.size() : 0)));
        QStringList what;
        for (const Notices::Deficiency &deficiency : m.deficiencies)
            what << tr("%1: %2").arg(deficiency.reason, deficiency.correction);
        what += m.todo;
        if (m.status == MaterialStatus::Tolerated && state) {
            bool provisional = false;
            const QDate due = m_cases.commitmentDue(*m.requirement, &provisional);
            what << tr("Commitment: %1 (by %2%3)")
                        .arg(state->commitment, due.toString(QStringLiteral("yyyy-MM-dd")),
                            provisional ? tr(", provisional") : QString());
        }
        m_table->setItem(row, 3, new QTableWidgetItem(what.join(QLatin1Char('\n'))));
    }
    m_table->resizeRowsToContents();

    const auto notices = m_station.notices().noticesOfCase(d.caseId);
    QStringList issuedLines;
    for (const Notices::IssuedNotice &n : notices) {
        issuedLines << tr("%1 %2, issued %3%4")
                           .arg(Notices::kindTitle(n.kind), n.serial,
                               n.issuedAt.toLocalTime().toString(
                                   QStringLiteral("yyyy-MM-dd HH:mm")),
                               n.reprints > 0 ? tr(", reprinted %n time(s)", nullptr, n.reprints)
                                              : QString());
    }
    m_issued->setText(issuedLines.join(QLatin1Char('\n')));
    m_reprint->setEnabled(!notices.isEmpty());

    const bool decided = d.state != CaseDraft::State::Open;
    m_next->setVisible(decided);
    // Issue 17: the applicant may rate the service once the receipt is issued, once.
    m_rate->setVisible(
        d.state == CaseDraft::State::Complete && (m_cases.canRate() || m_cases.isRated()));
    m_rate->setEnabled(m_cases.canRate());
    m_rate->setText(
        m_cases.isRated() ? tr("Rated by the applicant") : tr("Applicant's rating (Ctrl+R)"));
    // Issue 17: how the result reaches the applicant, asked before the receipt is issued.
    m_delivery->setVisible(a.complete && !decided);
    m_delivery->refresh();
    if (d.state == CaseDraft::State::Complete) {
        m_verdict->setProperty("state", QStringLiteral("good"));
        if (a.count(MaterialStatus::Tolerated) > 0) {
            // Not 材料齐全: something is still owed under the applicant's commitment.
            m_verdict->setText(d.caseNumber.isEmpty()
                    ? tr("Accepted with tolerated absence (容缺受理). The receipt names what is "
                         "owed and by when; the case is in the outbox.")
                    : tr("Accepted with tolerated absence (容缺受理). Official case number %1.")
                          .arg(d.caseNumber));
        } else {
            m_verdict->setText(d.caseNumber.isEmpty()
                    ? tr("Complete. The receipt was issued and the case is in the outbox.")
                    : tr("Complete. Official case number %1.").arg(d.caseNumber));
        }
        m_issue->setEnabled(false);
        m_issue->setText(tr("Receipt issued"));
    } else if (d.state == CaseDraft::State::AwaitingCorrection) {
        m_verdict->setProperty("state", QStringLiteral("bad"));
        m_verdict->setText(tr("Awaiting correction: the one-time notice lists everything "
                              "the applicant must bring. Open the case from Today when they "
                              "return."));
        m_issue->setEnabled(false);
        m_issue->setText(tr("One-time notice issued"));
    } else if (!a.decidable) {
        m_verdict->setProperty("state", QStringLiteral("bad"));
        QStringList left = a.applicantProblems;
        for (const Intake::MaterialAssessment &m : a.materials) {
            if (!m.todo.isEmpty())
                left << tr("%1: %2").arg(m.requirement->name, m.todo.join(tr("; ")));
        }
        m_verdict->setText(tr("Not decided yet:\n%1").arg(left.join(QLatin1Char('\n'))));
        m_issue->setEnabled(false);
        m_issue->setText(tr("Finish checking first"));
    } else if (a.complete && a.count(MaterialStatus::Tolerated) > 0) {
        // Not 材料齐全: something is still owed under the applicant's commitment.
        QStringList owed;
        for (const Intake::MaterialAssessment &m : a.materials) {
            if (m.status != MaterialStatus::Tolerated)
                continue;
            bool provisional = false;
            const QDate due = m_cases.commitmentDue(*m.requirement, &provisional);
            owed << tr("%1, by %2%3")
                        .arg(m.requirement->name, due.toString(QStringLiteral("yyyy-MM-dd")),
                            provisional ? tr(" (provisional)") : QString());
        }
        m_verdict->setProperty("state", QStringLiteral("good"));
        m_verdict->setText(tr("Accepted with tolerated absence (容缺受理): the applicant signed "
                              "the commitment to bring %1. Issue the receipt, which names it "
                              "and its deadline, and transmit the case.")
                               .arg(owed.join(tr("; "))));
        m_issue->setEnabled(true);
        m_issue->setText(tr("Issue receipt and transmit (Ctrl+P)"));
    } else if (a.complete) {
        m_verdict->setProperty("state", QStringLiteral("good"));
        m_verdict->setText(tr("Every material is in order: issue the receipt and transmit "
                              "the case to the platform."));
        m_issue->setEnabled(true);
        m_issue->setText(tr("Issue receipt and transmit (Ctrl+P)"));
    } else {
        m_verdict->setProperty("state", QStringLiteral("bad"));
        m_verdict->setText(tr("%n deficiency(ies): issue the one-time notice listing all of "
                              "them.",
            nullptr, int(a.deficiencies().size())));
        m_issue->setEnabled(true);
        m_issue->setText(tr("Issue one-time notice (Ctrl+P)"));
    }
    m_verdict->style()->unpolish(m_verdict);
    m_verdict->style()->polish(m_verdict);
}

bool DecisionPage::issue()
{
    if (!m_cases.hasCase() || m_cases.draft().state != CaseDraft::State::Open)
        return false;
    const bool complete = m_cases.assessment().complete;
    // A receipt issued before a failed transmission is not issued twice: the case goes on
    // from it.
    Core::Result<Notices::IssuedNotice> issued = Core::Error {};
    bool printed = true;
    const auto earlier = m_station.notices().noticesOfCase(m_cases.draft().caseId);
    if (complete && !earlier.isEmpty() && earlier.last().kind == Notices::NoticeKind::Receipt) {
        issued = earlier.last();
    } else {
        issued = m_cases.issueNotice();
        if (!issued) {
            showMessage(issued.error().message, true);
            return false;
        }
        printed = print(issued->id, false);
    }
    const QString printProblem = printed ? QString() : m_message->text();
    if (complete) {
        if (auto sent = m_cases.transmit(); !sent) {
            refresh();
            showMessage(tr("The receipt was issued, but the case could not be put in the "
                           "outbox: %1")
                            .arg(sent.error().message),
                true);
            return false;
        }
    }
    QString slipSerial;
    if (complete && !m_cases.assessment().paperToMail().isEmpty()) {
        auto slip = m_cases.issueMailingSlip();
        if (!slip) {
            refresh();
            showMessage(slip.error().message, true);
            return false;
        }
        slipSerial = slip->serial;
        printed = print(slip->id, false) && printed;
    }
    const QString slipProblem = printed || !printProblem.isEmpty() ? QString() : m_message->text();
    refresh();
    if (!printed) {
        // Issued and kept, transmitted when complete: only the paper is missing.
        showMessage(printProblem.isEmpty() ? slipProblem : printProblem, true);
        return false;
    }
    if (printed && !complete) {
        showMessage(
            tr("One-time notice %1 printed. Hand it to the applicant to sign.").arg(issued->serial),
            false);
    } else if (printed && !platformReachable()) {
        // Never "being transmitted" in green while the platform cannot be reached.
        showMessage(slipSerial.isEmpty()
                ? tr("Receipt %1 printed. The platform cannot be reached now: the case waits "
                     "in Outbox and mailing and is sent by itself when it is back.")
                      .arg(issued->serial)
                : tr("Receipt %1 and mailing slip %2 printed. The platform cannot be reached "
                     "now: the case waits in Outbox and mailing and is sent by itself when it "
                     "is back. Mail the paper originals by the next working day.")
                      .arg(issued->serial, slipSerial),
            true);
    } else if (printed && slipSerial.isEmpty()) {
        showMessage(
            tr("Receipt %1 printed; the case is being transmitted.").arg(issued->serial), false);
    } else if (printed) {
        showMessage(tr("Receipt %1 and mailing slip %2 printed; the case is being transmitted. "
                       "Mail the paper originals by the next working day.")
                        .arg(issued->serial, slipSerial),
            false);
    }
    // Issue 17: Space on the focused button opens the rating for the applicant.
    if (complete && m_rate->isVisible() && m_rate->isEnabled())
        m_rate->setFocus(Qt::OtherFocusReason);
    return printed;
}

bool DecisionPage::rate()
{
    if (!m_cases.hasCase() || !m_cases.canRate())
        return false;
    const CaseDraft &d = m_cases.draft();
    RatingDialog dialog(d.caseNumber.isEmpty()
            ? tr("%1 · %2").arg(
                m_cases.item() ? m_cases.item()->name : d.itemCode, d.provisionalNumber)
            : tr("%1 · case %2")
                  .arg(m_cases.item() ? m_cases.item()->name : d.itemCode, d.caseNumber),
        this);
    const bool given = dialog.exec() == QDialog::Accepted;
    window()->activateWindow();
    if (!given) {
        m_next->setFocus(Qt::OtherFocusReason);
        return false;
    }
    if (const Core::Status queued = m_cases.rate(dialog.score(), dialog.comment()); !queued) {
        showMessage(queued.error().message, true);
        return false;
    }
    refresh();
    showMessage(tr("Thank you. The rating (%1) is kept and sent to the platform.")
                    .arg(RatingDialog::levelName(dialog.score())),
        false);
    m_next->setFocus(Qt::OtherFocusReason);
    return true;
}

bool DecisionPage::reprintLast()
{
    if (!m_cases.hasCase())
        return false;
    const auto notices = m_station.notices().noticesOfCase(m_cases.draft().caseId);
    if (notices.isEmpty())
        return false;
    const bool ok = print(notices.last().id, true);
    refresh();
    if (ok)
        showMessage(tr("Reprinted %1, marked 补打.").arg(notices.last().serial), false);
    return ok;
}

bool DecisionPage::print(qint64 noticeId, bool reprint)
{
    // The exact stored bytes go to the printer: the issued notice, or its 补打 copy rendered
    // once and stored; a reprint counts only once the printer accepted it.
    const Notices::NoticePrinter printer(m_printerName);
    const QString clerk = m_cases.clerk().account;
    const auto job = reprint ? printer.printReprint(m_station.notices(), noticeId, clerk,
                         m_cases.hasCase() ? m_cases.draft().caseNumber : QString())
                             : printer.printNotice(m_station.notices(), noticeId, clerk);
    if (!job) {
        showMessage(job.error().message, true);
        return false;
    }
    return true;
}

void DecisionPage::preview()
{
    if (!m_cases.hasCase() || !m_cases.item())
        return;
    // The issued notice as stored; before issuing, what would be issued (seal, window,
    // deadlines) with "numbered when issued" in place of the number.
    const auto notices = m_station.notices().noticesOfCase(m_cases.draft().caseId);
    const Notices::NoticeContent content = notices.isEmpty()
        ? m_cases.previewContent()
        : m_station.notices().content(notices.last().id).valueOr({});
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setObjectName(QStringLiteral("noticePreview"));
    dialog.setWindowTitle(tr("Preview of the notice"));
    connect(
        &dialog, &QPrintPreviewDialog::paintRequested, &dialog, [this, &content](QPrinter *target) {
            if (auto painted = Notices::NoticeRenderer::paint(content, *target, {}); !painted)
                showMessage(painted.error().message, true);
        });
    // Readable at once: most of the window's height, the page as wide as the view.
    const QWidget *top = window();
    dialog.resize(std::min(1100, top->width() - 60), top->height() - 40);
    if (auto *view = dialog.findChild<QPrintPreviewWidget *>()) {
        view->setZoomMode(QPrintPreviewWidget::FitToWidth);
        m_lastPreview = view;
    }
    dialog.exec();
    m_lastPreview = nullptr;
    // Ctrl+P "died" after the preview: the window must be the active one again for its
    // shortcuts.
    window()->activateWindow();
    // Back to the page with the keyboard on the issue button: Ctrl+P works again.
    if (m_issue->isEnabled())
        m_issue->setFocus(Qt::OtherFocusReason);
    else
        setFocus(Qt::OtherFocusReason);
}

void DecisionPage::takeFocus()
{
    if (m_issue->isVisible() && m_issue->isEnabled())
        m_issue->setFocus(Qt::OtherFocusReason);
    else if (m_back->isVisible())
        m_back->setFocus(Qt::OtherFocusReason);
    else
        setFocus(Qt::OtherFocusReason);
}

void DecisionPage::setPlatformStatus(PlatformStatus *status)
{
    m_platformStatus = status;
}

bool DecisionPage::platformReachable() const
{
    return !m_platformStatus || m_platformStatus->isConnected();
}

} // namespace Tongban::Gui
