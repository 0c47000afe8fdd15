// tus with a client's defaults and the hub's memory for request bodies (issue 13), over HTTP
// on 127.0.0.1 against an in-process hub.
//
// tus-js-client's default chunkSize is Infinity: after the creation it sends the whole file
// in one PATCH. Before issue 13's streaming a PATCH was buffered and capped at 8 MiB, so a
// 20 MB page was refused with 413; a PATCH was read whole before its owner or offset was
// looked at; and nothing bounded the bodies all connections together kept in memory.

#include "HubTestClient.h"
#include "InProcessHub.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTcpSocket>
#include <QTest>

#include <DemoSeed.h>

using namespace Tongban;

namespace {
const QString Password = QString::fromUtf8(Hub::DemoPassword);
const QString ClerkA = QStringLiteral("xh-tb-03-wangli");
const QString WindowA = QStringLiteral("410402-tb-03");
const QString ClerkB = QStringLiteral("wd-tb-02-zhaomin");
const QString WindowB = QStringLiteral("410403-tb-02");
constexpr int PageBytes = 20 * 1000 * 1000; // a 20 MB page
constexpr qint64 BodyBudget = 512 * 1024; // this test's maxBufferedBodyBytes

/// A client on a raw socket: what it sends is exactly what is written.
struct Raw
{
    explicit Raw(quint16 port)
    {
        QObject::connect(
            &socket, &QTcpSocket::readyRead, &socket, [this] { received += socket.readAll(); });
        socket.connectToHost(QHostAddress(QStringLiteral("127.0.0.1")), port);
    }
    bool waitConnected()
    {
        return QTest::qWaitFor(
            [&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }
    int waitStatus(int ms)
    {
        if (!QTest::qWaitFor([&] { return received.contains("\r\n\r\n"); }, ms))
            return 0;
        return received.startsWith("HTTP/1.1 ") ? received.mid(9, 3).toInt() : 0;
    }
    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : received.left(received.indexOf("\r\n\r\n")).split('\n')) {
            if (line.toLower().startsWith(QByteArray(name.toLower() + ':')))
                return line.mid(name.size() + 1).trimmed();
        }
        return {};
    }
    QTcpSocket socket;
    QByteArray received;
};

QByteArray patchHead(
    const QString &location, const QByteArray &token, qint64 offset, qint64 contentLength)
{
    return "PATCH " + location.toLatin1()
        + " HTTP/1.1\r\nHost: hub\r\nTus-Resumable: 1.0.0\r\n"
          "Content-Type: application/offset+octet-stream\r\nAuthorization: Bearer "
        + token + "\r\nUpload-Offset: " + QByteArray::number(offset)
        + "\r\nContent-Length: " + QByteArray::number(contentLength) + "\r\n\r\n";
}
} // namespace

class TestHubTus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aWholePageInOnePatchAsTusJsClientSendsIt();
    void anInterruptedPatchResumesFromTheDurableOffset();
    void aPatchIsRefusedBeforeItsBody();
    void theChunkLimitIsDiscoverable();
    void bodiesInMemoryHaveABudget();
    void theLastChunksAnswerSaysTheWholeFileWasVerified();

private:
    std::unique_ptr<HubTestClient> signedIn(const QString &account, const QString &windowId);
    /// A case of \a client's window with \a file as its page; the upload's Location.
    QString uploadOf(HubTestClient &client, const QByteArray &file);
    QString uploadFile(const QString &location) const
    {
        return QString(m_platform->dir->path() + QStringLiteral("/files/uploads/")
            + location.section(QLatin1Char('/'), -1));
    }
    quint16 port() const { return quint16(QUrl(m_platform->base).port()); }

    std::unique_ptr<InProcessHub> m_platform;
};

