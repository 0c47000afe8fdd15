#pragma once

#include "http/HttpTypes.h"

#include <core/Clock.h>
#include <core/Result.h>

#include <QDate>
#include <QMap>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

struct AuthContext;
class CalendarService;
class Secrets;

/*!
 * The figures of one period for the monthly 通报 (000 第三十一条, 003 第二十四条, issue 17).
 * Every measure counts the events whose own time falls in the period, days from \a from to
 * \a to inclusive in China Standard Time: cases by their submission (transmission), decisions
 * by their issue, mailings and deliveries by their creation, calls by the miss, ratings by
 * the rating. Durations are in working days of the platform's calendar: the working days
 * after the start up to and including the end's day (same day: 0).
 */
struct StatsReport
{
    QDate from;
    QDate to;
    QDateTime generatedAt;

    int cases = 0; ///< transmitted (submitted) in the period
    QMap<QString, int> byApplicationJurisdiction; ///< the sending window's jurisdiction
    QMap<QString, int> byHomeJurisdiction;
    QMap<QString, int> byWindow;
    int corrections = 0; ///< cases whose applicant was asked to correct (退件)
    double correctionRate = 0; ///< 退件率: corrections / cases
    int decided = 0;
    int accepted = 0;
    int rejected = 0; ///< 不予受理
    double rejectionRate = 0; ///< rejected / decided
    double averageReceiptToTransmissionDays = 0;
    int maxReceiptToTransmissionDays = 0;
    double averageSubmissionToDecisionDays = 0;
    int overdueDecisions = 0; ///< decided, or still open, after 2 working days (第十九条)
    int mailings = 0;
    int lateMailings = 0; ///< paper originals sent more than 1 working day after receipt (第十七条)
    int completed = 0; ///< 办结 with a delivery task
    int lateDeliveries = 0; ///< handed over after its due time, or still pending past it
    int missedCalls = 0;
    int escalations = 0; ///< windows with more than 3 missed calls in a month (第十八条)
    int ratings = 0;
    double averageScore = 0;
    int badRatings = 0; ///< 差评 (score 1 or 2)
    int rectified = 0; ///< of those, rectified
    double rectificationRate = 0; ///< rectified / badRatings
    int smsSent = 0; ///< sent or delivered
    int smsFailed = 0;

    QJsonObject toJson() const;
    /// "measure,key,value" lines, UTF-8 with a BOM for spreadsheet programs.
    QByteArray toCsv() const;
};

/*!
 * Statistics (issue 17): `tongban-hub stats` and `GET /api/v1/stats?from=YYYY-MM-DD&to=YYYY-MM-DD
 * [&format=csv]` for the admin and supervisor roles (others: 403); writePdf() draws the
 * printable report with QPainter (needs a QGuiApplication).
 *
 * Threading: the thread that owns the Database.
 */
class StatsService
{
public:
    StatsService(
        Storage::Database &database, const Core::Clock &clock, const CalendarService &calendar);

    Core::Result<StatsReport> compute(const QDate &from, const QDate &to) const;
    HttpResponse statsRequest(const QUrlQuery &query, const AuthContext &context) const;

    /// The report as an A4 PDF: figures, a bar chart per jurisdiction and window.
    static Core::Status writePdf(const StatsReport &report, const QString &path);
    /// Case bodies are sealed at rest (issue 13): opened with these for their receipt time.
    void setSecrets(const Secrets *secrets) { m_secrets = secrets; }

private:
    Storage::Database &m_database;
    const Core::Clock &m_clock;
    const CalendarService &m_calendar;
    const Secrets *m_secrets = nullptr;
};

} // namespace Tongban::Hub
