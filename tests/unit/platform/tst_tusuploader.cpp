// TusUploader against a fake tus server that answers the faults of §6 on purpose:
// 460 (chunk resent), 409 (re-HEAD), 423 (retry later), 404 (re-created), and checks
// that the checksum header follows the server's OPTIONS answer; a fresh upload goes without a
// HEAD before its first PATCH, and with creation-with-upload the POST carries the first chunk.
#include "FakeHttpServer.h"
#include "TestSupport.h"

#include <platform/ApiClient.h>
#include <platform/TusUploader.h>

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTest>

using namespace Tongban;
using namespace Tongban::Platform;
using namespace Tongban::Platform::Testing;

namespace {
struct FakeTus
{
    QHash<QByteArray, QByteArray> files; // path -> bytes received
    QHash<QByteArray, qint64> lengths;
    QList<int> patchFaults; // statuses answered to the next PATCHes instead of accepting
    int headFaults404 = 0;
    bool advertiseChecksum = true;
    bool creationWithUpload = false; ///< announce and accept a first chunk with the POST
    /// answer the last chunk with Tongban-Upload-Verified, as tongban-hub does after its
    /// whole-file check
    bool saysVerified = false;
    int created = 0;
    int checksumHeaders = 0;
    int heads = 0;
    qint64 creationBytes = 0;

    FakeResponse operator()(const FakeRequest &r)
    {
        FakeResponse out;
        out.headers.append(qMakePair(QByteArray("Tus-Resumable"), QByteArray("1.0.0")));
        if (r.method == "OPTIONS") {
            out.status = 204;
            out.headers.append(qMakePair(QByteArray("Tus-Extension"),
                QByteArray(advertiseChecksum ? "creation,checksum,termination" : "creation")
                    + QByteArray(creationWithUpload ? ",creation-with-upload" : "")));
            if (advertiseChecksum)
                out.headers.append(
                    qMakePair(QByteArray("Tus-Checksum-Algorithm"), QByteArray("sha256")));
            return out;
        }
        if (r.headers.value("tus-resumable") != "1.0.0")
            return FakeResponse::error(412, "tus_version");
        if (r.method == "POST") {
            const QByteArray path = "/api/v1/uploads/u" + QByteArray::number(++created);
            files.insert(path, {});
            lengths.insert(path, r.headers.value("upload-length").toLongLong());
            out.status = 201;
            out.headers.append(qMakePair(QByteArray("Location"), path));
            if (creationWithUpload && !r.body.isEmpty()) {
                if (r.headers.contains("upload-checksum"))
                    ++checksumHeaders;
                files[path] = r.body;
                creationBytes += r.body.size();
                out.headers.append(
                    qMakePair(QByteArray("Upload-Offset"), QByteArray::number(r.body.size())));
            }
            return out;
        }
        if (!files.contains(r.path))
            return FakeResponse::error(404, "not_found");
        if (r.method == "HEAD") {
            ++heads;
            if (headFaults404 > 0) {
                --headFaults404;
                files.remove(r.path);
                return FakeResponse::error(404, "not_found");
            }
            out.headers.append(
                qMakePair(QByteArray("Upload-Offset"), QByteArray::number(files[r.path].size())));
            out.headers.append(
                qMakePair(QByteArray("Upload-Length"), QByteArray::number(lengths[r.path])));
            return out;
        }
        if (r.method == "PATCH") {
            if (r.headers.contains("upload-checksum")) {
                ++checksumHeaders;
                const QByteArray expected = "sha256 "
                    + QCryptographicHash::hash(r.body, QCryptographicHash::Sha256).toBase64();
                if (r.headers.value("upload-checksum") != expected)
                    return FakeResponse::error(460, "checksum_mismatch");
            }
            if (!patchFaults.isEmpty()) {
                const int status = patchFaults.takeFirst();
                if (status == 423) {
                    FakeResponse locked = FakeResponse::error(423, "locked");
                    locked.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("0")));
                    return locked;
                }
                return FakeResponse::error(
                    status, status == 409 ? "offset_mismatch" : "checksum_mismatch");
            }
            if (r.headers.value("upload-offset").toLongLong() != files[r.path].size())
                return FakeResponse::error(409, "offset_mismatch");
            files[r.path] += r.body;
            out.status = 204;
            out.headers.append(
                qMakePair(QByteArray("Upload-Offset"), QByteArray::number(files[r.path].size())));
            if (saysVerified && files[r.path].size() == lengths[r.path])
                out.headers.append(
                    qMakePair(QByteArray("Tongban-Upload-Verified"), QByteArray("sha256")));
            return out;
        }
        return FakeResponse::error(400, "bad_request");
    }
};

