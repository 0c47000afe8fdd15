// The hub against hostile clients (issue 13), as an attacker on 127.0.0.1 sees it: only HTTP
// and TLS sockets, with the tokens of real demo clerks of other windows. An in-process hub
// (ManualClock, small upload quota) is started and seeded for each test; its data folder is
// looked at only to see that an expired partial file is gone from disk.
//
// Each test failed before issue 13: another window could HEAD, PATCH and DELETE an upload,
// a page of a submitted case could be deleted, clientCaseId and Idempotency-Key answered
// across windows, a guide report could point at another window's case, nothing capped the
// bytes a window's open uploads declare, expired partial files stayed on disk, 401s carried
// no WWW-Authenticate, and TLS 1.2 accepted CBC-SHA1 and static-RSA suites.

#include "HubTestClient.h"
#include "InProcessHub.h"

#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>

#include <DemoSeed.h>
#include <accounts/AccountService.h>

using namespace Tongban;

namespace {
const QString Password = QString::fromUtf8(Hub::DemoPassword);
// 新华区 window 3 (application) and 卫东区 window 2 (application): two districts.
const QString ClerkA = QStringLiteral("xh-tb-03-wangli");
const QString WindowA = QStringLiteral("410402-tb-03");
const QString ClerkB = QStringLiteral("wd-tb-02-zhaomin");
const QString WindowB = QStringLiteral("410403-tb-02");
const QString ReliefWindow = QStringLiteral("410402-tb-04");
constexpr qint64 Quota = 256 * 1024; // the window quota of this test's hub
constexpr int PageBytes = 100 * 1024;

QString dataFile(const char *name)
{
    return QStringLiteral(TONGBAN_TEST_DATA "/") + QLatin1String(name);
}
} // namespace

class TestHubAttacker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void anotherWindowCannotTouchAnUpload();
    void aPageOfASubmittedCaseIsFinalForEveryone();
    void theSameClientCaseIdFromTwoWindowsIsTwoCases();
    void anIdempotencyKeyDoesNotCrossWindows();
    void everyRouteThatNamesACaseChecksItsOwner();
    void openUploadsOfAWindowAreCapped();
    void anExpiredPartialFileIsDeleted();
    void every401SaysBearer();
    void tlsRefusesCbcAndStaticRsaSuites_data();
    void tlsRefusesCbcAndStaticRsaSuites();

private:
    std::unique_ptr<HubTestClient> signedIn(const QString &account, const QString &windowId = {});
    /// A case of the clerk of \a client with \a files as its pages (ids in \a pageIds).
    QString createCase(HubTestClient &client, const QString &clientCaseId,
        const QList<QByteArray> &files, QStringList *pageIds);
    /// Creates the upload of a page and returns its Location.
    QString startUpload(HubTestClient &client, const QString &caseId, const QString &pageId,
        const QByteArray &file);
    QString uploadFile(const QString &location) const;

    std::unique_ptr<InProcessHub> m_platform;
    QString m_base;
};

void TestHubAttacker::init()
{
    m_platform = std::make_unique<InProcessHub>();
    const QString started = m_platform->start([](Hub::HubConfig &config) {
        config.windowUploadQuotaBytes = Quota;
        config.uploadSweepMs = 100;
    });
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_base = m_platform->base;
}

void TestHubAttacker::cleanup()
{
    m_platform.reset();
}

std::unique_ptr<HubTestClient> TestHubAttacker::signedIn(
    const QString &account, const QString &windowId)
{
    auto client = std::make_unique<HubTestClient>(m_base);
    const Reply login = client->login(account, Password, windowId);
    if (login.status != 200)
        qWarning() << "sign-in of" << account << "failed:" << login.status << login.body;
    return client;
}

QString TestHubAttacker::createCase(HubTestClient &client, const QString &clientCaseId,
    const QList<QByteArray> &files, QStringList *pageIds)
{
    const Reply created = client.postJson(
        QStringLiteral("/api/v1/cases"), HubTestClient::caseBody(clientCaseId, files, pageIds));
    if (created.status != 201)
        qWarning() << "case creation failed:" << created.status << created.body;
    return created.json().value(QStringLiteral("caseId")).toString();
}

