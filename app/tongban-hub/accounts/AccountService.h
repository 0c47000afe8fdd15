#pragma once

#include "HubConfig.h"
#include "http/HttpTypes.h"

#include <core/Result.h>

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

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
 * Accounts, windows and sessions (contract §2, §3, §11 presence).
 *
 * Passwords are stored as PBKDF2-SHA256 with a random 16-byte salt; tokens
 * are 256 random bits, handed out once and stored only as their SHA-256.
 * HubConfig::lockoutFailures failed sign-ins in a row lock the account for
 * lockoutSecs. All times come from the injected Clock.
 *
 * Threading: the thread that owns the Database.
 */
class AccountService
{
public:
    AccountService(Storage::Database &database, const HubConfig &config, const Core::Clock &clock);

    Core::Status addWindow(const QString &id, const QString &name, const QString &role,
        const QString &jurisdictionCode, const QString &jurisdictionName);
    Core::Status addAccount(const QString &account, const QString &name, const QString &role,
        const QString &jurisdictionCode, const QString &password, const QStringList &windowIds);
    Core::Status setDisabled(const QString &account, bool disabled);
    /// The duty phone of a window, where missed-call SMS go (§11); empty: none.
    Core::Status setWindowPhone(const QString &windowId, const QString &phone);

    HttpResponse login(const QJsonObject &body);
    HttpResponse refresh(const QJsonObject &body);
    HttpResponse logout(const AuthContext &context);
    HttpResponse me(const AuthContext &context);
    HttpResponse windows(const QUrlQuery &query);
    HttpResponse setPresence(const AuthContext &context, const QJsonObject &body);

    /// The caller of \a request, or nullopt with \a error set (401 token_invalid / token_expired).
    std::optional<AuthContext> authenticate(const HttpRequest &request, HttpResponse *error);
    std::optional<AuthContext> authenticateToken(const QByteArray &token, HttpResponse *error);

    /// The contract's window object {id, name, jurisdiction: {code, name}}; empty when unknown.
    QJsonObject windowJson(const QString &windowId) const;

private:
    HttpResponse issueTokens(
        const QString &account, const QString &windowId, const QString &sessionId, int status);
    QJsonObject clerkJson(const QString &account, const QString &windowId) const;
    QByteArray derive(const QString &password, const QByteArray &salt, int iterations) const;

    Storage::Database &m_database;
    const HubConfig &m_config;
    const Core::Clock &m_clock;
};

} // namespace Tongban::Hub
