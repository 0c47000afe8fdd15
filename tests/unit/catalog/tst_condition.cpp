#include <catalog/Catalog.h>
#include <catalog/Condition.h>

#include <QTest>

using namespace Tongban::Catalog;

class tst_Condition : public QObject
{
    Q_OBJECT

private:
    QList<Fact> m_facts { Fact { QStringLiteral("agentApplies"), QStringLiteral("代办？"),
                              Fact::Type::Bool, {} },
        Fact { QStringLiteral("ownPremises"), QStringLiteral("自有？"), Fact::Type::Bool, {} },
        Fact { QStringLiteral("applicantType"), QStringLiteral("类型"), Fact::Type::Enum,
            { { QStringLiteral("naturalPerson"), QStringLiteral("自然人") },
                { QStringLiteral("legalPerson"), QStringLiteral("法人") } } } };

private slots:
    void evaluatesOverCaseFacts_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<bool>("agent");
        QTest::addColumn<bool>("own");
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("expected");
        QTest::newRow("bool true") << QStringLiteral("agentApplies") << true << false
                                   << QStringLiteral("naturalPerson") << true;
        QTest::newRow("bool false") << QStringLiteral("agentApplies") << false << false
                                    << QStringLiteral("naturalPerson") << false;
        QTest::newRow("not") << QStringLiteral("!ownPremises") << false << false
                             << QStringLiteral("naturalPerson") << true;
        QTest::newRow("and") << QStringLiteral("agentApplies && !ownPremises") << true << true
                             << QStringLiteral("naturalPerson") << false;
        QTest::newRow("or") << QStringLiteral("agentApplies || ownPremises") << false << true
                            << QStringLiteral("naturalPerson") << true;
        QTest::newRow("enum ==") << QStringLiteral("applicantType == 'legalPerson'") << false
                                 << false << QStringLiteral("legalPerson") << true;
        QTest::newRow("enum !=") << QStringLiteral("applicantType != 'legalPerson'") << false
                                 << false << QStringLiteral("legalPerson") << false;
        QTest::newRow("precedence")
            << QStringLiteral("agentApplies || ownPremises && applicantType == 'legalPerson'")
            << true << false << QStringLiteral("naturalPerson") << true;
        QTest::newRow("parentheses")
            << QStringLiteral("(agentApplies || ownPremises) && applicantType == 'legalPerson'")
            << true << false << QStringLiteral("naturalPerson") << false;
        QTest::newRow("double not") << QStringLiteral("!!agentApplies") << true << false
                                    << QStringLiteral("naturalPerson") << true;
        QTest::newRow("constant") << QStringLiteral("true && !false") << false << false
                                  << QStringLiteral("naturalPerson") << true;
    }

    void evaluatesOverCaseFacts()
    {
        QFETCH(QString, expression);
        QFETCH(bool, agent);
        QFETCH(bool, own);
        QFETCH(QString, type);
        QFETCH(bool, expected);
        const auto condition = Condition::parse(expression, m_facts);
        QVERIFY2(condition.ok(), qPrintable(condition.ok() ? QString() : condition.error().detail));
        const CaseFacts facts { { QStringLiteral("agentApplies"), agent },
            { QStringLiteral("ownPremises"), own }, { QStringLiteral("applicantType"), type } };
        QCOMPARE(condition->evaluate(facts), expected);
    }

    void unansweredFactsDemandNothing()
    {
        // A question not yet answered never makes a material apply.
        const auto bare = Condition::parse(QStringLiteral("agentApplies"), m_facts);
        QCOMPARE(bare->evaluate({}), false);
        const auto enumCompare
            = Condition::parse(QStringLiteral("applicantType != 'legalPerson'"), m_facts);
        QCOMPARE(enumCompare->evaluate({}), false);
        QVERIFY(Condition().evaluate({}));
        QVERIFY(Condition().isAlways());
    }

    void refusesWhatCannotBeEvaluated_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unknown fact")
            << QStringLiteral("hasCar") << QStringLiteral("unknown fact 'hasCar'");
        QTest::newRow("unknown option")
            << QStringLiteral("applicantType == 'robot'") << QStringLiteral("not an option");
        QTest::newRow("bool compared")
            << QStringLiteral("agentApplies == 'yes'") << QStringLiteral("yes/no");
        QTest::newRow("enum alone")
            << QStringLiteral("applicantType") << QStringLiteral("has options");
        QTest::newRow("unbalanced")
            << QStringLiteral("(agentApplies") << QStringLiteral("')' expected");
        QTest::newRow("dangling operator")
            << QStringLiteral("agentApplies &&") << QStringLiteral("ends too early");
        QTest::newRow("garbage") << QStringLiteral("agentApplies $ ownPremises")
                                 << QStringLiteral("unexpected '$'");
        QTest::newRow("unterminated quote")
            << QStringLiteral("applicantType == 'legal") << QStringLiteral("closing quote");
        QTest::newRow("too deep") << QString(40, QLatin1Char('(')) + QStringLiteral("agentApplies")
                + QString(40, QLatin1Char(')'))
                                  << QStringLiteral("nested more than");
        QTest::newRow("too long") << QStringList(
            QList<QString>(200, QStringLiteral("agentApplies")))
                                         .join(QStringLiteral("||"))
                                  << QStringLiteral("longer than");
    }

    void refusesWhatCannotBeEvaluated()
    {
        QFETCH(QString, expression);
        QFETCH(QString, reason);
        const auto condition = Condition::parse(expression, m_facts);
        QVERIFY(!condition.ok());
        QVERIFY2(condition.error().detail.contains(reason), qPrintable(condition.error().detail));
    }

    void listsTheFactsItReads()
    {
        const auto condition = Condition::parse(
            QStringLiteral("agentApplies && (applicantType == 'legalPerson' || agentApplies)"),
            m_facts);
        QCOMPARE(condition->factIds(),
            QStringList({ QStringLiteral("agentApplies"), QStringLiteral("applicantType") }));
    }
};

QTEST_GUILESS_MAIN(tst_Condition)
#include "tst_condition.moc"