QString TestHubAttacker::startUpload(
    HubTestClient &client, const QString &caseId, const QString &pageId, const QByteArray &file)
{
    const Reply created = client.createUpload(caseId, pageId, file);
    if (created.status != 201)
        qWarning() << "upload creation failed:" << created.status << created.body;
    return QString::fromLatin1(created.header("Location"));
}

QString TestHubAttacker::uploadFile(const QString &location) const
{
    return QString(m_platform->dir->path() + QStringLiteral("/files/uploads/")
        + location.section(QLatin1Char('/'), -1));
}

void TestHubAttacker::anotherWindowCannotTouchAnUpload()
{
    // GIVEN window A's upload of a page, half sent
    auto a = signedIn(ClerkA, WindowA);
    auto b = signedIn(ClerkB, WindowB);
    const QByteArray file = HubTestClient::randomFile(2048, 'a');
    QStringList pages;
    const QString caseId = createCase(*a, QStringLiteral("case-a-1"), { file }, &pages);
    QVERIFY(!caseId.isEmpty());
    const QString location = startUpload(*a, caseId, pages.at(0), file);
    QVERIFY(!location.isEmpty());
    QCOMPARE(a->patch(location, 0, file.left(1024)).status, 204);

    // WHEN window B (another district) probes, writes and deletes it with its own token
    const Reply head = b->head(location);
    const Reply patch = b->patch(location, 1024, file.mid(1024));
    const Reply wrongOffset = b->patch(location, 0, QByteArray(10, 'x'));
    const Reply terminate = b->send("DELETE", location, {}, { { "Tus-Resumable", "1.0.0" } });
    const Reply create = b->createUpload(caseId, pages.at(0), file);

    // THEN every answer is the 404 of an unknown upload (the same as for a made-up id)
    QCOMPARE(head.status, 404);
    QCOMPARE(head.header("Tongban-Error"), QByteArray("not_found"));
    QVERIFY(head.header("Upload-Offset").isEmpty());
    QCOMPARE(patch.status, 404);
    QCOMPARE(patch.errorCode(), QStringLiteral("not_found"));
    QCOMPARE(wrongOffset.status, 404);
    QVERIFY(wrongOffset.header("Upload-Offset").isEmpty());
    QCOMPARE(terminate.status, 404);
    QCOMPARE(create.status, 404);
    QVERIFY(create.header("Location").isEmpty());
    const Reply madeUp = b->head(QStringLiteral("/api/v1/uploads/0123456789abcdef"));
    QCOMPARE(madeUp.status, head.status);
    QCOMPARE(madeUp.header("Tongban-Error"), head.header("Tongban-Error"));

    // AND nothing changed: A still sees its upload at 1024 and finishes it
    const Reply mine = a->head(location);
    QCOMPARE(mine.status, 200);
    QCOMPARE(mine.header("Upload-Offset"), QByteArray("1024"));
    QVERIFY(QFile::exists(uploadFile(location)));
    QCOMPARE(a->patch(location, 1024, file.mid(1024)).status, 204);

    // AND a home or department clerk (a session with no or another window) gets 404 too
    auto home = signedIn(QStringLiteral("xh-tb-01-liuyang"), QStringLiteral("410402-tb-01"));
    QCOMPARE(home->head(location).status, 404);
    auto department = signedIn(QStringLiteral("xh-scjg-chenjing"));
    QCOMPARE(department->head(location).status, 404);
    QCOMPARE(
        department->send("DELETE", location, {}, { { "Tus-Resumable", "1.0.0" } }).status, 404);
    QCOMPARE(a->head(location).status, 200);
}

