#include "AccountService.h"

#include "Logging.h"
#include "http/HttpTypes.h"
#include "security/Secrets.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

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

Core::Error invalidCredentials()
{
    return Core::Error { AccountService::InvalidCredentials,
        QStringLiteral("账号或密码错误，请重新输入"), {} };
}

Core::Error tokenInvalid()
{
    return Core::Error { AccountService::TokenInvalid, QStringLiteral("登录已失效，请重新登录"),
        {} };
}

Core::Error storeFailed(const Core::Error &error)
{
    return Core::Error { AccountService::StoreFailed, error.message, error.detail };
}

} // namespace

AccountService::AccountService(
    AccountStore &store, const HubConfig &config, const Core::Clock &clock)
    : m_store(store)
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
    return m_store.addWindow(WindowRow { id, name, role, jurisdictionCode, jurisdictionName, {} });
}

Core::Status AccountService::addAccount(const QString &account, const QString &name,
    const QString &role, const QString &jurisdictionCode, const QString &password,
    const QStringList &windowIds)
{
    const QByteArray salt = randomBytes(16);
    const QByteArray hash = derive(password, salt, m_config.pbkdf2Iterations);
    return m_store.addAccount(account, name, role, jurisdictionCode,
        StoredPassword { salt, hash, m_config.pbkdf2Iterations }, windowIds);
}

Core::Status AccountService::setWindowPhone(const QString &windowId, const QString &phone)
{
    return m_store.setWindowPhone(windowId, m_secrets ? m_secrets->seal(phone) : phone);
}

Core::Status AccountService::setDisabled(const QString &account, bool disabled)
{
    const QList<QPair<QString, QString>> live
        = disabled ? liveSessions(account) : QList<QPair<QString, QString>>();
    if (const Core::Status stored = m_store.setDisabled(account, disabled); !stored)
        return stored;
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

Core::Result<IssuedTokens> AccountService::login(const LoginAttempt &attempt)
{
    return finishLogin(attempt, verifyPassword(attempt));
}

Core::Result<LoginAttempt> AccountService::beginLogin(
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
        return Core::Error { AccountLocked,
            QStringLiteral("连续多次密码错误，账号已临时锁定，请稍后再试"),
            rfc3339(QDateTime::fromMSecsSinceEpoch(until, Qt::UTC)) };
    }
    if (const qint64 until = m_throttle.addressBlockedUntil(address, nowMs)) {
        return Core::Error { SignInsRateLimited, QStringLiteral("登录尝试过于频繁，请稍后再试"),
            rfc3339(QDateTime::fromMSecsSinceEpoch(until, Qt::UTC)) };
    }

    const auto stored = m_store.password(attempt.account);
    if (!stored)
        return storeFailed(stored.error());
    if (*stored) {
        attempt.known = true;
        attempt.salt = (*stored)->salt;
        attempt.hash = (*stored)->hash;
        attempt.iterations = (*stored)->iterations;
    } else {
        // An unknown account costs the same hash as a known one: its answer comes as late.
        attempt.salt = QByteArray(16, '\x5a');
        attempt.hash = QByteArray(32, '\0');
        attempt.iterations = m_config.pbkdf2Iterations;
    }
    return attempt;
}

qint64 AccountService::retryAfterSecs(const QString &address) const
{
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    const qint64 until = m_throttle.addressBlockedUntil(address, nowMs);
    return until > 0 ? (until - nowMs + 999) / 1000 : 0;
}

bool AccountService::verifyPassword(const LoginAttempt &attempt)
{
    const QByteArray derived = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256,
        attempt.password.toUtf8(), attempt.salt, attempt.iterations, 32);
    return attempt.known && constantTimeEquals(derived, attempt.hash);
}

