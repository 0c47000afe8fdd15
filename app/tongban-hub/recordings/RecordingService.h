#pragma once

#include "HubConfig.h"
#include "HubErrors.h"
#include "recordings/RecordingStore.h"

#include <core/Result.h>
#include <storage/Migration.h>

#include <QJsonArray>
#include <QJsonObject>

namespace Tongban::Hub {

struct AuthContext;

/*!
 * Call recordings (contract §11.1, 000 §15): the caller's workstation uploads each chunk of
 * a recorded call (PUT .../recording/chunks/{index}, hash-checked, idempotent), then the
 * manifest (PUT .../recording), which completes the recording once every chunk it lists
 * arrived with its hash. The recording is linked to the call and to the call's case, as the
 * platform recorded them (hub_calls), whatever the manifest says.
 *
 * Who: only the calling window uploads, and only for a call that was answered. Only an
 * admin or a department account of the call's (home) jurisdiction lists and downloads;
 * everyone else gets Forbidden.
 *
 * Kept six months: sweep() deletes recordings (rows and files) of calls that started more
 * than RetentionDays days ago.
 *
 * SQL and files: RecordingStore (<dataDir>/files/recordings/<sha-256 of the call id>/);
 * HTTP: RecordingRoutes. Threading: the thread that owns the Database.
 */
class RecordingService
{
public:
    static constexpr int RetentionDays = 183;
    static constexpr int MaxChunks = 100000;

    enum ErrorCode {
        NotFound = HubError::Recordings + 1, ///< no such call / recording, or not the caller's
        Forbidden, ///< neither an admin nor the home department (nor a party, for pages)
        BadRequest, ///< chunk index, checksum header, page name, list query
        TooLarge,
        ChecksumMismatch,
        Conflict, ///< a chunk again with other bytes, or a chunk for a complete recording
        ManifestInvalid,
        Incomplete, ///< the manifest lists chunks not (or not so) received
        MarkupInvalid,
        PageNotShared,
        StoreFailed,
    };

    /// A chunk received (\a created) or received again with the same bytes.
    struct ChunkReceipt
    {
        int index = 0;
        QString sha256;
        bool created = false;
    };

    /// A stored chunk: its bytes and SHA-256 (hex).
    struct ChunkFile
    {
        QByteArray bytes;
        QString sha256;
    };

    /// Tables of module "hub_recordings": hub_recordings, hub_recording_chunks.
    static Storage::MigrationSet schema();

    RecordingService(RecordingStore &store, const Core::Clock &clock);

    /// \a digest: the raw SHA-256 of the Upload-Checksum header (nullopt: none, or not sha256).
    Core::Result<ChunkReceipt> putChunk(const QString &callId, const QString &index,
        const QByteArray &body, const std::optional<QByteArray> &digest,
        const AuthContext &context);
    /// The recording as get() describes it once complete.
    Core::Result<QJsonObject> putManifest(
        const QString &callId, const QJsonObject &manifest, const AuthContext &context);
    Core::Result<QJsonObject> get(const QString &callId, const AuthContext &context);
    Core::Result<ChunkFile> chunk(
        const QString &callId, const QString &index, const AuthContext &context);
    /// The recordings of \a caseId or of \a callId (exactly one given) the account may read.
    Core::Result<QJsonArray> list(
        const QString &caseId, const QString &callId, const AuthContext &context);

    /*!
     * The pages shared in a call (issue 15): putPage() stores the page at full resolution
     * (its bytes must hash to the name) from either party of the answered call; putMarkup()
     * keeps the marked-up page (PageShare::markup JSON) of a stored page, the latest one per
     * page; page() and markups() are for the two parties, an admin and the home department.
     * Deleted with the recordings. putPage(): true when stored now (false: it was).
     */
    Core::Result<bool> putPage(const QString &callId, const QString &sha256, const QByteArray &body,
        const AuthContext &context);
    Core::Result<QByteArray> page(
        const QString &callId, const QString &sha256, const AuthContext &context);
    Core::Status putMarkup(const QString &callId, const QString &sha256, const QJsonObject &markup,
        const AuthContext &context);
    /// The shared pages [{sha256, sizeBytes, sharedBy, markup?, markedBy?}].
    Core::Result<QJsonArray> markups(const QString &callId, const AuthContext &context);

    /// Deletes the recordings (and shared pages) past RetentionDays; returns how many calls.
    int sweep();

private:
    Core::Result<RecordedCall> findCall(const QString &callId) const;
    bool mayRead(const RecordedCall &call, const AuthContext &context) const;
    /// The calling or the answering window of an answered call.
    static bool isParty(const RecordedCall &call, const AuthContext &context);
    QJsonObject describe(const RecordedCall &call) const;

    RecordingStore &m_store;
    const Core::Clock &m_clock;
};

} // namespace Tongban::Hub
