// Issue 13 (the hub layered like a server): the rules of the services of corrections,
// deadlines, delivery, sms and stats tested without HTTP, on a hub's own SQLite file in a
// temporary folder (Hub::create, no listening socket): each answers Core::Result with its
// own error code, and the pure parts (file gateway, CSV, missing calendar years) hold.

#include <security/Secrets.h>

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <Hub.h>
#include <HubConfig.h>
#include <accounts/AccountService.h>
#include <corrections/CorrectionService.h>
#include <deadlines/DeadlineService.h>
#include <delivery/DeliveryService.h>
#include <sms/SmsGateway.h>
#include <sms/SmsService.h>
#include <stats/StatsService.h>

using namespace Tongban;

namespace {

Hub::AuthContext as(const char *role, const char *windowId = "", const char *jurisdiction = "")
{
    Hub::AuthContext context;
    context.account = QStringLiteral("someone");
    context.role = QString::fromLatin1(role);
    context.windowId = QString::fromLatin1(windowId);
    context.jurisdictionCode = QString::fromLatin1(jurisdiction);
    return context;
}

} // namespace

class TestHubServices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void statsAnswersOnlySupervisorsAndRefusesABackwardPeriod();
    void statsCsvNamesEachJurisdictionAndQuotesANameWithAComma();
    void deliveryRulesAnswerTheirOwnErrorCodes();
    void correctionRulesAnswerTheirOwnErrorCodes();
    void aDeadlineInAYearTheCalendarLacksIsMissingNotCounted();
    void theFileGatewayStoresNoPlainNumber();
    void enqueueSealsThePhoneInTheOutbox();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<Hub::Hub> m_hub;
};

void TestHubServices::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_clock = std::make_unique<Core::ManualClock>(QDateTime(
        QDate(2026, 12, 31), QTime(10, 0), QTimeZone(QByteArrayLiteral("Asia/Shanghai"))));
    Hub::HubConfig config;
    config.dataDir = m_dir.path();
    config.pbkdf2Iterations = 1000;
    config.clock = m_clock.get();
    auto created = Hub::Hub::create(config);
    QVERIFY2(created, created ? "" : qPrintable(created.error().toString()));
    m_hub = std::move(*created);
}

void TestHubServices::cleanupTestCase()
{
    m_hub.reset();
}

void TestHubServices::statsAnswersOnlySupervisorsAndRefusesABackwardPeriod()
{
    const QDate from(2026, 12, 1);
    const QDate to(2026, 12, 31);
    // GIVEN a window clerk WHEN it asks for the statistics THEN Forbidden, not the figures
    const auto clerk = m_hub->stats().report(from, to, as("application", "410402-tb-03"));
    QVERIFY(!clerk);
    QCOMPARE(clerk.error().code, int(Hub::StatsService::Forbidden));
    // GIVEN a supervisor WHEN the period runs backwards THEN InvalidPeriod
    const auto backwards = m_hub->stats().report(to, from, as("supervisor"));
    QVERIFY(!backwards);
    QCOMPARE(backwards.error().code, int(Hub::StatsService::InvalidPeriod));
    // AND a year and more is refused too; the month is computed (an empty hub: zero)
    QVERIFY(!m_hub->stats().report(from, from.addDays(400), as("admin")));
    const auto month = m_hub->stats().report(from, to, as("admin"));
    QVERIFY(month);
    QCOMPARE(month->cases, 0);
    QCOMPARE(month->corrections, 0);
}

void TestHubServices::statsCsvNamesEachJurisdictionAndQuotesANameWithAComma()
{
    // GIVEN a report grouped by two jurisdictions, one of them with a comma in its name
    Hub::StatsReport report;
    report.cases = 3;
    report.byHomeJurisdiction
        = { { QStringLiteral("410402"), 2 }, { QStringLiteral("410403"), 1 } };
    report.jurisdictionNames = { { QStringLiteral("410402"), QStringLiteral("新华区") },
        { QStringLiteral("410403"), QStringLiteral("卫东区,试点") } };
    // WHEN it is written as CSV
    const QString csv = QString::fromUtf8(report.toCsv());
    // THEN the name stands beside the code, quoted where it holds a comma
    QVERIFY2(
        csv.contains(QStringLiteral("byHomeJurisdiction,410402,新华区,2\r\n")), qPrintable(csv));
    QVERIFY2(csv.contains(QStringLiteral("byHomeJurisdiction,410403,\"卫东区,试点\",1\r\n")),
        qPrintable(csv));
    QVERIFY(csv.contains(QStringLiteral("cases,,,3\r\n")));
    // AND the labels of the PDF's charts carry both
    QCOMPARE(report.jurisdictionLabel(QStringLiteral("410402")), QStringLiteral("410402 新华区"));
    QCOMPARE(report.jurisdictionLabel(QStringLiteral("419999")), QStringLiteral("419999"));
}

void TestHubServices::deliveryRulesAnswerTheirOwnErrorCodes()
{
    Hub::DeliveryService &delivery = m_hub->delivery();
    const QByteArray pdf = QByteArrayLiteral("%PDF-1.4\n%%EOF\n");
    // GIVEN a window WHEN it completes a case THEN Forbidden (only the home department may)
    const auto byWindow
        = delivery.complete(QStringLiteral("no-such-case"), pdf, as("application", "410402-tb-03"));
    QVERIFY(!byWindow);
    QCOMPARE(byWindow.error().code, int(Hub::DeliveryService::Forbidden));
    // AND a department completing a case that does not exist gets NotFound
    const auto missing
        = delivery.complete(QStringLiteral("no-such-case"), pdf, as("department", "", "410402"));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, int(Hub::DeliveryService::NotFound));
    // AND a supervisor rectifying an unknown item gets NotFound, an empty text Invalid
    QCOMPARE(delivery.rectify(QStringLiteral("x"), QStringLiteral("已整改"), as("supervisor"))
                 .error()
                 .code,
        int(Hub::DeliveryService::NotFound));
    QCOMPARE(
        delivery.rectify(QStringLiteral("x"), QStringLiteral("  "), as("supervisor")).error().code,
        int(Hub::DeliveryService::Invalid));
    // AND a department account has no deliveries of its own to list
    QCOMPARE(delivery.deliveries({}, as("department", "", "410402")).error().code,
        int(Hub::DeliveryService::Forbidden));
}

