#include "StatsService.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "delivery/DeliveryService.h"
#include "security/Secrets.h"

#include <core/WorkCalendar.h>
#include <storage/Database.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUrlQuery>

#include <optional>

namespace Tongban::Hub {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tongban::Hub::StatsReport", text);
}

QTimeZone chinaTime()
{
    return QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
}

QDate chinaDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toTimeZone(chinaTime()).date();
}

/// Working days after \a start up to and including \a end (0 when end <= start). A year the
/// calendar does not cover counts Mondays to Fridays.
int workingDaysBetween(const Core::WorkCalendar &calendar, const QDate &start, const QDate &end)
{
    int days = 0;
    for (QDate day = start.addDays(1); day <= end; day = day.addDays(1)) {
        const auto working = calendar.isWorkingDay(day);
        if (working ? *working : day.dayOfWeek() <= 5)
            ++days;
    }
    return days;
}

QDate addWorkingDays(const Core::WorkCalendar &calendar, const QDate &from, int days)
{
    const auto due = calendar.dueAfterWorkingDays(from, days);
    return due ? due->date : from.addDays(days);
}

double ratio(int part, int whole)
{
    return whole == 0 ? 0.0 : double(part) / double(whole);
}

double rounded(double value)
{
    return std::round(value * 10000.0) / 10000.0;
}

QJsonObject mapJson(const QMap<QString, int> &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

} // namespace

QJsonObject StatsReport::toJson() const
{
    return QJsonObject { { QStringLiteral("from"), from.toString(Qt::ISODate) },
        { QStringLiteral("to"), to.toString(Qt::ISODate) },
        { QStringLiteral("generatedAt"), rfc3339(generatedAt) }, { QStringLiteral("cases"), cases },
        { QStringLiteral("byApplicationJurisdiction"), mapJson(byApplicationJurisdiction) },
        { QStringLiteral("byHomeJurisdiction"), mapJson(byHomeJurisdiction) },
        { QStringLiteral("byWindow"), mapJson(byWindow) },
        { QStringLiteral("corrections"), corrections },
        { QStringLiteral("correctionRate"), rounded(correctionRate) },
        { QStringLiteral("decided"), decided }, { QStringLiteral("accepted"), accepted },
        { QStringLiteral("rejected"), rejected },
        { QStringLiteral("rejectionRate"), rounded(rejectionRate) },
        { QStringLiteral("averageReceiptToTransmissionDays"),
            rounded(averageReceiptToTransmissionDays) },
        { QStringLiteral("maxReceiptToTransmissionDays"), maxReceiptToTransmissionDays },
        { QStringLiteral("averageSubmissionToDecisionDays"),
            rounded(averageSubmissionToDecisionDays) },
        { QStringLiteral("overdueDecisions"), overdueDecisions },
        { QStringLiteral("mailings"), mailings }, { QStringLiteral("lateMailings"), lateMailings },
        { QStringLiteral("completed"), completed },
        { QStringLiteral("lateDeliveries"), lateDeliveries },
        { QStringLiteral("missedCalls"), missedCalls },
        { QStringLiteral("escalations"), escalations }, { QStringLiteral("ratings"), ratings },
        { QStringLiteral("averageScore"), rounded(averageScore) },
        { QStringLiteral("badRatings"), badRatings }, { QStringLiteral("rectified"), rectified },
        { QStringLiteral("rectificationRate"), rounded(rectificationRate) },
        { QStringLiteral("smsSent"), smsSent }, { QStringLiteral("smsFailed"), smsFailed } };
}

