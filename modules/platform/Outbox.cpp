#include "Outbox.h"

#include "ApiParsing.h"
#include "Logging.h"
#include "PlatformErrors.h"
#include "Tr.h"
#include "TusUploader.h"

#include <core/Alive.h>
#include <core/Hash.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace Tongban::Platform {

namespace {

const QString kPending = QStringLiteral("pending");
const QString kUploading = QStringLiteral("uploading");
const QString kSubmitting = QStringLiteral("submitting");
const QString kAcknowledged = QStringLiteral("acknowledged");
const QString kFailed = QStringLiteral("failed");
const QString kUploaded = QStringLiteral("uploaded");

Core::Error invalidCase(const QString &detail)
{
    return Core::Error { InvalidArgument,
        Tr::tr("This case cannot be transmitted: its data is incomplete. Call the hall's IT "
               "staff."),
        detail };
}

struct DeclaredPage
{
    QString clientPageId;
    QString sha256;
    qint64 sizeBytes = 0;
    QString mediaType;
};

Core::Result<QList<DeclaredPage>> declaredPages(const QJsonObject &body)
{
    QList<DeclaredPage> pages;
    const QJsonArray materials = body.value(QStringLiteral("materials")).toArray();
    for (const QJsonValue &material : materials) {
        const QJsonArray list = material.toObject().value(QStringLiteral("pages")).toArray();
        for (const QJsonValue &value : list) {
            const QJsonObject page = value.toObject();
            DeclaredPage p;
            p.clientPageId = page.value(QStringLiteral("clientPageId")).toString();
            p.sha256 = page.value(QStringLiteral("sha256")).toString().toLower();
            p.sizeBytes = page.value(QStringLiteral("sizeBytes")).toInteger(-1);
            p.mediaType = page.value(QStringLiteral("mediaType")).toString();
            if (p.clientPageId.isEmpty() || p.sha256.size() != 64 || p.sizeBytes < 0
                || p.mediaType.isEmpty())
                return invalidCase(QStringLiteral("outbox: page without clientPageId, sha256, "
                                                  "sizeBytes or mediaType"));
            pages.append(p);
        }
    }
    return pages;
}

} // namespace

Storage::MigrationSet Outbox::schema()
{
    Storage::MigrationSet set;
    set.module = QStringLiteral("platform");
    Storage::Migration m1;
    m1.version = 1;
    m1.description = QStringLiteral("outbox of transmitted cases and their pages");
    m1.statements = {
        QStringLiteral(
            "CREATE TABLE outbox_cases (client_case_id TEXT PRIMARY KEY, body TEXT NOT NULL,"
            " state TEXT NOT NULL, server_case_id TEXT, case_number TEXT,"
            " attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL DEFAULT 0,"
            " last_error TEXT, enqueued_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE outbox_pages (client_page_id TEXT PRIMARY KEY,"
                       " client_case_id TEXT NOT NULL REFERENCES outbox_cases(client_case_id)"
                       " ON DELETE CASCADE, position INTEGER NOT NULL, sha256 TEXT NOT NULL,"
                       " size_bytes INTEGER NOT NULL, media_type TEXT NOT NULL, upload_url TEXT,"
                       " confirmed_offset INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX outbox_pages_case ON outbox_pages(client_case_id, position)"),
    };
    set.migrations = { m1 };
    return set;
}

qint64 Outbox::backoffMs(int attempts, double unit)
{
    return RetryQueue::backoffMs(attempts, unit);
}

