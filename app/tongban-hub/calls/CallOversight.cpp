#include "CallOversight.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "calendar/CalendarService.h"
#include "events/EventService.h"

#include <core/WorkCalendar.h>
#include <storage/Database.h>

#include <QJsonArray>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>

namespace Tongban::Hub {

namespace {

QTimeZone beijing()
{
    return QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
}

bool isMonth(const QString &month)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-(0[1-9]|1[0-2])$"));
    return shape.match(month).hasMatch();
}

/// [start, end) of \a month in milliseconds since the epoch, Beijing time.
QPair<qint64, qint64> monthRange(const QString &month)
{
    const QDate first = QDate::fromString(QString(month + QStringLiteral("-01")), Qt::ISODate);
    const QDateTime start(first, QTime(0, 0), beijing());
    const QDateTime end(first.addMonths(1), QTime(0, 0), beijing());
    return { start.toMSecsSinceEpoch(), end.toMSecsSinceEpoch() };
}

QJsonValue nullable(const QVariant &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue::fromVariant(value);
}

qint64 percentile(QList<qint64> values, int percent)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    // Nearest rank.
    const qsizetype rank = qMax<qsizetype>(1, (values.size() * percent + 99) / 100);
    return values.at(rank - 1);
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1) + QStringLiteral(" s");
}

} // namespace

QList<OfficeSpan> CallOversight::defaultHours()
{
    return { { 9 * 60, 12 * 60 }, { 13 * 60 + 30, 17 * 60 + 30 } };
}

std::optional<OfficeSpan> CallOversight::parseSpan(const QString &text, QString *problem)
{
    static const QRegularExpression shape(
        QStringLiteral("^([01]\\d|2[0-4]):([0-5]\\d)-([01]\\d|2[0-4]):([0-5]\\d)$"));
    const auto match = shape.match(text.trimmed());
    const auto bad = [&](const QString &why) -> std::optional<OfficeSpan> {
        if (problem)
            *problem = QString(text + QStringLiteral(": ") + why);
        return std::nullopt;
    };
    if (!match.hasMatch())
        return bad(QStringLiteral("not HH:MM-HH:MM"));
    const int from = match.captured(1).toInt() * 60 + match.captured(2).toInt();
    const int to = match.captured(3).toInt() * 60 + match.captured(4).toInt();
    if (from >= 24 * 60 || to > 24 * 60)
        return bad(QStringLiteral("past 24:00"));
    if (to <= from)
        return bad(QStringLiteral("ends before it starts"));
    return OfficeSpan { from, to };
}

QString CallOversight::spanText(const OfficeSpan &span)
{
    const auto hhmm = [](int minutes) {
        return QStringLiteral("%1:%2")
            .arg(minutes / 60, 2, 10, QLatin1Char('0'))
            .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    };
    return QString(hhmm(span.fromMinute) + QLatin1Char('-') + hhmm(span.toMinute));
}

QString CallOversight::monthOf(const QDateTime &time)
{
    return time.toTimeZone(beijing()).toString(QStringLiteral("yyyy-MM"));
}

Storage::MigrationSet CallOversight::schema()
{
    // Its own set (module "hub_calls2", issue 15), applied after hubSchema() (hub_calls).
    Storage::Migration first;
    first.version = 1;
    first.description
        = QStringLiteral("office hours, answer times and clerks of calls, miss escalations");
    first.statements = {
        QStringLiteral("ALTER TABLE hub_calls ADD COLUMN caller_account TEXT"),
        QStringLiteral("ALTER TABLE hub_calls ADD COLUMN answered_account TEXT"),
        QStringLiteral("ALTER TABLE hub_calls ADD COLUMN answered_at BIGINT"),
        QStringLiteral("ALTER TABLE hub_calls ADD COLUMN answer_ms BIGINT"),
        QStringLiteral("CREATE INDEX hub_calls_started ON hub_calls(started_at)"),
        QStringLiteral("CREATE TABLE hub_office_hours (jurisdiction_code TEXT PRIMARY KEY,"
                       " spans TEXT NOT NULL, updated_by TEXT NOT NULL,"
                       " updated_at BIGINT NOT NULL)"),
        QStringLiteral(
            "CREATE TABLE hub_call_escalations (id TEXT PRIMARY KEY, window_id TEXT NOT NULL,"
            " month TEXT NOT NULL, miss_count INTEGER NOT NULL, created_at BIGINT NOT NULL,"
            " state TEXT NOT NULL, decided_by TEXT, decided_at BIGINT, note TEXT,"
            " UNIQUE (window_id, month))"),
    };
    return Storage::MigrationSet { QStringLiteral("hub_calls2"), { first } };
}

