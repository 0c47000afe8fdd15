#include "DeadlineService.h"

#include "HubErrors.h"
#include "Logging.h"
#include "accounts/AccountService.h"
#include "calendar/CalendarService.h"
#include "calls/CallService.h"
#include "catalogue/CatalogueService.h"
#include "events/EventService.h"

#include <storage/Database.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
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

/// The home windows of \a jurisdiction with their duty phones (as CallService finds them).
QList<QPair<QString, QString>> homeWindowsWithPhones(
    Storage::Database &database, const QString &jurisdiction)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral(
        "SELECT DISTINCT w.id, w.phone FROM hub_windows w"
        " JOIN hub_account_windows aw ON aw.window_id = w.id"
        " JOIN hub_accounts a ON a.account = aw.account WHERE w.jurisdiction_code = ?"
        " AND w.role IN ('home', 'both') AND a.role = 'home' AND a.disabled = 0 ORDER BY w.id"));
    query.addBindValue(jurisdiction);
    QList<QPair<QString, QString>> windows;
    if (query.exec()) {
        while (query.next())
            windows.append({ query.value(0).toString(), query.value(1).toString() });
    }
    return windows;
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
    : m_database(database)
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
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT c.item_code, c.status, c.submitted_at, r.decision, r.issued_at,"
        " (SELECT MAX(q.answered_at) FROM hub_correction_requests q WHERE q.case_id = c.id)"
        " FROM hub_cases c LEFT JOIN hub_results r ON r.case_id = c.id WHERE c.id = ?"));
    query.addBindValue(caseId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("case for deadlines"));
    if (!query.next() || query.value(2).isNull())
        return {}; // not submitted: no deadline runs yet
    const QString itemCode = query.value(0).toString();
    const QString status = query.value(1).toString();
    // A corrected case is received anew when its corrected pages are in (第二十条).
    const QDateTime submittedAt = QDateTime::fromMSecsSinceEpoch(
        qMax(query.value(2).toLongLong(), query.value(5).toLongLong()), QTimeZone::utc());
    const QString decision = query.value(3).toString();
    const QDateTime decidedAt = query.value(4).isNull()
        ? QDateTime()
        : QDateTime::fromMSecsSinceEpoch(query.value(4).toLongLong(), QTimeZone::utc());
    query.finish();

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
    const int submittedYear = submittedAt.toTimeZone(chinaTime()).date().year();
    const QString received = dateOrEmpty(receiptDay(calendar, submittedAt), submittedYear);
    const QString acceptance = dateOrEmpty(acceptanceDue(calendar, submittedAt), submittedYear);
    if (!failure.isEmpty())
        return Core::Error { HubError::Deadlines + 1,
            QStringLiteral("The deadlines could not be computed."), failure };
    QString decisionDate;
    QString stage = QStringLiteral("acceptance");
    if (decision == QLatin1String("accepted")) {
        const Catalog::ServiceItem *item = m_catalogue.catalog().item(itemCode);
        decisionDate
            = dateOrEmpty(decisionDue(calendar, decidedAt, item ? item->promisedTimeLimitDays : 0,
                              item ? item->legalTimeLimitDays : 0),
                decidedAt.toTimeZone(chinaTime()).date().year());
        if (!failure.isEmpty())
            return Core::Error { HubError::Deadlines + 1,
                QStringLiteral("The deadlines could not be computed."), failure };
        stage = QStringLiteral("decision");
    } else if (!decision.isEmpty()) {
        stage = QStringLiteral("done"); // rejected: nothing more runs
    } else {
        QSqlQuery open(m_database.connection());
        // An open request for correction (第二十条): the case waits on the applicant.
        open.prepare(QStringLiteral("SELECT 1 FROM hub_correction_requests WHERE case_id = ?"
                                    " AND state = 'open'"));
        open.addBindValue(caseId);
        if (open.exec() && open.next())
            stage = QStringLiteral("applicant");
    }
    static const QStringList finished { QStringLiteral("completed"), QStringLiteral("closed"),
        QStringLiteral("delivered"), QStringLiteral("rejected") };
    if (finished.contains(status))
        stage = QStringLiteral("done");

    QSqlQuery upsert(m_database.connection());
    upsert.prepare(QStringLiteral(
        "INSERT INTO hub_case_deadlines (case_id, received_on, acceptance_due, correction_due,"
        " decision_due, stage, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (case_id) DO UPDATE SET received_on = excluded.received_on,"
        " acceptance_due = excluded.acceptance_due, correction_due = excluded.correction_due,"
        " decision_due = excluded.decision_due, stage = excluded.stage,"
        " updated_at = excluded.updated_at"));
    upsert.addBindValue(caseId);
    // A null QString binds as NULL, which the NOT NULL columns refuse: unknown is ''.
    const auto text = [](const QString &value) {
        return value.isNull() ? QStringLiteral("") : value;
    };
    upsert.addBindValue(text(received));
    upsert.addBindValue(text(acceptance));
    upsert.addBindValue(text(acceptance)); // 第二十条: the same 2 working days
    upsert.addBindValue(decisionDate.isEmpty() ? QVariant() : QVariant(decisionDate));
    upsert.addBindValue(stage);
    upsert.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if (!upsert.exec())
        return Storage::Database::queryError(upsert, QStringLiteral("store deadlines"));
    return {};
}

