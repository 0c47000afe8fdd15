#include "TusUploader.h"

#include "ApiParsing.h"
#include "Logging.h"
#include "PlatformErrors.h"
#include "Tr.h"

#include <core/Alive.h>
#include <core/Hash.h>

#include <QPointer>
#include <QTimer>

namespace Tongban::Platform {

namespace {
const QByteArray kTusResumable = QByteArrayLiteral("Tus-Resumable");
const QByteArray kTusVersion = QByteArrayLiteral("1.0.0");
constexpr int kMaxRecreates = 3;
constexpr int kMaxChecksumRetries = 3;
constexpr int kMaxConflicts = 5;
constexpr int kMaxLocked = 20;
} // namespace

TusUploader::TusUploader(Transport &transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{ }

TokenBucket::TokenBucket(qint64 bytesPerSecond)
    : m_bytesPerSecond(qMax<qint64>(1, bytesPerSecond))
{
    // An empty bucket: measured from now, the upload never runs above the cap.
    m_clock.start();
}

qint64 TokenBucket::chunkBytes(qint64 maxBytes) const
{
    return qMin(maxBytes, qMax<qint64>(16 * 1024, m_bytesPerSecond / 4));
}

qint64 TokenBucket::take(qint64 bytes, qint64 maxChunkBytes)
{
    const qint64 nowNs = m_clock.nsecsElapsed();
    const double capacity = double(qMax(bytes, chunkBytes(maxChunkBytes)));
    m_tokens
        = qMin(capacity, m_tokens + double(nowNs - m_tokensAtNs) * double(m_bytesPerSecond) / 1e9);
    m_tokensAtNs = nowNs;
    if (m_tokens >= double(bytes)) {
        m_tokens -= double(bytes);
        return 0;
    }
    // Rounded up, so that the bucket holds the bytes when the timer fires.
    return qMax<qint64>(
        1, qint64((double(bytes) - m_tokens) * 1000.0 / double(m_bytesPerSecond)) + 1);
}

void TusUploader::setBandwidthLimit(qint64 bytesPerSecond)
{
    m_bucket = bytesPerSecond > 0 ? std::make_shared<TokenBucket>(bytesPerSecond) : nullptr;
}

qint64 TusUploader::nextChunkBytes() const
{
    return m_bucket ? m_bucket->chunkBytes(m_chunkSizeBytes) : m_chunkSizeBytes;
}

void TusUploader::start(const TusUploadSpec &spec)
{
    m_spec = spec;
    m_running = true;
    ++m_generation;
    m_offset = 0;
    m_recreates = m_checksumRetries = m_conflicts = m_locked = 0;
    if (m_checksumMode == ChecksumMode::Detect && !m_checksumDetected)
        detectChecksum();
    else if (m_spec.uploadUrl.isValid() && !m_spec.uploadUrl.isEmpty())
        head();
    else
        create();
}

void TusUploader::abort()
{
    m_running = false;
    ++m_generation;
}

ApiRequest TusUploader::request(const QByteArray &method, const QUrl &url) const
{
    ApiRequest r;
    r.method = method;
    r.url = url;
    r.contentType = QByteArrayLiteral("application/offset+octet-stream");
    r.headers.append({ kTusResumable, kTusVersion });
    return r;
}

void TusUploader::send(const ApiRequest &r, std::function<void(ApiResponse)> onResponse)
{
    Core::Alive<TusUploader> self(this);
    const quint64 generation = m_generation;
    m_transport.send(r, [self, generation, onResponse](Core::Result<ApiResponse> response) {
        if (!self || !self->m_running || generation != self->m_generation)
            return;
        if (!response) {
            self->fail(response.error());
            return;
        }
        onResponse(*response);
    });
}

void TusUploader::detectChecksum()
{
    send(request(QByteArrayLiteral("OPTIONS"), m_spec.endpoint), [this](const ApiResponse &r) {
        m_checksumDetected = true;
        const QStringList algorithms = parseHeaderList(r.header("Tus-Checksum-Algorithm"));
        const QStringList extensions = parseHeaderList(r.header("Tus-Extension"));
        m_sendChecksum = extensions.contains(QLatin1String("checksum"))
            && algorithms.contains(QLatin1String("sha256"), Qt::CaseInsensitive);
        m_creationWithUpload = extensions.contains(QLatin1String("creation-with-upload"));
        qCDebug(lcPlatform) << "tus server checksum sha256:" << m_sendChecksum
                            << "creation-with-upload:" << m_creationWithUpload;
        if (m_spec.uploadUrl.isValid() && !m_spec.uploadUrl.isEmpty())
            head();
        else
            create();
    });
}

void TusUploader::create()
{
    ApiRequest r = request(QByteArrayLiteral("POST"), m_spec.endpoint);
    r.headers.append(
        { QByteArrayLiteral("Upload-Length"), QByteArray::number(m_spec.data.size()) });
    r.headers.append({ QByteArrayLiteral("Upload-Metadata"), encodeTusMetadata(m_spec.metadata) });
    // creation-with-upload: the first chunk travels with the creation (one request, not two).
    // Only with a server that announced the extension (OPTIONS), as a server without it may
    // ignore the body, and only after an OPTIONS (ChecksumMode::Detect).
    // A creation with data whose answer was lost (network failure, hub killed) is retried
    // without data: the server may hold the upload and its first chunk already, and its answer
    // says where to go on, so the chunk is not sent twice.
    const QByteArray key = encodeTusMetadata(m_spec.metadata);
    qint64 sent = 0;
    if (m_creationWithUpload && !(m_creationInDoubt && *m_creationInDoubt == key)) {
        const QByteArray bytes = m_spec.data.left(nextChunkBytes());
        if (const qint64 waitMs = takeTokens(bytes.size()); waitMs > 0) {
            Core::Alive<TusUploader> self(this);
            const quint64 generation = m_generation;
            QTimer::singleShot(
                int(qMin<qint64>(waitMs, 60000)), Qt::PreciseTimer, this, [self, generation] {
                    if (self && self->m_running && generation == self->m_generation)
                        self->create();
                });
            return;
        }
        r.body = bytes;
        r.timeoutMs = 60000;
        addChecksum(r);
        m_creationInDoubt = key;
        ++m_patchCount;
        m_bytesSent += bytes.size();
        sent = bytes.size();
    }
    send(r, [this, sent](const ApiResponse &response) {
        m_creationInDoubt.reset();
        if (response.status == 423 || response.status == 503 || response.status == 429)
            return retryLater(response, &TusUploader::create);
        if (sent > 0 && response.status == 460) {
            // The first chunk's checksum failed: nothing was written; create (or find) again.
            if (++m_checksumRetries > kMaxChecksumRetries)
                return fail(response.status, QStringLiteral("chunk checksum mismatch, repeated"));
            return create();
        }
        if (response.status != 201 && response.status != 200)
            return fail(response.status, QStringLiteral("creation"));
        const QByteArray location = response.header("Location");
        const QUrl url = m_transport.resolve(request("POST", m_spec.endpoint))
                             .resolved(QUrl(QString::fromLatin1(location)));
        if (location.isEmpty() || !url.isValid())
            return fail(Core::Error { InvalidResponse,
                Tr::tr("The platform sent an answer this workstation cannot read. Try again "
                       "later; if it keeps happening, call the hall's IT staff."),
                QStringLiteral("tus creation without Location") });
        m_spec.uploadUrl = url;
        const QByteArray offsetHeader = response.header("Upload-Offset");
        // Nothing left to resume when the creation carried the whole file: the caller keeps the
        // URL with the page's end (one commit, not two); after a kill before that, a creation
        // again finds the upload (§6) or, on another tus server, re-sends that one chunk.
        if (sent < m_spec.data.size() || offsetHeader.trimmed() != QByteArray::number(sent))
            emit uploadUrlChanged(url);
        // A fresh upload (201) without data starts at 0: no HEAD needed. With data, or for an
        // upload the server already had (200, a retried creation), its Upload-Offset decides;
        // without one, ask (HEAD).
        if (offsetHeader.isEmpty()) {
            if (response.status != 201 || sent > 0)
                return head();
            m_offset = 0;
            emit progress(m_offset, m_spec.data.size());
            return patch();
        }
        const auto offset = parseHeaderInteger(offsetHeader, QStringLiteral("Upload-Offset"));
        if (!offset || *offset > m_spec.data.size())
            return head();
        m_offset = *offset;
        m_checksumRetries = 0;
        emit progress(m_offset, m_spec.data.size());
        if (m_offset == m_spec.data.size())
            return finishOrConfirm(response);
        patch();
    });
}

void TusUploader::head()
{
    ApiRequest r = request(QByteArrayLiteral("HEAD"), m_spec.uploadUrl);
    send(r, [this](const ApiResponse &response) {
        if (response.status == 404 || response.status == 410 || response.status == 460)
            return recreate(
                QString(QStringLiteral("HEAD answered ") + QString::number(response.status)));
        if (response.status == 423 || response.status == 503 || response.status == 429)
            return retryLater(response, &TusUploader::head);
        if (response.status != 200 && response.status != 204)
            return fail(response.status, QStringLiteral("HEAD"));
        const auto offset
            = parseHeaderInteger(response.header("Upload-Offset"), QStringLiteral("Upload-Offset"));
        if (!offset || *offset > m_spec.data.size())
            return fail(offset ? Core::Error { InvalidResponse,
                            Tr::tr("The platform reports more bytes than the file has."),
                            QStringLiteral("Upload-Offset beyond Upload-Length") }
                               : offset.error());
        m_offset = *offset;
        emit progress(m_offset, m_spec.data.size());
        if (m_offset == m_spec.data.size())
            return confirm();
        patch();
    });
}

void TusUploader::addChecksum(ApiRequest &r) const
{
    if (m_checksumMode != ChecksumMode::Always
        && !(m_checksumMode == ChecksumMode::Detect && m_sendChecksum))
        return;
    // A chunk that is the whole file has the file's digest, which the caller may know already.
    const bool wholeFile = m_spec.sha256.size() == 32 && r.body.size() == m_spec.data.size();
    const QByteArray digest = wholeFile ? m_spec.sha256 : Core::sha256(r.body);
    r.headers.append(
        { QByteArrayLiteral("Upload-Checksum"), QByteArray("sha256 " + digest.toBase64()) });
}

void TusUploader::patch()
{
    const QByteArray bytes = m_spec.data.mid(m_offset, nextChunkBytes());
    if (const qint64 waitMs = takeTokens(bytes.size()); waitMs > 0) {
        Core::Alive<TusUploader> self(this);
        const quint64 generation = m_generation;
        QTimer::singleShot(
            int(qMin<qint64>(waitMs, 60000)), Qt::PreciseTimer, this, [self, generation] {
                if (self && self->m_running && generation == self->m_generation)
                    self->patch();
            });
        return;
    }
    ApiRequest r = request(QByteArrayLiteral("PATCH"), m_spec.uploadUrl);
    r.body = bytes;
    r.timeoutMs = 60000;
    r.headers.append({ QByteArrayLiteral("Upload-Offset"), QByteArray::number(m_offset) });
    addChecksum(r);
    ++m_patchCount;
    m_bytesSent += bytes.size();
    send(r, [this, sent = bytes.size()](const ApiResponse &response) {
        if (response.status == 409) {
            if (++m_conflicts > kMaxConflicts)
                return fail(response.status, QStringLiteral("repeated offset conflicts"));
            return head();
        }
        if (response.status == 460) {
            if (++m_checksumRetries > kMaxChecksumRetries)
                return fail(response.status, QStringLiteral("chunk checksum mismatch, repeated"));
            return patch();
        }
        if (response.status == 404 || response.status == 410)
            return recreate(
                QString(QStringLiteral("PATCH answered ") + QString::number(response.status)));
        if (response.status == 423 || response.status == 503 || response.status == 429)
            return retryLater(response, &TusUploader::head);
        if (response.status != 204 && response.status != 200)
            return fail(response.status, QStringLiteral("PATCH"));
        const auto offset
            = parseHeaderInteger(response.header("Upload-Offset"), QStringLiteral("Upload-Offset"));
        if (!offset || *offset != m_offset + sent)
            return head(); // the server's word decides where to go on
        m_offset = *offset;
        m_checksumRetries = 0;
        emit progress(m_offset, m_spec.data.size());
        if (m_offset == m_spec.data.size())
            return finishOrConfirm(response);
        patch(); // paced by the token bucket under a cap
    });
}

void TusUploader::finishOrConfirm(const ApiResponse &lastChunk)
{
    // tongban-hub answers the last chunk after checking the whole file's SHA-256 and says so
    // (docs/platform-api.md §6): that answer is the confirmation. Any other server: a HEAD.
    if (lastChunk.header("Tongban-Upload-Verified").trimmed() == QByteArrayLiteral("sha256")) {
        m_running = false;
        emit finished();
        return;
    }
    confirm();
}

void TusUploader::confirm()
{
    // The last PATCH said "complete"; only a fresh HEAD after the server's own whole-file
    // check counts as confirmation (a failed hash answers 460 and the upload is re-created).
    send(request(QByteArrayLiteral("HEAD"), m_spec.uploadUrl), [this](const ApiResponse &response) {
        if (response.status == 404 || response.status == 410 || response.status == 460)
            return recreate(QString(
                QStringLiteral("confirmation HEAD answered ") + QString::number(response.status)));
        if (response.status == 423 || response.status == 503)
            return retryLater(response, &TusUploader::confirm);
        const auto offset
            = parseHeaderInteger(response.header("Upload-Offset"), QStringLiteral("Upload-Offset"));
        if ((response.status != 200 && response.status != 204) || !offset)
            return fail(response.status, QStringLiteral("confirmation HEAD"));
        if (*offset != m_spec.data.size()) {
            m_offset = *offset;
            return patch();
        }
        m_running = false;
        emit finished();
    });
}

void TusUploader::retryLater(const ApiResponse &response, void (TusUploader::*step)())
{
    if (++m_locked > kMaxLocked)
        return fail(response.status, QStringLiteral("still locked or unavailable"));
    bool ok = false;
    const int retryAfterSecs = response.header("Retry-After").trimmed().toInt(&ok);
    const int waitMs = ok ? qBound(0, retryAfterSecs, 300) * 1000 : qMin(200 * m_locked, 3000);
    Core::Alive<TusUploader> self(this);
    const quint64 generation = m_generation;
    QTimer::singleShot(waitMs, this, [self, generation, step] {
        if (self && self->m_running && generation == self->m_generation)
            ((*self).*step)();
    });
}

void TusUploader::recreate(const QString &why)
{
    qCInfo(lcPlatform).noquote() << "tus upload re-created:" << why;
    if (++m_recreates > kMaxRecreates)
        return fail(Core::Error { UploadFailed,
            Tr::tr("A page could not be uploaded to the platform. The workstation will try again."),
            QString(QStringLiteral("tus: re-created too often; last: ") + why) });
    m_spec.uploadUrl = QUrl();
    m_offset = 0;
    create();
}

void TusUploader::fail(int status, const QString &detail)
{
    Core::Error error = errorFromResponse(status, {});
    error.detail += QString(QStringLiteral(" tus=") + detail);
    fail(error);
}

void TusUploader::fail(const Core::Error &error)
{
    m_running = false;
    ++m_generation;
    qCWarning(lcPlatform).noquote() << "tus upload failed:" << error.detail;
    emit failed(error);
}

} // namespace Tongban::Platform
