#include "RecordingOutbox.h"

#include "CallSignalling.h"
#include "Tr.h"

#include <core/Hash.h>
#include <platform/ApiClient.h>
#include <platform/Outbox.h>
#include <platform/PlatformErrors.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QUrl>

Q_LOGGING_CATEGORY(lcRecordings, "tongban.assist.recordings")

namespace Tongban::Assist {

namespace {

QString recordingPath(const QString &callId)
{
    return QStringLiteral("/calls/") + QString::fromLatin1(QUrl::toPercentEncoding(callId))
        + QStringLiteral("/recording");
}

} // namespace

RecordingOutbox::RecordingOutbox(
    Platform::Transport &transport, const QString &folder, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_folder(folder)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        if (m_current.isEmpty())
            next();
        else
            sendChunk();
    });
}

int RecordingOutbox::recoverInterrupted()
{
    int recovered = 0;
    const QDir folder(m_folder);
    for (const QString &name : folder.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString directory = folder.filePath(name);
        const auto loaded = CallRecording::load(directory);
        if (!loaded || loaded->isFinished())
            continue;
        if (const auto done = CallRecording::recover(directory); done) {
            ++recovered;
            qCInfo(lcRecordings) << "recording of call" << done->info().callId
                                 << "ended at its last whole chunk:" << done->chunks().size()
                                 << "chunks";
        }
    }
    return recovered;
}

void RecordingOutbox::start()
{
    m_putAside.clear();
    if (m_current.isEmpty() && !m_retry.isActive())
        next();
}

void RecordingOutbox::next()
{
    m_current.clear();
    m_recording.reset();
    m_attempts = 0;
    const QDir folder(m_folder);
    for (const QString &name : folder.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString directory = folder.filePath(name);
        if (m_putAside.contains(directory))
            continue;
        auto loaded = CallRecording::load(directory);
        if (!loaded || !loaded->isFinished())
            continue; // still being recorded, or not a recording
        m_current = directory;
        m_recording = std::move(*loaded);
        sendChunk();
        return;
    }
    emit idle();
}

void RecordingOutbox::sendChunk()
{
    const CallRecording::Chunk *chunk = nullptr;
    for (const CallRecording::Chunk &candidate : m_recording->chunks()) {
        if (!candidate.uploaded) {
            chunk = &candidate;
            break;
        }
    }
    if (!chunk) {
        sendManifest();
        return;
    }
    QFile file(QDir(m_current).filePath(chunk->file));
    QByteArray data;
    if (file.open(QIODevice::ReadOnly))
        data = file.readAll();
    const QByteArray digest = Core::sha256(data);
    if (data.isEmpty() || QString::fromLatin1(digest.toHex()) != chunk->sha256) {
        onFailure(Core::Error { RecordingFailed,
                      Tr::tr("A part of a call recording was changed or lost on this "
                             "workstation and cannot be sent. Tell IT staff."),
                      chunk->file },
            false);
        return;
    }
    Platform::ApiRequest request;
    request.method = QByteArrayLiteral("PUT");
    request.path = recordingPath(m_recording->info().callId) + QStringLiteral("/chunks/")
        + QString::number(chunk->index);
    request.contentType = QByteArrayLiteral("video/x-matroska");
    request.headers.append(
        { QByteArrayLiteral("Upload-Checksum"), QByteArrayLiteral("sha256 ") + digest.toBase64() });
    request.body = data;
    request.timeoutMs = 60000;
    const int index = chunk->index;
    const QString directory = m_current;
    // The outbox may be gone (the workstation closing) when the answer comes.
    m_transport.send(request,
        [this, self = QPointer(this), index, directory](
            Core::Result<Platform::ApiResponse> answer) {
            if (!self || directory != m_current)
                return;
            const auto response = Platform::requireSuccess(std::move(answer));
            if (!response) {
                onFailure(response.error(), Platform::waitsAndRetries(response.error()));
                return;
            }
            if (const Core::Status marked = m_recording->markUploaded(index); !marked) {
                onFailure(marked.error(), false);
                return;
            }
            m_attempts = 0;
            emit chunkUploaded(m_recording->info().callId, index);
            sendChunk();
        });
}

void RecordingOutbox::sendManifest()
{
    Platform::ApiRequest request;
    request.method = QByteArrayLiteral("PUT");
    request.path = recordingPath(m_recording->info().callId);
    request.body = QJsonDocument(m_recording->manifest()).toJson(QJsonDocument::Compact);
    const QString directory = m_current;
    m_transport.send(request,
        [this, self = QPointer(this), directory](Core::Result<Platform::ApiResponse> answer) {
            if (!self || directory != m_current)
                return;
            const auto response = Platform::requireSuccess(std::move(answer));
            if (!response) {
                const Core::Error &error = response.error();
                if (Platform::machineCode(error) == QLatin1String("recording_incomplete")) {
                    // The platform lacks a chunk this side thought sent (its answer was lost
                    // with its data): each is sent again; the platform takes a repeat as such.
                    if (const Core::Status reset = m_recording->resetUploaded(); !reset) {
                        onFailure(reset.error(), false);
                        return;
                    }
                    onFailure(error, true);
                    return;
                }
                onFailure(error, Platform::waitsAndRetries(error));
                return;
            }
            const QString callId = m_recording->info().callId;
            if (!QDir(m_current).removeRecursively())
                qCWarning(lcRecordings) << "acknowledged recording not deleted:" << m_current;
            qCInfo(lcRecordings) << "recording of call" << callId
                                 << "acknowledged, local copy deleted";
            emit acknowledged(callId);
            next();
        });
}

void RecordingOutbox::onFailure(const Core::Error &error, bool retryable)
{
    const QString callId = m_recording ? m_recording->info().callId : QString();
    if (!retryable) {
        qCWarning(lcRecordings) << "recording of call" << callId << "put aside:" << error.detail;
        m_putAside.append(m_current);
        emit failed(callId, error);
        next();
        return;
    }
    ++m_attempts;
    const qint64 delay = Platform::Outbox::backoffMs(m_attempts, m_random.generateDouble());
    emit retrying(callId, error, delay);
    m_retry.start(int(delay));
}

} // namespace Tongban::Assist
