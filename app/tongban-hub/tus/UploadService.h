#pragma once

#include "HubConfig.h"
#include "http/HttpTypes.h"

#include <core/Result.h>

#include <QSet>

#include <memory>
#include <variant>

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
 * Streaming (issue 13): a PATCH body goes to the partial file as it arrives (beginPatch
 * returns the sink the HTTP layer writes it into), so a PATCH may carry the whole rest of
 * the upload (tus-js-client's default chunkSize is Infinity). Without Upload-Checksum the
 * bytes received are made durable every 4 MiB and when the connection breaks, so a resume
 * starts from there; with one, the PATCH is all or nothing. One PATCH at a time per upload
 * (423 upload_locked).
 *
 * Ownership: an upload belongs to the window of its case; every request (creation, HEAD,
 * PATCH, DELETE) from a session at another window (or at none) is answered 404 as if the
 * upload did not exist, and nothing changes. The pages of a submitted case are final:
 * neither PATCH nor DELETE (409 case_submitted), by anyone.
 *
 * Quota: the declared Upload-Length of a window's open (active, unexpired) uploads adds up
 * to at most HubConfig::windowUploadQuotaBytes (413 quota_exceeded at creation).
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
    HttpResponse head(const QString &uploadId, const AuthContext &context);
    /// A PATCH with its whole body in \a request (in-process callers, creation-with-upload).
    HttpResponse patch(
        const HttpRequest &request, const QString &uploadId, const AuthContext &context);
    /*!
     * Checks the head of a PATCH (\a head: no body yet) as patch() does, before any byte of
     * the body is accepted: whose upload it is, the case not submitted, Content-Type,
     * Upload-Offset equal to the committed one, Content-Length within Upload-Length. Then
     * the sink the body streams into; otherwise the answer.
     */
    std::variant<HttpResponse, std::unique_ptr<BodySink>> beginPatch(
        const HttpRequest &head, const QString &uploadId, const AuthContext &context);
    HttpResponse terminate(const QString &uploadId, const AuthContext &context);

    /*!
     * Marks every active upload past its Upload-Expires as expired and deletes its partial
     * file (HEAD and PATCH keep answering 410; a new creation for the page starts afresh).
     * Returns how many expired. Called at every creation and by the hub's timer.
     */
    int sweepExpired();

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
        QString state; ///< active, complete, failed or expired
        QString failure;
        QString windowId; ///< the window of the upload's case: the only one that may touch it
        bool caseSubmitted = false; ///< its case has an official number: its pages are final
    };
    std::optional<Upload> find(const QString &uploadId, HttpResponse *error) const;
    /// The upload if \a context is signed in at its case's window; otherwise the same 404 as
    /// for an unknown id, so that another window learns nothing.
    std::optional<Upload> findOwned(
        const QString &uploadId, const AuthContext &context, HttpResponse *error) const;
    class Sink;
    std::variant<HttpResponse, std::unique_ptr<BodySink>> beginUpload(
        const HttpRequest &head, Upload upload);
    /// Records \a newOffset (the bytes are fsynced) and, at the end, checks the file's hash:
    /// the PATCH's answer.
    HttpResponse commit(Upload &upload, qint64 newOffset);
    bool expired(const Upload &upload) const;
    QString filePath(const QString &uploadId) const;
    HttpResponse uploadState(const Upload &upload, int status) const;

    Storage::Database &m_database;
    const HubConfig &m_config;
    const Core::Clock &m_clock;
    QString m_dir;
    QSet<QString> m_streaming; ///< uploads a PATCH is being written to
};

} // namespace Tongban::Hub
