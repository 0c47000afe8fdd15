#pragma once

#include "ApiClient.h"
#include "ApiParsing.h"
#include "TokenStore.h"

#include <core/Result.h>

#include <QObject>

#include <functional>

namespace Tongban::Platform {

/*!
 * The clerk's session with the platform (§2).
 *
 * login() signs in and keeps the access and refresh tokens in the TokenStore
 * (the OS keychain) under keychainKey(account, windowId), never in a file.
 * restore() picks them up again after a restart.
 *
 * As a Transport, a Session adds the bearer token to every authenticated
 * request; on "401 token_expired" it refreshes once (concurrent requests
 * share one refresh) and repeats the request once. When the refresh fails,
 * the callback gets SessionExpired and expired() is emitted: the clerk signs
 * in again.
 *
 * One live session per account (§2): when the account signs in elsewhere the
 * platform answers 401 session_replaced; a request, a refresh or the events
 * socket (endByReplacement()) that meets it for the tokens held now ends the
 * session here: the tokens leave the keychain and replaced() is emitted. An
 * answer about tokens this Session no longer holds (it signed in again since)
 * changes nothing.
 *
 * Errors of login(): InvalidCredentials, AccountLocked (the message names the
 * end of the lock; detail has until=<RFC 3339>), WindowMismatch,
 * AccountDisabled, NetworkUnavailable, TlsFailure, KeychainFailed.
 *
 * Same thread as the ApiClient; neither the ApiClient nor the store is owned.
 */
class Session : public QObject, public Transport
{
    Q_OBJECT
public:
    Session(ApiClient &api, TokenStore &store, QObject *parent = nullptr);

    static QString keychainKey(const QString &account, const QString &windowId);

    void login(const QString &account, const QString &password, const QString &windowId,
        std::function<void(Core::Result<ClerkInfo>)> done);
    /// Loads the tokens kept for \a account at \a windowId; NotSignedIn when there are none.
    void restore(
        const QString &account, const QString &windowId, std::function<void(Core::Status)> done);
    void refresh(std::function<void(Core::Status)> done);
    /// Revokes the tokens on the platform (best effort) and removes them from the keychain.
    void logout(std::function<void(Core::Status)> done);

    bool isSignedIn() const { return !m_accessToken.isEmpty(); }
    QByteArray accessToken() const { return m_accessToken; }
    QString account() const { return m_account; }
    QString windowId() const { return m_windowId; }
    ClerkInfo clerk() const { return m_clerk; }
    /// The windows whose sessions of this account the last login() ended (§2 "replaced").
    QStringList replacedWindows() const { return m_replacedWindows; }
    /*!
     * The platform says the session of \a token was replaced by a sign-in elsewhere: if
     * this Session still holds \a token, its tokens are forgotten (keychain included),
     * replaced() is emitted and true returned; otherwise (signed in again since) nothing.
     */
    bool endByReplacement(const SessionReplacement &by, const QByteArray &token);
    ApiClient &api() { return m_api; }

    void send(const ApiRequest &request, ResponseCallback callback) override;
    QUrl resolve(const ApiRequest &request) const override { return m_api.resolve(request); }

signals:
    void signedIn();
    void signedOut();
    void tokensRefreshed();
    /// The refresh token no longer works: the clerk must sign in again.
    void expired(const Tongban::Core::Error &error);
    /// The account signed in at another window (\a by): this session has ended.
    void replaced(const Tongban::Platform::SessionReplacement &by);

private:
    void sendOnce(const ApiRequest &request, bool mayRefresh, ResponseCallback callback);
    void adoptTokens(const SessionTokens &tokens);
    QByteArray secret() const;
    void clearTokens();

    ApiClient &m_api;
    TokenStore &m_store;
    QString m_account;
    QString m_windowId;
    ClerkInfo m_clerk;
    QStringList m_replacedWindows;
    QByteArray m_accessToken;
    QByteArray m_refreshToken;
    bool m_refreshing = false;
    QList<std::function<void(Core::Status)>> m_refreshWaiters;
};

} // namespace Tongban::Platform
