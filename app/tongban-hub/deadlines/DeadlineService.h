#pragma once

#include "deadlines/DeadlineStore.h"

#include <core/Clock.h>
#include <core/Result.h>
#include <core/WorkCalendar.h>
#include <storage/Migration.h>

#include <QDate>
#include <QJsonObject>
#include <QSet>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

struct AuthContext;
class CalendarService;
class CatalogueService;

/*!
 * The deadlines of a case after the window (000 第十九条, 第二十条, 第二十一条,
 * 第三十一条), counted on the platform's working-day calendar (the calendar in
 * force: built-in years and imported ones, CalendarService::document()).
 *
 * - The home department receives a case on the day it was submitted, or on the next
 *   working day when it was submitted on a rest day or from kReceiptCutoff on (China
 *   Standard Time). Acceptance (第十九条) and the contact for a correction (第二十条)
 *   are due 2 working days after that day.
 * - Once accepted, the decision is due the item's promised limit (catalogue) after the
 *   day of acceptance, capped by the legal limit, in working days (第二十一条).
 *
 * Stored per case in hub_case_deadlines (module hub_deadlines); refresh() (at submit,
 * at a decision, and by every sweep) keeps them. sweep() raises case.dueSoon (due
 * today or the next working day) and case.overdue once per case, stage and level, as
 * events to the application window and the home windows of the home jurisdiction, and
 * queues an SMS to each home window's duty phone in sms_outbox.
 *
 * Same thread as the Database.
 */
class DeadlineService
{
public:
    static constexpr int kAcceptanceWorkingDays = 2;
    static const QTime kReceiptCutoff; ///< 17:00 China Standard Time

    static Storage::MigrationSet schema();

    DeadlineService(Storage::Database &database, const Core::Clock &clock,
        const CatalogueService &catalogue, const CalendarService &calendar);

    /// The day the home department is deemed to have received a case submitted at \a at.
    static Core::Result<QDate> receiptDay(const Core::WorkCalendar &calendar, const QDateTime &at);
    /// Acceptance (and correction contact) due for a case submitted at \a submittedAt.
    static Core::Result<QDate> acceptanceDue(
        const Core::WorkCalendar &calendar, const QDateTime &submittedAt);
    /// Decision due for a case accepted at \a acceptedAt: min(promised, legal) working days
    /// (a limit of 0 is unknown and ignored).
    static Core::Result<QDate> decisionDue(const Core::WorkCalendar &calendar,
        const QDateTime &acceptedAt, int promisedDays, int legalDays);

    /// Computes and stores the deadlines of \a caseId (nothing for a case not submitted).
    Core::Status refresh(const QString &caseId);
    /// The stored deadlines of \a caseId as the case routes show them; empty when none.
    QJsonObject caseDeadlines(const QString &caseId) const;

    /// A running deadline as GET /deadlines lists it.
    struct Entry
    {
        QString caseId, caseNumber, itemCode, windowId, homeJurisdiction, stage;
        QDate due; ///< invalid: waiting on the applicant, or a year the calendar lacks
        bool overdue = false;
    };
    static constexpr int kMaxListed = 200;
    /// The running deadlines \a context may see, soonest first (at most kMaxListed): an
    /// application window its own cases, a department or home account its jurisdiction's,
    /// the administrator all.
    Core::Result<QList<Entry>> visible(const AuthContext &context) const;

    struct SweepReport
    {
        int refreshed = 0;
        int dueSoon = 0;
        int overdue = 0;
    };
    /// One pass: refreshes open cases, then raises what became due soon or overdue.
    Core::Result<SweepReport> sweep();

    /// Of \a fromYear and the next, those \a calendar lacks.
    static QList<int> missingYears(const Core::WorkCalendar &calendar, int fromYear);

private:
    Core::Result<Core::WorkCalendar> calendarInForce() const;
    void warnMissingYears(const QList<int> &years);
    QSet<int> m_warnedYears; ///< missing years already logged
    Core::Status refreshWith(const Core::WorkCalendar &calendar, const QString &caseId);

    DeadlineStore m_store;
    Storage::Database &m_database; ///< for EventService::append in the sweep's transaction
    const Core::Clock &m_clock;
    const CatalogueService &m_catalogue;
    const CalendarService &m_calendar;
};

} // namespace Tongban::Hub
