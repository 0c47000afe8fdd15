#include "CallRecordings.h"

#include "RecordingOutbox.h"

#include <storage/FileSystem.h>

#include <QDir>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcRecordings) // RecordingOutbox.cpp

namespace Tongban::Assist {

CallRecordings::CallRecordings(const QString &folder, Audit audit, QObject *parent)
    : QObject(parent)
    , m_folder(folder)
    , m_audit(std::move(audit))
{ }

CallRecordings::~CallRecordings() = default;

QString CallRecordings::recordingDirectory(const QString &callId)
{
    QString name = callId;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    const QString directory = QDir(m_folder).filePath(name);
    m_recording = true;
    // Recordings show applicants: this account's only, like the page store (0700/0600).
    for (const QString &folder : { m_folder, directory }) {
        if (const Core::Status made = Storage::FileSystem::system().ensureDirectory(folder); !made)
            qCWarning(lcRecordings) << "recording folder:" << made.error().toString();
    }
    return directory;
}

void CallRecordings::recordingFinished(const QString &directory)
{
    // GStreamer writes its chunks with the process umask: made private before they go on.
    if (const Core::Status kept = Storage::FileSystem::system().makePrivate(directory); !kept)
        qCWarning(lcRecordings) << "recording not made private:" << kept.error().toString();
}

void CallRecordings::callEnded()
{
    if (!m_recording)
        return;
    m_recording = false;
    // After the session has gone: the outbox reads the finished manifest.
    QTimer::singleShot(0, this, &CallRecordings::readyToSend);
}

void CallRecordings::send(Platform::Transport &transport, QObject *transportOwner)
{
    if (m_recording)
        return; // a call being recorded now: after it
    if (!m_outbox) {
        if (!Storage::FileSystem::system().ensureDirectory(m_folder))
            return;
        m_outbox = new RecordingOutbox(transport, m_folder, transportOwner);
        // No call is under way: a recording without an end was cut by a killed window.
        m_outbox->recoverInterrupted();
        connect(m_outbox, &RecordingOutbox::acknowledged, this, [this](const QString &callId) {
            if (m_audit)
                m_audit(QStringLiteral("call.recording"), callId, QStringLiteral("uploaded"), {});
        });
        connect(m_outbox, &RecordingOutbox::failed, this,
            [this](const QString &callId, const Core::Error &error) {
                if (m_audit)
                    m_audit(QStringLiteral("call.recording"), callId, QStringLiteral("failed"),
                        error.detail);
            });
    }
    m_outbox->start();
}

} // namespace Tongban::Assist
