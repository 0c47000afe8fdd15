#include "DeadlineService.h"

#include "HubErrors.h"
#include "Logging.h"
#include "accounts/AccountService.h"
#include "calendar/CalendarService.h"
#include "calls/CallService.h"
#include "catalogue/CatalogueService.h"
#include "events/EventService.h"

#include <QJsonArray>
#include <QTimeZone>

namespace Tongban::Hub {

const QTime DeadlineService::kReceiptCutoff = QTime(17, 0);

namespace {

const QTimeZone &chinaTime()
{
    static const QTimeZone zone(QByteArrayLiteral("Asia/Shanghai"));
    return zone;
}

QString isoDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QJsonValue dateOrNull(const QString &date)
{
    return date.isEmpty() ? QJsonValue() : QJsonValue(date);
}

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}

/// The date running in \a stage: the decision's once accepted, else acceptance's.
QString runningDue(const QString &stage, const QString &acceptanceDue, const QString &decisionDue)
{
    return stage == QLatin1String("decision")  ? decisionDue
        : stage == QLatin1String("acceptance") ? acceptanceDue
                                               : QString();
}

} // namespace

Storage::MigrationSet DeadlineService::schema()
{
    Storage::Migration first;
    first.version = 1;
    first.description = QStringLiteral("deadlines of cases on the working-day calendar, alerts");
    first.statements = {
        // Dates are ISO (YYYY-MM-DD, China Standard Time); stage: acceptance, applicant
        // (waiting for a correction), decision, done.
        QStringLiteral("CREATE TABLE hub_case_deadlines (case_id TEXT PRIMARY KEY,"
                       " received_on TEXT NOT NULL, acceptance_due TEXT NOT NULL,"
                       " correction_due TEXT NOT NULL, decision_due TEXT,"
                       " stage TEXT NOT NULL, updated_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX hub_case_deadlines_stage ON hub_case_deadlines(stage)"),
        QStringLiteral("CREATE TABLE hub_deadline_alerts (case_id TEXT NOT NULL,"
                       " stage TEXT NOT NULL, level TEXT NOT NULL, due TEXT NOT NULL,"
                       " at BIGINT NOT NULL, PRIMARY KEY (case_id, stage, level))"),
    };
    return Storage::MigrationSet { QStringLiteral("hub_deadlines"), { first } };
}

DeadlineService::DeadlineService(Storage::Database &database, const Core::Clock &clock,
    const CatalogueService &catalogue, const CalendarService &calendar)
    : m_store(database)
    , m_database(database)
    , m_clock(clock)
    , m_catalogue(catalogue)
    , m_calendar(calendar)
{ }

Core::Result<QDate> DeadlineService::receiptDay(
    const Core::WorkCalendar &calendar, const QDateTime &at)
{
    const QDateTime local = at.toTimeZone(chinaTime());
    const QDate day = local.date();
    const Core::Result<bool> working = calendar.isWorkingDay(day);
    if (!working)
        return working.error();
    if (*working && local.time() < kReceiptCutoff)
        return day;
    return calendar.addWorkingDays(day, 1);
}

Core::Result<QDate> DeadlineService::acceptanceDue(
    const Core::WorkCalendar &calendar, const QDateTime &submittedAt)
{
    const Core::Result<QDate> received = receiptDay(calendar, submittedAt);
    if (!received)
        return received.error();
    return calendar.addWorkingDays(*received, kAcceptanceWorkingDays);
}

Core::Result<QDate> DeadlineService::decisionDue(const Core::WorkCalendar &calendar,
    const QDateTime &acceptedAt, int promisedDays, int legalDays)
{
    int days = promisedDays > 0 ? promisedDays : legalDays;
    if (legalDays > 0)
        days = qMin(days, legalDays);
    if (days <= 0)
        days = legalDays > 0 ? legalDays : 20; // no limit in the guide: the general 20 days
    return calendar.addWorkingDays(acceptedAt.toTimeZone(chinaTime()).date(), days);
}

Core::Result<Core::WorkCalendar> DeadlineService::calendarInForce() const
{
    const Core::Result<QByteArray> document = m_calendar.document();
    if (!document)
        return document.error();
    return Core::WorkCalendar::fromJson(*document);
}

Core::Status DeadlineService::refresh(const QString &caseId)
{
    const auto calendar = calendarInForce();
    if (!calendar)
        return calendar.error();
    return refreshWith(*calendar, caseId);
}

