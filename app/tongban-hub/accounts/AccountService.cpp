#include "AccountService.h"

#include "Logging.h"
#include "security/Secrets.h"

#include <storage/Database.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace Tongban::Hub {

namespace {

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), count / 4);
    return bytes;
}

QByteArray tokenHash(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

HttpResponse invalidCredentials()
{
    return errorResponse(
        401, QStringLiteral("invalid_credentials"), QStringLiteral("账号或密码错误，请重新输入"));
}

Core::Error dbError(const QSqlQuery &query, const QString &what)
{
    return Storage::Database::queryError(query, what);
}

} // namespace

AccountService::AccountService(
    Storage::Database &database, const HubConfig &config, const Core::Clock &clock)
    : m_database(database)
    , m_config(config)
    , m_clock(clock)
    , m_throttle(config.lockoutFailures, config.rates.signInFailuresPerAddress, config.lockoutSecs)
{ }

QByteArray AccountService::derive(
    const QString &password, const QByteArray &salt, int iterations) const
{
    return QPasswordDigestor::deriveKeyPbkdf2(
        QCryptographicHash::Sha256, password.toUtf8(), salt, iterations, 32);
}

Core::Status AccountService::addWindow(const QString &id, const QString &name, const QString &role,
    const QString &jurisdictionCode, const QString &jurisdictionName)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO hub_windows (id, name, role,"
                                 " jurisdiction_code, jurisdiction_name) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(id);
    query.addBindValue(name);
    query.addBindValue(role);
    query.addBindValue(jurisdictionCode);
    query.addBindValue(jurisdictionName);
    if (!query.exec())
        return dbError(query, QStringLiteral("add window"));
    return {};
}

Core::Status AccountService::addAccount(const QString &account, const QString &name,
    const QString &role, const QString &jurisdictionCode, const QString &password,
    const QStringList &windowIds)
{
    const QByteArray salt = randomBytes(16);
    const QByteArray hash = derive(password, salt, m_config.pbkdf2Iterations);
    return m_database.transaction([&]() -> Core::Status {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO hub_accounts (account, name, role,"
                                     " jurisdiction_code, salt, hash, iterations)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(account);
        query.addBindValue(name);
        query.addBindValue(role);
        query.addBindValue(jurisdictionCode);
        query.addBindValue(salt);
        query.addBindValue(hash);
        query.addBindValue(m_config.pbkdf2Iterations);
        if (!query.exec())
            return dbError(query, QStringLiteral("add account"));
        for (const QString &windowId : windowIds) {
            QSqlQuery link(m_database.connection());
            link.prepare(QStringLiteral(
                "INSERT OR IGNORE INTO hub_account_windows (account, window_id) VALUES (?, ?)"));
            link.addBindValue(account);
            link.addBindValue(windowId);
            if (!link.exec())
                return dbError(link, QStringLiteral("assign window"));
        }
        return {};
    });
}

Core::Status AccountService::setWindowPhone(const QString &windowId, const QString &phone)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE hub_windows SET phone = ? WHERE id = ?"));
    query.addBindValue(m_secrets ? m_secrets->seal(phone) : phone);
    query.addBindValue(windowId);
    if (!query.exec())
        return dbError(query, QStringLiteral("set window phone"));
    return {};
}

Core::Status AccountService::setDisabled(const QString &account, bool disabled)
{
    const QList<QPair<QString, QString>> live
        = disabled ? liveSessions(account) : QList<QPair<QString, QString>>();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE hub_accounts SET disabled = ? WHERE account = ?"));
    query.addBindValue(disabled ? 1 : 0);
    query.addBindValue(account);
    if (!query.exec())
        return dbError(query, QStringLiteral("disable account"));
    for (const auto &[sessionId, windowId] : live) {
        qCInfo(lcHub) << "account" << account << "disabled: session at window" << windowId
                      << "ended";
        if (m_sessionEnded) {
            m_sessionEnded(SessionEnd { sessionId, account, windowId,
                QStringLiteral("account_disabled"), {}, {}, {}, m_clock.now() });
        }
    }
    return {};
}

HttpResponse AccountService::login(const QJsonObject &body, const QString &address)
{
    std::variant<HttpResponse, LoginAttempt> begun = beginLogin(body, address);
    if (auto *answer = std::get_if<HttpResponse>(&begun))
        return *answer;
    const LoginAttempt &attempt = std::get<LoginAttempt>(begun);
    return finishLogin(attempt, verifyPassword(attempt));
}