QByteArray pattern(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = char((i * 131 + 7) & 0xff);
    return bytes;
}
} // namespace

class TestTusUploader : public QObject
{
    Q_OBJECT

    bool run(FakeTus &tus, TusUploader &uploader, const QByteArray &data, FakeHttpServer &server)
    {
        QSignalSpy finished(&uploader, &TusUploader::finished);
        QSignalSpy failed(&uploader, &TusUploader::failed);
        TusUploadSpec spec;
        spec.endpoint = QUrl(server.baseUrl().toString() + QStringLiteral("/api/v1/uploads"));
        spec.data = data;
        uploader.start(spec);
        spinUntil([&] { return finished.count() + failed.count() > 0; }, 30000);
        Q_UNUSED(tus);
        return finished.count() == 1 && failed.isEmpty();
    }

private slots:
    void faultsAreHandled()
    {
        // GIVEN a server that answers 460, 409 and 423 once each, and loses the upload once
        auto tus = std::make_shared<FakeTus>();
        tus->patchFaults = { 460, 409, 423 };
        tus->headFaults404 = 0;
        FakeHttpServer server([tus](const FakeRequest &r) { return (*tus)(r); });
        ApiClient api(server.baseUrl());
        TusUploader uploader(api);
        uploader.setChunkSizeBytes(100000);
        const QByteArray data = pattern(450000);
        // WHEN uploading THEN it completes with the right bytes on the server
        QVERIFY(run(*tus, uploader, data, server));
        QCOMPARE(tus->files.value(uploader.uploadUrl().path().toLatin1()), data);
        QCOMPARE(tus->created, 1);
        QVERIFY(tus->checksumHeaders > 0);
        QCOMPARE(uploader.patchCount(), 5 + 3);
    }

    void freshUploadNeedsNoHeadBeforeItsFirstPatch_data()
    {
        QTest::addColumn<bool>("saysVerified");
        QTest::addColumn<int>("heads");
        QTest::newRow("a tus server: the confirmation is a HEAD") << false << 1;
        // (tongban-hub answers the last chunk after its whole-file check and says so)
        QTest::newRow("says it verified the file: no HEAD") << true << 0;
    }

    void freshUploadNeedsNoHeadBeforeItsFirstPatch()
    {
        // GIVEN a server without creation-with-upload, that says on the last chunk's answer
        // that it verified the whole file (Tongban-Upload-Verified) or does not
        QFETCH(bool, saysVerified);
        QFETCH(int, heads);
        auto tus = std::make_shared<FakeTus>();
        tus->saysVerified = saysVerified;
        FakeHttpServer server([tus](const FakeRequest &r) { return (*tus)(r); });
        ApiClient api(server.baseUrl());
        TusUploader uploader(api);
        uploader.setChunkSizeBytes(100000);
        const QByteArray data = pattern(250000);
        // WHEN a new file is uploaded
        QVERIFY(run(*tus, uploader, data, server));
        // THEN it goes in 3 PATCHes from offset 0, and the only HEAD is the confirmation, if
        // the server did not say it verified the file
        QCOMPARE(tus->files.value(uploader.uploadUrl().path().toLatin1()), data);
        QCOMPARE(uploader.patchCount(), 3);
        QCOMPARE(tus->heads, heads);
        QCOMPARE(tus->creationBytes, 0);
    }

