// tongban-hub in-process over real HTTP on 127.0.0.1: mailing of paper
// originals (§8), guide error reports (§9), the Idempotency-Key header (§1)
// and the error code of a HEAD answer (§6). Time is a ManualClock.

#include "HubWsClient.h"
#include "InProcessHub.h"

#include <QTest>

#include <DemoSeed.h>

using namespace Tongban;

namespace {
const QString Password = QString::fromUtf8(Hub::DemoPassword);
const QString AppClerk = QStringLiteral("xh-tb-03-wangli");
const QString AppWindow = QStringLiteral("410402-tb-03");
const QString Item = QStringLiteral("41040201012001000");
} // namespace

class TestHubMailing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void mailingIsIdempotentAndValidated();
    void homeWindowConfirmsReceiptAndTheApplicationWindowIsTold();
    void guideReportsAreIdempotentValidatedAndListedByRole();
    void idempotencyKeyReplaysAndConflicts();
    void headErrorCarriesTheCodeInAHeader();

private:
    QString createCase(HubTestClient &client);
    QJsonObject mailingBody(const QString &clientMailingId) const;

    std::unique_ptr<InProcessHub> m_platform;
    QString m_base;
};

void TestHubMailing::init()
{
    m_platform = std::make_unique<InProcessHub>();
    const QString started = m_platform->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_base = m_platform->base;
}

void TestHubMailing::cleanup()
{
    m_platform.reset();
}

QString TestHubMailing::createCase(HubTestClient &client)
{
    QStringList pageIds;
    const Reply reply = client.postJson(QStringLiteral("/api/v1/cases"),
        HubTestClient::caseBody(QUuid::createUuid().toString(QUuid::WithoutBraces),
            { HubTestClient::randomFile(500, 3) }, &pageIds));
    if (reply.status != 201)
        qWarning() << reply.status << reply.body;
    return reply.json().value(QStringLiteral("caseId")).toString();
}

QJsonObject TestHubMailing::mailingBody(const QString &clientMailingId) const
{
    return QJsonObject { { QStringLiteral("clientMailingId"), clientMailingId },
        { QStringLiteral("carrier"), QStringLiteral("EMS") },
        { QStringLiteral("waybill"), QStringLiteral("1234567890123") },
        { QStringLiteral("sentAt"), QStringLiteral("2026-11-24T10:05:00+08:00") },
        { QStringLiteral("materials"), QJsonArray { QStringLiteral("application") } } };
}

