#pragma once

#include "RecordingOutbox.h"

#include <core/Result.h>

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace Tongban::Assist {

/*!
 * The recordings of this window's calls (000 §15, contract §11.1): where each call is
 * recorded, and taking the ended ones to the platform. The call screen only asks for a call's
 * folder and says when a call ends; the rest is here (issue 15, Design).
 *
 * One folder holds a directory per call (a CallRecording). Recordings show applicants: the
 * folder and each call's directory are this account's only (0700), and a finished recording
 * is made private (0600) before it goes on, GStreamer having written its chunks with the
 * process umask.
 *
 * The RecordingOutbox is made on the first send() with a transport; its first act is to give
 * an end to the recordings a killed window left (recoverInterrupted), which is why nothing is
 * sent while a call is being recorded here (between recordingDirectory() and callEnded()).
 *
 * What happened to each recording is audited through the Audit function: "call.recording",
 * the call id, "uploaded" or "failed" (with the error's detail).
 *
 * GUI thread.
 */
class CallRecordings : public QObject
{
    Q_OBJECT
public:
    using Audit = std::function<void(const QString &action, const QString &callId,
        const QString &result, const QString &detail)>;

    CallRecordings(const QString &folder, Audit audit, QObject *parent = nullptr);
    ~CallRecordings() override;

    QString folder() const { return m_folder; }
    /*!
     * The private directory where call \a callId is recorded (made now, with the folder),
     * its name the call id with anything but letters, digits, '_' and '-' as '_'. From now
     * until callEnded() a call is being recorded: nothing is sent. A directory that cannot be
     * made private is logged, and the call recorded all the same (000 §15).
     */
    QString recordingDirectory(const QString &callId);
    /// The recording in \a directory has its end (MediaSession::recordingFinished): its files
    /// are made private.
    void recordingFinished(const QString &directory);
    /// The call's media stopped: the recordings may go (on the next turn of the event loop).
    void callEnded();
    /// Whether a call is being recorded now.
    bool isRecording() const { return m_recording; }

    /*!
     * Sends the recordings that have an end through \a transport (a signed-in session), unless
     * a call is being recorded. The outbox is made on the first call, a child of \a
     * transportOwner (it dies with the transport it uses).
     */
    void send(Platform::Transport &transport, QObject *transportOwner);
    /// The outbox once send() made it, or null.
    RecordingOutbox *outbox() const { return m_outbox; }

signals:
    /// callEnded(): send() may be called now.
    void readyToSend();

private:
    QString m_folder;
    Audit m_audit;
    bool m_recording = false;
    QPointer<RecordingOutbox> m_outbox;
};

} // namespace Tongban::Assist