void TestHubAttacker::aPageOfASubmittedCaseIsFinalForEveryone()
{
    // GIVEN window A's case, every page uploaded, submitted with its official number
    auto a = signedIn(ClerkA, WindowA);
    auto b = signedIn(ClerkB, WindowB);
    const QByteArray file = HubTestClient::randomFile(4096, 's');
    QStringList pages;
    const QString caseId = createCase(*a, QStringLiteral("case-a-submitted"), { file }, &pages);
    const QString location = startUpload(*a, caseId, pages.at(0), file);
    QCOMPARE(a->patch(location, 0, file).status, 204);
    const Reply submitted = a->send("POST", QStringLiteral("/api/v1/cases/%1/submit").arg(caseId));
    QCOMPARE(submitted.status, 200);
    QVERIFY(!submitted.json().value(QStringLiteral("caseNumber")).toString().isEmpty());

    // WHEN its own window tries to delete the page, or to write past its end
    const Reply deleted = a->send("DELETE", location, {}, { { "Tus-Resumable", "1.0.0" } });
    const Reply patched = a->patch(location, file.size(), QByteArray(1, 'x'));
    // AND another window tries the same
    const Reply deletedByB = b->send("DELETE", location, {}, { { "Tus-Resumable", "1.0.0" } });

    // THEN the owner is told the case is submitted (409 case_submitted), the other 404
    QCOMPARE(deleted.status, 409);
    QCOMPARE(deleted.errorCode(), QStringLiteral("case_submitted"));
    QCOMPARE(patched.status, 409);
    QCOMPARE(patched.errorCode(), QStringLiteral("case_submitted"));
    QCOMPARE(deletedByB.status, 404);

    // AND the page is still there, received, with its bytes
    QFile stored(uploadFile(location));
    QVERIFY(stored.open(QIODevice::ReadOnly));
    QCOMPARE(stored.readAll(), file);
    const Reply read = a->send("GET", QStringLiteral("/api/v1/cases/%1").arg(caseId));
    QCOMPARE(read.json()
                 .value(QStringLiteral("pages"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("received"))
                 .toBool(),
        true);
    // AND a retried creation still answers the finished upload, not a new one
    const Reply again = a->createUpload(caseId, pages.at(0), file);
    QCOMPARE(again.status, 200);
    QCOMPARE(QString::fromLatin1(again.header("Location")), location);
}

void TestHubAttacker::theSameClientCaseIdFromTwoWindowsIsTwoCases()
{
    // GIVEN window A's case under clientCaseId "shared-1"
    auto a = signedIn(ClerkA, WindowA);
    auto b = signedIn(ClerkB, WindowB);
    const QString clientCaseId = QStringLiteral("shared-1");
    QStringList pagesA;
    const QJsonObject bodyA
        = HubTestClient::caseBody(clientCaseId, { HubTestClient::randomFile(512, '1') }, &pagesA);
    const Reply createdA = a->postJson(QStringLiteral("/api/v1/cases"), bodyA);
    QCOMPARE(createdA.status, 201);
    const QString caseA = createdA.json().value(QStringLiteral("caseId")).toString();

    // WHEN window B sends a case with the same clientCaseId (its own pages), and then repeats
    // byte for byte another case A has just sent
    QStringList pagesB;
    const Reply createdB = b->postJson(QStringLiteral("/api/v1/cases"),
        HubTestClient::caseBody(clientCaseId, { HubTestClient::randomFile(512, '2') }, &pagesB));
    QStringList pagesA2;
    const QJsonObject probe = HubTestClient::caseBody(
        QStringLiteral("shared-2"), { HubTestClient::randomFile(512, '3') }, &pagesA2);
    const Reply createdA2 = a->postJson(QStringLiteral("/api/v1/cases"), probe);
    const Reply probedByB = b->postJson(QStringLiteral("/api/v1/cases"), probe);

    // THEN B got a case of its own (201, another id), not A's case and not a conflict
    QCOMPARE(createdB.status, 201);
    const QString caseB = createdB.json().value(QStringLiteral("caseId")).toString();
    QVERIFY(!caseB.isEmpty());
    QVERIFY(caseB != caseA);
    const Reply readB = b->send("GET", QStringLiteral("/api/v1/cases/%1").arg(caseB));
    QCOMPARE(readB.json().value(QStringLiteral("clientCaseId")).toString(), clientCaseId);
    QCOMPARE(b->send("GET", QStringLiteral("/api/v1/cases/%1").arg(caseA)).status, 404);
    // AND the repeat of A's exact body from B never answers with A's case
    QCOMPARE(createdA2.status, 201);
    QVERIFY(probedByB.status != 200 && probedByB.status != 201);
    QVERIFY(!probedByB.body.contains(
        createdA2.json().value(QStringLiteral("caseId")).toString().toUtf8()));
    // AND A's own repeat still answers A's case
    const Reply repeatA = a->postJson(QStringLiteral("/api/v1/cases"), bodyA);
    QCOMPARE(repeatA.status, 200);
    QCOMPARE(repeatA.json().value(QStringLiteral("caseId")).toString(), caseA);
}

void TestHubAttacker::anIdempotencyKeyDoesNotCrossWindows()
{
    // GIVEN a clerk who works at two windows of her hall, signed in at the first, whose case
    // (no pages) was created with Idempotency-Key K
    Hub::AccountService &accounts = m_platform->hub->accounts();
    QVERIFY(
        accounts
            .addWindow(ReliefWindow, QStringLiteral("新华区政务服务中心4号通办窗口"),
                QStringLiteral("application"), QStringLiteral("410402"), QStringLiteral("新华区"))
            .ok());
    QVERIFY(accounts
                .addAccount(ClerkA, QStringLiteral("王丽"), QStringLiteral("application"),
                    QStringLiteral("410402"), Password, { WindowA, ReliefWindow })
                .ok());
    const QByteArray key = "key-of-window-a";
    const QByteArray body
        = QJsonDocument(TestSupport::sampleCaseBody(QStringLiteral("idem-1"), QJsonArray()))
              .toJson(QJsonDocument::Compact);
    auto first = signedIn(ClerkA, WindowA);
    const Reply original = first->send("POST", QStringLiteral("/api/v1/cases"), body,
        { { "Idempotency-Key", key }, { "Content-Type", "application/json" } });
    QCOMPARE(original.status, 201);
    const QString caseAtA = original.json().value(QStringLiteral("caseId")).toString();

    // WHEN another clerk at another window, and then the same clerk at her second window,
    // send the same key and the same request
    auto other = signedIn(ClerkB, WindowB);
    const Reply byOther = other->send("POST", QStringLiteral("/api/v1/cases"), body,
        { { "Idempotency-Key", key }, { "Content-Type", "application/json" } });
    auto relief = signedIn(ClerkA, ReliefWindow);
    const Reply atRelief = relief->send("POST", QStringLiteral("/api/v1/cases"), body,
        { { "Idempotency-Key", key }, { "Content-Type", "application/json" } });

    // THEN neither is a replay of window A's answer: each window got its own case
    for (const Reply *reply : { &byOther, &atRelief }) {
        QVERIFY2(reply->header("Idempotent-Replayed").isEmpty(), reply->body.constData());
        QCOMPARE(reply->status, 201);
        const QString caseId = reply->json().value(QStringLiteral("caseId")).toString();
        QVERIFY(!caseId.isEmpty());
        QVERIFY(caseId != caseAtA);
    }
    // AND at the relief window the key now replays the relief window's answer
    const Reply replay = relief->send("POST", QStringLiteral("/api/v1/cases"), body,
        { { "Idempotency-Key", key }, { "Content-Type", "application/json" } });
    QCOMPARE(replay.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(replay.json().value(QStringLiteral("caseId")).toString(),
        atRelief.json().value(QStringLiteral("caseId")).toString());
}

void TestHubAttacker::everyRouteThatNamesACaseChecksItsOwner()
{
    // GIVEN window A's submitted case with a mailing and a decided result
    auto a = signedIn(ClerkA, WindowA);
    auto b = signedIn(ClerkB, WindowB);
    QStringList pages;
    const QString caseId = createCase(*a, QStringLiteral("owned-1"), {}, &pages);
    QVERIFY(!caseId.isEmpty());
    QCOMPARE(a->send("POST", QStringLiteral("/api/v1/cases/%1/submit").arg(caseId)).status, 200);

    // WHEN window B names that case in every route that takes a case id
    const Reply get = b->send("GET", QStringLiteral("/api/v1/cases/%1").arg(caseId));
    const Reply submit = b->send("POST", QStringLiteral("/api/v1/cases/%1/submit").arg(caseId));
    const Reply mailings = b->send("GET", QStringLiteral("/api/v1/cases/%1/mailings").arg(caseId));
    const Reply mail = b->postJson(QStringLiteral("/api/v1/cases/%1/mailings").arg(caseId),
        QJsonObject { { QStringLiteral("clientMailingId"), QStringLiteral("m-1") },
            { QStringLiteral("carrier"), QStringLiteral("EMS") },
            { QStringLiteral("waybill"), QStringLiteral("1234567890123") },
            { QStringLiteral("sentAt"), QStringLiteral("2026-11-24T10:00:00+08:00") },
            { QStringLiteral("materials"), QJsonArray { QStringLiteral("application") } } });
    const Reply decision
        = b->postJson(QStringLiteral("/api/v1/cases/%1/decision").arg(caseId), QJsonObject {});
    const Reply report = b->postJson(QStringLiteral("/api/v1/guide-reports"),
        QJsonObject { { QStringLiteral("clientReportId"), QStringLiteral("r-1") },
            { QStringLiteral("kind"), QStringLiteral("guide_wrong") },
            { QStringLiteral("itemCode"), QStringLiteral("41040201012001000") },
            { QStringLiteral("caseId"), caseId },
            { QStringLiteral("text"), QStringLiteral("probe") } });
    const Reply reportUnknown = b->postJson(QStringLiteral("/api/v1/guide-reports"),
        QJsonObject { { QStringLiteral("clientReportId"), QStringLiteral("r-2") },
            { QStringLiteral("kind"), QStringLiteral("guide_wrong") },
            { QStringLiteral("itemCode"), QStringLiteral("41040201012001000") },
            { QStringLiteral("caseId"), QStringLiteral("no-such-case") },
            { QStringLiteral("text"), QStringLiteral("probe") } });

    // THEN each is refused as if the case did not exist (or not B's to act on)
    QCOMPARE(get.status, 404);
    QCOMPARE(submit.status, 404);
    QCOMPARE(mailings.status, 404);
    QCOMPARE(mail.status, 404);
    QCOMPARE(decision.status, 403); // only a department decides, and only its jurisdiction's
    QCOMPARE(report.status, reportUnknown.status);
    QCOMPARE(report.errorCode(), reportUnknown.errorCode());
    QCOMPARE(
        report.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("detail")),
        reportUnknown.json()
            .value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("detail")));
    QCOMPARE(report.status, 422);
    // (the same report from the case's own window is accepted: the body itself is valid)
    const Reply ownReport = a->postJson(QStringLiteral("/api/v1/guide-reports"),
        QJsonObject { { QStringLiteral("clientReportId"), QStringLiteral("r-1") },
            { QStringLiteral("kind"), QStringLiteral("guide_wrong") },
            { QStringLiteral("itemCode"), QStringLiteral("41040201012001000") },
            { QStringLiteral("caseId"), caseId },
            { QStringLiteral("text"), QStringLiteral("probe") } });
    QCOMPARE(ownReport.status, 201);
    // AND B's result list holds nothing of A's
    const Reply results = b->send("GET", QStringLiteral("/api/v1/results"));
    QCOMPARE(results.status, 200);
    QVERIFY(!results.body.contains(caseId.toUtf8()));
}

