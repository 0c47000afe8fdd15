#include "IdempotencyStore.h"

#include "Logging.h"

#include <core/Hash.h>
#include <storage/Database.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Tongban::Hub {

namespace {

QString requestHash(const HttpRequest &request)
{
    Core::Sha256 hash;
    hash.addData(request.method);
    hash.addData(QByteArrayView("\n"));
    hash.addData(request.path.toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(request.body);
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

bool isValidIdempotencyKey(const QByteArray &key)
{
    if (key.isEmpty() || key.size() > 255)
        return false;
    for (const char c : key) {
        if (c < 0x21 || c > 0x7e)
            return false;
    }
    return true;
}

IdempotencyStore::IdempotencyStore(
    Storage::Database &database, const HubConfig &config, const Core::Clock &clock)
    : m_database(database)
    , m_config(config)
    , m_clock(clock)
{ }

std::optional<HttpResponse> IdempotencyStore::lookup(const QString &account,
    const QString &windowId, const QByteArray &key, const HttpRequest &request)
{
    const qint64 oldest
        = m_clock.now().toMSecsSinceEpoch() - qint64(m_config.idempotencyKeySecs) * 1000;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT request_sha256, status, headers, body FROM hub_idempotency"
                                 " WHERE account = ? AND window_id = ? AND key = ?"
                                 " AND created_at > ?"));
    query.addBindValue(account);
    query.addBindValue(windowId);
    query.addBindValue(QString::fromLatin1(key));
    query.addBindValue(oldest);
    if (!query.exec())
        return internalError(query.lastError().text());
    if (!query.next())
        return std::nullopt;
    if (query.value(0).toString() != requestHash(request)) {
        return errorResponse(409, QStringLiteral("idempotency_conflict"),
            QStringLiteral("同一幂等键已用于内容不同的请求"), QString::fromLatin1(key));
    }
    HttpResponse replay;
    const int status = query.value(1).toInt();
    replay.status = status == 201 ? 200 : status;
    const QJsonArray headers = QJsonDocument::fromJson(query.value(2).toByteArray()).array();
    for (const QJsonValue &header : headers) {
        const QJsonArray pair = header.toArray();
        replay.addHeader(pair.at(0).toString().toLatin1(), pair.at(1).toString().toLatin1());
    }
    replay.addHeader(QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true"));
    replay.body = query.value(3).toByteArray();
    return replay;
}

void IdempotencyStore::store(const QString &account, const QString &windowId, const QByteArray &key,
    const HttpRequest &request, const HttpResponse &response)
{
    if (response.status < 200 || response.status > 299)
        return;
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    QSqlQuery prune(m_database.connection());
    prune.prepare(QStringLiteral("DELETE FROM hub_idempotency WHERE created_at <= ?"));
    prune.addBindValue(nowMs - qint64(m_config.idempotencyKeySecs) * 1000);
    if (!prune.exec())
        qCWarning(lcHub) << "pruning idempotency keys failed:" << prune.lastError().text();
    QJsonArray headers;
    for (const auto &[name, value] : response.headers)
        headers.append(QJsonArray { QString::fromLatin1(name), QString::fromLatin1(value) });
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO hub_idempotency (account, window_id, key, request_sha256,"
        " status, headers, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(account);
    insert.addBindValue(windowId);
    insert.addBindValue(QString::fromLatin1(key));
    insert.addBindValue(requestHash(request));
    insert.addBindValue(response.status);
    insert.addBindValue(QJsonDocument(headers).toJson(QJsonDocument::Compact));
    insert.addBindValue(response.body);
    insert.addBindValue(nowMs);
    if (!insert.exec())
        qCWarning(lcHub) << "storing an idempotency key failed:" << insert.lastError().text();
}

} // namespace Tongban::Hub
