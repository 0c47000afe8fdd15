#include "AccountStore.h"

#include <storage/Database.h>

#include <QSqlQuery>
#include <QVariant>

namespace Tongban::Hub {

namespace {

Core::Error dbError(const QSqlQuery &query, const QString &what)
{
    return Storage::Database::queryError(query, what);
}

const QString TokenColumns = QStringLiteral(
    "t.session_id, t.account, t.window_id, t.expires_at, a.role, a.jurisdiction_code,"
    " a.disabled, t.replaced_at, t.replaced_by_window");

TokenRow tokenRow(const QSqlQuery &query)
{
    TokenRow row;
    row.sessionId = query.value(0).toString();
    row.account = query.value(1).toString();
    row.windowId = query.value(2).toString();
    row.expiresAt = query.value(3).toLongLong();
    row.role = query.value(4).toString();
    row.jurisdictionCode = query.value(5).toString();
    row.disabled = query.value(6).toInt() != 0;
    if (!query.value(7).isNull())
        row.replacedAt = query.value(7).toLongLong();
    row.replacedByWindow = query.value(8).toString();
    return row;
}

} // namespace

AccountStore::AccountStore(Storage::Database &database)
    : m_database(database)
{ }

Core::Status AccountStore::addWindow(const WindowRow &window)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO hub_windows (id, name, role,"
                                 " jurisdiction_code, jurisdiction_name) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(window.id);
    query.addBindValue(window.name);
    query.addBindValue(window.role);
    query.addBindValue(window.jurisdictionCode);
    query.addBindValue(window.jurisdictionName);
    if (!query.exec())
        return dbError(query, QStringLiteral("add window"));
    return {};
}

Core::Status AccountStore::addAccount(const QString &account, const QString &name,
    const QString &role, const QString &jurisdictionCode, const StoredPassword &password,
    const QStringList &windowIds)
{
    return m_database.transaction([&]() -> Core::Status {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO hub_accounts (account, name, role,"
                                     " jurisdiction_code, salt, hash, iterations)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(account);
        query.addBindValue(name);
        query.addBindValue(role);
        query.addBindValue(jurisdictionCode);
        query.addBindValue(password.salt);
        query.addBindValue(password.hash);
        query.addBindValue(password.iterations);
        if (!query.exec())
            return dbError(query, QStringLiteral("add account"));
        for (const QString &windowId : windowIds) {
            QSqlQuery link(m_database.connection());
            link.prepare(QStringLiteral(
                "INSERT INTO hub_account_windows (account, window_id) SELECT ?, ? WHERE NOT"
                " EXISTS (SELECT 1 FROM hub_account_windows WHERE account = ? AND window_id = ?)"));
            link.addBindValue(account);
            link.addBindValue(windowId);
            link.addBindValue(account);
            link.addBindValue(windowId);
            if (!link.exec())
                return dbError(link, QStringLiteral("assign window"));
        }
        return {};
    });
}

Core::Status AccountStore::setWindowPhone(const QString &windowId, const QString &storedPhone)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE hub_windows SET phone = ? WHERE id = ?"));
    query.addBindValue(storedPhone);
    query.addBindValue(windowId);
    if (!query.exec())
        return dbError(query, QStringLiteral("set window phone"));
    return {};
}

Core::Status AccountStore::setDisabled(const QString &account, bool disabled)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE hub_accounts SET disabled = ? WHERE account = ?"));
    query.addBindValue(disabled ? 1 : 0);
    query.addBindValue(account);
    if (!query.exec())
        return dbError(query, QStringLiteral("disable account"));
    return {};
}

Core::Result<std::optional<StoredPassword>> AccountStore::password(const QString &account) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT salt, hash, iterations FROM hub_accounts"
                                 " WHERE account = ?"));
    query.addBindValue(account);
    if (!query.exec())
        return dbError(query, QStringLiteral("read password"));
    if (!query.next())
        return std::optional<StoredPassword>();
    return std::optional<StoredPassword>(StoredPassword {
        query.value(0).toByteArray(), query.value(1).toByteArray(), query.value(2).toInt() });
}

Core::Result<std::optional<bool>> AccountStore::disabled(const QString &account) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT disabled FROM hub_accounts WHERE account = ?"));
    query.addBindValue(account);
    if (!query.exec())
        return dbError(query, QStringLiteral("read account"));
    if (!query.next())
        return std::optional<bool>();
    return std::optional<bool>(query.value(0).toInt() != 0);
}

Core::Result<bool> AccountStore::isAssigned(const QString &account, const QString &windowId) const
{
    QSqlQuery assigned(m_database.connection());
    assigned.prepare(
        QStringLiteral("SELECT 1 FROM hub_account_windows WHERE account = ? AND window_id = ?"));
    assigned.addBindValue(account);
    assigned.addBindValue(windowId);
    if (!assigned.exec())
        return dbError(assigned, QStringLiteral("read window assignment"));
    return assigned.next();
}

