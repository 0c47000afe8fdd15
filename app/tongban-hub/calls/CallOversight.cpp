#include "CallOversight.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "calendar/CalendarService.h"
#include "events/EventService.h"
#include "http/HttpTypes.h"

#include <core/WorkCalendar.h>

#include <QJsonArray>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
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

QJsonValue nullable(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonValue nullableText(const QString &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(value);
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

CallOversight::CallOversight(CallOversightStore &store, const CalendarService &calendar,
    const HubConfig &config, const Core::Clock &clock)
    : m_store(store)
    , m_calendar(calendar)
    , m_config(config)
    , m_clock(clock)
{ }

QList<OfficeSpan> CallOversight::hoursOf(const QString &jurisdiction) const
{
    const std::optional<QString> stored = m_store.officeHours(jurisdiction);
    if (!stored)
        return defaultHours();
    QList<OfficeSpan> spans;
    for (const QString &text : stored->split(QLatin1Char(','))) {
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

Core::Result<OfficeHours> CallOversight::officeHours(const QString &jurisdiction) const
{
    static const QRegularExpression code(QStringLiteral("^\\d{6}$"));
    if (!code.match(jurisdiction).hasMatch())
        return Core::Error { BadJurisdiction, QStringLiteral("行政区划代码错误"),
            jurisdiction.left(20) };
    const QDateTime now = m_clock.now();
    return OfficeHours { jurisdiction, hoursOf(jurisdiction), isOpen(jurisdiction, now),
        nextOpen(jurisdiction, now) };
}

Core::Result<OfficeHours> CallOversight::setOfficeHours(
    const QString &jurisdiction, const QJsonObject &body, const AuthContext &context)
{
    if (context.role != QLatin1String("admin"))
        return Core::Error { Forbidden, QStringLiteral("只有平台管理员可以设置办公时间"),
            context.role };
    static const QRegularExpression code(QStringLiteral("^\\d{6}$"));
    if (!code.match(jurisdiction).hasMatch())
        return Core::Error { BadJurisdiction, QStringLiteral("行政区划代码错误"),
            jurisdiction.left(20) };
    const QJsonArray list = body.value(QStringLiteral("spans")).toArray();
    if (list.isEmpty() || list.size() > 6)
        return Core::Error { InvalidHours, QStringLiteral("办公时间须为 1 至 6 个时段"),
            QStringLiteral("/spans") };
    QList<OfficeSpan> spans;
    for (const QJsonValue &value : list) {
        QString problem;
        const auto span = parseSpan(value.toString(), &problem);
        if (!span)
            return Core::Error { InvalidHours, QStringLiteral("办公时间格式应为 HH:MM-HH:MM"),
                problem.left(100) };
        if (!spans.isEmpty() && span->fromMinute < spans.last().toMinute)
            return Core::Error { InvalidHours, QStringLiteral("办公时段须按时间先后排列且不重叠"),
                value.toString() };
        spans.append(*span);
    }
    QStringList texts;
    for (const OfficeSpan &span : spans)
        texts << spanText(span);
    const Core::Status stored = m_store.setOfficeHours(jurisdiction, texts.join(QLatin1Char(',')),
        context.account, m_clock.now().toMSecsSinceEpoch());
    if (!stored)
        return Core::Error { StoreFailed, stored.error().message, stored.error().detail };
    qCInfo(lcHub).noquote() << "office hours of" << jurisdiction << "set to" << texts.join(u',')
                            << "by" << context.account;
    return officeHours(jurisdiction);
}

QList<QString> CallOversight::supervisingAdmins(const QString &windowId) const
{
    // The level above the window's jurisdiction (000 第十八条: 交上一级政务服务管理机构):
    // the city's (4104xx → 410400), then the province's admins; any admin when neither has one.
    const auto window = m_store.window(windowId);
    const QString code = window ? window->first : QString();
    QStringList levels;
    if (code.size() == 6) {
        levels << QString(code.left(4) + QStringLiteral("00"))
               << QString(code.left(2) + QStringLiteral("0000"));
    }
    levels << QString(); // any
    for (const QString &level : std::as_const(levels)) {
        const QStringList found = m_store.admins(level);
        if (!found.isEmpty())
            return found;
    }
    return {};
}

QString CallOversight::escalateIfDue(const QString &windowId, const QString &month)
{
    const int misses = m_store.missCount(windowId, month);
    // 1 个月内超过 3 次未及时接收、回应 (000 第十八条): the 4th.
    if (misses <= 3)
        return {};
    const QString id = QStringLiteral("esc-%1-%2").arg(month, windowId);
    const std::optional<bool> exists = m_store.escalationExists(id);
    if (!exists || *exists)
        return {};
    const QDateTime now = m_clock.now();
    const QStringList admins = supervisingAdmins(windowId);
    const auto window = m_store.window(windowId);
    const QJsonObject data { { QStringLiteral("escalationId"), id },
        { QStringLiteral("windowId"), windowId },
        { QStringLiteral("windowName"), window ? window->second : QString() },
        { QStringLiteral("jurisdiction"), window ? window->first : QString() },
        { QStringLiteral("month"), month }, { QStringLiteral("misses"), misses } };
    EscalationRow row;
    row.id = id;
    row.windowId = windowId;
    row.month = month;
    row.misses = misses;
    row.createdAtMs = now.toMSecsSinceEpoch();
    const Core::Status stored = m_store.insertEscalation(row, [&]() -> Core::Status {
        for (const QString &admin : admins) {
            const auto event = EventService::append(m_store.database(), m_clock,
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

Core::Result<QList<EscalationRow>> CallOversight::escalations(
    const QString &month, const QString &state, const AuthContext &context) const
{
    if (context.role != QLatin1String("admin"))
        return Core::Error { Forbidden, QStringLiteral("只有平台管理员可以查看升级处理记录"),
            context.role };
    if (!month.isEmpty() && !isMonth(month))
        return Core::Error { BadMonth, QStringLiteral("月份格式错误"),
            QStringLiteral("month=YYYY-MM") };
    if (!state.isEmpty() && state != QLatin1String("open") && state != QLatin1String("confirmed")
        && state != QLatin1String("excused"))
        return Core::Error { BadState, QStringLiteral("状态无效"),
            QStringLiteral("state=open|confirmed|excused") };
    auto rows = m_store.escalations(month, state, 1000);
    if (!rows)
        return Core::Error { StoreFailed, rows.error().message, rows.error().detail };
    return rows;
}

Core::Status CallOversight::decideEscalation(
    const QString &id, const QJsonObject &body, const AuthContext &context)
{
    if (context.role != QLatin1String("admin"))
        return Core::Error { Forbidden, QStringLiteral("只有平台管理员可以处理升级记录"),
            context.role };
    const QString decision = body.value(QStringLiteral("decision")).toString();
    const QString note = body.value(QStringLiteral("note")).toString();
    if (decision != QLatin1String("confirmed") && decision != QLatin1String("excused"))
        return Core::Error { InvalidDecision, QStringLiteral("处理结果须为确认或免责"),
            QStringLiteral("decision: confirmed|excused") };
    if (note.size() > 500)
        return Core::Error { InvalidDecision, QStringLiteral("说明不能超过 500 字"),
            QStringLiteral("/note") };
    if (decision == QLatin1String("excused") && note.trimmed().isEmpty())
        return Core::Error { InvalidDecision, QStringLiteral("免责须写明理由"),
            QStringLiteral("/note") };
    const auto changed
        = m_store.decide(id, decision, context.account, m_clock.now().toMSecsSinceEpoch(), note);
    if (!changed)
        return Core::Error { StoreFailed, changed.error().message, changed.error().detail };
    if (*changed == 0) {
        if (const auto state = m_store.escalationState(id))
            return Core::Error { AlreadyDecided, QStringLiteral("该记录已处理"), *state };
        return Core::Error { EscalationNotFound, QStringLiteral("升级记录不存在"), id.left(100) };
    }
    qCInfo(lcHub).noquote() << "escalation" << id << decision << "by" << context.account;
    return {};
}

Core::Result<QJsonObject> CallOversight::report(Storage::Database &database, const QString &month,
    const QString &jurisdiction, const QString &windowId)
{
    const auto [startMs, endMs] = monthRange(month);
    QHash<QString, QString> jurisdictionOf;
    QHash<QString, QString> nameOf;
    {
        const auto windows = CallOversightStore::windows(database);
        if (!windows)
            return windows.error();
        for (auto it = windows->cbegin(); it != windows->cend(); ++it) {
            jurisdictionOf.insert(it.key(), it.value().first);
            nameOf.insert(it.key(), it.value().second);
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
    const auto misses = CallOversightStore::missesPerWindow(database, month);
    if (!misses)
        return misses.error();
    for (const auto &[window, count] : *misses) {
        if (inScope(window))
            homes[window].misses = count;
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
    const auto calls = CallOversightStore::calls(database, startMs, endMs);
    if (!calls)
        return calls.error();
    for (const ReportedCall &call : *calls) {
        const QString &caller = call.callerWindow;
        const QString &account = call.callerAccount;
        const QString &answeredBy = call.answeredBy;
        if (inScope(caller)) {
            Caller &entry = callers[{ caller, account }];
            entry.window = caller;
            entry.account = account;
            ++entry.made;
            ++entry.states[call.state];
        }
        if (call.answerMs && !answeredBy.isEmpty() && inScope(answeredBy)) {
            homes[answeredBy].answers.append(*call.answerMs);
            allAnswers.append(*call.answerMs);
        }
    }
    const auto escalations = CallOversightStore::escalationsOf(database, month);
    if (!escalations)
        return escalations.error();
    QJsonArray escalationList;
    for (const EscalationRow &row : *escalations) {
        const QString &window = row.windowId;
        if (!inScope(window))
            continue;
        const QJsonObject entry { { QStringLiteral("id"), row.id },
            { QStringLiteral("windowId"), window }, { QStringLiteral("misses"), row.misses },
            { QStringLiteral("state"), row.state },
            { QStringLiteral("decidedBy"), nullableText(row.decidedBy) },
            { QStringLiteral("note"), nullable(row.note) } };
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

Core::Result<QJsonObject> CallOversight::reportFor(
    const QString &requested, const AuthContext &context) const
{
    const QString month = requested.isEmpty() ? monthOf(m_clock.now()) : requested;
    if (!isMonth(month))
        return Core::Error { BadMonth, QStringLiteral("月份格式错误"),
            QStringLiteral("month=YYYY-MM") };
    QString jurisdiction;
    QString window;
    if (context.role == QLatin1String("department"))
        jurisdiction = context.jurisdictionCode;
    else if (context.role != QLatin1String("admin")) {
        if (context.windowId.isEmpty())
            return Core::Error { Forbidden, QStringLiteral("无权查看通话月报"), context.role };
        window = context.windowId;
    }
    auto made = report(m_store.database(), month, jurisdiction, window);
    if (!made)
        return Core::Error { StoreFailed, made.error().message, made.error().detail };
    return made;
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

Core::Result<QJsonObject> CallOversight::iceServers(const AuthContext &context) const
{
    if (context.windowId.isEmpty())
        return Core::Error { Forbidden, QStringLiteral("未在窗口登录，不能获取通话服务器"),
            context.role };
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
    return QJsonObject { { QStringLiteral("iceServers"), servers },
        { QStringLiteral("expiresAt"), rfc3339(QDateTime::fromSecsSinceEpoch(expiry, Qt::UTC)) },
        { QStringLiteral("ttlSecs"), m_config.turn.ttlSecs } };
}

} // namespace Tongban::Hub
