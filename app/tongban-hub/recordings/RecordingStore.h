#pragma once

#include <core/Result.h>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/// A call as the platform recorded it (hub_calls).
struct RecordedCall
{
    QString id;
    QString callerWindow;
    QString answeredBy;
    QString caseId;
    QString itemCode;
    QString jurisdiction;
    qint64 startedAt = 0;
    qint64 endedAt = 0;
};

/// A recording's row: its state, the manifest (JSON text) and the platform case it belongs to.
struct RecordingRow
{
    QString state; ///< receiving, complete
    QString manifest;
    std::optional<QString> caseId; ///< the call's, or the case sent under the manifest's id
};

struct RecordingChunk
{
    int index = 0;
    QString sha256;
    qint64 sizeBytes = 0;
};

/// A page shared in a call and its latest marked-up version.
struct SharedPage
{
    QString sha256;
    qint64 sizeBytes = 0;
    QString byWindow;
    std::optional<QString> markup; ///< JSON text
    QString markupBy;
};

/*!
 * The SQL and files of call recordings (contract §11.1, §11.2): hub_recordings,
 * hub_recording_chunks, hub_call_pages (migration set "hub_recordings",
 * RecordingService::schema()), the calls they belong to (hub_calls), and the files under
 * <dir>/<sha-256 of the call id>/ (<index>.mkv, <sha256>.page). Plain SQL.
 *
 * Threading: the thread that owns the Database.
 */
class RecordingStore
{
public:
    RecordingStore(Storage::Database &database, const QString &dir);

    Core::Result<std::optional<RecordedCall>> call(const QString &callId) const;

    /// The state of the recording of \a callId; nullopt when there is none.
    Core::Result<std::optional<QString>> state(const QString &callId) const;
    std::optional<RecordingRow> recording(const QString &callId) const;
    /// The SHA-256 (hex) of a received chunk; nullopt when not received.
    Core::Result<std::optional<QString>> chunkHash(const QString &callId, int index) const;
    Core::Result<QHash<int, QString>> chunkHashes(const QString &callId) const;
    QList<RecordingChunk> chunks(const QString &callId) const;
    /// Writes the chunk's file (synced), then stores its row (and the recording's, when
    /// \a createRecording) in one transaction.
    Core::Status addChunk(const RecordedCall &call, bool createRecording, int index,
        const QString &sha256, const QByteArray &bytes, qint64 nowMs);
    Core::Result<QByteArray> chunkFile(const QString &callId, int index) const;
    Core::Status complete(
        const QString &callId, const QString &manifest, const QString &clientCaseId, qint64 nowMs);
    /// The recordings of \a caseId (the call's case or the one sent under the manifest's case
    /// id), or the one of \a callId, of \a jurisdiction unless \a anyJurisdiction.
    Core::Result<QStringList> recordingsOf(const QString &caseId, const QString &callId,
        bool anyJurisdiction, const QString &jurisdiction) const;

    Core::Result<bool> pageExists(const QString &callId, const QString &sha256) const;
    /// Writes the page's file (synced), then stores its row.
    Core::Status addPage(const RecordedCall &call, const QString &sha256, const QByteArray &bytes,
        const QString &byWindow, qint64 nowMs);
    Core::Result<QByteArray> pageFile(const QString &callId, const QString &sha256) const;
    /// Keeps \a markup for a shared page; how many pages changed (0: not shared).
    Core::Result<int> setMarkup(const QString &callId, const QString &sha256, const QString &markup,
        const QString &byWindow, qint64 nowMs);
    Core::Result<QList<SharedPage>> pages(const QString &callId) const;

    /// Calls with recordings or pages started before \a cutoffMs (at most 1000).
    Core::Result<QStringList> expired(qint64 cutoffMs) const;
    /// Deletes the rows and files of \a callId's recording and pages.
    Core::Status remove(const QString &callId);

private:
    QString directory(const QString &callId) const;
    Core::Status writeFile(const QString &callId, const QString &name, const QByteArray &bytes);

    Storage::Database &m_database;
    QString m_dir;
};

} // namespace Tongban::Hub
