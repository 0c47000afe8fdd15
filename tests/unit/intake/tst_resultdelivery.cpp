// Issue 17: the applicant's choice of how to receive the result, made at intake: a mailing
// address is checked before it is kept, the choice travels with the case body in the
// contract's form (§15) and reads on the receipt; the 好差评 link names the case.

#include <intake/ResultDelivery.h>

#include <QJsonDocument>
#include <QTest>

using namespace Tongban::Intake;

class tst_ResultDelivery : public QObject
{
    Q_OBJECT

private:
    static ResultDelivery mail()
    {
        ResultDelivery choice;
        choice.method = ResultDelivery::Method::Mail;
        choice.recipient = QStringLiteral("张三");
        choice.phone = QStringLiteral("13912345678");
        choice.postalCode = QStringLiteral("467000");
        choice.addressLine = QStringLiteral("平顶山市新华区建设路 1 号");
        return choice;
    }

private Q_SLOTS:
    void aMailingAddressIsChecked_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem");
        QTest::newRow("whole") << QString() << QString() << QString();
        QTest::newRow("no recipient") << "recipient"
                                      << "  "
                                      << "recipient";
        QTest::newRow("landline") << "phone"
                                  << "0375-1234567"
                                  << "phone";
        QTest::newRow("12 digits") << "phone"
                                   << "139123456789"
                                   << "phone";
        QTest::newRow("postal code 5 digits") << "postalCode"
                                              << "46700"
                                              << "postalCode";
        QTest::newRow("address too short") << "line"
                                           << "新华区"
                                           << "line";
    }

    void aMailingAddressIsChecked()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, problem);
        ResultDelivery choice = mail();
        if (field == QLatin1String("recipient"))
            choice.recipient = value;
        else if (field == QLatin1String("phone"))
            choice.phone = value;
        else if (field == QLatin1String("postalCode"))
            choice.postalCode = value;
        else if (field == QLatin1String("line"))
            choice.addressLine = value;
        const auto checked = choice.check();
        QCOMPARE(bool(checked), problem.isEmpty());
        if (!problem.isEmpty()) {
            QCOMPARE(checked.error().code, int(ResultDelivery::AddressIncomplete));
            QCOMPARE(checked.error().detail, problem);
            QVERIFY(!checked.error().message.isEmpty());
        }
    }

    void otherMethodsNeedNoAddress()
    {
        for (const auto method : { ResultDelivery::Method::ApplicationWindow,
                 ResultDelivery::Method::HomeWindow, ResultDelivery::Method::SelfPrint }) {
            ResultDelivery choice;
            choice.method = method;
            QVERIFY(choice.check());
            QVERIFY(!choice.toJson().contains(QStringLiteral("address")));
        }
    }

    void theChoiceTravelsWithTheCaseBody()
    {
        // GIVEN a case body and the mail choice WHEN combined THEN `delivery` is the contract's
        const QJsonObject body = withResultDelivery(
            QJsonObject { { QStringLiteral("clientCaseId"), QStringLiteral("c-1") } }, mail());
        const QJsonObject delivery = body.value(QStringLiteral("delivery")).toObject();
        QCOMPARE(delivery.value(QStringLiteral("method")).toString(), QStringLiteral("mail"));
        QCOMPARE(delivery.value(QStringLiteral("address"))
                     .toObject()
                     .value(QStringLiteral("postalCode"))
                     .toString(),
            QStringLiteral("467000"));
        // AND it reads back the same
        const ResultDelivery back = ResultDelivery::fromJson(delivery);
        QCOMPARE(back.method, ResultDelivery::Method::Mail);
        QCOMPARE(back.addressLine, mail().addressLine);
        QCOMPARE(ResultDelivery::fromJson(
                     QJsonObject { { QStringLiteral("method"), QStringLiteral("self_print") } })
                     .method,
            ResultDelivery::Method::SelfPrint);
    }

    void theReceiptStatesTheChoice()
    {
        QCOMPARE(mail().receiptText(),
            QStringLiteral("邮寄送达（张三，467000 平顶山市新华区建设路 1 号）"));
        ResultDelivery home;
        home.method = ResultDelivery::Method::HomeWindow;
        QCOMPARE(home.receiptText(), QStringLiteral("到属地通办窗口领取"));
        QCOMPARE(ResultDelivery().receiptText(), QStringLiteral("到本窗口领取"));
    }

    void theEvaluationLinkNamesTheCase()
    {
        QCOMPARE(evaluationUrl(QStringLiteral("https://hcp.example.gov.cn/evaluate"),
                     QStringLiteral("410402-20261124-000123")),
            QStringLiteral(
                "https://hcp.example.gov.cn/evaluate?caseNumber=410402-20261124-000123"));
        // an address with its own query keeps it; a number is never appended twice
        QCOMPARE(
            evaluationUrl(QStringLiteral("https://hcp.example.gov.cn/e?org=410402&caseNumber=x"),
                QStringLiteral("410402-TB03-20261124-0007")),
            QStringLiteral(
                "https://hcp.example.gov.cn/e?org=410402&caseNumber=410402-TB03-20261124-0007"));
        QVERIFY(evaluationUrl(QString(), QStringLiteral("410402-20261124-000123")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ResultDelivery)
#include "tst_resultdelivery.moc"
