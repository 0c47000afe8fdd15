#pragma once

#include "HubConfig.h"
#include "HubErrors.h"
#include "tus/UploadStore.h"

#include <core/Result.h>

#include <QSet>

#include <memory>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

struct AuthContext;

/// A new upload as its creation declares it.
struct NewUpload
{
    QString caseId;
    QString clientPageId;
    QString sha256; ///< lower-case hex
    QString mediaType;
    qint64 length = 0;
};

/*!
 * tus 1.0.0 uploads of page files (contract §6): the rules; UploadStore keeps them,
 * UploadRoutes speaks tus (creation, creation-with-upload, checksum, termination and
 * expiration extensions) and streams a PATCH's body into the upload's PartialFile.
 *
 * Durability: a PATCH writes the chunk at the committed offset (truncating
 * anything a crash left after it), fsyncs the file, and only then records
 * the new offset in the database (commit(); synchronous=FULL). After a kill the
 * committed offset is therefore never ahead of the bytes on disk.
 *
 * One PATCH at a time per upload (Locked): the routes mark an upload streaming while its
 * body is written.
 *
 * Ownership: an upload belongs to the window of its case; every request (creation, HEAD,
 * PATCH, DELETE) from a session at another window (or at none) gets NotFound as if the
 * upload did not exist, and nothing changes. The pages of a submitted case are final:
 * neither PATCH nor DELETE (CaseSubmitted), by anyone.
 *
 * Quota: the declared length of a window's open (active, unexpired) uploads adds up
 * to at most HubConfig::windowUploadQuotaBytes (QuotaExceeded at creation).
 *
 * Every error's message is the zh_CN text for the clerk, its detail technical.
 * Threading: the thread that owns the Database.
 */
class UploadService
{
public:
    UploadService(Storage::Database &database, const HubConfig &config, const Core::Clock &clock,
        const QString &filesDir);

    enum ErrorCode {
        NotFound = HubError::Uploads, ///< no such upload, or another window's
        PageNotFound, ///< creation: no such page declared in the case (or another window's)
        PageMismatch, ///< creation: hash or length differ from the declared page
        CaseSubmitted, ///< the case's pages are final
        QuotaExceeded,
        Expired,
        ChecksumMismatch, ///< the upload failed its hash; detail: why
        Locked, ///< another PATCH of the upload is being written
        OffsetMismatch,
        TooLarge, ///< a PATCH passes the upload's length
        StorageFailed,
    };

    /// A new upload for a declared page of \a context's window's case, or the one already
    /// made for it (created false: a retried creation).
    struct Created
    {
        UploadRecord upload;
        bool created = false;
    };
    Core::Result<Created> create(const NewUpload &upload, const AuthContext &context);
    /// What a HEAD tells: the upload if \a context's window owns it and it is neither failed
    /// nor expired.
    Core::Result<UploadRecord> state(const QString &uploadId, const AuthContext &context);
    /// The upload \a context's window may write to (owned, its case not submitted).
    Core::Result<UploadRecord> writable(const QString &uploadId, const AuthContext &context);
    /*!
     * Whether a PATCH at \a offset may write to \a upload (from writable()): not failed, not
     * expired, not being written, at the committed offset, and \a declaredBytes (when the
     * body's size is known) within the upload's length.
     */
    Core::Status checkPatch(
        const UploadRecord &upload, qint64 offset, std::optional<qint64> declaredBytes) const;
    /// The upload's file open at its committed offset, for a PATCH's body.
    Core::Result<std::unique_ptr<PartialFile>> openForPatch(const UploadRecord &upload);
    /// While a PATCH's body is written to \a uploadId (checkPatch: Locked; no expiry sweep).
    void beginStreaming(const QString &uploadId) { m_streaming.insert(uploadId); }
    void endStreaming(const QString &uploadId) { m_streaming.remove(uploadId); }
    /*!
     * Records \a newOffset for \a upload (its bytes are fsynced) and, at the end, checks the
     * file's hash: complete, or failed (ChecksumMismatch; the file is deleted).
     */
    Core::Result<UploadRecord> commit(UploadRecord upload, qint64 newOffset);
    /// Deletes an upload of \a context's window whose case is not submitted.
    Core::Status terminate(const QString &uploadId, const AuthContext &context);
    /// The upload as stored (after a creation-with-upload's first chunk).
    Core::Result<UploadRecord> find(const QString &uploadId) const;

    /*!
     * Marks every active upload past its expiry as expired and deletes its partial
     * file (HEAD and PATCH keep answering Expired; a new creation for the page starts afresh).
     * Returns how many expired. Called at every creation and by the hub's timer.
     */
    int sweepExpired();

    /// The file of a completed upload of \a clientPageId in \a caseId; empty when none.
    QString completedFile(const QString &caseId, const QString &clientPageId) const;

private:
    /// The upload if \a context is signed in at its case's window; otherwise the same
    /// NotFound as for an unknown id, so that another window learns nothing.
    Core::Result<UploadRecord> findOwned(const QString &uploadId, const AuthContext &context) const;
    bool expired(const UploadRecord &upload) const;

    UploadStore m_store;
    const HubConfig &m_config;
    const Core::Clock &m_clock;
    QSet<QString> m_streaming; ///< uploads a PATCH is being written to
};

} // namespace Tongban::Hub
