// Issue 17 on the hub: the applicant's choice of how to receive the result is checked and kept
// with the case; completion carries the result document and gives the chosen window a delivery
// task (event), recorded in the ledger as a hand-over or a waybill, overdue under a moved clock;
// the applicant is texted at completion; a rating per case and clerk, a 差评 opening a
// rectification that stays open until one is recorded; a guide error report gets a deadline,
// the owning department's answer and an event back to the reporting window.

#include "DeliveryHelpers.h"
#include "HubTestClient.h"
#include "InProcessHub.h"

#include <storage/Database.h>

#include <QSqlQuery>
#include <QTest>

#include <DemoSeed.h>
#include <accounts/AccountService.h>
#include <cases/CaseService.h>
#include <sms/SmsService.h>

using namespace Tongban;

namespace {

const QString Password = QString::fromUtf8(Hub::DemoPassword);
const QByteArray Pdf = QByteArrayLiteral("%PDF-1.4\n% notice\n%%EOF\n");
const QByteArray Licence = QByteArrayLiteral("%PDF-1.4\n% 营业执照\n%%EOF\n");
const QString Item = QStringLiteral("41040201012001000"); // home 410402

QString casePath(const QString &caseId, const QString &rest)
{
    return QString(QStringLiteral("/api/v1/cases/") + caseId + QLatin1Char('/') + rest);
}

} // namespace

class TestHubDelivery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void theDeliveryChoiceIsChecked_data();
    void theDeliveryChoiceIsChecked();
    void pickupAtTheApplicationWindow();
    void mailByTheHomeWindowWithTheWaybill();
    void onlyTheHomeDepartmentCompletesAnAcceptedCase();
    void aPoorRatingOpensARectificationUntilOneIsRecorded();
    void aGuideReportGetsADeadlineAndTheDepartmentsAnswer();

private:
    /// Events of \a type stored for \a windowId (their data).
    QList<QJsonObject> events(const QString &windowId, const QString &type);
    QString acceptedCase(const QJsonObject &delivery);

    std::unique_ptr<InProcessHub> m_platform;
    std::unique_ptr<HubTestClient> m_window; ///< 410402-tb-03, application window
    std::unique_ptr<HubTestClient> m_department; ///< 新华区 home department
};

void TestHubDelivery::init()
{
    m_platform = std::make_unique<InProcessHub>();
    const QString started = m_platform->start([](Hub::HubConfig &config) {
        config.accessTokenSecs = 30 * 24 * 3600; // the clock moves over days
        config.sms.drainMs = 3600 * 1000;
    });
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_window = std::make_unique<HubTestClient>(m_platform->base);
    QCOMPARE(
        m_window->login(QStringLiteral("xh-tb-03-wangli"), Password, QStringLiteral("410402-tb-03"))
            .status,
        200);
    m_department = std::make_unique<HubTestClient>(m_platform->base);
    QCOMPARE(m_department->login(QStringLiteral("xh-scjg-chenjing"), Password).status, 200);
}

void TestHubDelivery::cleanup()
{
    m_window.reset();
    m_department.reset();
    m_platform.reset();
}

QList<QJsonObject> TestHubDelivery::events(const QString &windowId, const QString &type)
{
    QList<QJsonObject> found;
    QSqlQuery query(m_platform->hub->database().connection());
    query.prepare(QStringLiteral("SELECT data FROM hub_events WHERE window_id = ? AND type = ?"
                                 " ORDER BY id"));
    query.addBindValue(windowId);
    query.addBindValue(type);
    if (query.exec()) {
        while (query.next())
            found.append(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object());
    }
    return found;
}

QString TestHubDelivery::acceptedCase(const QJsonObject &delivery)
{
    const QString caseId = DeliveryHelpers::submitCase(*m_window, Item,
        QStringLiteral("2026-11-24T09:00:00+08:00"), QStringLiteral("13912345678"), delivery);
    if (caseId.isEmpty())
        return {};
    const auto decided = m_platform->hub->cases().decide(
        caseId, QStringLiteral("accepted"), {}, Pdf, QStringLiteral("xh-scjg-chenjing"));
    return decided ? caseId : QString();
}

