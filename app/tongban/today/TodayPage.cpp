#include "TodayPage.h"

#include "DeliveriesCard.h"
#include "cases/CaseController.h"
#include "shell/Card.h"
#include "shell/EmptyState.h"
#include "shell/PlatformStatus.h"
#include "today/AfterWindowCard.h"

#include <core/Clock.h>
#include <core/WorkCalendar.h>
#include <intake/DeliveryChoiceStore.h>
#include <intake/MailingDeadline.h>
#include <intake/ResultDelivery.h>
#include <notices/NoticePrinter.h>
#include <notices/NoticeRenderer.h>
#include <platform/Outbox.h>
#include <platform/ResultFeed.h>
#include <security/AuditLog.h>
#include <storage/Database.h>

#include <QFutureWatcher>
#include <QGridLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <common/PlatformLink.h>
#include <common/Workstation.h>
#include <optional>

namespace Tongban::Gui {

using Intake::CaseDraft;
using Intake::CaseSummary;

namespace {

QTreeWidget *caseList(QWidget *parent, const QString &objectName, const QStringList &headers)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(objectName);
    tree->setRootIsDecorated(false);
    tree->setHeaderLabels(headers);
    tree->setMinimumHeight(150);
    tree->header()->setStretchLastSection(true);
    tree->setAlternatingRowColors(true);
    return tree;
}

QString stateText(CaseDraft::State state, bool numbered = false)
{
    switch (state) {
    case CaseDraft::State::AwaitingCorrection:
        return TodayPage::tr("Awaiting correction");
    case CaseDraft::State::Complete:
        // Once the platform gave its number the case is there: not "transmitting" any more.
        return numbered ? TodayPage::tr("Received, on the platform")
                        : TodayPage::tr("Received, transmitting");
    case CaseDraft::State::Abandoned:
        return TodayPage::tr("Abandoned");
    case CaseDraft::State::Open:
        break;
    }
    return TodayPage::tr("Being checked");
}

} // namespace

