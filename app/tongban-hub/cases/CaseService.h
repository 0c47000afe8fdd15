#pragma once

#include "HubConfig.h"
#include "HubErrors.h"
#include "http/HttpTypes.h"

#include <core/Result.h>

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

/*!
 * Cases (contract §5) and results (§7).
 *
 * A case is idempotent by clientCaseId: the same body again answers 200 with
 * the same caseId, another body 409 idempotency_conflict. submit verifies the
 * SHA-256 of every declared page file on disk against the declaration and
 * then issues the official number <home jurisdiction>-<YYYYMMDD>-<6 digits>
 * once, from a per-jurisdiction-and-day sequence updated in the same
 * transaction as the case.
 *
 * Threading: the thread that owns the Database.
 */
class CaseService
{
public:
    CaseService(Storage::Database &database, const HubConfig &config, const Core::Clock &clock,
        const CatalogueService *catalogue, UploadService *uploads, const QString &resultsDir);

    HttpResponse create(const QJsonObject &body, const AuthContext &context);
    HttpResponse get(const QString &caseId, const AuthContext &context);
    HttpResponse submit(const QString &caseId, const AuthContext &context);
    HttpResponse decisionRequest(
        const QString &caseId, const QJsonObject &body, const AuthContext &context);
    HttpResponse results(const QUrlQuery &query, const AuthContext &context);
    HttpResponse resultDocument(const QString &resultId, const AuthContext &context);

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
    };

    /// The key that seals case bodies at rest (identity numbers, issue 13); not owned.
    void setSecrets(const Secrets *secrets) { m_secrets = secrets; }

private:
    const Secrets *m_secrets = nullptr;
    QString resultPath(const QString &resultId) const;

    Storage::Database &m_database;
    const HubConfig &m_config;
    const Core::Clock &m_clock;
    const CatalogueService *m_catalogue;
    UploadService *m_uploads;
    QString m_resultsDir;
};

} // namespace Tongban::Hub
