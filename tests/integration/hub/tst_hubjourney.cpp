// Issue 17, "Done means": the after-window journey on the embedded default, over HTTP against
// the in-process hub with a ManualClock (China Standard Time):
//   a case transmitted (applicant's phone, result by mail) → the home department asks for a
//   correction → the applicant brings the notice to a hall of another district, whose window
//   finds it by its QR code with exactly the listed materials → that window attaches the
//   corrected page to the same case → the case is accepted within the acceptance deadline →
//   completed with delivery by mail → the home window records the waybill → the applicant is texted
//   at each step → November's statistics show exactly this → a December case left undecided is
//   flagged overdue once the clock has moved past its deadline.

#include "AfterWindow.h"
#include "DeliveryHelpers.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <accounts/AccountService.h>
#include <audit/AuditService.h>
#include <deadlines/DeadlineService.h>
#include <sms/SmsService.h>

using namespace Tongban;
using namespace AfterWindow;

namespace {
const QString Item = QStringLiteral("41040201012001000"); // home 410402 (新华区)
const QString Phone = QStringLiteral("13912345678");
const QString HomeClerk = QStringLiteral("xh-tb-01-liuyang");
const QString HomeWindow = QStringLiteral("410402-tb-01");
const QString OtherHallClerk = QStringLiteral("wd-tb-02-zhaomin");
const QString OtherHallWindow = QStringLiteral("410403-tb-02");
const QString Serial = QStringLiteral("410402-TB-03-GZ-2026-000301");
const QByteArray Notice = QByteArrayLiteral("%PDF-1.4\n% acceptance notice\n%%EOF\n");
const QByteArray Licence = QByteArrayLiteral("%PDF-1.4\n% licence\n%%EOF\n");

QString casePath(const QString &caseId, const QString &rest = {})
{
    return QString(QStringLiteral("/api/v1/cases/") + caseId
        + (rest.isEmpty() ? QString() : QString(QLatin1Char('/') + rest)));
}
} // namespace

class TestHubJourney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void afterTheWindowFromTransmissionToStatistics();

private:
    /// The applicant's SMS of \a caseId, sent through the gateway (drained first).
    QList<Hub::SmsRecord> textsOf(const QString &caseId);

    std::unique_ptr<InProcessHub> m_platform;
};