TodayPage::TodayPage(App::Workstation &station, const Core::WorkCalendar &calendar,
    CaseController &cases, App::PlatformLink *platform, QWidget *parent)
    : QWidget(parent)
    , m_station(station)
    , m_calendar(calendar)
    , m_caseController(cases)
    , m_platform(platform)
{
    setObjectName(QStringLiteral("todayPage"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(28, 20, 28, 20);
    layout->setSpacing(14);
    m_dateTitle = new QLabel(content);
    m_dateTitle->setObjectName(QStringLiteral("pageTitle"));
    layout->addWidget(m_dateTitle);

    auto *grid = new QGridLayout;
    grid->setSpacing(14);
    layout->addLayout(grid);

    auto *todayCard = new Card(tr("Cases of today"), content);
    m_todayCases = caseList(todayCard, QStringLiteral("todayCases"),
        { tr("Number"), tr("Applicant"), tr("State"), tr("Item") });
    setEmptyText(m_todayCases, tr("No case yet today."));
    todayCard->addWidget(m_todayCases);
    grid->addWidget(todayCard, 0, 0);

    auto *correctionCard = new Card(tr("Awaiting correction (待补正)"), content);
    m_find = new QLineEdit(correctionCard);
    m_find->setObjectName(QStringLiteral("findApplicant"));
    m_find->setPlaceholderText(tr("Identity number or credit code, then Enter"));
    m_find->setClearButtonEnabled(true);
    correctionCard->addWidget(m_find);
    m_corrections = caseList(correctionCard, QStringLiteral("corrections"),
        { tr("Number"), tr("Applicant"), tr("Since"), tr("Item") });
    setEmptyText(m_corrections, tr("No case awaiting correction."));
    correctionCard->addWidget(m_corrections);
    grid->addWidget(correctionCard, 0, 1);

    auto *outboxCard = new Card(tr("Transmission and mailing"), content);
    m_outbox = outboxCard->addText(QString());
    m_mailings = caseList(outboxCard, QStringLiteral("mailings"),
        { tr("Mail by"), tr("Case"), tr("Paper originals") });
    m_mailings->setMinimumHeight(110);
    setEmptyText(m_mailings, tr("No paper originals to mail."));
    outboxCard->addWidget(m_mailings);
    grid->addWidget(outboxCard, 1, 0);

    auto *resultsCard = new Card(tr("Results to print for the applicant"), content);
    m_results = caseList(resultsCard, QStringLiteral("results"),
        { tr("Case number"), tr("Decision"), tr("Received") });
    m_results->setMinimumHeight(110);
    setEmptyText(m_results, tr("No result to print."));
    resultsCard->addWidget(m_results);
    m_resultMessage = resultsCard->addText(QString());
    // Issue 17: when the handover slip did not print after its result.
    m_reprintSlip = new QPushButton(tr("Print the handover slip again"), resultsCard);
    m_reprintSlip->setObjectName(QStringLiteral("reprintSlip"));
    m_reprintSlip->setVisible(false);
    connect(m_reprintSlip, &QPushButton::clicked, this, [this] {
        if (m_slipsToReprint.isEmpty())
            return;
        const QString resultId = m_slipsToReprint.first();
        const auto job = printSlip(resultId);
        const auto recorded = m_station.audit().append({ m_caseController.clerk().account,
            m_station.windowId(), QStringLiteral("result.slip.print"), resultId,
            job ? QStringLiteral("ok") : QStringLiteral("failed"),
            job ? QStringLiteral("printer:%1 job:%2").arg(job->printer).arg(job->jobId)
                : job.error().detail });
        if (!job)
            m_resultMessage->setText(job.error().message);
        else
            m_resultMessage->setText(recorded ? tr("Handover slip printed. The applicant signs it.")
                                              : recorded.error().message);
    });
    resultsCard->addWidget(m_reprintSlip);
    grid->addWidget(resultsCard, 3, 0, 1, 2);
    m_deliveries
        = new DeliveriesCard(platform ? platform->session() : nullptr, cases.clerk().name, content);
    grid->addWidget(m_deliveries, 4, 0, 1, 2);

    // After the window (issue 17): cases waiting on the home department, notices of other halls.
    m_afterWindow = new AfterWindowCard(station, cases, content);
    grid->addWidget(m_afterWindow, 4, 0, 1, 2);
    connect(m_afterWindow, &AfterWindowCard::caseRequested, this, &TodayPage::caseRequested);
    if (platform && platform->isConfigured())
        m_afterWindow->setTransport(platform->session());

    auto *platformCard = new Card(tr("Platform and guides"), content);
    m_connection = platformCard->addRow(tr("Platform"));
    m_catalog = platformCard->addRow(tr("Catalogue in force"));
    m_guidesChanged = platformCard->addText(QString());
    grid->addWidget(platformCard, 1, 1);

    auto *calendarCard = new Card(tr("Working days"), content);
    m_dayKind = calendarCard->addRow(tr("Today"));
    m_nextWorkingDay = calendarCard->addRow(tr("Next working day"));
    m_mailingDeadline = calendarCard->addRow(tr("Paper originals received today must be "
                                                "mailed by"));
    m_calendarYears = calendarCard->addRow(tr("Calendar data covers"));
    m_calendarWarning = calendarCard->addText(QString());
    m_calendarWarning->setObjectName(QStringLiteral("warning"));
    grid->addWidget(calendarCard, 2, 0);

    auto *dataCard = new Card(tr("This workstation"), content);
    m_dataFolder = dataCard->addRow(tr("Data folder"));
    m_database = dataCard->addRow(tr("Database"));
    m_casesStored = dataCard->addRow(tr("Cases stored"));
    m_pages = dataCard->addRow(tr("Pages stored"));
    m_audit = dataCard->addRow(tr("Audit trail"));
    grid->addWidget(dataCard, 2, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    layout->addStretch();

    connect(m_todayCases, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const bool awaiting = item->data(0, Qt::UserRole + 1).toBool();
        emit caseRequested(item->data(0, Qt::UserRole).toString(), awaiting);
    });
    connect(m_corrections, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        emit caseRequested(item->data(0, Qt::UserRole).toString(), true);
    });
    connect(m_find, &QLineEdit::returnPressed, this, &TodayPage::findApplicant);
    connect(m_results, &QTreeWidget::itemActivated, this,
        [this](QTreeWidgetItem *item) { printResult(item->data(0, Qt::UserRole).toString()); });
    if (platform && platform->results()) {
        connect(platform->results(), &Platform::ResultFeed::resultStored, this,
            &TodayPage::refreshResults);
    }
    if (platform) {
        // Issue 17: a deadline, delivery task or answer arrived on the events channel.
        connect(platform, &App::PlatformLink::afterWindowEvent, this, [this] {
            if (isVisible())
                refresh();
        });
    }
    connect(m_find, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            refreshCases();
    });
    if (platform && platform->outbox()) {
        for (auto signal : { &Platform::Outbox::caseAcknowledged })
            connect(platform->outbox(), signal, this, [this] {
                if (isVisible()) {
                    refreshOutbox();
                    refreshCases(); // the case's number and state
                }
            });
    }
    refresh();
}

