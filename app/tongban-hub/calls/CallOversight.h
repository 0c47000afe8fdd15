#pragma once

#include "HubConfig.h"
#include "HubErrors.h"
#include "calls/CallOversightStore.h"

#include <core/Result.h>
#include <storage/Migration.h>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QTime>

#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

struct AuthContext;
class CalendarService;

/// One span of a working day's office hours, [from, to) in Beijing time.
struct OfficeSpan
{
    int fromMinute = 0; ///< minutes after midnight
    int toMinute = 0; ///< exclusive; 1440 is midnight at the end of the day
};

/// The office hours of a jurisdiction as GET /office-hours/{code} gives them.
struct OfficeHours
{
    QString jurisdiction;
    QList<OfficeSpan> spans;
    bool openNow = false;
    QDateTime nextOpen; ///< invalid: none within a year
};

/*!
 * What the operating rules ask of video assistance beyond the signalling (000 第十八条,
 * 第二十七条(二)): office hours per jurisdiction (spans of a working day of the platform's
 * calendar, Beijing time), the escalation of a window's 4th miss in a calendar month, the
 * monthly call report, and the ICE servers a window uses (STUN, and TURN with short-lived
 * credentials in coturn's REST scheme).
 *
 * Tables of its own migration set "hub_calls2" (schema()): hub_office_hours,
 * hub_call_escalations, and the answer time and clerks of each call in hub_calls; their SQL
 * is CallOversightStore's, the HTTP mapping CallRoutes'.
 *
 * Same thread as the Database.
 */
class CallOversight
{
public:
    /// Office hours of a jurisdiction that has none set: 09:00-12:00, 13:30-17:30.
    static QList<OfficeSpan> defaultHours();
    /// "09:00-12:00" → a span; the end may be 24:00. Null with \a problem on a bad span.
    static std::optional<OfficeSpan> parseSpan(const QString &text, QString *problem = nullptr);
    static QString spanText(const OfficeSpan &span);
    /// "2026-11", Beijing time.
    static QString monthOf(const QDateTime &time);

    static Storage::MigrationSet schema();

    enum ErrorCode {
        Forbidden = HubError::Oversight + 1,
        BadJurisdiction, ///< not a 6-digit code
        InvalidHours, ///< spans missing, malformed, unordered or overlapping
        BadMonth,
        BadState,
        InvalidDecision, ///< decision or note not acceptable
        AlreadyDecided,
        EscalationNotFound,
        StoreFailed,
    };

    CallOversight(CallOversightStore &store, const CalendarService &calendar,
        const HubConfig &config, const Core::Clock &clock);

    QList<OfficeSpan> hoursOf(const QString &jurisdiction) const;
    /// Whether \a at is a working day of the platform's calendar and inside one of the spans.
    bool isOpen(const QString &jurisdiction, const QDateTime &at) const;
    /// The next opening at or after \a after (within a year); invalid when none.
    QDateTime nextOpen(const QString &jurisdiction, const QDateTime &after) const;
    /// The message for a call refused outside office hours (zh_CN, with the next opening).
    QString closedMessage(const QString &jurisdiction, const QDateTime &at) const;

    /// GET /office-hours/{code}: public to every signed-in account.
    Core::Result<OfficeHours> officeHours(const QString &jurisdiction) const;
    /// PUT /office-hours/{code} ({"spans": ["09:00-12:00", ...]}): admins only.
    Core::Result<OfficeHours> setOfficeHours(
        const QString &jurisdiction, const QJsonObject &body, const AuthContext &context);

    /*!
     * After a miss of \a windowId was recorded: when it is the window's 4th (or later) in
     * \a month and the month has no escalation for the window yet, creates one (state
     * "open") and stores a call.escalated event for each supervising admin. Returns the
     * escalation id, or empty.
     */
    QString escalateIfDue(const QString &windowId, const QString &month);
    /// Escalations of \a month and \a state (empty: any), admins only, at most 1000.
    Core::Result<QList<EscalationRow>> escalations(
        const QString &month, const QString &state, const AuthContext &context) const;
    /// {"decision": "confirmed"|"excused", "note"} on an open escalation, admins only.
    Core::Status decideEscalation(
        const QString &id, const QJsonObject &body, const AuthContext &context);

    /*!
     * The month's report (第二十七条(二)): per home window its misses and escalation, per
     * answering window its answers and answer times (median, p95, max), per application
     * window and clerk the calls made and how they ended. \a jurisdiction / \a windowId
     * narrow it (empty: all).
     */
    static Core::Result<QJsonObject> report(Storage::Database &database, const QString &month,
        const QString &jurisdiction = {}, const QString &windowId = {});
    /// The report as text for a console.
    static QString reportText(const QJsonObject &report);
    /// GET /calls/report (\a month empty: this one): admin all, department its
    /// jurisdiction, a window its own rows.
    Core::Result<QJsonObject> reportFor(const QString &month, const AuthContext &context) const;

    /// GET /ice-servers: welcome.iceServers plus TURN with credentials valid turn.ttlSecs.
    Core::Result<QJsonObject> iceServers(const AuthContext &context) const;
    /// coturn's REST scheme: username "expiry:windowId", password base64(HMAC-SHA1(secret,
    /// username)).
    static QPair<QString, QString> turnCredential(
        const QByteArray &secret, const QString &windowId, qint64 expirySecs);

private:
    QList<QString> supervisingAdmins(const QString &windowId) const;

    CallOversightStore &m_store;
    const CalendarService &m_calendar;
    const HubConfig &m_config;
    const Core::Clock &m_clock;
};

} // namespace Tongban::Hub