std::variant<HttpResponse, LoginAttempt> AccountService::beginLogin(
    const QJsonObject &body, const QString &address)
{
    LoginAttempt attempt;
    attempt.account = body.value(QStringLiteral("account")).toString();
    attempt.password = body.value(QStringLiteral("password")).toString();
    attempt.windowId = body.value(QStringLiteral("windowId")).toString();
    attempt.address = address;
    if (attempt.account.isEmpty() || attempt.password.isEmpty() || attempt.account.size() > 128
        || attempt.password.size() > 1024)
        return invalidCredentials();

    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    // Locks are per account name and address, known or not (issue 13): the answer is the
    // same for a name that does not exist.
    if (const qint64 until = m_throttle.lockedUntil(attempt.account, address, nowMs)) {
        return errorResponse(423, QStringLiteral("account_locked"),
            QStringLiteral("连续多次密码错误，账号已临时锁定，请稍后再试"),
            rfc3339(QDateTime::fromMSecsSinceEpoch(until, Qt::UTC)));
    }
    if (const qint64 until = m_throttle.addressBlockedUntil(address, nowMs)) {
        HttpResponse answer = errorResponse(429, QStringLiteral("rate_limited"),
            QStringLiteral("登录尝试过于频繁，请稍后再试"),
            rfc3339(QDateTime::fromMSecsSinceEpoch(until, Qt::UTC)));
        answer.addHeader(
            QByteArrayLiteral("Retry-After"), QByteArray::number((until - nowMs + 999) / 1000));
        return answer;
    }

    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT salt, hash, iterations FROM hub_accounts"
                                 " WHERE account = ?"));
    query.addBindValue(attempt.account);
    if (!query.exec())
        return internalError(query.lastError().text());
    if (query.next()) {
        attempt.known = true;
        attempt.salt = query.value(0).toByteArray();
        attempt.hash = query.value(1).toByteArray();
        attempt.iterations = query.value(2).toInt();
    } else {
        // An unknown account costs the same hash as a known one: its answer comes as late.
        attempt.salt = QByteArray(16, '\x5a');
        attempt.hash = QByteArray(32, '\0');
        attempt.iterations = m_config.pbkdf2Iterations;
    }
    return attempt;
}

bool AccountService::verifyPassword(const LoginAttempt &attempt)
{
    const QByteArray derived = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256,
        attempt.password.toUtf8(), attempt.salt, attempt.iterations, 32);
    return attempt.known && constantTimeEquals(derived, attempt.hash);
}

HttpResponse AccountService::finishLogin(const LoginAttempt &attempt, bool passwordMatches)
{
    const QString &account = attempt.account;
    const QString &windowId = attempt.windowId;
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    if (!passwordMatches) {
        if (m_throttle.failed(account, attempt.address, nowMs)) {
            qCInfo(lcHub) << "sign-in locked after failed attempts for" << account << "from"
                          << attempt.address;
        }
        return invalidCredentials();
    }
    m_throttle.succeeded(account, attempt.address);

    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT disabled FROM hub_accounts WHERE account = ?"));
    query.addBindValue(account);
    if (!query.exec())
        return internalError(query.lastError().text());
    if (!query.next())
        return invalidCredentials(); // removed while its password was checked
    const bool disabled = query.value(0).toInt() != 0;

    if (disabled) {
        return errorResponse(
            403, QStringLiteral("account_disabled"), QStringLiteral("账号已停用，请联系管理员"));
    }
    if (!windowId.isEmpty()) {
        QSqlQuery assigned(m_database.connection());
        assigned.prepare(QStringLiteral(
            "SELECT 1 FROM hub_account_windows WHERE account = ? AND window_id = ?"));
        assigned.addBindValue(account);
        assigned.addBindValue(windowId);
        if (!assigned.exec())
            return internalError(assigned.lastError().text());
        if (!assigned.next()) {
            return errorResponse(403, QStringLiteral("window_mismatch"),
                QStringLiteral("该账号未分配到此窗口，请核对窗口设置"), windowId);
        }
    }
    // One live session per account (issue 12): the earlier sessions end now. Their tokens
    // are kept, marked, so that their holders learn why (401 session_replaced).
    const QList<QPair<QString, QString>> replaced = liveSessions(account);
    QSqlQuery revoke(m_database.connection());
    revoke.prepare(QStringLiteral("UPDATE hub_tokens SET replaced_at = ?, replaced_by_window = ?"
                                  " WHERE account = ? AND replaced_at IS NULL"));
    revoke.addBindValue(nowMs);
    revoke.addBindValue(windowId);
    revoke.addBindValue(account);
    if (!revoke.exec())
        return internalError(revoke.lastError().text());
    QJsonArray replacedJson;
    for (const auto &[oldSession, oldWindow] : replaced) {
        replacedJson.append(QJsonObject { { QStringLiteral("windowId"),
            oldWindow.isEmpty() ? QJsonValue() : QJsonValue(oldWindow) } });
    }
    const QString sessionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    HttpResponse answer = issueTokens(account, windowId, sessionId, 200, replacedJson);
    if (answer.status != 200)
        return answer;
    const QString windowName = windowJson(windowId).value(QStringLiteral("name")).toString();
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    for (const auto &[oldSession, oldWindow] : replaced) {
        qCInfo(lcHub).noquote() << "session of" << account << "at window"
                                << (oldWindow.isEmpty() ? QStringLiteral("(none)") : oldWindow)
                                << "replaced by a sign-in at window"
                                << (windowId.isEmpty() ? QStringLiteral("(none)") : windowId);
        if (m_sessionEnded) {
            m_sessionEnded(SessionEnd { oldSession, account, oldWindow,
                QStringLiteral("session_replaced"), windowId, windowName, sessionId, at });
        }
    }
    return answer;
}

