#pragma once

#include <core/Result.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/*!
 * Requests for correction, their pages, one-time notices and their lookups (module
 * hub_corrections) and what they read of cases, pages and windows (issue 13 layers: every
 * SQL statement of corrections/ is here). JSON columns go in and out as compact text.
 * Portable SQL only.
 *
 * Threading: the thread that owns the Database.
 */
class CorrectionStore
{
public:
    explicit CorrectionStore(Storage::Database &database);

    struct CaseForRequest
    {
        QString windowId, itemCode, homeJurisdiction, caseNumber, storedBody;
        bool decided = false;
        bool pending = false; ///< a request is open
    };
    struct Request
    {
        QString id, deficienciesJson, waysJson, due, state, windowId, homeJurisdiction;
    };
    struct NewRequest
    {
        QString id, caseId, byAccount, deficienciesJson, waysJson, due;
        qint64 at = 0;
    };
    /// The case a window corrects, with its open request if any.
    struct CaseForPages
    {
        QString windowId, homeJurisdiction, caseNumber, itemCode;
        std::optional<QString> openRequestId;
        QString openDeficienciesJson;
    };
    struct Page
    {
        QString id, materialId, sha256, mediaType;
        qint64 size = 0;
    };
    struct Notice
    {
        QString serial, windowId, windowName, windowJurisdiction, clerk, itemCode, catalogVersion;
        QString deficienciesJson;
        std::optional<QString> correctionDue, caseId, clientCaseId;
        qint64 createdAt = 0;
    };
    struct NewNotice
    {
        QString serial, windowId, clerk, itemCode, catalogVersion, idHash, deficienciesJson;
        QString correctionDue, clientCaseId, caseId, bodySha256; ///< empty: NULL
        qint64 at = 0;
    };

    Core::Result<std::optional<CaseForRequest>> caseForRequest(const QString &caseId) const;
    Core::Status addRequest(const NewRequest &request);
    Core::Result<std::optional<Request>> latestRequest(const QString &caseId) const;
    Core::Result<std::optional<CaseForPages>> caseForPages(const QString &caseId) const;
    /// The case and hash of a page id in use, if any.
    Core::Result<std::optional<QPair<QString, QString>>> page(const QString &clientPageId) const;
    /// A page of \a caseId attached to request \a requestId (call in a transaction).
    Core::Status addPage(const QString &caseId, const Page &page, const QString &requestId);
    /// The pages attached to \a requestId: id and hash.
    Core::Result<QList<QPair<QString, QString>>> requestPages(const QString &requestId) const;
    Core::Status answerRequest(const QString &requestId, qint64 at);
    /// Home windows of \a jurisdiction with an enabled home clerk.
    Core::Result<QStringList> homeWindows(const QString &jurisdiction) const;

    /// The window and body hash of the notice \a serial, if registered.
    Core::Result<std::optional<QPair<QString, QString>>> notice(const QString &serial) const;
    Core::Status addNotice(const NewNotice &notice);
    Core::Result<QString> windowJurisdiction(const QString &windowId) const;
    Core::Result<QList<Notice>> noticeBySerial(const QString &serial, int limit) const;
    /// Open notices under any of \a idHashes, newest first.
    Core::Result<QList<Notice>> openNoticesByIdHash(const QStringList &idHashes, int limit) const;
    Core::Status auditLookup(
        const QString &account, const QString &windowId, const QString &by, int found, qint64 at);

    /// A window's right to correct a case at another hall, given with the notice it found
    /// (§14.4): only the SHA-256 of the token is kept.
    struct Grant
    {
        QString tokenSha256, serial, caseId, requestId, windowId, account, by;
        qint64 at = 0;
    };
    Core::Status addGrant(const Grant &grant);
    Core::Result<std::optional<Grant>> grant(const QString &tokenSha256) const;
    Core::Status useGrant(const QString &tokenSha256, qint64 at);
    /// A page added by a window other than the case's (it uploads it with tus).
    Core::Status addPageWindow(const QString &clientPageId, const QString &windowId);

    Core::Status transaction(const std::function<Core::Status()> &work);

private:
    Storage::Database &m_database;
};

} // namespace Tongban::Hub
