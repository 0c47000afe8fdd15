#include <core/CreditCode.h>

#include <QTest>

using Tongban::Core::CreditCode;

class tst_CreditCode : public QObject
{
    Q_OBJECT

private slots:
    void acceptsRealCodes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("example A") << QStringLiteral("91350100M000100Y43");
        QTest::newRow("example B") << QStringLiteral("91110000802100433B");
        QTest::newRow("lowercase") << QStringLiteral("91110000802100433b");
    }

    void acceptsRealCodes()
    {
        QFETCH(QString, code);
        const auto parsed = CreditCode::parse(code);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QCOMPARE(parsed->toString(), code.toUpper());
    }

    void rejectsEveryOneCharacterChange()
    {
        // GIVEN a valid code WHEN one character is replaced by another character of
        // the alphabet THEN the check catches it.
        const QString valid = QStringLiteral("91350100M000100Y43");
        const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKLMNPQRTUWXY");
        for (int i = 0; i < valid.size(); ++i) {
            for (QChar c : alphabet) {
                if (c == valid[i])
                    continue;
                QString changed = valid;
                changed[i] = c;
                QVERIFY2(!CreditCode::parse(changed).ok(), qPrintable(changed));
            }
        }
    }

    void rejectsLettersNeverUsed_data()
    {
        QTest::addColumn<QChar>("letter");
        for (char c : { 'I', 'O', 'S', 'V', 'Z' })
            QTest::newRow(std::string(1, c).c_str()) << QChar(QLatin1Char(c));
    }

    void rejectsLettersNeverUsed()
    {
        QFETCH(QChar, letter);
        QString code = QStringLiteral("91350100M000100Y43");
        code[8] = letter;
        const auto parsed = CreditCode::parse(code);
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().message.contains(letter));
        QVERIFY(CreditCode::checkCharacter(QStringView(code).left(17)).isNull());
    }

    void rejectsWrongLength()
    {
        QVERIFY(!CreditCode::parse(QStringLiteral("91350100M000100Y4")).ok());
        QVERIFY(!CreditCode::parse(QString()).ok());
    }
};

QTEST_GUILESS_MAIN(tst_CreditCode)
#include "tst_creditcode.moc"
