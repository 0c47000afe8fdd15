#pragma once

#include "accounts/AccountService.h"
#include "http/HttpTypes.h"

#include <QUrlQuery>

#include <optional>
#include <variant>

namespace Tongban::Hub {

/*!
 * The HTTP side of accounts/ (contract §2, §3): POST /session (in two halves so that the hash
 * runs off the server thread: Hub::handleAsync), POST /session/refresh, DELETE /session,
 * GET /me, GET /windows, and the bearer token of every other request. Maps AccountService's
 * error codes to the contract's status and wire code (401 invalid_credentials, 423
 * account_locked, 429 rate_limited with Retry-After, 401 session_replaced with replacedBy...).
 * No SQL.
 */
class AccountRoutes
{
public:
    explicit AccountRoutes(AccountService &accounts);

    /// A whole sign-in on this thread.
    HttpResponse login(const QJsonObject &body, const QString &address = {});
    /// An answer at once (throttled, malformed), or the attempt whose password to check.
    std::variant<HttpResponse, LoginAttempt> beginLogin(
        const QJsonObject &body, const QString &address);
    HttpResponse finishLogin(const LoginAttempt &attempt, bool passwordMatches);
    HttpResponse refresh(const QJsonObject &body);
    HttpResponse logout(const AuthContext &context);
    HttpResponse me(const AuthContext &context);
    HttpResponse windows(const QUrlQuery &query);

    /// The caller of \a request, or nullopt with \a error set (401 token_invalid / token_expired).
    std::optional<AuthContext> authenticate(const HttpRequest &request, HttpResponse *error);
    std::optional<AuthContext> authenticateToken(const QByteArray &token, HttpResponse *error);
    /// The same for an events socket's hello: \a error gets the contract's error object.
    std::optional<AuthContext> authenticateSocket(const QByteArray &token, QJsonObject *error);

    /// The contract's answer to an AccountService error; \a address: the client's, for the
    /// Retry-After of a rate-limited sign-in.
    HttpResponse errorFor(const Core::Error &error, const QString &address = {}) const;

private:
    HttpResponse tokens(const Core::Result<IssuedTokens> &issued, const QString &address) const;

    AccountService &m_accounts;
};

} // namespace Tongban::Hub
