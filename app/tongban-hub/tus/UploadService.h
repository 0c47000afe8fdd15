#pragma once

#include "HubConfig.h"
#include "http/HttpTypes.h"

#include <core/Result.h>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

struct AuthContext;

/*!
 * tus 1.0.0 uploads of page files (contract §6) with the creation,
 * creation-with-upload (a POST body is the first chunk, checked like a PATCH), checksum
 * (sha256), termination and expiration extensions.
 *
 * Durability: a PATCH writes the chunk at the committed offset (truncating
 * anything a crash left after it), fsyncs the file, and only then records
 * the new offset in the database (synchronous=FULL). After a kill the
 * committed offset is therefore never ahead of the bytes on disk.
 *
 * The Tus-Resumable header is checked and added by the router, not here.
 * Threading: the thread that owns the Database.
 */
class UploadService
{
public:
    UploadService(Storage::Database &database, const HubConfig &config, const Core::Clock &clock,
        const QString &filesDir);

    static HttpResponse options();
    HttpResponse create(const HttpRequest &request, const AuthContext &context);
    HttpResponse head(const QString &uploadId);
    HttpResponse patch(const HttpRequest &request, const QString &uploadId);
    HttpResponse terminate(const QString &uploadId);

    /// The file of a completed upload of \a clientPageId in \a caseId; empty when none.
    QString completedFile(const QString &caseId, const QString &clientPageId) const;

private:
    struct Upload
    {
        QString id;
        QString clientPageId;
        QString caseId;
        qint64 length = 0;
        qint64 offset = 0;
        QString sha256;
        qint64 expiresAt = 0;
        QString state; ///< active, complete or failed
        QString failure;
    };
    std::optional<Upload> find(const QString &uploadId, HttpResponse *error) const;
    bool expired(const Upload &upload) const;
    QString filePath(const QString &uploadId) const;
    HttpResponse uploadState(const Upload &upload, int status) const;

    Storage::Database &m_database;
    const HubConfig &m_config;
    const Core::Clock &m_clock;
    QString m_dir;
};

} // namespace Tongban::Hub