void TodayPage::refresh()
{
    const QLocale locale;
    const QDate today = m_station.clock().today();
    m_dateTitle->setText(tr("Today, %1").arg(locale.toString(today, QLocale::LongFormat)));
    m_deliveries->setClerkName(m_caseController.clerk().name);
    if (m_platform && m_platform->session() && m_platform->session()->isSignedIn())
        m_deliveries->refresh();

    const auto working = m_calendar.isWorkingDay(today);
    if (!working) {
        m_dayKind->setText(tr("Unknown: no calendar data for this year"));
    } else if (*working) {
        m_dayKind->setText(tr("Working day"));
    } else {
        const QString holiday = m_calendar.holidayName(today);
        m_dayKind->setText(
            holiday.isEmpty() ? tr("Rest day") : tr("Public holiday (%1)").arg(holiday));
    }
    const auto dueText = [&](const Core::Result<Core::DueDate> &due) {
        if (!due)
            return tr("cannot be computed: %1").arg(due.error().message);
        const QString date = locale.toString(due->date, QLocale::LongFormat);
        return due->provisional ? tr("%1 (provisional: weekends only)").arg(date) : date;
    };
    m_nextWorkingDay->setText(dueText(m_calendar.dueAfterWorkingDays(today, 1)));
    // 000 §17: paper originals go out within 1 working day of intake.
    m_mailingDeadline->setText(dueText(Intake::mailingDueDate(m_calendar, today)));
    QStringList years;
    for (int year : m_calendar.years())
        years << QString::number(year);
    m_calendarYears->setText(years.join(QStringLiteral(", ")));
    const QList<int> missing = m_calendar.missingYears(today);
    if (!missing.isEmpty()) {
        m_calendarWarning->setText(Core::WorkCalendar::missingYearsFinding(missing)
            + QLatin1Char(' ') + Core::WorkCalendar::missingYearsAdvice(missing));
        m_calendarWarning->show();
    } else {
        m_calendarWarning->hide();
    }

    if (isVisible())
        m_afterWindow->refresh(); // issue 17
    m_dataFolder->setText(m_station.dataDirectory());
    m_casesStored->setText(QString::number(m_station.cases().count()));
    m_pages->setText(QString::number(m_station.pageCount()));
    if (!m_healthChecked) {
        m_database->setText(tr("Not checked yet in this session"));
        m_audit->setText(tr("Not checked yet in this session"));
    }
    refreshCases();
    refreshOutbox();
    refreshGuides();
    refreshResults();
}

void TodayPage::refreshResults()
{
    m_results->clear();
    if (!m_platform || !m_platform->results())
        return;
    for (const Platform::StoredResult &r : m_platform->results()->awaitingPrint()) {
        auto *row = new QTreeWidgetItem(m_results,
            { r.caseNumber,
                r.decision == QLatin1String("accepted") ? tr("Accepted (受理)")
                                                        : tr("Rejected (不予受理)"),
                QLocale().toString(r.storedAt.toLocalTime(), QLocale::ShortFormat) });
        row->setData(0, Qt::UserRole, r.resultId);
        if (r.decision != QLatin1String("accepted"))
            row->setForeground(1, QColor(0xa8, 0x07, 0x1a));
    }
    m_resultMessage->setText(m_results->topLevelItemCount() == 0
            ? tr("Nothing to print.")
            : tr("Double-click a result (or Enter) to print it for the applicant."));
}

