// tongban-hub in-process over real HTTP on 127.0.0.1: sessions, catalogue,
// cases, tus uploads, results and events. Time is a ManualClock.

#include "HubTestClient.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <DemoSeed.h>
#include <Hub.h>
#include <cases/CaseService.h>

using namespace Tongban;

namespace {
const QString Clerk = QStringLiteral("xh-tb-03-wangli");
const QString Window = QStringLiteral("410402-tb-03");
const QString Password = QString::fromUtf8(Hub::DemoPassword);
} // namespace

class TestHub : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void loginSucceeds();
    void wrongPasswordIsRejected();
    void fiveFailuresLockTheAccount();
    void accessTokenExpiresAndRefreshRotates();
    void logoutRevokesBothTokens();
    void catalogueAnswers304ForTheSameEtag();
    void caseCreationIsIdempotent();
    void tusHappyPathThenSubmitIssuesOneNumber();
    void tusOffsetMismatchIs409();
    void tusChecksumMismatchIs460();
    void tusResumeAfterHead();
    void tusTerminationAndExpiration();
    void tusRequiresTusResumable();
    void submitWithMissingPageIs409();
    void decisionIsPushedAndCatchUpIsExactlyOnce();
    void tusCreationWithUploadWritesTheFirstChunk();

private:
    QString createCase(const QList<QByteArray> &files, QStringList *pageIds);
    QString uploadWhole(const QString &caseId, const QString &pageId, const QByteArray &file);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<Hub::Hub> m_hub;
    std::unique_ptr<HubTestClient> m_client;
    QString m_base;
};

void TestHub::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<Core::ManualClock>(QDateTime(
        QDate(2026, 11, 24), QTime(9, 30), QTimeZone(QByteArrayLiteral("Asia/Shanghai"))));
    Hub::HubConfig config;
    config.dataDir = m_dir->path();
    config.pbkdf2Iterations = 1000;
    config.clock = m_clock.get();
    config.eventPollMs = 50;
    auto hub = Hub::Hub::create(config);
    QVERIFY2(hub.ok(), hub ? "" : qPrintable(hub.error().toString()));
    m_hub = std::move(*hub);
    const Core::Status seeded = Hub::seedDemo(*m_hub);
    QVERIFY(seeded.ok());
    const auto port = m_hub->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port.ok());
    m_base = QStringLiteral("http://127.0.0.1:%1").arg(*port);
    m_client = std::make_unique<HubTestClient>(m_base);
}

void TestHub::cleanup()
{
    m_client.reset();
    m_hub.reset();
    m_dir.reset();
}

QString TestHub::createCase(const QList<QByteArray> &files, QStringList *pageIds)
{
    const Reply reply = m_client->postJson(QStringLiteral("/api/v1/cases"),
        HubTestClient::caseBody(
            QUuid::createUuid().toString(QUuid::WithoutBraces), files, pageIds));
    if (reply.status != 201)
        qWarning() << reply.status << reply.body;
    return reply.json().value(QStringLiteral("caseId")).toString();
}

QString TestHub::uploadWhole(const QString &caseId, const QString &pageId, const QByteArray &file)
{
    const Reply created = m_client->createUpload(caseId, pageId, file);
    const QString location = QString::fromLatin1(created.header("Location"));
    const Reply patched = m_client->patch(location, 0, file);
    return patched.status == 204 ? location : QString();
}

void TestHub::loginSucceeds()
{
    // GIVEN a demo clerk at her window
    // WHEN she signs in with the right password
    const Reply reply = m_client->login(Clerk, Password, Window);
    // THEN she gets both tokens, their lifetimes and her clerk record
    QCOMPARE(reply.status, 200);
    const QJsonObject body = reply.json();
    QVERIFY(!body.value(QStringLiteral("accessToken")).toString().isEmpty());
    QVERIFY(!body.value(QStringLiteral("refreshToken")).toString().isEmpty());
    QCOMPARE(body.value(QStringLiteral("expiresIn")).toInt(), 900);
    QCOMPARE(body.value(QStringLiteral("refreshExpiresIn")).toInt(), 43200);
    const QJsonObject clerk = body.value(QStringLiteral("clerk")).toObject();
    QCOMPARE(clerk.value(QStringLiteral("role")).toString(), QStringLiteral("application"));
    QCOMPARE(clerk.value(QStringLiteral("window"))
                 .toObject()
                 .value(QStringLiteral("jurisdiction"))
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
        QStringLiteral("410402"));
    QCOMPARE(m_client->send("GET", QStringLiteral("/api/v1/me")).status, 200);
    // AND a window she is not assigned to is refused
    QCOMPARE(m_client->login(Clerk, Password, QStringLiteral("410403-tb-01")).errorCode(),
        QStringLiteral("window_mismatch"));
}