Outbox::Outbox(Storage::Database &db, Transport &transport, const Core::Clock &clock,
    PageContentSource content, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_transport(transport)
    , m_clock(clock)
    , m_content(std::move(content))
    , m_retry(db, clock,
          RetryQueue::Table { QStringLiteral("outbox_cases"), QStringLiteral("client_case_id"),
              { kPending, kUploading, kSubmitting }, kFailed },
          this, [this] { run(); })
{
    ApiRequest uploads;
    uploads.path = QStringLiteral("/uploads");
    m_uploadEndpoint = m_transport.resolve(uploads);
    for (int i = 0; i < kParallelUploads; ++i) {
        auto *uploader = new TusUploader(m_transport, this);
        m_uploads[i].uploader = uploader;
        connect(uploader, &TusUploader::uploadUrlChanged, this,
            [this, i](const QUrl &url) { onUploadUrlChanged(i, url); });
        connect(uploader, &TusUploader::progress, this,
            [this, i](qint64 offset, qint64 total) { onUploadProgress(i, offset, total); });
        connect(uploader, &TusUploader::finished, this, [this, i] { onUploadFinished(i); });
        connect(uploader, &TusUploader::failed, this,
            [this, i](const Core::Error &error) { onUploadFailed(i, error); });
    }
}

Outbox::~Outbox()
{
    ++m_generation;
    abortUploads();
}

void Outbox::setChunkSizeBytes(qint64 bytes)
{
    for (UploadSlot &slot : m_uploads)
        slot.uploader->setChunkSizeBytes(bytes);
}

void Outbox::setBandwidthLimit(qint64 bytesPerSecond)
{
    // One bucket for every page in flight: the cap is the workstation's, not a page's.
    const auto bucket
        = bytesPerSecond > 0 ? std::make_shared<TokenBucket>(bytesPerSecond) : nullptr;
    for (UploadSlot &slot : m_uploads)
        slot.uploader->setTokenBucket(bucket);
}

qint64 Outbox::bandwidthLimit() const
{
    return m_uploads[0].uploader->bandwidthLimit();
}

void Outbox::abortUploads()
{
    for (UploadSlot &slot : m_uploads) {
        slot.uploader->abort();
        slot.pageId.clear();
    }
}

int Outbox::uploadsInFlight() const
{
    return int(std::count_if(m_uploads.cbegin(), m_uploads.cend(),
        [](const UploadSlot &slot) { return !slot.pageId.isEmpty(); }));
}

qint64 Outbox::bandwidthLimitFromSettings(const QSettings &settings)
{
    bool ok = false;
    const qint64 kbps = settings.value(QStringLiteral("platform/uploadLimitKbps")).toLongLong(&ok);
    return ok && kbps > 0 ? kbps * 1000 / 8 : 0;
}

Core::Status Outbox::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_db.connection());
    if (!query.prepare(sql))
        return Storage::Database::queryError(query, QStringLiteral("outbox prepare"));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("outbox"));
    return {};
}

Core::Status Outbox::enqueue(const QJsonObject &caseBody)
{
    const Core::Status status = enqueueWithin(caseBody);
    if (status)
        announce(caseBody.value(QStringLiteral("clientCaseId")).toString());
    return status;
}

void Outbox::announce(const QString &clientCaseId)
{
    emit caseStateChanged(clientCaseId, kPending);
    if (m_running)
        m_retry.scheduleWake();
}

Core::Result<QHash<QString, QString>> Outbox::acknowledgedNumbers(Storage::Database &db)
{
    QHash<QString, QString> numbers;
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("SELECT client_case_id, case_number FROM outbox_cases"
                                   " WHERE case_number IS NOT NULL AND case_number != ''")))
        return Storage::Database::queryError(query, QStringLiteral("acknowledged numbers"));
    while (query.next())
        numbers.insert(query.value(0).toString(), query.value(1).toString());
    return numbers;
}

