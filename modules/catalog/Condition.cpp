#include "Condition.h"

#include "Catalog.h"
#include "Tr.h"

namespace Tongban::Catalog {

using Core::Error;
using Core::Result;

struct Condition::Node
{
    enum class Kind { Constant, BoolFact, Equals, NotEquals, Not, And, Or };
    Kind kind = Kind::Constant;
    bool constant = false;
    QString fact;
    QString value;
    std::shared_ptr<const Node> left;
    std::shared_ptr<const Node> right;
};

namespace {

using Node = Condition::Node;
using NodePtr = std::shared_ptr<const Node>;

class Parser
{
public:
    Parser(const QString &text, const QList<Fact> &facts)
        : m_text(text)
        , m_facts(facts)
    { }

    NodePtr parse()
    {
        NodePtr root = parseOr(0);
        skipSpace();
        if (m_error.isEmpty() && m_pos < m_text.size())
            fail(QStringLiteral("unexpected '%1'").arg(m_text.at(m_pos)));
        return m_error.isEmpty() ? root : nullptr;
    }

    QString error() const { return m_error; }

private:
    void fail(const QString &reason)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("at character %1: %2").arg(m_pos + 1).arg(reason);
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }

    bool take(QLatin1String token)
    {
        skipSpace();
        if (QStringView(m_text).mid(m_pos).startsWith(token)) {
            m_pos += token.size();
            return true;
        }
        return false;
    }

    NodePtr binary(Node::Kind kind, NodePtr left, NodePtr right)
    {
        auto node = std::make_shared<Node>();
        node->kind = kind;
        node->left = std::move(left);
        node->right = std::move(right);
        return node;
    }

    NodePtr parseOr(int depth)
    {
        NodePtr left = parseAnd(depth);
        while (left && take(QLatin1String("||")))
            left = binary(Node::Kind::Or, left, parseAnd(depth));
        return m_error.isEmpty() ? left : nullptr;
    }

    NodePtr parseAnd(int depth)
    {
        NodePtr left = parseUnary(depth);
        while (left && take(QLatin1String("&&")))
            left = binary(Node::Kind::And, left, parseUnary(depth));
        return m_error.isEmpty() ? left : nullptr;
    }

    NodePtr parseUnary(int depth)
    {
        if (depth > Condition::MaxDepth) {
            fail(QStringLiteral("nested more than %1 levels").arg(Condition::MaxDepth));
            return nullptr;
        }
        skipSpace();
        if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char('!')
            && !QStringView(m_text).mid(m_pos).startsWith(QLatin1String("!="))) {
            ++m_pos;
            NodePtr operand = parseUnary(depth + 1);
            if (!operand)
                return nullptr;
            auto node = std::make_shared<Node>();
            node->kind = Node::Kind::Not;
            node->left = operand;
            return node;
        }
        return parsePrimary(depth);
    }