void TestHub::wrongPasswordIsRejected()
{
    // GIVEN a clerk WHEN the password is wrong, or the account unknown
    const Reply wrong = m_client->login(Clerk, QStringLiteral("nope"), Window);
    const Reply unknown = m_client->login(QStringLiteral("nobody"), Password, Window);
    // THEN both get the same 401 invalid_credentials with the error body of §1
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.errorCode(), QStringLiteral("invalid_credentials"));
    QVERIFY(!wrong.json()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("message"))
                 .toString()
                 .isEmpty());
    QCOMPARE(unknown.status, 401);
    QCOMPARE(unknown.errorCode(), QStringLiteral("invalid_credentials"));
}

void TestHub::fiveFailuresLockTheAccount()
{
    // GIVEN five wrong passwords in a row
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_client->login(Clerk, QStringLiteral("wrong"), Window).status, 401);
    // WHEN the right password follows
    const Reply locked = m_client->login(Clerk, Password, Window);
    // THEN the account is locked for 15 minutes, and the detail says until when
    QCOMPARE(locked.status, 423);
    QCOMPARE(locked.errorCode(), QStringLiteral("account_locked"));
    const QDateTime until = QDateTime::fromString(locked.json()
                                                      .value(QStringLiteral("error"))
                                                      .toObject()
                                                      .value(QStringLiteral("detail"))
                                                      .toString(),
        Qt::ISODate);
    QCOMPARE(until, m_clock->now().addSecs(15 * 60));
    // WHEN 14 minutes pass THEN still locked; after 15 it opens again
    m_clock->advanceSecs(14 * 60);
    QCOMPARE(m_client->login(Clerk, Password, Window).status, 423);
    m_clock->advanceSecs(61);
    QCOMPARE(m_client->login(Clerk, Password, Window).status, 200);
}

void TestHub::accessTokenExpiresAndRefreshRotates()
{
    // GIVEN a signed-in clerk
    const Reply login = m_client->login(Clerk, Password, Window);
    const QString refresh = login.json().value(QStringLiteral("refreshToken")).toString();
    // WHEN 15 minutes pass
    m_clock->advanceSecs(15 * 60 + 1);
    // THEN the access token is expired
    const Reply expired = m_client->send("GET", QStringLiteral("/api/v1/me"));
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.errorCode(), QStringLiteral("token_expired"));
    // WHEN she refreshes THEN a new pair works and the old refresh token no longer does
    const Reply renewed = m_client->postJson(QStringLiteral("/api/v1/session/refresh"),
        QJsonObject { { QStringLiteral("refreshToken"), refresh } });
    QCOMPARE(renewed.status, 200);
    m_client->token = renewed.json().value(QStringLiteral("accessToken")).toString().toLatin1();
    QCOMPARE(m_client->send("GET", QStringLiteral("/api/v1/me")).status, 200);
    const Reply reused = m_client->postJson(QStringLiteral("/api/v1/session/refresh"),
        QJsonObject { { QStringLiteral("refreshToken"), refresh } });
    QCOMPARE(reused.errorCode(), QStringLiteral("token_invalid"));
    // AND after 12 hours the refresh token itself expires
    const QString second = renewed.json().value(QStringLiteral("refreshToken")).toString();
    m_clock->advanceSecs(12 * 3600 + 1);
    QCOMPARE(m_client
                 ->postJson(QStringLiteral("/api/v1/session/refresh"),
                     QJsonObject { { QStringLiteral("refreshToken"), second } })
                 .errorCode(),
        QStringLiteral("token_expired"));
}

void TestHub::logoutRevokesBothTokens()
{
    const Reply login = m_client->login(Clerk, Password, Window);
    const QString refresh = login.json().value(QStringLiteral("refreshToken")).toString();
    // WHEN the clerk signs out
    QCOMPARE(m_client->send("DELETE", QStringLiteral("/api/v1/session")).status, 204);
    // THEN neither token works any more
    QCOMPARE(m_client->send("GET", QStringLiteral("/api/v1/me")).errorCode(),
        QStringLiteral("token_invalid"));
    QCOMPARE(m_client
                 ->postJson(QStringLiteral("/api/v1/session/refresh"),
                     QJsonObject { { QStringLiteral("refreshToken"), refresh } })
                 .status,
        401);
}