CallOversight::CallOversight(Storage::Database &database, const CalendarService &calendar,
    const HubConfig &config, const Core::Clock &clock)
    : m_database(database)
    , m_calendar(calendar)
    , m_config(config)
    , m_clock(clock)
{ }

QList<OfficeSpan> CallOversight::hoursOf(const QString &jurisdiction) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT spans FROM hub_office_hours WHERE jurisdiction_code = ?"));
    query.addBindValue(jurisdiction);
    if (!query.exec() || !query.next())
        return defaultHours();
    QList<OfficeSpan> spans;
    for (const QString &text : query.value(0).toString().split(QLatin1Char(','))) {
        if (const auto span = parseSpan(text))
            spans.append(*span);
    }
    return spans.isEmpty() ? defaultHours() : spans;
}

bool CallOversight::isOpen(const QString &jurisdiction, const QDateTime &at) const
{
    const QDateTime local = at.toTimeZone(beijing());
    const QDateTime next = nextOpen(jurisdiction, at);
    return next.isValid() && next.toMSecsSinceEpoch() == local.toMSecsSinceEpoch();
}

QDateTime CallOversight::nextOpen(const QString &jurisdiction, const QDateTime &after) const
{
    const QDateTime local = after.toTimeZone(beijing());
    const QList<OfficeSpan> spans = hoursOf(jurisdiction);
    std::optional<Core::WorkCalendar> calendar;
    if (const auto document = m_calendar.document()) {
        if (auto parsed = Core::WorkCalendar::fromJson(*document))
            calendar = std::move(*parsed);
    }
    const auto working = [&](const QDate &date) {
        if (calendar) {
            if (const auto known = calendar->isWorkingDay(date))
                return *known;
        }
        return date.dayOfWeek() <= 5; // a year the calendar does not cover: Monday to Friday
    };
    const int nowMinute = local.time().hour() * 60 + local.time().minute();
    for (int day = 0; day <= 400; ++day) {
        const QDate date = local.date().addDays(day);
        if (!working(date))
            continue;
        for (const OfficeSpan &span : spans) {
            if (day == 0 && nowMinute >= span.toMinute)
                continue;
            if (day == 0 && nowMinute >= span.fromMinute)
                return local; // open now
            return QDateTime(date, QTime(0, 0), beijing()).addSecs(qint64(span.fromMinute) * 60);
        }
    }
    return {};
}

QString CallOversight::closedMessage(const QString &jurisdiction, const QDateTime &at) const
{
    QStringList spans;
    for (const OfficeSpan &span : hoursOf(jurisdiction))
        spans << spanText(span);
    const QDateTime next = nextOpen(jurisdiction, at);
    const QString when = next.isValid()
        ? next.toTimeZone(beijing()).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
        : QStringLiteral("未定");
    return QStringLiteral("属地窗口现在不在办公时间（工作日 %1），无法呼叫。下次办公时间：%2。")
        .arg(spans.join(QStringLiteral("、")), when);
}