Core::Status Outbox::enqueueWithin(const QJsonObject &caseBody)
{
    const QString clientCaseId = caseBody.value(QStringLiteral("clientCaseId")).toString();
    if (clientCaseId.isEmpty())
        return invalidCase(QStringLiteral("outbox: case body without clientCaseId"));
    const auto pages = declaredPages(caseBody);
    if (!pages)
        return pages.error();
    const QByteArray body = QJsonDocument(caseBody).toJson(QJsonDocument::Compact);
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    const Core::Status status = m_db.transaction([&]() -> Core::Status {
        QSqlQuery existing(m_db.connection());
        existing.prepare(QStringLiteral("SELECT body FROM outbox_cases WHERE client_case_id = ?"));
        existing.addBindValue(clientCaseId);
        if (!existing.exec())
            return Storage::Database::queryError(existing, QStringLiteral("outbox lookup"));
        if (existing.next()) {
            if (existing.value(0).toString().toUtf8() == body)
                return {};
            return invalidCase(QStringLiteral("outbox: clientCaseId already enqueued with "
                                              "another body"));
        }
        if (auto s = exec(QStringLiteral("INSERT INTO outbox_cases (client_case_id, body, state,"
                                         " enqueued_at, updated_at) VALUES (?, ?, ?, ?, ?)"),
                { clientCaseId, QString::fromUtf8(body), kPending, now, now });
            !s)
            return s;
        int position = 0;
        for (const DeclaredPage &page : *pages) {
            if (auto s = exec(QStringLiteral("INSERT INTO outbox_pages (client_page_id,"
                                             " client_case_id, position, sha256, size_bytes,"
                                             " media_type, state) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    { page.clientPageId, clientCaseId, position++, page.sha256, page.sizeBytes,
                        page.mediaType, kPending });
                !s)
                return s;
        }
        return {};
    });
    return status;
}

void Outbox::start()
{
    m_running = true;
    m_retry.scheduleWake();
}

void Outbox::stop()
{
    m_running = false;
    m_retry.stopTimer();
    ++m_generation;
    abortUploads();
    m_currentCase.clear();
}

void Outbox::flush()
{
    const Core::Status s = m_retry.makeDue();
    if (!s)
        qCWarning(lcPlatform).noquote() << "outbox flush:" << s.error().toString();
    start();
}

Core::Status Outbox::retry(const QString &clientCaseId)
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "UPDATE outbox_cases SET state = CASE WHEN server_case_id IS NULL THEN ? ELSE ? END,"
        " attempts = 0, next_attempt_at = 0, last_error = NULL, updated_at = ?"
        " WHERE client_case_id = ? AND state = ? RETURNING state"));
    for (const QVariant &v : QVariantList { kPending, kUploading, now, clientCaseId, kFailed })
        query.addBindValue(v);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("outbox retry"));
    if (!query.next()) {
        return Core::Error { InvalidArgument,
            Tr::tr("Only a case whose transmission failed can be sent again."), clientCaseId };
    }
    const QString state = query.value(0).toString();
    query.finish();
    emit caseStateChanged(clientCaseId, state);
    start();
    m_retry.scheduleWake();
    return {};
}

Core::Result<Outbox::CaseRow> Outbox::nextDueCase() const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT client_case_id, body, state, server_case_id, attempts"
                                 " FROM outbox_cases WHERE state IN (?, ?, ?)"
                                 " AND next_attempt_at <= ? ORDER BY rowid LIMIT 1"));
    query.addBindValue(kPending);
    query.addBindValue(kUploading);
    query.addBindValue(kSubmitting);
    query.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("outbox next case"));
    CaseRow row;
    if (query.next()) {
        row.clientCaseId = query.value(0).toString();
        row.body = query.value(1).toString().toUtf8();
        row.state = query.value(2).toString();
        row.serverCaseId = query.value(3).toString();
        row.attempts = query.value(4).toInt();
    }
    return row;
}

void Outbox::run()
{
    if (!m_running || isBusy())
        return;
    m_retry.stopTimer();
    const auto row = nextDueCase();
    if (!row) {
        qCWarning(lcPlatform).noquote() << "outbox:" << row.error().toString();
        return;
    }
    if (row->clientCaseId.isEmpty()) {
        m_retry.armTimer();
        emit idle();
        return;
    }
    step(*row);
}

void Outbox::step(const CaseRow &row)
{
    m_currentCase = row.clientCaseId;
    if (row.state == kPending)
        createCase(row);
    else if (row.state == kUploading) {
        m_uploadingCase = row;
        uploadPages();
    } else
        submitCase(row);
}

