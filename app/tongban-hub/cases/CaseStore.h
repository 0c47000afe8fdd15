#pragma once

#include "HubErrors.h"

#include <core/Result.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

class Secrets;

/// A case as stored (contract §5): who sent it, for which item, where it stands.
struct CaseRecord
{
    QString id;
    QString clientCaseId;
    QString windowId;
    QString itemCode;
    QString homeJurisdiction;
    QString status; ///< awaiting_files, submitted, accepted or rejected
    QString caseNumber; ///< empty until submitted
    QString provisionalNumber; ///< from the case body
};

/// A page declared in a case.
struct CasePage
{
    QString clientPageId;
    QString materialId;
    QString sha256; ///< lower-case hex
    qint64 sizeBytes = 0;
    QString mediaType;
};

/// A new case and its declared pages, stored in one transaction.
struct NewCase
{
    QString id;
    QString clientCaseId;
    QString bodySha256;
    QByteArray body; ///< the canonical JSON body; sealed by the store
    QString account;
    QString windowId;
    QString itemCode;
    QString homeJurisdiction;
    qint64 createdAtMs = 0;
    QList<CasePage> pages;
};

/// A decision on a case (contract §7).
struct ResultRecord
{
    QString id;
    QString caseId;
    QString caseNumber;
    QString decision; ///< accepted or rejected
    QString reasons;
    qint64 issuedAtMs = 0;
    QString documentSha256;
};

/*!
 * The SQL and files of cases and results: hub_cases, hub_pages, hub_case_sequences,
 * hub_results and the result documents under files/results. Case bodies hold the
 * applicant's identity number: they are sealed with the hub's key when one is set.
 *
 * Threading: the thread that owns the Database.
 */
class CaseStore
{
public:
    /// insert(): a clientPageId of the case is already another case's page.
    static constexpr int DuplicatePage = HubError::Cases + 40;

    CaseStore(Storage::Database &database, const QString &resultsDir);

    /// The key that seals case bodies at rest (issue 13); not owned.
    void setSecrets(const Secrets *secrets) { m_secrets = secrets; }

    /*!
     * Seals in place the case bodies an older hub stored in plain text, with SQLite's
     * secure_delete on so that the plain bytes do not stay in the file's free space.
     */
    static Core::Status sealPlainBodies(Storage::Database &database, const Secrets &secrets);

    /// The database, for what other resources write in the same transaction.
    Storage::Database &database() { return m_database; }

    struct ClientCaseMatch
    {
        QString id;
        QString bodySha256;
    };
    /// The case \a windowId sent as \a clientCaseId, if any.
    Core::Result<std::optional<ClientCaseMatch>> findByClientCaseId(
        const QString &windowId, const QString &clientCaseId) const;
    Core::Status insert(const NewCase &newCase);
    Core::Result<std::optional<CaseRecord>> find(const QString &caseId) const;
    /// The declared pages of \a caseId in their order; empty when none or unreadable.
    QList<CasePage> pages(const QString &caseId) const;
    /*!
     * Gives \a caseId the next number of \a jurisdiction's sequence of \a day, formatted by
     * \a format, and marks it submitted at \a submittedAtMs, in one transaction.
     */
    Core::Result<QString> issueNumber(const QString &caseId, const QString &jurisdiction,
        const QString &day, qint64 submittedAtMs, const std::function<QString(qint64)> &format);

    /// The result of \a caseId (id, decision, documentSha256), if decided.
    Core::Result<std::optional<ResultRecord>> resultOfCase(const QString &caseId) const;
    /*!
     * Stores \a result by \a byAccount and sets its case's status to the decision, then runs
     * \a alsoInTransaction (events, SMS) in the same transaction.
     */
    Core::Status insertResult(const ResultRecord &result, const QString &byAccount,
        const std::function<Core::Status()> &alsoInTransaction);
    /// Results after \a sinceResultId (all when unknown), of every case (\a wide), of the
    /// cases of \a homeJurisdiction (\a home) or of \a windowId's cases.
    Core::Result<QList<ResultRecord>> results(const QString &sinceResultId, bool wide, bool home,
        const QString &homeJurisdiction, const QString &windowId) const;
    /// The case of \a resultId, if the result exists.
    Core::Result<std::optional<QString>> caseOfResult(const QString &resultId) const;

    /// The result's PDF, durable (fsynced) before its result row is stored.
    Core::Status writeResultDocument(const QString &resultId, const QByteArray &pdf);
    void removeResultDocument(const QString &resultId);
    Core::Result<QByteArray> readResultDocument(const QString &resultId) const;

    /// The SHA-256 (lower-case hex) of the file at \a path; nullopt when unreadable.
    static std::optional<QString> fileSha256(const QString &path);

private:
    QString resultPath(const QString &resultId) const;
    QByteArray openBody(const QString &stored) const;

    Storage::Database &m_database;
    QString m_resultsDir;
    const Secrets *m_secrets = nullptr;
};

} // namespace Tongban::Hub