HttpResponse CallOversight::officeHours(
    const QString &jurisdiction, const AuthContext &context) const
{
    Q_UNUSED(context) // office hours are public to every signed-in account
    static const QRegularExpression code(QStringLiteral("^\\d{6}$"));
    if (!code.match(jurisdiction).hasMatch())
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("行政区划代码错误"),
            jurisdiction.left(20));
    QJsonArray spans;
    for (const OfficeSpan &span : hoursOf(jurisdiction))
        spans.append(spanText(span));
    const QDateTime now = m_clock.now();
    const QDateTime next = nextOpen(jurisdiction, now);
    return jsonResponse(200,
        QJsonObject { { QStringLiteral("jurisdiction"), jurisdiction },
            { QStringLiteral("spans"), spans },
            { QStringLiteral("timeZone"), QStringLiteral("Asia/Shanghai") },
            { QStringLiteral("openNow"), isOpen(jurisdiction, now) },
            { QStringLiteral("nextOpen"),
                next.isValid() ? QJsonValue(rfc3339(next)) : QJsonValue() } });
}

HttpResponse CallOversight::setOfficeHours(
    const QString &jurisdiction, const QJsonObject &body, const AuthContext &context)
{
    if (context.role != QLatin1String("admin"))
        return errorResponse(403, QStringLiteral("forbidden"),
            QStringLiteral("只有平台管理员可以设置办公时间"), context.role);
    static const QRegularExpression code(QStringLiteral("^\\d{6}$"));
    if (!code.match(jurisdiction).hasMatch())
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("行政区划代码错误"),
            jurisdiction.left(20));
    const QJsonArray list = body.value(QStringLiteral("spans")).toArray();
    if (list.isEmpty() || list.size() > 6)
        return errorResponse(422, QStringLiteral("validation_failed"),
            QStringLiteral("办公时间须为 1 至 6 个时段"), QStringLiteral("/spans"));
    QList<OfficeSpan> spans;
    for (const QJsonValue &value : list) {
        QString problem;
        const auto span = parseSpan(value.toString(), &problem);
        if (!span)
            return errorResponse(422, QStringLiteral("validation_failed"),
                QStringLiteral("办公时间格式应为 HH:MM-HH:MM"), problem.left(100));
        if (!spans.isEmpty() && span->fromMinute < spans.last().toMinute)
            return errorResponse(422, QStringLiteral("validation_failed"),
                QStringLiteral("办公时段须按时间先后排列且不重叠"), value.toString());
        spans.append(*span);
    }
    QStringList texts;
    for (const OfficeSpan &span : spans)
        texts << spanText(span);
    const Core::Status stored = m_database.transaction([&]() -> Core::Status {
        QSqlQuery remove(m_database.connection());
        remove.prepare(QStringLiteral("DELETE FROM hub_office_hours WHERE jurisdiction_code = ?"));
        remove.addBindValue(jurisdiction);
        if (!remove.exec())
            return Storage::Database::queryError(remove, QStringLiteral("office hours"));
        QSqlQuery insert(m_database.connection());
        insert.prepare(QStringLiteral("INSERT INTO hub_office_hours (jurisdiction_code, spans,"
                                      " updated_by, updated_at) VALUES (?, ?, ?, ?)"));
        insert.addBindValue(jurisdiction);
        insert.addBindValue(texts.join(QLatin1Char(',')));
        insert.addBindValue(context.account);
        insert.addBindValue(m_clock.now().toMSecsSinceEpoch());
        if (!insert.exec())
            return Storage::Database::queryError(insert, QStringLiteral("office hours"));
        return {};
    });
    if (!stored)
        return internalError(stored.error().detail);
    qCInfo(lcHub).noquote() << "office hours of" << jurisdiction << "set to" << texts.join(u',')
                            << "by" << context.account;
    return officeHours(jurisdiction, context);
}