void TestHubDelivery::theDeliveryChoiceIsChecked_data()
{
    QTest::addColumn<QJsonObject>("delivery");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("pointer");
    const QJsonObject mail = DeliveryHelpers::mailTo();
    const auto withAddress = [&](const QString &key, const QJsonValue &value) {
        QJsonObject changed = mail;
        QJsonObject address = changed.value(QStringLiteral("address")).toObject();
        address.insert(key, value);
        changed.insert(QStringLiteral("address"), address);
        return changed;
    };
    QTest::newRow("mail, whole address") << mail << 201 << QString();
    QTest::newRow("self print") << QJsonObject {
        { QStringLiteral("method"), QStringLiteral("self_print") }
    } << 201 << QString();
    QTest::newRow("unknown method")
        << QJsonObject { { QStringLiteral("method"), QStringLiteral("drone") } } << 422
        << QStringLiteral("/delivery/method");
    QTest::newRow("mail without address")
        << QJsonObject { { QStringLiteral("method"), QStringLiteral("mail") } } << 422
        << QStringLiteral("/delivery/address/recipient");
    QTest::newRow("postal code of 5 digits") << withAddress(QStringLiteral("postalCode"),
        QStringLiteral("46700")) << 422 << QStringLiteral("/delivery/address/postalCode");
    QTest::newRow("landline as the phone")
        << withAddress(QStringLiteral("phone"), QStringLiteral("0375-1234567")) << 422
        << QStringLiteral("/delivery/address/phone");
    QTest::newRow("address too short")
        << withAddress(QStringLiteral("line"), QStringLiteral("新华区")) << 422
        << QStringLiteral("/delivery/address/line");
}

void TestHubDelivery::theDeliveryChoiceIsChecked()
{
    QFETCH(QJsonObject, delivery);
    QFETCH(int, status);
    QFETCH(QString, pointer);
    // WHEN a case is transmitted with this choice
    QStringList pageIds;
    QJsonObject body = HubTestClient::caseBody(QUuid::createUuid().toString(QUuid::WithoutBraces),
        { HubTestClient::randomFile(100, 3) }, &pageIds);
    body.insert(QStringLiteral("delivery"), delivery);
    const Reply created = m_window->postJson(QStringLiteral("/api/v1/cases"), body);
    // THEN it is kept or refused naming the field
    QCOMPARE(created.status, status);
    if (!pointer.isEmpty()) {
        const QString detail = created.json()
                                   .value(QStringLiteral("error"))
                                   .toObject()
                                   .value(QStringLiteral("detail"))
                                   .toString();
        QVERIFY2(detail.contains(pointer), qPrintable(detail));
    }
}

