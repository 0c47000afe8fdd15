#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Tongban::Security {
struct AuditEntry;
}

namespace Tongban::Security::Internal {

/// prev_hash of the first record ever written: 64 zeros.
QString genesisHash();

/// Stored form of an audit timestamp: UTC, ISO-8601 with milliseconds, e.g.
/// "2024-03-01T08:30:00.000Z". Fixed width, so text order is time order.
QString formatAuditTime(const QDateTime &time);
QDateTime parseAuditTime(const QString &text);

/*!
 * The bytes a record's hash is computed over: a version tag, then each field
 * (id, at, clerk, window, action, object, result, detail, prev_hash) as
 * "<UTF-8 byte length>:<UTF-8 bytes>\n". The length prefix means no choice of
 * field contents can move a boundary between fields.
 */
QByteArray canonicalRecord(
    qint64 id, const QString &at, const AuditEntry &entry, const QString &prevHash);

/// Lowercase hex SHA-256 of canonicalRecord().
QString recordHash(qint64 id, const QString &at, const AuditEntry &entry, const QString &prevHash);

} // namespace Tongban::Security::Internal
