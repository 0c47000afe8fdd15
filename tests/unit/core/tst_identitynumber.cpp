#include <core/IdentityNumber.h>

#include <QTest>

using Tongban::Core::IdentityNumber;

class tst_IdentityNumber : public QObject
{
    Q_OBJECT

private:
    const QDate m_today { 2026, 11, 24 };

private slots:
    void acceptsTheStandardExample()
    {
        // GIVEN the GB 11643 example number WHEN it is parsed THEN it is valid
        const auto id = IdentityNumber::parse(QStringLiteral("11010519491231002X"), m_today);
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().toString()));
        QCOMPARE(id->birthDate(), QDate(1949, 12, 31));
        QCOMPARE(id->sex(), IdentityNumber::Sex::Female);
        QCOMPARE(id->regionCode(), QStringLiteral("110105"));
    }

    void normalisesLowercaseXAndSpaces()
    {
        const auto id = IdentityNumber::parse(QStringLiteral(" 11010519491231002x "), m_today);
        QVERIFY(id.ok());
        QCOMPARE(id->toString(), QStringLiteral("11010519491231002X"));
    }

    void rejectsEveryOneCharacterChange()
    {
        // GIVEN a valid number WHEN any single character is replaced by any other
        // digit or X THEN the number is invalid (a mistyped character is caught).
        const QString valid = QStringLiteral("11010519491231002X");
        const QString alphabet = QStringLiteral("0123456789X");
        int variants = 0;
        for (int i = 0; i < valid.size(); ++i) {
            for (QChar c : alphabet) {
                if (c == valid[i])
                    continue;
                QString changed = valid;
                changed[i] = c;
                ++variants;
                QVERIFY2(!IdentityNumber::parse(changed, m_today).ok(), qPrintable(changed));
            }
        }
        QCOMPARE(variants, 18 * 10);
    }

    void computesTheCheckCharacter()
    {
        QCOMPARE(IdentityNumber::checkCharacter(u"11010519491231002"), QLatin1Char('X'));
        QCOMPARE(IdentityNumber::checkCharacter(u"44052418800101001"), QLatin1Char('4'));
        QVERIFY(IdentityNumber::checkCharacter(u"1101051949123100").isNull());
    }

    void rejectsImpossibleBirthDates_data()
    {
        QTest::addColumn<QString>("first17");
        QTest::newRow("30 February") << QStringLiteral("11010519490230002");
        QTest::newRow("month 13") << QStringLiteral("11010519491331002");
        QTest::newRow("born tomorrow") << QStringLiteral("11010520261125002");
        QTest::newRow("before 1900") << QStringLiteral("11010518991231002");
    }

    void rejectsImpossibleBirthDates()
    {
        // GIVEN numbers whose check character is right but whose birth date is not real
        QFETCH(QString, first17);
        const QString number = first17 + IdentityNumber::checkCharacter(first17);
        const auto id = IdentityNumber::parse(number, m_today);
        QVERIFY(!id.ok());
        QVERIFY(id.error().message.contains(QStringLiteral("birth date")));
    }

    void explainsWrongLengthAndCharacters()
    {
        const auto shortId = IdentityNumber::parse(QStringLiteral("1101051949123100"), m_today);
        QVERIFY(!shortId.ok());
        QVERIFY(shortId.error().message.contains(QStringLiteral("16")));
        const auto letters = IdentityNumber::parse(QStringLiteral("1101051949A231002X"), m_today);
        QVERIFY(!letters.ok());
        QVERIFY(letters.error().message.contains(QStringLiteral("11")));
    }

    void masksForLogs()
    {
        const auto id = IdentityNumber::parse(QStringLiteral("11010519491231002X"), m_today);
        QCOMPARE(id->masked(), QStringLiteral("110105********002X"));
    }
};

QTEST_GUILESS_MAIN(tst_IdentityNumber)
#include "tst_identitynumber.moc"
