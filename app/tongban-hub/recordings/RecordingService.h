#pragma once

#include "HubConfig.h"
#include "http/HttpTypes.h"

#include <core/Result.h>
#include <storage/Migration.h>

namespace Tongban::Storage {
class Database;
}

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
 * everyone else gets 403.
 *
 * Kept six months: sweep() deletes recordings (rows and files) of calls that started more
 * than RetentionDays days ago.
 *
 * Files: <dataDir>/files/recordings/<sha-256 of the call id>/<index>.mkv.
 * Threading: the thread that owns the Database.
 */
class RecordingService
{
public:
    static constexpr int RetentionDays = 183;
    static constexpr int MaxChunks = 100000;

    /// Tables of module "hub_recordings": hub_recordings, hub_recording_chunks.
    static Storage::MigrationSet schema();

    RecordingService(Storage::Database &database, const Core::Clock &clock, const QString &dir);

    HttpResponse putChunk(const HttpRequest &request, const QString &callId, const QString &index,
        const AuthContext &context);
    HttpResponse putManifest(
        const QString &callId, const QJsonObject &manifest, const AuthContext &context);
    HttpResponse get(const QString &callId, const AuthContext &context);
    HttpResponse chunk(const QString &callId, const QString &index, const AuthContext &context);
    /// GET /recordings?caseId=… (or ?callId=…): the recordings the account may read.
    HttpResponse list(const QUrlQuery &query, const AuthContext &context);

    /// Deletes the recordings past RetentionDays; returns how many.
    int sweep();

private:
    struct CallRow
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
    std::optional<CallRow> findCall(const QString &callId, HttpResponse *error) const;
    bool mayRead(const CallRow &call, const AuthContext &context) const;
    QString directory(const QString &callId) const;
    QJsonObject describe(const CallRow &call) const;

    Storage::Database &m_database;
    const Core::Clock &m_clock;
    QString m_dir;
};

} // namespace Tongban::Hub
