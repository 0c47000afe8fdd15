#include "AuditHash.h"

#include <security/AuditLog.h>

#include <core/Hash.h>

#include <QTimeZone>

namespace Tongban::Security::Internal {

namespace {
void appendField(QByteArray &out, const QString &field)
{
    const QByteArray utf8 = field.toUtf8();
    out += QByteArray::number(utf8.size());
    out += ':';
    out += utf8;
    out += '\n';
}
} // namespace

QString genesisHash()
{
    return QString(64, QLatin1Char('0'));
}

QString formatAuditTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseAuditTime(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

QByteArray canonicalRecord(
    qint64 id, const QString &at, const AuditEntry &entry, const QString &prevHash)
{
    QByteArray out = QByteArrayLiteral("tongban.audit.v1\n");
    appendField(out, QString::number(id));
    appendField(out, at);
    appendField(out, entry.clerk);
    appendField(out, entry.window);
    appendField(out, entry.action);
    appendField(out, entry.object);
    appendField(out, entry.result);
    appendField(out, entry.detail);
    appendField(out, prevHash);
    return out;
}

QString recordHash(qint64 id, const QString &at, const AuditEntry &entry, const QString &prevHash)
{
    return Core::sha256Hex(canonicalRecord(id, at, entry, prevHash));
}

} // namespace Tongban::Security::Internal