void TestHubAttacker::openUploadsOfAWindowAreCapped()
{
    // GIVEN window A's case of three 100 KiB pages and a window quota of 256 KiB
    auto a = signedIn(ClerkA, WindowA);
    auto b = signedIn(ClerkB, WindowB);
    const QList<QByteArray> files { HubTestClient::randomFile(PageBytes, 'x'),
        HubTestClient::randomFile(PageBytes, 'y'), HubTestClient::randomFile(PageBytes, 'z') };
    QStringList pages;
    const QString caseId = createCase(*a, QStringLiteral("quota-1"), files, &pages);
    QVERIFY(!caseId.isEmpty());

    // WHEN A opens uploads for all three pages without finishing any
    const QString first = startUpload(*a, caseId, pages.at(0), files.at(0));
    QVERIFY(!startUpload(*a, caseId, pages.at(1), files.at(1)).isEmpty());
    const Reply third = a->createUpload(caseId, pages.at(2), files.at(2));

    // THEN the third would pass the quota: 413 quota_exceeded, nothing created
    QCOMPARE(third.status, 413);
    QCOMPARE(third.errorCode(), QStringLiteral("quota_exceeded"));
    QVERIFY(third.header("Location").isEmpty());
    QCOMPARE(QDir(m_platform->dir->path() + QStringLiteral("/files/uploads"))
                 .entryList(QDir::Files)
                 .size(),
        2);

    // AND another window's quota is its own
    QStringList pagesB;
    const QList<QByteArray> filesB { HubTestClient::randomFile(PageBytes, 'b') };
    const QString caseB = createCase(*b, QStringLiteral("quota-b"), filesB, &pagesB);
    QVERIFY(!startUpload(*b, caseB, pagesB.at(0), filesB.at(0)).isEmpty());

    // AND once A finishes one upload, the third fits
    QCOMPARE(a->patch(first, 0, files.at(0)).status, 204);
    QCOMPARE(a->createUpload(caseId, pages.at(2), files.at(2)).status, 201);

    // AND a file above the per-file maximum is refused at creation whatever the quota
    const Reply huge = a->send("POST", QStringLiteral("/api/v1/uploads"), {},
        { { "Tus-Resumable", "1.0.0" }, { "Upload-Length", QByteArray::number(qint64(1) << 37) },
            { "Upload-Metadata",
                HubTestClient::tusMetadata({ { QStringLiteral("caseId"), caseId.toUtf8() },
                    { QStringLiteral("clientPageId"), pages.at(2).toUtf8() },
                    { QStringLiteral("sha256"), QByteArray(64, 'a') },
                    { QStringLiteral("mediaType"), QByteArrayLiteral("image/jpeg") } }) } });
    QCOMPARE(huge.status, 413);
    QCOMPARE(huge.errorCode(), QStringLiteral("body_too_large"));
}