void Outbox::stepDone()
{
    abortUploads(); // a failed page ends its case's attempt: the other pages wait for the next
    m_currentCase.clear();
    m_retry.scheduleWake();
}

void Outbox::send(const ApiRequest &request, std::function<void(Core::Result<ApiResponse>)> done)
{
    Core::Alive<Outbox> self(this);
    const quint64 generation = m_generation;
    m_transport.send(request, [self, generation, done](Core::Result<ApiResponse> response) {
        if (!self || generation != self->m_generation)
            return;
        if (response && response->status < 500)
            self->platformReachable();
        done(std::move(response));
    });
}

Core::Status Outbox::setCaseState(const QString &clientCaseId, const QString &state)
{
    const Core::Status s = exec(QStringLiteral("UPDATE outbox_cases SET state = ?, attempts = 0,"
                                               " next_attempt_at = 0, last_error = NULL,"
                                               " updated_at = ? WHERE client_case_id = ?"),
        { state, m_clock.now().toMSecsSinceEpoch(), clientCaseId });
    if (s)
        emit caseStateChanged(clientCaseId, state);
    return s;
}

void Outbox::createCase(const CaseRow &row)
{
    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = QStringLiteral("/cases");
    request.body = row.body;
    const QString id = row.clientCaseId;
    send(request, [this, id](Core::Result<ApiResponse> response) {
        const auto ok = requireSuccess(std::move(response));
        if (!ok)
            return attemptFailed(id, ok.error());
        const auto created = parseCaseCreated(ok->body);
        if (!created)
            return attemptFailed(id, created.error());
        const QStringList missing = created->missingPages;
        const Core::Status s = m_db.transaction([&]() -> Core::Status {
            if (auto r = exec(QStringLiteral("UPDATE outbox_cases SET server_case_id = ?"
                                             " WHERE client_case_id = ?"),
                    { created->caseId, id });
                !r)
                return r;
            // The server's word decides: a page it reports missing is uploaded (again); one it
            // already holds with its full hash needs nothing more.
            QSqlQuery pages(m_db.connection());
            pages.prepare(QStringLiteral(
                "SELECT client_page_id, state FROM outbox_pages WHERE client_case_id = ?"));
            pages.addBindValue(id);
            if (!pages.exec())
                return Storage::Database::queryError(pages, QStringLiteral("outbox pages"));
            QList<QPair<QString, QString>> updates;
            while (pages.next()) {
                const QString pageId = pages.value(0).toString();
                const QString wanted = missing.contains(pageId) ? kPending : kUploaded;
                if (pages.value(1).toString() != wanted)
                    updates.append({ pageId, wanted });
            }
            for (const auto &[pageId, state] : updates) {
                if (auto r = exec(QStringLiteral(
                                      "UPDATE outbox_pages SET state = ? WHERE client_page_id = ?"),
                        { state, pageId });
                    !r)
                    return r;
            }
            return setCaseState(id, kUploading);
        });
        if (!s)
            return attemptFailed(id, s.error());
        stepDone();
    });
}

