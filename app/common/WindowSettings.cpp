#include "WindowSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QUrl>

namespace Tongban::App {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tongban::App::WindowSettings)
};

const QString kRelative = QStringLiteral("tongban/tongban.conf");

/// "platform/url" -> "[platform] url", as the files and the guides write it.
QString label(const QString &key)
{
    return QStringLiteral("[%1] %2").arg(
        key.section(QLatin1Char('/'), 0, 0), key.section(QLatin1Char('/'), 1));
}

QStringList configDirectories()
{
    // The XDG base directory specification: $XDG_CONFIG_DIRS, most important first.
    QStringList dirs;
    const QString fromEnvironment = qEnvironmentVariable("XDG_CONFIG_DIRS");
    for (const QString &dir : fromEnvironment.split(QLatin1Char(':'), Qt::SkipEmptyParts))
        if (QDir::isAbsolutePath(dir))
            dirs.append(QDir::cleanPath(dir));
    if (dirs.isEmpty())
        dirs.append(QStringLiteral("/etc/xdg"));
    return dirs;
}

Core::Error invalid(const QString &message, const QString &key, const QString &file)
{
    return Core::Error { WindowSettings::InvalidSetting, message,
        QStringLiteral("invalid setting %1 in %2").arg(label(key), file) };
}

} // namespace

QStringList WindowSettings::hallFiles()
{
    QStringList files;
    for (const QString &dir : configDirectories()) {
        const QString file = dir + QLatin1Char('/') + kRelative;
        if (QFileInfo(file).isFile())
            files.append(file);
    }
    return files;
}

QString WindowSettings::expectedHallFile()
{
    return configDirectories().constFirst() + QLatin1Char('/') + kRelative;
}

QString WindowSettings::windowFile(const QString &dataDir)
{
    return QDir(dataDir).absoluteFilePath(QStringLiteral("tongban.conf"));
}

void WindowSettings::readFile(const QString &file)
{
    const QSettings settings(file, QSettings::IniFormat);
    for (const QString &key : settings.allKeys()) {
        // "key=" is no value: it neither sets nor hides what a file read before said.
        const QVariant value = settings.value(key);
        if (value.typeId() == QMetaType::QString && value.toString().trimmed().isEmpty())
            continue;
        m_values.insert(key, Entry { value, file });
    }
}

WindowSettings WindowSettings::load(const QString &dataDir)
{
    WindowSettings settings;
    settings.m_windowFile = windowFile(dataDir);
    // Least important first: each file read replaces what the ones before said.
    QStringList hall = hallFiles();
    std::reverse(hall.begin(), hall.end());
    for (const QString &file : std::as_const(hall))
        settings.readFile(file);
    if (QFileInfo(settings.m_windowFile).isFile())
        settings.readFile(settings.m_windowFile);
    return settings;
}

QVariant WindowSettings::value(const QString &key, const QVariant &fallback) const
{
    const auto found = m_values.constFind(key);
    return found == m_values.cend() ? fallback : found->value;
}

QString WindowSettings::sourceOf(const QString &key) const
{
    const auto found = m_values.constFind(key);
    return found == m_values.cend() ? m_windowFile : found->file;
}