Core::Status DeadlineService::refreshWith(const Core::WorkCalendar &calendar, const QString &caseId)
{
    const auto facts = m_store.caseFacts(caseId);
    if (!facts)
        return facts.error();
    if (!*facts || !(*facts)->submittedAt)
        return {}; // not submitted: no deadline runs yet
    const DeadlineStore::CaseFacts &found = **facts;
    // A corrected case is received anew when its corrected pages are in (第二十条).
    const QDateTime submittedAt
        = utc(qMax(*found.submittedAt, found.lastCorrectionAnsweredAt.value_or(0)));
    const QDateTime decidedAt = found.decidedAt ? utc(*found.decidedAt) : QDateTime();

    // A date that falls in a year the calendar in force lacks (31 December before the next
    // year's calendar is imported) is stored empty and shown as missing (caseDeadlines()):
    // never counted in calendar days. Any other failure is an error.
    QString failure;
    const auto dateOrEmpty = [&](const Core::Result<QDate> &date, int fromYear) -> QString {
        if (date)
            return isoDate(*date);
        const QList<int> missing = missingYears(calendar, fromYear);
        if (missing.isEmpty())
            failure = date.error().detail;
        else
            warnMissingYears(missing);
        return {};
    };
    const auto failed = [&]() {
        return Core::Error { HubError::Deadlines + 1,
            QStringLiteral("The deadlines could not be computed."), failure };
    };
    const int submittedYear = submittedAt.toTimeZone(chinaTime()).date().year();
    DeadlineStore::Deadlines deadlines;
    deadlines.receivedOn = dateOrEmpty(receiptDay(calendar, submittedAt), submittedYear);
    deadlines.acceptanceDue = dateOrEmpty(acceptanceDue(calendar, submittedAt), submittedYear);
    deadlines.correctionDue = deadlines.acceptanceDue; // 第二十条: the same 2 working days
    if (!failure.isEmpty())
        return failed();
    deadlines.stage = QStringLiteral("acceptance");
    if (found.decision == QLatin1String("accepted")) {
        const Catalog::ServiceItem *item = m_catalogue.catalog().item(found.itemCode);
        deadlines.decisionDue
            = dateOrEmpty(decisionDue(calendar, decidedAt, item ? item->promisedTimeLimitDays : 0,
                              item ? item->legalTimeLimitDays : 0),
                decidedAt.toTimeZone(chinaTime()).date().year());
        if (!failure.isEmpty())
            return failed();
        deadlines.stage = QStringLiteral("decision");
    } else if (!found.decision.isEmpty()) {
        deadlines.stage = QStringLiteral("done"); // rejected: nothing more runs
    } else {
        // An open request for correction (第二十条): the case waits on the applicant.
        const auto waiting = m_store.hasOpenCorrection(caseId);
        if (waiting && *waiting)
            deadlines.stage = QStringLiteral("applicant");
    }
    static const QStringList finished { QStringLiteral("completed"), QStringLiteral("closed"),
        QStringLiteral("delivered"), QStringLiteral("rejected") };
    if (finished.contains(found.status))
        deadlines.stage = QStringLiteral("done");
    return m_store.store(caseId, deadlines, m_clock.now().toMSecsSinceEpoch());
}

QJsonObject DeadlineService::caseDeadlines(const QString &caseId) const
{
    const auto stored = m_store.deadlines(caseId);
    if (!stored || !*stored)
        return {};
    const DeadlineStore::Deadlines &row = **stored;
    const QString due = runningDue(row.stage, row.acceptanceDue, row.decisionDue);
    const QDate today = Core::chinaStandardDate(m_clock.now());
    QJsonObject deadlines { { QStringLiteral("receivedOn"), dateOrNull(row.receivedOn) },
        { QStringLiteral("acceptanceDue"), dateOrNull(row.acceptanceDue) },
        { QStringLiteral("correctionContactDue"), dateOrNull(row.correctionDue) },
        { QStringLiteral("decisionDue"), dateOrNull(row.decisionDue) },
        { QStringLiteral("stage"), row.stage }, { QStringLiteral("due"), dateOrNull(due) },
        { QStringLiteral("overdue"),
            !due.isEmpty() && QDate::fromString(due, Qt::ISODate) < today } };
    const bool running
        = row.stage == QLatin1String("acceptance") || row.stage == QLatin1String("decision");
    if (running && due.isEmpty()) {
        // Its date falls in a year the calendar in force lacks: say so, and what to do.
        const auto calendar = calendarInForce();
        const QList<int> missing = calendar ? missingYears(*calendar, today.year()) : QList<int> {};
        QJsonArray years;
        QStringList names;
        for (const int year : missing) {
            years.append(year);
            names << QString::number(year);
        }
        deadlines.insert(QStringLiteral("missingCalendarYears"), years);
        deadlines.insert(QStringLiteral("problem"),
            QStringLiteral("工作日历缺少%1年的数据，无法计算期限：请平台管理员导入该年度的工作日历"
                           "（tongban-hub calendar import）。")
                .arg(names.join(QStringLiteral("、"))));
    }
    return deadlines;
}

QList<int> DeadlineService::missingYears(const Core::WorkCalendar &calendar, int fromYear)
{
    QList<int> missing;
    for (const int year : { fromYear, fromYear + 1 }) {
        if (!calendar.coversYear(year))
            missing << year;
    }
    return missing;
}

void DeadlineService::warnMissingYears(const QList<int> &years)
{
    for (const int year : years) {
        if (m_warnedYears.contains(year))
            continue;
        m_warnedYears.insert(year);
        qCWarning(lcHub).noquote() << "the working-day calendar in force has no data for" << year
                                   << "- deadlines in it are not computed until it is imported"
                                      " (tongban-hub calendar import)";
    }
}