QList<QString> CallOversight::supervisingAdmins(const QString &windowId) const
{
    // The level above the window's jurisdiction (000 第十八条: 交上一级政务服务管理机构):
    // the city's (4104xx → 410400), then the province's admins; any admin when neither has one.
    QSqlQuery window(m_database.connection());
    window.prepare(QStringLiteral("SELECT jurisdiction_code FROM hub_windows WHERE id = ?"));
    window.addBindValue(windowId);
    const QString code = window.exec() && window.next() ? window.value(0).toString() : QString();
    QStringList levels;
    if (code.size() == 6) {
        levels << QString(code.left(4) + QStringLiteral("00"))
               << QString(code.left(2) + QStringLiteral("0000"));
    }
    levels << QString(); // any
    for (const QString &level : std::as_const(levels)) {
        QSqlQuery admins(m_database.connection());
        admins.prepare(level.isEmpty()
                ? QStringLiteral("SELECT account FROM hub_accounts WHERE role = 'admin'"
                                 " AND disabled = 0 ORDER BY account")
                : QStringLiteral("SELECT account FROM hub_accounts WHERE role = 'admin'"
                                 " AND disabled = 0 AND jurisdiction_code = ? ORDER BY account"));
        if (!level.isEmpty())
            admins.addBindValue(level);
        QStringList found;
        if (admins.exec()) {
            while (admins.next())
                found << admins.value(0).toString();
        }
        if (!found.isEmpty())
            return found;
    }
    return {};
}

QString CallOversight::escalateIfDue(const QString &windowId, const QString &month)
{
    QSqlQuery count(m_database.connection());
    count.prepare(
        QStringLiteral("SELECT COUNT(*) FROM hub_missed_calls WHERE window_id = ? AND month = ?"));
    count.addBindValue(windowId);
    count.addBindValue(month);
    const int misses = count.exec() && count.next() ? count.value(0).toInt() : 0;
    // 1 个月内超过 3 次未及时接收、回应 (000 第十八条): the 4th.
    if (misses <= 3)
        return {};
    const QString id = QStringLiteral("esc-%1-%2").arg(month, windowId);
    QSqlQuery existing(m_database.connection());
    existing.prepare(QStringLiteral("SELECT 1 FROM hub_call_escalations WHERE id = ?"));
    existing.addBindValue(id);
    if (!existing.exec() || existing.next())
        return {};
    const QDateTime now = m_clock.now();
    const QStringList admins = supervisingAdmins(windowId);
    QSqlQuery name(m_database.connection());
    name.prepare(QStringLiteral("SELECT name, jurisdiction_code FROM hub_windows WHERE id = ?"));
    name.addBindValue(windowId);
    const bool named = name.exec() && name.next();
    const QJsonObject data { { QStringLiteral("escalationId"), id },
        { QStringLiteral("windowId"), windowId },
        { QStringLiteral("windowName"), named ? name.value(0).toString() : QString() },
        { QStringLiteral("jurisdiction"), named ? name.value(1).toString() : QString() },
        { QStringLiteral("month"), month }, { QStringLiteral("misses"), misses } };
    const Core::Status stored = m_database.transaction([&]() -> Core::Status {
        QSqlQuery insert(m_database.connection());
        insert.prepare(QStringLiteral("INSERT INTO hub_call_escalations (id, window_id, month,"
                                      " miss_count, created_at, state) VALUES (?, ?, ?, ?, ?,"
                                      " 'open')"));
        insert.addBindValue(id);
        insert.addBindValue(windowId);
        insert.addBindValue(month);
        insert.addBindValue(misses);
        insert.addBindValue(now.toMSecsSinceEpoch());
        if (!insert.exec())
            return Storage::Database::queryError(insert, QStringLiteral("escalation"));
        for (const QString &admin : admins) {
            const auto event = EventService::append(m_database, m_clock,
                EventService::accountInbox(admin), QStringLiteral("call.escalated"), data);
            if (!event)
                return event.error();
        }
        return {};
    });
    if (!stored) {
        qCWarning(lcHub) << "recording an escalation failed:" << stored.error().detail;
        return {};
    }
    qCWarning(lcHub).noquote() << "window" << windowId << "missed" << misses << "calls in" << month
                               << "- escalation" << id << "for" << admins.join(u',');
    return id;
}

