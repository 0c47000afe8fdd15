// Session against a fake platform, with the tokens in a real Secret Service
// (gnome-keyring in a private D-Bus session; see CMakeLists.txt).
#include "FakeHttpServer.h"
#include "TestSupport.h"

#include <platform/PlatformErrors.h>
#include <platform/Session.h>

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Tongban;
using namespace Tongban::Platform;
using namespace Tongban::Platform::Testing;

namespace {
const QString kAccount = QStringLiteral("xh-tb-03-wangli");
const QString kWindow = QStringLiteral("410402-tb-03");

QJsonObject sessionBody(const QString &access, const QString &refresh)
{
    return { { QStringLiteral("accessToken"), access }, { QStringLiteral("refreshToken"), refresh },
        { QStringLiteral("expiresIn"), 900 }, { QStringLiteral("refreshExpiresIn"), 43200 },
        { QStringLiteral("clerk"),
            QJsonObject { { QStringLiteral("account"), kAccount },
                { QStringLiteral("name"), QStringLiteral("王丽") },
                { QStringLiteral("role"), QStringLiteral("application") },
                { QStringLiteral("window"),
                    QJsonObject { { QStringLiteral("id"), kWindow },
                        { QStringLiteral("jurisdiction"),
                            QJsonObject {
                                { QStringLiteral("code"), QStringLiteral("410402") } } } } } } } };
}

// The §2 rules in a few lines: password "right", account "locked" is locked,
// tokens "a1" expire (the /me after it answers token_expired), refresh gives "a2".
FakeResponse platform(const FakeRequest &r)
{
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    if (r.method == "POST" && r.path == "/api/v1/session") {
        if (body.value(QLatin1String("account")).toString() == QLatin1String("locked"))
            return FakeResponse::error(
                423, "account_locked", QStringLiteral("2026-11-24T09:45:00+08:00"));
        if (body.value(QLatin1String("windowId")).toString() != kWindow)
            return FakeResponse::error(403, "window_mismatch");
        if (body.value(QLatin1String("password")).toString() != QLatin1String("right"))
            return FakeResponse::error(401, "invalid_credentials");
        return FakeResponse::json(200, sessionBody(QStringLiteral("a1"), QStringLiteral("r1")));
    }
    if (r.method == "POST" && r.path == "/api/v1/session/refresh") {
        if (body.value(QLatin1String("refreshToken")).toString() == QLatin1String("r1"))
            return FakeResponse::json(200, sessionBody(QStringLiteral("a2"), QStringLiteral("r2")));
        return FakeResponse::error(401, "token_invalid");
    }
    if (r.path == "/api/v1/me") {
        if (r.headers.value("authorization") == "Bearer a2")
            return FakeResponse::json(200, { { QStringLiteral("account"), kAccount } });
        return FakeResponse::error(401, "token_expired");
    }
    if (r.method == "DELETE" && r.path == "/api/v1/session")
        return FakeResponse::status_(204);
    return FakeResponse::error(404, "not_found");
}

template<typename T>
T must(std::optional<T> value)
{
    if (!value)
        qFatal("no answer in time");
    return std::move(*value);
}
} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs a D-Bus session with gnome-keyring (run through ctest)");
    }

    void loginKeepsTokensInKeychainOnly()
    {
        FakeHttpServer server(platform);
        ApiClient api(server.baseUrl());
        KeychainTokenStore keychain;
        Session session(api, keychain);
        // WHEN the clerk signs in
        const auto clerk = must(await<Core::Result<ClerkInfo>>(
            [&](auto done) { session.login(kAccount, QStringLiteral("right"), kWindow, done); }));
        QVERIFY2(clerk.ok(), qPrintable(clerk.ok() ? QString() : clerk.error().toString()));
        QCOMPARE(clerk->name, QStringLiteral("王丽"));
        QVERIFY(session.isSignedIn());
        // THEN the keychain holds the tokens under the account+window key
        const auto stored = must(await<Core::Result<QByteArray>>(
            [&](auto done) { keychain.load(Session::keychainKey(kAccount, kWindow), done); }));
        QVERIFY(stored.ok());
        QVERIFY(stored->contains("\"refreshToken\":\"r1\""));
        // AND a new Session restores them from the keychain
        ApiClient api2(server.baseUrl());
        Session restored(api2, keychain);
        const auto ok = must(
            await<Core::Status>([&](auto done) { restored.restore(kAccount, kWindow, done); }));
        QVERIFY(ok.ok());
        QCOMPARE(restored.accessToken(), QByteArray("a1"));
        // AND no file in HOME contains the refresh token
        QDirIterator files(
            QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int scanned = 0;
        while (files.hasNext() && scanned < 2000) {
            QFile f(files.next());
            ++scanned;
            if (f.size() < 1024 * 1024 && f.open(QIODevice::ReadOnly))
                QVERIFY2(
                    !f.readAll().contains("\"refreshToken\":\"r1\""), qPrintable(f.fileName()));
        }
    }

    void distinctErrors()
    {
        FakeHttpServer server(platform);
        ApiClient api(server.baseUrl());
        KeychainTokenStore keychain;
        Session session(api, keychain);
        const auto login
            = [&](const QString &account, const QString &password, const QString &window) {
                  return must(await<Core::Result<ClerkInfo>>(
                      [&](auto done) { session.login(account, password, window, done); }));
              };
        const auto wrong = login(kAccount, QStringLiteral("wrong"), kWindow);
        QCOMPARE(wrong.error().code, int(InvalidCredentials));
        const auto locked = login(QStringLiteral("locked"), QStringLiteral("x"), kWindow);
        QCOMPARE(locked.error().code, int(AccountLocked));
        QVERIFY(locked.error().message.contains(QStringLiteral("2026-11-24 09:45")));
        const auto mismatch = login(kAccount, QStringLiteral("right"), QStringLiteral("other"));
        QCOMPARE(mismatch.error().code, int(WindowMismatch));
        QVERIFY(!session.isSignedIn());

        ApiClient offline(QUrl(QStringLiteral("http://127.0.0.1:1")));
        Session offlineSession(offline, keychain);
        const auto noNetwork = must(await<Core::Result<ClerkInfo>>([&](auto done) {
            offlineSession.login(kAccount, QStringLiteral("right"), kWindow, done);
        }));
        QCOMPARE(noNetwork.error().code, int(NetworkUnavailable));

        FakeHttpServer tlsServer(platform, true, QStringLiteral(TONGBAN_PLATFORM_TEST_DATA));
        ApiClient tls(tlsServer.baseUrl());
        Session tlsSession(tls, keychain);
        const auto untrusted = must(await<Core::Result<ClerkInfo>>([&](auto done) {
            tlsSession.login(kAccount, QStringLiteral("right"), kWindow, done);
        }));
        QCOMPARE(untrusted.error().code, int(TlsFailure));
        // Four distinct, non-empty messages for the clerk.
        QSet<QString> messages { wrong.error().message, locked.error().message,
            noNetwork.error().message, untrusted.error().message };
        QCOMPARE(messages.size(), 4);
    }

    void refreshOnceThenRepeat()
    {
        FakeHttpServer server(platform);
        ApiClient api(server.baseUrl());
        KeychainTokenStore keychain;
        Session session(api, keychain);
        QVERIFY(must(await<Core::Result<ClerkInfo>>([&](auto done) {
            session.login(kAccount, QStringLiteral("right"), kWindow, done);
        })).ok());
        server.requests.clear();
        // WHEN two requests meet an expired access token at the same time
        ApiRequest me;
        me.path = QStringLiteral("/me");
        std::optional<Core::Result<ApiResponse>> first, second;
        session.send(me, [&](Core::Result<ApiResponse> r) { first.emplace(std::move(r)); });
        session.send(me, [&](Core::Result<ApiResponse> r) { second.emplace(std::move(r)); });
        QVERIFY(spinUntil([&] { return first && second; }));
        // THEN one refresh serves both and each is repeated once, successfully
        QVERIFY(first->ok() && second->ok());
        QCOMPARE((*first)->status, 200);
        QCOMPARE((*second)->status, 200);
        int refreshes = 0;
        for (const auto &r : server.requests)
            refreshes += r.path == "/api/v1/session/refresh";
        QCOMPARE(refreshes, 1);
        QCOMPARE(session.accessToken(), QByteArray("a2"));
        // AND the keychain has the new pair
        const auto stored = must(await<Core::Result<QByteArray>>(
            [&](auto done) { keychain.load(Session::keychainKey(kAccount, kWindow), done); }));
        QVERIFY(stored->contains("\"refreshToken\":\"r2\""));

        // WHEN the refresh token is no longer valid THEN SessionExpired and expired()
        QSignalSpy expired(&session, &Session::expired);
        server.setHandler([](const FakeRequest &r) {
            if (r.path == "/api/v1/session/refresh")
                return FakeResponse::error(401, "token_invalid");
            return FakeResponse::error(401, "token_expired");
        });
        const auto failed
            = must(await<Core::Result<ApiResponse>>([&](auto done) { session.send(me, done); }));
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, int(SessionExpired));
        QCOMPARE(expired.count(), 1);
        QVERIFY(!session.isSignedIn());
    }

    void logoutRemovesTokens()
    {
        FakeHttpServer server(platform);
        ApiClient api(server.baseUrl());
        KeychainTokenStore keychain;
        Session session(api, keychain);
        QVERIFY(must(await<Core::Result<ClerkInfo>>([&](auto done) {
            session.login(kAccount, QStringLiteral("right"), kWindow, done);
        })).ok());
        const auto out = must(await<Core::Status>([&](auto done) { session.logout(done); }));
        QVERIFY(out.ok());
        QVERIFY(!session.isSignedIn());
        QCOMPARE(server.requests.last().method, QByteArray("DELETE"));
        const auto stored = must(await<Core::Result<QByteArray>>(
            [&](auto done) { keychain.load(Session::keychainKey(kAccount, kWindow), done); }));
        QVERIFY(!stored.ok());
        QCOMPARE(stored.error().code, int(NotSignedIn));
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
