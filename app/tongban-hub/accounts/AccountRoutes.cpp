#include "AccountRoutes.h"

#include <QJsonDocument>

namespace Tongban::Hub {

AccountRoutes::AccountRoutes(AccountService &accounts)
    : m_accounts(accounts)
{ }

HttpResponse AccountRoutes::errorFor(const Core::Error &error, const QString &address) const
{
    switch (error.code) {
    case AccountService::InvalidCredentials:
        return errorResponse(
            401, QStringLiteral("invalid_credentials"), error.message, error.detail);
    case AccountService::AccountLocked:
        return errorResponse(423, QStringLiteral("account_locked"), error.message, error.detail);
    case AccountService::SignInsRateLimited: {
        HttpResponse answer
            = errorResponse(429, QStringLiteral("rate_limited"), error.message, error.detail);
        answer.addHeader(QByteArrayLiteral("Retry-After"),
            QByteArray::number(m_accounts.retryAfterSecs(address)));
        return answer;
    }
    case AccountService::AccountDisabled:
        return errorResponse(403, QStringLiteral("account_disabled"), error.message, error.detail);
    case AccountService::WindowMismatch:
        return errorResponse(403, QStringLiteral("window_mismatch"), error.message, error.detail);
    case AccountService::TokenInvalid:
        return errorResponse(401, QStringLiteral("token_invalid"), error.message, error.detail);
    case AccountService::TokenExpired:
        return errorResponse(401, QStringLiteral("token_expired"), error.message, error.detail);
    case AccountService::SessionReplaced: {
        const ReplacedBy by = m_accounts.replacedBy(error);
        return jsonResponse(401,
            QJsonObject { { QStringLiteral("error"),
                QJsonObject { { QStringLiteral("code"), QStringLiteral("session_replaced") },
                    { QStringLiteral("message"), error.message },
                    { QStringLiteral("detail"), error.detail },
                    { QStringLiteral("replacedBy"),
                        QJsonObject { { QStringLiteral("windowId"), by.windowId },
                            { QStringLiteral("windowName"), by.windowName },
                            { QStringLiteral("at"), by.at } } } } } });
    }
    default:
        return internalError(error.detail);
    }
}

HttpResponse AccountRoutes::tokens(
    const Core::Result<IssuedTokens> &issued, const QString &address) const
{
    if (!issued)
        return errorFor(issued.error(), address);
    QJsonObject answer { { QStringLiteral("accessToken"), issued->accessToken },
        { QStringLiteral("refreshToken"), issued->refreshToken },
        { QStringLiteral("expiresIn"), issued->expiresIn },
        { QStringLiteral("refreshExpiresIn"), issued->refreshExpiresIn },
        { QStringLiteral("clerk"), issued->clerk } };
    if (issued->replaced)
        answer.insert(QStringLiteral("replaced"), *issued->replaced);
    return jsonResponse(200, answer);
}

HttpResponse AccountRoutes::login(const QJsonObject &body, const QString &address)
{
    std::variant<HttpResponse, LoginAttempt> begun = beginLogin(body, address);
    if (auto *answer = std::get_if<HttpResponse>(&begun))
        return *answer;
    const LoginAttempt &attempt = std::get<LoginAttempt>(begun);
    return finishLogin(attempt, AccountService::verifyPassword(attempt));
}

std::variant<HttpResponse, LoginAttempt> AccountRoutes::beginLogin(
    const QJsonObject &body, const QString &address)
{
    auto attempt = m_accounts.beginLogin(body, address);
    if (!attempt)
        return errorFor(attempt.error(), address);
    return std::move(*attempt);
}

HttpResponse AccountRoutes::finishLogin(const LoginAttempt &attempt, bool passwordMatches)
{
    return tokens(m_accounts.finishLogin(attempt, passwordMatches), attempt.address);
}

HttpResponse AccountRoutes::refresh(const QJsonObject &body)
{
    return tokens(
        m_accounts.refresh(body.value(QStringLiteral("refreshToken")).toString().toLatin1()), {});
}

HttpResponse AccountRoutes::logout(const AuthContext &context)
{
    const Core::Status ended = m_accounts.logout(context);
    return ended ? emptyResponse(204) : errorFor(ended.error());
}

HttpResponse AccountRoutes::me(const AuthContext &context)
{
    return jsonResponse(200, m_accounts.clerkJson(context.account, context.windowId));
}

HttpResponse AccountRoutes::windows(const QUrlQuery &query)
{
    const auto list = m_accounts.windows(query.queryItemValue(QStringLiteral("jurisdiction")),
        query.queryItemValue(QStringLiteral("role")));
    if (!list)
        return errorFor(list.error());
    return jsonResponse(200, QJsonObject { { QStringLiteral("windows"), *list } });
}

std::optional<AuthContext> AccountRoutes::authenticate(
    const HttpRequest &request, HttpResponse *error)
{
    return authenticateToken(
        parseBearer(request.header(QByteArrayLiteral("Authorization"))), error);
}

std::optional<AuthContext> AccountRoutes::authenticateToken(
    const QByteArray &token, HttpResponse *error)
{
    auto context = m_accounts.authenticateToken(token);
    if (!context) {
        *error = errorFor(context.error());
        return std::nullopt;
    }
    return std::move(*context);
}

std::optional<AuthContext> AccountRoutes::authenticateSocket(
    const QByteArray &token, QJsonObject *error)
{
    HttpResponse refused;
    auto context = authenticateToken(token, &refused);
    if (!context) {
        *error = QJsonDocument::fromJson(refused.body)
                     .object()
                     .value(QStringLiteral("error"))
                     .toObject();
    }
    return context;
}

} // namespace Tongban::Hub