HttpResponse CallOversight::escalations(const QUrlQuery &query, const AuthContext &context) const
{
    if (context.role != QLatin1String("admin"))
        return errorResponse(403, QStringLiteral("forbidden"),
            QStringLiteral("只有平台管理员可以查看升级处理记录"), context.role);
    const QString month = query.queryItemValue(QStringLiteral("month"));
    const QString state = query.queryItemValue(QStringLiteral("state"));
    if (!month.isEmpty() && !isMonth(month))
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("月份格式错误"),
            QStringLiteral("month=YYYY-MM"));
    if (!state.isEmpty() && state != QLatin1String("open") && state != QLatin1String("confirmed")
        && state != QLatin1String("excused"))
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("状态无效"),
            QStringLiteral("state=open|confirmed|excused"));
    QSqlQuery select(m_database.connection());
    select.prepare(QStringLiteral(
        "SELECT id, window_id, month, miss_count, created_at, state, decided_by, decided_at,"
        " note FROM hub_call_escalations WHERE (? = '' OR month = ?) AND (? = '' OR state = ?)"
        " ORDER BY created_at, id LIMIT 1000"));
    select.addBindValue(month);
    select.addBindValue(month);
    select.addBindValue(state);
    select.addBindValue(state);
    if (!select.exec())
        return internalError(select.lastError().text());
    QJsonArray list;
    while (select.next()) {
        list.append(QJsonObject { { QStringLiteral("id"), select.value(0).toString() },
            { QStringLiteral("windowId"), select.value(1).toString() },
            { QStringLiteral("month"), select.value(2).toString() },
            { QStringLiteral("misses"), select.value(3).toInt() },
            { QStringLiteral("createdAt"),
                rfc3339(QDateTime::fromMSecsSinceEpoch(select.value(4).toLongLong(), Qt::UTC)) },
            { QStringLiteral("state"), select.value(5).toString() },
            { QStringLiteral("decidedBy"), nullable(select.value(6)) },
            { QStringLiteral("decidedAt"),
                select.value(7).isNull() ? QJsonValue()
                                         : QJsonValue(rfc3339(QDateTime::fromMSecsSinceEpoch(
                                             select.value(7).toLongLong(), Qt::UTC))) },
            { QStringLiteral("note"), nullable(select.value(8)) } });
    }
    return jsonResponse(200, QJsonObject { { QStringLiteral("escalations"), list } });
}

HttpResponse CallOversight::decideEscalation(
    const QString &id, const QJsonObject &body, const AuthContext &context)
{
    if (context.role != QLatin1String("admin"))
        return errorResponse(403, QStringLiteral("forbidden"),
            QStringLiteral("只有平台管理员可以处理升级记录"), context.role);
    const QString decision = body.value(QStringLiteral("decision")).toString();
    const QString note = body.value(QStringLiteral("note")).toString();
    if (decision != QLatin1String("confirmed") && decision != QLatin1String("excused"))
        return errorResponse(422, QStringLiteral("validation_failed"),
            QStringLiteral("处理结果须为确认或免责"),
            QStringLiteral("decision: confirmed|excused"));
    if (note.size() > 500)
        return errorResponse(422, QStringLiteral("validation_failed"),
            QStringLiteral("说明不能超过 500 字"), QStringLiteral("/note"));
    if (decision == QLatin1String("excused") && note.trimmed().isEmpty())
        return errorResponse(422, QStringLiteral("validation_failed"),
            QStringLiteral("免责须写明理由"), QStringLiteral("/note"));
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE hub_call_escalations SET state = ?, decided_by = ?,"
                                  " decided_at = ?, note = ? WHERE id = ? AND state = 'open'"));
    update.addBindValue(decision);
    update.addBindValue(context.account);
    update.addBindValue(m_clock.now().toMSecsSinceEpoch());
    update.addBindValue(note);
    update.addBindValue(id);
    if (!update.exec())
        return internalError(update.lastError().text());
    if (update.numRowsAffected() == 0) {
        QSqlQuery exists(m_database.connection());
        exists.prepare(QStringLiteral("SELECT state FROM hub_call_escalations WHERE id = ?"));
        exists.addBindValue(id);
        if (exists.exec() && exists.next())
            return errorResponse(409, QStringLiteral("conflict"), QStringLiteral("该记录已处理"),
                exists.value(0).toString());
        return errorResponse(
            404, QStringLiteral("not_found"), QStringLiteral("升级记录不存在"), id.left(100));
    }
    qCInfo(lcHub).noquote() << "escalation" << id << decision << "by" << context.account;
    return emptyResponse(204);
}

