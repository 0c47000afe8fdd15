#pragma once

#include <core/Result.h>

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Tongban::App {

/*!
 * The settings of one window: the hall's file, which hall IT staff drop into
 * the XDG configuration folders once for the whole hall
 * (/etc/xdg/tongban/tongban.conf, installed by the tongban package), then the
 * window's own file <dataDir>/tongban.conf (its identity, written by
 * `tongban-cli setup --window ID --name NAME`), whose values win.
 *
 * Every value remembers the file it came from, so that a wrong value is
 * reported with its key and its file (validate()), and a missing one with the
 * file where it belongs (missing()).
 */
class WindowSettings
{
public:
    enum ErrorCode {
        InvalidSetting = Core::ErrorRange::App + 1,
        SettingsNotWritten = Core::ErrorRange::App + 2,
    };

    /// The hall files that exist, most important first ($XDG_CONFIG_DIRS, default /etc/xdg).
    static QStringList hallFiles();
    /// Where the hall file is expected (the first XDG configuration folder).
    static QString expectedHallFile();
    static QString windowFile(const QString &dataDir);

    /// Reads the hall files, then the window's file over them.
    static WindowSettings load(const QString &dataDir);

    QVariant value(const QString &key, const QVariant &fallback = {}) const;
    bool contains(const QString &key) const { return m_values.contains(key); }
    /// The file \a key came from; the window's file for a key nobody set.
    QString sourceOf(const QString &key) const;

    /*!
     * Checks every value that is set: [platform] url (http/https with a host), ca
     * (a readable file), uploadLimitKbps (whole number >= 0), [security]
     * idleLockMinutes (1 to 240), [devices] fake (true/false), [ui] language
     * (zh_CN/en), [window] region (6 digits). The first wrong one fails, with a
     * message naming the key and its file.
     */
    Core::Status validate() const;

    /// Keys a window cannot work without ([window] id, name, [platform] url), each with
    /// a message naming the key and the file where to set it.
    QStringList missing() const;

    /// Writes [window] id and name into the window's file, keeping its other keys.
    static Core::Status writeIdentity(
        const QString &dataDir, const QString &windowId, const QString &windowName);

    /// Whether \a windowId is written as the platform names windows: 410402-tb-03 (the
    /// jurisdiction's 6 digits, then letters and digits in two parts).
    static bool isWindowId(const QString &windowId);

    /*!
     * The identity `tongban-cli setup` and the first-run assistant accept: a window id
     * (isWindowId()) and a name that is not blank. The error names the key and the
     * window's file under \a dataDir, where the identity is written.
     */
    static Core::Status checkIdentity(
        const QString &dataDir, const QString &windowId, const QString &windowName);

    /// Writes \a values ("group/key" -> value) into the window's file, keeping its other
    /// keys; an empty value removes the key (the hall's value applies again).
    static Core::Status writeWindowValues(
        const QString &dataDir, const QMap<QString, QVariant> &values);

private:
    struct Entry
    {
        QVariant value;
        QString file;
    };
    void readFile(const QString &file);

    QMap<QString, Entry> m_values;
    QString m_windowFile;
};

} // namespace Tongban::App