void TestHubDelivery::pickupAtTheApplicationWindow()
{
    // GIVEN an accepted case whose applicant collects the result at this window
    const QString caseId = acceptedCase(
        QJsonObject { { QStringLiteral("method"), QStringLiteral("application_window") } });
    QVERIFY(!caseId.isEmpty());
    // WHEN the home department completes it with the result document (Tuesday 24th)
    const Reply completed = m_department->postJson(casePath(caseId, QStringLiteral("completion")),
        QJsonObject { { QStringLiteral("document"), QString::fromLatin1(Licence.toBase64()) } });
    QCOMPARE(completed.status, 201);
    const QJsonObject delivery = completed.json();
    const QString deliveryId = delivery.value(QStringLiteral("deliveryId")).toString();
    // THEN this window gets the task, due one working day later, and its event
    QCOMPARE(delivery.value(QStringLiteral("windowId")).toString(), QStringLiteral("410402-tb-03"));
    QCOMPARE(delivery.value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
    QCOMPARE(delivery.value(QStringLiteral("dueAt")).toString(),
        QStringLiteral("2026-11-25T23:59:59+08:00"));
    const QList<QJsonObject> tasks
        = events(QStringLiteral("410402-tb-03"), QStringLiteral("delivery.task"));
    QCOMPARE(tasks.size(), 1);
    QCOMPARE(tasks.first().value(QStringLiteral("deliveryId")).toString(), deliveryId);
    // AND the window reads the result document
    const Reply document = m_window->send("GET",
        QString(QStringLiteral("/api/v1/deliveries/") + deliveryId + QStringLiteral("/document")));
    QCOMPARE(document.status, 200);
    QCOMPARE(document.body, Licence);
    // AND the applicant is texted that the result waits at the application window
    bool texted = false;
    for (const Hub::SmsRecord &sms :
        Hub::SmsService::list(m_platform->hub->database(), m_platform->hub->secrets())) {
        if (sms.purpose == QLatin1String("completion") && sms.caseId == caseId) {
            texted = sms.text.contains(QStringLiteral("申请窗口领取"));
        }
    }
    QVERIFY(texted);
    // AND completing again with the same document changes nothing
    QCOMPARE(m_department
                 ->postJson(casePath(caseId, QStringLiteral("completion")),
                     QJsonObject {
                         { QStringLiteral("document"), QString::fromLatin1(Licence.toBase64()) } })
                 .status,
        200);

    // WHEN the clock moves past the due day without a hand-over
    m_platform->clock->advanceDays(2);
    // THEN the task shows overdue on the window's list (what Today shows)
    Reply list = m_window->send("GET", QStringLiteral("/api/v1/deliveries?state=pending"));
    QCOMPARE(list.status, 200);
    QJsonArray items = list.json().value(QStringLiteral("deliveries")).toArray();
    QCOMPARE(items.size(), 1);
    QVERIFY(items.first().toObject().value(QStringLiteral("overdue")).toBool());
    // AND another window does not see it, nor may record it
    HubTestClient other(m_platform->base);
    QCOMPARE(
        other.login(QStringLiteral("wd-tb-02-zhaomin"), Password, QStringLiteral("410403-tb-02"))
            .status,
        200);
    QCOMPARE(other.send("GET", QStringLiteral("/api/v1/deliveries"))
                 .json()
                 .value(QStringLiteral("deliveries"))
                 .toArray()
                 .size(),
        0);
    const QString handover
        = QString(QStringLiteral("/api/v1/deliveries/") + deliveryId + QStringLiteral("/handover"));
    const QJsonObject handed { { QStringLiteral("handedBy"), QStringLiteral("王丽") },
        { QStringLiteral("receivedBy"), QStringLiteral("张三") } };
    QCOMPARE(other.postJson(handover, handed).status, 403);
    // WHEN the window records the hand-over (who handed, who received)
    QCOMPARE(m_window
                 ->postJson(handover,
                     QJsonObject { { QStringLiteral("handedBy"), QStringLiteral("王丽") } })
                 .status,
        422);
    const Reply recorded = m_window->postJson(handover, handed);
    QCOMPARE(recorded.status, 200);
    // THEN the ledger holds who, when and by whom it was received, and it is no longer overdue
    QCOMPARE(
        recorded.json().value(QStringLiteral("state")).toString(), QStringLiteral("handed_over"));
    QCOMPARE(
        recorded.json().value(QStringLiteral("receivedBy")).toString(), QStringLiteral("张三"));
    QCOMPARE(recorded.json().value(QStringLiteral("recordedBy")).toString(),
        QStringLiteral("xh-tb-03-wangli"));
    QCOMPARE(recorded.json().value(QStringLiteral("doneAt")).toString(),
        QStringLiteral("2026-11-26T09:30:00+08:00"));
    QVERIFY(!recorded.json().value(QStringLiteral("overdue")).toBool());
    list = m_window->send("GET", QStringLiteral("/api/v1/deliveries?state=pending"));
    QCOMPARE(list.json().value(QStringLiteral("deliveries")).toArray().size(), 0);
}

void TestHubDelivery::mailByTheHomeWindowWithTheWaybill()
{
    // GIVEN an accepted case to be mailed (000 第二十三条: by the home window)
    const QString caseId = acceptedCase(DeliveryHelpers::mailTo());
    QVERIFY(!caseId.isEmpty());
    // WHEN it is completed on Friday 27th
    m_platform->clock->set(QDateTime(
        QDate(2026, 11, 27), QTime(16, 0), QTimeZone(QByteArrayLiteral("Asia/Shanghai"))));
    const Reply completed = m_department->postJson(casePath(caseId, QStringLiteral("completion")),
        QJsonObject { { QStringLiteral("document"), QString::fromLatin1(Licence.toBase64()) } });
    QCOMPARE(completed.status, 201);
    // THEN the home window has the task, due Monday (one working day; a calendar day would be
    // Saturday), with the checked address
    const QJsonObject delivery = completed.json();
    QCOMPARE(delivery.value(QStringLiteral("windowId")).toString(), QStringLiteral("410402-tb-01"));
    QCOMPARE(delivery.value(QStringLiteral("dueAt")).toString(),
        QStringLiteral("2026-11-30T23:59:59+08:00"));
    QCOMPARE(delivery.value(QStringLiteral("address"))
                 .toObject()
                 .value(QStringLiteral("postalCode"))
                 .toString(),
        QStringLiteral("467000"));
    QCOMPARE(events(QStringLiteral("410402-tb-01"), QStringLiteral("delivery.task")).size(), 1);
    QVERIFY(events(QStringLiteral("410402-tb-03"), QStringLiteral("delivery.task")).isEmpty());
    // WHEN the home window records the waybill
    HubTestClient home(m_platform->base);
    QCOMPARE(
        home.login(QStringLiteral("xh-tb-01-liuyang"), Password, QStringLiteral("410402-tb-01"))
            .status,
        200);
    const QString handover = QString(QStringLiteral("/api/v1/deliveries/")
        + delivery.value(QStringLiteral("deliveryId")).toString() + QStringLiteral("/handover"));
    QCOMPARE(home.postJson(handover,
                     QJsonObject { { QStringLiteral("carrier"), QStringLiteral("EMS") },
                         { QStringLiteral("waybill"), QStringLiteral("EMS 12") } })
                 .status,
        422);
    const Reply mailed = home.postJson(handover,
        QJsonObject { { QStringLiteral("carrier"), QStringLiteral("EMS") },
            { QStringLiteral("waybill"), QStringLiteral("EMS9876543210") } });
    QCOMPARE(mailed.status, 200);
    // THEN the ledger holds it as mailed with the waybill
    QCOMPARE(mailed.json().value(QStringLiteral("state")).toString(), QStringLiteral("mailed"));
    QCOMPARE(
        mailed.json().value(QStringLiteral("waybill")).toString(), QStringLiteral("EMS9876543210"));
    // AND the applicant's SMS says it is mailed
    bool texted = false;
    for (const Hub::SmsRecord &sms :
        Hub::SmsService::list(m_platform->hub->database(), m_platform->hub->secrets()))
        texted = texted
            || (sms.purpose == QLatin1String("completion")
                && sms.text.contains(QStringLiteral("邮寄")));
    QVERIFY(texted);
}

void TestHubDelivery::onlyTheHomeDepartmentCompletesAnAcceptedCase()
{
    const QJsonObject document { { QStringLiteral("document"),
        QString::fromLatin1(Licence.toBase64()) } };
    // GIVEN a transmitted case not yet accepted THEN it cannot be completed
    const QString submitted = DeliveryHelpers::submitCase(*m_window, Item,
        QStringLiteral("2026-11-24T09:00:00+08:00"), QStringLiteral("13912345678"));
    QCOMPARE(
        m_department->postJson(casePath(submitted, QStringLiteral("completion")), document).status,
        409);
    const QString caseId = acceptedCase({});
    // AND a window clerk may not complete it
    QCOMPARE(
        m_window->postJson(casePath(caseId, QStringLiteral("completion")), document).status, 403);
    // AND another jurisdiction's department does not find it
    HubTestClient weidong(m_platform->base);
    QCOMPARE(weidong.login(QStringLiteral("wd-scjg-wutao"), Password).status, 200);
    QCOMPARE(
        weidong.postJson(casePath(caseId, QStringLiteral("completion")), document).status, 404);
    // AND a document that is not a PDF is refused
    QCOMPARE(m_department
                 ->postJson(casePath(caseId, QStringLiteral("completion")),
                     QJsonObject { { QStringLiteral("document"), QStringLiteral("aGVsbG8=") } })
                 .status,
        422);
}

void TestHubDelivery::aPoorRatingOpensARectificationUntilOneIsRecorded()
{
    const QString good = acceptedCase({});
    const QString poor = acceptedCase({});
    QVERIFY(!good.isEmpty() && !poor.isEmpty());
    // GIVEN out-of-range scores THEN they are refused
    for (const QJsonValue &score :
        { QJsonValue(0), QJsonValue(6), QJsonValue(2.5), QJsonValue(QStringLiteral("5")) }) {
        QCOMPARE(m_window
                     ->postJson(casePath(good, QStringLiteral("rating")),
                         QJsonObject { { QStringLiteral("score"), score } })
                     .status,
            422);
    }
    // AND another window cannot rate this window's case
    HubTestClient other(m_platform->base);
    QCOMPARE(
        other.login(QStringLiteral("wd-tb-02-zhaomin"), Password, QStringLiteral("410403-tb-02"))
            .status,
        200);
    QCOMPARE(other
                 .postJson(casePath(good, QStringLiteral("rating")),
                     QJsonObject { { QStringLiteral("score"), 1 } })
                 .status,
        404);
    // WHEN the applicant rates one case 5 and the other 1 (差评)
    const Reply fine = m_window->postJson(
        casePath(good, QStringLiteral("rating")), QJsonObject { { QStringLiteral("score"), 5 } });
    QCOMPARE(fine.status, 201);
    QVERIFY(!fine.json().contains(QStringLiteral("rectificationId")));
    const Reply bad = m_window->postJson(casePath(poor, QStringLiteral("rating")),
        QJsonObject { { QStringLiteral("score"), 1 },
            { QStringLiteral("comment"), QStringLiteral("等候时间太长") } });
    QCOMPARE(bad.status, 201);
    const QString rectificationId = bad.json().value(QStringLiteral("rectificationId")).toString();
    QVERIFY(!rectificationId.isEmpty());
    // AND rating it again differently is a conflict (one rating per case and clerk)
    QCOMPARE(m_window
                 ->postJson(casePath(poor, QStringLiteral("rating")),
                     QJsonObject { { QStringLiteral("score"), 5 } })
                 .status,
        409);
    // THEN the rectification is open for the admin, stored per case and clerk
    HubTestClient admin(m_platform->base);
    QCOMPARE(admin.login(QStringLiteral("pds-admin"), Password).status, 200);
    QJsonArray open = admin.send("GET", QStringLiteral("/api/v1/rectifications?state=open"))
                          .json()
                          .value(QStringLiteral("rectifications"))
                          .toArray();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().toObject().value(QStringLiteral("account")).toString(),
        QStringLiteral("xh-tb-03-wangli"));
    QCOMPARE(open.first().toObject().value(QStringLiteral("comment")).toString(),
        QStringLiteral("等候时间太长"));
    // AND a clerk can neither list nor close it; an empty rectification is refused
    QCOMPARE(m_window->send("GET", QStringLiteral("/api/v1/rectifications")).status, 403);
    const QString close = QString(QStringLiteral("/api/v1/rectifications/") + rectificationId);
    QCOMPARE(m_window
                 ->postJson(close,
                     QJsonObject { { QStringLiteral("rectification"), QStringLiteral("x") } })
                 .status,
        403);
    QCOMPARE(admin
                 .postJson(close,
                     QJsonObject { { QStringLiteral("rectification"), QStringLiteral("  ") } })
                 .status,
        422);
    QCOMPARE(admin.send("GET", QStringLiteral("/api/v1/rectifications?state=open"))
                 .json()
                 .value(QStringLiteral("rectifications"))
                 .toArray()
                 .size(),
        1);
    // WHEN the rectification is recorded THEN it is closed
    QCOMPARE(admin
                 .postJson(close,
                     QJsonObject { { QStringLiteral("rectification"),
                         QStringLiteral("增设取号提醒，高峰期增开窗口") } })
                 .status,
        200);
    QCOMPARE(admin.send("GET", QStringLiteral("/api/v1/rectifications?state=open"))
                 .json()
                 .value(QStringLiteral("rectifications"))
                 .toArray()
                 .size(),
        0);
    QCOMPARE(admin.send("GET", QStringLiteral("/api/v1/rectifications?state=rectified"))
                 .json()
                 .value(QStringLiteral("rectifications"))
                 .toArray()
                 .size(),
        1);
}