    NodePtr parsePrimary(int depth)
    {
        skipSpace();
        if (take(QLatin1String("("))) {
            NodePtr inner = parseOr(depth + 1);
            if (!inner)
                return nullptr;
            if (!take(QLatin1String(")"))) {
                fail(QStringLiteral("')' expected"));
                return nullptr;
            }
            return inner;
        }
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()
            && (m_text.at(m_pos).isLetterOrNumber() || m_text.at(m_pos) == QLatin1Char('_'))
            && m_text.at(m_pos).unicode() < 128) {
            ++m_pos;
        }
        const QString word = m_text.mid(start, m_pos - start);
        if (word.isEmpty()) {
            fail(m_pos < m_text.size() ? QStringLiteral("unexpected '%1'").arg(m_text.at(m_pos))
                                       : QStringLiteral("expression ends too early"));
            return nullptr;
        }
        if (word == QLatin1String("true") || word == QLatin1String("false")) {
            auto node = std::make_shared<Node>();
            node->kind = Node::Kind::Constant;
            node->constant = word == QLatin1String("true");
            return node;
        }
        const Fact *fact = nullptr;
        for (const Fact &candidate : m_facts) {
            if (candidate.id == word)
                fact = &candidate;
        }
        if (!fact) {
            fail(QStringLiteral("unknown fact '%1'").arg(word));
            return nullptr;
        }
        const bool equals = take(QLatin1String("=="));
        const bool notEquals = !equals && take(QLatin1String("!="));
        auto node = std::make_shared<Node>();
        node->fact = word;
        if (!equals && !notEquals) {
            if (fact->type != Fact::Type::Bool) {
                fail(QStringLiteral("'%1' has options: compare it with == 'value'").arg(word));
                return nullptr;
            }
            node->kind = Node::Kind::BoolFact;
            return node;
        }
        if (fact->type != Fact::Type::Enum) {
            fail(QStringLiteral("'%1' is yes/no: use it alone or with !").arg(word));
            return nullptr;
        }
        skipSpace();
        if (m_pos >= m_text.size() || m_text.at(m_pos) != QLatin1Char('\'')) {
            fail(QStringLiteral("quoted value expected"));
            return nullptr;
        }
        const qsizetype close = m_text.indexOf(QLatin1Char('\''), m_pos + 1);
        if (close < 0) {
            fail(QStringLiteral("closing quote missing"));
            return nullptr;
        }
        node->value = m_text.mid(m_pos + 1, close - m_pos - 1);
        m_pos = close + 1;
        const bool known = std::any_of(fact->options.cbegin(), fact->options.cend(),
            [&](const Fact::Option &o) { return o.value == node->value; });
        if (!known) {
            fail(QStringLiteral("'%1' is not an option of '%2'").arg(node->value, word));
            return nullptr;
        }
        node->kind = equals ? Node::Kind::Equals : Node::Kind::NotEquals;
        return node;
    }

    const QString &m_text;
    const QList<Fact> &m_facts;
    qsizetype m_pos = 0;
    QString m_error;
};

bool evaluateNode(const Node &node, const CaseFacts &facts)
{
    switch (node.kind) {
    case Node::Kind::Constant:
        return node.constant;
    case Node::Kind::BoolFact:
        return facts.value(node.fact).toBool();
    case Node::Kind::Equals:
        return facts.contains(node.fact) && facts.value(node.fact).toString() == node.value;
    case Node::Kind::NotEquals:
        return facts.contains(node.fact) && facts.value(node.fact).toString() != node.value;
    case Node::Kind::Not:
        return !evaluateNode(*node.left, facts);
    case Node::Kind::And:
        return evaluateNode(*node.left, facts) && evaluateNode(*node.right, facts);
    case Node::Kind::Or:
        return evaluateNode(*node.left, facts) || evaluateNode(*node.right, facts);
    }
    return false;
}

void collectFacts(const Node &node, QStringList &out)
{
    if (!node.fact.isEmpty() && !out.contains(node.fact))
        out << node.fact;
    if (node.left)
        collectFacts(*node.left, out);
    if (node.right)
        collectFacts(*node.right, out);
}

} // namespace

Result<Condition> Condition::parse(const QString &text, const QList<Fact> &facts)
{
    Condition condition;
    condition.m_text = text.trimmed();
    if (condition.m_text.isEmpty())
        return condition;
    const auto invalid = [&](const QString &detail) {
        return Error { ConditionInvalid,
            Tr::tr("The condition \"%1\" is not valid: %2").arg(condition.m_text, detail), detail };
    };
    if (condition.m_text.size() > MaxLength)
        return invalid(QStringLiteral("longer than %1 characters").arg(MaxLength));
    Parser parser(condition.m_text, facts);
    condition.m_root = parser.parse();
    if (!condition.m_root)
        return invalid(parser.error());
    return condition;
}

bool Condition::evaluate(const CaseFacts &facts) const
{
    return !m_root || evaluateNode(*m_root, facts);
}

QStringList Condition::factIds() const
{
    QStringList ids;
    if (m_root)
        collectFacts(*m_root, ids);
    return ids;
}

} // namespace Tongban::Catalog