void TodayPage::printResult(const QString &resultId)
{
    auto pdf = m_platform->results()->document(resultId);
    if (!pdf) {
        m_resultMessage->setText(pdf.error().message);
        return;
    }
    // The platform's PDF goes to the printer as it is, through the window's one printer
    // component; it is marked printed only once the printer accepted it.
    const Notices::NoticePrinter printer(m_station.printerName());
    const auto job = printer.print(*pdf, resultId);
    if (!job) {
        m_resultMessage->setText(job.error().message);
        return;
    }
    if (auto marked = m_platform->results()->markPrinted(resultId); !marked) {
        m_resultMessage->setText(marked.error().message);
        return;
    }
    // Issue 17: right after it, the handover slip with the 好差评 code; the result stays
    // printed whatever happens to the slip, which can be printed again.
    const auto slip = printSlip(resultId);
    const auto recorded = m_station.audit().append({ m_caseController.clerk().account,
        m_station.windowId(), QStringLiteral("result.print"), resultId, QStringLiteral("ok"),
        QStringLiteral("printer:%1 job:%2 %3")
            .arg(job->printer)
            .arg(job->jobId)
            .arg(slip ? QStringLiteral("slip-job:%1").arg(slip->jobId)
                      : QStringLiteral("slip:failed (%1)").arg(slip.error().detail)) });
    refreshResults();
    if (!slip) {
        m_resultMessage->setText(tr("The result is printed, but its handover slip is not: %1 "
                                    "Then print the slip again with the button below.")
                                     .arg(slip.error().message));
        return;
    }
    m_resultMessage->setText(recorded
            ? tr("Printed with its handover slip. Hand both to the applicant; the applicant "
                 "signs the slip.")
            : recorded.error().message);
}

Core::Result<Notices::PrintedJob> TodayPage::printSlip(const QString &resultId)
{
    Notices::ResultSlipContent slip;
    for (const Platform::StoredResult &r : m_platform->results()->results()) {
        if (r.resultId != resultId)
            continue;
        slip.caseNumber = r.caseNumber;
        slip.accepted = r.decision == QLatin1String("accepted");
        slip.decidedAt = r.issuedAt;
    }
    slip.resultId = resultId;
    slip.printedAt = m_station.clock().now();
    slip.windowName
        = m_station.windowName().isEmpty() ? m_station.windowId() : m_station.windowName();
    const Clerk &clerk = m_caseController.clerk();
    slip.clerkName = clerk.name.isEmpty() ? clerk.account : clerk.name;
    // The case as taken at this window: its item and the applicant's delivery choice.
    Intake::ResultDelivery delivery;
    if (const auto found = m_station.intake().findByCaseNumber(slip.caseNumber); !found.isEmpty()) {
        slip.itemCode = found.first().itemCode;
        delivery = Intake::DeliveryChoiceStore::load(m_station.database(), found.first().caseId);
    }
    const auto catalog = m_station.catalogs().active();
    const Catalog::ServiceItem *item = catalog ? catalog->item(slip.itemCode) : nullptr;
    slip.itemName = item ? item->name : slip.itemCode;
    slip.resultDelivery = delivery.receiptText();
    // The same address as on the receipt and the notice.
    slip.evaluationUrl = Intake::evaluationUrl(m_station.evaluationUrl(), slip.caseNumber);
    const auto pdf = Notices::NoticeRenderer::renderResultSlipPdf(slip);
    auto job = pdf ? Notices::NoticePrinter(m_station.printerName())
                         .print(*pdf, QStringLiteral("%1 slip").arg(resultId))
                   : Core::Result<Notices::PrintedJob>(pdf.error());
    // Until a slip comes out, the clerk can print it again (the result stays printed).
    m_slipsToReprint.removeAll(resultId);
    if (!job)
        m_slipsToReprint.append(resultId);
    m_reprintSlip->setVisible(!m_slipsToReprint.isEmpty());
    return job;
}

/// What the health check found; computed off the GUI thread.
struct TodayPage::HealthFindings
{
    QString failure; ///< the workstation database could not be opened for the check
    bool integrityOk = false;
    std::optional<Security::VerifyReport> audit;
    QString auditFailure;
};

TodayPage::HealthFindings TodayPage::findHealth(const QString &path)
{
    HealthFindings findings;
    auto db = Storage::Database::open(path, App::Workstation::schema());
    if (!db) {
        findings.failure = db.error().message;
        return findings;
    }
    const auto integrity = (*db)->integrityCheck();
    findings.integrityOk = integrity && *integrity == QLatin1String("ok");
    const Core::SystemClock clock; // verify() reads no time
    const Security::AuditLog audit(**db, clock);
    if (auto report = audit.verify())
        findings.audit = std::move(report).value();
    else
        findings.auditFailure = report.error().message;
    return findings;
}

