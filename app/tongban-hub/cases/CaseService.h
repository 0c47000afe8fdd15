#pragma once

#include "HubConfig.h"
#include "HubErrors.h"
#include "cases/CaseStore.h"

#include <core/Result.h>

#include <QJsonObject>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

class Secrets;

struct AuthContext;
class CatalogueService;
class UploadService;

/// What deciding a case produced.
struct DecisionOutcome
{
    QString resultId;
    bool created = false; ///< false: the same decision had been recorded before
};

/// What creating a case produced (or found: the same clientCaseId and body again).
struct CaseCreated
{
    CaseRecord record;
    bool created = false; ///< false: the window had sent this case before
    QStringList missingPages; ///< declared pages without a completed upload
};

/// A declared page and whether its upload is complete.
struct CasePageState
{
    QString clientPageId;
    QString materialId;
    bool received = false;
};

/// A case as its readers see it.
struct CaseDetail
{
    CaseRecord record;
    QList<CasePageState> pages;
};

/// A submitted case.
struct CaseSubmitted
{
    QString caseId;
    QString status;
    QString caseNumber;
};

/*!
 * Cases (contract §5) and results (§7): the rules; CaseStore keeps them, CaseRoutes puts
 * them on the wire.
 *
 * A case is idempotent by clientCaseId: the same body again gives the same case
 * (created false), another body IdempotencyConflict. submit verifies the
 * SHA-256 of every declared page file on disk against the declaration and
 * then issues the official number <home jurisdiction>-<YYYYMMDD>-<6 digits>
 * once, from a per-jurisdiction-and-day sequence updated in the same
 * transaction as the case.
 *
 * Every error's message is the zh_CN text for the clerk, its detail technical.
 * Threading: the thread that owns the Database.
 */
class CaseService
{
public:
    CaseService(Storage::Database &database, const HubConfig &config, const Core::Clock &clock,
        const CatalogueService *catalogue, UploadService *uploads, const QString &resultsDir);

    /// A new case from \a context's window (000 第六条 checked against the catalogue).
    Core::Result<CaseCreated> create(const QJsonObject &body, const AuthContext &context);
    /// The case, for its window, its home department and admins (others: CaseNotFound).
    Core::Result<CaseDetail> get(const QString &caseId, const AuthContext &context);
    /// Issues the official number once every declared page is there with its hash.
    Core::Result<CaseSubmitted> submit(const QString &caseId, const AuthContext &context);
    /*!
     * decide() on behalf of \a context (a department or admin that may read the case);
     * \a pdf nullopt: no valid document was sent (ValidationFailed).
     */
    Core::Result<DecisionOutcome> decideAs(const QString &caseId, const QString &decision,
        const QString &reasons, const std::optional<QByteArray> &pdf, const AuthContext &context);
    /// The results \a context may read, after \a sinceResultId.
    Core::Result<QList<ResultRecord>> results(
        const QString &sinceResultId, const AuthContext &context);
    /// The PDF of \a resultId if \a context may read its case (otherwise ResultNotFound).
    Core::Result<QByteArray> resultDocument(const QString &resultId, const AuthContext &context);

    /*!
     * Records the home department's decision on a submitted case, keeps the
     * PDF and stores a result.issued event for the application window.
     * \a decision is "accepted" or "rejected"; a rejection must give \a reasons
     * (ReasonsRequired). Repeating the same decision
     * returns the first result; a different one is an error (Conflict).
     */
    Core::Result<DecisionOutcome> decide(const QString &caseId, const QString &decision,
        const QString &reasons, const QByteArray &pdf, const QString &byAccount);

    enum ErrorCode {
        CaseNotFound = HubError::Cases,
        NotSubmitted,
        Conflict,
        InvalidDecision,
        StorageFailed,
        ReasonsRequired, ///< a rejection without reasons
        Forbidden, ///< not a window (create), not a department or admin (decide)
        ValidationFailed, ///< the body is incomplete or breaks 000 第六条
        IdempotencyConflict, ///< the clientCaseId was used for another body
        UnknownItem, ///< the item is not in the catalogue in force
        PagesMissing, ///< submit: declared pages without a completed upload
        HashMismatch, ///< submit: a page file differs from its declared SHA-256
        ResultNotFound,
    };

    /// The key that seals case bodies at rest (identity numbers, issue 13); not owned.
    void setSecrets(const Secrets *secrets);

    /// The rules a case body must meet to be stored: the problems found, one per field.
    static QStringList validateCase(const QJsonObject &body);

private:
    /// The case if \a context may read it; otherwise CaseNotFound.
    Core::Result<CaseRecord> readable(const QString &caseId, const AuthContext &context);
    Core::Result<CaseRecord> find(const QString &caseId);

    CaseStore m_store;
    const Secrets *m_secrets = nullptr;
    const HubConfig &m_config;
    const Core::Clock &m_clock;
    const CatalogueService *m_catalogue;
    UploadService *m_uploads;
};

} // namespace Tongban::Hub
