#include "DemoSeed.h"

#include "Hub.h"
#include "HubErrors.h"
#include "accounts/AccountService.h"

#include <catalog/CatalogParser.h>
#include <storage/Database.h>

#include <QFile>
#include <QSqlQuery>

namespace Tongban::Hub {

QList<DemoAccount> demoAccounts()
{
    return {
        { "xh-tb-03-wangli", "王丽", "application", "410402", "410402-tb-03" },
        { "xh-tb-01-liuyang", "刘洋", "home", "410402", "410402-tb-01" },
        { "xh-tb-02-zhanghua", "张华", "home", "410402", "410402-tb-02" },
        { "wd-tb-02-zhaomin", "赵敏", "application", "410403", "410403-tb-02" },
        { "wd-tb-01-sunhao", "孙浩", "home", "410403", "410403-tb-01" },
        { "bf-tb-01-liqiang", "李强", "application", "410421", "410421-tb-01" },
        { "bf-tb-02-zhoujie", "周洁", "home", "410421", "410421-tb-02" },
        { "xh-scjg-chenjing", "陈静", "department", "410402", "" },
        { "wd-scjg-wutao", "吴涛", "department", "410403", "" },
        { "bf-scjg-hemei", "何梅", "department", "410421", "" },
        { "pds-admin", "平台管理员", "admin", "410400", "" },
    };
}

Core::Status seedDemo(Hub &hub)
{
    QFile file(QStringLiteral(":/tongban/catalog/pingdingshan-2026.json"));
    if (!file.open(QIODevice::ReadOnly))
        return Core::Error { HubError::DemoSeed, QStringLiteral("The sample catalogue is missing."),
            file.fileName() };
    const auto outcome = Catalog::CatalogParser::parse(file.readAll());
    if (!outcome.ok())
        return Core::Error { HubError::DemoSeed, QStringLiteral("The sample catalogue is invalid."),
            outcome.report() };
    for (const Catalog::ServiceItem &item : outcome.catalog->items) {
        for (const Catalog::HomeWindow &window : item.homeWindows) {
            const Core::Status added = hub.accounts().addWindow(window.id, window.name,
                QStringLiteral("both"), item.homeJurisdiction.code, item.homeJurisdiction.name);
            if (!added)
                return added;
        }
    }
    // Duty phones of the demo home windows, for missed-call SMS (fictitious numbers).
    const struct
    {
        const char *windowId;
        const char *phone;
    } phones[] = { { "410402-tb-01", "13800000401" }, { "410402-tb-02", "13800000402" },
        { "410403-tb-01", "13800000403" }, { "410421-tb-02", "13800000421" } };
    for (const auto &entry : phones) {
        const Core::Status set = hub.accounts().setWindowPhone(
            QString::fromLatin1(entry.windowId), QString::fromLatin1(entry.phone));
        if (!set)
            return set;
    }
    for (const DemoAccount &demo : demoAccounts()) {
        QSqlQuery exists(hub.database().connection());
        exists.prepare(QStringLiteral("SELECT 1 FROM hub_accounts WHERE account = ?"));
        exists.addBindValue(QString::fromUtf8(demo.account));
        if (exists.exec() && exists.next())
            continue;
        const QString windowId = QString::fromUtf8(demo.windowId);
        const Core::Status added = hub.accounts().addAccount(QString::fromUtf8(demo.account),
            QString::fromUtf8(demo.name), QString::fromUtf8(demo.role),
            QString::fromUtf8(demo.jurisdiction), QString::fromUtf8(DemoPassword),
            windowId.isEmpty() ? QStringList() : QStringList { windowId });
        if (!added)
            return added;
    }
    return {};
}

} // namespace Tongban::Hub
