#include "AfterWindowCard.h"

#include "cases/CaseController.h"
#include "shell/EmptyState.h"

#include <catalog/CatalogStore.h>
#include <notices/NoticePrinter.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>

#include <common/CorrectionInbox.h>
#include <common/NoticeAtAnyHall.h>
#include <common/Workstation.h>

namespace Tongban::Gui {

namespace {

const QColor kOverdue(0xa8, 0x07, 0x1a);

} // namespace

AfterWindowCard::AfterWindowCard(App::Workstation &station, CaseController &cases, QWidget *parent)
    : Card(tr("Waiting on the home department"), parent)
    , m_station(station)
    , m_cases(cases)
{
    setObjectName(QStringLiteral("afterWindowCard"));
    m_waiting = new QTreeWidget(this);
    m_waiting->setObjectName(QStringLiteral("waitingOnHome"));
    m_waiting->setRootIsDecorated(false);
    m_waiting->setHeaderLabels({ tr("Due"), tr("Case number"), tr("Waiting for"), tr("Item") });
    m_waiting->setMinimumHeight(120);
    m_waiting->header()->setStretchLastSection(true);
    m_waiting->setAlternatingRowColors(true);
    setEmptyText(m_waiting, tr("No case waiting on the home department."));
    addWidget(m_waiting);
    m_waitingMessage = addText(QString());

    auto *finder = new QWidget(this);
    auto *row = new QHBoxLayout(finder);
    row->setContentsMargins(0, 0, 0, 0);
    m_noticeKey = new QLineEdit(finder);
    m_noticeKey->setObjectName(QStringLiteral("noticeKey"));
    m_noticeKey->setPlaceholderText(tr("Notice from another hall: serial, QR code or identity "
                                       "number, then Enter"));
    m_noticeKey->setClearButtonEnabled(true);
    row->addWidget(m_noticeKey, 1);
    m_open = new QPushButton(tr("Open notice"), finder);
    m_open->setObjectName(QStringLiteral("openNotice"));
    row->addWidget(m_open);
    addWidget(finder);
    m_noticeMessage = addText(QString());
    m_noticeMessage->setObjectName(QStringLiteral("noticeMessage"));

    // Requests for correction from the home departments (issue 17).
    addText(tr("The home department asks for correction:"));
    m_corrections = new QTreeWidget(this);
    m_corrections->setObjectName(QStringLiteral("correctionRequests"));
    m_corrections->setRootIsDecorated(false);
    m_corrections->setHeaderLabels({ tr("Bring by"), tr("Case number"), tr("Materials") });
    m_corrections->setMinimumHeight(80);
    m_corrections->header()->setStretchLastSection(true);
    setEmptyText(m_corrections, tr("No request for correction."));
    addWidget(m_corrections);
    auto *correctionButtons = new QWidget(this);
    auto *buttonRow = new QHBoxLayout(correctionButtons);
    buttonRow->setContentsMargins(0, 0, 0, 0);
    m_printCorrection = new QPushButton(tr("Print the one-time notice"), correctionButtons);
    m_printCorrection->setObjectName(QStringLiteral("printCorrection"));
    buttonRow->addWidget(m_printCorrection);
    m_reopenCorrection = new QPushButton(tr("Reopen for correction"), correctionButtons);
    m_reopenCorrection->setObjectName(QStringLiteral("reopenCorrection"));
    buttonRow->addWidget(m_reopenCorrection);
    buttonRow->addStretch(1);
    addWidget(correctionButtons);
    m_correctionMessage = addText(QString());
    m_correctionMessage->setObjectName(QStringLiteral("correctionMessage"));
    connect(m_printCorrection, &QPushButton::clicked, this, &AfterWindowCard::printCorrection);
    connect(m_reopenCorrection, &QPushButton::clicked, this, &AfterWindowCard::reopenCorrection);
    connect(m_corrections, &QTreeWidget::currentItemChanged, this, [this] {
        const QTreeWidgetItem *current = m_corrections->currentItem();
        const QString state = current ? current->data(0, Qt::UserRole + 1).toString() : QString();
        m_printCorrection->setEnabled(state == QLatin1String("open"));
        m_reopenCorrection->setEnabled(state == QLatin1String("noticed"));
    });
    showCorrections();

    connect(m_noticeKey, &QLineEdit::returnPressed, this, &AfterWindowCard::findNotice);
    connect(m_open, &QPushButton::clicked, this, &AfterWindowCard::findNotice);
}

AfterWindowCard::~AfterWindowCard() = default;

void AfterWindowCard::setTransport(Platform::Transport *transport)
{
    m_client = transport ? std::make_unique<Platform::AfterWindowClient>(*transport) : nullptr;
    if (isVisible())
        refresh();
}

Platform::NoticeKey AfterWindowCard::keyOf(const QString &text)
{
    const QString t = text.trimmed();
    if (t.contains(QLatin1String("/n/")))
        return Platform::NoticeKey::QrText;
    static const QRegularExpression number(QStringLiteral("^([0-9A-Za-z]{18}|[0-9]{15})$"));
    if (number.match(t).hasMatch())
        return Platform::NoticeKey::IdentityNumber;
    return Platform::NoticeKey::Serial;
}

void AfterWindowCard::refresh()
{
    showCorrections();
    if (!m_client) {
        m_waiting->clear();
        m_waitingMessage->setText(tr("Not connected to the platform: the home departments' "
                                     "deadlines are shown once it is."));
        return;
    }
    QPointer<AfterWindowCard> self(this);
    m_client->deadlines([self](Core::Result<QList<Platform::CaseDeadline>> deadlines) {
        if (self)
            self->showDeadlines(deadlines);
    });
}

void AfterWindowCard::showDeadlines(const Core::Result<QList<Platform::CaseDeadline>> &deadlines)
{
    if (!deadlines) {
        m_waitingMessage->setText(
            tr("The deadlines could not be read: %1").arg(deadlines.error().message));
        return;
    }
    m_waiting->clear();
    const auto catalog = m_station.catalogs().active();
    const QLocale locale;
    int overdue = 0;
    for (const Platform::CaseDeadline &d : *deadlines) {
        const Catalog::ServiceItem *item = catalog ? catalog->item(d.itemCode) : nullptr;
        const QString stage = d.stage == QLatin1String("decision") ? tr("Decision")
            : d.stage == QLatin1String("applicant") ? tr("The applicant's correction")
                                                    : tr("Acceptance");
        QString due
            = d.due.isValid() ? locale.toString(d.due, QLocale::ShortFormat) : QStringLiteral("—");
        if (d.overdue)
            due = tr("%1 (overdue)").arg(due);
        auto *row = new QTreeWidgetItem(
            m_waiting, { due, d.caseNumber, stage, item ? item->name : d.itemCode });
        row->setData(0, Qt::UserRole, d.caseId);
        row->setData(0, Qt::UserRole + 1, d.overdue);
        if (d.overdue) {
            ++overdue;
            for (int i = 0; i < 4; ++i)
                row->setForeground(i, kOverdue);
        }
    }
    for (int i = 0; i < 2; ++i)
        m_waiting->resizeColumnToContents(i);
    m_waitingMessage->setText(deadlines->isEmpty()
            ? tr("No case of this window is waiting on its home department.")
            : overdue > 0 ? tr("%n case(s) overdue at the home department: the platform has "
                               "alerted it.",
                  nullptr, overdue)
                          : QString());
}

void AfterWindowCard::findNotice()
{
    const QString text = m_noticeKey->text().trimmed();
    if (text.isEmpty())
        return;
    if (!m_client) {
        m_noticeMessage->setText(
            tr("Not connected to the platform: a notice from another hall cannot be found."));
        return;
    }
    const Platform::NoticeKey key = keyOf(text);
    m_open->setEnabled(false);
    m_noticeMessage->setText(tr("Looking for the notice…"));
    QPointer<AfterWindowCard> self(this);
    m_client->findNotices(
        key, text, [self, key, text](Core::Result<QList<Platform::PlatformNotice>> found) {
            if (!self)
                return;
            self->m_open->setEnabled(true);
            if (!found) {
                self->m_noticeMessage->setText(
                    tr("The notice could not be looked up: %1").arg(found.error().message));
                return;
            }
            if (found->isEmpty()) {
                self->m_noticeMessage->setText(
                    tr("No open one-time notice found for this. Check the serial or the "
                       "number with the applicant's notice."));
                return;
            }
            QString applicantId;
            if (key == Platform::NoticeKey::IdentityNumber) {
                applicantId = text;
            } else {
                bool ok = false;
                applicantId = QInputDialog::getText(self, tr("Applicant"),
                    tr("Identity number or credit code of the applicant, as on their "
                       "document:"),
                    QLineEdit::Normal, QString(), &ok);
                if (!ok || applicantId.trimmed().isEmpty()) {
                    self->m_noticeMessage->setText(QString());
                    return;
                }
            }
            self->openNotice(found->first(), applicantId);
        });
}

void AfterWindowCard::openNotice(const Platform::PlatformNotice &notice, const QString &applicantId)
{
    auto opened
        = App::openNoticeFromAnotherHall(m_station, notice, m_cases.clerk().account, applicantId);
    if (!opened) {
        m_noticeMessage->setText(opened.error().message);
        return;
    }
    m_noticeMessage->setText(
        tr("Notice %1 of %2 opened: only its listed materials can change.")
            .arg(notice.serial, notice.windowName.isEmpty() ? notice.windowId : notice.windowName));
    m_noticeKey->clear();
    emit caseRequested(opened->caseId, false);
}

void AfterWindowCard::showCorrections()
{
    m_corrections->clear();
    const QLocale locale;
    for (const App::CorrectionRequest &request : App::CorrectionInbox(m_station).open()) {
        QStringList materials;
        for (const Platform::NoticeDeficiency &d : request.deficiencies) {
            const QString name = d.materialName.isEmpty() ? d.materialId : d.materialName;
            if (!materials.contains(name))
                materials << name;
        }
        auto *row = new QTreeWidgetItem(m_corrections,
            { locale.toString(request.due, QLocale::ShortFormat), request.caseNumber,
                materials.join(QStringLiteral("、")) });
        row->setToolTip(2, App::CorrectionInbox::todayLine(request));
        row->setData(0, Qt::UserRole, request.requestId);
        row->setData(0, Qt::UserRole + 1, request.state);
    }
    m_printCorrection->setEnabled(false);
    m_reopenCorrection->setEnabled(false);
    if (m_corrections->topLevelItemCount() > 0)
        m_corrections->setCurrentItem(m_corrections->topLevelItem(0));
    else
        m_correctionMessage->setText(tr("No request for correction is waiting."));
}

void AfterWindowCard::printCorrection()
{
    const QTreeWidgetItem *row = m_corrections->currentItem();
    if (!row)
        return;
    const auto issued = m_cases.issueRequestedCorrection(row->data(0, Qt::UserRole).toString());
    if (!issued) {
        m_correctionMessage->setText(issued.error().message);
        return;
    }
    const Notices::NoticePrinter printer(m_station.printerName());
    const auto job = printer.printNotice(m_station.notices(), issued->id, m_cases.clerk().account);
    m_correctionMessage->setText(job ? tr("One-time notice %1 printed. Hand it to the applicant "
                                          "or send it by the way the department named.")
                                           .arg(issued->serial)
                                     : job.error().message);
    showCorrections();
}

void AfterWindowCard::reopenCorrection()
{
    const QTreeWidgetItem *row = m_corrections->currentItem();
    if (!row)
        return;
    const auto reopened
        = App::CorrectionInbox(m_station).reopen(row->data(0, Qt::UserRole).toString());
    if (!reopened) {
        m_correctionMessage->setText(reopened.error().message);
        return;
    }
    m_correctionMessage->setText(QString());
    emit caseRequested(reopened->caseId, false);
}

} // namespace Tongban::Gui