QList<QPair<QString, QString>> AccountService::liveSessions(const QString &account) const
{
    QList<QPair<QString, QString>> sessions;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT session_id, MAX(window_id) FROM hub_tokens"
                                 " WHERE account = ? AND replaced_at IS NULL AND expires_at > ?"
                                 " GROUP BY session_id ORDER BY session_id"));
    query.addBindValue(account);
    query.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if (!query.exec()) {
        qCWarning(lcHub) << "reading sessions failed:" << query.lastError().text();
        return sessions;
    }
    while (query.next())
        sessions.append({ query.value(0).toString(), query.value(1).toString() });
    return sessions;
}

HttpResponse AccountService::replacedError(const QString &byWindowId, qint64 atMs) const
{
    const QString at = rfc3339(QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC));
    const QString windowName = windowJson(byWindowId).value(QStringLiteral("name")).toString();
    return jsonResponse(401,
        QJsonObject { { QStringLiteral("error"),
            QJsonObject { { QStringLiteral("code"), QStringLiteral("session_replaced") },
                { QStringLiteral("message"),
                    QStringLiteral("此账号已在其他窗口登录，本窗口的登录已结束，请重新登录") },
                { QStringLiteral("detail"), QStringLiteral("window=%1 at=%2").arg(byWindowId, at) },
                { QStringLiteral("replacedBy"),
                    QJsonObject { { QStringLiteral("windowId"), byWindowId },
                        { QStringLiteral("windowName"), windowName },
                        { QStringLiteral("at"), at } } } } } });
}

std::optional<SessionEnd> AccountService::sessionEnd(const QString &sessionId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT t.replaced_at, t.replaced_by_window, t.expires_at, a.disabled, t.account,"
        " t.window_id FROM hub_tokens t JOIN hub_accounts a ON a.account = t.account"
        " WHERE t.session_id = ?"));
    query.addBindValue(sessionId);
    if (!query.exec()) {
        qCWarning(lcHub) << "reading a session failed:" << query.lastError().text();
        return std::nullopt; // not known to have ended: the socket stays
    }
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    SessionEnd end { sessionId, {}, {}, QStringLiteral("signed_out"), {}, {}, {}, m_clock.now() };
    bool any = false;
    bool disabled = false;
    while (query.next()) {
        any = true;
        end.account = query.value(4).toString();
        end.windowId = query.value(5).toString();
        disabled = query.value(3).toInt() != 0;
        if (!query.value(0).isNull()) {
            end.reason = QStringLiteral("session_replaced");
            end.byWindowId = query.value(1).toString();
            end.byWindowName = windowJson(end.byWindowId).value(QStringLiteral("name")).toString();
            end.at = QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC);
            return end;
        }
        if (!disabled && query.value(2).toLongLong() > nowMs)
            return std::nullopt;
    }
    if (any)
        end.reason
            = disabled ? QStringLiteral("account_disabled") : QStringLiteral("token_expired");
    return end;
}