Core::Status WindowSettings::validate() const
{
    const auto text = [this](const QString &key) {
        return value(key).toString().trimmed();
    };

    if (contains(QStringLiteral("platform/url"))
        && !text(QStringLiteral("platform/url")).isEmpty()) {
        const QString key = QStringLiteral("platform/url");
        const QUrl url(text(key), QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty()
            || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
            return invalid(Tr::tr("%1 in %2 is not a valid platform address: write it as "
                                  "https://host[:port].")
                               .arg(label(key), sourceOf(key)),
                key, sourceOf(key));
    }
    if (const QString key = QStringLiteral("platform/ca"); !text(key).isEmpty()) {
        const QFileInfo ca(text(key));
        if (!ca.isFile() || !ca.isReadable())
            return invalid(Tr::tr("%1 in %2 names the file %3, which cannot be read: put the "
                                  "platform's CA certificate (PEM) there or correct the path.")
                               .arg(label(key), sourceOf(key), text(key)),
                key, sourceOf(key));
    }
    if (const QString key = QStringLiteral("platform/uploadLimitKbps"); !text(key).isEmpty()) {
        bool ok = false;
        const qlonglong kbps = text(key).toLongLong(&ok);
        if (!ok || kbps < 0)
            return invalid(Tr::tr("%1 in %2 must be a whole number of kilobits per second (0 "
                                  "for no cap), not \"%3\".")
                               .arg(label(key), sourceOf(key), text(key)),
                key, sourceOf(key));
    }
    if (const QString key = QStringLiteral("security/idleLockMinutes"); !text(key).isEmpty()) {
        bool ok = false;
        const int minutes = text(key).toInt(&ok);
        if (!ok || minutes < 1 || minutes > 240)
            return invalid(Tr::tr("%1 in %2 must be a number of minutes from 1 to 240, not \"%3\".")
                               .arg(label(key), sourceOf(key), text(key)),
                key, sourceOf(key));
    }
    if (const QString key = QStringLiteral("devices/fake"); !text(key).isEmpty()) {
        const QString flag = text(key).toLower();
        if (flag != QLatin1String("true") && flag != QLatin1String("false"))
            return invalid(Tr::tr("%1 in %2 must be true or false, not \"%3\".")
                               .arg(label(key), sourceOf(key), text(key)),
                key, sourceOf(key));
    }
    if (const QString key = QStringLiteral("ui/language"); !text(key).isEmpty()) {
        if (text(key) != QLatin1String("zh_CN") && text(key) != QLatin1String("en"))
            return invalid(Tr::tr("%1 in %2 must be zh_CN or en, not \"%3\".")
                               .arg(label(key), sourceOf(key), text(key)),
                key, sourceOf(key));
    }
    if (const QString key = QStringLiteral("window/region"); !text(key).isEmpty()) {
        static const QRegularExpression sixDigits(QStringLiteral("^[0-9]{6}$"));
        if (!sixDigits.match(text(key)).hasMatch())
            return invalid(Tr::tr("%1 in %2 must be the 6-digit administrative code of the "
                                  "jurisdiction, not \"%3\".")
                               .arg(label(key), sourceOf(key), text(key)),
                key, sourceOf(key));
    }
    return {};
}

QStringList WindowSettings::missing() const
{
    QStringList problems;
    for (const QString &key : { QStringLiteral("window/id"), QStringLiteral("window/name") }) {
        if (value(key).toString().trimmed().isEmpty())
            problems.append(Tr::tr("%1 is not set: run tongban-cli setup --window ID --name NAME "
                                   "(it writes %2).")
                                .arg(label(key), m_windowFile));
    }
    if (const QString key = QStringLiteral("platform/url");
        value(key).toString().trimmed().isEmpty())
        problems.append(Tr::tr("%1 is not set: set it in the hall's file %2 (or in %3 for this "
                               "window only).")
                            .arg(label(key), expectedHallFile(), m_windowFile));
    return problems;
}

Core::Status WindowSettings::writeIdentity(
    const QString &dataDir, const QString &windowId, const QString &windowName)
{
    return writeWindowValues(dataDir,
        { { QStringLiteral("window/id"), windowId },
            { QStringLiteral("window/name"), windowName } });
}

bool WindowSettings::isWindowId(const QString &windowId)
{
    static const QRegularExpression idPattern(
        QStringLiteral("^[0-9]{6}-[A-Za-z0-9]+-[A-Za-z0-9]+$"));
    return idPattern.match(windowId).hasMatch();
}

Core::Status WindowSettings::checkIdentity(
    const QString &dataDir, const QString &windowId, const QString &windowName)
{
    const QString file = windowFile(dataDir);
    if (!isWindowId(windowId.trimmed()))
        return invalid(Tr::tr("%1 for %2 must be the window's id as the platform knows it (e.g. "
                              "410402-tb-03), not \"%3\".")
                           .arg(label(QStringLiteral("window/id")), file, windowId),
            QStringLiteral("window/id"), file);
    if (windowName.trimmed().isEmpty())
        return invalid(Tr::tr("%1 for %2 must give the window's name as printed on notices "
                              "(e.g. 卫东区政务服务中心2号通办窗口).")
                           .arg(label(QStringLiteral("window/name")), file),
            QStringLiteral("window/name"), file);
    return {};
}

Core::Status WindowSettings::writeWindowValues(
    const QString &dataDir, const QMap<QString, QVariant> &values)
{
    const QString file = windowFile(dataDir);
    if (!QDir().mkpath(QFileInfo(file).absolutePath()))
        return Core::Error { SettingsNotWritten,
            Tr::tr("The window's settings could not be written to %1. Check that this account "
                   "may write there.")
                .arg(file),
            QStringLiteral("mkpath failed") };
    QSettings settings(file, QSettings::IniFormat);
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (it.value().toString().trimmed().isEmpty())
            settings.remove(it.key());
        else
            settings.setValue(it.key(), it.value());
    }
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return Core::Error { SettingsNotWritten,
            Tr::tr("The window's settings could not be written to %1. Check that this account "
                   "may write there.")
                .arg(file),
            QStringLiteral("QSettings status %1").arg(int(settings.status())) };
    return {};
}

} // namespace Tongban::App