void Outbox::uploadPages()
{
    const CaseRow &row = m_uploadingCase;
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT client_page_id, sha256, size_bytes, media_type,"
                                 " upload_url FROM outbox_pages WHERE client_case_id = ?"
                                 " AND state <> ? ORDER BY position LIMIT ?"));
    query.addBindValue(row.clientCaseId);
    query.addBindValue(kUploaded);
    query.addBindValue(2 * kParallelUploads); // those in flight, and as many to start
    if (!query.exec())
        return attemptFailed(
            row.clientCaseId, Storage::Database::queryError(query, QStringLiteral("outbox page")));
    QList<PageRow> next;
    while (query.next()) {
        PageRow page;
        page.clientPageId = query.value(0).toString();
        page.sha256 = query.value(1).toString();
        page.sizeBytes = query.value(2).toLongLong();
        page.mediaType = query.value(3).toString();
        page.uploadUrl = QUrl(query.value(4).toString());
        const bool inFlight = std::any_of(m_uploads.cbegin(), m_uploads.cend(),
            [&](const UploadSlot &slot) { return slot.pageId == page.clientPageId; });
        if (!inFlight)
            next.append(page);
    }
    query.finish();
    const QString caseId = row.clientCaseId;
    for (int slot = 0; slot < kParallelUploads && !next.isEmpty(); ++slot) {
        if (!m_uploads[slot].pageId.isEmpty())
            continue;
        // A start can fail at once (a transport that refuses synchronously): that ends the
        // case's attempt, and no further page may start for it.
        if (!startPage(slot, next.takeFirst()) || m_currentCase != caseId)
            return;
    }
    if (uploadsInFlight() > 0)
        return;
    // Every page confirmed.
    if (const Core::Status s = setCaseState(row.clientCaseId, kSubmitting); !s)
        return attemptFailed(row.clientCaseId, s.error());
    stepDone();
}

bool Outbox::startPage(int slot, const PageRow &page)
{
    const CaseRow &row = m_uploadingCase;
    const auto content = m_content
        ? m_content(page.sha256)
        : Core::Result<QByteArray>(invalidCase(QStringLiteral("outbox: no page content source")));
    if (!content) {
        attemptFailed(row.clientCaseId, content.error());
        return false;
    }
    const QByteArray digest = Core::sha256(*content);
    if (content->size() != page.sizeBytes || QString::fromLatin1(digest.toHex()) != page.sha256) {
        const Core::Error error = invalidCase(
            QString(QStringLiteral("outbox: stored content of page ") + page.clientPageId
                + QStringLiteral(" does not match its declared size and sha256")));
        const QString caseId = row.clientCaseId;
        if (exec(QStringLiteral("UPDATE outbox_cases SET state = ?, last_error = ?,"
                                " updated_at = ? WHERE client_case_id = ?"),
                { kFailed, error.toString(), m_clock.now().toMSecsSinceEpoch(), caseId }))
            emit caseStateChanged(caseId, kFailed);
        emit caseError(caseId, error, QDateTime());
        stepDone();
        return false;
    }

    TusUploadSpec spec;
    spec.endpoint = m_uploadEndpoint;
    spec.data = *content;
    spec.sha256 = digest;
    spec.uploadUrl = page.uploadUrl;
    spec.metadata = { { QStringLiteral("caseId"), row.serverCaseId.toUtf8() },
        { QStringLiteral("clientPageId"), page.clientPageId.toUtf8() },
        { QStringLiteral("sha256"), page.sha256.toLatin1() },
        { QStringLiteral("mediaType"), page.mediaType.toUtf8() } };
    m_uploads[slot].pageId = page.clientPageId;
    m_uploads[slot].progressSaved.invalidate();
    m_uploads[slot].uploader->start(spec);
    return true;
}

void Outbox::onUploadUrlChanged(int slot, const QUrl &url)
{
    const QString pageId = m_uploads[slot].pageId;
    if (pageId.isEmpty())
        return;
    // Kept at once: after a restart the upload resumes there (HEAD), never from zero.
    const Core::Status s = exec(QStringLiteral("UPDATE outbox_pages SET upload_url = ?,"
                                               " confirmed_offset = 0 WHERE client_page_id = ?"),
        { url.toString(), pageId });
    if (!s)
        qCWarning(lcPlatform).noquote() << "outbox:" << s.error().toString();
}

void Outbox::platformReachable()
{
    if (!m_unreachable)
        return;
    m_unreachable = false;
    const Core::Status s = m_retry.makeDue(true);
    if (!s)
        qCWarning(lcPlatform).noquote() << "outbox:" << s.error().toString();
    else
        qCInfo(lcPlatform) << "outbox: the platform answers again; waiting cases are due now";
}