    void creationCarriesTheFirstChunk()
    {
        // GIVEN a server that announces creation-with-upload
        auto tus = std::make_shared<FakeTus>();
        tus->creationWithUpload = true;
        FakeHttpServer server([tus](const FakeRequest &r) { return (*tus)(r); });
        ApiClient api(server.baseUrl());
        TusUploader uploader(api);
        uploader.setChunkSizeBytes(100000);
        QSignalSpy urlChanged(&uploader, &TusUploader::uploadUrlChanged);
        // WHEN a file of 2.5 chunks is uploaded
        const QByteArray data = pattern(250000);
        QVERIFY(run(*tus, uploader, data, server));
        // THEN the creation carried the first chunk (with its checksum), 2 PATCHes the rest,
        // the only HEAD is the confirmation, and the URL was announced for a resume
        QCOMPARE(tus->files.value(uploader.uploadUrl().path().toLatin1()), data);
        QCOMPARE(tus->creationBytes, 100000);
        QCOMPARE(uploader.patchCount(), 3);
        QCOMPARE(uploader.bytesSent(), 250000);
        QCOMPARE(tus->checksumHeaders, 3);
        QCOMPARE(tus->heads, 1);
        QCOMPARE(urlChanged.count(), 1);
        // WHEN a file of one chunk is uploaded
        const QByteArray small = pattern(5000);
        QVERIFY(run(*tus, uploader, small, server));
        // THEN one creation and the confirming HEAD did it; there was nothing to resume, so
        // the URL comes with finished() only
        QCOMPARE(tus->files.value(uploader.uploadUrl().path().toLatin1()), small);
        QCOMPARE(tus->created, 2);
        QCOMPARE(tus->heads, 2);
        QCOMPARE(uploader.patchCount(), 4);
        QCOMPARE(urlChanged.count(), 1);
    }

    void lostUploadIsRecreated()
    {
        auto tus = std::make_shared<FakeTus>();
        tus->headFaults404 = 1; // the first HEAD after creation: expired
        FakeHttpServer server([tus](const FakeRequest &r) { return (*tus)(r); });
        ApiClient api(server.baseUrl());
        TusUploader uploader(api);
        QSignalSpy urls(&uploader, &TusUploader::uploadUrlChanged);
        const QByteArray data = pattern(3000);
        QVERIFY(run(*tus, uploader, data, server));
        QCOMPARE(tus->created, 2);
        QCOMPARE(urls.count(), 2);
        QCOMPARE(tus->files.value(uploader.uploadUrl().path().toLatin1()), data);
    }

    void noChecksumWhenServerLacksIt()
    {
        auto tus = std::make_shared<FakeTus>();
        tus->advertiseChecksum = false;
        FakeHttpServer server([tus](const FakeRequest &r) { return (*tus)(r); });
        ApiClient api(server.baseUrl());
        TusUploader uploader(api);
        QVERIFY(run(*tus, uploader, pattern(5000), server));
        QCOMPARE(tus->checksumHeaders, 0);
    }

    void networkFailureIsReported()
    {
        ApiClient api(QUrl(QStringLiteral("http://127.0.0.1:1")));
        TusUploader uploader(api);
        QSignalSpy failed(&uploader, &TusUploader::failed);
        TusUploadSpec spec;
        spec.endpoint = api.apiUrl(QStringLiteral("/uploads"));
        spec.data = pattern(10);
        uploader.start(spec);
        QVERIFY(spinUntil([&] { return failed.count() > 0; }));
        QCOMPARE(failed.first().first().value<Core::Error>().code, int(6001));
    }
};

QTEST_GUILESS_MAIN(TestTusUploader)
#include "tst_tusuploader.moc"