void TestHubAttacker::anExpiredPartialFileIsDeleted()
{
    // GIVEN window A's upload, half sent, its partial file on disk
    auto a = signedIn(ClerkA, WindowA);
    const QByteArray file = HubTestClient::randomFile(PageBytes, 'e');
    QStringList pages;
    const QString caseId = createCase(*a, QStringLiteral("expiry-1"), { file }, &pages);
    const QString location = startUpload(*a, caseId, pages.at(0), file);
    QCOMPARE(a->patch(location, 0, file.left(PageBytes / 2)).status, 204);
    const QString partial = uploadFile(location);
    QVERIFY(QFile::exists(partial));

    // WHEN its 24 hours pass without another byte (nobody asks for it again)
    m_platform->clock->advanceSecs(25 * 60 * 60);

    // THEN the hub deletes the partial file by itself, and the upload answers 410
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(partial), 5000);
    a = signedIn(ClerkA, WindowA); // a new working day, a new session
    QCOMPARE(a->head(location).status, 410);
    QCOMPARE(a->patch(location, PageBytes / 2, file.mid(PageBytes / 2)).status, 410);
    // AND the page can be uploaded afresh
    const Reply again = a->createUpload(caseId, pages.at(0), file);
    QCOMPARE(again.status, 201);
    QVERIFY(QString::fromLatin1(again.header("Location")) != location);
}

