// ApiClient against a fake HTTP(S) server on 127.0.0.1: good answers, error bodies,
// garbage, truncation, oversize, no network, TLS with an unknown and a configured CA.
#include "FakeHttpServer.h"
#include "TestSupport.h"

#include <platform/ApiClient.h>
#include <platform/ApiParsing.h>
#include <platform/PlatformErrors.h>

#include <QTcpServer>
#include <QTest>

using namespace Tongban;
using namespace Tongban::Platform;
using namespace Tongban::Platform::Testing;

namespace {
Core::Result<ApiResponse> call(ApiClient &client, ApiRequest request)
{
    auto out = await<Core::Result<ApiResponse>>([&](auto done) { client.send(request, done); });
    if (!out)
        return Core::Error { -1, QStringLiteral("timeout"), {} };
    return *out;
}
ApiRequest get(const char *path)
{
    ApiRequest request;
    request.path = QString::fromLatin1(path);
    return request;
}
} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private slots:
    void jsonAnswerAndBearer()
    {
        // GIVEN a platform answering /me
        FakeHttpServer server([](const FakeRequest &r) {
            if (r.path == "/api/v1/me")
                return FakeResponse::json(
                    200, { { QStringLiteral("account"), QStringLiteral("a") } });
            return FakeResponse::error(404, "not_found");
        });
        ApiClient client(server.baseUrl());
        client.setBearerToken("tok");
        // WHEN asked THEN the answer arrives with the bearer token sent
        const auto response = call(client, get("/me"));
        QVERIFY(response.ok());
        QCOMPARE(response->status, 200);
        QCOMPARE(server.requests.first().headers.value("authorization"), QByteArray("Bearer tok"));
        const auto missing = requireSuccess(call(client, get("/nothing")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, int(NotFound));
        QCOMPARE(machineCode(missing.error()), QStringLiteral("not_found"));
    }

    void garbageAnswers_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("expected");
        QTest::newRow("html 200") << QByteArray(
            "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n<html>")
                                  << int(InvalidResponse);
        QTest::newRow("truncated")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"a\":")
            << int(NetworkUnavailable);
        QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n")
                                  << int(NetworkUnavailable);
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\r\n\r\n", 8)
                                << int(NetworkUnavailable);
        QTest::newRow("html 502") << QByteArray(
            "HTTP/1.1 502 Bad\r\nContent-Length: 5\r\n\r\n<html")
                                  << int(ServerUnavailable);
    }
    void garbageAnswers()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, expected);
        FakeHttpServer server([raw](const FakeRequest &) {
            FakeResponse r;
            r.raw = raw;
            return r;
        });
        ApiClient client(server.baseUrl());
        auto response = requireSuccess(call(client, get("/me")));
        if (response.ok())
            response = parseJsonObject(response->body, QStringLiteral("me")).ok()
                ? response
                : Core::Result<ApiResponse>(
                    parseJsonObject(response->body, QStringLiteral("me")).error());
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, expected);
        QVERIFY(!response.error().message.isEmpty());
    }

    void oversizedAnswerIsAborted()
    {
        FakeHttpServer server([](const FakeRequest &) {
            FakeResponse r;
            r.body = QByteArray(kMaxResponseBytes + 1024, 'x');
            return r;
        });
        ApiClient client(server.baseUrl());
        const auto response = call(client, get("/catalog"));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, int(ResponseTooLarge));
    }

    void oversizedWithoutLengthIsAborted()
    {
        FakeHttpServer server([](const FakeRequest &) {
            FakeResponse r;
            r.raw = "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"
                + QByteArray(kMaxResponseBytes + 10, 'y');
            return r;
        });
        ApiClient client(server.baseUrl());
        const auto response = call(client, get("/catalog"));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, int(ResponseTooLarge));
    }

    void droppedConnectionAndNoNetwork()
    {
        FakeHttpServer server([](const FakeRequest &) {
            FakeResponse r;
            r.dropConnection = true;
            return r;
        });
        ApiClient client(server.baseUrl());
        auto response = call(client, get("/me"));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, int(NetworkUnavailable));
        QVERIFY(isRetryable(response.error()));

        // GIVEN a port where nobody listens
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const quint16 port = probe.serverPort();
        probe.close();
        ApiClient offline(QUrl(QStringLiteral("http://127.0.0.1:") + QString::number(port)));
        response = call(offline, get("/me"));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, int(NetworkUnavailable));
    }

    void plainHttpOnlyOnLoopback()
    {
        ApiClient client(QUrl(QStringLiteral("http://platform.example.gov.cn")));
        const auto response = call(client, get("/me"));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, int(InvalidArgument));
        QVERIFY(ApiClient::checkUrlAllowed(QUrl(QStringLiteral("https://platform.example"))).ok());
        QVERIFY(ApiClient::checkUrlAllowed(QUrl(QStringLiteral("http://[::1]:8080"))).ok());
    }

    void unknownCaIsRefused()
    {
        // GIVEN an HTTPS platform whose certificate comes from a CA nobody configured
        FakeHttpServer server([](const FakeRequest &) { return FakeResponse::json(200, {}); }, true,
            QStringLiteral(TONGBAN_PLATFORM_TEST_DATA));
        ApiClient client(server.baseUrl());
        // WHEN asked THEN the answer is a TLS failure, nothing sent
        const auto response = call(client, get("/me"));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, int(TlsFailure));
        QVERIFY(!isRetryable(response.error()));
        QVERIFY(server.requests.isEmpty());
    }

    void configuredCaIsTrusted()
    {
        FakeHttpServer server([](const FakeRequest &) { return FakeResponse::json(200, {}); }, true,
            QStringLiteral(TONGBAN_PLATFORM_TEST_DATA));
        ApiClient client(server.baseUrl());
        QVERIFY(
            client.addCaCertificateFile(QStringLiteral(TONGBAN_PLATFORM_TEST_DATA "/ca.pem")).ok());
        const auto response = call(client, get("/me"));
        QVERIFY2(
            response.ok(), qPrintable(response.ok() ? QString() : response.error().toString()));
        QCOMPARE(response->status, 200);

        const auto bad = client.addCaCertificateFile(
            QStringLiteral(TONGBAN_PLATFORM_TEST_DATA "/not-a-cert.pem"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, int(CaCertificateInvalid));
        QCOMPARE(client.addCaCertificateFile(QStringLiteral("/nonexistent/ca.pem")).error().code,
            int(CaCertificateInvalid));
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