Core::Result<QList<DeadlineService::Entry>> DeadlineService::visible(
    const AuthContext &context) const
{
    DeadlineStore::Scope scope;
    scope.all = context.role == QLatin1String("admin");
    if (context.role == QLatin1String("department") || context.role == QLatin1String("home"))
        scope.homeJurisdiction = context.jurisdictionCode;
    scope.windowId = context.windowId;
    const auto rows = m_store.visible(scope, kMaxListed);
    if (!rows)
        return rows.error();
    const QDate today = Core::chinaStandardDate(m_clock.now());
    QList<Entry> entries;
    for (const DeadlineStore::Running &row : *rows) {
        Entry entry;
        entry.caseId = row.caseId;
        entry.caseNumber = row.caseNumber;
        entry.itemCode = row.itemCode;
        entry.windowId = row.windowId;
        entry.homeJurisdiction = row.jurisdiction;
        entry.stage = row.stage;
        // applicant: no running date; '' : its year is not in the calendar
        if (row.stage != QLatin1String("applicant"))
            entry.due = QDate::fromString(row.due, Qt::ISODate);
        entry.overdue = entry.due.isValid() && entry.due < today;
        entries.append(entry);
    }
    return entries;
}

Core::Result<DeadlineService::SweepReport> DeadlineService::sweep()
{
    SweepReport report;
    const auto calendar = calendarInForce();
    if (!calendar)
        return calendar.error();
    // Cases whose deadlines may have changed: submitted without a row, or still running.
    const auto open = m_store.casesToRefresh(5000);
    if (!open)
        return open.error();
    for (const QString &caseId : *open) {
        if (const Core::Status refreshed = refreshWith(*calendar, caseId); !refreshed) {
            qCWarning(lcHub).noquote()
                << "deadlines of case" << caseId << "not computed:" << refreshed.error().detail;
            continue;
        }
        ++report.refreshed;
    }

    const QDateTime now = m_clock.now();
    const QDate today = Core::chinaStandardDate(now);
    const auto tomorrow = calendar->addWorkingDays(today, 1);
    const auto running = m_store.running(5000);
    if (!running)
        return running.error();
    for (const DeadlineStore::Running &row : *running) {
        const QDate due = QDate::fromString(row.due, Qt::ISODate);
        if (!due.isValid())
            continue; // its year is not in the calendar in force: nothing to compare yet
        QString level;
        if (today > due)
            level = QStringLiteral("overdue");
        else if (due == today || (tomorrow && due <= *tomorrow))
            level = QStringLiteral("dueSoon");
        else
            continue;
        const Core::Status raised = m_store.transaction([&]() -> Core::Status {
            const auto added = m_store.addAlert(
                row.caseId, row.stage, level, isoDate(due), now.toMSecsSinceEpoch());
            if (!added)
                return added.error();
            if (!*added)
                return Core::Error { 0, {}, QStringLiteral("raised before") };
            const QJsonObject data { { QStringLiteral("caseId"), row.caseId },
                { QStringLiteral("caseNumber"), row.caseNumber },
                { QStringLiteral("itemCode"), row.itemCode },
                { QStringLiteral("stage"), row.stage }, { QStringLiteral("due"), isoDate(due) } };
            const QString type = QStringLiteral("case.") + level;
            const auto homes = m_store.homeWindowsWithPhones(row.jurisdiction);
            if (!homes)
                return homes.error();
            QStringList windows { row.windowId };
            for (const auto &home : *homes) {
                if (!windows.contains(home.first))
                    windows << home.first;
            }
            for (const QString &windowId : std::as_const(windows)) {
                const auto event = EventService::append(m_database, m_clock, windowId, type, data);
                if (!event)
                    return event.error();
            }
            const QString what = row.stage == QLatin1String("decision")
                ? QStringLiteral("审批决定")
                : QStringLiteral("受理决定");
            const QString text = level == QLatin1String("overdue")
                ? QStringLiteral("【统一受理平台】案件%1（事项%2）的%3已于%4到期，现已超时，"
                                 "请立即处理。")
                      .arg(row.caseNumber, row.itemCode, what, isoDate(due))
                : QStringLiteral("【统一受理平台】案件%1（事项%2）的%3将于%4到期，请及时处理。")
                      .arg(row.caseNumber, row.itemCode, what, isoDate(due));
            for (const auto &home : *homes) {
                // The duty phone is copied as stored (sealed).
                if (const Core::Status queued
                    = m_store.queueSms(home.first, home.second, text, now.toMSecsSinceEpoch());
                    !queued)
                    return queued;
                qCInfo(lcHub).noquote() << "case" << row.caseId << level << "SMS to"
                                        << CallService::maskPhone(home.second);
            }
            return {};
        });
        if (!raised)
            continue; // raised before (or failed: tried again at the next sweep)
        if (level == QLatin1String("overdue"))
            ++report.overdue;
        else
            ++report.dueSoon;
    }
    return report;
}

} // namespace Tongban::Hub