void TestHubAttacker::every401SaysBearer()
{
    // GIVEN no token, a made-up token, a wrong password and a signed-out token
    HubTestClient anonymous(m_base);
    HubTestClient forged(m_base);
    forged.token = "forged-token";
    auto signedOut = signedIn(ClerkA, WindowA);
    QCOMPARE(signedOut->send("DELETE", QStringLiteral("/api/v1/session")).status, 204);

    // WHEN each asks the hub
    const QList<Reply> replies { anonymous.send("GET", QStringLiteral("/api/v1/me")),
        anonymous.head(QStringLiteral("/api/v1/uploads/0123")),
        forged.send("GET", QStringLiteral("/api/v1/results")),
        anonymous.postJson(QStringLiteral("/api/v1/session"),
            QJsonObject { { QStringLiteral("account"), ClerkA },
                { QStringLiteral("password"), QStringLiteral("wrong") } }),
        signedOut->send("GET", QStringLiteral("/api/v1/me")) };

    // THEN every 401 says how to authenticate (RFC 6750)
    for (const Reply &reply : replies) {
        QCOMPARE(reply.status, 401);
        QVERIFY2(reply.header("WWW-Authenticate").startsWith("Bearer"), reply.body.constData());
    }
    QVERIFY(replies.at(2).header("WWW-Authenticate").contains("error=\"invalid_token\""));
}

