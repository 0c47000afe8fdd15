#pragma once

#include "CallRecording.h"

#include <core/Result.h>

#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace Tongban::Platform {
class Transport;
}

namespace Tongban::Assist {

/*!
 * Takes the recordings of a workstation's calls to the platform (000 §15, contract §11.1)
 * and deletes each local copy once the platform acknowledged it.
 *
 * The recordings are the directories under one folder, one per call, each a CallRecording.
 * The queue is those directories: what was sent is marked in each manifest ("uploaded" per
 * chunk, rewritten atomically), so a restarted workstation resumes with the first chunk the
 * platform has not acknowledged, never from the start. A recording is sent once it has an
 * end; recoverInterrupted() gives one to those a killed workstation left.
 *
 * Per recording: each chunk not yet acknowledged is read, checked against the SHA-256 in the
 * manifest (a chunk changed on disk is never sent: the recording fails, kept for IT staff),
 * sent with PUT /calls/{id}/recording/chunks/{index} and its Upload-Checksum, which the
 * platform checks again; then the manifest (PUT /calls/{id}/recording), whose 200 completes
 * the recording on the platform: the directory is then deleted.
 *
 * Failures: what waits and retries for the case outbox (network, 5xx, 408, 429, no or an
 * expired session: Platform::waitsAndRetries) and 409 recording_incomplete are retried with
 * the outbox's backoff (Platform::Outbox::backoffMs); any other answer puts the recording
 * aside (failed(), kept on disk) until the next start().
 *
 * One request at a time, on the thread of the transport.
 */
class RecordingOutbox : public QObject
{
    Q_OBJECT
public:
    RecordingOutbox(
        Platform::Transport &transport, const QString &folder, QObject *parent = nullptr);

    /// The folder of the recordings (one directory per call).
    QString folder() const { return m_folder; }
    /// Ends every recording left without an end (the workstation was killed during a call).
    /// Call at start-up, before any call.
    int recoverInterrupted();
    /// Sends every recording that has an end; recordings put aside are tried again.
    void start();
    bool isBusy() const { return !m_current.isEmpty(); }
    /// Seed of the backoff's jitter (tests).
    void setJitterSeed(quint32 seed) { m_random.seed(seed); }

signals:
    void chunkUploaded(const QString &callId, int index);
    /// The platform holds the whole recording; the local copy is deleted.
    void acknowledged(const QString &callId);
    /// A recording is put aside (kept on disk) after an answer that retrying cannot change.
    void failed(const QString &callId, const Tongban::Core::Error &error);
    /// A retryable failure: the next attempt is after \a delayMs.
    void retrying(const QString &callId, const Tongban::Core::Error &error, qint64 delayMs);
    /// Nothing left to send now.
    void idle();

private:
    void next();
    void sendChunk();
    void sendManifest();
    void onFailure(const Core::Error &error, bool retryable);

    Platform::Transport &m_transport;
    QString m_folder;
    QString m_current; ///< directory of the recording being sent
    std::optional<CallRecording> m_recording;
    QStringList m_putAside;
    int m_attempts = 0;
    QTimer m_retry;
    QRandomGenerator m_random { QRandomGenerator::securelySeeded() };
};

} // namespace Tongban::Assist
