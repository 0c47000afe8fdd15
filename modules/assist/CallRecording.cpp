#include "CallRecording.h"

#include "CallSignalling.h"
#include "Tr.h"

#include <core/Hash.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace Tongban::Assist {

namespace {

Core::Error recordingError(const QString &detail)
{
    return Core::Error { RecordingFailed,
        Tr::tr("The call recording could not be saved. Check the free space of the "
               "workstation's disk and tell IT staff."),
        detail };
}

QString isoMs(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

Core::Result<CallRecording> CallRecording::create(
    const QString &directory, const RecordingInfo &info, const QDateTime &startedAt)
{
    if (!QDir().mkpath(directory))
        return recordingError(QStringLiteral("cannot create ") + directory);
    if (QFileInfo::exists(QDir(directory).filePath(QLatin1String(ManifestName))))
        return recordingError(QStringLiteral("a recording is already in ") + directory);
    CallRecording recording;
    recording.m_directory = directory;
    recording.m_info = info;
    recording.m_startedAt = startedAt.toUTC();
    if (const Core::Status saved = recording.save(); !saved)
        return saved.error();
    return recording;
}

Core::Result<CallRecording> CallRecording::load(const QString &directory)
{
    QFile file(QDir(directory).filePath(QLatin1String(ManifestName)));
    if (!file.open(QIODevice::ReadOnly))
        return recordingError(QStringLiteral("no manifest in ") + directory);
    QJsonParseError parseError;
    const QJsonObject manifest = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || manifest.value(u"format").toInt() != 1)
        return recordingError(QStringLiteral("unreadable manifest in ") + directory);
    CallRecording recording;
    recording.m_directory = directory;
    RecordingInfo &info = recording.m_info;
    info.callId = manifest.value(u"callId").toString();
    info.caseId = manifest.value(u"caseId").toString();
    info.itemCode = manifest.value(u"itemCode").toString();
    info.callerWindow = manifest.value(u"callerWindow").toString();
    info.callerClerk = manifest.value(u"callerClerk").toString();
    info.homeWindow = manifest.value(u"homeWindow").toString();
    info.homeClerk = manifest.value(u"homeClerk").toString();
    recording.m_startedAt
        = QDateTime::fromString(manifest.value(u"startedAt").toString(), Qt::ISODateWithMs);
    if (manifest.contains(u"endedAt"))
        recording.m_endedAt
            = QDateTime::fromString(manifest.value(u"endedAt").toString(), Qt::ISODateWithMs);
    recording.m_endReason = manifest.value(u"endReason").toString();
    for (const QJsonValue &value : manifest.value(u"chunks").toArray()) {
        const QJsonObject object = value.toObject();
        Chunk chunk;
        chunk.index = object.value(u"index").toInt();
        chunk.file = object.value(u"file").toString();
        chunk.sha256 = object.value(u"sha256").toString();
        chunk.sizeBytes = qint64(object.value(u"sizeBytes").toDouble());
        chunk.startMs = qint64(object.value(u"startMs").toDouble());
        chunk.endMs = qint64(object.value(u"endMs").toDouble());
        chunk.uploaded = object.value(u"uploaded").toBool();
        if (chunk.file.isEmpty() || chunk.file.contains(u'/'))
            return recordingError(QStringLiteral("bad chunk name in ") + directory);
        recording.m_chunks.append(chunk);
    }
    if (info.callId.isEmpty() || !recording.m_startedAt.isValid())
        return recordingError(QStringLiteral("incomplete manifest in ") + directory);
    return recording;
}

Core::Result<CallRecording> CallRecording::recover(const QString &directory)
{
    auto recording = load(directory);
    if (!recording || recording->isFinished())
        return recording;
    QStringList named { QLatin1String(ManifestName) };
    for (const Chunk &chunk : std::as_const(recording->m_chunks))
        named.append(chunk.file);
    const QDir dir(directory);
    for (const QString &name : dir.entryList(QDir::Files)) {
        if (!named.contains(name))
            QFile::remove(dir.filePath(name)); // the partial chunk, a stale temporary file
    }
    const qint64 endMs = recording->m_chunks.isEmpty() ? 0 : recording->m_chunks.last().endMs;
    if (const Core::Status finished
        = recording->finish(recording->m_startedAt.addMSecs(endMs), QStringLiteral("interrupted"));
        !finished)
        return finished.error();
    return recording;
}

Core::Status CallRecording::addChunk(const QString &fileName, qint64 startMs, qint64 endMs)
{
    const QString path = QDir(m_directory).filePath(fileName);
    Chunk chunk;
    chunk.index = m_chunks.isEmpty() ? 0 : m_chunks.last().index + 1;
    chunk.file = fileName;
    chunk.sha256 = fileSha256(path);
    chunk.sizeBytes = QFileInfo(path).size();
    chunk.startMs = startMs;
    chunk.endMs = endMs;
    if (chunk.sha256.isEmpty())
        return recordingError(QStringLiteral("cannot read the chunk ") + path);
    m_chunks.append(chunk);
    return save();
}

Core::Status CallRecording::finish(const QDateTime &endedAt, const QString &reason)
{
    if (isFinished())
        return {};
    m_endedAt = endedAt.toUTC();
    m_endReason = reason;
    return save();
}

Core::Status CallRecording::markUploaded(int index)
{
    for (Chunk &chunk : m_chunks) {
        if (chunk.index == index && !chunk.uploaded) {
            chunk.uploaded = true;
            return save();
        }
    }
    return {};
}

Core::Status CallRecording::resetUploaded()
{
    for (Chunk &chunk : m_chunks)
        chunk.uploaded = false;
    return save();
}

QJsonObject CallRecording::manifest() const
{
    QJsonArray chunks;
    for (const Chunk &chunk : m_chunks) {
        chunks.append(QJsonObject { { QStringLiteral("index"), chunk.index },
            { QStringLiteral("file"), chunk.file }, { QStringLiteral("sha256"), chunk.sha256 },
            { QStringLiteral("sizeBytes"), double(chunk.sizeBytes) },
            { QStringLiteral("startMs"), double(chunk.startMs) },
            { QStringLiteral("endMs"), double(chunk.endMs) },
            { QStringLiteral("uploaded"), chunk.uploaded } });
    }
    QJsonObject manifest { { QStringLiteral("format"), 1 },
        { QStringLiteral("callId"), m_info.callId }, { QStringLiteral("caseId"), m_info.caseId },
        { QStringLiteral("itemCode"), m_info.itemCode },
        { QStringLiteral("callerWindow"), m_info.callerWindow },
        { QStringLiteral("callerClerk"), m_info.callerClerk },
        { QStringLiteral("homeWindow"), m_info.homeWindow },
        { QStringLiteral("homeClerk"), m_info.homeClerk },
        { QStringLiteral("startedAt"), isoMs(m_startedAt) },
        { QStringLiteral("container"), QStringLiteral("video/x-matroska") },
        { QStringLiteral("chunks"), chunks } };
    if (m_endedAt.isValid()) {
        manifest.insert(QStringLiteral("endedAt"), isoMs(m_endedAt));
        manifest.insert(QStringLiteral("endReason"), m_endReason);
    }
    return manifest;
}

QString CallRecording::fileSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    Core::Sha256 hash;
    if (!hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

Core::Status CallRecording::save() const
{
    QSaveFile file(QDir(m_directory).filePath(QLatin1String(ManifestName)));
    if (!file.open(QIODevice::WriteOnly))
        return recordingError(file.errorString());
    file.write(QJsonDocument(manifest()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return recordingError(file.errorString());
    return {};
}

} // namespace Tongban::Assist
