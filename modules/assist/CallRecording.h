#pragma once

#include <core/Result.h>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Tongban::Assist {

/// Who and what a recorded call is about: written into its manifest.
struct RecordingInfo
{
    QString callId;
    QString caseId; ///< empty for a call without a case
    QString itemCode;
    QString callerWindow;
    QString callerClerk; ///< account of the application clerk
    QString homeWindow;
    QString homeClerk; ///< account of the home clerk who answered
};

/*!
 * The recording of one call at the caller (000 §15): a directory holding the chunks (each a
 * Matroska file of at most a few seconds with both directions, VP8 + Opus each way, as
 * sent and received: never re-encoded) and manifest.json, which lists every closed chunk
 * with its SHA-256, size and times, and the call id, case, item, both windows and clerks,
 * start and end.
 *
 * The manifest is rewritten atomically (QSaveFile) each time a chunk is closed, so a
 * killed workstation leaves a manifest naming only whole chunks; recover() ends such a
 * recording at its last whole chunk ("endReason": "interrupted") and removes the partial
 * one. Each chunk also carries "uploaded" once the platform acknowledged it.
 *
 * Manifest (format 1):
 * { "format": 1, "callId", "caseId", "itemCode", "callerWindow", "callerClerk",
 *   "homeWindow", "homeClerk", "startedAt" (ISO 8601 UTC, ms), "endedAt" (absent while
 *   recording), "endReason" ("ended" | "interrupted"), "container": "video/x-matroska",
 *   "chunks": [ { "index", "file", "sha256", "sizeBytes", "startMs", "endMs" (from
 *   startedAt), "uploaded" } ] }
 *
 * Not thread-safe: one thread at a time.
 */
class CallRecording
{
public:
    static constexpr auto ManifestName = "manifest.json";

    struct Chunk
    {
        int index = 0;
        QString file; ///< name inside the recording's directory
        QString sha256; ///< lowercase hex
        qint64 sizeBytes = 0;
        qint64 startMs = 0;
        qint64 endMs = 0;
        bool uploaded = false;
    };

    /// A new recording in \a directory (created; must not hold a manifest yet).
    static Core::Result<CallRecording> create(
        const QString &directory, const RecordingInfo &info, const QDateTime &startedAt);
    /// The recording whose manifest is in \a directory.
    static Core::Result<CallRecording> load(const QString &directory);
    /*!
     * A recording left without an end (its workstation was killed): ended at its last whole
     * chunk, "interrupted"; files of the directory that the manifest does not name (the
     * partial chunk) are removed. A recording that has an end is left as it is.
     */
    static Core::Result<CallRecording> recover(const QString &directory);

    /// Adds the closed chunk \a fileName (in the directory): hashes it, rewrites the manifest.
    Core::Status addChunk(const QString &fileName, qint64 startMs, qint64 endMs);
    /// Sets the end and its reason, rewrites the manifest. Idempotent (the first end stays).
    Core::Status finish(const QDateTime &endedAt, const QString &reason);
    /// Marks chunk \a index acknowledged by the platform, rewrites the manifest.
    Core::Status markUploaded(int index);
    /// Every chunk to be sent again (the platform lacks one it should have).
    Core::Status resetUploaded();

    QString directory() const { return m_directory; }
    const RecordingInfo &info() const { return m_info; }
    QDateTime startedAt() const { return m_startedAt; }
    QDateTime endedAt() const { return m_endedAt; }
    QString endReason() const { return m_endReason; }
    bool isFinished() const { return m_endedAt.isValid(); }
    const QList<Chunk> &chunks() const { return m_chunks; }
    /// The manifest as written (the body the platform is sent).
    QJsonObject manifest() const;

    /// SHA-256 (lowercase hex) of a file; empty when it cannot be read.
    static QString fileSha256(const QString &path);

private:
    Core::Status save() const;

    QString m_directory;
    RecordingInfo m_info;
    QDateTime m_startedAt;
    QDateTime m_endedAt;
    QString m_endReason;
    QList<Chunk> m_chunks;
};

} // namespace Tongban::Assist
