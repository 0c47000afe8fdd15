#include "SerialBlockService.h"

#include "Logging.h"
#include "accounts/AccountService.h"

#include <QRegularExpression>

namespace Tongban::Hub {

namespace {

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
    : m_store(database)
    , m_clock(clock)
{ }

QString SerialBlockService::prefixOf(const QString &windowId)
{
    return windowId.toUpper();
}

Core::Result<SerialBlock> SerialBlockService::reserve(
    const QString &windowId, const QJsonObject &body, const AuthContext &context)
{
    // Only a session at this very window: another window's token, or a department or admin
    // session (no window), never takes its numbers.
    if (context.windowId.isEmpty() || context.windowId != windowId) {
        return Core::Error { Forbidden, QStringLiteral("只能为本窗口申领文书编号"),
            QStringLiteral("window_id") };
    }
    const QJsonValue countValue = body.value(QStringLiteral("count"));
    int count = kDefaultCount;
    if (!countValue.isUndefined()) {
        const double asked = countValue.toDouble(-1);
        if (!countValue.isDouble() || asked != double(int(asked)) || asked < 1
            || asked > kMaxCount) {
            return Core::Error { ValidationFailed, QStringLiteral("申领数量有误"),
                QStringLiteral("/count: an integer from 1 to %1").arg(kMaxCount) };
        }
        count = int(asked);
    }
    const QString prefix = prefixOf(windowId);
    const auto block = m_store.reserve(
        windowId, prefix, count, context.account, m_clock.now().toMSecsSinceEpoch());
    if (!block)
        return Core::Error { StorageFailed, QString(), block.error().detail };
    qCInfo(lcHub).noquote() << "serial block" << prefix << block->first << "to" << block->last
                            << "for" << context.account;
    return block;
}

std::optional<PublicSerial> SerialBlockService::lookup(const QString &serial) const
{
    static const QRegularExpression pattern(
        QStringLiteral("^([A-Z0-9-]{1,64})-(GZ|HZ|JS)-(\\d{4})-(\\d{6,12})$"));
    const QRegularExpressionMatch match = pattern.match(serial);
    if (!match.hasMatch())
        return std::nullopt;
    const auto window = m_store.windowHanded(match.captured(1), match.captured(4).toLongLong());
    if (!window)
        return std::nullopt;
    return PublicSerial { serial, kindName(match.captured(2)), match.captured(3), *window };
}

} // namespace Tongban::Hub