QJsonObject DeadlineService::caseDeadlines(const QString &caseId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT received_on, acceptance_due, correction_due, decision_due, stage"
                       " FROM hub_case_deadlines WHERE case_id = ?"));
    query.addBindValue(caseId);
    if (!query.exec() || !query.next())
        return {};
    const QString stage = query.value(4).toString();
    const QString due = stage == QLatin1String("decision") ? query.value(3).toString()
        : stage == QLatin1String("acceptance")             ? query.value(1).toString()
                                                           : QString();
    const QDate today = Core::chinaStandardDate(m_clock.now());
    QJsonObject deadlines { { QStringLiteral("receivedOn"), dateOrNull(query.value(0).toString()) },
        { QStringLiteral("acceptanceDue"), dateOrNull(query.value(1).toString()) },
        { QStringLiteral("correctionContactDue"), dateOrNull(query.value(2).toString()) },
        { QStringLiteral("decisionDue"), dateOrNull(query.value(3).toString()) },
        { QStringLiteral("stage"), stage }, { QStringLiteral("due"), dateOrNull(due) },
        { QStringLiteral("overdue"),
            !due.isEmpty() && QDate::fromString(due, Qt::ISODate) < today } };
    const bool running = stage == QLatin1String("acceptance") || stage == QLatin1String("decision");
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

HttpResponse DeadlineService::withDeadlines(const QString &caseId, HttpResponse response) const
{
    if (response.status != 200)
        return response;
    QJsonObject body = QJsonDocument::fromJson(response.body).object();
    const QJsonObject deadlines = caseDeadlines(caseId);
    body.insert(
        QStringLiteral("deadlines"), deadlines.isEmpty() ? QJsonValue() : QJsonValue(deadlines));
    HttpResponse answer = jsonResponse(200, body);
    return answer;
}

HttpResponse DeadlineService::list(const QUrlQuery &urlQuery, const AuthContext &context) const
{
    Q_UNUSED(urlQuery)
    const bool admin = context.role == QLatin1String("admin");
    const bool home
        = context.role == QLatin1String("department") || context.role == QLatin1String("home");
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT c.id, c.case_number, c.item_code, c.window_id, c.home_jurisdiction, d.stage,"
        " CASE d.stage WHEN 'decision' THEN d.decision_due ELSE d.acceptance_due END AS due"
        " FROM hub_case_deadlines d JOIN hub_cases c ON c.id = d.case_id"
        " WHERE d.stage IN ('acceptance', 'decision', 'applicant')"
        " AND (? OR (? AND c.home_jurisdiction = ?) OR c.window_id = ?)"
        " ORDER BY due, c.id LIMIT 200"));
    query.addBindValue(admin ? 1 : 0);
    query.addBindValue(home ? 1 : 0);
    query.addBindValue(context.jurisdictionCode);
    query.addBindValue(context.windowId);
    if (!query.exec())
        return internalError(query.lastError().text());
    const QDate today = Core::chinaStandardDate(m_clock.now());
    QJsonArray list;
    while (query.next()) {
        const QString stage = query.value(5).toString();
        const QString due = query.value(6).toString();
        const bool waiting = stage != QLatin1String("applicant");
        const bool dated = waiting && !due.isEmpty(); // empty: its year is not in the calendar
        list.append(QJsonObject { { QStringLiteral("caseId"), query.value(0).toString() },
            { QStringLiteral("caseNumber"), query.value(1).toString() },
            { QStringLiteral("itemCode"), query.value(2).toString() },
            { QStringLiteral("windowId"), query.value(3).toString() },
            { QStringLiteral("homeJurisdiction"), query.value(4).toString() },
            { QStringLiteral("stage"), stage },
            { QStringLiteral("due"), dated ? QJsonValue(due) : QJsonValue() },
            { QStringLiteral("overdue"), dated && QDate::fromString(due, Qt::ISODate) < today } });
    }
    return jsonResponse(200, QJsonObject { { QStringLiteral("deadlines"), list } });
}

