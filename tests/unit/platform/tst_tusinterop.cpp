// TusUploader against @tus/server + @tus/file-store (npm), a tus 1.0 server nobody here
// wrote: a whole upload, and an interrupted one resumed from the server's HEAD offset.
// The bytes on the server's disk must have the file's SHA-256.
#include "TestSupport.h"

#include <platform/ApiClient.h>
#include <platform/TusUploader.h>

#include <QCryptographicHash>
#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Tongban;
using namespace Tongban::Platform;
using namespace Tongban::Platform::Testing;

class TestTusInterop : public QObject
{
    Q_OBJECT

    QProcess m_node;
    QTemporaryDir m_dir;
    QUrl m_endpoint;

    static QByteArray randomBytes(int size, quint32 seed)
    {
        QByteArray bytes(size, Qt::Uninitialized);
        QRandomGenerator random(seed);
        random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
        return bytes;
    }

    QByteArray storedFile(const QUrl &uploadUrl) const
    {
        QFile file(m_dir.filePath(QStringLiteral("store/") + uploadUrl.fileName()));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        const QString serverDir = QStringLiteral(TONGBAN_TUS_SERVER_DIR);
        if (!QFileInfo::exists(serverDir + QStringLiteral("/node_modules/@tus/server")))
            QFAIL("@tus/server missing: run npm ci --prefix tests/interop/tus-server (CTest "
                  "fixture)");
        QDir(m_dir.path()).mkpath(QStringLiteral("store"));
        m_node.setProgram(QStringLiteral("node"));
        m_node.setArguments({ serverDir + QStringLiteral("/server.mjs"), QStringLiteral("0"),
            m_dir.filePath(QStringLiteral("store")) });
        m_node.start();
        QVERIFY(m_node.waitForStarted(10000));
        QVERIFY(spinUntil([&] { return m_node.canReadLine(); }, 15000));
        const int port = m_node.readLine().trimmed().toInt();
        QVERIFY(port > 0);
        m_endpoint = QUrl(
            QStringLiteral("http://127.0.0.1:") + QString::number(port) + QStringLiteral("/files"));
    }

    void cleanupTestCase()
    {
        m_node.terminate();
        m_node.waitForFinished(5000);
    }

    void wholeUpload()
    {
        // GIVEN a 3.3 MB page and 1 MiB chunks
        const QByteArray data = randomBytes(3300000, 1);
        ApiClient api(m_endpoint);
        TusUploader uploader(api);
        QSignalSpy finished(&uploader, &TusUploader::finished);
        QSignalSpy failed(&uploader, &TusUploader::failed);
        TusUploadSpec spec;
        spec.endpoint = m_endpoint;
        spec.data = data;
        spec.metadata
            = { { QStringLiteral("caseId"), "c-1" }, { QStringLiteral("clientPageId"), "p-1" },
                  { QStringLiteral("sha256"),
                      QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex() },
                  { QStringLiteral("mediaType"), "image/jpeg" } };
        // WHEN uploaded
        uploader.start(spec);
        QVERIFY(spinUntil([&] { return finished.count() + failed.count() > 0; }, 60000));
        QCOMPARE(failed.count(), 0);
        // THEN the server's file has the same SHA-256, in 4 PATCHes
        QCOMPARE(
            QCryptographicHash::hash(storedFile(uploader.uploadUrl()), QCryptographicHash::Sha256),
            QCryptographicHash::hash(data, QCryptographicHash::Sha256));
        QCOMPARE(uploader.patchCount(), 4);
    }

    void interruptedUploadResumesFromServerOffset()
    {
        const QByteArray data = randomBytes(2600000, 2);
        ApiClient api(m_endpoint);
        TusUploadSpec spec;
        spec.endpoint = m_endpoint;
        spec.data = data;
        spec.metadata = { { QStringLiteral("clientPageId"), "p-2" } };
        QUrl url;
        qint64 offsetAtStop = 0;
        {
            // GIVEN an upload stopped after its first chunk (the workstation was closed)
            TusUploader first(api);
            first.setChunkSizeBytes(512 * 1024);
            connect(&first, &TusUploader::progress, &first, [&](qint64 offset, qint64) {
                if (offset > 0 && first.isRunning()) {
                    offsetAtStop = offset;
                    first.abort();
                }
            });
            first.start(spec);
            QVERIFY(spinUntil([&] { return offsetAtStop > 0; }, 30000));
            url = first.uploadUrl();
            QVERIFY(url.isValid());
        }
        QTest::qWait(200); // let the server finish the request in flight
        // WHEN a new uploader resumes with the stored URL
        TusUploader second(api);
        second.setChunkSizeBytes(512 * 1024);
        qint64 firstOffset = -1;
        connect(&second, &TusUploader::progress, &second, [&](qint64 offset, qint64) {
            if (firstOffset < 0)
                firstOffset = offset;
        });
        QSignalSpy finished(&second, &TusUploader::finished);
        QSignalSpy failed(&second, &TusUploader::failed);
        spec.uploadUrl = url;
        second.start(spec);
        QVERIFY(spinUntil([&] { return finished.count() + failed.count() > 0; }, 60000));
        QCOMPARE(failed.count(), 0);
        // THEN it went on from the server's offset (not zero), on the same upload,
        QVERIFY2(firstOffset >= offsetAtStop, qPrintable(QString::number(firstOffset)));
        QCOMPARE(second.uploadUrl(), url);
        QVERIFY(second.bytesSent() <= data.size() - offsetAtStop);
        // AND the bytes on the server's disk are the file's
        QCOMPARE(QCryptographicHash::hash(storedFile(url), QCryptographicHash::Sha256),
            QCryptographicHash::hash(data, QCryptographicHash::Sha256));
    }

    void bandwidthCapIsHonoured()
    {
        const QByteArray data = randomBytes(400000, 3);
        ApiClient api(m_endpoint);
        TusUploader uploader(api);
        uploader.setBandwidthLimit(400000); // bytes per second: about one second
        QSignalSpy finished(&uploader, &TusUploader::finished);
        TusUploadSpec spec;
        spec.endpoint = m_endpoint;
        spec.data = data;
        QElapsedTimer timer;
        timer.start();
        uploader.start(spec);
        QVERIFY(spinUntil([&] { return finished.count() > 0; }, 30000));
        QVERIFY2(timer.elapsed() >= 700, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(storedFile(uploader.uploadUrl()), data);
    }
};

QTEST_GUILESS_MAIN(TestTusInterop)
#include "tst_tusinterop.moc"
