#pragma once

#include <security/AuditLog.h>

#include <QList>
#include <QSet>
#include <QString>

namespace Tongban::Security::Internal {

/// The audit_anchor row.
struct AuditAnchor
{
    qint64 prunedThroughId = 0;
    QString prunedLastHash;
    qint64 headId = 0;
    QString headHash;
};

/*!
 * Checks a stream of audit records, fed in id order, against each other and
 * against the anchor, and classifies what it finds (see VerifyReport). Holds
 * only the previous record and the records whose hash does not match (up to
 * a cap), so memory stays small for long trails. Not thread-safe; one use.
 */
class ChainVerifier
{
public:
    explicit ChainVerifier(AuditAnchor anchor);

    /// \a atText is the stored timestamp text, which is what was hashed.
    void add(const AuditRecord &record, const QString &atText);
    VerifyReport finish();

private:
    using Kind = VerifyReport::Problem::Kind;

    struct Mismatch
    {
        AuditRecord record;
        QString atText;
    };

    void report(qint64 id, Kind kind, const QString &detail);
    void noteMissing(qint64 first, qint64 last);
    void classifyMismatches();

    AuditAnchor m_anchor;
    qint64 m_checked = 0;
    qint64 m_expectedId = 0;
    qint64 m_prevId = 0;
    QString m_prevHash;
    bool m_prevIntact = true;
    QList<Mismatch> m_mismatches;
    QSet<qint64> m_candidateIds; // ids a moved record may have been written under
    QList<VerifyReport::Problem> m_problems;
};

} // namespace Tongban::Security::Internal