void TestHubDelivery::aGuideReportGetsADeadlineAndTheDepartmentsAnswer()
{
    // GIVEN a window reports a guide error on Tuesday 24 November
    const Reply reported = m_window->postJson(QStringLiteral("/api/v1/guide-reports"),
        QJsonObject { { QStringLiteral("clientReportId"), QStringLiteral("r-1") },
            { QStringLiteral("itemCode"), Item },
            { QStringLiteral("kind"), QStringLiteral("guide_wrong") },
            { QStringLiteral("text"), QStringLiteral("办事指南中的申请表样本已过期") } });
    QCOMPARE(reported.status, 201);
    const QString reportId = reported.json().value(QStringLiteral("reportId")).toString();
    // THEN it is open with a deadline five working days later (Tuesday 1 December)
    QJsonObject listed = m_department->send("GET", QStringLiteral("/api/v1/guide-reports"))
                             .json()
                             .value(QStringLiteral("reports"))
                             .toArray()
                             .first()
                             .toObject();
    QCOMPARE(listed.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
    QCOMPARE(listed.value(QStringLiteral("dueAt")).toString(),
        QStringLiteral("2026-12-01T23:59:59+08:00"));
    const QString answerPath
        = QString(QStringLiteral("/api/v1/guide-reports/") + reportId + QStringLiteral("/answer"));
    const QJsonObject answer { { QStringLiteral("status"), QStringLiteral("corrected") },
        { QStringLiteral("answer"), QStringLiteral("样本已更新为 2026 版") } };
    // AND neither the reporting clerk nor another jurisdiction's department may answer it
    QCOMPARE(m_window->postJson(answerPath, answer).status, 403);
    HubTestClient weidong(m_platform->base);
    QCOMPARE(weidong.login(QStringLiteral("wd-scjg-wutao"), Password).status, 200);
    QCOMPARE(weidong.postJson(answerPath, answer).status, 404);
    QCOMPARE(m_department
                 ->postJson(answerPath,
                     QJsonObject { { QStringLiteral("status"), QStringLiteral("done") },
                         { QStringLiteral("answer"), QStringLiteral("好") } })
                 .status,
        422);
    // WHEN the owning department answers
    QCOMPARE(m_department->postJson(answerPath, answer).status, 200);
    // THEN the report holds the status and the answer
    listed = m_department->send("GET", QStringLiteral("/api/v1/guide-reports"))
                 .json()
                 .value(QStringLiteral("reports"))
                 .toArray()
                 .first()
                 .toObject();
    QCOMPARE(listed.value(QStringLiteral("status")).toString(), QStringLiteral("corrected"));
    QCOMPARE(
        listed.value(QStringLiteral("answer")).toString(), QStringLiteral("样本已更新为 2026 版"));
    // AND the reporting window gets the event
    const QList<QJsonObject> answered
        = events(QStringLiteral("410402-tb-03"), QStringLiteral("guide_report.answered"));
    QCOMPARE(answered.size(), 1);
    QCOMPARE(answered.first().value(QStringLiteral("reportId")).toString(), reportId);
    QCOMPARE(
        answered.first().value(QStringLiteral("status")).toString(), QStringLiteral("corrected"));
}

QTEST_GUILESS_MAIN(TestHubDelivery)
#include "tst_hubdelivery.moc"
