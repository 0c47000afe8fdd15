#include "ChainVerifier.h"

#include "AuditHash.h"

#include <algorithm>

namespace Tongban::Security::Internal {

namespace {
// Beyond this many broken records, or missing ids, the trail is plainly
// tampered with; finding where each moved record came from is not worth
// quadratic time.
constexpr qsizetype kMaxClassified = 256;

QString range(qint64 first, qint64 last)
{
    return first == last ? QStringLiteral("record %1 is").arg(first)
                         : QStringLiteral("records %1 to %2 are").arg(first).arg(last);
}
} // namespace

ChainVerifier::ChainVerifier(AuditAnchor anchor)
    : m_anchor(std::move(anchor))
    , m_expectedId(m_anchor.prunedThroughId + 1)
    , m_prevId(m_anchor.prunedThroughId)
    , m_prevHash(m_anchor.prunedLastHash)
{ }

void ChainVerifier::add(const AuditRecord &record, const QString &atText)
{
    ++m_checked;
    const bool intact = recordHash(record.id, atText, record, record.prevHash) == record.hash;
    if (!intact) {
        if (m_mismatches.size() < kMaxClassified) {
            m_mismatches.append(Mismatch { record, atText });
            m_candidateIds.insert(record.id);
        } else {
            report(record.id, Kind::Changed, QStringLiteral("content does not match its hash"));
        }
    }

    if (record.id <= m_anchor.prunedThroughId) {
        report(record.id, Kind::Inserted,
            QStringLiteral("record id is at or below the pruned boundary %1")
                .arg(m_anchor.prunedThroughId));
        return;
    }
    if (record.id > m_anchor.headId) {
        report(record.id, Kind::Inserted,
            QStringLiteral("record id is beyond the newest record written (%1)")
                .arg(m_anchor.headId));
        return;
    }

    if (record.id != m_expectedId) {
        report(m_expectedId, Kind::Removed,
            range(m_expectedId, record.id - 1) + QStringLiteral(" missing"));
        noteMissing(m_expectedId, record.id - 1);
    } else if (intact && m_prevIntact && record.prevHash != m_prevHash) {
        // Both records match their own hashes, so one of them was rewritten
        // together with its hash; the link shows which side moved.
        if (m_prevId == m_anchor.prunedThroughId) {
            report(record.id, Kind::Changed,
                QStringLiteral("does not link to the end of the pruned part of the trail"));
        } else {
            report(m_prevId, Kind::Changed,
                QStringLiteral("hash was recomputed after a change: record %1 links to "
                               "a different hash")
                    .arg(record.id));
        }
    }
    m_prevId = record.id;
    m_prevHash = record.hash;
    m_prevIntact = intact;
    m_expectedId = record.id + 1;
}

VerifyReport ChainVerifier::finish()
{
    if (m_prevId < m_anchor.headId) {
        report(m_prevId + 1, Kind::Truncated,
            range(m_prevId + 1, m_anchor.headId) + QStringLiteral(" missing at the end"));
        noteMissing(m_prevId + 1, m_anchor.headId);
    } else if (m_prevId > m_anchor.prunedThroughId && m_prevIntact
        && m_prevHash != m_anchor.headHash) {
        report(m_prevId, Kind::Changed,
            QStringLiteral("newest record was changed and its hash recomputed"));
    }
    classifyMismatches();

    std::stable_sort(m_problems.begin(), m_problems.end(),
        [](const auto &a, const auto &b) { return a.id < b.id; });
    VerifyReport result;
    result.ok = m_problems.isEmpty();
    result.recordsChecked = m_checked;
    result.problems = m_problems;
    return result;
}

void ChainVerifier::report(qint64 id, Kind kind, const QString &detail)
{
    m_problems.append(VerifyReport::Problem { id, kind, detail });
}

void ChainVerifier::noteMissing(qint64 first, qint64 last)
{
    for (qint64 id = first; id <= last && m_candidateIds.size() < 2 * kMaxClassified; ++id)
        m_candidateIds.insert(id);
}

void ChainVerifier::classifyMismatches()
{
    for (const Mismatch &mismatch : std::as_const(m_mismatches)) {
        const AuditRecord &record = mismatch.record;
        const auto origin
            = std::find_if(m_candidateIds.cbegin(), m_candidateIds.cend(), [&](qint64 candidate) {
                  return candidate != record.id
                      && recordHash(candidate, mismatch.atText, record, record.prevHash)
                      == record.hash;
              });
        if (origin != m_candidateIds.cend()) {
            report(record.id, Kind::Reordered,
                QStringLiteral("holds the record written as id %1").arg(*origin));
        } else {
            report(record.id, Kind::Changed, QStringLiteral("content does not match its hash"));
        }
    }
}

} // namespace Tongban::Security::Internal