Core::Result<IssuedTokens> AccountService::finishLogin(
    const LoginAttempt &attempt, bool passwordMatches)
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

    const auto disabled = m_store.disabled(account);
    if (!disabled)
        return storeFailed(disabled.error());
    if (!*disabled)
        return invalidCredentials(); // removed while its password was checked
    if (**disabled)
        return Core::Error { AccountDisabled, QStringLiteral("账号已停用，请联系管理员"), {} };
    if (!windowId.isEmpty()) {
        const auto assigned = m_store.isAssigned(account, windowId);
        if (!assigned)
            return storeFailed(assigned.error());
        if (!*assigned) {
            return Core::Error { WindowMismatch,
                QStringLiteral("该账号未分配到此窗口，请核对窗口设置"), windowId };
        }
    }
    // One live session per account (issue 12): the earlier sessions end now. Their tokens
    // are kept, marked, so that their holders learn why (401 session_replaced).
    const QList<QPair<QString, QString>> replaced = liveSessions(account);
    if (const Core::Status marked = m_store.markReplaced(account, windowId, nowMs); !marked)
        return storeFailed(marked.error());
    QJsonArray replacedJson;
    for (const auto &[oldSession, oldWindow] : replaced) {
        replacedJson.append(QJsonObject { { QStringLiteral("windowId"),
            oldWindow.isEmpty() ? QJsonValue() : QJsonValue(oldWindow) } });
    }
    const QString sessionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto issued = issueTokens(account, windowId, sessionId, replacedJson);
    if (!issued)
        return issued;
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
    return issued;
}

QList<QPair<QString, QString>> AccountService::liveSessions(const QString &account) const
{
    const auto sessions = m_store.liveSessions(account, m_clock.now().toMSecsSinceEpoch());
    if (!sessions) {
        qCWarning(lcHub) << "reading sessions failed:" << sessions.error().detail;
        return {};
    }
    return *sessions;
}

Core::Error AccountService::replacedError(const QString &byWindowId, qint64 atMs) const
{
    const QString at = rfc3339(QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC));
    return Core::Error { SessionReplaced,
        QStringLiteral("此账号已在其他窗口登录，本窗口的登录已结束，请重新登录"),
        QStringLiteral("window=%1 at=%2").arg(byWindowId, at) };
}

ReplacedBy AccountService::replacedBy(const Core::Error &error) const
{
    // The detail replacedError() wrote: "window=ID at=TIME" (a window id has no blank).
    static const QRegularExpression shape(QStringLiteral("^window=(\\S*) at=(.*)$"));
    const QRegularExpressionMatch match = shape.match(error.detail);
    ReplacedBy by { match.captured(1), {}, match.captured(2) };
    by.windowName = windowJson(by.windowId).value(QStringLiteral("name")).toString();
    return by;
}

std::optional<SessionEnd> AccountService::sessionEnd(const QString &sessionId) const
{
    const auto rows = m_store.sessionTokens(sessionId);
    if (!rows) {
        qCWarning(lcHub) << "reading a session failed:" << rows.error().detail;
        return std::nullopt; // not known to have ended: the socket stays
    }
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    SessionEnd end { sessionId, {}, {}, QStringLiteral("signed_out"), {}, {}, {}, m_clock.now() };
    bool any = false;
    bool disabled = false;
    for (const TokenRow &row : *rows) {
        any = true;
        end.account = row.account;
        end.windowId = row.windowId;
        disabled = row.disabled;
        if (row.replacedAt) {
            end.reason = QStringLiteral("session_replaced");
            end.byWindowId = row.replacedByWindow;
            end.byWindowName = windowJson(end.byWindowId).value(QStringLiteral("name")).toString();
            end.at = QDateTime::fromMSecsSinceEpoch(*row.replacedAt, Qt::UTC);
            return end;
        }
        if (!disabled && row.expiresAt > nowMs)
            return std::nullopt;
    }
    if (any)
        end.reason
            = disabled ? QStringLiteral("account_disabled") : QStringLiteral("token_expired");
    return end;
}

Core::Result<IssuedTokens> AccountService::issueTokens(const QString &account,
    const QString &windowId, const QString &sessionId, const std::optional<QJsonArray> &replaced)
{
    const QByteArray access
        = randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray refreshToken
        = randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    const Core::Status stored = m_store.storeTokens(sessionId, account, windowId,
        { NewToken { tokenHash(access), QStringLiteral("access"),
              nowMs + qint64(m_config.accessTokenSecs) * 1000 },
            NewToken { tokenHash(refreshToken), QStringLiteral("refresh"),
                nowMs + qint64(m_config.refreshTokenSecs) * 1000 } });
    if (!stored)
        return storeFailed(stored.error());
    return IssuedTokens { QString::fromLatin1(access), QString::fromLatin1(refreshToken),
        m_config.accessTokenSecs, m_config.refreshTokenSecs, clerkJson(account, windowId),
        replaced };
}