QByteArray StatsReport::toCsv() const
{
    QByteArray csv = QByteArrayLiteral("\xEF\xBB\xBFmeasure,key,value\r\n");
    const QJsonObject json = toJson();
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (it.value().isObject()) {
            const QJsonObject groups = it.value().toObject();
            for (auto group = groups.constBegin(); group != groups.constEnd(); ++group) {
                csv += it.key().toUtf8() + ',' + group.key().toUtf8() + ','
                    + QByteArray::number(group.value().toInt()) + "\r\n";
            }
            continue;
        }
        const QString value = it.value().isString() ? it.value().toString()
                                                    : QString::number(it.value().toDouble());
        csv += it.key().toUtf8() + ",," + value.toUtf8() + "\r\n";
    }
    return csv;
}

StatsService::StatsService(
    Storage::Database &database, const Core::Clock &clock, const CalendarService &calendar)
    : m_database(database)
    , m_clock(clock)
    , m_calendar(calendar)
{ }

Core::Result<StatsReport> StatsService::compute(const QDate &from, const QDate &to) const
{
    if (!from.isValid() || !to.isValid() || to < from || from.daysTo(to) > 366) {
        return Core::Error { Core::ErrorRange::Platform + 75,
            QStringLiteral("The period must be two dates, from before to, at most a year apart."),
            QStringLiteral("%1..%2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)) };
    }
    const auto calendarResult = DeliveryService::workCalendar(m_calendar);
    if (!calendarResult)
        return calendarResult.error();
    const Core::WorkCalendar &calendar = *calendarResult;
    const qint64 begin = QDateTime(from, QTime(0, 0), chinaTime()).toMSecsSinceEpoch();
    const qint64 end = QDateTime(to.addDays(1), QTime(0, 0), chinaTime()).toMSecsSinceEpoch();
    const QDateTime now = m_clock.now();
    StatsReport report;
    report.from = from;
    report.to = to;
    report.generatedAt = now;

    const auto run = [&](const QString &sql, const std::function<void(QSqlQuery &)> &row) {
        QSqlQuery query(m_database.connection());
        query.prepare(sql);
        query.addBindValue(begin);
        query.addBindValue(end);
        if (!query.exec())
            return false;
        while (query.next())
            row(query);
        return true;
    };

    // Cases transmitted in the period; their receipt, decision and its deadline.
    int transmissionDays = 0;
    int decisionDays = 0;
    bool ok = run(
        QStringLiteral("SELECT c.window_id, w.jurisdiction_code, c.home_jurisdiction, c.body,"
                       " c.submitted_at, r.issued_at FROM hub_cases c"
                       " LEFT JOIN hub_windows w ON w.id = c.window_id"
                       " LEFT JOIN hub_results r ON r.case_id = c.id"
                       " WHERE c.case_number IS NOT NULL AND c.submitted_at >= ?"
                       " AND c.submitted_at < ?"),
        [&](QSqlQuery &query) {
            ++report.cases;
            ++report.byWindow[query.value(0).toString()];
            ++report.byApplicationJurisdiction[query.value(1).toString()];
            ++report.byHomeJurisdiction[query.value(2).toString()];
            const QDate submitted = chinaDate(query.value(4).toLongLong());
            // The body is sealed at rest (issue 13).
            const QJsonObject body = PersonalData::openObject(m_secrets, query.value(3).toString());
            const QDateTime received = QDateTime::fromString(
                body.value(QStringLiteral("receivedAt")).toString(), Qt::ISODate);
            if (received.isValid()) {
                const int days = workingDaysBetween(
                    calendar, received.toTimeZone(chinaTime()).date(), submitted);
                transmissionDays += days;
                report.maxReceiptToTransmissionDays
                    = qMax(report.maxReceiptToTransmissionDays, days);
            }
            // 000 第十九条: accepted or rejected within 2 working days of receipt.
            const qint64 due = QDateTime(
                addWorkingDays(calendar, submitted, 2).addDays(1), QTime(0, 0), chinaTime())
                                   .toMSecsSinceEpoch();
            const qint64 decidedAt
                = query.value(5).isNull() ? now.toMSecsSinceEpoch() : query.value(5).toLongLong();
            if (decidedAt >= due)
                ++report.overdueDecisions;
        });
    report.averageReceiptToTransmissionDays = ratio(transmissionDays, report.cases);

    ok = ok
        && run(QStringLiteral("SELECT r.decision, r.issued_at, c.submitted_at FROM hub_results r"
                              " JOIN hub_cases c ON c.id = r.case_id"
                              " WHERE r.issued_at >= ? AND r.issued_at < ?"),
            [&](QSqlQuery &query) {
                ++report.decided;
                if (query.value(0).toString() == QLatin1String("rejected"))
                    ++report.rejected;
                else
                    ++report.accepted;
                decisionDays += workingDaysBetween(calendar, chinaDate(query.value(2).toLongLong()),
                    chinaDate(query.value(1).toLongLong()));
            });
    report.rejectionRate = ratio(report.rejected, report.decided);
    report.averageSubmissionToDecisionDays = ratio(decisionDays, report.decided);

    // 退件: the applicant asked to correct (one SMS of purpose "correction" per request).
    ok = ok
        && run(QStringLiteral("SELECT COUNT(DISTINCT case_id) FROM sms_outbox"
                              " WHERE purpose = 'correction' AND created_at >= ?"
                              " AND created_at < ?"),
            [&](QSqlQuery &query) { report.corrections = query.value(0).toInt(); });
    report.correctionRate = ratio(report.corrections, report.cases);

    // Paper originals: sent within 1 working day of receipt (000 第十七条).
    ok = ok
        && run(QStringLiteral("SELECT m.sent_at, c.body FROM hub_mailings m"
                              " JOIN hub_cases c ON c.id = m.case_id"
                              " WHERE m.created_at >= ? AND m.created_at < ?"),
            [&](QSqlQuery &query) {
                ++report.mailings;
                const QDateTime sent
                    = QDateTime::fromString(query.value(0).toString(), Qt::ISODate);
                const QDateTime received = QDateTime::fromString(
                    PersonalData::openObject(m_secrets, query.value(1).toString())
                        .value(QStringLiteral("receivedAt"))
                        .toString(),
                    Qt::ISODate);
                if (sent.isValid() && received.isValid()
                    && workingDaysBetween(calendar, received.toTimeZone(chinaTime()).date(),
                           sent.toTimeZone(chinaTime()).date())
                        > 1)
                    ++report.lateMailings;
            });

    ok = ok
        && run(QStringLiteral("SELECT state, due_at, done_at FROM hub_deliveries"
                              " WHERE created_at >= ? AND created_at < ?"),
            [&](QSqlQuery &query) {
                ++report.completed;
                const QString state = query.value(0).toString();
                const qint64 due = query.value(1).toLongLong();
                if (state == QLatin1String("pending") ? now.toMSecsSinceEpoch() > due
                                                      : query.value(2).toLongLong() > due)
                    ++report.lateDeliveries;
            });

    QMap<QPair<QString, QString>, int> missesPerWindowMonth;
    ok = ok
        && run(QStringLiteral("SELECT window_id, month FROM hub_missed_calls"
                              " WHERE at >= ? AND at < ?"),
            [&](QSqlQuery &query) {
                ++report.missedCalls;
                ++missesPerWindowMonth[{ query.value(0).toString(), query.value(1).toString() }];
            });
    for (const int count : std::as_const(missesPerWindowMonth))
        report.escalations += count > 3 ? 1 : 0;

    int scoreSum = 0;
    ok = ok
        && run(QStringLiteral("SELECT g.score, r.rectified_at FROM hub_ratings g"
                              " LEFT JOIN hub_rectifications r ON r.case_id = g.case_id"
                              " AND r.account = g.account"
                              " WHERE g.rated_at >= ? AND g.rated_at < ?"),
            [&](QSqlQuery &query) {
                ++report.ratings;
                scoreSum += query.value(0).toInt();
                if (query.value(0).toInt() <= 2) {
                    ++report.badRatings;
                    if (!query.value(1).isNull())
                        ++report.rectified;
                }
            });
    report.averageScore = ratio(scoreSum, report.ratings);
    report.rectificationRate = ratio(report.rectified, report.badRatings);

    ok = ok
        && run(QStringLiteral("SELECT state FROM sms_outbox WHERE created_at >= ?"
                              " AND created_at < ?"),
            [&](QSqlQuery &query) {
                const QString state = query.value(0).toString();
                if (state == QLatin1String("sent") || state == QLatin1String("delivered"))
                    ++report.smsSent;
                else if (state == QLatin1String("failed"))
                    ++report.smsFailed;
            });
    if (!ok) {
        return Core::Error { Core::ErrorRange::Platform + 76,
            QStringLiteral("The statistics could not be read."), QStringLiteral("stats query") };
    }
    return report;
}

HttpResponse StatsService::statsRequest(const QUrlQuery &query, const AuthContext &context) const
{
    if (!DeliveryService::isSupervisor(context)) {
        return errorResponse(
            403, QStringLiteral("forbidden"), QStringLiteral("只有管理员和监督人员可以查看统计"));
    }
    const QDate from = QDate::fromString(query.queryItemValue(QStringLiteral("from")), Qt::ISODate);
    const QDate to = QDate::fromString(query.queryItemValue(QStringLiteral("to")), Qt::ISODate);
    const auto report = compute(from, to);
    if (!report) {
        return errorResponse(422, QStringLiteral("validation_failed"),
            QStringLiteral("统计期间不正确：请给出起止日期（YYYY-MM-DD），最长一年"),
            report.error().detail);
    }
    if (query.queryItemValue(QStringLiteral("format")) == QLatin1String("csv")) {
        HttpResponse response;
        response.status = 200;
        response.body = report->toCsv();
        response.addHeader(
            QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/csv; charset=utf-8"));
        return response;
    }
    return jsonResponse(200, report->toJson());
}

Core::Status StatsService::writePdf(const StatsReport &report, const QString &path)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(150);
    writer.setTitle(tr("Statistics of cases handled at any hall"));
    QPainter painter;
    if (!painter.begin(&writer)) {
        return Core::Error { Core::ErrorRange::Platform + 77,
            tr("The report could not be written. Check that the folder exists and is "
               "writable."),
            path };
    }
    const int width = writer.width();
    const int margin = 90;
    int y = margin;
    QFont title(QStringLiteral("Noto Sans CJK SC"));
    title.setPixelSize(44);
    title.setBold(true);
    painter.setFont(title);
    painter.drawText(QRect(margin, y, width - 2 * margin, 70), Qt::AlignLeft | Qt::AlignVCenter,
        tr("Statistics of cases handled at any hall"));
    y += 80;
    QFont body(QStringLiteral("Noto Sans CJK SC"));
    body.setPixelSize(24);
    painter.setFont(body);
    painter.drawText(QRect(margin, y, width - 2 * margin, 36), Qt::AlignLeft,
        tr("Period: %1 to %2")
            .arg(report.from.toString(Qt::ISODate), report.to.toString(Qt::ISODate)));
    y += 56;

    const auto percent = [](double value) {
        return QStringLiteral("%1%").arg(value * 100.0, 0, 'f', 1);
    };
    const auto number = [](double value) {
        return QString::number(value, 'f', 2);
    };
    const QList<QPair<QString, QString>> figures {
        { tr("Cases transmitted"), QString::number(report.cases) },
        { tr("Corrections requested (return rate)"),
            QStringLiteral("%1 (%2)").arg(report.corrections).arg(percent(report.correctionRate)) },
        { tr("Decisions: accepted / rejected"),
            QStringLiteral("%1 / %2").arg(report.accepted).arg(report.rejected) },
        { tr("Rejection rate"), percent(report.rejectionRate) },
        { tr("Receipt to transmission, working days (average / longest)"),
            QStringLiteral("%1 / %2")
                .arg(number(report.averageReceiptToTransmissionDays))
                .arg(report.maxReceiptToTransmissionDays) },
        { tr("Submission to decision, working days (average)"),
            number(report.averageSubmissionToDecisionDays) },
        { tr("Decisions overdue"), QString::number(report.overdueDecisions) },
        { tr("Paper originals mailed / mailed late"),
            QStringLiteral("%1 / %2").arg(report.mailings).arg(report.lateMailings) },
        { tr("Results completed / delivered late"),
            QStringLiteral("%1 / %2").arg(report.completed).arg(report.lateDeliveries) },
        { tr("Missed assistance calls / escalations"),
            QStringLiteral("%1 / %2").arg(report.missedCalls).arg(report.escalations) },
        { tr("Ratings (average score)"),
            QStringLiteral("%1 (%2)").arg(report.ratings).arg(number(report.averageScore)) },
        { tr("Poor ratings / rectified (rectification rate)"),
            QStringLiteral("%1 / %2 (%3)")
                .arg(report.badRatings)
                .arg(report.rectified)
                .arg(percent(report.rectificationRate)) },
        { tr("Text messages sent / failed"),
            QStringLiteral("%1 / %2").arg(report.smsSent).arg(report.smsFailed) },
    };
    const int rowHeight = 40;
    for (int i = 0; i < figures.size(); ++i) {
        if (i % 2 == 0)
            painter.fillRect(
                QRect(margin, y, width - 2 * margin, rowHeight), QColor(238, 242, 247));
        painter.drawText(QRect(margin + 12, y, width * 2 / 3, rowHeight),
            Qt::AlignLeft | Qt::AlignVCenter, figures.at(i).first);
        painter.drawText(QRect(margin, y, width - 2 * margin - 12, rowHeight),
            Qt::AlignRight | Qt::AlignVCenter, figures.at(i).second);
        y += rowHeight;
    }
    y += 40;

    // One bar chart per grouping: cases per application jurisdiction, home jurisdiction and
    // window, drawn with QPainter (no QtCharts on the hub).
    const auto chart = [&](const QString &heading, const QMap<QString, int> &values) {
        QFont bold = body;
        bold.setBold(true);
        painter.setFont(bold);
        painter.drawText(QRect(margin, y, width - 2 * margin, 36), Qt::AlignLeft, heading);
        painter.setFont(body);
        y += 44;
        int most = 1;
        for (const int value : values)
            most = qMax(most, value);
        const int labelWidth = 320;
        const int barSpace = width - 2 * margin - labelWidth - 80;
        if (values.isEmpty()) {
            painter.drawText(QRect(margin, y, width, 32), Qt::AlignLeft, tr("None"));
            y += 40;
        }
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            painter.drawText(
                QRect(margin, y, labelWidth, 30), Qt::AlignLeft | Qt::AlignVCenter, it.key());
            const int bar = barSpace * it.value() / most;
            painter.fillRect(
                QRect(margin + labelWidth, y + 4, qMax(2, bar), 22), QColor(46, 104, 170));
            painter.drawText(QRect(margin + labelWidth + bar + 10, y, 80, 30),
                Qt::AlignLeft | Qt::AlignVCenter, QString::number(it.value()));
            y += 34;
        }
        y += 24;
    };
    chart(tr("Cases by application jurisdiction"), report.byApplicationJurisdiction);
    chart(tr("Cases by home jurisdiction"), report.byHomeJurisdiction);
    chart(tr("Cases by window"), report.byWindow);

    QFont small = body;
    small.setPixelSize(18);
    painter.setFont(small);
    painter.drawText(QRect(margin, writer.height() - margin, width - 2 * margin, 30), Qt::AlignLeft,
        tr("Generated %1 by tongban-hub").arg(rfc3339(report.generatedAt)));
    painter.end();
    return {};
}

} // namespace Tongban::Hub
