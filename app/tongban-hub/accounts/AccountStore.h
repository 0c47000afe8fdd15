#pragma once

#include <core/Result.h>

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/// A window as stored (hub_windows).
struct WindowRow
{
    QString id;
    QString name;
    QString role;
    QString jurisdictionCode;
    QString jurisdictionName;
    QString presence;
};

/// What a password is checked against.
struct StoredPassword
{
    QByteArray salt;
    QByteArray hash;
    int iterations = 0;
};

/// A token of a session (hub_tokens) with its account.
struct TokenRow
{
    QString sessionId;
    QString account;
    QString windowId;
    qint64 expiresAt = 0;
    QString role;
    QString jurisdictionCode;
    bool disabled = false;
    std::optional<qint64> replacedAt;
    QString replacedByWindow;
};

/// One token to store: its SHA-256, "access" or "refresh", and when it expires.
struct NewToken
{
    QByteArray hash;
    QString kind;
    qint64 expiresAt = 0;
};

/*!
 * The SQL of accounts, windows and sessions (contract §2, §3): hub_accounts, hub_windows,
 * hub_account_windows and hub_tokens (tokens only as their hash). Plain SQL but for the
 * "INSERT OR REPLACE" of addWindow / addAccount (a re-seeded window or account replaced
 * whole), SQLite's, to become an upsert on PostgreSQL.
 *
 * Threading: the thread that owns the Database.
 */
class AccountStore
{
public:
    explicit AccountStore(Storage::Database &database);

    Core::Status addWindow(const WindowRow &window);
    Core::Status addAccount(const QString &account, const QString &name, const QString &role,
        const QString &jurisdictionCode, const StoredPassword &password,
        const QStringList &windowIds);
    Core::Status setWindowPhone(const QString &windowId, const QString &storedPhone);
    Core::Status setDisabled(const QString &account, bool disabled);

    /// The stored password of \a account; nullopt when there is no such account.
    Core::Result<std::optional<StoredPassword>> password(const QString &account) const;
    /// Whether \a account is disabled; nullopt when there is no such account.
    Core::Result<std::optional<bool>> disabled(const QString &account) const;
    Core::Result<bool> isAssigned(const QString &account, const QString &windowId) const;
    /// The name and role of \a account; nullopt when unknown.
    std::optional<QPair<QString, QString>> clerk(const QString &account) const;

    std::optional<WindowRow> window(const QString &windowId) const;
    /// The ids of the windows of \a jurisdiction and \a role (or "both"), each filter only
    /// when not empty, by id.
    Core::Result<QStringList> windowIds(const QString &jurisdiction, const QString &role) const;

    /// The live sessions of \a account at \a nowMs: session id and window id.
    Core::Result<QList<QPair<QString, QString>>> liveSessions(
        const QString &account, qint64 nowMs) const;
    /// Marks every unreplaced token of \a account replaced at \a nowMs by \a windowId.
    Core::Status markReplaced(const QString &account, const QString &windowId, qint64 nowMs);
    /// Stores \a tokens of one session, in one transaction.
    Core::Status storeTokens(const QString &sessionId, const QString &account,
        const QString &windowId, const QList<NewToken> &tokens);
    /// The token of \a kind with \a hash; nullopt when none.
    Core::Result<std::optional<TokenRow>> token(const QByteArray &hash, const QString &kind) const;
    /// Every token of \a sessionId.
    Core::Result<QList<TokenRow>> sessionTokens(const QString &sessionId) const;
    Core::Status deleteSession(const QString &sessionId);

private:
    Storage::Database &m_database;
};

} // namespace Tongban::Hub