std::optional<QPair<QString, QString>> AccountStore::clerk(const QString &account) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT name, role FROM hub_accounts WHERE account = ?"));
    query.addBindValue(account);
    if (query.exec() && query.next())
        return QPair<QString, QString> { query.value(0).toString(), query.value(1).toString() };
    return std::nullopt;
}

std::optional<WindowRow> AccountStore::window(const QString &windowId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id, name, role, jurisdiction_code, jurisdiction_name,"
                                 " presence FROM hub_windows WHERE id = ?"));
    query.addBindValue(windowId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return WindowRow { query.value(0).toString(), query.value(1).toString(),
        query.value(2).toString(), query.value(3).toString(), query.value(4).toString(),
        query.value(5).toString() };
}

Core::Result<QStringList> AccountStore::windowIds(
    const QString &jurisdiction, const QString &role) const
{
    // Only the filters given: a parameter left out is a null QString, which binds as NULL and
    // matched nothing in "? = ''" (GET /windows?role=home listed no window).
    QStringList where;
    QStringList values;
    if (!jurisdiction.isEmpty()) {
        where.append(QStringLiteral("jurisdiction_code = ?"));
        values.append(jurisdiction);
    }
    if (!role.isEmpty()) {
        where.append(QStringLiteral("(role = ? OR role = 'both')"));
        values.append(role);
    }
    QSqlQuery query(m_database.connection());
    query.prepare(QString(QStringLiteral("SELECT id FROM hub_windows")
        + (where.isEmpty()
                ? QString()
                : QString(QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))))
        + QStringLiteral(" ORDER BY id")));
    for (const QString &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec())
        return dbError(query, QStringLiteral("list windows"));
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

Core::Result<QList<QPair<QString, QString>>> AccountStore::liveSessions(
    const QString &account, qint64 nowMs) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT session_id, MAX(window_id) FROM hub_tokens"
                                 " WHERE account = ? AND replaced_at IS NULL AND expires_at > ?"
                                 " GROUP BY session_id ORDER BY session_id"));
    query.addBindValue(account);
    query.addBindValue(nowMs);
    if (!query.exec())
        return dbError(query, QStringLiteral("read sessions"));
    QList<QPair<QString, QString>> sessions;
    while (query.next())
        sessions.append({ query.value(0).toString(), query.value(1).toString() });
    return sessions;
}

Core::Status AccountStore::markReplaced(
    const QString &account, const QString &windowId, qint64 nowMs)
{
    QSqlQuery revoke(m_database.connection());
    revoke.prepare(QStringLiteral("UPDATE hub_tokens SET replaced_at = ?, replaced_by_window = ?"
                                  " WHERE account = ? AND replaced_at IS NULL"));
    revoke.addBindValue(nowMs);
    revoke.addBindValue(windowId);
    revoke.addBindValue(account);
    if (!revoke.exec())
        return dbError(revoke, QStringLiteral("replace sessions"));
    return {};
}

Core::Status AccountStore::storeTokens(const QString &sessionId, const QString &account,
    const QString &windowId, const QList<NewToken> &tokens)
{
    return m_database.transaction([&]() -> Core::Status {
        for (const NewToken &token : tokens) {
            QSqlQuery query(m_database.connection());
            query.prepare(QStringLiteral("INSERT INTO hub_tokens (hash, kind, session_id, account,"
                                         " window_id, expires_at) VALUES (?, ?, ?, ?, ?, ?)"));
            query.addBindValue(token.hash);
            query.addBindValue(token.kind);
            query.addBindValue(sessionId);
            query.addBindValue(account);
            query.addBindValue(windowId);
            query.addBindValue(token.expiresAt);
            if (!query.exec())
                return dbError(query, QStringLiteral("store token"));
        }
        return {};
    });
}

Core::Result<std::optional<TokenRow>> AccountStore::token(
    const QByteArray &hash, const QString &kind) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT %1 FROM hub_tokens t JOIN hub_accounts a"
                                 " ON a.account = t.account WHERE t.hash = ? AND t.kind = ?")
                      .arg(TokenColumns));
    query.addBindValue(hash);
    query.addBindValue(kind);
    if (!query.exec())
        return dbError(query, QStringLiteral("read token"));
    if (!query.next())
        return std::optional<TokenRow>();
    return std::optional<TokenRow>(tokenRow(query));
}

Core::Result<QList<TokenRow>> AccountStore::sessionTokens(const QString &sessionId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT %1 FROM hub_tokens t JOIN hub_accounts a"
                                 " ON a.account = t.account WHERE t.session_id = ?")
                      .arg(TokenColumns));
    query.addBindValue(sessionId);
    if (!query.exec())
        return dbError(query, QStringLiteral("read a session"));
    QList<TokenRow> rows;
    while (query.next())
        rows.append(tokenRow(query));
    return rows;
}

Core::Status AccountStore::deleteSession(const QString &sessionId)
{
    QSqlQuery revoke(m_database.connection());
    revoke.prepare(QStringLiteral("DELETE FROM hub_tokens WHERE session_id = ?"));
    revoke.addBindValue(sessionId);
    if (!revoke.exec())
        return dbError(revoke, QStringLiteral("end a session"));
    return {};
}

} // namespace Tongban::Hub
