#include "MarkupJournal.h"

#include <storage/FileSystem.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcJournal, "tongban.assist.markups")

namespace Tongban::Assist {

namespace {

/// \a name as a file name: letters, digits, '_' and '-' kept, anything else '_'.
QString safeName(const QString &name)
{
    QString safe = name;
    safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    return safe;
}

} // namespace

MarkupJournal::MarkupJournal(const QString &folder)
    : m_folder(folder)
{ }

QString MarkupJournal::pathOf(const QString &callId, const QString &pageSha256) const
{
    return QDir(QDir(m_folder).filePath(safeName(callId)))
        .filePath(safeName(pageSha256) + QStringLiteral(".json"));
}

Core::Status MarkupJournal::record(
    const QString &callId, const QString &pageSha256, const QJsonObject &markup)
{
    Storage::FileSystem &files = Storage::FileSystem::system();
    const QString path = pathOf(callId, pageSha256);
    const QString directory = QFileInfo(path).absolutePath();
    if (const Core::Status made = files.ensureDirectory(directory); !made)
        return made;
    const QByteArray data = QJsonDocument(
        QJsonObject { { QStringLiteral("callId"), callId },
            { QStringLiteral("pageSha256"), pageSha256 },
            { QStringLiteral("markup"),
                markup } }).toJson(QJsonDocument::Compact);
    const QString next = path + QStringLiteral(".next");
    QFile::remove(next); // left by a window killed while writing it
    if (const Core::Status written = files.writeNewFile(next, data); !written)
        return written;
    if (const Core::Status renamed = files.rename(next, path); !renamed) {
        QFile::remove(next);
        return renamed;
    }
    return files.syncDirectory(directory);
}

void MarkupJournal::remove(
    const QString &callId, const QString &pageSha256, const QJsonObject &kept)
{
    const QString path = pathOf(callId, pageSha256);
    if (!kept.isEmpty()) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)
            && QJsonDocument::fromJson(file.readAll())
                    .object()
                    .value(QStringLiteral("markup"))
                    .toObject()
                != kept)
            return; // newer marks than those kept
    }
    QFile::remove(path);
    QDir directory = QFileInfo(path).absoluteDir();
    if (directory.entryList(QDir::Files | QDir::NoDotAndDotDot).isEmpty())
        directory.removeRecursively();
}

QList<MarkupJournal::Entry> MarkupJournal::pending() const
{
    QList<Entry> entries;
    const QDir root(m_folder);
    const QFileInfoList calls
        = root.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time | QDir::Reversed);
    for (const QFileInfo &call : calls) {
        const QFileInfoList pages
            = QDir(call.absoluteFilePath())
                  .entryInfoList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
        for (const QFileInfo &page : pages) {
            QFile file(page.absoluteFilePath());
            const QJsonObject object = file.open(QIODevice::ReadOnly)
                ? QJsonDocument::fromJson(file.readAll()).object()
                : QJsonObject {};
            Entry entry { object.value(QStringLiteral("callId")).toString(),
                object.value(QStringLiteral("pageSha256")).toString(),
                object.value(QStringLiteral("markup")).toObject() };
            // The names say what the file must hold: a file moved or changed is not trusted.
            if (entry.callId.isEmpty() || entry.markup.isEmpty()
                || QFileInfo(pathOf(entry.callId, entry.pageSha256)).absoluteFilePath()
                    != page.absoluteFilePath()) {
                qCWarning(lcJournal) << "marks not readable:" << page.fileName();
                continue;
            }
            entries.append(entry);
        }
    }
    return entries;
}

} // namespace Tongban::Assist