void Outbox::onUploadProgress(int slot, qint64 offset, qint64 total)
{
    UploadSlot &upload = m_uploads[slot];
    if (upload.pageId.isEmpty())
        return;
    platformReachable(); // a HEAD or PATCH was answered
    // For the status screen only (a resume asks the server, HEAD): written at most once a
    // second per page, without waiting for the disk; onUploadFinished writes the end.
    if (offset < total
        && (!upload.progressSaved.isValid() || upload.progressSaved.hasExpired(1000))) {
        upload.progressSaved.start();
        const Core::Status s = m_db.transactionWithoutSync([&] {
            return exec(
                QStringLiteral(
                    "UPDATE outbox_pages SET confirmed_offset = ? WHERE client_page_id = ?"),
                { offset, upload.pageId });
        });
        if (!s)
            qCWarning(lcPlatform).noquote() << "outbox:" << s.error().toString();
    }
    emit pageProgress(m_currentCase, upload.pageId, offset, total);
}

void Outbox::onUploadFinished(int slot)
{
    UploadSlot &upload = m_uploads[slot];
    if (upload.pageId.isEmpty() || m_currentCase.isEmpty())
        return;
    // TusUploader finishes only after a HEAD confirmed the full length, which the server
    // reaches only once the whole file's SHA-256 matched the declaration.
    // Committed without waiting for the disk: the platform holds the page too. After a power
    // cut that loses the mark, the page's creation finds it there (§6) at the cost of its
    // one chunk; the case's next state change syncs the marks written before it.
    const QString caseId = m_currentCase;
    const QString pageId = upload.pageId;
    const Core::Status s = m_db.transactionWithoutSync([&] {
        return exec(QStringLiteral("UPDATE outbox_pages SET state = ?,"
                                   " confirmed_offset = size_bytes,"
                                   " upload_url = ? WHERE client_page_id = ?"),
            { kUploaded, upload.uploader->uploadUrl().toString(), pageId });
    });
    if (!s)
        return attemptFailed(caseId, s.error());
    upload.pageId.clear();
    const quint64 generation = m_generation;
    Core::Alive<Outbox> self(this);
    emit pageUploaded(caseId, pageId);
    if (self && generation == m_generation && m_currentCase == caseId)
        uploadPages();
}

void Outbox::onUploadFailed(int slot, const Core::Error &error)
{
    if (m_uploads[slot].pageId.isEmpty())
        return;
    attemptFailed(m_currentCase, error);
}

void Outbox::submitCase(const CaseRow &row)
{
    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = QString(QStringLiteral("/cases/")
        + QString::fromLatin1(QUrl::toPercentEncoding(row.serverCaseId))
        + QStringLiteral("/submit"));
    request.body = QByteArrayLiteral("{}");
    const QString id = row.clientCaseId;
    send(request, [this, id](Core::Result<ApiResponse> response) {
        if (response && response->status == 409) {
            const Core::Error error = errorFromResponse(response->status, response->body);
            const QString code = machineCode(error);
            if (code == QLatin1String("pages_missing") || code == QLatin1String("hash_mismatch")) {
                // Upload the pages again (resuming from the server's offset), then submit.
                const Core::Status s = m_db.transaction([&]() -> Core::Status {
                    if (auto r = exec(QStringLiteral("UPDATE outbox_pages SET state = ?"
                                                     " WHERE client_case_id = ?"),
                            { kPending, id });
                        !r)
                        return r;
                    return exec(QStringLiteral("UPDATE outbox_cases SET state = ?"
                                               " WHERE client_case_id = ?"),
                        { kUploading, id });
                });
                if (s)
                    emit caseStateChanged(id, kUploading);
                Core::Error again = error;
                again.detail += QStringLiteral(" (pages uploaded again)");
                return attemptFailed(id, again, true);
            }
        }
        const auto ok = requireSuccess(std::move(response));
        if (!ok)
            return attemptFailed(id, ok.error());
        const auto submitted = parseCaseSubmitted(ok->body);
        if (!submitted)
            return attemptFailed(id, submitted.error());
        if (submitted->caseNumber.isEmpty())
            return attemptFailed(id,
                Core::Error { InvalidResponse,
                    Tr::tr("The platform sent an answer this workstation cannot read. Try "
                           "again later; if it keeps happening, call the hall's IT staff."),
                    QStringLiteral("submit answer without caseNumber") });
        const Core::Status s = m_db.transaction([&]() -> Core::Status {
            if (auto r = exec(QStringLiteral("UPDATE outbox_cases SET case_number = ?"
                                             " WHERE client_case_id = ?"),
                    { submitted->caseNumber, id });
                !r)
                return r;
            if (m_acknowledgedHook) {
                if (auto r = m_acknowledgedHook(id, submitted->caseNumber); !r)
                    return r;
            }
            return setCaseState(id, kAcknowledged);
        });
        if (!s)
            return attemptFailed(id, s.error());
        emit caseAcknowledged(id, submitted->caseNumber);
        stepDone();
    });
}