void TestHubTus::init()
{
    m_platform = std::make_unique<InProcessHub>();
    const QString started = m_platform->start(
        [](Hub::HubConfig &config) { config.http.maxBufferedBodyBytes = BodyBudget; });
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestHubTus::cleanup()
{
    m_platform.reset();
}

std::unique_ptr<HubTestClient> TestHubTus::signedIn(const QString &account, const QString &windowId)
{
    auto client = std::make_unique<HubTestClient>(m_platform->base);
    const Reply login = client->login(account, Password, windowId);
    if (login.status != 200)
        qWarning() << "sign-in of" << account << "failed:" << login.status << login.body;
    return client;
}

QString TestHubTus::uploadOf(HubTestClient &client, const QByteArray &file)
{
    QStringList pages;
    const Reply created = client.postJson(QStringLiteral("/api/v1/cases"),
        HubTestClient::caseBody(
            QUuid::createUuid().toString(QUuid::WithoutBraces), { file }, &pages));
    if (created.status != 201) {
        qWarning() << "case creation failed:" << created.status << created.body;
        return {};
    }
    // tus-js-client's creation: POST with Upload-Length and Upload-Metadata, no body.
    const Reply upload = client.createUpload(
        created.json().value(QStringLiteral("caseId")).toString(), pages.at(0), file);
    if (upload.status != 201)
        qWarning() << "upload creation failed:" << upload.status << upload.body;
    return QString::fromLatin1(upload.header("Location"));
}

void TestHubTus::aWholePageInOnePatchAsTusJsClientSendsIt()
{
    // GIVEN a 20 MB page declared in a case and its upload created, as tus-js-client does
    auto clerk = signedIn(ClerkA, WindowA);
    const QByteArray file = HubTestClient::randomFile(PageBytes, 'p');
    const QString location = uploadOf(*clerk, file);
    QVERIFY(!location.isEmpty());

    // WHEN the whole file goes in one PATCH with tus-js-client's default headers
    // (chunkSize Infinity: no Upload-Checksum, Content-Type application/offset+octet-stream)
    const Reply patched = clerk->send("PATCH", location, file,
        { { "Tus-Resumable", "1.0.0" }, { "Content-Type", "application/offset+octet-stream" },
            { "Upload-Offset", "0" } });

    // THEN it is accepted, HEAD shows the whole length, and the stored file is the one sent
    QCOMPARE(patched.status, 204);
    QCOMPARE(patched.header("Upload-Offset"), QByteArray::number(PageBytes));
    const Reply head = clerk->head(location);
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("Upload-Offset"), QByteArray::number(PageBytes));
    QFile stored(uploadFile(location));
    QVERIFY(stored.open(QIODevice::ReadOnly));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QVERIFY(hash.addData(&stored));
    QCOMPARE(
        hash.result().toHex(), QCryptographicHash::hash(file, QCryptographicHash::Sha256).toHex());
}

void TestHubTus::anInterruptedPatchResumesFromTheDurableOffset()
{
    // GIVEN a 20 MB upload whose one PATCH breaks off after 6 MB (the connection is cut)
    auto clerk = signedIn(ClerkA, WindowA);
    const QByteArray file = HubTestClient::randomFile(PageBytes, 'r');
    const QString location = uploadOf(*clerk, file);
    QVERIFY(!location.isEmpty());
    constexpr qint64 Sent = 6 * 1000 * 1000;
    {
        Raw raw(port());
        QVERIFY(raw.waitConnected());
        raw.socket.write(patchHead(location, clerk->token, 0, PageBytes));
        raw.socket.write(file.left(Sent));
        // The body goes to disk as it arrives (it is never kept whole): the partial file
        // grows while the request is still open.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(uploadFile(location)).size() >= Sent, 20000);
        QCOMPARE(raw.received, QByteArray()); // no answer yet: the body is not complete
        raw.socket.abort();
    }

    // WHEN the client asks where to resume (HEAD), as tus-js-client does after an error
    QTRY_COMPARE_WITH_TIMEOUT(
        clerk->head(location).header("Upload-Offset"), QByteArray::number(Sent), 5000);

    // THEN the bytes received were kept: the rest from that offset completes the file
    const Reply rest = clerk->send("PATCH", location, file.mid(Sent),
        { { "Tus-Resumable", "1.0.0" }, { "Content-Type", "application/offset+octet-stream" },
            { "Upload-Offset", QByteArray::number(Sent) } });
    QCOMPARE(rest.status, 204);
    QCOMPARE(rest.header("Upload-Offset"), QByteArray::number(PageBytes));
    QFile stored(uploadFile(location));
    QVERIFY(stored.open(QIODevice::ReadOnly));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QVERIFY(hash.addData(&stored));
    QCOMPARE(hash.result(), QCryptographicHash::hash(file, QCryptographicHash::Sha256));
}

void TestHubTus::aPatchIsRefusedBeforeItsBody()
{
    // GIVEN window A's upload, and a clerk of another district with their own token
    auto a = signedIn(ClerkA, WindowA);
    auto b = signedIn(ClerkB, WindowB);
    const QByteArray file = HubTestClient::randomFile(2 * 1024 * 1024, 'o');
    const QString location = uploadOf(*a, file);
    QVERIFY(!location.isEmpty());

    // WHEN B, then A at a wrong offset, send only the head of a 2 MB PATCH
    Raw foreign(port());
    QVERIFY(foreign.waitConnected());
    foreign.socket.write(patchHead(location, b->token, 0, file.size()));
    Raw wrongOffset(port());
    QVERIFY(wrongOffset.waitConnected());
    wrongOffset.socket.write(patchHead(location, a->token, 4096, file.size()));

    // THEN both are answered at once, without the hub waiting for (or reading) a body byte:
    // 404 as if the upload did not exist, and 409 with the server's offset
    QCOMPARE(foreign.waitStatus(3000), 404);
    QCOMPARE(wrongOffset.waitStatus(3000), 409);
    QCOMPARE(wrongOffset.header("Upload-Offset"), QByteArrayLiteral("0"));
    QCOMPARE(QFileInfo(uploadFile(location)).size(), 0);
    QCOMPARE(a->head(location).header("Upload-Offset"), QByteArrayLiteral("0"));

    // AND a PATCH whose Content-Length passes Upload-Length is 413 before its body
    Raw tooLong(port());
    QVERIFY(tooLong.waitConnected());
    tooLong.socket.write(patchHead(location, a->token, 0, file.size() + 1));
    QCOMPARE(tooLong.waitStatus(3000), 413);
}