HttpResponse AccountService::issueTokens(const QString &account, const QString &windowId,
    const QString &sessionId, int status, const std::optional<QJsonArray> &replaced)
{
    const QByteArray access
        = randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray refreshToken
        = randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    const Core::Status stored = m_database.transaction([&]() -> Core::Status {
        const struct
        {
            QByteArray token;
            const char *kind;
            qint64 expiresAt;
        } rows[] = { { access, "access", nowMs + qint64(m_config.accessTokenSecs) * 1000 },
            { refreshToken, "refresh", nowMs + qint64(m_config.refreshTokenSecs) * 1000 } };
        for (const auto &row : rows) {
            QSqlQuery query(m_database.connection());
            query.prepare(QStringLiteral("INSERT INTO hub_tokens (hash, kind, session_id, account,"
                                         " window_id, expires_at) VALUES (?, ?, ?, ?, ?, ?)"));
            query.addBindValue(tokenHash(row.token));
            query.addBindValue(QString::fromLatin1(row.kind));
            query.addBindValue(sessionId);
            query.addBindValue(account);
            query.addBindValue(windowId);
            query.addBindValue(row.expiresAt);
            if (!query.exec())
                return dbError(query, QStringLiteral("store token"));
        }
        return {};
    });
    if (!stored)
        return internalError(stored.error().detail);
    QJsonObject answer { { QStringLiteral("accessToken"), QString::fromLatin1(access) },
        { QStringLiteral("refreshToken"), QString::fromLatin1(refreshToken) },
        { QStringLiteral("expiresIn"), m_config.accessTokenSecs },
        { QStringLiteral("refreshExpiresIn"), m_config.refreshTokenSecs },
        { QStringLiteral("clerk"), clerkJson(account, windowId) } };
    if (replaced)
        answer.insert(QStringLiteral("replaced"), *replaced);
    return jsonResponse(status, answer);
}

HttpResponse AccountService::refresh(const QJsonObject &body)
{
    const QByteArray token = body.value(QStringLiteral("refreshToken")).toString().toLatin1();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT session_id, account, window_id, expires_at, replaced_at,"
                                 " replaced_by_window FROM hub_tokens"
                                 " WHERE hash = ? AND kind = 'refresh'"));
    query.addBindValue(tokenHash(token));
    if (!query.exec())
        return internalError(query.lastError().text());
    if (token.isEmpty() || !query.next()) {
        return errorResponse(
            401, QStringLiteral("token_invalid"), QStringLiteral("登录已失效，请重新登录"));
    }
    const QString sessionId = query.value(0).toString();
    const QString account = query.value(1).toString();
    const QString windowId = query.value(2).toString();
    if (!query.value(4).isNull())
        return replacedError(query.value(5).toString(), query.value(4).toLongLong());
    if (query.value(3).toLongLong() <= m_clock.now().toMSecsSinceEpoch()) {
        return errorResponse(
            401, QStringLiteral("token_expired"), QStringLiteral("登录已过期，请重新登录"));
    }
    // Rotation: the whole pair of the session is replaced, so the old refresh
    // token (and the access token issued with it) stop working.
    QSqlQuery revoke(m_database.connection());
    revoke.prepare(QStringLiteral("DELETE FROM hub_tokens WHERE session_id = ?"));
    revoke.addBindValue(sessionId);
    if (!revoke.exec())
        return internalError(revoke.lastError().text());
    return issueTokens(account, windowId, sessionId, 200);
}

HttpResponse AccountService::logout(const AuthContext &context)
{
    QSqlQuery revoke(m_database.connection());
    revoke.prepare(QStringLiteral("DELETE FROM hub_tokens WHERE session_id = ?"));
    revoke.addBindValue(context.sessionId);
    if (!revoke.exec())
        return internalError(revoke.lastError().text());
    if (m_sessionEnded) {
        m_sessionEnded(SessionEnd { context.sessionId, context.account, context.windowId,
            QStringLiteral("signed_out"), {}, {}, {}, m_clock.now() });
    }
    return emptyResponse(204);
}

HttpResponse AccountService::me(const AuthContext &context)
{
    return jsonResponse(200, clerkJson(context.account, context.windowId));
}

std::optional<AuthContext> AccountService::authenticate(
    const HttpRequest &request, HttpResponse *error)
{
    return authenticateToken(
        parseBearer(request.header(QByteArrayLiteral("Authorization"))), error);
}