Core::Result<DeadlineService::SweepReport> DeadlineService::sweep()
{
    SweepReport report;
    const auto calendar = calendarInForce();
    if (!calendar)
        return calendar.error();
    // Cases whose deadlines may have changed: submitted without a row, or still running.
    QStringList open;
    {
        QSqlQuery query(m_database.connection());
        if (!query.exec(QStringLiteral(
                "SELECT c.id FROM hub_cases c LEFT JOIN hub_case_deadlines d ON d.case_id = c.id"
                " WHERE c.submitted_at IS NOT NULL AND (d.case_id IS NULL"
                " OR d.stage IN ('acceptance', 'applicant', 'decision'))"
                " ORDER BY c.submitted_at LIMIT 5000")))
            return Storage::Database::queryError(query, QStringLiteral("open cases"));
        while (query.next())
            open << query.value(0).toString();
    }
    for (const QString &caseId : std::as_const(open)) {
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
    struct Due
    {
        QString caseId, caseNumber, itemCode, windowId, jurisdiction, stage;
        QDate due;
    };
    QList<Due> running;
    {
        QSqlQuery query(m_database.connection());
        if (!query.exec(QStringLiteral(
                "SELECT c.id, c.case_number, c.item_code, c.window_id, c.home_jurisdiction,"
                " d.stage, CASE d.stage WHEN 'decision' THEN d.decision_due"
                " ELSE d.acceptance_due END FROM hub_case_deadlines d"
                " JOIN hub_cases c ON c.id = d.case_id"
                " WHERE d.stage IN ('acceptance', 'decision') LIMIT 5000")))
            return Storage::Database::queryError(query, QStringLiteral("running deadlines"));
        while (query.next()) {
            running.append(
                { query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                    query.value(3).toString(), query.value(4).toString(), query.value(5).toString(),
                    QDate::fromString(query.value(6).toString(), Qt::ISODate) });
        }
    }
    for (const Due &due : std::as_const(running)) {
        if (!due.due.isValid())
            continue; // its year is not in the calendar in force: nothing to compare yet
        QString level;
        if (today > due.due)
            level = QStringLiteral("overdue");
        else if (due.due == today || (tomorrow && due.due <= *tomorrow))
            level = QStringLiteral("dueSoon");
        else
            continue;
        const Core::Status raised = m_database.transaction([&]() -> Core::Status {
            QSqlQuery alert(m_database.connection());
            alert.prepare(QStringLiteral(
                "INSERT INTO hub_deadline_alerts (case_id, stage, level, due, at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (case_id, stage, level) DO NOTHING"));
            alert.addBindValue(due.caseId);
            alert.addBindValue(due.stage);
            alert.addBindValue(level);
            alert.addBindValue(isoDate(due.due));
            alert.addBindValue(now.toMSecsSinceEpoch());
            if (!alert.exec())
                return Storage::Database::queryError(alert, QStringLiteral("deadline alert"));
            if (alert.numRowsAffected() != 1)
                return Core::Error { 0, {}, QStringLiteral("raised before") };
            const QJsonObject data { { QStringLiteral("caseId"), due.caseId },
                { QStringLiteral("caseNumber"), due.caseNumber },
                { QStringLiteral("itemCode"), due.itemCode },
                { QStringLiteral("stage"), due.stage },
                { QStringLiteral("due"), isoDate(due.due) } };
            const QString type = QStringLiteral("case.") + level;
            const auto homes = homeWindowsWithPhones(m_database, due.jurisdiction);
            QStringList windows { due.windowId };
            for (const auto &home : homes) {
                if (!windows.contains(home.first))
                    windows << home.first;
            }
            for (const QString &windowId : std::as_const(windows)) {
                const auto event = EventService::append(m_database, m_clock, windowId, type, data);
                if (!event)
                    return event.error();
            }
            const QString what = due.stage == QLatin1String("decision")
                ? QStringLiteral("审批决定")
                : QStringLiteral("受理决定");
            const QString text = level == QLatin1String("overdue")
                ? QStringLiteral("【统一受理平台】案件%1（事项%2）的%3已于%4到期，现已超时，"
                                 "请立即处理。")
                      .arg(due.caseNumber, due.itemCode, what, isoDate(due.due))
                : QStringLiteral("【统一受理平台】案件%1（事项%2）的%3将于%4到期，请及时处理。")
                      .arg(due.caseNumber, due.itemCode, what, isoDate(due.due));
            for (const auto &home : homes) {
                QSqlQuery sms(m_database.connection());
                sms.prepare(
                    QStringLiteral("INSERT INTO sms_outbox (window_id, phone, text,"
                                   " call_id, state, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
                sms.addBindValue(home.first);
                sms.addBindValue(home.second);
                sms.addBindValue(text);
                sms.addBindValue(QVariant()); // not about a call
                sms.addBindValue(
                    home.second.isEmpty() ? QStringLiteral("no_phone") : QStringLiteral("queued"));
                sms.addBindValue(now.toMSecsSinceEpoch());
                if (!sms.exec())
                    return Storage::Database::queryError(sms, QStringLiteral("queue SMS"));
                qCInfo(lcHub).noquote() << "case" << due.caseId << level << "SMS to"
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
