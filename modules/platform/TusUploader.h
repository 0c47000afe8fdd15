#pragma once

#include "ApiClient.h"

#include <core/Result.h>

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

namespace Tongban::Platform {

/*!
 * The upload cap's token bucket (bytes, refilled from a monotonic clock), shared by every
 * uploader under one cap (the Outbox's pages in flight), so the cap holds across files and
 * uploads, not just within one. It starts empty, fills at the cap and holds at most one
 * capped chunk (a quarter of a second of the cap, at least 16 KiB, at most the uploader's
 * chunk size). Time spent waiting for an answer refills it, so latency below a quarter
 * second costs no rate; after an idle spell at most one chunk goes above the cap.
 */
class TokenBucket
{
public:
    explicit TokenBucket(qint64 bytesPerSecond);
    qint64 bytesPerSecond() const { return m_bytesPerSecond; }
    /// Bytes of one PATCH under the cap, for an uploader whose chunks are at most \a maxBytes.
    qint64 chunkBytes(qint64 maxBytes) const;
    /// 0 when \a bytes may be sent now (and takes them), else the wait in ms.
    qint64 take(qint64 bytes, qint64 maxChunkBytes);

private:
    qint64 m_bytesPerSecond = 0;
    double m_tokens = 0;
    qint64 m_tokensAtNs = 0;
    QElapsedTimer m_clock;
};

/// One file to upload with tus 1.0 (§6).
struct TusUploadSpec
{
    QUrl endpoint; ///< creation URL, e.g. ApiClient::apiUrl("/uploads")
    QByteArray data; ///< the whole file (a page is at most 64 MiB)
    QList<QPair<QString, QByteArray>> metadata; ///< caseId, clientPageId, sha256, mediaType
    QUrl uploadUrl; ///< from an earlier run: resume there (HEAD), never from zero
    /// The SHA-256 digest (32 bytes) of data when the caller already checked it: a chunk that
    /// is the whole file then sends it as its Upload-Checksum instead of hashing it again.
    QByteArray sha256;
};

/*!
 * Uploads one file with tus 1.0: creation, HEAD for the offset, PATCH chunks,
 * optional sha256 checksum per chunk.
 *
 * - A known uploadUrl is resumed from the server's offset (HEAD). A fresh upload
 *   starts at the offset of the creation answer (0 for a plain creation), without a HEAD.
 * - When the server lists creation-with-upload in Tus-Extension (OPTIONS, asked in
 *   ChecksumMode::Detect), the first chunk goes with the creation POST (with its
 *   Upload-Checksum), so a page of one chunk needs a POST (and the confirming HEAD on a
 *   server other than tongban-hub, below). A
 *   creation with data that got no answer is retried without data (the server's answer
 *   gives the offset), so that chunk is not sent twice.
 * - 409 → HEAD again and continue from the server's offset; 460 → the chunk
 *   is sent again (3 times at most); 404/410 (or a HEAD 460 after a failed
 *   whole-file hash) → the upload is created again; 423 (locked) → retried
 *   after Retry-After or a short wait.
 * - The Upload-Checksum header is sent when the server lists sha256 in
 *   Tus-Checksum-Algorithm (asked once with OPTIONS, ChecksumMode::Detect),
 *   or always / never as set.
 * - finished() only after the server confirms Upload-Offset == Upload-Length after its
 *   whole-file check: the last chunk's answer with Tongban-Upload-Verified: sha256
 *   (tongban-hub), else a HEAD.
 * - Network and 5xx failures end the run with failed(); the caller decides
 *   when to start() again (Outbox: backoff with jitter).
 *
 * Signals are emitted on the transport's thread. One upload at a time.
 */
class TusUploader : public QObject
{
    Q_OBJECT
public:
    enum class ChecksumMode { Invalid = 0, Detect, Always, Never };

    explicit TusUploader(Transport &transport, QObject *parent = nullptr);

    void setChunkSizeBytes(qint64 bytes) { m_chunkSizeBytes = qMax<qint64>(1, bytes); }
    qint64 chunkSizeBytes() const { return m_chunkSizeBytes; }
    /*!
     * Caps the PATCH bodies at \a bytesPerSecond (0 = no cap) with a TokenBucket of its
     * own that lives as long as this object: a PATCH (or a creation carrying data) waits
     * until the bucket holds its bytes.
     */
    void setBandwidthLimit(qint64 bytesPerSecond);
    /// Shares \a bucket (nullptr = no cap) with other uploaders under the same cap.
    void setTokenBucket(std::shared_ptr<TokenBucket> bucket) { m_bucket = std::move(bucket); }
    qint64 bandwidthLimit() const { return m_bucket ? m_bucket->bytesPerSecond() : 0; }
    void setChecksumMode(ChecksumMode mode) { m_checksumMode = mode; }

    void start(const TusUploadSpec &spec);
    /// Stops after the request in flight; emits nothing more.
    void abort();
    bool isRunning() const { return m_running; }

    QUrl uploadUrl() const { return m_spec.uploadUrl; }
    qint64 offset() const { return m_offset; }
    /// Requests carrying file bytes (PATCHes, and creations with the first chunk) sent in
    /// this object's lifetime (for tests and benches).
    int patchCount() const { return m_patchCount; }
    qint64 bytesSent() const { return m_bytesSent; }

signals:
    /// A new upload was created at \a url: keep it to resume after a restart. Not emitted
    /// when the creation already carried the whole file (creation-with-upload): there is
    /// nothing to resume, and uploadUrl() holds the URL when finished() comes.
    void uploadUrlChanged(const QUrl &url);
    /// The server confirmed \a offset of \a total bytes.
    void progress(qint64 offset, qint64 total);
    void finished();
    void failed(const Tongban::Core::Error &error);

private:
    void detectChecksum();
    void create();
    void head();
    void patch();
    /// Bytes of the next PATCH: the chunk size, smaller under a cap.
    qint64 nextChunkBytes() const;
    /// 0 when \a bytes may be sent now (and takes them from the bucket), else the wait in ms.
    qint64 takeTokens(qint64 bytes)
    {
        return m_bucket ? m_bucket->take(bytes, m_chunkSizeBytes) : 0;
    }
    /// The last chunk was accepted: finished when its answer says the server verified the
    /// whole file, else confirm().
    void finishOrConfirm(const ApiResponse &lastChunk);
    void confirm();
    void addChecksum(ApiRequest &request) const;
    void retryLater(const ApiResponse &response, void (TusUploader::*step)());
    void recreate(const QString &why);
    void fail(const Core::Error &error);
    void fail(int status, const QString &detail);
    ApiRequest request(const QByteArray &method, const QUrl &url) const;
    void send(const ApiRequest &request, std::function<void(ApiResponse)> onResponse);

    Transport &m_transport;
    TusUploadSpec m_spec;
    qint64 m_chunkSizeBytes = 1024 * 1024;
    std::shared_ptr<TokenBucket> m_bucket;
    ChecksumMode m_checksumMode = ChecksumMode::Detect;
    bool m_checksumDetected = false;
    bool m_sendChecksum = false;
    bool m_creationWithUpload = false;
    /// Metadata of the last creation with data, until it gets an answer.
    std::optional<QByteArray> m_creationInDoubt;
    bool m_running = false;
    quint64 m_generation = 0;
    qint64 m_offset = 0;
    int m_recreates = 0;
    int m_checksumRetries = 0;
    int m_conflicts = 0;
    int m_locked = 0;
    int m_patchCount = 0;
    qint64 m_bytesSent = 0;
};

} // namespace Tongban::Platform