void TestHubJourney::init()
{
    m_platform = std::make_unique<InProcessHub>();
    const QString started = m_platform->start([](Hub::HubConfig &config) {
        config.accessTokenSecs = 60 * 24 * 3600; // the clock moves over weeks
        config.sms.drainMs = 3600 * 1000; // drained by the test
        config.uploadSweepMs = 3600 * 1000; // swept by the test
    });
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestHubJourney::cleanup()
{
    m_platform.reset();
}

QList<Hub::SmsRecord> TestHubJourney::textsOf(const QString &caseId)
{
    // The gateway sends one message at a time from the event loop, then says idle.
    QSignalSpy idle(&m_platform->hub->sms(), &Hub::SmsService::idle);
    m_platform->hub->sms().drain();
    if (idle.isEmpty())
        idle.wait(10000);
    QList<Hub::SmsRecord> texts;
    for (const Hub::SmsRecord &sms :
        Hub::SmsService::list(m_platform->hub->database(), m_platform->hub->secrets())) {
        if (sms.caseId == caseId)
            texts.append(sms);
    }
    return texts;
}

void TestHubJourney::afterTheWindowFromTransmissionToStatistics()
{
    // GIVEN Tuesday 2026-11-24 09:30: the application window 410402-tb-03 transmits a case,
    // received at 09:00, the applicant's phone given and the result to be mailed
    m_platform->clock->set(chinaTime(2026, 11, 24, 9, 30));
    HubTestClient app(m_platform->base);
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    const QString caseId = DeliveryHelpers::submitCase(
        app, Item, QStringLiteral("2026-11-24T09:00:00+08:00"), Phone, DeliveryHelpers::mailTo());
    QVERIFY(!caseId.isEmpty());
    Reply read = app.send("GET", casePath(caseId));
    QCOMPARE(read.status, 200);
    QCOMPARE(read.json()
                 .value(QStringLiteral("deadlines"))
                 .toObject()
                 .value(QStringLiteral("acceptanceDue"))
                 .toString(),
        QStringLiteral("2026-11-26"));
    const QString clientCaseId = read.json().value(QStringLiteral("clientCaseId")).toString();

    // WHEN the home department asks for a correction of the premises material (10:00)
    m_platform->clock->set(chinaTime(2026, 11, 24, 10, 0));
    HubTestClient department(m_platform->base);
    QCOMPARE(department.login(Department, Password).status, 200);
    const Reply requested
        = department.postJson(casePath(caseId, QStringLiteral("correction-request")),
            QJsonObject { { QStringLiteral("deficiencies"),
                              QJsonArray { QJsonObject {
                                  { QStringLiteral("materialId"), QStringLiteral("premises") },
                                  { QStringLiteral("code"), QStringLiteral("term-expired") } } } },
                { QStringLiteral("ways"), QJsonArray { QStringLiteral("window") } },
                { QStringLiteral("due"), QStringLiteral("2026-12-08") } });
    QCOMPARE(requested.status, 201);
    // THEN the application window is told, prints the one-time notice and registers it
    const auto asked
        = eventsOf(*m_platform->hub, AppWindow, QStringLiteral("case.correctionRequested"));
    QCOMPARE(asked.size(), 1);
    const QJsonObject request = asked.first();
    QCOMPARE(
        app.postJson(QStringLiteral("/api/v1/notices"),
               QJsonObject { { QStringLiteral("serial"), Serial },
                   { QStringLiteral("itemCode"), Item },
                   { QStringLiteral("catalogVersion"),
                       request.value(QStringLiteral("catalogVersion")) },
                   { QStringLiteral("applicantIdNumber"), QStringLiteral("11010519491231002X") },
                   { QStringLiteral("clientCaseId"), clientCaseId },
                   { QStringLiteral("caseId"), caseId },
                   { QStringLiteral("correctionDue"), QStringLiteral("2026-12-08") },
                   { QStringLiteral("deficiencies"),
                       request.value(QStringLiteral("deficiencies")) } })
            .status,
        201);
    // AND the applicant is texted about the correction
    QList<Hub::SmsRecord> texts = textsOf(caseId);
    QCOMPARE(texts.size(), 1);
    QCOMPARE(texts.at(0).purpose, QStringLiteral("correction"));

    // WHEN on Wednesday the applicant brings the notice to a hall of another district
    m_platform->clock->set(chinaTime(2026, 11, 25, 10, 0));
    HubTestClient otherHall(m_platform->base);
    QCOMPARE(otherHall.login(OtherHallClerk, Password, OtherHallWindow).status, 200);
    QUrlQuery byQr;
    byQr.addQueryItem(QStringLiteral("qr"),
        QString::fromLatin1(
            QUrl::toPercentEncoding(QString(QStringLiteral("https://tb.pds.gov.cn/n/") + Serial))));
    const Reply found
        = otherHall.send("GET", QString(QStringLiteral("/api/v1/notices?") + byQr.toString()));
    QCOMPARE(found.status, 200);
    // THEN that window finds the notice with the catalogue version and exactly the listed
    // material
    const QJsonArray notices = found.json().value(QStringLiteral("notices")).toArray();
    QCOMPARE(notices.size(), 1);
    const QJsonObject notice = notices.first().toObject();
    QCOMPARE(notice.value(QStringLiteral("caseId")).toString(), caseId);
    QCOMPARE(notice.value(QStringLiteral("catalogVersion")),
        request.value(QStringLiteral("catalogVersion")));
    const QJsonArray listed = notice.value(QStringLiteral("deficiencies")).toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().toObject().value(QStringLiteral("materialId")).toString(),
        QStringLiteral("premises"));
    // AND with the notice comes the window's grant to correct that case here (§14.4)
    const QString grant = notice.value(QStringLiteral("correctionGrant")).toString();
    QVERIFY(!grant.isEmpty());
    // AND the corrected page is attached to the same case by the hall of the other district
    // (declared with its grant, contract §14.4) and uploaded there with tus
    const QString pagesPath = casePath(caseId, QStringLiteral("correction-pages"));
    const QByteArray page = HubTestClient::randomFile(900, 11);
    QCOMPARE(otherHall
                 .postJson(pagesPath,
                     QJsonObject { { QStringLiteral("grant"), grant },
                         { QStringLiteral("materials"),
                             QJsonArray { QJsonObject {
                                 { QStringLiteral("materialId"), QStringLiteral("premises") },
                                 { QStringLiteral("pages"),
                                     QJsonArray { TestSupport::samplePage(
                                         QStringLiteral("p-fix"), page) } } } } } })
                 .status,
        200);
    const Reply upload = otherHall.createUpload(caseId, QStringLiteral("p-fix"), page);
    QCOMPARE(upload.status, 201);
    QCOMPARE(otherHall.patch(QString::fromLatin1(upload.header("Location")), 0, page).status, 204);
    const Reply corrected = otherHall.postJson(QString(pagesPath + QStringLiteral("/submit")),
        QJsonObject { { QStringLiteral("grant"), grant } });
    QCOMPARE(corrected.status, 200);
    QCOMPARE(corrected.json().value(QStringLiteral("correctedAt")).toString(), OtherHallWindow);
    // AND the page is on the same case, and the application window is told where it came from
    const QJsonArray casePages
        = department.send("GET", casePath(caseId)).json().value(QStringLiteral("pages")).toArray();
    QCOMPARE(casePages.last().toObject().value(QStringLiteral("clientPageId")).toString(),
        QStringLiteral("p-fix"));
    const QList<QJsonObject> toApp
        = eventsOf(*m_platform->hub, AppWindow, QStringLiteral("case.corrected"));
    QCOMPARE(toApp.size(), 1);
    QCOMPARE(toApp.first().value(QStringLiteral("correctedAt")).toString(), OtherHallWindow);
    // AND the hub's own trail keeps that the other hall corrected it, never the grant itself
    Hub::AuthContext auditor;
    auditor.account = QStringLiteral("audit-reader");
    auditor.role = QStringLiteral("admin");
    const auto trail = m_platform->hub->audit().list(
        auditor, 0, 50, QStringLiteral("correction.corrected_at_another_hall"));
    QVERIFY(trail.ok());
    QCOMPARE(trail->rows.size(), 1);
    QCOMPARE(trail->rows.first().subject, caseId);
    QVERIFY(trail->rows.first().detail.contains(OtherHallWindow));
    QVERIFY(!trail->rows.first().detail.contains(grant));
    // AND acceptance is counted again from Wednesday: due Friday 27th
    read = department.send("GET", casePath(caseId));
    QJsonObject deadlines = read.json().value(QStringLiteral("deadlines")).toObject();
    QCOMPARE(deadlines.value(QStringLiteral("stage")).toString(), QStringLiteral("acceptance"));
    QCOMPARE(
        deadlines.value(QStringLiteral("acceptanceDue")).toString(), QStringLiteral("2026-11-27"));
    QCOMPARE(eventsOf(*m_platform->hub, HomeWindow, QStringLiteral("case.corrected")).size(), 1);

    // WHEN the home department accepts it on Thursday 26th, within the deadline
    m_platform->clock->set(chinaTime(2026, 11, 26, 11, 0));
    QCOMPARE(department
                 .postJson(casePath(caseId, QStringLiteral("decision")),
                     QJsonObject { { QStringLiteral("decision"), QStringLiteral("accepted") },
                         { QStringLiteral("document"), QString::fromLatin1(Notice.toBase64()) } })
                 .status,
        201);
    // THEN the acceptance was not overdue and the decision deadline runs
    read = department.send("GET", casePath(caseId));
    deadlines = read.json().value(QStringLiteral("deadlines")).toObject();
    QCOMPARE(deadlines.value(QStringLiteral("stage")).toString(), QStringLiteral("decision"));
    QVERIFY(!deadlines.value(QStringLiteral("overdue")).toBool());
    QVERIFY(!deadlines.value(QStringLiteral("decisionDue")).toString().isEmpty());

    // WHEN it is completed on Friday 27th with the licence, to be mailed
    m_platform->clock->set(chinaTime(2026, 11, 27, 15, 0));
    const Reply completed = department.postJson(casePath(caseId, QStringLiteral("completion")),
        QJsonObject { { QStringLiteral("document"), QString::fromLatin1(Licence.toBase64()) } });
    QCOMPARE(completed.status, 201);
    const QJsonObject delivery = completed.json();
    // THEN the home window gets the mailing task, due Monday 30th
    QCOMPARE(delivery.value(QStringLiteral("method")).toString(), QStringLiteral("mail"));
    QCOMPARE(delivery.value(QStringLiteral("windowId")).toString(), HomeWindow);
    QCOMPARE(delivery.value(QStringLiteral("dueAt")).toString(),
        QStringLiteral("2026-11-30T23:59:59+08:00"));
    QCOMPARE(eventsOf(*m_platform->hub, HomeWindow, QStringLiteral("delivery.task")).size(), 1);
    // WHEN the home window records the waybill the same afternoon
    m_platform->clock->set(chinaTime(2026, 11, 27, 16, 30));
    HubTestClient home(m_platform->base);
    QCOMPARE(home.login(HomeClerk, Password, HomeWindow).status, 200);
    const Reply mailed = home.postJson(QString(QStringLiteral("/api/v1/deliveries/")
                                           + delivery.value(QStringLiteral("deliveryId")).toString()
                                           + QStringLiteral("/handover")),
        QJsonObject { { QStringLiteral("carrier"), QStringLiteral("EMS") },
            { QStringLiteral("waybill"), QStringLiteral("EMS9876543210") } });
    QCOMPARE(mailed.status, 200);
    // THEN the ledger holds it mailed, in time
    QCOMPARE(mailed.json().value(QStringLiteral("state")).toString(), QStringLiteral("mailed"));
    QCOMPARE(
        mailed.json().value(QStringLiteral("waybill")).toString(), QStringLiteral("EMS9876543210"));
    QVERIFY(!mailed.json().value(QStringLiteral("overdue")).toBool());
    // AND the applicant was texted at each step, in order, all sent to the given phone
    texts = textsOf(caseId);
    QStringList purposes;
    for (const Hub::SmsRecord &sms : std::as_const(texts)) {
        purposes << sms.purpose;
        QCOMPARE(sms.phone, Phone);
        QVERIFY2(sms.state == QLatin1String("sent") || sms.state == QLatin1String("delivered"),
            qPrintable(sms.state));
    }
    QCOMPARE(purposes,
        (QStringList { QStringLiteral("correction"), QStringLiteral("acceptance"),
            QStringLiteral("completion") }));
    QVERIFY2(texts.last().text.contains(QStringLiteral("邮寄")), qPrintable(texts.last().text));

    // WHEN the administrator reads November's statistics
    HubTestClient admin(m_platform->base);
    QCOMPARE(admin.login(QStringLiteral("pds-admin"), Password).status, 200);
    const Reply november
        = admin.send("GET", QStringLiteral("/api/v1/stats?from=2026-11-01&to=2026-11-30"));
    QCOMPARE(november.status, 200);
    const QJsonObject stats = november.json();
    // THEN they show exactly this journey
    const auto count = [&](const char *name) {
        return stats.value(QLatin1String(name)).toInt(-1);
    };
    QCOMPARE(count("cases"), 1);
    QCOMPARE(stats.value(QStringLiteral("byWindow")).toObject().value(AppWindow).toInt(), 1);
    QCOMPARE(
        stats.value(QStringLiteral("byHomeJurisdiction")).toObject().value(u"410402").toInt(), 1);
    QCOMPARE(count("corrections"), 1);
    QCOMPARE(stats.value(QStringLiteral("correctionRate")).toDouble(), 1.0);
    QCOMPARE(count("decided"), 1);
    QCOMPARE(count("accepted"), 1);
    QCOMPARE(count("rejected"), 0);
    QCOMPARE(count("overdueDecisions"), 0);
    QCOMPARE(count("completed"), 1);
    QCOMPARE(count("lateDeliveries"), 0);
    QCOMPARE(count("smsSent"), 3);
    QCOMPARE(count("smsFailed"), 0);

    // WHEN a December case is transmitted (Tuesday 1st) and nobody decides it
    m_platform->clock->set(chinaTime(2026, 12, 1, 10, 0));
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    const QString late = DeliveryHelpers::submitCase(
        app, Item, QStringLiteral("2026-12-01T09:40:00+08:00"), Phone);
    QVERIFY(!late.isEmpty());
    read = app.send("GET", casePath(late));
    QCOMPARE(read.json()
                 .value(QStringLiteral("deadlines"))
                 .toObject()
                 .value(u"acceptanceDue")
                 .toString(),
        QStringLiteral("2026-12-03"));
    QVERIFY(!read.json().value(QStringLiteral("deadlines")).toObject().value(u"overdue").toBool());
    // AND the clock moves to Friday 4th and the platform sweeps its deadlines
    m_platform->clock->set(chinaTime(2026, 12, 4, 9, 0));
    QVERIFY(m_platform->hub->deadlines().sweep());
    // THEN the case is flagged overdue to the application window and the home windows
    read = app.send("GET", casePath(late));
    QVERIFY(read.json().value(QStringLiteral("deadlines")).toObject().value(u"overdue").toBool());
    const auto flagged = [&](const QString &windowId) {
        int n = 0;
        for (const QJsonObject &event :
            eventsOf(*m_platform->hub, windowId, QStringLiteral("case.overdue")))
            n += event.value(QStringLiteral("caseId")).toString() == late ? 1 : 0;
        return n;
    };
    QCOMPARE(flagged(AppWindow), 1);
    QCOMPARE(flagged(HomeWindow), 1);
    // AND only that case: the journey's case is not flagged
    for (const QJsonObject &event :
        eventsOf(*m_platform->hub, AppWindow, QStringLiteral("case.overdue")))
        QVERIFY(event.value(QStringLiteral("caseId")).toString() != caseId);
    // AND December's statistics count it as an overdue decision, November's are unchanged
    const Reply december
        = admin.send("GET", QStringLiteral("/api/v1/stats?from=2026-12-01&to=2026-12-31"));
    QCOMPARE(december.json().value(QStringLiteral("cases")).toInt(), 1);
    QCOMPARE(december.json().value(QStringLiteral("overdueDecisions")).toInt(), 1);
    QCOMPARE(admin.send("GET", QStringLiteral("/api/v1/stats?from=2026-11-01&to=2026-11-30"))
                 .json()
                 .value(QStringLiteral("overdueDecisions"))
                 .toInt(),
        0);
}

QTEST_GUILESS_MAIN(TestHubJourney)
#include "tst_hubjourney.moc"