void Outbox::attemptFailed(const QString &clientCaseId, const Core::Error &error, bool forceRetry)
{
    const bool retry = forceRetry || waitsAndRetries(error) || error.code == UploadFailed
        || machineCode(error) == QLatin1String("token_expired");
    if (error.code == NetworkUnavailable)
        m_unreachable = true;
    const auto recorded = m_retry.recordFailure(clientCaseId, error, retry);
    const int attempts = recorded ? recorded->attempts : 0;
    const QDateTime next = recorded ? recorded->next : QDateTime();
    if (!recorded)
        qCWarning(lcPlatform).noquote() << "outbox:" << recorded.error().toString();
    else if (!retry)
        emit caseStateChanged(clientCaseId, kFailed);
    qCInfo(lcPlatform).noquote() << "outbox: attempt" << attempts << "failed"
                                 << (retry ? "(retried)" : "(not retried)") << error.detail;
    emit caseError(clientCaseId, error, next);
    stepDone();
}

QJsonObject Outbox::status() const
{
    return status(m_db).valueOr(QJsonObject());
}

Core::Result<QJsonObject> Outbox::status(Storage::Database &db)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral(
            "SELECT c.client_case_id, c.state, c.server_case_id, c.case_number, c.attempts,"
            " c.next_attempt_at, c.last_error,"
            " (SELECT COUNT(*) FROM outbox_pages p WHERE p.client_case_id = c.client_case_id),"
            " (SELECT COUNT(*) FROM outbox_pages p WHERE p.client_case_id = c.client_case_id"
            "  AND p.state = 'uploaded')"
            " FROM outbox_cases c ORDER BY c.rowid")))
        return Storage::Database::queryError(query, QStringLiteral("outbox status"));
    QJsonObject counts { { kPending, 0 }, { kUploading, 0 }, { kSubmitting, 0 },
        { kAcknowledged, 0 }, { kFailed, 0 } };
    QJsonArray cases;
    while (query.next()) {
        const QString state = query.value(1).toString();
        counts.insert(state, counts.value(state).toInt() + 1);
        const qint64 next = query.value(5).toLongLong();
        cases.append(QJsonObject { { QStringLiteral("clientCaseId"), query.value(0).toString() },
            { QStringLiteral("state"), state },
            { QStringLiteral("caseId"), query.value(2).toString() },
            { QStringLiteral("caseNumber"), query.value(3).toString() },
            { QStringLiteral("attempts"), query.value(4).toInt() },
            { QStringLiteral("nextAttemptAt"),
                next > 0 ? QDateTime::fromMSecsSinceEpoch(next, Qt::UTC).toString(Qt::ISODate)
                         : QString() },
            { QStringLiteral("lastError"), query.value(6).toString() },
            { QStringLiteral("pagesTotal"), query.value(7).toInt() },
            { QStringLiteral("pagesUploaded"), query.value(8).toInt() } });
    }
    return QJsonObject { { QStringLiteral("counts"), counts }, { QStringLiteral("cases"), cases } };
}

} // namespace Tongban::Platform