void TestHubMailing::mailingIsIdempotentAndValidated()
{
    HubTestClient app(m_base);
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    const QString caseId = createCase(app);
    QVERIFY(!caseId.isEmpty());
    const QString path
        = QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/mailings"));

    // WHEN the application window records a mailing, twice
    const Reply first = app.postJson(path, mailingBody(QStringLiteral("m-1")));
    const Reply again = app.postJson(path, mailingBody(QStringLiteral("m-1")));
    // THEN one mailing exists: 201, then 200 with the same id
    QCOMPARE(first.status, 201);
    QCOMPARE(again.status, 200);
    const QString mailingId = first.json().value(QStringLiteral("mailingId")).toString();
    QVERIFY(!mailingId.isEmpty());
    QCOMPARE(again.json().value(QStringLiteral("mailingId")).toString(), mailingId);
    // AND the same clientMailingId with another waybill is a conflict
    QJsonObject changed = mailingBody(QStringLiteral("m-1"));
    changed.insert(QStringLiteral("waybill"), QStringLiteral("9999999999999"));
    QCOMPARE(app.postJson(path, changed).errorCode(), QStringLiteral("idempotency_conflict"));

    // AND invalid waybills, times and materials are refused with 422
    const auto refused = [&](const char *key, const QJsonValue &value) {
        QJsonObject body = mailingBody(QStringLiteral("m-bad"));
        body.insert(QLatin1String(key), value);
        const Reply reply = app.postJson(path, body);
        return reply.status == 422 && reply.errorCode() == QLatin1String("validation_failed");
    };
    QVERIFY(refused("waybill", QStringLiteral("12-34")));
    QVERIFY(refused("waybill", QStringLiteral("1234567")));
    QVERIFY(refused("waybill", QStringLiteral("一二三四五六七八九")));
    QVERIFY(refused("sentAt", QStringLiteral("2026-11-24 10:05")));
    QVERIFY(refused("carrier", QStringLiteral("")));
    QVERIFY(refused("materials", QJsonArray { QStringLiteral("not-declared") }));
    QVERIFY(refused("materials", QJsonArray {}));

    // AND only the case's application window may post: a home window of the
    // jurisdiction is forbidden, a window of another jurisdiction does not see the case
    HubTestClient home(m_base);
    QCOMPARE(
        home.login(QStringLiteral("xh-tb-01-liuyang"), Password, QStringLiteral("410402-tb-01"))
            .status,
        200);
    QCOMPARE(home.postJson(path, mailingBody(QStringLiteral("m-2"))).errorCode(),
        QStringLiteral("forbidden"));
    HubTestClient stranger(m_base);
    QCOMPARE(
        stranger.login(QStringLiteral("wd-tb-02-zhaomin"), Password, QStringLiteral("410403-tb-02"))
            .status,
        200);
    QCOMPARE(stranger.postJson(path, mailingBody(QStringLiteral("m-3"))).status, 404);

    // AND GET lists the one mailing, not yet received
    const QJsonArray list
        = app.send("GET", path).json().value(QStringLiteral("mailings")).toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(
        list.first().toObject().value(QStringLiteral("status")).toString(), QStringLiteral("sent"));
    QCOMPARE(list.first().toObject().value(QStringLiteral("waybill")).toString(),
        QStringLiteral("1234567890123"));
}

void TestHubMailing::homeWindowConfirmsReceiptAndTheApplicationWindowIsTold()
{
    HubTestClient app(m_base);
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    const QString caseId = createCase(app);
    const Reply posted = app.postJson(
        QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/mailings")),
        mailingBody(QStringLiteral("m-recv")));
    QCOMPARE(posted.status, 201);
    const QString mailingId = posted.json().value(QStringLiteral("mailingId")).toString();
    const QString received
        = QString(QStringLiteral("/api/v1/mailings/") + mailingId + QStringLiteral("/received"));

    // GIVEN the application window listening for events
    // (on the same session: a second sign-in of the clerk would end the first, §2)
    HubWsClient listener(m_base, QString(), QString(), AppWindow);
    listener.http.token = app.token;
    QVERIFY(listener.open());

    // WHEN the application window itself, or a home window of another
    // jurisdiction, tries to confirm receipt THEN it is refused
    QCOMPARE(app.send("POST", received).errorCode(), QStringLiteral("forbidden"));
    HubTestClient otherHome(m_base);
    QCOMPARE(
        otherHome.login(QStringLiteral("wd-tb-01-sunhao"), Password, QStringLiteral("410403-tb-01"))
            .status,
        200);
    QCOMPARE(otherHome.send("POST", received).status, 404);

    // WHEN a home window of the case's home jurisdiction confirms, twice
    HubTestClient home(m_base);
    QCOMPARE(
        home.login(QStringLiteral("xh-tb-01-liuyang"), Password, QStringLiteral("410402-tb-01"))
            .status,
        200);
    const Reply confirmed = home.send("POST", received);
    const Reply confirmedAgain = home.send("POST", received);
    // THEN the mailing is received, by that window
    QCOMPARE(confirmed.status, 200);
    QCOMPARE(
        confirmed.json().value(QStringLiteral("status")).toString(), QStringLiteral("received"));
    QCOMPARE(confirmed.json().value(QStringLiteral("receivedBy")).toString(),
        QStringLiteral("410402-tb-01"));
    QCOMPARE(confirmedAgain.json(), confirmed.json());
    // AND the application window gets exactly one mailing.received event
    const QJsonObject event = listener.waitFor(QStringLiteral("mailing.received"));
    QVERIFY(event.value(QStringLiteral("id")).toInteger() > 0);
    QCOMPARE(event.value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("mailingId"))
                 .toString(),
        mailingId);
    QCOMPARE(
        event.value(QStringLiteral("data")).toObject().value(QStringLiteral("caseId")).toString(),
        caseId);
    QTest::qWait(300); // a few event polls: nothing more may arrive
    QCOMPARE(listener.all(QStringLiteral("mailing.received")).size(), 1);
    // AND an unknown mailing is 404
    QCOMPARE(home.send("POST", QStringLiteral("/api/v1/mailings/nope/received")).status, 404);
}

