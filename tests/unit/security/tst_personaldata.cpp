#include <security/PersonalData.h>

#include <QLoggingCategory>
#include <QStringList>
#include <QTest>

using namespace Tongban::Security;

namespace {
QStringList g_captured;
QtMessageHandler g_testHandler = nullptr;

// Stands in for the log-file handler an application installs before the
// masking one: records what reaches it, then passes it on to Qt Test.
void capturingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_captured << message;
    if (g_testHandler)
        g_testHandler(type, context, message);
}
} // namespace

class tst_PersonalData : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // A log handler already installed, as the application's log file is.
        g_testHandler = qInstallMessageHandler(capturingHandler);
    }

    void masks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");

        QTest::newRow("identity number")
            << QStringLiteral("11010519491231002X") << QStringLiteral("110105********002X");
        QTest::newRow("identity number, lowercase x")
            << QStringLiteral("11010519491231002x") << QStringLiteral("110105********002x");
        QTest::newRow("identity number, all digits")
            << QStringLiteral("440524188001010014") << QStringLiteral("440524********0014");
        QTest::newRow("identity number in a sentence")
            << QStringLiteral("applicant 11010519491231002X, agent 440524188001010014.")
            << QStringLiteral("applicant 110105********002X, agent 440524********0014.");
        QTest::newRow("identity number next to Chinese text") << QStringLiteral(
            "身份证11010519491231002X已核验") << QStringLiteral("身份证110105********002X已核验");
        QTest::newRow("mobile") << QStringLiteral("13812345678") << QStringLiteral("138****5678");
        QTest::newRow("mobile in a sentence")
            << QStringLiteral("call 19912345678 today") << QStringLiteral("call 199****5678 today");
        QTest::newRow("mobile after +86")
            << QStringLiteral("+8613812345678") << QStringLiteral("+86138****5678");
        QTest::newRow("old 15-digit identity number")
            << QStringLiteral("110105491231002") << QStringLiteral("110105******002");
        QTest::newRow("several kinds at once")
            << QStringLiteral("id=11010519491231002X;tel=13812345678;old=110105491231002")
            << QStringLiteral("id=110105********002X;tel=138****5678;old=110105******002");
    }

    void masks()
    {
        // GIVEN text with personal data
        QFETCH(QString, text);
        QFETCH(QString, expected);
        // WHEN it is masked
        const QString masked = maskPersonalData(text);
        // THEN the middle digits are starred and the length is kept
        QCOMPARE(masked, expected);
        QCOMPARE(masked.size(), text.size());
    }

    void leavesOtherNumbersAlone_data()
    {
        QTest::addColumn<QString>("text");

        QTest::newRow("credit code") << QStringLiteral("91350100M000100Y43");
        QTest::newRow("19-digit run") << QStringLiteral("1101051949123100212");
        QTest::newRow("identity number inside a longer run")
            << QStringLiteral("94405241880010100147");
        QTest::newRow("12-digit run starting like a mobile") << QStringLiteral("138123456789");
        QTest::newRow("mobile inside a case number") << QStringLiteral("TB2024013812345678001");
        QTest::newRow("landline") << QStringLiteral("010-12345678");
        QTest::newRow("11 digits not starting 13-19") << QStringLiteral("12812345678");
        QTest::newRow("16-digit run") << QStringLiteral("1101054912310021");
        QTest::newRow("timestamp") << QStringLiteral("2024-01-01T08:00:00.000Z");
        QTest::newRow("empty") << QString();
    }

    void leavesOtherNumbersAlone()
    {
        // GIVEN text whose numbers are not personal data
        QFETCH(QString, text);
        // WHEN it is masked
        // THEN it is unchanged, so case numbers and codes stay readable in logs
        QCOMPARE(maskPersonalData(text), text);
    }

    void messageHandlerMasksLogOutput()
    {
        // GIVEN a log handler already installed (initTestCase)
        // WHEN the masking handler is installed on top of it, twice
        installMaskingMessageHandler();
        installMaskingMessageHandler();
        g_captured.clear();

        // THEN a warning with an identity number reaches the earlier handler
        // once, masked, and never in clear
        QTest::ignoreMessage(QtWarningMsg, "applicant 110105********002X phone 138****5678");
        qWarning("applicant %s phone %s", "11010519491231002X", "13812345678");
        QCOMPARE(g_captured,
            QStringList { QStringLiteral("applicant 110105********002X phone 138****5678") });
    }

    void messageHandlerMasksCategorisedOutput()
    {
        // GIVEN the masking handler is installed (idempotent, so calling again is harmless)
        installMaskingMessageHandler();
        g_captured.clear();
        // WHEN a module logs through its category
        const QLoggingCategory category("tongban.test");
        QTest::ignoreMessage(QtInfoMsg, "old id 440524******014, case 1101051949123134");
        qCInfo(category, "old id %s, case %s", "440524800101014", "1101051949123134");
        // THEN the identity number is masked and the 16-digit case number is not
        QCOMPARE(g_captured,
            QStringList { QStringLiteral("old id 440524******014, case 1101051949123134") });
    }
};

QTEST_GUILESS_MAIN(tst_PersonalData)
#include "tst_personaldata.moc"