Core::Result<QJsonObject> CallOversight::report(Storage::Database &database, const QString &month,
    const QString &jurisdiction, const QString &windowId)
{
    const auto [startMs, endMs] = monthRange(month);
    QHash<QString, QString> jurisdictionOf;
    QHash<QString, QString> nameOf;
    {
        QSqlQuery windows(database.connection());
        if (!windows.exec(QStringLiteral("SELECT id, jurisdiction_code, name FROM hub_windows")))
            return Storage::Database::queryError(windows, QStringLiteral("report windows"));
        while (windows.next()) {
            jurisdictionOf.insert(windows.value(0).toString(), windows.value(1).toString());
            nameOf.insert(windows.value(0).toString(), windows.value(2).toString());
        }
    }
    const auto inScope = [&](const QString &window) {
        if (!windowId.isEmpty())
            return window == windowId;
        return jurisdiction.isEmpty() || jurisdictionOf.value(window) == jurisdiction;
    };

    // Home windows: misses, answers and answer times, escalation.
    struct Home
    {
        int misses = 0;
        QList<qint64> answers;
        QJsonValue escalation;
    };
    QMap<QString, Home> homes;
    QSqlQuery misses(database.connection());
    misses.prepare(QStringLiteral(
        "SELECT window_id, COUNT(*) FROM hub_missed_calls WHERE month = ? GROUP BY window_id"));
    misses.addBindValue(month);
    if (!misses.exec())
        return Storage::Database::queryError(misses, QStringLiteral("report misses"));
    while (misses.next()) {
        if (inScope(misses.value(0).toString()))
            homes[misses.value(0).toString()].misses = misses.value(1).toInt();
    }
    // Calls made (application windows and clerks), and answer times.
    struct Caller
    {
        QString window;
        QString account;
        int made = 0;
        QMap<QString, int> states;
    };
    QMap<QPair<QString, QString>, Caller> callers;
    QList<qint64> allAnswers;
    QSqlQuery calls(database.connection());
    calls.prepare(QStringLiteral(
        "SELECT caller_window, caller_account, state, answered_by, answer_ms FROM hub_calls"
        " WHERE started_at >= ? AND started_at < ? ORDER BY started_at"));
    calls.addBindValue(startMs);
    calls.addBindValue(endMs);
    if (!calls.exec())
        return Storage::Database::queryError(calls, QStringLiteral("report calls"));
    while (calls.next()) {
        const QString caller = calls.value(0).toString();
        const QString account = calls.value(1).toString();
        const QString answeredBy = calls.value(3).toString();
        if (inScope(caller)) {
            Caller &entry = callers[{ caller, account }];
            entry.window = caller;
            entry.account = account;
            ++entry.made;
            ++entry.states[calls.value(2).toString()];
        }
        if (!calls.value(4).isNull() && !answeredBy.isEmpty() && inScope(answeredBy)) {
            homes[answeredBy].answers.append(calls.value(4).toLongLong());
            allAnswers.append(calls.value(4).toLongLong());
        }
    }
    QSqlQuery escalations(database.connection());
    escalations.prepare(QStringLiteral("SELECT id, window_id, miss_count, state, decided_by, note"
                                       " FROM hub_call_escalations WHERE month = ? ORDER BY id"));
    escalations.addBindValue(month);
    if (!escalations.exec())
        return Storage::Database::queryError(escalations, QStringLiteral("report escalations"));
    QJsonArray escalationList;
    while (escalations.next()) {
        const QString window = escalations.value(1).toString();
        if (!inScope(window))
            continue;
        const QJsonObject entry { { QStringLiteral("id"), escalations.value(0).toString() },
            { QStringLiteral("windowId"), window },
            { QStringLiteral("misses"), escalations.value(2).toInt() },
            { QStringLiteral("state"), escalations.value(3).toString() },
            { QStringLiteral("decidedBy"), nullable(escalations.value(4)) },
            { QStringLiteral("note"), nullable(escalations.value(5)) } };
        escalationList.append(entry);
        homes[window].escalation = entry.value(QStringLiteral("state"));
    }

    QJsonArray homeList;
    for (auto it = homes.cbegin(); it != homes.cend(); ++it) {
        const Home &home = it.value();
        homeList.append(QJsonObject { { QStringLiteral("windowId"), it.key() },
            { QStringLiteral("name"), nameOf.value(it.key()) },
            { QStringLiteral("misses"), home.misses },
            { QStringLiteral("answered"), int(home.answers.size()) },
            { QStringLiteral("answerMsMedian"), percentile(home.answers, 50) },
            { QStringLiteral("answerMsP95"), percentile(home.answers, 95) },
            { QStringLiteral("answerMsMax"),
                home.answers.isEmpty()
                    ? 0
                    : *std::max_element(home.answers.cbegin(), home.answers.cend()) },
            { QStringLiteral("escalation"), home.escalation } });
    }
    QJsonArray callerList;
    for (const Caller &caller : std::as_const(callers)) {
        QJsonObject states;
        for (auto it = caller.states.cbegin(); it != caller.states.cend(); ++it)
            states.insert(it.key(), it.value());
        callerList.append(QJsonObject { { QStringLiteral("windowId"), caller.window },
            { QStringLiteral("name"), nameOf.value(caller.window) },
            { QStringLiteral("account"),
                caller.account.isEmpty() ? QJsonValue() : QJsonValue(caller.account) },
            { QStringLiteral("calls"), caller.made }, { QStringLiteral("byState"), states } });
    }
    return QJsonObject { { QStringLiteral("month"), month },
        { QStringLiteral("homeWindows"), homeList }, { QStringLiteral("callers"), callerList },
        { QStringLiteral("escalations"), escalationList },
        { QStringLiteral("answered"), int(allAnswers.size()) },
        { QStringLiteral("answerMsMedian"), percentile(allAnswers, 50) },
        { QStringLiteral("answerMsP95"), percentile(allAnswers, 95) } };
}

