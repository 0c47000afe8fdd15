#include "AuditService.h"

#include "Logging.h"
#include "accounts/AccountService.h"

#include <core/Hash.h>

#include <QJsonArray>
#include <QJsonDocument>

namespace Tongban::Hub {

AuditService::AuditService(AuditStore &store, const Core::Clock &clock)
    : m_store(store)
    , m_clock(clock)
{ }

const QString &AuditService::genesisHash()
{
    static const QString zeros(64, QLatin1Char('0'));
    return zeros;
}

QString AuditService::canonical(const AuditRow &row)
{
    // Strings only: no number formatting can differ between the writer and the checker.
    const QJsonArray fields { QString::number(row.seq), QString::number(row.atMs), row.kind,
        row.actor, row.subject, row.detail };
    return QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact));
}

QString AuditService::chainHash(const QString &previousHash, const AuditRow &row)
{
    return Core::sha256Hex(QByteArray(previousHash.toLatin1() + canonical(row).toUtf8()));
}

Core::Result<qint64> AuditService::append(const AuditEntry &entry)
{
    AuditRow row;
    row.atMs = m_clock.now().toMSecsSinceEpoch();
    row.kind = entry.kind;
    row.actor = entry.actor;
    row.subject = entry.subject;
    // Never empty (an empty QString binds as NULL): "-" for nothing.
    for (QString *text : { &row.kind, &row.actor, &row.subject }) {
        if (text->isEmpty())
            *text = QStringLiteral("-");
    }
    row.detail = QString::fromUtf8(QJsonDocument(entry.detail).toJson(QJsonDocument::Compact));
    const Core::Status stored = m_store.inTransaction([&]() -> Core::Status {
        const auto last = m_store.last();
        if (!last)
            return last.error();
        row.seq = *last ? (*last)->seq + 1 : 1;
        row.previousHash = *last ? (*last)->hash : genesisHash();
        row.hash = chainHash(row.previousHash, row);
        return m_store.insert(row);
    });
    if (!stored) {
        qCWarning(lcHub).noquote()
            << "audit:" << entry.kind << "not recorded:" << stored.error().detail;
        return stored.error();
    }
    return row.seq;
}

Core::Result<AuditCheck> AuditService::verify() const
{
    AuditCheck check;
    QString previous = genesisHash();
    qint64 expected = 1;
    for (;;) {
        const auto rows = m_store.after(expected - 1, MaxPage);
        if (!rows)
            return rows.error();
        for (const AuditRow &row : *rows) {
            ++check.rows;
            if (row.seq != expected) {
                check.brokenSeq = expected;
                check.problem = QStringLiteral("row %1 is missing (the next row is %2)")
                                    .arg(expected)
                                    .arg(row.seq);
                return check;
            }
            if (row.previousHash != previous) {
                check.brokenSeq = row.seq;
                check.problem = QStringLiteral(
                    "row %1 does not follow row %2: its previous hash is not that row's hash")
                                    .arg(row.seq)
                                    .arg(row.seq - 1);
                return check;
            }
            if (chainHash(row.previousHash, row) != row.hash) {
                check.brokenSeq = row.seq;
                check.problem
                    = QStringLiteral("row %1 was changed: its hash does not match its content")
                          .arg(row.seq);
                return check;
            }
            previous = row.hash;
            ++expected;
        }
        if (rows->size() < MaxPage)
            break;
    }
    check.headHash = previous;
    return check;
}

Core::Result<AuditPage> AuditService::list(
    const AuthContext &context, qint64 afterSeq, int limit, const QString &kind) const
{
    if (context.role != QLatin1String("admin") && context.role != QLatin1String("supervisor")) {
        return Core::Error { Forbidden, QStringLiteral("只有管理员和督查人员可以查看审计记录"),
            context.role };
    }
    if (afterSeq < 0 || limit < 1 || limit > MaxPage || kind.size() > 64) {
        return Core::Error { BadQuery, QStringLiteral("查询参数错误"),
            QStringLiteral("afterSeq >= 0, limit 1 to %1, kind up to 64 characters").arg(MaxPage) };
    }
    const auto rows = m_store.after(afterSeq, limit + 1, kind);
    if (!rows)
        return rows.error();
    AuditPage page;
    page.rows = *rows;
    if (page.rows.size() > limit) {
        page.rows.resize(limit);
        page.nextAfterSeq = page.rows.last().seq;
    }
    return page;
}

bool AuditService::accountExists(const QString &account) const
{
    const auto exists = m_store.accountExists(account);
    return exists && *exists;
}

QString AuditService::signInName(const QString &typed) const
{
    if (typed.isEmpty())
        return QStringLiteral("(none)");
    if (accountExists(typed))
        return typed;
    const QString hash = m_keyedHash
        ? m_keyedHash(typed)
        : Core::sha256Hex(QByteArray("tongban-audit:" + typed.toUtf8()));
    return QString(typed.left(1) + QStringLiteral("***#") + hash.left(8));
}

} // namespace Tongban::Hub