void TodayPage::checkHealth()
{
    // Both checks read the whole database (a year of a busy window: seconds), so they run on
    // a worker thread with its own connection; the clerk works on meanwhile.
    if (m_healthCheck && m_healthCheck->isRunning())
        return;
    m_healthChecked = true;
    m_database->setText(tr("Checking…"));
    m_audit->setText(tr("Checking…"));
    if (!m_healthCheck) {
        m_healthCheck = new QFutureWatcher<HealthFindings>(this);
        connect(m_healthCheck, &QFutureWatcher<HealthFindings>::finished, this,
            [this] { showHealth(m_healthCheck->result()); });
    }
    m_healthCheck->setFuture(QtConcurrent::run(findHealth, m_station.database().path()));
}

void TodayPage::showHealth(const HealthFindings &findings)
{
    if (!findings.failure.isEmpty()) {
        m_database->setText(tr("Could not be checked: %1").arg(findings.failure));
        m_audit->setText(tr("Could not be checked: %1").arg(findings.failure));
        return;
    }
    m_database->setText(findings.integrityOk
            ? tr("Healthy (integrity check passed)")
            : tr("Damaged: call IT support before capturing anything"));
    if (!findings.audit) {
        m_audit->setText(tr("Could not be checked: %1").arg(findings.auditFailure));
    } else if (findings.audit->ok) {
        m_audit->setText(
            tr("%n record(s), chain intact", nullptr, int(findings.audit->recordsChecked)));
    } else {
        m_audit->setText(tr("Tampering detected in %n record(s): call your supervisor", nullptr,
            int(findings.audit->problems.size())));
    }
}

void TodayPage::refreshCases()
{
    const auto catalog = m_station.catalogs().active();
    const auto itemName = [&](const QString &code) {
        const Catalog::ServiceItem *item = catalog ? catalog->item(code) : nullptr;
        return item ? item->name : code;
    };
    m_todayCases->clear();
    for (const CaseSummary &c : m_station.intake().casesOf(m_station.clock().today())) {
        auto *row = new QTreeWidgetItem(m_todayCases,
            { c.caseNumber.isEmpty() ? c.provisionalNumber : c.caseNumber, c.applicantName,
                stateText(c.state, !c.caseNumber.isEmpty()), itemName(c.itemCode) });
        row->setData(0, Qt::UserRole, c.caseId);
        row->setData(0, Qt::UserRole + 1, c.state == CaseDraft::State::AwaitingCorrection);
    }
    if (!m_find->text().trimmed().isEmpty())
        return; // showing a search
    m_corrections->clear();
    for (const CaseSummary &c : m_station.intake().casesIn(CaseDraft::State::AwaitingCorrection)) {
        auto *row = new QTreeWidgetItem(m_corrections,
            { c.provisionalNumber, c.applicantName,
                QLocale().toString(Core::chinaStandardDate(c.updatedAt), QLocale::ShortFormat),
                itemName(c.itemCode) });
        row->setData(0, Qt::UserRole, c.caseId);
    }
    for (QTreeWidget *tree : { m_todayCases, m_corrections }) {
        for (int i = 0; i < 3; ++i)
            tree->resizeColumnToContents(i);
    }
}

void TodayPage::findApplicant()
{
    const QString id = m_find->text().trimmed();
    if (id.isEmpty()) {
        refreshCases();
        return;
    }
    m_corrections->clear();
    const auto catalog = m_station.catalogs().active();
    for (const CaseSummary &c : m_station.intake().findByApplicant(id)) {
        if (c.state != CaseDraft::State::AwaitingCorrection)
            continue;
        const Catalog::ServiceItem *item = catalog ? catalog->item(c.itemCode) : nullptr;
        auto *row = new QTreeWidgetItem(m_corrections,
            { c.provisionalNumber, c.applicantName,
                QLocale().toString(Core::chinaStandardDate(c.updatedAt), QLocale::ShortFormat),
                item ? item->name : c.itemCode });
        row->setData(0, Qt::UserRole, c.caseId);
    }
    if (m_corrections->topLevelItemCount() == 0) {
        auto *none = new QTreeWidgetItem(m_corrections,
            { tr("No case awaiting correction for "
                 "this number") });
        none->setFlags(Qt::NoItemFlags);
    } else {
        m_corrections->setCurrentItem(m_corrections->topLevelItem(0));
        m_corrections->setFocus();
    }
}

