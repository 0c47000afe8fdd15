#include "Session.h"

#include "Logging.h"
#include "PlatformErrors.h"
#include "Tr.h"

#include <core/Alive.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace Tongban::Platform {

namespace {

/// The replacement named by a 401 session_replaced answer, or nullopt for any other answer.
std::optional<SessionReplacement> replacementIn(const Core::Result<ApiResponse> &response)
{
    if (!response || response->status != 401)
        return std::nullopt;
    const auto object = parseJsonObject(response->body, QStringLiteral("error body"));
    if (!object)
        return std::nullopt;
    const QJsonObject error = object->value(QLatin1String("error")).toObject();
    if (error.value(QLatin1String("code")).toString() != QLatin1String("session_replaced"))
        return std::nullopt;
    return parseSessionReplaced(error.value(QLatin1String("replacedBy")).toObject());
}

} // namespace

Session::Session(ApiClient &api, TokenStore &store, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_store(store)
{ }

QString Session::keychainKey(const QString &account, const QString &windowId)
{
    return QString(QStringLiteral("session/") + account + QLatin1Char('@') + windowId);
}

QByteArray Session::secret() const
{
    return QJsonDocument(QJsonObject {
                             { QStringLiteral("accessToken"), QString::fromUtf8(m_accessToken) },
                             { QStringLiteral("refreshToken"), QString::fromUtf8(m_refreshToken) },
                             { QStringLiteral("account"), m_account },
                             { QStringLiteral("windowId"), m_windowId },
                         })
        .toJson(QJsonDocument::Compact);
}

void Session::adoptTokens(const SessionTokens &tokens)
{
    m_accessToken = tokens.accessToken;
    m_refreshToken = tokens.refreshToken;
    m_api.setBearerToken(m_accessToken);
}

void Session::clearTokens()
{
    m_accessToken.clear();
    m_refreshToken.clear();
    m_api.setBearerToken({});
}

void Session::login(const QString &account, const QString &password, const QString &windowId,
    std::function<void(Core::Result<ClerkInfo>)> done)
{
    if (account.isEmpty() || password.isEmpty() || windowId.isEmpty()) {
        done(Core::Error { InvalidCredentials, Tr::tr("Enter the account and the password."),
            QStringLiteral("empty field") });
        return;
    }
    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = QStringLiteral("/session");
    request.authenticated = false;
    request.body = QJsonDocument(
        QJsonObject { { QStringLiteral("account"), account },
            { QStringLiteral("password"), password }, { QStringLiteral("windowId"), windowId } })
                       .toJson(QJsonDocument::Compact);
    Core::Alive<Session> self(this);
    m_api.send(request,
        [self, account, windowId, done = std::move(done)](Core::Result<ApiResponse> response) {
            if (!self)
                return;
            response = requireSuccess(std::move(response));
            if (!response) {
                qCInfo(lcPlatform).noquote() << "sign-in failed:" << response.error().detail;
                done(response.error());
                return;
            }
            auto tokens = parseSession(response->body);
            if (!tokens) {
                done(tokens.error());
                return;
            }
            self->m_account = account;
            self->m_windowId = windowId;
            self->m_clerk = tokens->clerk;
            self->m_replacedWindows = tokens->replacedWindows;
            self->adoptTokens(*tokens);
            self->m_store.save(keychainKey(account, windowId), self->secret(),
                [self, clerk = tokens->clerk, done](Core::Status saved) {
                    if (!self)
                        return;
                    if (!saved) {
                        // Without a keychain the session would not survive a restart and
                        // the contract forbids any other place: refuse the sign-in.
                        self->clearTokens();
                        done(saved.error());
                        return;
                    }
                    emit self->signedIn();
                    done(clerk);
                });
        });
}

void Session::restore(
    const QString &account, const QString &windowId, std::function<void(Core::Status)> done)
{
    Core::Alive<Session> self(this);
    m_store.load(keychainKey(account, windowId),
        [self, account, windowId, done = std::move(done)](Core::Result<QByteArray> secret) {
            if (!self)
                return;
            if (!secret) {
                done(secret.error());
                return;
            }
            const QJsonObject object = QJsonDocument::fromJson(*secret).object();
            SessionTokens tokens;
            tokens.accessToken = object.value(QLatin1String("accessToken")).toString().toUtf8();
            tokens.refreshToken = object.value(QLatin1String("refreshToken")).toString().toUtf8();
            if (tokens.refreshToken.isEmpty()) {
                done(Core::Error { NotSignedIn,
                    Tr::tr("Nobody is signed in at this window. Sign in."),
                    QStringLiteral("keychain entry without tokens") });
                return;
            }
            self->m_account = account;
            self->m_windowId = windowId;
            self->adoptTokens(tokens);
            emit self->signedIn();
            done({});
        });
}

void Session::refresh(std::function<void(Core::Status)> done)
{
    m_refreshWaiters.append(std::move(done));
    if (m_refreshing)
        return;
    if (m_refreshToken.isEmpty()) {
        const auto waiters = std::exchange(m_refreshWaiters, {});
        for (const auto &waiter : waiters)
            waiter(
                Core::Error { NotSignedIn, Tr::tr("Nobody is signed in at this window. Sign in."),
                    QStringLiteral("no refresh token") });
        return;
    }
    m_refreshing = true;
    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = QStringLiteral("/session/refresh");
    request.authenticated = false;
    request.body = QJsonDocument(
        QJsonObject { { QStringLiteral("refreshToken"), QString::fromUtf8(m_refreshToken) } })
                       .toJson(QJsonDocument::Compact);
    Core::Alive<Session> self(this);
    const QByteArray sentWith = m_accessToken;
    m_api.send(request, [self, sentWith](Core::Result<ApiResponse> response) {
        if (!self)
            return;
        const auto finish = [self](const Core::Status &status) {
            self->m_refreshing = false;
            const auto waiters = std::exchange(self->m_refreshWaiters, {});
            for (const auto &waiter : waiters)
                waiter(status);
        };
        if (const auto by = replacementIn(response)) {
            const Core::Error error = requireSuccess(std::move(response)).error();
            self->endByReplacement(*by, sentWith);
            finish(error);
            return;
        }
        response = requireSuccess(std::move(response));
        if (!response) {
            Core::Error error = response.error();
            if (error.code == SessionExpired || httpStatus(error) == 401) {
                error.code = SessionExpired;
                error.message = Tr::tr("The sign-in has expired. Sign in again.");
                self->clearTokens();
                self->m_store.remove(
                    keychainKey(self->m_account, self->m_windowId), [](const Core::Status &) {});
                emit self->expired(error);
            }
            finish(error);
            return;
        }
        auto tokens = parseSession(response->body);
        if (!tokens) {
            finish(tokens.error());
            return;
        }
        self->adoptTokens(*tokens);
        emit self->tokensRefreshed();
        self->m_store.save(keychainKey(self->m_account, self->m_windowId), self->secret(),
            [self, finish](const Core::Status &saved) {
                if (!self)
                    return;
                if (!saved)
                    qCWarning(lcPlatform).noquote()
                        << "refreshed tokens not kept:" << saved.error().detail;
                finish({});
            });
    });
}

void Session::logout(std::function<void(Core::Status)> done)
{
    Core::Alive<Session> self(this);
    const QString key = keychainKey(m_account, m_windowId);
    const auto forget = [self, key, done](const Core::Status &serverStatus) {
        if (!self)
            return;
        self->clearTokens();
        self->m_store.remove(key, [self, done, serverStatus](const Core::Status &removed) {
            if (!self)
                return;
            emit self->signedOut();
            done(removed ? serverStatus : removed);
        });
    };
    if (m_accessToken.isEmpty()) {
        forget({});
        return;
    }
    ApiRequest request;
    request.method = QByteArrayLiteral("DELETE");
    request.path = QStringLiteral("/session");
    sendOnce(request, true, [forget](Core::Result<ApiResponse> response) {
        response = requireSuccess(std::move(response));
        // The tokens are forgotten here whatever the platform answered; a platform that
        // could not be told lets them expire.
        forget(response ? Core::Status() : Core::Status(response.error()));
    });
}

void Session::send(const ApiRequest &request, ResponseCallback callback)
{
    sendOnce(request, request.authenticated, std::move(callback));
}

bool Session::endByReplacement(const SessionReplacement &by, const QByteArray &token)
{
    if (token.isEmpty() || token != m_accessToken)
        return false; // about tokens given up already (signed in again, or signed out)
    qCInfo(lcPlatform).noquote() << "session ended: the account signed in at window"
                                 << (by.windowId.isEmpty() ? QStringLiteral("(none)") : by.windowId)
                                 << "at" << by.at.toString(Qt::ISODate);
    clearTokens();
    m_store.remove(keychainKey(m_account, m_windowId), [](const Core::Status &) {});
    emit replaced(by);
    return true;
}

void Session::sendOnce(const ApiRequest &request, bool mayRefresh, ResponseCallback callback)
{
    Core::Alive<Session> self(this);
    const QByteArray sentWith = m_accessToken;
    m_api.send(request,
        [self, request, mayRefresh, sentWith, callback = std::move(callback)](
            Core::Result<ApiResponse> response) mutable {
            if (self && request.authenticated) {
                if (const auto by = replacementIn(response))
                    self->endByReplacement(*by, sentWith);
            }
            if (!self || !mayRefresh || !response || response->status != 401) {
                callback(std::move(response));
                return;
            }
            const auto body = parseErrorBody(response->body);
            if (!body || body->code != QLatin1String("token_expired")) {
                callback(std::move(response));
                return;
            }
            self->refresh([self, request, callback](const Core::Status &refreshed) {
                if (!self)
                    return;
                if (!refreshed) {
                    callback(refreshed.error());
                    return;
                }
                self->sendOnce(request, false, callback);
            });
        });
}

} // namespace Tongban::Platform
