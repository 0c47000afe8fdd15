#include "StatsService.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "delivery/DeliveryService.h"
#include "http/HttpTypes.h"
#include "security/Secrets.h"

#include <core/WorkCalendar.h>
#include <storage/Database.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTimeZone>

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

/// \a days working days after \a from. A year the calendar does not cover (31 December
/// before the next year's calendar is imported) counts Mondays to Fridays, as
/// workingDaysBetween() does, never calendar days.
QDate addWorkingDays(const Core::WorkCalendar &calendar, const QDate &from, int days)
{
    const auto due = calendar.dueAfterWorkingDays(from, days);
    if (due)
        return due->date;
    QDate day = from;
    for (int left = days; left > 0;) {
        day = day.addDays(1);
        const auto working = calendar.isWorkingDay(day);
        if (working ? *working : day.dayOfWeek() <= 5)
            --left;
    }
    return day;
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

QJsonObject namesJson(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

/// One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180).
QByteArray csvField(const QString &value)
{
    QByteArray bytes = value.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r'))
        bytes = '"' + bytes.replace('"', QByteArrayLiteral("\"\"")) + '"';
    return bytes;
}

QString label(const QString &key, const QMap<QString, QString> &names)
{
    const QString name = names.value(key);
    return name.isEmpty() ? key : QString(key + QLatin1Char(' ') + name);
}

} // namespace

QString StatsReport::jurisdictionLabel(const QString &code) const
{
    return label(code, jurisdictionNames);
}

QString StatsReport::windowLabel(const QString &windowId) const
{
    return label(windowId, windowNames);
}

QJsonObject StatsReport::toJson() const
{
    return QJsonObject { { QStringLiteral("from"), from.toString(Qt::ISODate) },
        { QStringLiteral("to"), to.toString(Qt::ISODate) },
        { QStringLiteral("generatedAt"), rfc3339(generatedAt) }, { QStringLiteral("cases"), cases },
        { QStringLiteral("byApplicationJurisdiction"), mapJson(byApplicationJurisdiction) },
        { QStringLiteral("byHomeJurisdiction"), mapJson(byHomeJurisdiction) },
        { QStringLiteral("byWindow"), mapJson(byWindow) },
        { QStringLiteral("jurisdictionNames"), namesJson(jurisdictionNames) },
        { QStringLiteral("windowNames"), namesJson(windowNames) },
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
    QByteArray csv = QByteArrayLiteral("\xEF\xBB\xBFmeasure,key,name,value\r\n");
    const QJsonObject json = toJson();
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (it.key() == QLatin1String("jurisdictionNames")
            || it.key() == QLatin1String("windowNames"))
            continue; // the names are on the grouped lines
        if (it.value().isObject()) {
            const QMap<QString, QString> &names
                = it.key() == QLatin1String("byWindow") ? windowNames : jurisdictionNames;
            const QJsonObject groups = it.value().toObject();
            for (auto group = groups.constBegin(); group != groups.constEnd(); ++group) {
                csv += it.key().toUtf8() + ',' + csvField(group.key()) + ','
                    + csvField(names.value(group.key())) + ','
                    + QByteArray::number(group.value().toInt()) + "\r\n";
            }
            continue;
        }
        const QString value = it.value().isString() ? it.value().toString()
                                                    : QString::number(it.value().toDouble());
        csv += it.key().toUtf8() + ",,," + csvField(value) + "\r\n";
    }
    return csv;
}

StatsService::StatsService(
    Storage::Database &database, const Core::Clock &clock, const CalendarService &calendar)
    : m_store(database)
    , m_clock(clock)
    , m_calendar(calendar)
{ }

Core::Result<StatsReport> StatsService::compute(const QDate &from, const QDate &to) const
{
    if (!from.isValid() || !to.isValid() || to < from || from.daysTo(to) > 366) {
        return Core::Error { InvalidPeriod,
            QStringLiteral("The period must be two dates, from before to, at most a year apart."),
            QStringLiteral("%1..%2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)) };
    }
    const auto calendarResult = DeliveryService::workCalendar(m_calendar);
    if (!calendarResult)
        return calendarResult.error();
    const Core::WorkCalendar &calendar = *calendarResult;
    // Days in China Standard Time: 00:00 of \a from to 00:00 after \a to, never UTC days.
    const qint64 begin = QDateTime(from, QTime(0, 0), chinaTime()).toMSecsSinceEpoch();
    const qint64 end = QDateTime(to.addDays(1), QTime(0, 0), chinaTime()).toMSecsSinceEpoch();
    const QDateTime now = m_clock.now();
    StatsReport report;
    report.from = from;
    report.to = to;
    report.generatedAt = now;
    const auto unreadable = [](const Core::Error &error) {
        return Core::Error { Unreadable, QStringLiteral("The statistics could not be read."),
            error.detail };
    };
    const auto receivedAt = [this](const QString &storedBody) {
        // The body is sealed at rest (issue 13).
        return QDateTime::fromString(PersonalData::openObject(m_secrets, storedBody)
                                         .value(QStringLiteral("receivedAt"))
                                         .toString(),
            Qt::ISODate);
    };

    // Cases transmitted in the period; their receipt, decision and its deadline.
    const auto cases = m_store.transmittedCases(begin, end);
    if (!cases)
        return unreadable(cases.error());
    int transmissionDays = 0;
    for (const StatsStore::CaseRow &row : *cases) {
        ++report.cases;
        ++report.byWindow[row.windowId];
        ++report.byApplicationJurisdiction[row.applicationJurisdiction];
        ++report.byHomeJurisdiction[row.homeJurisdiction];
        const QDate submitted = chinaDate(row.submittedAt);
        const QDateTime received = receivedAt(row.body);
        if (received.isValid()) {
            const int days
                = workingDaysBetween(calendar, received.toTimeZone(chinaTime()).date(), submitted);
            transmissionDays += days;
            report.maxReceiptToTransmissionDays = qMax(report.maxReceiptToTransmissionDays, days);
        }
        // 000 第十九条: accepted or rejected within 2 working days of receipt.
        const qint64 due
            = QDateTime(addWorkingDays(calendar, submitted, 2).addDays(1), QTime(0, 0), chinaTime())
                  .toMSecsSinceEpoch();
        if (row.decidedAt.value_or(now.toMSecsSinceEpoch()) >= due)
            ++report.overdueDecisions;
    }
    report.averageReceiptToTransmissionDays = ratio(transmissionDays, report.cases);

    const auto decisions = m_store.decisions(begin, end);
    if (!decisions)
        return unreadable(decisions.error());
    int decisionDays = 0;
    for (const StatsStore::DecisionRow &row : *decisions) {
        ++report.decided;
        if (row.decision == QLatin1String("rejected"))
            ++report.rejected;
        else
            ++report.accepted;
        decisionDays
            += workingDaysBetween(calendar, chinaDate(row.submittedAt), chinaDate(row.issuedAt));
    }
    report.rejectionRate = ratio(report.rejected, report.decided);
    report.averageSubmissionToDecisionDays = ratio(decisionDays, report.decided);

    // 退件: the cases a home department asked to correct, from its requests themselves (an
    // SMS of purpose "correction" may be resent, or never queued).
    const auto corrected = m_store.correctedCases(begin, end);
    if (!corrected)
        return unreadable(corrected.error());
    report.corrections = *corrected;
    report.correctionRate = ratio(report.corrections, report.cases);

    // Paper originals: sent within 1 working day of receipt (000 第十七条).
    const auto mailings = m_store.mailings(begin, end);
    if (!mailings)
        return unreadable(mailings.error());
    for (const StatsStore::MailingRow &row : *mailings) {
        ++report.mailings;
        const QDateTime sent = QDateTime::fromString(row.sentAt, Qt::ISODate);
        const QDateTime received = receivedAt(row.caseBody);
        if (sent.isValid() && received.isValid()
            && workingDaysBetween(calendar, received.toTimeZone(chinaTime()).date(),
                   sent.toTimeZone(chinaTime()).date())
                > 1)
            ++report.lateMailings;
    }

    const auto deliveries = m_store.deliveries(begin, end);
    if (!deliveries)
        return unreadable(deliveries.error());
    for (const StatsStore::DeliveryRow &row : *deliveries) {
        ++report.completed;
        if (row.state == QLatin1String("pending") ? now.toMSecsSinceEpoch() > row.dueAt
                                                  : row.doneAt > row.dueAt)
            ++report.lateDeliveries;
    }

    const auto missed = m_store.missedCalls(begin, end);
    if (!missed)
        return unreadable(missed.error());
    QMap<QPair<QString, QString>, int> missesPerWindowMonth;
    for (const StatsStore::MissedCallRow &row : *missed) {
        ++report.missedCalls;
        ++missesPerWindowMonth[{ row.windowId, row.month }];
    }
    for (const int count : std::as_const(missesPerWindowMonth))
        report.escalations += count > 3 ? 1 : 0;

    const auto ratings = m_store.ratings(begin, end);
    if (!ratings)
        return unreadable(ratings.error());
    int scoreSum = 0;
    for (const StatsStore::RatingRow &row : *ratings) {
        ++report.ratings;
        scoreSum += row.score;
        if (row.score <= 2) {
            ++report.badRatings;
            if (row.rectified)
                ++report.rectified;
        }
    }
    report.averageScore = ratio(scoreSum, report.ratings);
    report.rectificationRate = ratio(report.rectified, report.badRatings);

    const auto sms = m_store.smsStates(begin, end);
    if (!sms)
        return unreadable(sms.error());
    for (const QString &state : *sms) {
        if (state == QLatin1String("sent") || state == QLatin1String("delivered"))
            ++report.smsSent;
        else if (state == QLatin1String("failed"))
            ++report.smsFailed;
    }

    // The names of what the period grouped by (issue 17: the report names 新华区, not 410402).
    const auto jurisdictions = m_store.jurisdictionNames();
    const auto windows = m_store.windowNames();
    if (!jurisdictions || !windows)
        return unreadable(jurisdictions ? windows.error() : jurisdictions.error());
    for (const auto *groups : { &report.byApplicationJurisdiction, &report.byHomeJurisdiction }) {
        for (auto it = groups->cbegin(); it != groups->cend(); ++it) {
            if (jurisdictions->contains(it.key()))
                report.jurisdictionNames.insert(it.key(), jurisdictions->value(it.key()));
        }
    }
    for (auto it = report.byWindow.cbegin(); it != report.byWindow.cend(); ++it) {
        if (!windows->value(it.key()).isEmpty())
            report.windowNames.insert(it.key(), windows->value(it.key()));
    }
    return report;
}

Core::Result<StatsReport> StatsService::report(
    const QDate &from, const QDate &to, const AuthContext &context) const
{
    if (!DeliveryService::isSupervisor(context)) {
        return Core::Error { Forbidden, QStringLiteral("只有管理员和监督人员可以查看统计"),
            context.account };
    }
    return compute(from, to);
}

Core::Status StatsService::writePdf(const StatsReport &report, const QString &path)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(150);
    writer.setTitle(tr("Statistics of cases handled at any hall"));
    QPainter painter;
    if (!painter.begin(&writer)) {
        return Core::Error { PdfNotWritten,
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
    const auto chart = [&](const QString &heading, const QMap<QString, int> &values,
                           const std::function<QString(const QString &)> &labelOf) {
        QFont bold = body;
        bold.setBold(true);
        painter.setFont(bold);
        painter.drawText(QRect(margin, y, width - 2 * margin, 36), Qt::AlignLeft, heading);
        painter.setFont(body);
        y += 44;
        int most = 1;
        for (const int value : values)
            most = qMax(most, value);
        const int labelWidth = 420;
        const int barSpace = width - 2 * margin - labelWidth - 80;
        if (values.isEmpty()) {
            painter.drawText(QRect(margin, y, width, 32), Qt::AlignLeft, tr("None"));
            y += 40;
        }
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            // The code with its name (410402 新华区), cut to the label's width.
            painter.drawText(QRect(margin, y, labelWidth, 30), Qt::AlignLeft | Qt::AlignVCenter,
                painter.fontMetrics().elidedText(
                    labelOf(it.key()), Qt::ElideRight, labelWidth - 8));
            const int bar = barSpace * it.value() / most;
            painter.fillRect(
                QRect(margin + labelWidth, y + 4, qMax(2, bar), 22), QColor(46, 104, 170));
            painter.drawText(QRect(margin + labelWidth + bar + 10, y, 80, 30),
                Qt::AlignLeft | Qt::AlignVCenter, QString::number(it.value()));
            y += 34;
        }
        y += 24;
    };
    const auto jurisdiction = [&](const QString &code) {
        return report.jurisdictionLabel(code);
    };
    chart(tr("Cases by application jurisdiction"), report.byApplicationJurisdiction, jurisdiction);
    chart(tr("Cases by home jurisdiction"), report.byHomeJurisdiction, jurisdiction);
    chart(tr("Cases by window"), report.byWindow,
        [&](const QString &windowId) { return report.windowLabel(windowId); });

    QFont small = body;
    small.setPixelSize(18);
    painter.setFont(small);
    painter.drawText(QRect(margin, writer.height() - margin, width - 2 * margin, 30), Qt::AlignLeft,
        tr("Generated %1 by tongban-hub").arg(rfc3339(report.generatedAt)));
    painter.end();
    return {};
}

} // namespace Tongban::Hub