void TestHub::catalogueAnswers304ForTheSameEtag()
{
    m_client->login(Clerk, Password, Window);
    // GIVEN the catalogue fetched once
    const Reply first = m_client->send("GET", QStringLiteral("/api/v1/catalog"));
    QCOMPARE(first.status, 200);
    const QByteArray etag = first.header("ETag");
    QCOMPARE(etag,
        QByteArray(
            '"' + QCryptographicHash::hash(first.body, QCryptographicHash::Sha256).toHex() + '"'));
    // WHEN asked again with If-None-Match THEN 304 and no body
    const Reply second = m_client->send(
        "GET", QStringLiteral("/api/v1/catalog"), {}, { { "If-None-Match", etag } });
    QCOMPARE(second.status, 304);
    QVERIFY(second.body.isEmpty());
    // AND the calendar and a sample file are served too
    QCOMPARE(m_client->send("GET", QStringLiteral("/api/v1/calendar")).status, 200);
    QCOMPARE(
        m_client->send("GET", QStringLiteral("/api/v1/catalog/files/samples/id-card.svg")).status,
        200);
    QCOMPARE(m_client->send("GET", QStringLiteral("/api/v1/catalog/files/../hub.db")).status, 404);
}

void TestHub::caseCreationIsIdempotent()
{
    m_client->login(Clerk, Password, Window);
    QStringList pageIds;
    const QJsonObject body = HubTestClient::caseBody(
        QStringLiteral("case-1"), { HubTestClient::randomFile(1000, 1) }, &pageIds);
    // WHEN the same case is transmitted twice
    const Reply first = m_client->postJson(QStringLiteral("/api/v1/cases"), body);
    const Reply again = m_client->postJson(QStringLiteral("/api/v1/cases"), body);
    // THEN one case: 201 then 200 with the same id, awaiting its page
    QCOMPARE(first.status, 201);
    QCOMPARE(again.status, 200);
    QCOMPARE(
        again.json().value(QStringLiteral("caseId")), first.json().value(QStringLiteral("caseId")));
    QCOMPARE(
        first.json().value(QStringLiteral("status")).toString(), QStringLiteral("awaiting_files"));
    QCOMPARE(first.json().value(QStringLiteral("missingPages")).toArray().first().toString(),
        pageIds.first());
    // WHEN the same clientCaseId comes with another body THEN 409 idempotency_conflict
    QJsonObject other = body;
    other.insert(QStringLiteral("itemCode"), QStringLiteral("41040301012001000"));
    QCOMPARE(m_client->postJson(QStringLiteral("/api/v1/cases"), other).errorCode(),
        QStringLiteral("idempotency_conflict"));
    // AND an unknown item or a malformed case is refused
    QJsonObject unknown = HubTestClient::caseBody(QStringLiteral("case-2"), {}, &pageIds);
    unknown.insert(QStringLiteral("itemCode"), QStringLiteral("999"));
    QCOMPARE(m_client->postJson(QStringLiteral("/api/v1/cases"), unknown).errorCode(),
        QStringLiteral("unknown_item"));
    QCOMPARE(m_client->postJson(QStringLiteral("/api/v1/cases"), QJsonObject {}).status, 422);
    QCOMPARE(m_client->send("POST", QStringLiteral("/api/v1/cases"), "{not json").errorCode(),
        QStringLiteral("bad_request"));
    QCOMPARE(
        m_client->send("POST", QStringLiteral("/api/v1/cases"), QByteArray(1024 * 1024 + 10, ' '))
            .status,
        413);
}

