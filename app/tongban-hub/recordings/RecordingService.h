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

    /*!
     * The pages shared in a call (issue 15): PUT .../pages/{sha256} stores the page at full
     * resolution (its body must hash to the name) from either party of the answered call;
     * PUT .../markups/{sha256} keeps the marked-up page (PageShare::markup JSON) of a stored
     * page, the latest one per page; GET .../pages/{sha256} and GET .../markups are for the
     * two parties, an admin and the home department. Deleted with the recordings.
     */
    HttpResponse putPage(const HttpRequest &request, const QString &callId, const QString &sha256,
        const AuthContext &context);
    HttpResponse page(const QString &callId, const QString &sha256, const AuthContext &context);
    HttpResponse putMarkup(const QString &callId, const QString &sha256, const QJsonObject &markup,
        const AuthContext &context);
    HttpResponse markups(const QString &callId, const AuthContext &context);

    /// Deletes the recordings (and shared pages) past RetentionDays; returns how many calls.
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
    /// The calling or the answering window of an answered call.
    static bool isParty(const CallRow &call, const AuthContext &context);
    QString directory(const QString &callId) const;
    QJsonObject describe(const CallRow &call) const;

    Storage::Database &m_database;
    const Core::Clock &m_clock;
    QString m_dir;
};

} // namespace Tongban::Hub
