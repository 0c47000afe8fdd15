#include "SerialBlockService.h"

#include "Logging.h"
#include "accounts/AccountService.h"

#include <storage/Database.h>

#include <QRegularExpression>
#include <QSqlQuery>

namespace Tongban::Hub {

namespace {

HttpResponse htmlPage(int status, const QString &title, const QString &text)
{
    HttpResponse response;
    response.status = status;
    response.addHeader(
        QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=utf-8"));
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.body = QString(QStringLiteral("<!DOCTYPE html><html lang='zh-CN'><head>"
                                           "<meta charset='utf-8'><meta name='viewport' "
                                           "content='width=device-width,initial-scale=1'>"
                                           "<title>")
        + title.toHtmlEscaped() + QStringLiteral("</title></head><body><h1>")
        + title.toHtmlEscaped() + QStringLiteral("</h1>") + text + QStringLiteral("</body></html>"))
                        .toUtf8();
    return response;
}

QString kindName(const QString &code)
{
    if (code == QLatin1String("GZ"))
        return QStringLiteral("一次性告知书");
    if (code == QLatin1String("HZ"))
        return QStringLiteral("收件回执");
    return QStringLiteral("纸质材料寄送单");
}

} // namespace

SerialBlockService::SerialBlockService(Storage::Database &database, const Core::Clock &clock)
    : m_database(database)
    , m_clock(clock)
{ }

Storage::MigrationSet SerialBlockService::schema()
{
    Storage::Migration first;
    first.version = 1;
    first.description = QStringLiteral("serial blocks reserved per window");
    first.statements = {
        QStringLiteral("CREATE TABLE hub_serial_windows (window_id TEXT PRIMARY KEY,"
                       " prefix TEXT NOT NULL UNIQUE, last INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE hub_serial_blocks (id INTEGER PRIMARY KEY,"
                       " window_id TEXT NOT NULL REFERENCES hub_serial_windows(window_id),"
                       " first INTEGER NOT NULL, last INTEGER NOT NULL, account TEXT NOT NULL,"
                       " created_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX hub_serial_blocks_window ON hub_serial_blocks(window_id,"
                       " first)"),
    };
    return Storage::MigrationSet { QStringLiteral("hub_serials"), { first } };
}

QString SerialBlockService::prefixOf(const QString &windowId)
{
    return windowId.toUpper();
}

HttpResponse SerialBlockService::reserve(
    const QString &windowId, const QJsonObject &body, const AuthContext &context)
{
    // Only a session at this very window: another window's token, or a department or admin
    // session (no window), never takes its numbers.
    if (context.windowId.isEmpty() || context.windowId != windowId) {
        return errorResponse(403, QStringLiteral("forbidden"),
            QStringLiteral("只能为本窗口申领文书编号"), QStringLiteral("window_id"));
    }
    const QJsonValue countValue = body.value(QStringLiteral("count"));
    int count = kDefaultCount;
    if (!countValue.isUndefined()) {
        const double asked = countValue.toDouble(-1);
        if (!countValue.isDouble() || asked != double(int(asked)) || asked < 1
            || asked > kMaxCount) {
            return errorResponse(422, QStringLiteral("validation_failed"),
                QStringLiteral("申领数量有误"),
                QStringLiteral("/count: an integer from 1 to %1").arg(kMaxCount));
        }
        count = int(asked);
    }
    const QString prefix = prefixOf(windowId);
    qint64 first = 0;
    qint64 last = 0;
    const Core::Status status = m_database.transaction([&]() -> Core::Status {
        QSqlQuery q(m_database.connection());
        // Insert the window's mark once; then raise it. The UPDATE takes the row's lock
        // (PostgreSQL) or the database's (SQLite), so two reservations never overlap.
        q.prepare(QStringLiteral("INSERT INTO hub_serial_windows (window_id, prefix, last)"
                                 " SELECT ?, ?, 0 WHERE NOT EXISTS (SELECT 1 FROM"
                                 " hub_serial_windows WHERE window_id = ?)"));
        q.addBindValue(windowId);
        q.addBindValue(prefix);
        q.addBindValue(windowId);
        if (!q.exec())
            return Storage::Database::queryError(q, QStringLiteral("serial window"));
        q.prepare(
            QStringLiteral("UPDATE hub_serial_windows SET last = last + ? WHERE window_id = ?"));
        q.addBindValue(count);
        q.addBindValue(windowId);
        if (!q.exec())
            return Storage::Database::queryError(q, QStringLiteral("raise serial mark"));
        q.prepare(QStringLiteral("SELECT last FROM hub_serial_windows WHERE window_id = ?"));
        q.addBindValue(windowId);
        if (!q.exec() || !q.next())
            return Storage::Database::queryError(q, QStringLiteral("read serial mark"));
        last = q.value(0).toLongLong();
        first = last - count + 1;
        q.prepare(QStringLiteral("INSERT INTO hub_serial_blocks (window_id, first, last,"
                                 " account, created_at) VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(windowId);
        q.addBindValue(first);
        q.addBindValue(last);
        q.addBindValue(context.account);
        q.addBindValue(m_clock.now().toMSecsSinceEpoch());
        if (!q.exec())
            return Storage::Database::queryError(q, QStringLiteral("record serial block"));
        return {};
    });
    if (!status)
        return internalError(status.error().detail);
    qCInfo(lcHub).noquote() << "serial block" << prefix << first << "to" << last << "for"
                            << context.account;
    return jsonResponse(201,
        QJsonObject { { QStringLiteral("windowId"), windowId },
            { QStringLiteral("serialPrefix"), prefix }, { QStringLiteral("first"), first },
            { QStringLiteral("last"), last } });
}

HttpResponse SerialBlockService::publicPage(const QString &serial) const
{
    static const QRegularExpression pattern(
        QStringLiteral("^([A-Z0-9-]{1,64})-(GZ|HZ|JS)-(\\d{4})-(\\d{6,12})$"));
    const QRegularExpressionMatch match = pattern.match(serial);
    const HttpResponse unknown = htmlPage(404, QStringLiteral("未找到此编号"),
        QStringLiteral("<p>统一受理平台没有分配过这个文书编号。请核对编号，或向开具文书的"
                       "窗口咨询。</p>"));
    if (!match.hasMatch())
        return unknown;
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "SELECT w.window_id, coalesce(h.name, w.window_id) FROM hub_serial_windows w"
        " LEFT JOIN hub_windows h ON h.id = w.window_id WHERE w.prefix = ? AND EXISTS"
        " (SELECT 1 FROM hub_serial_blocks b WHERE b.window_id = w.window_id"
        " AND b.first <= ? AND b.last >= ?)"));
    const qint64 number = match.captured(4).toLongLong();
    q.addBindValue(match.captured(1));
    q.addBindValue(number);
    q.addBindValue(number);
    if (!q.exec() || !q.next())
        return unknown;
    return htmlPage(200, kindName(match.captured(2)),
        QStringLiteral("<p>编号：%1</p><p>文书：%2（%3年）</p><p>开具窗口：%4</p>"
                       "<p>此编号由统一受理平台分配给该窗口。本页不显示申请人"
                       "信息；办理进度请凭此编号到任一通办窗口查询。</p>")
            .arg(serial.toHtmlEscaped(), kindName(match.captured(2)), match.captured(3),
                q.value(1).toString().toHtmlEscaped()));
}

} // namespace Tongban::Hub