QString CallOversight::reportText(const QJsonObject &report)
{
    QString text;
    QTextStream out(&text);
    out << "Video assistance, " << report.value(QStringLiteral("month")).toString() << "\n\n";
    out << "Home windows (misses, answers, answer time median / p95 / max, escalation):\n";
    for (const QJsonValue &value : report.value(QStringLiteral("homeWindows")).toArray()) {
        const QJsonObject home = value.toObject();
        out << "  " << home.value(QStringLiteral("windowId")).toString() << "  misses "
            << home.value(QStringLiteral("misses")).toInt() << "  answered "
            << home.value(QStringLiteral("answered")).toInt() << "  "
            << seconds(qint64(home.value(QStringLiteral("answerMsMedian")).toDouble())) << " / "
            << seconds(qint64(home.value(QStringLiteral("answerMsP95")).toDouble())) << " / "
            << seconds(qint64(home.value(QStringLiteral("answerMsMax")).toDouble()));
        if (home.value(QStringLiteral("escalation")).isString())
            out << "  escalation " << home.value(QStringLiteral("escalation")).toString();
        out << '\n';
    }
    out << "\nCalls made (application window, clerk: calls, by outcome):\n";
    for (const QJsonValue &value : report.value(QStringLiteral("callers")).toArray()) {
        const QJsonObject caller = value.toObject();
        QStringList states;
        const QJsonObject byState = caller.value(QStringLiteral("byState")).toObject();
        for (auto it = byState.constBegin(); it != byState.constEnd(); ++it)
            states << QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toInt());
        out << "  " << caller.value(QStringLiteral("windowId")).toString() << ", "
            << caller.value(QStringLiteral("account")).toString(QStringLiteral("-")) << ": "
            << caller.value(QStringLiteral("calls")).toInt() << " (" << states.join(u',') << ")\n";
    }
    out << "\nEscalations:\n";
    const QJsonArray escalations = report.value(QStringLiteral("escalations")).toArray();
    if (escalations.isEmpty())
        out << "  none\n";
    for (const QJsonValue &value : escalations) {
        const QJsonObject entry = value.toObject();
        out << "  " << entry.value(QStringLiteral("id")).toString() << "  "
            << entry.value(QStringLiteral("misses")).toInt() << " misses  "
            << entry.value(QStringLiteral("state")).toString() << '\n';
    }
    return text;
}

