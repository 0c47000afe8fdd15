#pragma once

#include "ApiClient.h"

#include <core/Result.h>

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Tongban::Platform {

/// One deficiency of a one-time notice as the platform keeps it (issue 17).
struct NoticeDeficiency
{
    QString materialId;
    QString materialName;
    QString code; ///< the catalogue's deficiency code, when the clerk picked one
    QString reason;
    QString correction;
};

/// A one-time notice issued at some window of the city (GET /notices, docs/platform-api.md §14).
struct PlatformNotice
{
    QString serial;
    QString windowId;
    QString windowName;
    QString clerk;
    QString itemCode;
    QString catalogVersion; ///< the catalogue the notice was issued under
    QString caseId; ///< the platform's case, when the notice answers a request for correction
    QString clientCaseId; ///< the issuing workstation's case
    /// For this window to attach the corrected pages to caseId (§14.4): given when the
    /// notice answers an open request for correction of another window's case.
    QString correctionGrant;
    QDate correctionDue;
    QList<NoticeDeficiency> deficiencies;

    /// The materials the notice lists, each once, in order.
    QStringList materialIds() const;
};

/// What a window tells the platform about a one-time notice it issued (POST /notices).
struct NoticeRegistration
{
    QString serial;
    QString itemCode;
    QString catalogVersion;
    QString applicantIdNumber; ///< sent once; the platform keeps only a keyed hash
    QString clientCaseId;
    QString caseId; ///< the platform's case, when the notice answers its request for correction
    QDate correctionDue;
    QList<NoticeDeficiency> deficiencies;
};

/// A running deadline of a case after the window (GET /deadlines).
struct CaseDeadline
{
    QString caseId;
    QString caseNumber;
    QString itemCode;
    QString stage; ///< acceptance, decision, or applicant (waiting for a correction: no date)
    QDate due;
    bool overdue = false;
};

/// How a clerk names the notice the applicant brings from another hall.
enum class NoticeKey { Serial, QrText, IdentityNumber };

/*!
 * The workstation's side of the platform's deadlines and corrections (issue 17):
 * registering the one-time notices the window issues, finding a notice issued at
 * another hall, and the window's cases waiting on their home departments.
 *
 * Asynchronous over a Transport (the clerk's Session); callbacks run once, on its thread.
 */
class AfterWindowClient
{
public:
    explicit AfterWindowClient(Transport &transport)
        : m_transport(transport)
    { }

    /// POST /notices with \a notice; InvalidArgument when a required field is missing.
    static Core::Result<ApiRequest> registrationRequest(const NoticeRegistration &notice);
    void registerNotice(const NoticeRegistration &notice, std::function<void(Core::Status)> done);

    void findNotices(NoticeKey key, const QString &value,
        std::function<void(Core::Result<QList<PlatformNotice>>)> done);

    void deadlines(std::function<void(Core::Result<QList<CaseDeadline>>)> done);

    static Core::Result<QList<PlatformNotice>> parseNotices(const QByteArray &body);
    static Core::Result<QList<CaseDeadline>> parseDeadlines(const QByteArray &body);

private:
    Transport &m_transport;
};

} // namespace Tongban::Platform