Core::Result<IssuedTokens> AccountService::refresh(const QByteArray &token)
{
    const auto row = m_store.token(tokenHash(token), QStringLiteral("refresh"));
    if (!row)
        return storeFailed(row.error());
    if (token.isEmpty() || !*row)
        return tokenInvalid();
    const TokenRow &found = **row;
    if (found.replacedAt)
        return replacedError(found.replacedByWindow, *found.replacedAt);
    if (found.expiresAt <= m_clock.now().toMSecsSinceEpoch())
        return Core::Error { TokenExpired, QStringLiteral("登录已过期，请重新登录"), {} };
    // Rotation: the whole pair of the session is replaced, so the old refresh
    // token (and the access token issued with it) stop working.
    if (const Core::Status revoked = m_store.deleteSession(found.sessionId); !revoked)
        return storeFailed(revoked.error());
    return issueTokens(found.account, found.windowId, found.sessionId);
}

Core::Status AccountService::logout(const AuthContext &context)
{
    if (const Core::Status revoked = m_store.deleteSession(context.sessionId); !revoked)
        return storeFailed(revoked.error());
    if (m_sessionEnded) {
        m_sessionEnded(SessionEnd { context.sessionId, context.account, context.windowId,
            QStringLiteral("signed_out"), {}, {}, {}, m_clock.now() });
    }
    return {};
}

Core::Result<AuthContext> AccountService::authenticateToken(const QByteArray &token) const
{
    if (token.isEmpty())
        return tokenInvalid();
    const auto row = m_store.token(tokenHash(token), QStringLiteral("access"));
    if (!row)
        return storeFailed(row.error());
    if (!*row)
        return tokenInvalid();
    const TokenRow &found = **row;
    if (found.replacedAt)
        return replacedError(found.replacedByWindow, *found.replacedAt);
    if (found.disabled)
        return tokenInvalid();
    if (found.expiresAt <= m_clock.now().toMSecsSinceEpoch())
        return Core::Error { TokenExpired, QStringLiteral("登录已过期，请刷新登录"), {} };
    AuthContext context;
    context.sessionId = found.sessionId;
    context.account = found.account;
    context.windowId = found.windowId;
    context.role = found.role;
    context.jurisdictionCode = found.jurisdictionCode;
    return context;
}

QJsonObject AccountService::windowJson(const QString &windowId) const
{
    const std::optional<WindowRow> window = m_store.window(windowId);
    if (!window)
        return {};
    return QJsonObject { { QStringLiteral("id"), window->id },
        { QStringLiteral("name"), window->name }, { QStringLiteral("role"), window->role },
        { QStringLiteral("jurisdiction"),
            QJsonObject { { QStringLiteral("code"), window->jurisdictionCode },
                { QStringLiteral("name"), window->jurisdictionName } } },
        { QStringLiteral("presence"), window->presence } };
}

QJsonObject AccountService::clerkJson(const QString &account, const QString &windowId) const
{
    QJsonObject clerk { { QStringLiteral("account"), account } };
    if (const auto found = m_store.clerk(account)) {
        clerk.insert(QStringLiteral("name"), found->first);
        clerk.insert(QStringLiteral("role"), found->second);
    }
    const QJsonObject window = windowJson(windowId);
    clerk.insert(QStringLiteral("window"), window.isEmpty() ? QJsonValue() : QJsonValue(window));
    return clerk;
}

Core::Result<QJsonArray> AccountService::windows(
    const QString &jurisdiction, const QString &role) const
{
    const auto ids = m_store.windowIds(jurisdiction, role);
    if (!ids)
        return storeFailed(ids.error());
    QJsonArray list;
    for (const QString &id : *ids)
        list.append(windowJson(id));
    return list;
}

} // namespace Tongban::Hub