HttpResponse CallOversight::reportRoute(const QUrlQuery &query, const AuthContext &context) const
{
    QString month = query.queryItemValue(QStringLiteral("month"));
    if (month.isEmpty())
        month = monthOf(m_clock.now());
    if (!isMonth(month))
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("月份格式错误"),
            QStringLiteral("month=YYYY-MM"));
    QString jurisdiction;
    QString window;
    if (context.role == QLatin1String("department"))
        jurisdiction = context.jurisdictionCode;
    else if (context.role != QLatin1String("admin")) {
        if (context.windowId.isEmpty())
            return errorResponse(
                403, QStringLiteral("forbidden"), QStringLiteral("无权查看通话月报"), context.role);
        window = context.windowId;
    }
    const auto made = report(m_database, month, jurisdiction, window);
    if (!made)
        return internalError(made.error().detail);
    return jsonResponse(200, *made);
}

QPair<QString, QString> CallOversight::turnCredential(
    const QByteArray &secret, const QString &windowId, qint64 expirySecs)
{
    const QString username = QStringLiteral("%1:%2").arg(expirySecs).arg(windowId);
    const QByteArray password
        = QMessageAuthenticationCode::hash(username.toUtf8(), secret, QCryptographicHash::Sha1)
              .toBase64();
    return { username, QString::fromLatin1(password) };
}

HttpResponse CallOversight::iceServers(const AuthContext &context) const
{
    if (context.windowId.isEmpty())
        return errorResponse(403, QStringLiteral("forbidden"),
            QStringLiteral("未在窗口登录，不能获取通话服务器"), context.role);
    QJsonArray servers = m_config.iceServers;
    const QDateTime now = m_clock.now();
    const qint64 expiry = now.toSecsSinceEpoch() + m_config.turn.ttlSecs;
    if (!m_config.turn.urls.isEmpty() && !m_config.turn.secret.isEmpty()) {
        const auto [username, credential]
            = turnCredential(m_config.turn.secret, context.windowId, expiry);
        servers.append(QJsonObject {
            { QStringLiteral("urls"), QJsonArray::fromStringList(m_config.turn.urls) },
            { QStringLiteral("username"), username },
            { QStringLiteral("credential"), credential } });
    }
    return jsonResponse(200,
        QJsonObject { { QStringLiteral("iceServers"), servers },
            { QStringLiteral("expiresAt"),
                rfc3339(QDateTime::fromSecsSinceEpoch(expiry, Qt::UTC)) },
            { QStringLiteral("ttlSecs"), m_config.turn.ttlSecs } });
}

} // namespace Tongban::Hub