void TestHubServices::correctionRulesAnswerTheirOwnErrorCodes()
{
    Hub::CorrectionService &corrections = m_hub->corrections();
    // GIVEN a window WHEN it asks for a correction THEN Forbidden
    const auto byWindow = corrections.request(
        QStringLiteral("no-such-case"), {}, as("application", "410402-tb-03"));
    QCOMPARE(byWindow.error().code, int(Hub::CorrectionService::Forbidden));
    // AND a department asking about a case that does not exist: NotFound
    const auto missing
        = corrections.request(QStringLiteral("no-such-case"), {}, as("department", "", "410402"));
    QCOMPARE(missing.error().code, int(Hub::CorrectionService::NotFound));
    // AND a lookup from an account without a window: Forbidden; by an unknown key: Invalid
    QCOMPARE(
        corrections.lookup(QStringLiteral("serial"), QStringLiteral("X"), as("admin")).error().code,
        int(Hub::CorrectionService::Forbidden));
    QCOMPARE(corrections.serialOfQrText(QStringLiteral("https://hub.example/n/410402-TB-03-GZ-1")),
        QStringLiteral("410402-TB-03-GZ-1"));
}

void TestHubServices::aDeadlineInAYearTheCalendarLacksIsMissingNotCounted()
{
    // GIVEN the built-in calendar (no 2027) WHEN a case is received on 31 December 2026
    const auto calendar = Core::WorkCalendar::embedded();
    const QDateTime newYearsEve(
        QDate(2026, 12, 31), QTime(9, 0), QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
    // THEN its receipt day is known, its acceptance date is not (it falls in 2027)
    QCOMPARE(Hub::DeadlineService::receiptDay(calendar, newYearsEve).value(), QDate(2026, 12, 31));
    QVERIFY(!Hub::DeadlineService::acceptanceDue(calendar, newYearsEve));
    // AND the year missing is named, so the hub can say what to import
    QCOMPARE(Hub::DeadlineService::missingYears(calendar, 2026), QList<int> { 2027 });
    QCOMPARE(Hub::DeadlineService::missingYears(calendar, 2025), QList<int> {});
}

void TestHubServices::theFileGatewayStoresNoPlainNumber()
{
    // GIVEN the file gateway with the hub's key
    const QString path = m_dir.filePath(QStringLiteral("gateway-test.jsonl"));
    Hub::FileSmsGateway gateway(path);
    const Hub::Secrets secrets = Hub::Secrets::fromKey(QByteArray(64, '\x2a'));
    gateway.setSecrets(&secrets);
    // WHEN a message goes out
    Hub::SmsAttempt result;
    gateway.send({ 7, QStringLiteral("13912345678"), QStringLiteral("您好"),
                     QStringLiteral("acceptance"), QStringLiteral("case-1") },
        [&](Hub::SmsAttempt attempt) { result = attempt; });
    QCOMPARE(result.outcome, Hub::SmsAttempt::Sent);
    // THEN the file holds the number sealed (opened with the key) and masked, never plain
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains("13912345678"));
    const QJsonObject line = QJsonDocument::fromJson(bytes.trimmed()).object();
    QCOMPARE(secrets.open(line.value(QStringLiteral("to")).toString()).value(),
        QStringLiteral("13912345678"));
    QCOMPARE(line.value(QStringLiteral("toMasked")).toString(), QStringLiteral("139****5678"));
    QCOMPARE(line.value(QStringLiteral("id")).toInt(), 7);
    QCOMPARE(file.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
        QFileDevice::Permissions());
    // AND without a key only the masked number is written
    Hub::FileSmsGateway keyless(m_dir.filePath(QStringLiteral("keyless.jsonl")));
    keyless.send({ 8, QStringLiteral("13912345678"), QStringLiteral("您好"), {}, {} },
        [](Hub::SmsAttempt) {});
    QFile plain(m_dir.filePath(QStringLiteral("keyless.jsonl")));
    QVERIFY(plain.open(QIODevice::ReadOnly));
    QVERIFY(!plain.readAll().contains("13912345678"));
}

void TestHubServices::enqueueSealsThePhoneInTheOutbox()
{
    // WHEN a message is queued THEN the list opens the number, and the row keeps it sealed
    const auto id = Hub::SmsService::enqueue(m_hub->database(), *m_clock, m_hub->secrets(),
        { QStringLiteral("410402-tb-03"), QStringLiteral("13700000001"), QStringLiteral("t"),
            QStringLiteral("test"), {} });
    QVERIFY(id);
    bool seen = false;
    for (const Hub::SmsRecord &sms : Hub::SmsService::list(m_hub->database(), m_hub->secrets())) {
        if (sms.id == *id) {
            seen = true;
            QCOMPARE(sms.phone, QStringLiteral("13700000001"));
            QCOMPARE(sms.state, QStringLiteral("queued"));
        }
    }
    QVERIFY(seen);
}

QTEST_GUILESS_MAIN(TestHubServices)
#include "tst_hubservices.moc"
