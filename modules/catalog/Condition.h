#pragma once

#include <core/Result.h>

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace Tongban::Catalog {

struct Fact;

/// The answers of one case to the catalogue's facts: bool for bool facts,
/// the option value (QString) for enum facts. An unanswered fact is absent.
using CaseFacts = QHash<QString, QVariant>;

/*!
 * A condition (情形) under which a material applies, e.g.
 * `agentApplies && applicantType == 'legalPerson'` (grammar in
 * docs/catalog-format.md). Parsing checks every fact against the declared
 * facts, so an unknown fact is a validation error, never a runtime surprise.
 *
 * Immutable once parsed; copies share the expression tree; thread-safe.
 */
class Condition
{
public:
    /// The empty condition: always true.
    Condition() = default;

    static constexpr int MaxLength = 500;
    static constexpr int MaxDepth = 32;

    /*!
     * Parses \a text against \a facts. On failure the error's detail holds the
     * character position and the reason.
     */
    static Core::Result<Condition> parse(const QString &text, const QList<Fact> &facts);

    bool isAlways() const { return !m_root; }
    QString text() const { return m_text; }

    /*!
     * Whether the condition holds for \a facts. An unanswered fact counts as
     * false (bool) or as no option (enum), so that a question not yet answered
     * never demands a material.
     */
    bool evaluate(const CaseFacts &facts) const;

    /// The ids of the facts the condition reads.
    QStringList factIds() const;

    struct Node;

private:
    std::shared_ptr<const Node> m_root;
    QString m_text;
};

} // namespace Tongban::Catalog
