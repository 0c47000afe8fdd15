#pragma once

#include "HubErrors.h"
#include "delivery/DeliveryStore.h"

#include <core/Clock.h>
#include <core/Result.h>
#include <core/WorkCalendar.h>

#include <QDateTime>
#include <QJsonObject>

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
    /// Its errors (HubError::Delivery); the message says what to do, in the contract's words.
    enum ErrorCode {
        NotFound = HubError::Delivery + 1, ///< no such record, or not the caller's to see
        Forbidden = HubError::Delivery + 2, ///< the caller's role may not do this
        Conflict = HubError::Delivery + 3, ///< done before differently, or a wrong state
        Invalid = HubError::Delivery + 4, ///< the request's values (detail: JSON pointer)
        Failed = HubError::Delivery + 5, ///< storage, calendar or file failure
    };

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

    struct Completion
    {
        DeliveryStore::Delivery delivery;
        bool created = false; ///< false: the same document completed it before
    };
    /// 办结 of an accepted case by its home department with the result document \a pdf.
    Core::Result<Completion> complete(
        const QString &caseId, const QByteArray &pdf, const AuthContext &context);
    /// The deliveries \a context may see (its window's; all for admin and supervisor).
    Core::Result<QList<DeliveryStore::Delivery>> deliveries(
        const QString &state, const AuthContext &context) const;
    struct HandoverRequest
    {
        QString handedBy, receivedBy, carrier, waybill;
    };
    /// Records the hand-over (or, by mail, the waybill) of a pending delivery; a delivery
    /// recorded before is returned as it is.
    Core::Result<DeliveryStore::Delivery> handover(
        const QString &deliveryId, const HandoverRequest &request, const AuthContext &context);
    /// The result document of a delivery (PDF bytes) for those who may read it.
    Core::Result<QByteArray> document(const QString &deliveryId, const AuthContext &context) const;

    struct Rated
    {
        bool created = false; ///< false: the same rating was given before
        QString rectificationId; ///< a 差评 opened one
    };
    Core::Result<Rated> rate(
        const QString &caseId, int score, const QString &comment, const AuthContext &context);
    Core::Result<QList<DeliveryStore::Rectification>> rectifications(
        const QString &state, const AuthContext &context) const;
    Core::Status rectify(const QString &id, const QString &text, const AuthContext &context);

    /// Gives a new guide error report its deadline: five working days after it was made.
    Core::Status setReportDeadline(const QString &reportId);
    struct ReportAnswer
    {
        QString reportId, status, answer;
        QDateTime answeredAt, dueAt;
    };
    /// The owning department's answer; no \a dueAt: five working days after the report (an
    /// invalid one is refused).
    Core::Result<ReportAnswer> answerReport(const QString &reportId, const QString &status,
        const QString &answer, const std::optional<QDateTime> &dueAt, const AuthContext &context);

    static bool isSupervisor(const AuthContext &context);

private:
    Core::Result<DeliveryStore::Delivery> deliveryOf(const QString &deliveryId) const;
    QString documentPath(const QString &caseId) const;

    DeliveryStore m_store;
    Storage::Database &m_database; ///< for EventService and SmsService in its transactions
    const Secrets *m_secrets = nullptr;
    const Core::Clock &m_clock;
    const CalendarService &m_calendar;
    QString m_resultsDir;
};

} // namespace Tongban::Hub
