#pragma once

#include "HubErrors.h"
#include "audit/AuditStore.h"

#include <core/Clock.h>
#include <core/Result.h>

#include <QJsonObject>
#include <QString>

#include <functional>

namespace Tongban::Hub {

struct AuthContext;

/// What happened, as a caller hands it to AuditService::append. No personal data of
/// applicants (names, identity numbers, phones, addresses): ids only.
struct AuditEntry
{
    QString kind;
    QString actor;
    QString subject;
    QJsonObject detail;
};

/// The outcome of AuditService::verify.
struct AuditCheck
{
    qint64 rows = 0; ///< rows checked
    qint64 brokenSeq = 0; ///< the first row that does not fit the chain; 0: the chain holds
    QString problem; ///< why that row does not fit
    QString headHash; ///< the last row's hash (note it elsewhere to catch a rewritten tail)
    bool ok() const { return brokenSeq == 0; }
};

/// A page of the trail for GET /audit.
struct AuditPage
{
    QList<AuditRow> rows;
    qint64 nextAfterSeq = 0; ///< 0: no more rows
};

/*!
 * The hub's append-only, hash-chained audit trail (issue 17): decisions, sign-ins,
 * downloads of call recordings and administrative acts.
 *
 * Each row's hash is SHA-256(previous row's hash || canonical row), the canonical row being
 * the compact JSON array of its seq and time (decimal strings), kind, actor, subject and
 * detail text; the first row's previous hash is 64 zeros. verify() walks the chain: a row
 * edited, removed or inserted in place makes it fail at that row (or the one after it).
 *
 * Threading: the thread that owns the Database.
 */
class AuditService
{
public:
    enum ErrorCode {
        Forbidden = HubError::Audit + 1, ///< not admin or supervisor
        BadQuery = HubError::Audit + 2, ///< paging parameters out of range
    };
    static constexpr int MaxPage = 500;
    static constexpr int DefaultPage = 100;

    AuditService(AuditStore &store, const Core::Clock &clock);

    /// A keyed one-way hash (the hub's Secrets::lookupHash) for masking unknown names.
    void setKeyedHash(std::function<QString(const QString &)> hash)
    {
        m_keyedHash = std::move(hash);
    }

    /// Appends \a entry at the end of the chain; its seq.
    Core::Result<qint64> append(const AuditEntry &entry);
    /// append() for callers that go on when the trail cannot be written (it is logged).
    void record(const AuditEntry &entry) { static_cast<void>(append(entry)); }
    /// Walks the whole chain from the first row.
    Core::Result<AuditCheck> verify() const;
    /// Rows after \a afterSeq for \a context (admin and supervisor only), at most \a limit
    /// (1..MaxPage), only \a kind when set.
    Core::Result<AuditPage> list(
        const AuthContext &context, qint64 afterSeq, int limit, const QString &kind) const;

    /// A sign-in name as the trail keeps it: as typed when it names an account, otherwise
    /// masked (first character, "***", and 8 hex digits of its keyed hash), so that a
    /// password typed into the name field never lands in the trail.
    QString signInName(const QString &typed) const;
    bool accountExists(const QString &account) const;

    static QString canonical(const AuditRow &row);
    static QString chainHash(const QString &previousHash, const AuditRow &row);
    static const QString &genesisHash();

private:
    AuditStore &m_store;
    const Core::Clock &m_clock;
    std::function<QString(const QString &)> m_keyedHash;
};

} // namespace Tongban::Hub
