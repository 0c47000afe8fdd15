// tongban-cli setup: the window's identity, over the hall's settings (issue 16).
#include "Commands.h"

#include <QJsonArray>

#include <common/WindowSettings.h>

namespace Tongban::Cli {

int setup(const QString &windowId, const QString &windowName, const QString &dataDir,
    const CliOutput &out)
{
    // 410402-tb-03: the jurisdiction's code, then the window as the platform names it.
    if (!App::WindowSettings::isWindowId(windowId)) {
        out.error(Tr::tr("--window must be the window's id as the platform knows it (e.g. "
                         "410402-tb-03), not \"%1\".")
                      .arg(windowId));
        return Usage;
    }
    if (windowName.trimmed().isEmpty()) {
        out.error(Tr::tr("--name must give the window's name as printed on notices (e.g. "
                         "卫东区政务服务中心2号通办窗口)."));
        return Usage;
    }
    if (const Core::Status written
        = App::WindowSettings::writeIdentity(dataDir, windowId, windowName.trimmed());
        !written) {
        out.error(written.error().message);
        return Invalid;
    }
    const App::WindowSettings settings = App::WindowSettings::load(dataDir);
    const QString file = App::WindowSettings::windowFile(dataDir);
    out.human(Tr::tr("Window %1 (%2) written to %3.").arg(windowId, windowName.trimmed(), file));
    const QStringList hall = App::WindowSettings::hallFiles();
    out.human(hall.isEmpty() ? Tr::tr("Hall settings: none found (expected in %1).")
                                   .arg(App::WindowSettings::expectedHallFile())
                             : Tr::tr("Hall settings: %1.").arg(hall.join(QStringLiteral(", "))));
    const Core::Status valid = settings.validate();
    if (!valid)
        out.error(valid.error().message);
    const QStringList missing = settings.missing();
    for (const QString &problem : missing)
        out.human(QStringLiteral("    → ") + problem);
    out.emitJson(QJsonObject { { QStringLiteral("windowId"), windowId },
        { QStringLiteral("windowName"), windowName.trimmed() },
        { QStringLiteral("windowFile"), file },
        { QStringLiteral("hallFiles"), QJsonArray::fromStringList(hall) },
        { QStringLiteral("valid"), valid.ok() },
        { QStringLiteral("error"), valid ? QString() : valid.error().message },
        { QStringLiteral("missing"), QJsonArray::fromStringList(missing) } });
    return valid ? Ok : Invalid;
}

} // namespace Tongban::Cli
