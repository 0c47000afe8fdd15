#include "OutboxPage.h"

#include "cases/CaseController.h"
#include "shell/EmptyState.h"
#include "shell/PlatformStatus.h"

#include <platform/Outbox.h>
#include <platform/RequestQueue.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QUuid>
#include <QVBoxLayout>

#include <common/PlatformLink.h>
#include <common/Workstation.h>

namespace Tongban::Gui {

namespace {

QString outboxStateText(const QString &state)
{
    if (state == QLatin1String("pending"))
        return OutboxPage::tr("Waiting to send");
    if (state == QLatin1String("uploading"))
        return OutboxPage::tr("Uploading pages");
    if (state == QLatin1String("submitting"))
        return OutboxPage::tr("Submitting");
    if (state == QLatin1String("acknowledged"))
        return OutboxPage::tr("Acknowledged");
    if (state == QLatin1String("failed"))
        return OutboxPage::tr("Failed");
    return state;
}

QTableWidget *table(QWidget *parent, const QString &name, const QStringList &headers)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setStretchLastSection(false);
    t->setWordWrap(true);
    return t;
}

/// "Nothing yet" in the middle of an empty table, not a lone row of headers (issue 14).
QLabel *emptyText(QTableWidget *t, const QString &text)
{
    return setEmptyText(t, text);
}

/// Columns fit their contents, \a stretch takes what is left, so buttons keep their text.
void fitColumns(QTableWidget *t, int stretch)
{
    QHeaderView *header = t->horizontalHeader();
    for (int c = 0; c < t->columnCount(); ++c) {
        header->setSectionResizeMode(
            c, c == stretch ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
    }
    t->resizeRowsToContents();
}

} // namespace

OutboxPage::OutboxPage(
    App::Workstation &station, CaseController &cases, App::PlatformLink *platform, QWidget *parent)
    : QWidget(parent)
    , m_station(station)
    , m_cases(cases)
    , m_platform(platform)
{
    setObjectName(QStringLiteral("outboxPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(10);
    auto *titleRow = new QHBoxLayout;
    auto *title = new QLabel(tr("Outbox and mailing"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    titleRow->addWidget(title);
    titleRow->addStretch();
    auto *sendNow = new QPushButton(tr("Send now"), this);
    sendNow->setObjectName(QStringLiteral("sendNow"));
    titleRow->addWidget(sendNow);
    layout->addLayout(titleRow);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("fieldName"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_outbox = table(this, QStringLiteral("outboxTable"),
        { tr("Case"), tr("State"), tr("Pages sent"), tr("Official number"), tr("Last problem"),
            QString() });
    layout->addWidget(m_outbox, 3);
    m_outboxEmpty = emptyText(m_outbox, tr("No case is waiting for the platform."));

    auto *mailTitle = new QLabel(tr("Paper originals to mail (within 1 working day)"), this);
    mailTitle->setObjectName(QStringLiteral("cardTitle"));
    layout->addWidget(mailTitle);
    m_mailings = table(this, QStringLiteral("mailingTable"),
        { tr("Mail by"), tr("Case"), tr("Materials"), tr("Carrier"), tr("Waybill"), QString() });
    layout->addWidget(m_mailings, 2);
    m_mailingsEmpty = emptyText(m_mailings, tr("No paper originals to mail."));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    connect(sendNow, &QPushButton::clicked, this, [this] {
        if (m_platform && m_platform->outbox())
            m_platform->outbox()->flush();
        refresh();
    });
    if (platform && platform->outbox()) {
        Platform::Outbox *outbox = platform->outbox();
        const auto later = [this] {
            if (isVisible())
                refresh();
        };
        connect(outbox, &Platform::Outbox::caseStateChanged, this, later);
        connect(outbox, &Platform::Outbox::pageUploaded, this, later);
        connect(outbox, &Platform::Outbox::caseError, this, later);
    }
}

void OutboxPage::refresh()
{
    auto status = Platform::Outbox::status(m_station.database());
    m_outbox->setRowCount(0);
    if (!status) {
        m_summary->setText(status.error().message);
    } else {
        const bool connected
            = m_platform && m_platform->session() && m_platform->session()->isSignedIn();
        m_summary->setText(connected
                ? tr("Cases are sent by themselves in the background and resume after a "
                     "network failure or a restart.")
                : tr("Not signed in to the platform: cases wait here and are sent after "
                     "sign-in."));
        const QJsonArray cases = status->value(QStringLiteral("cases")).toArray();
        for (const QJsonValue &v : cases) {
            const QJsonObject c = v.toObject();
            const int row = m_outbox->rowCount();
            m_outbox->insertRow(row);
            const QString clientCaseId = c.value(QStringLiteral("clientCaseId")).toString();
            const auto draft = m_station.intake().load(clientCaseId);
            m_outbox->setItem(row, 0,
                new QTableWidgetItem(draft ? QStringLiteral("%1 %2").arg(
                                         draft->provisionalNumber, draft->applicant.name)
                                           : clientCaseId));
            const QString state = c.value(QStringLiteral("state")).toString();
            auto *stateItem = new QTableWidgetItem(outboxStateText(state));
            if (state == QLatin1String("failed"))
                stateItem->setForeground(QColor(0xa8, 0x07, 0x1a));
            m_outbox->setItem(row, 1, stateItem);
            m_outbox->setItem(row, 2,
                new QTableWidgetItem(QStringLiteral("%1 / %2")
                                         .arg(c.value(QStringLiteral("pagesUploaded")).toInt())
                                         .arg(c.value(QStringLiteral("pagesTotal")).toInt())));
            m_outbox->setItem(
                row, 3, new QTableWidgetItem(c.value(QStringLiteral("caseNumber")).toString()));
            // The clerk reads the message; the code and detail stay in the tooltip for IT.
            const QString stored = c.value(QStringLiteral("lastError")).toString();
            QString problem = PlatformStatus::clerkMessage(stored);
            const QString next = c.value(QStringLiteral("nextAttemptAt")).toString();
            if (!problem.isEmpty() && !next.isEmpty() && state != QLatin1String("failed")) {
                problem += QStringLiteral(" ")
                    + tr("(next try %1)")
                          .arg(QDateTime::fromString(next, Qt::ISODateWithMs)
                                   .toLocalTime()
                                   .toString(QStringLiteral("HH:mm:ss")));
            }
            auto *problemItem = new QTableWidgetItem(problem);
            problemItem->setToolTip(stored);
            m_outbox->setItem(row, 4, problemItem);
            if (state == QLatin1String("failed") && m_platform && m_platform->outbox()) {
                // After fixing what the problem names (certificate, catalogue, ...).
                auto *retry = new QPushButton(tr("Send again"), m_outbox);
                retry->setObjectName(QStringLiteral("retry"));
                m_outbox->setCellWidget(row, 5, retry);
                connect(retry, &QPushButton::clicked, this, [this, clientCaseId] {
                    auto again = m_platform->outbox()->retry(clientCaseId);
                    if (again) {
                        auto recorded = m_station.audit().append({ m_cases.clerk().account,
                            m_station.windowId(), QStringLiteral("outbox.retry"), clientCaseId,
                            QStringLiteral("ok"), {} });
                        if (!recorded)
                            again = recorded.error();
                    }
                    refresh();
                    if (!again)
                        showMessage(again.error().message);
                });
            }
        }
        // The last column holds "Send again" only for a failed case: no empty column otherwise.
        bool anyRetry = false;
        for (int row = 0; row < m_outbox->rowCount(); ++row)
            anyRetry = anyRetry || m_outbox->cellWidget(row, 5);
        m_outbox->setColumnHidden(5, !anyRetry);
        fitColumns(m_outbox, 4);
    }

    m_mailings->setRowCount(0);
    const QDate today = m_station.clock().today();
    for (const Intake::MailingTask &task : m_station.intake().mailingTasks(false)) {
        const int row = m_mailings->rowCount();
        m_mailings->insertRow(row);
        auto *due = new QTableWidgetItem(QLocale().toString(task.due, QLocale::ShortFormat));
        if (task.dueProvisional)
            due->setText(tr("%1 (provisional)").arg(due->text()));
        const bool overdue = !task.isSent() && task.due < today;
        if (overdue) {
            due->setText(tr("%1 (overdue)").arg(due->text()));
            due->setForeground(QColor(0xa8, 0x07, 0x1a));
        }
        m_mailings->setItem(row, 0, due);
        m_mailings->setItem(row, 1, new QTableWidgetItem(task.provisionalNumber));
        // Material names as the guide of the case's catalogue gives them.
        QStringList names = task.materialIds;
        if (auto draft = m_station.intake().load(task.caseId)) {
            auto catalog = m_station.catalogs().version(draft->catalogVersion);
            const Catalog::ServiceItem *item = catalog ? catalog->item(draft->itemCode) : nullptr;
            for (QString &name : names) {
                for (const Catalog::MaterialRequirement &m :
                    item ? item->materials : QList<Catalog::MaterialRequirement>()) {
                    if (m.id == name)
                        name = m.name;
                }
            }
        }
        m_mailings->setItem(row, 2, new QTableWidgetItem(names.join(tr("; "))));
        if (task.isSent()) {
            m_mailings->setItem(row, 3, new QTableWidgetItem(task.carrier));
            m_mailings->setItem(row, 4, new QTableWidgetItem(task.waybill));
            m_mailings->setItem(row, 5,
                new QTableWidgetItem(tr("Sent %1").arg(
                    QLocale().toString(task.sentAt.toLocalTime(), QLocale::ShortFormat))));
            continue;
        }
        auto *carrier = new QComboBox(m_mailings);
        carrier->addItems({ QStringLiteral("EMS"), tr("SF Express"), tr("Government courier") });
        m_mailings->setCellWidget(row, 3, carrier);
        auto *waybill = new QLineEdit(m_mailings);
        waybill->setObjectName(QStringLiteral("waybill"));
        waybill->setPlaceholderText(tr("Waybill number"));
        m_mailings->setCellWidget(row, 4, waybill);
        auto *record = new QPushButton(tr("Record as sent"), m_mailings);
        record->setObjectName(QStringLiteral("recordWaybill"));
        m_mailings->setCellWidget(row, 5, record);
        const qint64 id = task.id;
        connect(record, &QPushButton::clicked, this, [this, id, carrier, waybill] {
            recordWaybill(id, carrier->currentText(), waybill->text());
        });
    }
    fitColumns(m_mailings, 2);
    m_outboxEmpty->setVisible(m_outbox->rowCount() == 0);
    m_mailingsEmpty->setVisible(m_mailings->rowCount() == 0);
}

bool OutboxPage::recordWaybill(qint64 taskId, const QString &carrier, const QString &waybill)
{
    Intake::MailingTask task;
    for (const Intake::MailingTask &t : m_station.intake().mailingTasks(false)) {
        if (t.id == taskId)
            task = t;
    }
    const QString serverCaseId = m_platform ? m_platform->serverCaseId(task.caseId) : QString();
    if (serverCaseId.isEmpty() || !m_platform->requests()) {
        showMessage(tr("The case is not on the platform yet (see the outbox above): record the "
                       "waybill once it is."));
        return false;
    }
    // The waybill and the platform request that tells the home department (§8) are one
    // step: both recorded, or neither.
    Platform::RequestQueue *requests = m_platform->requests();
    const QDateTime sentAt = m_station.clock().now();
    const auto recorded = m_station.intake().recordMailing(
        taskId, carrier, waybill, m_cases.clerk().account, [&](const Intake::MailingTask &sent) {
            Platform::MailingRecord mailing;
            mailing.clientMailingId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            mailing.caseId = serverCaseId;
            mailing.carrier = sent.carrier;
            mailing.waybill = sent.waybill;
            mailing.sentAt = sent.sentAt.isValid() ? sent.sentAt : sentAt;
            mailing.materials = sent.materialIds;
            return requests->enqueueMailing(mailing);
        });
    if (!recorded) {
        showMessage(recorded.error().message);
        return false;
    }
    m_platform->requests()->flush();
    m_message->clear();
    refresh();
    return true;
}

void OutboxPage::showMessage(const QString &text)
{
    m_message->setObjectName(QStringLiteral("warning"));
    m_message->setText(text);
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
}

} // namespace Tongban::Gui