void TestHubMailing::guideReportsAreIdempotentValidatedAndListedByRole()
{
    HubTestClient app(m_base);
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    const QString path = QStringLiteral("/api/v1/guide-reports");
    const auto report = [&](const QString &id, const QString &kind, const QString &itemCode) {
        return QJsonObject { { QStringLiteral("clientReportId"), id },
            { QStringLiteral("itemCode"), itemCode }, { QStringLiteral("kind"), kind },
            { QStringLiteral("materialId"), QStringLiteral("application") },
            { QStringLiteral("text"), QStringLiteral("办事指南写的是两份复印件，窗口要求三份") } };
    };
    // WHEN a window reports a guide error, twice
    const Reply first
        = app.postJson(path, report(QStringLiteral("r-1"), QStringLiteral("guide_wrong"), Item));
    const Reply again
        = app.postJson(path, report(QStringLiteral("r-1"), QStringLiteral("guide_wrong"), Item));
    // THEN one report exists
    QCOMPARE(first.status, 201);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(QStringLiteral("reportId")),
        first.json().value(QStringLiteral("reportId")));
    // AND the same id with another body is a conflict
    QCOMPARE(app.postJson(path,
                    report(QStringLiteral("r-1"), QStringLiteral("extra_material_demanded"), Item))
                 .errorCode(),
        QStringLiteral("idempotency_conflict"));
    // AND kinds, items and materials are validated
    QCOMPARE(app.postJson(path, report(QStringLiteral("r-2"), QStringLiteral("typo"), Item)).status,
        422);
    QCOMPARE(
        app.postJson(path,
               report(QStringLiteral("r-3"), QStringLiteral("guide_wrong"), QStringLiteral("999")))
            .errorCode(),
        QStringLiteral("unknown_item"));
    QCOMPARE(
        app.postJson(path, report(QStringLiteral("r-4"), QStringLiteral("guide_wrong"), QString()))
            .status,
        422);
    QJsonObject badMaterial
        = report(QStringLiteral("r-5"), QStringLiteral("review_point_mismatch"), Item);
    badMaterial.insert(QStringLiteral("materialId"), QStringLiteral("no-such-material"));
    QCOMPARE(app.postJson(path, badMaterial).status, 422);
    // AND a catalog_invalid report needs no item of the catalogue in force
    QJsonObject invalidCatalogue
        = report(QStringLiteral("r-6"), QStringLiteral("catalog_invalid"), QString());
    invalidCatalogue.remove(QStringLiteral("materialId"));
    QCOMPARE(app.postJson(path, invalidCatalogue).status, 201);

    // WHEN the reports are listed THEN a window may not, the department of
    // 新华区 sees the report on its item, another department does not, the admin sees all
    QCOMPARE(app.send("GET", path).errorCode(), QStringLiteral("forbidden"));
    HubTestClient xinhua(m_base);
    QCOMPARE(xinhua.login(QStringLiteral("xh-scjg-chenjing"), Password).status, 200);
    const QJsonArray mine
        = xinhua.send("GET", path).json().value(QStringLiteral("reports")).toArray();
    QCOMPARE(mine.size(), 2); // guide_wrong on 410402's item, catalog_invalid by a 410402 window
    HubTestClient weidong(m_base);
    QCOMPARE(weidong.login(QStringLiteral("wd-scjg-wutao"), Password).status, 200);
    QCOMPARE(weidong.send("GET", path).json().value(QStringLiteral("reports")).toArray().size(), 0);
    HubTestClient admin(m_base);
    QCOMPARE(admin.login(QStringLiteral("pds-admin"), Password).status, 200);
    const QJsonArray all
        = admin.send("GET", QStringLiteral("/api/v1/guide-reports?kind=guide_wrong"))
              .json()
              .value(QStringLiteral("reports"))
              .toArray();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().toObject().value(QStringLiteral("windowId")).toString(), AppWindow);
}

