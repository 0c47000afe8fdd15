#pragma once

#include "http/HttpTypes.h"

#include <core/Clock.h>
#include <core/Result.h>
#include <core/WorkCalendar.h>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

struct AuthContext;
class CalendarService;
class Secrets;

/*!
 * The case's life after the decision (issue 17; 000 第二十二条, 第二十三条; 003 第十七条;
 * 000 第三十二条):
 *
 * - the applicant's choice of how to receive the result, `delivery` in the case body (§5):
 *   `application_window` (default), `home_window`, `mail` (with a checked `address`) or
 *   `self_print`;
 * - completion (办结) of an accepted case by its home department with the result document,
 *   which gives the chosen window a delivery task (event `delivery.task`, due one working
 *   day later) and the ledger entry that records the hand-over or the waybill;
 * - the applicant's SMS at acceptance, rejection, correction request and completion;
 * - the rating at the window (好差评) per case and clerk; a 差评 (score 1 or 2) opens a
 *   rectification that stays open until one is recorded;
 * - the answer of the owning department to a guide error report, with a deadline and the
 *   event `guide_report.answered` back to the reporting window.
 *
 * Threading: the thread that owns the Database.
 */
class DeliveryService
{
public:
    DeliveryService(Storage::Database &database, const Core::Clock &clock,
        const CalendarService &calendar, const QString &resultsDir);

    /// Problems of the case body's `delivery` (JSON pointer first); empty when fine or absent.
    static QStringList validateChoice(const QJsonObject &caseBody);

    /*!
     * Queues the applicant's SMS about case \a caseId for \a purpose (acceptance, rejection,
     * correction, completion) in sms_outbox, inside the caller's transaction if any. A case
     * without the applicant's phone queues a no_phone row (counted, never sent).
     */
    static Core::Status notifyApplicant(Storage::Database &database, const Core::Clock &clock,
        const Secrets &secrets, const QString &caseId, const QString &purpose);
    /// Case bodies are sealed at rest (issue 13): opened with these.
    void setSecrets(const Secrets *secrets) { m_secrets = secrets; }
    /// The applicant's SMS text for \a purpose.
    static QString applicantText(
        const QString &purpose, const QString &caseNumber, const QString &method = {});

    /// The platform's working-day calendar (built-in years with the imported ones).
    static Core::Result<Core::WorkCalendar> workCalendar(const CalendarService &calendar);

    HttpResponse complete(
        const QString &caseId, const QJsonObject &body, const AuthContext &context);
    HttpResponse deliveries(const QUrlQuery &query, const AuthContext &context);
    HttpResponse handover(
        const QString &deliveryId, const QJsonObject &body, const AuthContext &context);
    HttpResponse document(const QString &deliveryId, const AuthContext &context);

    HttpResponse rate(const QString &caseId, const QJsonObject &body, const AuthContext &context);
    HttpResponse rectifications(const QUrlQuery &query, const AuthContext &context);
    HttpResponse rectify(const QString &id, const QJsonObject &body, const AuthContext &context);

    /// Gives a new guide error report its deadline: five working days after it was made.
    Core::Status setReportDeadline(const QString &reportId);
    HttpResponse answerReport(
        const QString &reportId, const QJsonObject &body, const AuthContext &context);

    static bool isSupervisor(const AuthContext &context);

private:
    QJsonObject deliveryJson(const QString &deliveryId) const;
    QString documentPath(const QString &caseId) const;

    Storage::Database &m_database;
    const Secrets *m_secrets = nullptr;
    const Core::Clock &m_clock;
    const CalendarService &m_calendar;
    QString m_resultsDir;
};

} // namespace Tongban::Hub