std::optional<AuthContext> AccountService::authenticateToken(
    const QByteArray &token, HttpResponse *error)
{
    const HttpResponse invalid = errorResponse(
        401, QStringLiteral("token_invalid"), QStringLiteral("登录已失效，请重新登录"));
    if (token.isEmpty()) {
        *error = invalid;
        return std::nullopt;
    }
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT t.session_id, t.account, t.window_id, t.expires_at, a.role, a.jurisdiction_code,"
        " a.disabled, t.replaced_at, t.replaced_by_window FROM hub_tokens t"
        " JOIN hub_accounts a ON a.account = t.account WHERE t.hash = ? AND t.kind = 'access'"));
    query.addBindValue(tokenHash(token));
    if (!query.exec()) {
        *error = internalError(query.lastError().text());
        return std::nullopt;
    }
    if (!query.next()) {
        *error = invalid;
        return std::nullopt;
    }
    if (!query.value(7).isNull()) {
        *error = replacedError(query.value(8).toString(), query.value(7).toLongLong());
        return std::nullopt;
    }
    if (query.value(6).toInt() != 0) {
        *error = invalid;
        return std::nullopt;
    }
    if (query.value(3).toLongLong() <= m_clock.now().toMSecsSinceEpoch()) {
        *error = errorResponse(
            401, QStringLiteral("token_expired"), QStringLiteral("登录已过期，请刷新登录"));
        return std::nullopt;
    }
    AuthContext context;
    context.sessionId = query.value(0).toString();
    context.account = query.value(1).toString();
    context.windowId = query.value(2).toString();
    context.role = query.value(4).toString();
    context.jurisdictionCode = query.value(5).toString();
    return context;
}

QJsonObject AccountService::windowJson(const QString &windowId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id, name, role, jurisdiction_code, jurisdiction_name,"
                                 " presence FROM hub_windows WHERE id = ?"));
    query.addBindValue(windowId);
    if (!query.exec() || !query.next())
        return {};
    return QJsonObject { { QStringLiteral("id"), query.value(0).toString() },
        { QStringLiteral("name"), query.value(1).toString() },
        { QStringLiteral("role"), query.value(2).toString() },
        { QStringLiteral("jurisdiction"),
            QJsonObject { { QStringLiteral("code"), query.value(3).toString() },
                { QStringLiteral("name"), query.value(4).toString() } } },
        { QStringLiteral("presence"), query.value(5).toString() } };
}

QJsonObject AccountService::clerkJson(const QString &account, const QString &windowId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT name, role FROM hub_accounts WHERE account = ?"));
    query.addBindValue(account);
    QJsonObject clerk { { QStringLiteral("account"), account } };
    if (query.exec() && query.next()) {
        clerk.insert(QStringLiteral("name"), query.value(0).toString());
        clerk.insert(QStringLiteral("role"), query.value(1).toString());
    }
    const QJsonObject window = windowJson(windowId);
    clerk.insert(QStringLiteral("window"), window.isEmpty() ? QJsonValue() : QJsonValue(window));
    return clerk;
}

HttpResponse AccountService::windows(const QUrlQuery &urlQuery)
{
    const QString jurisdiction = urlQuery.queryItemValue(QStringLiteral("jurisdiction"));
    const QString role = urlQuery.queryItemValue(QStringLiteral("role"));
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
        return internalError(query.lastError().text());
    QJsonArray list;
    while (query.next())
        list.append(windowJson(query.value(0).toString()));
    return jsonResponse(200, QJsonObject { { QStringLiteral("windows"), list } });
}

HttpResponse AccountService::setPresence(const AuthContext &context, const QJsonObject &body)
{
    const QString status = body.value(QStringLiteral("status")).toString();
    // away: the workstation is locked (issue 15), not rung like busy.
    if (status != QLatin1String("online") && status != QLatin1String("busy")
        && status != QLatin1String("away") && status != QLatin1String("offline")) {
        return errorResponse(422, QStringLiteral("validation_failed"),
            QStringLiteral("在线状态无效"),
            QStringLiteral("status must be online, busy, away or offline"));
    }
    if (context.windowId.isEmpty()) {
        return errorResponse(
            403, QStringLiteral("forbidden"), QStringLiteral("未在窗口登录，不能设置在线状态"));
    }
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE hub_windows SET presence = ? WHERE id = ?"));
    query.addBindValue(status);
    query.addBindValue(context.windowId);
    if (!query.exec())
        return internalError(query.lastError().text());
    return emptyResponse(204);
}

} // namespace Tongban::Hub