void TestHub::tusHappyPathThenSubmitIssuesOneNumber()
{
    m_client->login(Clerk, Password, Window);
    const QByteArray file = HubTestClient::randomFile(300000, 7);
    QStringList pageIds;
    const QString caseId = createCase({ file }, &pageIds);
    QVERIFY(!caseId.isEmpty());
    // GIVEN an upload created for the page
    const Reply created = m_client->createUpload(caseId, pageIds.first(), file);
    QCOMPARE(created.status, 201);
    QCOMPARE(created.header("Tus-Resumable"), QByteArray("1.0.0"));
    QVERIFY(!created.header("Upload-Expires").isEmpty());
    const QString location = QString::fromLatin1(created.header("Location"));
    QVERIFY(location.startsWith(QLatin1String("/api/v1/uploads/")));
    // AND a retried creation gives the same upload
    const Reply retried = m_client->createUpload(caseId, pageIds.first(), file);
    QCOMPARE(retried.status, 200);
    QCOMPARE(QString::fromLatin1(retried.header("Location")), location);
    // WHEN it is sent in two chunks with checksums
    Reply patched = m_client->patch(location, 0, file.left(100000));
    QCOMPARE(patched.status, 204);
    QCOMPARE(patched.header("Upload-Offset"), QByteArray("100000"));
    QCOMPARE(m_client->head(location).header("Upload-Offset"), QByteArray("100000"));
    patched = m_client->patch(location, 100000, file.mid(100000));
    QCOMPARE(patched.status, 204);
    QCOMPARE(patched.header("Upload-Offset"), QByteArray("300000"));
    // THEN the case shows the page received, and submit issues the official number
    const Reply state = m_client->send("GET", QString(QStringLiteral("/api/v1/cases/") + caseId));
    QVERIFY(state.json()
                .value(QStringLiteral("pages"))
                .toArray()
                .first()
                .toObject()
                .value(QStringLiteral("received"))
                .toBool());
    const Reply submitted = m_client->send(
        "POST", QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/submit")));
    QCOMPARE(submitted.status, 200);
    const QString number = submitted.json().value(QStringLiteral("caseNumber")).toString();
    QCOMPARE(number, QStringLiteral("410402-20261124-000001"));
    // AND submitting again returns the same number
    const Reply again = m_client->send(
        "POST", QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/submit")));
    QCOMPARE(again.json().value(QStringLiteral("caseNumber")).toString(), number);
    // AND the next case of the day gets the next sequence
    QStringList otherPages;
    const QByteArray other = HubTestClient::randomFile(500, 9);
    const QString second = createCase({ other }, &otherPages);
    QVERIFY(!uploadWhole(second, otherPages.first(), other).isEmpty());
    QCOMPARE(m_client
                 ->send("POST",
                     QString(QStringLiteral("/api/v1/cases/") + second + QStringLiteral("/submit")))
                 .json()
                 .value(QStringLiteral("caseNumber"))
                 .toString(),
        QStringLiteral("410402-20261124-000002"));
}

void TestHub::tusOffsetMismatchIs409()
{
    m_client->login(Clerk, Password, Window);
    const QByteArray file = HubTestClient::randomFile(2000, 3);
    QStringList pageIds;
    const QString caseId = createCase({ file }, &pageIds);
    const QString location = QString::fromLatin1(
        m_client->createUpload(caseId, pageIds.first(), file).header("Location"));
    QCOMPARE(m_client->patch(location, 0, file.left(1000)).status, 204);
    // WHEN a chunk claims a wrong offset (a duplicated range)
    const Reply mismatch = m_client->patch(location, 500, file.mid(500, 1000));
    // THEN 409 offset_mismatch and nothing is written
    QCOMPARE(mismatch.status, 409);
    QCOMPARE(mismatch.errorCode(), QStringLiteral("offset_mismatch"));
    QCOMPARE(m_client->head(location).header("Upload-Offset"), QByteArray("1000"));
}

void TestHub::tusChecksumMismatchIs460()
{
    m_client->login(Clerk, Password, Window);
    const QByteArray file = HubTestClient::randomFile(2000, 4);
    QStringList pageIds;
    const QString caseId = createCase({ file }, &pageIds);
    const QString location = QString::fromLatin1(
        m_client->createUpload(caseId, pageIds.first(), file).header("Location"));
    // WHEN a chunk arrives with the checksum of other bytes
    const QByteArray wrongSum
        = QCryptographicHash::hash("other", QCryptographicHash::Sha256).toBase64();
    const Reply reply = m_client->patch(location, 0, file.left(1000), wrongSum);
    // THEN 460 checksum_mismatch and the chunk is discarded
    QCOMPARE(reply.status, 460);
    QCOMPARE(reply.errorCode(), QStringLiteral("checksum_mismatch"));
    QCOMPARE(m_client->head(location).header("Upload-Offset"), QByteArray("0"));
    // AND a file whose whole hash differs from the declaration fails on its last byte
    QByteArray corrupted = file;
    corrupted[1999] = char(corrupted[1999] ^ 0x55);
    QCOMPARE(m_client->patch(location, 0, corrupted).status, 460);
    const Reply head = m_client->head(location);
    QCOMPARE(head.status, 460);
    QVERIFY(!head.header("X-Tongban-Error").isEmpty());
    // AND re-creating the upload starts afresh
    const Reply recreated = m_client->createUpload(caseId, pageIds.first(), file);
    QCOMPARE(recreated.status, 201);
    QVERIFY(QString::fromLatin1(recreated.header("Location")) != location);
}

void TestHub::tusResumeAfterHead()
{
    m_client->login(Clerk, Password, Window);
    const QByteArray file = HubTestClient::randomFile(50000, 5);
    QStringList pageIds;
    const QString caseId = createCase({ file }, &pageIds);
    const QString location = QString::fromLatin1(
        m_client->createUpload(caseId, pageIds.first(), file).header("Location"));
    QCOMPARE(m_client->patch(location, 0, file.left(20000)).status, 204);
    // GIVEN a client that lost track of its progress
    // WHEN it asks with HEAD and resumes from the server's offset
    const Reply head = m_client->head(location);
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("Cache-Control"), QByteArray("no-store"));
    QCOMPARE(head.header("Upload-Length"), QByteArray("50000"));
    const qint64 offset = head.header("Upload-Offset").toLongLong();
    QCOMPARE(m_client->patch(location, offset, file.mid(offset)).status, 204);
    // THEN the page is complete and the case submits
    QCOMPARE(m_client
                 ->send("POST",
                     QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/submit")))
                 .status,
        200);
}

void TestHub::tusTerminationAndExpiration()
{
    m_client->login(Clerk, Password, Window);
    const QByteArray file = HubTestClient::randomFile(3000, 6);
    QStringList pageIds;
    const QString caseId = createCase({ file, HubTestClient::randomFile(10, 1) }, &pageIds);
    // GIVEN a partial upload WHEN it is terminated THEN it is gone
    const QString location = QString::fromLatin1(
        m_client->createUpload(caseId, pageIds.first(), file).header("Location"));
    QCOMPARE(m_client->patch(location, 0, file.left(100)).status, 204);
    QCOMPARE(m_client->send("DELETE", location, {}, { { "Tus-Resumable", "1.0.0" } }).status, 204);
    QCOMPARE(m_client->head(location).status, 404);
    // GIVEN a new partial upload WHEN 24 hours pass THEN it has expired
    const QString second = QString::fromLatin1(
        m_client->createUpload(caseId, pageIds.first(), file).header("Location"));
    QCOMPARE(m_client->patch(second, 0, file.left(100)).status, 204);
    m_clock->advanceSecs(24 * 3600);
    m_client->login(Clerk, Password, Window);
    QCOMPARE(m_client->head(second).status, 410);
    const Reply late = m_client->patch(second, 100, file.mid(100));
    QCOMPARE(late.status, 410);
    QCOMPARE(late.errorCode(), QStringLiteral("upload_expired"));
    // AND a new creation for the page starts a new upload
    QCOMPARE(m_client->createUpload(caseId, pageIds.first(), file).status, 201);
}

void TestHub::tusRequiresTusResumable()
{
    m_client->login(Clerk, Password, Window);
    const Reply options = m_client->send("OPTIONS", QStringLiteral("/api/v1/uploads"));
    QCOMPARE(options.status, 204);
    QCOMPARE(options.header("Tus-Extension"),
        QByteArray("creation,creation-with-upload,checksum,termination,expiration"));
    const Reply missing = m_client->send(
        "POST", QStringLiteral("/api/v1/uploads"), {}, { { "Upload-Length", "10" } });
    QCOMPARE(missing.status, 412);
    QCOMPARE(missing.errorCode(), QStringLiteral("tus_version"));
}

void TestHub::submitWithMissingPageIs409()
{
    m_client->login(Clerk, Password, Window);
    const QByteArray a = HubTestClient::randomFile(4000, 1);
    const QByteArray b = HubTestClient::randomFile(5000, 2);
    QStringList pageIds;
    const QString caseId = createCase({ a, b }, &pageIds);
    QVERIFY(!uploadWhole(caseId, pageIds.at(0), a).isEmpty());
    // WHEN submitted with one page still missing
    const Reply early = m_client->send(
        "POST", QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/submit")));
    // THEN 409 pages_missing naming the page, and no number
    QCOMPARE(early.status, 409);
    QCOMPARE(early.errorCode(), QStringLiteral("pages_missing"));
    QCOMPARE(early.json()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("detail"))
                 .toString(),
        pageIds.at(1));
    // WHEN the last page arrives THEN submit issues a well-formed number
    QVERIFY(!uploadWhole(caseId, pageIds.at(1), b).isEmpty());
    const Reply done = m_client->send(
        "POST", QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/submit")));
    QCOMPARE(done.status, 200);
    QVERIFY(QRegularExpression(QStringLiteral("^410402-\\d{8}-\\d{6}$"))
                .match(done.json().value(QStringLiteral("caseNumber")).toString())
                .hasMatch());
    QCOMPARE(done.json().value(QStringLiteral("status")).toString(), QStringLiteral("submitted"));
}

void TestHub::decisionIsPushedAndCatchUpIsExactlyOnce()
{
    const auto submittedCase = [this]() {
        const QByteArray file = HubTestClient::randomFile(1000, 8);
        QStringList pageIds;
        const QString caseId = createCase({ file }, &pageIds);
        uploadWhole(caseId, pageIds.first(), file);
        m_client->send(
            "POST", QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/submit")));
        return caseId;
    };
    m_client->login(Clerk, Password, Window);
    const QByteArray appToken = m_client->token;
    const QString first = submittedCase();
    const QString second = submittedCase();

    // GIVEN the application window connected to the events WebSocket
    QWebSocket socket;
    QList<QJsonObject> received;
    connect(&socket, &QWebSocket::textMessageReceived, this, [&](const QString &text) {
        received.append(QJsonDocument::fromJson(text.toUtf8()).object());
    });
    const auto hello = [&](qint64 after) {
        socket.open(
            QUrl(QString(QString(m_base).replace(QLatin1String("http:"), QLatin1String("ws:"))
                + QStringLiteral("/api/v1/events"))));
        QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
        socket.sendTextMessage(QString::fromUtf8(QJsonDocument(
            QJsonObject { { QStringLiteral("type"), QStringLiteral("hello") },
                { QStringLiteral("token"), QString::fromLatin1(appToken) },
                { QStringLiteral("after"), after } }).toJson()));
    };
    hello(0);
    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received.first().value(QStringLiteral("type")).toString(), QStringLiteral("welcome"));

    // WHEN the home department accepts the first case over HTTP
    HubTestClient department(m_base);
    QCOMPARE(department.login(QStringLiteral("xh-scjg-chenjing"), Password).status, 200);
    const QByteArray pdf = QByteArrayLiteral("%PDF-1.4\n% notice\n%%EOF\n");
    const Reply decided = department.postJson(
        QString(QStringLiteral("/api/v1/cases/") + first + QStringLiteral("/decision")),
        QJsonObject { { QStringLiteral("decision"), QStringLiteral("accepted") },
            { QStringLiteral("reasons"), QStringLiteral("材料齐全") },
            { QStringLiteral("document"), QString::fromLatin1(pdf.toBase64()) } });
    QCOMPARE(decided.status, 201);
    const QString resultId = decided.json().value(QStringLiteral("resultId")).toString();
    // THEN result.issued reaches the window
    QTRY_COMPARE(received.size(), 2);
    const QJsonObject event = received.at(1);
    QCOMPARE(event.value(QStringLiteral("type")).toString(), QStringLiteral("result.issued"));
    QCOMPARE(
        event.value(QStringLiteral("data")).toObject().value(QStringLiteral("resultId")).toString(),
        resultId);
    const qint64 seen = qint64(event.value(QStringLiteral("id")).toDouble());
    // AND the result and its PDF can be fetched
    const Reply results = m_client->send("GET", QStringLiteral("/api/v1/results"));
    QCOMPARE(results.json().value(QStringLiteral("results")).toArray().size(), 1);
    QCOMPARE(m_client
                 ->send("GET",
                     QString(QStringLiteral("/api/v1/results/") + resultId
                         + QStringLiteral("/document")))
                 .body,
        pdf);

    // WHEN the window is offline while the second case is rejected (as the decide command does)
    socket.close();
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    const auto outcome = m_hub->cases().decide(second, QStringLiteral("rejected"),
        QStringLiteral("不符合条件"), pdf, QStringLiteral("xh-scjg-chenjing"));
    QVERIFY(outcome.ok());
    // THEN reconnecting with the last id seen delivers the missed event exactly once
    received.clear();
    hello(seen);
    QTRY_COMPARE(received.size(), 2);
    QTest::qWait(500); // a poll or two: nothing more may arrive
    QCOMPARE(received.size(), 2);
    QCOMPARE(received.at(1)
                 .value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("caseId"))
                 .toString(),
        second);
    QVERIFY(qint64(received.at(1).value(QStringLiteral("id")).toDouble()) > seen);
}

void TestHub::tusCreationWithUploadWritesTheFirstChunk()
{
    m_client->login(Clerk, Password, Window);
    const QByteArray file = HubTestClient::randomFile(300000, 11);
    const QByteArray small = HubTestClient::randomFile(5000, 12);
    QStringList pageIds;
    const QString caseId = createCase({ file, small }, &pageIds);
    QVERIFY(!caseId.isEmpty());
    const auto createWith = [&](const QString &pageId, const QByteArray &whole,
                                const QByteArray &chunk, const QByteArray &type,
                                const QByteArray &sum) {
        const QByteArray sha = QCryptographicHash::hash(whole, QCryptographicHash::Sha256).toHex();
        return m_client->send("POST", QStringLiteral("/api/v1/uploads"), chunk,
            { { "Tus-Resumable", "1.0.0" }, { "Content-Type", type },
                { "Upload-Length", QByteArray::number(whole.size()) },
                { "Upload-Checksum", QByteArray("sha256 " + sum) },
                { "Upload-Metadata",
                    HubTestClient::tusMetadata({ { QStringLiteral("caseId"), caseId.toUtf8() },
                        { QStringLiteral("clientPageId"), pageId.toUtf8() },
                        { QStringLiteral("sha256"), sha },
                        { QStringLiteral("mediaType"), QByteArrayLiteral("image/jpeg") } }) } });
    };
    const auto sumOf = [](const QByteArray &bytes) {
        return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toBase64();
    };
    const QByteArray octets = QByteArrayLiteral("application/offset+octet-stream");
    // GIVEN the server announces creation-with-upload
    QVERIFY(m_client->send("OPTIONS", QStringLiteral("/api/v1/uploads"))
                .header("Tus-Extension")
                .split(',')
                .contains(QByteArray("creation-with-upload")));
    // WHEN a creation carries data of another Content-Type THEN 415 and no upload exists
    QCOMPARE(
        createWith(pageIds.first(), file, file.left(1000), "text/plain", sumOf(file.left(1000)))
            .status,
        415);
    // WHEN its first chunk carries a wrong checksum THEN 460, and the upload stays at 0
    const Reply refused
        = createWith(pageIds.first(), file, file.left(100000), octets, sumOf("other"));
    QCOMPARE(refused.status, 460);
    const Reply found = m_client->createUpload(caseId, pageIds.first(), file);
    QCOMPARE(found.status, 200);
    QCOMPARE(found.header("Upload-Offset"), QByteArray("0"));
    const QString location = QString::fromLatin1(found.header("Location"));
    // WHEN a creation for that page carries the first chunk THEN the existing upload answers
    // (200) and its offset is unchanged: the body is ignored, nothing is written twice
    const Reply again
        = createWith(pageIds.first(), file, file.left(100000), octets, sumOf(file.left(100000)));
    QCOMPARE(again.status, 200);
    QCOMPARE(QString::fromLatin1(again.header("Location")), location);
    QCOMPARE(again.header("Upload-Offset"), QByteArray("0"));
    // WHEN the first chunk goes with the creation of a fresh upload (the small page, whole)
    const Reply whole = createWith(pageIds.at(1), small, small, octets, sumOf(small));
    // THEN 201 with the new offset, the full length after the whole-file hash check
    QCOMPARE(whole.status, 201);
    QCOMPARE(whole.header("Upload-Offset"), QByteArray("5000"));
    QCOMPARE(m_client->head(QString::fromLatin1(whole.header("Location"))).header("Upload-Offset"),
        QByteArray("5000"));
    // AND the big page, resumed with PATCH, completes and the case submits
    QCOMPARE(m_client->patch(location, 0, file).status, 204);
    QCOMPARE(m_client
                 ->send("POST",
                     QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/submit")))
                 .status,
        200);
}

QTEST_MAIN(TestHub)
#include "tst_hub.moc"
