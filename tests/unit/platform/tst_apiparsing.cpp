// Pure parsers of the platform's answers: contract shapes and garbage (fuzz-style).
#include <platform/ApiParsing.h>
#include <platform/PlatformErrors.h>

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace Tongban;
using namespace Tongban::Platform;

class TestApiParsing : public QObject
{
    Q_OBJECT

private slots:
    void sessionAnswer()
    {
        // GIVEN the §2 sign-in answer
        const QByteArray body = R"({"accessToken":"a1","refreshToken":"r1","expiresIn":900,
            "refreshExpiresIn":43200,"clerk":{"account":"xh-tb-03-wangli","name":"王丽",
            "role":"application","window":{"id":"410402-tb-03","name":"3号窗口",
            "jurisdiction":{"code":"410402","name":"新华区"}}},"unknownMember":1})";
        // WHEN parsed THEN every member is there and the unknown one is ignored
        const auto session = parseSession(body);
        QVERIFY(session.ok());
        QCOMPARE(session->accessToken, QByteArray("a1"));
        QCOMPARE(session->refreshToken, QByteArray("r1"));
        QCOMPARE(session->expiresInSecs, 900);
        QCOMPARE(session->clerk.window.jurisdiction.code, QStringLiteral("410402"));
        QCOMPARE(session->clerk.name, QStringLiteral("王丽"));
    }

    void errorBodyKeepsMachineCode()
    {
        const QByteArray body
            = R"({"error":{"code":"account_locked","message":"锁定","detail":"2026-11-24T09:45:00+08:00"}})";
        const Core::Error error = errorFromResponse(423, body);
        QCOMPARE(error.code, int(AccountLocked));
        QCOMPARE(machineCode(error), QStringLiteral("account_locked"));
        QCOMPARE(httpStatus(error), 423);
        QVERIFY(error.message.contains(QStringLiteral("2026-11-24 09:45")));
        QVERIFY(error.detail.contains(QStringLiteral("until=2026-11-24T09:45:00+08:00")));
        QVERIFY(!isRetryable(error));
    }

    void httpDates()
    {
        // The form RFC 9110 requires (and tongban-hub sends), in UTC
        QCOMPARE(parseHttpDate("Tue, 24 Nov 2026 06:30:05 GMT"),
            QDateTime(QDate(2026, 11, 24), QTime(6, 30, 5), QTimeZone::utc()));
        QCOMPARE(parseHttpDate(" Sun, 06 Nov 1994 08:49:37 GMT "),
            QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), QTimeZone::utc()));
        // Anything else is no date: obsolete forms, offsets, garbage, an impossible day
        for (const QByteArray &bad :
            { QByteArray("Sunday, 06-Nov-94 08:49:37 GMT"), QByteArray("Sun Nov  6 08:49:37 1994"),
                QByteArray("Tue, 24 Nov 2026 06:30:05 +0800"), QByteArray("2026-11-24T06:30:05Z"),
                QByteArray(), QByteArray("Tue, 31 Feb 2026 06:30:05 GMT"),
                QByteArray("\xff\xfe, 24 Nov 2026 06:30:05 GMT") })
            QVERIFY2(!parseHttpDate(bad).isValid(), bad.constData());
    }

    void errorMapping_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<int>("expected");
        QTest::newRow("credentials")
            << 401 << QByteArray("invalid_credentials") << int(InvalidCredentials);
        QTest::newRow("window") << 403 << QByteArray("window_mismatch") << int(WindowMismatch);
        QTest::newRow("disabled") << 403 << QByteArray("account_disabled") << int(AccountDisabled);
        QTest::newRow("expired") << 401 << QByteArray("token_expired") << int(SessionExpired);
        QTest::newRow("validation")
            << 422 << QByteArray("validation_failed") << int(ValidationFailed);
        QTest::newRow("unavailable") << 503 << QByteArray("unavailable") << int(ServerUnavailable);
        QTest::newRow("conflict") << 409 << QByteArray("pages_missing") << int(Conflict);
        QTest::newRow("garbage 500") << 500 << QByteArray() << int(ServerUnavailable);
        QTest::newRow("garbage 400") << 400 << QByteArray() << int(RequestRejected);
    }
    void errorMapping()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        QFETCH(int, expected);
        const QByteArray body = code.isEmpty()
            ? QByteArray("<html>proxy error</html>")
            : QByteArray(R"({"error":{"code":")" + code + R"(","message":"m","detail":"d"}})");
        const Core::Error error = errorFromResponse(status, body);
        QCOMPARE(error.code, expected);
        QVERIFY(!error.message.isEmpty());
        QCOMPARE(machineCode(error), QString::fromLatin1(code));
        QCOMPARE(isRetryable(error), expected == int(ServerUnavailable));
    }

    void casesAndResults()
    {
        const auto created = parseCaseCreated(
            R"({"caseId":"c1","status":"awaiting_files","missingPages":["p1","p2"]})");
        QVERIFY(created.ok());
        QCOMPARE(
            created->missingPages, QStringList({ QStringLiteral("p1"), QStringLiteral("p2") }));
        QVERIFY(!parseCaseCreated(R"({"caseId":"c1","missingPages":[1]})").ok());
        const auto submitted = parseCaseSubmitted(
            R"({"caseId":"c1","status":"submitted","caseNumber":"410402-20261124-000123"})");
        QVERIFY(submitted.ok());
        QCOMPARE(submitted->caseNumber, QStringLiteral("410402-20261124-000123"));
        QVERIFY(!parseCaseSubmitted(R"({"caseId":"c1","status":"submitted"})").ok());
        const QByteArray sha(64, 'a');
        const auto results
            = parseResults(QByteArray(R"({"results":[{"resultId":"r1","caseId":"c1",)"
                                      R"("decision":"accepted","documentSha256":")"
                + sha + R"(","issuedAt":"2026-11-24T10:00:00+08:00"}]})"));
        QVERIFY(results.ok());
        QCOMPARE(results->size(), 1);
        QVERIFY(results->first().issuedAt.isValid());
    }

    void events()
    {
        auto welcome = parseEventMessage(R"({"type":"welcome","lastId":7})");
        QVERIFY(welcome.ok());
        QCOMPARE(welcome->kind, EventMessage::Welcome);
        QCOMPARE(welcome->lastId, 7);
        auto event = parseEventMessage(
            R"({"id":42,"type":"result.issued","at":"2026-11-24T10:00:00+08:00","data":{"resultId":"r"}})");
        QVERIFY(event.ok());
        QCOMPARE(event->kind, EventMessage::Event);
        QCOMPARE(event->id, 42);
        QVERIFY(!parseEventMessage(R"({"id":-1,"type":"result.issued"})").ok());
        QVERIFY(!parseEventMessage(R"({"id":1.5,"type":"result.issued"})").ok());
        QVERIFY(!parseEventMessage(R"({"type":"welcome","lastId":"x"})").ok());
    }

    void tusMetadataRoundTrip()
    {
        const QByteArray encoded = encodeTusMetadata({ { QStringLiteral("caseId"), "c-1" },
            { QStringLiteral("mediaType"), "image/jpeg" }, { QStringLiteral("empty"), {} } });
        const auto decoded = decodeTusMetadata(encoded);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->value(QStringLiteral("caseId")), QByteArray("c-1"));
        QCOMPARE(decoded->value(QStringLiteral("mediaType")), QByteArray("image/jpeg"));
        QVERIFY(decoded->contains(QStringLiteral("empty")));
        QVERIFY(!decodeTusMetadata("key !!!notbase64").ok());
        QVERIFY(!parseHeaderInteger("-1", QStringLiteral("x")).ok());
        QVERIFY(!parseHeaderInteger("12a", QStringLiteral("x")).ok());
        QVERIFY(!parseHeaderInteger("99999999999999999999", QStringLiteral("x")).ok());
        QCOMPARE(*parseHeaderInteger(" 1024 ", QStringLiteral("x")), 1024);
    }

    void garbageNeverCrashes()
    {
        // GIVEN random bytes, truncated valid answers and hostile shapes
        QList<QByteArray> inputs = { {}, "null", "[]", "{}", "\"x\"", "{\"error\":1}",
            "{\"error\":{\"code\":\"<script>\"}}", QByteArray(100000, '['), QByteArray(100000, '{'),
            "{\"results\":[null]}", "{\"results\":{}}", "{\"accessToken\":1,\"refreshToken\":[]}",
            QByteArray("\xff\xfe\x00\x01", 4) };
        const QByteArray valid
            = R"({"accessToken":"a","refreshToken":"r","clerk":{"account":"x"},)"
              R"("error":{"code":"x","message":"y"},"caseId":"c","missingPages":[],)"
              R"("results":[],"type":"welcome","lastId":1,"caseNumber":"n"})";
        for (int i = 0; i < valid.size(); ++i)
            inputs.append(valid.left(i));
        QRandomGenerator random(42);
        for (int i = 0; i < 2000; ++i) {
            QByteArray bytes(int(random.bounded(200)), Qt::Uninitialized);
            for (char &c : bytes)
                c = char(random.bounded(256));
            if (i % 2)
                bytes.prepend(valid.left(int(random.bounded(valid.size()))));
            inputs.append(bytes);
        }
        // WHEN each parser reads each THEN it returns (an error for anything not the contract's)
        int errors = 0;
        for (const QByteArray &input : inputs) {
            errors += !parseErrorBody(input).ok();
            errors += !parseSession(input).ok();
            errors += !parseCaseCreated(input).ok();
            errors += !parseCaseSubmitted(input).ok();
            errors += !parseResults(input).ok();
            errors += !parseEventMessage(input).ok();
            errors += !decodeTusMetadata(input).ok();
            errors += !parseHeaderInteger(input, QStringLiteral("x")).ok();
            const Core::Error e = errorFromResponse(500, input);
            QVERIFY(!e.message.isEmpty());
        }
        QVERIFY(errors > inputs.size() * 6);
        const auto session = parseSession("{\"accessToken\":\"a\"");
        QVERIFY(!session.ok());
        QCOMPARE(session.error().code, int(InvalidResponse));
        QVERIFY(!session.error().message.isEmpty());
    }

    void oversizedIsRefused()
    {
        QByteArray huge = "{\"results\":[\"";
        huge += QByteArray(kMaxResponseBytes, 'x');
        huge += "\"]}";
        const auto results = parseResults(huge);
        QVERIFY(!results.ok());
        QVERIFY(results.error().detail.contains(QStringLiteral("16 MiB")));
    }
};

QTEST_GUILESS_MAIN(TestApiParsing)
#include "tst_apiparsing.moc"