void TodayPage::refreshOutbox()
{
    auto status = Platform::Outbox::status(m_station.database());
    if (status) {
        const QJsonObject counts = status->value(QStringLiteral("counts")).toObject();
        const int pending = counts.value(QStringLiteral("pending")).toInt()
            + counts.value(QStringLiteral("uploading")).toInt()
            + counts.value(QStringLiteral("submitting")).toInt();
        const int failed = counts.value(QStringLiteral("failed")).toInt();
        const int done = counts.value(QStringLiteral("acknowledged")).toInt();
        QString text = tr("%n case(s) being transmitted", nullptr, pending) + QStringLiteral(" · ")
            + tr("%n acknowledged", nullptr, done);
        if (failed > 0)
            text += QStringLiteral(" · ") + tr("%n failed: see Outbox", nullptr, failed);
        m_outbox->setText(text);
        m_outbox->setObjectName(failed > 0 ? QStringLiteral("warning") : QString());
    }
    m_mailings->clear();
    const QDate today = m_station.clock().today();
    for (const Intake::MailingTask &task : m_station.intake().mailingTasks(true)) {
        auto *row = new QTreeWidgetItem(m_mailings,
            { task.dueProvisional
                    ? tr("%1 (provisional)").arg(QLocale().toString(task.due, QLocale::ShortFormat))
                    : QLocale().toString(task.due, QLocale::ShortFormat),
                task.provisionalNumber,
                tr("%n material(s)", nullptr, int(task.materialIds.size())) });
        if (task.dueProvisional) {
            row->setToolTip(0,
                tr("Computed on weekends only: the calendar has no data for %1 yet. It is "
                   "recomputed when the platform supplies that year.")
                    .arg(task.due.year()));
        }
        if (task.due < today) {
            for (int i = 0; i < 3; ++i)
                row->setForeground(i, QColor(0xa8, 0x07, 0x1a));
            row->setText(0, tr("%1 (overdue)").arg(row->text(0)));
        }
    }
    // Dates and case numbers whole, never "410402-TB…" (issue 14).
    for (int i = 0; i < 2; ++i)
        m_mailings->resizeColumnToContents(i);
    if (m_platformStatus) {
        // Connected only while the platform's socket is live, never because a token is held.
        m_connection->setText(m_platformStatus->stateText());
        return;
    }
    m_connection->setText(!m_platform || !m_platform->isConfigured()
            ? tr("Not configured")
            : tr("Not connected (%1)").arg(m_platform->url().host()));
}

void TodayPage::setPlatformStatus(PlatformStatus *status)
{
    m_platformStatus = status;
    connect(status, &PlatformStatus::changed, this, [this] {
        if (isVisible())
            refreshOutbox();
    });
    refreshOutbox();
}

void TodayPage::refreshGuides()
{
    const auto active = m_station.catalogs().activeVersion();
    if (!active) {
        m_catalog->setText(active.error().message);
        m_guidesChanged->clear();
        return;
    }
    m_catalog->setText(
        tr("%1, %n item(s), published %2", nullptr, active->itemCount)
            .arg(active->catalogVersion,
                QLocale().toString(active->publishedAt.date(), QLocale::ShortFormat)));
    if (!m_caseController.clerk().isValid()) {
        m_guidesChanged->clear();
        return;
    }
    QHash<QString, qint64> versionIds;
    for (const Catalog::CatalogVersionInfo &v : m_station.catalogs().versions())
        versionIds.insert(v.catalogVersion, v.id);
    const auto catalog = m_station.catalogs().active();
    QStringList changed;
    const QHash<QString, QString> used
        = m_station.intake().itemVersionsUsedBy(m_caseController.clerk().account);
    QHash<qint64, QStringList> changedByVersion;
    for (auto it = used.cbegin(); it != used.cend(); ++it) {
        const qint64 from = versionIds.value(it.value(), 0);
        if (from == 0 || from == active->id)
            continue;
        if (!changedByVersion.contains(from))
            changedByVersion.insert(
                from, m_station.catalogs().changedItems(from, active->id).valueOr({}));
        if (changedByVersion.value(from).contains(it.key())) {
            const Catalog::ServiceItem *item = catalog ? catalog->item(it.key()) : nullptr;
            changed << (item ? item->name : it.key());
        }
    }
    m_guidesChanged->setObjectName(changed.isEmpty() ? QString() : QStringLiteral("warning"));
    m_guidesChanged->setText(changed.isEmpty()
            ? tr("No guide you have used changed since you last used it.")
            : tr("Changed since you last used them: %1").arg(changed.join(tr(", "))));
}

} // namespace Tongban::Gui