void TestHubMailing::idempotencyKeyReplaysAndConflicts()
{
    HubTestClient app(m_base);
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    const QString path = QStringLiteral("/api/v1/guide-reports");
    const auto body = [](const QString &id) {
        return QJsonDocument(QJsonObject { { QStringLiteral("clientReportId"), id },
                                 { QStringLiteral("itemCode"), Item },
                                 { QStringLiteral("kind"), QStringLiteral("guide_wrong") },
                                 { QStringLiteral("text"), QStringLiteral("x") } })
            .toJson(QJsonDocument::Compact);
    };
    const QList<QPair<QByteArray, QByteArray>> key { { "Idempotency-Key", "key-1" } };
    // WHEN a POST is repeated with the same Idempotency-Key and body
    const Reply first = app.send("POST", path, body(QStringLiteral("k-1")), key);
    const Reply replay = app.send("POST", path, body(QStringLiteral("k-1")), key);
    // THEN the stored answer is replayed
    QCOMPARE(first.status, 201);
    QCOMPARE(replay.status, 200);
    QCOMPARE(replay.body, first.body);
    QCOMPARE(replay.header("Idempotent-Replayed"), QByteArrayLiteral("true"));
    // WHEN the same key comes with another body THEN 409 idempotency_conflict, nothing created
    const Reply conflict = app.send("POST", path, body(QStringLiteral("k-2")), key);
    QCOMPARE(conflict.status, 409);
    QCOMPARE(conflict.errorCode(), QStringLiteral("idempotency_conflict"));
    QCOMPARE(
        app.postJson(path, QJsonDocument::fromJson(body(QStringLiteral("k-2"))).object()).status,
        201); // k-2 had not been created by the refused request
    // AND keys are per account: another clerk may use the same key
    HubTestClient other(m_base);
    QCOMPARE(
        other.login(QStringLiteral("wd-tb-02-zhaomin"), Password, QStringLiteral("410403-tb-02"))
            .status,
        200);
    QCOMPARE(other.send("POST", path, body(QStringLiteral("k-3")), key).status, 201);
    // AND a malformed key is refused
    QCOMPARE(app.send("POST", path, body(QStringLiteral("k-4")), { { "Idempotency-Key", "a b" } })
                 .errorCode(),
        QStringLiteral("bad_request"));
    // AND after 24 hours the key is forgotten
    m_platform->clock->advanceSecs(25 * 60 * 60);
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    QCOMPARE(app.send("POST", path, body(QStringLiteral("k-5")), key).status, 201);
}

void TestHubMailing::headErrorCarriesTheCodeInAHeader()
{
    HubTestClient app(m_base);
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    // WHEN HEAD asks about an unknown upload
    const Reply reply = app.head(QStringLiteral("/api/v1/uploads/no-such-upload"));
    // THEN the answer has no body and the machine code is in Tongban-Error
    QCOMPARE(reply.status, 404);
    QVERIFY(reply.body.isEmpty());
    QCOMPARE(reply.header("Tongban-Error"), QByteArrayLiteral("not_found"));
}

QTEST_MAIN(TestHubMailing)
#include "tst_hubmailing.moc"