void TestHubAttacker::tlsRefusesCbcAndStaticRsaSuites_data()
{
    QTest::addColumn<QString>("cipher");
    QTest::addColumn<int>("protocol");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("TLS 1.2 ECDHE CBC SHA-1")
        << QStringLiteral("ECDHE-RSA-AES128-SHA") << int(QSsl::TlsV1_2) << false;
    QTest::newRow("TLS 1.2 ECDHE CBC SHA-384")
        << QStringLiteral("ECDHE-RSA-AES256-SHA384") << int(QSsl::TlsV1_2) << false;
    QTest::newRow("TLS 1.2 static RSA GCM")
        << QStringLiteral("AES128-GCM-SHA256") << int(QSsl::TlsV1_2) << false;
    QTest::newRow("TLS 1.2 static RSA CBC SHA-1")
        << QStringLiteral("AES256-SHA") << int(QSsl::TlsV1_2) << false;
    QTest::newRow("TLS 1.2 DHE GCM (no ECDHE)")
        << QStringLiteral("DHE-RSA-AES128-GCM-SHA256") << int(QSsl::TlsV1_2) << false;
    QTest::newRow("TLS 1.2 ECDHE AES-GCM")
        << QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256") << int(QSsl::TlsV1_2) << true;
    QTest::newRow("TLS 1.2 ECDHE ChaCha20")
        << QStringLiteral("ECDHE-RSA-CHACHA20-POLY1305") << int(QSsl::TlsV1_2) << true;
    QTest::newRow("TLS 1.3") << QString() << int(QSsl::TlsV1_3) << true;
}

void TestHubAttacker::tlsRefusesCbcAndStaticRsaSuites()
{
    QFETCH(QString, cipher);
    QFETCH(int, protocol);
    QFETCH(bool, accepted);
    // GIVEN the hub on TLS with the test certificate (CA tests/unit/platform/data/ca.pem)
    const auto port = m_platform->hub->listen(
        QHostAddress::LocalHost, 0, dataFile("server.pem"), dataFile("server.key"));
    QVERIFY2(port.ok(), port ? "" : qPrintable(port.error().toString()));

    // WHEN a client offers only one suite (or TLS 1.3 only)
    QSslSocket socket;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::SslProtocol(protocol));
    if (!cipher.isEmpty()) {
        const QSslCipher offered(cipher);
        if (offered.isNull())
            QSKIP("this OpenSSL does not offer the suite to a client");
        configuration.setCiphers({ offered });
    }
    configuration.setCaCertificates(QSslCertificate::fromPath(dataFile("ca.pem")));
    socket.setSslConfiguration(configuration);
    bool failed = false;
    connect(&socket, &QSslSocket::errorOccurred, &socket, [&] { failed = true; });
    connect(&socket, &QSslSocket::sslErrors, &socket, [&] { failed = true; });
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), *port);
    QTRY_VERIFY_WITH_TIMEOUT(socket.isEncrypted() || failed, 10000);

    // THEN only AEAD suites with ECDHE (and TLS 1.3) complete the handshake
    QCOMPARE(socket.isEncrypted(), accepted);
    if (accepted && !cipher.isEmpty())
        QCOMPARE(socket.sessionCipher().name(), cipher);
    if (accepted && cipher.isEmpty())
        QCOMPARE(socket.sessionProtocol(), QSsl::TlsV1_3);
}

QTEST_GUILESS_MAIN(TestHubAttacker)
#include "tst_hubattacker.moc"
