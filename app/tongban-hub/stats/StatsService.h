#pragma once

#include "HubErrors.h"
#include "stats/StatsStore.h"

#include <core/Clock.h>
#include <core/Result.h>

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
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
    /// The names of the jurisdictions and windows above (from the windows of the catalogue
    /// and the seed, e.g. 410402 → 新华区); a code without a known name is left out.
    QMap<QString, QString> jurisdictionNames;
    QMap<QString, QString> windowNames;
    int corrections = 0; ///< cases a home department asked to correct (退件), by its requests
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
    /// "measure,key,name,value" lines, UTF-8 with a BOM for spreadsheet programs; the name
    /// is the jurisdiction's or window's of a grouped line.
    QByteArray toCsv() const;
    /// "410402 新华区": the code with its name, if known.
    QString jurisdictionLabel(const QString &code) const;
    QString windowLabel(const QString &windowId) const;
};

/*!
 * Statistics (issue 17): `tongban-hub stats` and `GET /api/v1/stats` (stats/StatsRoutes) for
 * the admin and supervisor roles; writePdf() draws the printable report with QPainter (needs
 * a QGuiApplication). Reads through its StatsStore; knows nothing of HTTP.
 *
 * Threading: the thread that owns the Database.
 */
class StatsService
{
public:
    enum ErrorCode {
        InvalidPeriod = HubError::Stats + 1, ///< not two dates, backwards, or over a year
        Unreadable = HubError::Stats + 2,
        PdfNotWritten = HubError::Stats + 3,
        Forbidden = HubError::Stats + 4, ///< neither admin nor supervisor
    };

    StatsService(
        Storage::Database &database, const Core::Clock &clock, const CalendarService &calendar);

    Core::Result<StatsReport> compute(const QDate &from, const QDate &to) const;
    /// compute() for \a context, which must be an admin or a supervisor (Forbidden).
    Core::Result<StatsReport> report(
        const QDate &from, const QDate &to, const AuthContext &context) const;

    /// The report as an A4 PDF: figures, a bar chart per jurisdiction and window.
    static Core::Status writePdf(const StatsReport &report, const QString &path);
    /// Case bodies are sealed at rest (issue 13): opened with these for their receipt time.
    void setSecrets(const Secrets *secrets) { m_secrets = secrets; }

private:
    StatsStore m_store;
    const Core::Clock &m_clock;
    const CalendarService &m_calendar;
    const Secrets *m_secrets = nullptr;
};

} // namespace Tongban::Hub
