#pragma once

#include "HubConfig.h"
#include "HubErrors.h"
#include "accounts/AccountStore.h"
#include "accounts/SignInThrottle.h"

#include <core/Result.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

class Secrets;

/// Who is calling: the account behind a valid access token.
struct AuthContext
{
    QString account;
    QString role; ///< application, home, department or admin
    QString jurisdictionCode;
    QString windowId; ///< the window signed in at; empty for department/admin sessions
    QString sessionId;
};

/*!
 * Why a session ended while its events socket may still be open (§2, §10): the
 * machine code sent to the socket ("session_replaced", "signed_out",
 * "token_expired", "account_disabled") and, for a replacement, where and when
 * the account signed in anew (a window id and name; no personal data).
 */
struct SessionEnd
{
    QString sessionId;
    QString account;
    QString windowId; ///< the window of the ended session (empty: none)
    QString reason;
    QString byWindowId; ///< session_replaced: the window of the new sign-in (may be empty)
    QString byWindowName;
    QString bySessionId; ///< session_replaced: the new session
    QDateTime at;
};

/*!
 * A sign-in between its two halves: what the password is checked against (a dummy salt and
 * hash for an unknown account, at the same cost). Plain data: verifyPassword() may run on
 * any thread.
 */
struct LoginAttempt
{
    QString account;
    QString password;
    QString windowId;
    QString address; ///< the client's address (throttle key)
    QByteArray salt;
    QByteArray hash;
    int iterations = 0;
    bool known = false;
};

/// A session's new pair of tokens (POST /session, /session/refresh).
struct IssuedTokens
{
    QString accessToken;
    QString refreshToken;
    int expiresIn = 0;
    int refreshExpiresIn = 0;
    QJsonObject clerk; ///< {account, name, role, window}
    std::optional<QJsonArray> replaced; ///< a sign-in: the sessions it ended [{windowId}]
};

/// Where and when a replaced session's account signed in anew (401 session_replaced).
struct ReplacedBy
{
    QString windowId;
    QString windowName;
    QString at; ///< RFC 3339
};

/*!
 * Accounts, windows and sessions (contract §2, §3). SQL in AccountStore, HTTP in
 * AccountRoutes; presence is calls/PresenceService's.
 *
 * Passwords are stored as PBKDF2-SHA256 with a random 16-byte salt; tokens
 * are 256 random bits, handed out once and stored only as their SHA-256.
 * Failed sign-ins are throttled by account name and address (SignInThrottle: 423
 * account_locked for lockoutSecs, 429 for an address that tries too many names); an unknown
 * account is answered after the same PBKDF2 cost. A sign-in is split in three so that the
 * hash can run on a worker thread: beginLogin() (throttle, stored hash), verifyPassword()
 * (pure, any thread), finishLogin() (session). All times come from the injected Clock.
 *
 * One live session per account: a sign-in revokes the account's earlier
 * sessions (their tokens answer 401 session_replaced from then on) and tells
 * the session-ended handler, like a sign-out and disabling the account do.
 *
 * Threading: the thread that owns the Database.
 */
class AccountService
{
public:
    enum ErrorCode {
        InvalidCredentials = HubError::Accounts + 1,
        AccountLocked, ///< detail: until when (RFC 3339)
        SignInsRateLimited, ///< detail: until when; retryAfterSecs() says in how long
        AccountDisabled,
        WindowMismatch, ///< the account is not assigned to the window
        TokenInvalid,
        TokenExpired,
        SessionReplaced, ///< detail "window=ID at=TIME": replacedBy()
        StoreFailed,
    };

    AccountService(AccountStore &store, const HubConfig &config, const Core::Clock &clock);

    Core::Status addWindow(const QString &id, const QString &name, const QString &role,
        const QString &jurisdictionCode, const QString &jurisdictionName);
    Core::Status addAccount(const QString &account, const QString &name, const QString &role,
        const QString &jurisdictionCode, const QString &password, const QStringList &windowIds);
    Core::Status setDisabled(const QString &account, bool disabled);
    /// The duty phone of a window, where missed-call SMS go (§11); empty: none. Stored
    /// sealed (§13) once setSecrets() was given the hub's key.
    Core::Status setWindowPhone(const QString &windowId, const QString &phone);
    void setSecrets(const Secrets *secrets) { m_secrets = secrets; }

    /// A whole sign-in on this thread (the three halves below in a row).
    Core::Result<IssuedTokens> login(const LoginAttempt &attempt);
    /// The attempt whose password to check ({account, password, windowId?} from \a address),
    /// or why it is refused at once (malformed, locked, rate limited).
    Core::Result<LoginAttempt> beginLogin(const QJsonObject &body, const QString &address);
    /// PBKDF2 of the attempt's password against its stored hash: pure, thread-safe.
    static bool verifyPassword(const LoginAttempt &attempt);
    Core::Result<IssuedTokens> finishLogin(const LoginAttempt &attempt, bool passwordMatches);
    /// A new pair for the session of \a refreshToken (rotation: the old pair stops working).
    Core::Result<IssuedTokens> refresh(const QByteArray &refreshToken);
    Core::Status logout(const AuthContext &context);
    /// The windows of \a jurisdiction and \a role (each only when given), as windowJson().
    Core::Result<QJsonArray> windows(const QString &jurisdiction, const QString &role) const;
    /// After SignInsRateLimited: in how many seconds \a address may try again.
    qint64 retryAfterSecs(const QString &address) const;
    /// The window and time of a SessionReplaced error.
    ReplacedBy replacedBy(const Core::Error &error) const;

    /// The caller behind an access token (TokenInvalid, TokenExpired, SessionReplaced).
    Core::Result<AuthContext> authenticateToken(const QByteArray &token) const;

    /// The contract's window object {id, name, jurisdiction: {code, name}}; empty when unknown.
    QJsonObject windowJson(const QString &windowId) const;
    /// The contract's clerk object {account, name, role, window} (GET /me).
    QJsonObject clerkJson(const QString &account, const QString &windowId) const;

    /// Called (on this thread) for every session that a sign-in, a sign-out or disabling
    /// the account ended, after the change is stored: the events service closes its sockets.
    void setSessionEndedHandler(std::function<void(const SessionEnd &)> handler)
    {
        m_sessionEnded = std::move(handler);
    }
    /// Why \a sessionId is no longer live, or nullopt while it is (a token of it is
    /// unexpired and not replaced, and the account is enabled).
    std::optional<SessionEnd> sessionEnd(const QString &sessionId) const;

    /// The sign-in counters (Hub::create keeps them in the database, issue 13).
    SignInThrottle &signInThrottle() { return m_throttle; }

private:
    /// \a replaced: the login answer's "replaced" member (the sessions this sign-in ended).
    Core::Result<IssuedTokens> issueTokens(const QString &account, const QString &windowId,
        const QString &sessionId, const std::optional<QJsonArray> &replaced = {});
    QByteArray derive(const QString &password, const QByteArray &salt, int iterations) const;
    /// SessionReplaced for a token of a replaced session (§2).
    Core::Error replacedError(const QString &byWindowId, qint64 atMs) const;
    /// The live sessions of \a account: session id and window id.
    QList<QPair<QString, QString>> liveSessions(const QString &account) const;

    AccountStore &m_store;
    const Secrets *m_secrets = nullptr;
    const HubConfig &m_config;
    const Core::Clock &m_clock;
    std::function<void(const SessionEnd &)> m_sessionEnded;
    SignInThrottle m_throttle;
};

} // namespace Tongban::Hub