void TestHubTus::theChunkLimitIsDiscoverable()
{
    // GIVEN the hub WHEN a client asks what uploads it takes (tus OPTIONS)
    HubTestClient client(m_platform->base);
    const Reply options = client.send("OPTIONS", QStringLiteral("/api/v1/uploads"));

    // THEN it learns the largest file and the largest PATCH: a whole file (64 MiB)
    QCOMPARE(options.status, 204);
    QCOMPARE(options.header("Tus-Max-Size"), QByteArrayLiteral("67108864"));
    QCOMPARE(options.header("Tongban-Max-Chunk-Size"), QByteArrayLiteral("67108864"));
}

void TestHubTus::bodiesInMemoryHaveABudget()
{
    // GIVEN a hub that keeps at most 512 KiB of request bodies in memory, and a client
    // holding 400 KiB of it with a JSON request whose body it sends slowly
    const QByteArray head = "POST /api/v1/cases HTTP/1.1\r\nHost: hub\r\n"
                            "Content-Type: application/json\r\nContent-Length: "
        + QByteArray::number(400 * 1024) + "\r\n\r\n";
    auto holder = std::make_unique<Raw>(port());
    QVERIFY(holder->waitConnected());
    holder->socket.write(head + "{\"clientCaseId\":");
    QTest::qWait(300); // its head is read and its body reserved

    // WHEN another client sends a request with a 400 KiB body
    Raw second(port());
    QVERIFY(second.waitConnected());
    second.socket.write(head);

    // THEN it is told to come back later (503 with Retry-After) before its body is read
    QCOMPARE(second.waitStatus(3000), 503);
    QCOMPARE(second.header("Retry-After"), QByteArrayLiteral("5"));
    QVERIFY(second.received.contains("\"unavailable\""));

    // AND requests without a body, and a streamed 20 MB PATCH, are not held back by it
    auto clerk = signedIn(ClerkA, WindowA);
    QVERIFY(!clerk->token.isEmpty());
    const QByteArray file = HubTestClient::randomFile(PageBytes, 'b');
    const QString location = uploadOf(*clerk, file);
    QVERIFY(!location.isEmpty());
    const Reply patched = clerk->send("PATCH", location, file,
        { { "Tus-Resumable", "1.0.0" }, { "Content-Type", "application/offset+octet-stream" },
            { "Upload-Offset", "0" } });
    QCOMPARE(patched.status, 204);

    // AND once the first client is gone, the same request is read again (401: no token)
    holder.reset();
    QTest::qWait(200);
    Raw third(port());
    QVERIFY(third.waitConnected());
    third.socket.write(head + QByteArray(400 * 1024, ' '));
    QCOMPARE(third.waitStatus(5000), 401);
}

QTEST_GUILESS_MAIN(TestHubTus)
#include "tst_hubtus.moc"

void TestHubTus::theLastChunksAnswerSaysTheWholeFileWasVerified()
{
    // GIVEN an upload of a 1 MB page, and another of a page whose bytes will not match the
    // SHA-256 declared for it
    auto clerk = signedIn(ClerkA, WindowA);
    const QByteArray file = HubTestClient::randomFile(1000 * 1000, 'v');
    const QString location = uploadOf(*clerk, file);
    QVERIFY(!location.isEmpty());
    const QByteArray other = HubTestClient::randomFile(1000 * 1000, 'w');
    const QString mismatched = uploadOf(*clerk, other);
    QVERIFY(!mismatched.isEmpty());
    const auto patch = [&](const QString &at, const QByteArray &bytes, qint64 offset) {
        return clerk->send("PATCH", at, bytes,
            { { "Tus-Resumable", "1.0.0" }, { "Content-Type", "application/offset+octet-stream" },
                { "Upload-Offset", QByteArray::number(offset) } });
    };

    // WHEN the first half goes, then the second
    const Reply first = patch(location, file.left(500000), 0);
    const Reply last = patch(location, file.mid(500000), 500000);

    // THEN only the answer after the whole file's check says it was verified (the client
    // then needs no confirming HEAD), and a HEAD says it too
    QCOMPARE(first.status, 204);
    QVERIFY(first.header("Tongban-Upload-Verified").isEmpty());
    QCOMPARE(last.status, 204);
    QCOMPARE(last.header("Tongban-Upload-Verified"), QByteArray("sha256"));
    QCOMPARE(clerk->head(location).header("Tongban-Upload-Verified"), QByteArray("sha256"));

    // AND a file whose bytes differ from the SHA-256 declared is refused at its last chunk,
    // not said to be verified
    const QByteArray wrong = HubTestClient::randomFile(1000 * 1000, 'x');
    const Reply refused = patch(mismatched, wrong, 0);
    QCOMPARE(refused.status, 460);
    QVERIFY(refused.header("Tongban-Upload-Verified").isEmpty());
}
